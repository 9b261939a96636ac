/** The diagnostic section: indicators compared with their references, densities, needs. */
import { NBSP, formatNumber, joinFr, lowerFirst, upperFirst } from "../../french/index.js";
import type { IndicateurDiagnostic, Project } from "../../project/index.js";
import type { TerritorySummary } from "../../territory/index.js";
import { compare, densities, densityYearNote, diagnosticFigures, spreadNote, yearSpread } from "../diagnostic.js";
import { professionLabel } from "../professions.js";
import { actorView } from "./actors.js";
import { indicatorFigureNames } from "./figures.js";
import { DONNEE_EXEMPLE, has, lowerInitial, missionLabel, text } from "./common.js";
import { PRIORITES, THEMES } from "./labels.js";

export interface IndicatorView {
  libelle: string;
  /** The label with a long unit in parentheses, for tables: « Densité… (pour 10 000 habitants) ». */
  libelle_tableau: string;
  valeur: number;
  unite: string | undefined;
  /** « 13,1 % », « 412 patients ». */
  valeur_texte: string;
  /** The value as a table cell: the unit is kept only when it is « % ». */
  valeur_cellule: string;
  annee: number;
  source: string;
  /** « INSEE, recensement de la population, 2016 », with « donnée d’exemple » for an illustration. */
  source_annee: string;
  exemple: boolean;
  theme: string;
  references: { departement: string | undefined; region: string | undefined; france: string | undefined };
  a_references: boolean;
  comparaisons: { niveau: string; libelle: string; valeur_texte: string; sens: string; ecart_texte: string }[];
  /** « valeur inférieure à celle du département (13,9 %), supérieure à celles de la région (11,7 %) et de la France (9,3 %) ». */
  comparaison: string | undefined;
  /** The same as a sentence: « Valeur inférieure … (9,3 %). » */
  comparaison_texte: string | undefined;
  commentaire: string | undefined;
  /** Name of its comparison chart, for `![](figure:…)`; undefined without a reference. */
  figure: string | undefined;
}

export interface AccessView {
  /** True when any of the parts below is filled. */
  renseigne: boolean;
  sans_medecin_traitant:
    | { source_annee: string; categories: { libelle: string; nombre_texte: string | undefined; part_texte: string | undefined }[] }
    | undefined;
  soins_non_programmes:
    | { constat: string | undefined; organisation: string | undefined; passages: { valeur_texte: string; source_annee: string } | undefined }
    | undefined;
  zonage:
    | { source: string; arrete: string | undefined; annee: number | undefined; zip: string[]; zac: string[]; zip_texte: string | undefined; zac_texte: string | undefined; exemple: boolean }
    | undefined;
  apl: { profession: string; valeur_texte: string; source_annee: string }[];
  quartiers_prioritaires: { nom: string; commune: string | undefined; population_texte: string | undefined; source_annee: string | undefined }[];
}

const PATIENT_CATEGORIES: Record<string, string> = {
  "17_ans_et_plus": "Patients de 17 ans et plus",
  ald: "Patients en affection de longue durée (ALD)",
  "70_ans_et_plus": "Patients de 70 ans et plus",
  c2s: "Bénéficiaires de la complémentaire santé solidaire (C2S)",
  moins_de_17_ans: "Patients de moins de 17 ans",
  autre: "Autres patients",
};

function sourceYear(source: string, annee: number | undefined, exemple: boolean | undefined): string {
  return `${source.trim()}${annee !== undefined ? `, ${annee}` : ""}${exemple ? ` — ${DONNEE_EXEMPLE}` : ""}`;
}

/** What ARS reviewers look for on access to care, with each figure's source and year. */
function accessView(d: NonNullable<Project["diagnostic"]>, summary: TerritorySummary | null): AccessView {
  const names = new Map((summary?.communes ?? []).map((c) => [c.code, c.name]));
  const name = (code: string) => names.get(code) ?? code;
  const sm = d.patients_sans_medecin_traitant;
  const snp = d.soins_non_programmes;
  const z = d.zonage_medecins;
  const view: AccessView = {
    renseigne: false,
    sans_medecin_traitant: sm
      ? {
          source_annee: sourceYear(sm.source, sm.annee, sm.exemple),
          categories: (sm.categories ?? []).map((c) => ({
            libelle: text(c.libelle) ?? PATIENT_CATEGORIES[c.categorie] ?? c.categorie,
            nombre_texte: c.nombre !== undefined ? formatNumber(c.nombre) : undefined,
            part_texte: c.part !== undefined ? `${formatNumber(c.part, 2)}${NBSP}%` : undefined,
          })),
        }
      : undefined,
    soins_non_programmes: snp
      ? {
          constat: text(snp.constat),
          organisation: lowerInitial(snp.organisation_existante),
          passages: snp.passages_urgences
            ? {
                valeur_texte: formatValue(snp.passages_urgences.valeur, text(snp.passages_urgences.unite)),
                source_annee: sourceYear(snp.passages_urgences.source, snp.passages_urgences.annee, snp.passages_urgences.exemple),
              }
            : undefined,
        }
      : undefined,
    zonage: z
      ? {
          source: z.source,
          arrete: text(z.arrete),
          annee: z.annee,
          zip: (z.zip ?? []).map(name),
          zac: (z.zac ?? []).map(name),
          zip_texte: z.zip?.length ? joinFr((z.zip ?? []).map(name)) : undefined,
          zac_texte: z.zac?.length ? joinFr((z.zac ?? []).map(name)) : undefined,
          exemple: z.exemple === true,
        }
      : undefined,
    apl: (d.apl ?? []).map((a) => ({
      profession: professionLabel(a.profession, 2),
      valeur_texte: formatValue(a.valeur, text(a.unite)),
      source_annee: sourceYear(a.source, a.annee, a.exemple),
    })),
    quartiers_prioritaires: (d.quartiers_prioritaires ?? []).map((q) => ({
      nom: q.nom,
      commune: q.commune ? name(q.commune) : undefined,
      population_texte: q.population !== undefined ? `${formatNumber(q.population)}${NBSP}habitants` : undefined,
      source_annee: q.source ? sourceYear(q.source, q.annee, q.exemple) : q.exemple ? DONNEE_EXEMPLE : undefined,
    })),
  };
  view.renseigne = !!(view.sans_medecin_traitant || view.soins_non_programmes || view.zonage || view.apl.length || view.quartiers_prioritaires.length);
  return view;
}

export interface DiagnosticView {
  methode: string | undefined;
  indicateurs: IndicatorView[];
  themes: { code: string; libelle: string; indicateurs: IndicatorView[] }[];
  sources: string[];
  sources_texte: string | undefined;
  /** The professions de santé of the code de la santé publique, counted in the total. */
  densites: DensityRow[];
  /** « 414 »: the professionnels de santé only. */
  densites_total: string | undefined;
  /** Other professions (psychologues…), shown below the total and not counted in it. */
  densites_autres: DensityRow[];
  /** Says why they stand apart; undefined when there is none. */
  densites_autres_note: string | undefined;
  /** The file counts professionals of some profession (the table is shown). */
  effectifs_renseignes: boolean;
  effectifs_annee: number | undefined;
  effectifs_source: string | undefined;
  /** « 61 915 habitants (population municipale, données 2023) ». */
  densites_population: string | undefined;
  /** The effectifs are illustrations. */
  effectifs_exemple: boolean;
  /** Said when the densities divide counts and a population of years far apart. */
  densites_annees_note: string | undefined;
  /** Said when the figures of the diagnostic span more than a few years. */
  annees_note: string | undefined;
  acces: AccessView;
  besoins: { intitule: string; description: string | undefined; priorite: string; mission: string | undefined }[];
  besoins_par_priorite: {
    code: string;
    libelle: string;
    /** « priorité haute ». */
    texte: string;
    besoins: { intitule: string; description: string | undefined; mission: string | undefined }[];
  }[];
  forces: string[];
  faiblesses: string[];
  coordination_existante: { nom: string; type: string | undefined; commune: string | undefined; commentaire: string | undefined; texte: string }[];
  renseigne: boolean;
}

const LEVEL_OF: Record<string, string> = { departement: "du département", region: "de la région", france: "de la France" };
const SENS_WORD: Record<string, string> = { superieur: "supérieure", inferieur: "inférieure", egal: "égale" };

export interface DensityRow {
  profession: string;
  libelle: string;
  effectif: number;
  effectif_texte: string;
  pour_10000: string | undefined;
  precision: string | undefined;
}

/**
 * The table of the professionals of the territory: the professions de santé and their total,
 * then the other professions the file counts (psychologues, ostéopathes…), which the code de la
 * santé publique does not make professions de santé (REFERENCE §7.1).
 */
function densityRows(
  effectifs: NonNullable<NonNullable<Project["diagnostic"]>["effectifs"]>,
  population: number | undefined,
): Pick<DiagnosticView, "densites" | "densites_total" | "densites_autres" | "densites_autres_note"> {
  const rows = densities(effectifs, population).map((x, i) => ({
    sante: x.sante,
    row: {
      profession: x.profession,
      libelle: x.libelle,
      effectif: x.nombre,
      effectif_texte: formatNumber(x.nombre),
      pour_10000: x.pour_10000 !== null ? x.pour_10000.toFixed(1).replace(".", ",") : undefined,
      precision: text(effectifs[i]?.precision),
    },
  }));
  const health = rows.filter((r) => r.sante).map((r) => r.row);
  const others = rows.filter((r) => !r.sante).map((r) => r.row);
  const total = health.reduce((n, r) => n + r.effectif, 0);
  const names = [...new Set(others.map((r) => lowerFirst(professionLabel(r.profession, 2))))];
  return {
    densites: health,
    densites_total: health.length > 0 ? formatNumber(total) : undefined,
    densites_autres: others,
    densites_autres_note:
      names.length > 0
        ? `${upperFirst(joinFr(names.map((n) => `les ${n}`)))} ne sont pas des professionnels de santé au sens du code de la santé publique${NBSP}: ils figurent sous le total, sans y être comptés.`
        : undefined,
  };
}

function formatValue(value: number, unit: string | undefined): string {
  const n = formatNumber(value, 2);
  if (!unit) return n;
  return unit === "%" ? `${n}${NBSP}%` : `${n} ${unit}`;
}

/** « valeur inférieure à celle du département (13,9 %), supérieure à celles de la région (11,7 %) et de la France (9,3 %) ». */
function comparisonSentence(items: { niveau: string; sens: string; valeur_texte: string }[]): string | undefined {
  if (items.length === 0) return undefined;
  const groups: { sens: string; parts: string[] }[] = [];
  for (const c of items) {
    const part = `${LEVEL_OF[c.niveau]} (${c.valeur_texte})`;
    const last = groups[groups.length - 1];
    if (last && last.sens === c.sens) last.parts.push(part);
    else groups.push({ sens: c.sens, parts: [part] });
  }
  const phrases = groups.map((g) => `${SENS_WORD[g.sens]} à ${g.parts.length > 1 ? "celles" : "celle"} ${joinFr(g.parts)}`);
  return `valeur ${phrases.join(", ")}`;
}

/** The label of an indicator in a table whose cells hold bare numbers: the unit goes with the label. */
function tableLabel(libelle: string, unit: string | undefined): string {
  if (!unit || unit === "%" || libelle.toLocaleLowerCase("fr-FR").includes(unit.toLocaleLowerCase("fr-FR"))) return libelle;
  return libelle.trim().endsWith(")") ? `${libelle}, ${unit}` : `${libelle} (${unit})`;
}

function indicatorView(ind: IndicateurDiagnostic, figure: string | undefined): IndicatorView {
  const unit = text(ind.unite);
  const inTable = (v: number) => (unit === "%" ? formatValue(v, unit) : formatNumber(v, 2));
  const refs = ind.references ?? {};
  const comparisons = compare(ind).map((c) => {
    const abs = Math.abs(c.ecart);
    const sign = c.ecart > 0 ? "+" : c.ecart < 0 ? "−" : "";
    const ecart =
      unit === "%"
        ? `${sign}${formatNumber(abs, 2)}${NBSP}point${abs >= 2 ? "s" : ""}`
        : `${sign}${formatNumber(abs, 2)}${unit ? ` ${unit}` : ""}`;
    return { niveau: c.niveau, libelle: c.libelle, valeur_texte: inTable(c.valeur), sens: c.sens, ecart_texte: ecart };
  });
  const source = ind.source.trim();
  return {
    libelle: ind.libelle,
    libelle_tableau: tableLabel(ind.libelle, unit),
    valeur: ind.valeur,
    unite: unit,
    valeur_texte: formatValue(ind.valeur, unit),
    valeur_cellule: inTable(ind.valeur),
    annee: ind.annee,
    source,
    source_annee: `${source}, ${ind.annee}${ind.exemple ? ` — ${DONNEE_EXEMPLE}` : ""}`,
    exemple: ind.exemple === true,
    theme: ind.theme ?? "autre",
    references: {
      departement: refs.departement !== undefined ? inTable(refs.departement) : undefined,
      region: refs.region !== undefined ? inTable(refs.region) : undefined,
      france: refs.france !== undefined ? inTable(refs.france) : undefined,
    },
    a_references: comparisons.length > 0,
    comparaisons: comparisons,
    comparaison: comparisonSentence(comparisons),
    comparaison_texte: comparisonSentence(comparisons) !== undefined ? `${upperFirst(comparisonSentence(comparisons)!)}.` : undefined,
    commentaire: text(ind.commentaire),
    figure,
  };
}

/** The diagnostic of the file, with densities per 10 000 inhabitants of the computed population. */
export function diagnosticSection(project: Project, summary: TerritorySummary | null): DiagnosticView {
  const population = summary?.population;
  const d = project.diagnostic ?? {};
  const figures = indicatorFigureNames(d.indicateurs ?? []);
  const indicateurs = (d.indicateurs ?? []).map((ind, i) => indicatorView(ind, figures[i]));
  const themes = THEMES.map((th) => ({ code: th.code, libelle: th.libelle, indicateurs: indicateurs.filter((i) => i.theme === th.code) })).filter(
    (th) => th.indicateurs.length > 0,
  );
  const sources = [...new Set(indicateurs.map((i) => i.source))].map((s) => {
    const years = [...new Set(indicateurs.filter((i) => i.source === s).map((i) => i.annee))].sort((a, b) => a - b);
    return `${s} (${joinFr(years.map(String))})`;
  });
  const effectifs = d.effectifs ?? [];
  const besoins = (d.besoins ?? []).map((b) => ({
    intitule: b.intitule,
    description: text(b.description),
    priorite: b.priorite ?? "",
    mission: missionLabel(b.mission),
  }));
  return {
    methode: text(d.methode),
    indicateurs,
    themes,
    sources,
    sources_texte: sources.length > 0 ? joinFr(sources) : undefined,
    ...densityRows(effectifs, population),
    effectifs_renseignes: effectifs.length > 0,
    effectifs_annee: d.effectifs_annee,
    effectifs_exemple: d.effectifs_exemple === true,
    densites_annees_note: densityYearNote(effectifs.length ? d.effectifs_annee : undefined, summary?.populationYear),
    annees_note: spreadNote(yearSpread(diagnosticFigures(d, summary?.populationYear))),
    acces: accessView(d, summary),
    effectifs_source: text(d.effectifs_source),
    densites_population:
      population !== undefined && summary ? `${formatNumber(population)}${NBSP}habitants (${summary.populationLabel})` : undefined,
    besoins,
    besoins_par_priorite: PRIORITES.map((p) => ({
      code: p.code,
      libelle: p.libelle,
      texte: lowerFirst(p.libelle),
      besoins: besoins.filter((b) => b.priorite === p.code).map(({ intitule, description, mission }) => ({ intitule, description, mission })),
    })).filter((g) => g.besoins.length > 0),
    forces: (d.forces ?? []).filter(has),
    faiblesses: (d.faiblesses ?? []).filter(has),
    coordination_existante: (d.coordination_existante ?? []).map(actorView),
    renseigne: !!(text(d.methode) || indicateurs.length || effectifs.length || besoins.length || d.forces?.length || d.faiblesses?.length),
  };
}

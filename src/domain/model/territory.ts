/** The territory section: communes, population, départements and régions, taille, ARS and CPAM. */
import { NBSP, formatNumber, joinFr, plural } from "../../french/index.js";
import type { Project } from "../../project/index.js";
import { ACI_DATA, type Taille } from "../aci.js";
import type { ProjectTerritory } from "../project-territory.js";
import { text } from "./common.js";
import { departementWithDe } from "./wording.js";

const NEIGHBOUR_STATES: Record<string, string> = { existante: "CPTS existante", en_projet: "CPTS en projet", inconnu: "état non connu" };

/** Communes beyond this number go to a table in an annex of the letter. */
export const COMMUNES_INLINE_MAX = 12;

/**
 * A territory’s name after « de »: the names of intercommunalities and of the usual kinds of
 * territory take their article (« de la Communauté de communes… », « du Pays de… »); any other
 * name is quoted after « du territoire ».
 */
export function territoryWithDe(nom: string | undefined): string | undefined {
  if (!nom) return undefined;
  if (/^(Communauté|Métropole|Agglomération|Vallée|Région|Eurométropole)(?=[\s’']|$)/u.test(nom)) return `de la ${nom}`;
  if (/^(Pays|Val|Bassin|Grand|Territoire|Sud|Nord)(?=[\s’']|$)/u.test(nom)) return `du ${nom}`;
  return `du territoire${NBSP}«${NBSP}${nom}${NBSP}»`;
}

export interface CommuneView {
  code: string;
  nom: string;
  population: number | undefined;
  population_texte: string | undefined;
}

export interface TerritoryView {
  nom: string | undefined;
  /** « de la Communauté d’agglomération bergeracoise », « du Pays de Serres », « du territoire « Val de l’Isle » ». */
  nom_avec_de: string | undefined;
  resolu: boolean;
  communes: CommuneView[];
  nombre_communes: number | undefined;
  /** « 38 communes ». */
  nombre_communes_texte: string | undefined;
  communes_texte: string | undefined;
  communes_en_annexe: boolean;
  population: number | undefined;
  /** « 61 915 ». */
  population_texte: string | undefined;
  /** « population municipale, données 2023 ». */
  population_libelle: string | undefined;
  population_annee: number | undefined;
  departements: { code: string; nom: string; nom_avec_de: string }[];
  departements_texte: string | undefined;
  /** « du département de la Dordogne », « des départements de la Dordogne et de la Gironde ». */
  departements_de_texte: string | undefined;
  regions: { code: string; nom: string }[];
  regions_texte: string | undefined;
  taille: {
    code: Taille | undefined;
    numero: number | undefined;
    /** « taille 2 ». */
    libelle: string | undefined;
    /** « de 40 000 à 80 000 habitants ». */
    tranche: string | undefined;
  };
  superficie: number | undefined;
  /** « 579 km² ». */
  superficie_texte: string | undefined;
  /** « 107 habitants au km² ». */
  densite_texte: string | undefined;
  justification: string | undefined;
  coherence_cpts_voisines: string | undefined;
  /** The neighbouring CPTS and how the territory avoids overlapping them. */
  cpts_voisines: { nom: string; etat: string | undefined; territoire: string | undefined; chevauchement: boolean; articulation: string | undefined }[];
  ars: {
    nom: string | undefined;
    nom_long: string | undefined;
    /** « délégation départementale de la Dordogne ». */
    delegation: string | undefined;
    /** « Délégation départementale de la Dordogne ». */
    delegation_titre: string | undefined;
    autres: string[];
  };
  cpam: { noms: string[]; principale: string | undefined; texte: string | undefined };
  avertissements: string[];
}

/** The territory as computed from official data (`territory`), with the answers of the file. */
export function territorySection(project: Project, territory: ProjectTerritory): TerritoryView {
  const summary = territory.summary;
  const t = project.territoire ?? {};
  const communes: CommuneView[] = (summary?.communes ?? [])
    .map((c) => ({
      code: c.code,
      nom: c.name,
      population: c.population ?? undefined,
      population_texte: c.population !== null ? formatNumber(c.population) : undefined,
    }))
    .sort((a, b) => a.nom.localeCompare(b.nom, "fr") || a.code.localeCompare(b.code));
  const departements = (summary?.departments ?? []).map((d) => ({ code: d.code, nom: d.name, nom_avec_de: departementWithDe(d.code, d.name) }));
  const mainDep = departements[0];
  const arsList = summary?.ars ?? [];
  const taille = territory.taille ?? undefined;
  const tailleEntry = taille ? ACI_DATA.taille(taille) : undefined;
  const population = summary?.population;
  const superficie = typeof t.superficie_km2 === "number" && t.superficie_km2 > 0 ? t.superficie_km2 : undefined;
  const cpamNames = [...new Set((summary?.cpam ?? []).map((c) => c.nom).filter((n): n is string => !!n))];
  return {
    nom: text(t.nom),
    nom_avec_de: territoryWithDe(text(t.nom)),
    resolu: territory.facts.resolved,
    communes,
    nombre_communes: summary ? summary.communeCount : undefined,
    nombre_communes_texte: summary ? plural(summary.communeCount, "commune") : undefined,
    communes_texte: communes.length > 0 ? joinFr(communes.map((c) => c.nom)) : undefined,
    communes_en_annexe: communes.length > COMMUNES_INLINE_MAX,
    population,
    population_texte: population !== undefined ? formatNumber(population) : undefined,
    population_libelle: summary?.populationLabel,
    population_annee: summary?.populationYear ?? undefined,
    departements,
    departements_texte: departements.length > 0 ? joinFr(departements.map((d) => `${d.nom} (${d.code})`)) : undefined,
    departements_de_texte:
      departements.length === 0
        ? undefined
        : departements.length === 1
          ? `du département ${departements[0]!.nom_avec_de} (${departements[0]!.code})`
          : `des départements ${joinFr(departements.map((d) => `${d.nom_avec_de} (${d.code})`))}`,
    regions: (summary?.regions ?? []).map((r) => ({ code: r.code, nom: r.name })),
    regions_texte: summary && summary.regions.length > 0 ? joinFr(summary.regions.map((r) => r.name)) : undefined,
    taille: {
      code: taille,
      numero: tailleEntry?.numero,
      libelle: tailleEntry?.libelle.toLowerCase(),
      tranche: tailleEntry?.libelle_population,
    },
    superficie,
    superficie_texte: superficie !== undefined ? `${formatNumber(superficie)}${NBSP}km²` : undefined,
    densite_texte:
      superficie !== undefined && population !== undefined
        ? `${formatNumber(Math.round(population / superficie))}${NBSP}habitants au km²`
        : undefined,
    justification: text(t.justification),
    coherence_cpts_voisines: text(t.coherence_cpts_voisines),
    cpts_voisines: (t.cpts_voisines ?? []).map((v) => ({
      nom: v.nom,
      etat: v.etat ? NEIGHBOUR_STATES[v.etat] : undefined,
      territoire: text(v.territoire),
      chevauchement: v.chevauchement === true,
      articulation: text(v.articulation),
    })),
    ars: {
      nom: arsList[0]?.nom,
      nom_long: arsList[0]?.nom_long,
      delegation: mainDep ? `délégation départementale ${mainDep.nom_avec_de}` : undefined,
      delegation_titre: mainDep ? `Délégation départementale ${mainDep.nom_avec_de}` : undefined,
      autres: arsList.slice(1).map((a) => a.nom),
    },
    cpam: { noms: cpamNames, principale: cpamNames[0], texte: cpamNames.length > 0 ? joinFr(cpamNames) : undefined },
    avertissements: territory.findings.filter((f) => f.severity !== "info").map((f) => f.message),
  };
}

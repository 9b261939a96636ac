/**
 * The figures of the documents, as plain data: what each chart compares (labels, values, unit,
 * source and year) and which communes the map shows. The generate command draws them with
 * src/render's charts and maps (and the territory's contours) when a template places them
 * with `![texte alternatif](figure:nom)`; nothing here draws.
 *
 * Names: `carte`, `population`, `ages`, `densites`, and one per indicator compared with at least one
 * reference, made from its label (`taux-de-pauvrete`), given to templates as `figure` on the
 * indicator.
 */
import { frenchNumber, NBSP } from "../../french/index.js";
import type { EffectifParProfession, IndicateurDiagnostic, Project } from "../../project/index.js";
import type { TerritorySummary } from "../../territory/index.js";
import { densities } from "../diagnostic.js";
import { DONNEE_EXEMPLE, text } from "./common.js";

interface ChartCommon {
  title: string;
  unit?: string;
  source: string;
  year?: number;
  /** « donnée d’exemple » when the figures are an illustration, said under the chart as in the tables. */
  note?: string;
}

/** Bars comparing one value across places (src/render's `comparisonBarChart`). */
export interface ComparisonFigure extends ChartCommon {
  bars: { label: string; value: number }[];
}

/** One group of bars per category, one bar per series (src/render's `groupedBarChart`). */
export interface GroupedFigure extends ChartCommon {
  categories: string[];
  series: string[];
  values: (number | null)[][];
}

/** Shares of the population by age band, the territory then its references (src/render's `ageStructureChart`). */
export interface AgesFigure extends ChartCommon {
  bands: string[];
  series: { label: string; values: (number | null)[] }[];
}

export type FigureSpec =
  | { name: string; kind: "comparison"; chart: ComparisonFigure }
  | { name: string; kind: "grouped"; chart: GroupedFigure }
  | { name: string; kind: "ages"; chart: AgesFigure }
  /** The map of the territory's communes (drawn from the territory's contours). */
  | { name: string; kind: "map"; communes: string[]; caption: string }
  /** A figure templates may place that this project has no data for: nothing is shown. */
  | { name: string; kind: "none" };

export interface FiguresView {
  /** Every figure the documents may show (read by the generate command, not by templates). */
  liste: FigureSpec[];
  /** Name of the map of the territory, undefined when the territory is not known. */
  carte: string | undefined;
  /** Whether the map can be drawn here (contours installed); without it, a note takes its place. */
  carte_disponible: boolean;
  /** Name of the chart of the population by commune. */
  population: string | undefined;
  /** Name of the chart of densities of professionals. */
  densites: string | undefined;
  /** Name of the chart of the population by age band. */
  ages: string | undefined;
  /** Names of the indicators' comparison charts, in the order of the indicators. */
  indicateurs: string[];
}

/** The territory's own name labels its bars when it is at most this long. */
const TERRITORY_LABEL_MAX = 28;

/** At most this many communes get their own bar in the population chart; the others share one. */
const POPULATION_BARS = 8;

/** A name for templates from a label: lower case, letters and digits, words joined by « - ». */
export function figureName(label: string): string {
  const name = label
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return name || "figure";
}

/** The names of the places an indicator is compared with, as the bars are labelled. */
function placeLabels(project: Project, summary: TerritorySummary | null) {
  const name = text(project.territoire?.nom);
  const one = <T extends { name: string }>(list: readonly T[] | undefined, fallback: string) => (list?.length === 1 ? list[0]!.name : fallback);
  return {
    // A long name would wrap on two lines and make every row of the chart twice as tall.
    territoire: name && name.length <= TERRITORY_LABEL_MAX ? name : "Territoire de la CPTS",
    departement: one(summary?.departments, "Département"),
    region: one(summary?.regions, "Région"),
    france: "France",
  };
}

/** The comparison chart of an indicator with its references, or undefined when it has none. */
function indicatorFigure(indicator: IndicateurDiagnostic, places: ReturnType<typeof placeLabels>): ComparisonFigure | undefined {
  const refs = indicator.references ?? {};
  const bars = [{ label: places.territoire, value: indicator.valeur }];
  for (const level of ["departement", "region", "france"] as const) {
    const value = refs[level];
    if (value !== undefined) bars.push({ label: places[level], value });
  }
  // A chart without its source is not shown: the indicator stays in the text, with its source.
  const source = text(indicator.source);
  if (bars.length < 2 || !source) return undefined;
  const unit = text(indicator.unite);
  return { title: indicator.libelle, ...(unit ? { unit } : {}), source, year: indicator.annee, ...(indicator.exemple ? { note: DONNEE_EXEMPLE } : {}), bars };
}

/** The names of the other figures, which an indicator's never takes. */
const RESERVED_NAMES = ["carte", "population", "densites", "ages"];

/** Names of the indicators' charts (undefined for those without a reference), each name once. */
export function indicatorFigureNames(indicators: readonly IndicateurDiagnostic[]): (string | undefined)[] {
  const taken = new Set(RESERVED_NAMES);
  return indicators.map((indicator) => {
    // No chart without a reference to compare with, nor without a source to print under it.
    if (!Object.values(indicator.references ?? {}).some((v) => v !== undefined) || text(indicator.source) === undefined) return undefined;
    const base = figureName(indicator.libelle);
    let name = base;
    for (let i = 2; taken.has(name); i += 1) name = `${base}-${i}`;
    taken.add(name);
    return name;
  });
}

const LEVELS = ["departement", "region", "france"] as const;

/** The reference levels given for at least one row, in the order département, région, France. */
function levelsGiven(rows: readonly ({ departement?: number; region?: number; france?: number } | undefined)[]): (typeof LEVELS)[number][] {
  return LEVELS.filter((level) => rows.some((row) => row?.[level] !== undefined));
}

/**
 * The territory's density of each profession de santé, beside the references the file gives;
 * the other professions (psychologues…) stay in the table, not under this title.
 */
function densityFigure(project: Project, summary: TerritorySummary | null): GroupedFigure | undefined {
  const d = project.diagnostic ?? {};
  const effectifs: readonly EffectifParProfession[] = d.effectifs ?? [];
  const rows = densities(effectifs, summary?.population).flatMap((x, i) =>
    x.pour_10000 === null || !x.sante ? [] : [{ ...x, references: effectifs[i]!.references }],
  );
  const source = text(d.effectifs_source);
  if (rows.length === 0 || !source || !summary) return undefined;
  const places = placeLabels(project, summary);
  const levels = levelsGiven(rows.map((x) => x.references));
  return {
    title: "Densité des professionnels de santé",
    unit: "pour 10 000 habitants",
    source: `${source}${NBSP}; population${NBSP}: INSEE, ${summary.populationLabel}`,
    ...(d.effectifs_annee !== undefined ? { year: d.effectifs_annee } : {}),
    ...(d.effectifs_exemple ? { note: DONNEE_EXEMPLE } : {}),
    categories: rows.map((x) => x.libelle),
    series: [places.territoire, ...levels.map((level) => places[level])],
    values: rows.map((x) => [x.pour_10000, ...levels.map((level) => x.references?.[level] ?? null)]),
  };
}

/** The population by age band, as the file gives it, beside the references it gives. */
function agesFigure(project: Project, summary: TerritorySummary | null): AgesFigure | undefined {
  const ages = project.diagnostic?.structure_age;
  const tranches = ages?.tranches ?? [];
  const source = text(ages?.source);
  if (tranches.length === 0 || !source) return undefined;
  const places = placeLabels(project, summary);
  const levels = levelsGiven(tranches);
  return {
    title: "Population par tranche d’âge",
    unit: "%",
    source,
    ...(ages?.annee !== undefined ? { year: ages.annee } : {}),
    bands: tranches.map((t) => t.libelle),
    series: [
      { label: places.territoire, values: tranches.map((t) => t.territoire) },
      ...levels.map((level) => ({ label: places[level], values: tranches.map((t) => t[level] ?? null) })),
    ],
  };
}

function populationFigure(summary: TerritorySummary | null): GroupedFigure | undefined {
  const communes = (summary?.communes ?? []).filter((c) => c.population !== null);
  if (!summary || communes.length < 2) return undefined;
  const ranked = [...communes].sort((a, b) => b.population! - a.population! || a.code.localeCompare(b.code));
  const shown = ranked.length > POPULATION_BARS + 1 ? ranked.slice(0, POPULATION_BARS) : ranked;
  const rest = ranked.slice(shown.length);
  const categories = shown.map((c) => c.name);
  const values: (number | null)[][] = shown.map((c) => [c.population]);
  if (rest.length > 0) {
    categories.push(`Les ${frenchNumber(rest.length, 0, 0)} autres communes`);
    values.push([rest.reduce((t, c) => t + c.population!, 0)]);
  }
  return {
    title: "Population des communes du territoire",
    unit: "habitants",
    source: `INSEE, ${summary.populationLabel}`,
    categories,
    series: ["Population"],
    values,
  };
}

/**
 * The figures of a project. `mapAvailable`: whether the map can be drawn where the documents are
 * made (the contours are installed); the map is listed either way when the territory is known,
 * so that templates place it and a note replaces it when it cannot be drawn.
 */
export function figuresSection(project: Project, summary: TerritorySummary | null, mapAvailable: boolean): FiguresView {
  const liste: FigureSpec[] = [];
  const communes = (summary?.communes ?? []).map((c) => c.code);
  const nom = text(project.territoire?.nom);
  const caption = `Carte du territoire${nom ? `${NBSP}: ${nom}` : ""}`;
  liste.push(communes.length > 0 ? { name: "carte", kind: "map", communes, caption } : { name: "carte", kind: "none" });
  const population = populationFigure(summary);
  liste.push(population ? { name: "population", kind: "grouped", chart: population } : { name: "population", kind: "none" });
  const density = densityFigure(project, summary);
  liste.push(density ? { name: "densites", kind: "grouped", chart: density } : { name: "densites", kind: "none" });
  const ages = agesFigure(project, summary);
  liste.push(ages ? { name: "ages", kind: "ages", chart: ages } : { name: "ages", kind: "none" });
  const indicators = project.diagnostic?.indicateurs ?? [];
  const places = placeLabels(project, summary);
  const indicateurs: string[] = [];
  indicatorFigureNames(indicators).forEach((name, i) => {
    const chart = name ? indicatorFigure(indicators[i]!, places) : undefined;
    if (name && chart) {
      liste.push({ name, kind: "comparison", chart });
      indicateurs.push(name);
    }
  });
  return {
    liste,
    carte: communes.length > 0 ? "carte" : undefined,
    carte_disponible: communes.length > 0 && mapAvailable,
    population: population ? "population" : undefined,
    densites: density ? "densites" : undefined,
    ages: ages ? "ages" : undefined,
    indicateurs,
  };
}

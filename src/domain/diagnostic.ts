/** Computed facts of the territorial diagnosis: densities and comparisons, each with its source. */
import type { EffectifParProfession, IndicateurDiagnostic, Project } from "../project/index.js";
import { isHealthProfession, professionLabel } from "./professions.js";

export interface Density {
  profession: string;
  libelle: string;
  nombre: number;
  /** A profession de santé of the code de la santé publique (psychologues are not): counted in the total. */
  sante: boolean;
  /** Professionals per 10 000 inhabitants, rounded to one decimal; null without a population. */
  pour_10000: number | null;
}

/** Density per 10 000 inhabitants for every profession count (REFERENCE §6.2). */
export function densities(effectifs: readonly EffectifParProfession[], population: number | undefined): Density[] {
  return effectifs.map((e) => ({
    profession: e.profession,
    libelle: professionLabel(e.profession, e.nombre),
    nombre: e.nombre,
    sante: isHealthProfession(e.profession),
    pour_10000: population && population > 0 ? Math.round((e.nombre / population) * 100_000) / 10 : null,
  }));
}

export interface Comparison {
  niveau: "departement" | "region" | "france";
  libelle: string;
  valeur: number;
  /** Territory value minus reference value, in the indicator's unit. */
  ecart: number;
  sens: "superieur" | "inferieur" | "egal";
}

const LEVELS = [
  ["departement", "département"],
  ["region", "région"],
  ["france", "France"],
] as const;

/** How the territory's value compares with each reference given (département, région, France). */
export function compare(indicator: IndicateurDiagnostic): Comparison[] {
  const refs = indicator.references ?? {};
  const out: Comparison[] = [];
  for (const [niveau, libelle] of LEVELS) {
    const valeur = refs[niveau];
    if (valeur === undefined) continue;
    const ecart = Math.round((indicator.valeur - valeur) * 1000) / 1000;
    if (!Number.isFinite(ecart)) continue;
    out.push({ niveau, libelle, valeur, ecart, sens: ecart > 0 ? "superieur" : ecart < 0 ? "inferieur" : "egal" });
  }
  return out;
}

/**
 * Years further apart than this make a reader ask whether the figures still describe the same
 * territory: a density of 2017 counts over a 2023 population, for instance. Census figures are
 * published about three years after their year, so a diagnostic of fresh data already spans
 * that much. A judgment of the tool, not a rule of any text.
 */
export const YEAR_GAP_TOLERATED = 4;

export interface DatedFigure {
  /** What the figure is, for a sentence: « les effectifs », « Part des 75 ans et plus ». */
  libelle: string;
  annee: number;
}

export interface YearSpread {
  min: DatedFigure;
  max: DatedFigure;
  /** max − min in years. */
  ecart: number;
}

/** The oldest and newest figures of a diagnostic; null when fewer than two are dated. */
export function yearSpread(figures: readonly DatedFigure[]): YearSpread | null {
  if (figures.length < 2) return null;
  let min = figures[0]!;
  let max = figures[0]!;
  for (const f of figures) {
    if (f.annee < min.annee) min = f;
    if (f.annee > max.annee) max = f;
  }
  return { min, max, ecart: max.annee - min.annee };
}

/** The dated figures of a project's diagnostic, with the population year the densities use. */
export function diagnosticFigures(d: NonNullable<Project["diagnostic"]>, populationYear: number | null | undefined): DatedFigure[] {
  const out: DatedFigure[] = [];
  for (const i of d.indicateurs ?? []) out.push({ libelle: `« ${i.libelle} »`, annee: i.annee });
  if (d.effectifs?.length && d.effectifs_annee !== undefined) out.push({ libelle: "les effectifs de professionnels", annee: d.effectifs_annee });
  if (populationYear !== null && populationYear !== undefined) out.push({ libelle: "la population du territoire", annee: populationYear });
  if (d.patients_sans_medecin_traitant?.annee !== undefined) out.push({ libelle: "les patients sans médecin traitant", annee: d.patients_sans_medecin_traitant.annee });
  if (d.soins_non_programmes?.passages_urgences) out.push({ libelle: "les passages aux urgences", annee: d.soins_non_programmes.passages_urgences.annee });
  if (d.zonage_medecins?.annee !== undefined) out.push({ libelle: "le zonage des médecins", annee: d.zonage_medecins.annee });
  for (const a of d.apl ?? []) out.push({ libelle: "l’APL", annee: a.annee });
  return out;
}

/**
 * The sentence a reader needs when the densities divide counts of one year by a population of
 * another, more than `YEAR_GAP_TOLERATED` years apart; undefined otherwise.
 */
export function densityYearNote(effectifsYear: number | undefined, populationYear: number | null | undefined): string | undefined {
  if (effectifsYear === undefined || populationYear === null || populationYear === undefined) return undefined;
  const gap = Math.abs(populationYear - effectifsYear);
  if (gap <= YEAR_GAP_TOLERATED) return undefined;
  return (
    `Les densités divisent des effectifs de ${effectifsYear} par une population de ${populationYear}, ` +
    `${gap}\u00a0ans plus ${populationYear > effectifsYear ? "récente" : "ancienne"}\u00a0: elles sont indicatives, ` +
    `à recalculer avec des effectifs et une population de la même année.`
  );
}

/** The sentence that says the figures of a diagnostic span more than a few years; undefined otherwise. */
export function spreadNote(spread: YearSpread | null): string | undefined {
  if (!spread || spread.ecart <= YEAR_GAP_TOLERATED) return undefined;
  return (
    `Les données de ce diagnostic ne sont pas de la même année${"\u00a0"}: de ${spread.min.annee} (${spread.min.libelle}) ` +
    `à ${spread.max.annee} (${spread.max.libelle}), soit ${spread.ecart}\u00a0ans d’écart. Les comparaisons entre elles sont à lire avec prudence.`
  );
}

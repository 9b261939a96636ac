/** Computed facts of the territorial diagnosis: densities and comparisons, each with its source. */
import type { EffectifParProfession, IndicateurDiagnostic } from "../project/index.js";
import { professionLabel } from "./professions.js";

export interface Density {
  profession: string;
  libelle: string;
  nombre: number;
  /** Professionals per 10 000 inhabitants, rounded to one decimal; null without a population. */
  pour_10000: number | null;
}

/** Density per 10 000 inhabitants for every profession count (REFERENCE §6.2). */
export function densities(effectifs: readonly EffectifParProfession[], population: number | undefined): Density[] {
  return effectifs.map((e) => ({
    profession: e.profession,
    libelle: professionLabel(e.profession, e.nombre),
    nombre: e.nombre,
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

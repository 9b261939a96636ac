import data from "./data/professions.json" with { type: "json" };
import { genreOf, professionForm } from "./gender.js";

export interface Profession {
  code: string;
  libelle: string;
  libelle_feminin: string;
  libelle_pluriel: string;
  code_ans: string | null;
  nomenclature: string | null;
  couverte_aci: boolean;
  note?: string;
  source: string;
  valid_from: string;
}

export const PROFESSIONS: readonly Profession[] = data.professions;
const BY_CODE = new Map(PROFESSIONS.map((p) => [p.code, p]));

export function profession(code: string): Profession | undefined {
  return BY_CODE.get(code);
}

/**
 * « Infirmier » for a known code (« Infirmière » for a woman: `civilite` Mme), the plural for
 * several, the code itself when unknown (never an empty label). The forms are those of
 * gender.ts, from the one table of professions.
 */
export function professionLabel(code: string, count = 1, civilite?: string): string {
  const genre = genreOf(civilite);
  return professionForm(code, count > 1 ? [genre, genre] : genre);
}

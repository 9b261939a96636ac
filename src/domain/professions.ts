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
  /** A profession de santé of the code de la santé publique (4th part); null when unknown (autre). */
  profession_sante: boolean | null;
  note?: string;
  source: string;
  valid_from: string;
}

export const PROFESSIONS: readonly Profession[] = data.professions as Profession[];
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

/**
 * True for a profession de santé of the code de la santé publique (REFERENCE §7.1). Psychologues,
 * ostéopathes and assistants de service social are not, nor is a profession the file does not
 * name (autre): the documents count them apart, never among the professionnels de santé.
 */
export function isHealthProfession(code: string): boolean {
  return BY_CODE.get(code)?.profession_sante === true;
}

/** Where the list of professions de santé comes from (data/professions.json). */
export const HEALTH_PROFESSION_SOURCES: readonly string[] = data.source_profession_sante;

const fold = (s: string): string =>
  s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLocaleLowerCase("fr-FR");

/**
 * True when a free text (a collège’s composition, a category of members) names the profession in
 * any of its forms: « psychologues » names the psychologues, « professionnels de santé » does not.
 */
export function professionNamedIn(code: string, text: string | undefined): boolean {
  const p = (data.professions as Record<string, unknown>[]).find((x) => x.code === code);
  if (!p || !text) return false;
  const haystack = fold(text);
  return ["libelle", "libelle_feminin", "libelle_pluriel", "libelle_pluriel_feminin"].some((k) => typeof p[k] === "string" && haystack.includes(fold(p[k] as string)));
}

import data from "./data/professions.json" with { type: "json" };

export interface Profession {
  code: string;
  libelle: string;
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

/** « Infirmier » for a known code, the code itself otherwise (never an empty label). */
export function professionLabel(code: string, count = 1): string {
  const p = BY_CODE.get(code);
  if (!p) return code;
  return count > 1 ? p.libelle_pluriel : p.libelle;
}

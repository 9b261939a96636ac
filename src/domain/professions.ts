import data from "./data/professions.json" with { type: "json" };

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
 * several, the code itself when unknown (never an empty label).
 */
export function professionLabel(code: string, count = 1, civilite?: string): string {
  const p = BY_CODE.get(code);
  if (!p) return code;
  if (count > 1) return p.libelle_pluriel;
  return civilite === "Mme" ? p.libelle_feminin : p.libelle;
}

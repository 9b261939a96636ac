import data from "./data/missions.json" with { type: "json" };

export interface Mission {
  code: string;
  numero: number;
  libelle: string;
  intitule_objet: string;
  socle: boolean;
  description: string;
  delai_demarrage_mois: number | null;
  delai_deploiement_mois: number | null;
  article_csp: string;
  source: string;
  source_delais: string;
  valid_from: string;
}

export const MISSIONS: readonly Mission[] = data.missions;
export const SOCLE_MISSIONS: readonly Mission[] = MISSIONS.filter((m) => m.socle);
const BY_CODE = new Map(MISSIONS.map((m) => [m.code, m]));

export function mission(code: string): Mission | undefined {
  return BY_CODE.get(code);
}

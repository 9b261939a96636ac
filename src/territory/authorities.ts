/**
 * The ARS and the health-insurance fund (CPAM, CGSS, CSS, CCSS) of each département, read from
 * `src/territory/data/ars.json` and `src/territory/data/cpam.json` (facts with their sources).
 */
import arsData from "./data/ars.json" with { type: "json" };
import cpamData from "./data/cpam.json" with { type: "json" };

/** One of the 18 ARS, as stored in ars.json. */
export interface ArsEntry {
  /** Code of the ANS nomenclature TRE_R396-Autorite, e.g. `ARS-75`. */
  code_ans: string;
  /** INSEE région code. */
  region: string;
  region_nom: string;
  /** Name used in documents, e.g. « ARS Nouvelle-Aquitaine ». */
  nom: string;
  nom_court: string;
  nom_long: string;
  /** INSEE département codes covered. */
  departements: readonly string[];
  /** Collectivités d’outre-mer also covered (Saint-Barthélemy, Saint-Martin). */
  collectivites?: readonly string[];
  note?: string;
  source: string;
  valid_from: string;
}

/** A collectivité d’outre-mer of the INSEE data that no ARS covers. */
export interface OutsideArsEntry {
  departement: string;
  nom: string;
  note: string;
  source: string;
  valid_from: string;
}

/** The health-insurance fund of a département, as stored in cpam.json. */
export interface CpamEntry {
  departement: string;
  departement_nom: string;
  /** CPAM, CGSS, CSS, CCSS, CPS; null where no fund of the Assurance Maladie network exists. */
  organisme: string | null;
  /** « CPAM de la Dordogne »; null where there is none. */
  nom: string | null;
  nom_long: string | null;
  /** `incertain` when the département has several funds or the name is not verified. */
  confiance?: "incertain";
  caisses_connues?: readonly string[];
  note?: string;
  source: string;
  valid_from: string;
}

export const ARS: readonly ArsEntry[] = arsData.ars;
export const OUTSIDE_ARS: readonly OutsideArsEntry[] = arsData.hors_ars;
export const CPAM: readonly CpamEntry[] = cpamData.cpam as readonly CpamEntry[];

const arsByDepartment = new Map<string, ArsEntry>();
for (const ars of ARS) {
  for (const dep of [...ars.departements, ...(ars.collectivites ?? [])]) arsByDepartment.set(dep, ars);
}
const outsideByDepartment = new Map(OUTSIDE_ARS.map((o) => [o.departement, o]));
const cpamByDepartment = new Map(CPAM.map((c) => [c.departement, c]));

/** The ARS competent for a département (or Saint-Barthélemy/Saint-Martin); undefined if none. */
export function arsForDepartment(code: string): ArsEntry | undefined {
  return arsByDepartment.get(code);
}

/** Why a collectivité d’outre-mer has no ARS; undefined for every other code. */
export function outsideArs(code: string): OutsideArsEntry | undefined {
  return outsideByDepartment.get(code);
}

/** The fund of a département; undefined for a code absent from cpam.json. */
export function cpamForDepartment(code: string): CpamEntry | undefined {
  return cpamByDepartment.get(code);
}

/**
 * ACI CPTS figures (tailles, fonctionnement, amorçage, maximums, per-mission amounts, payment and
 * calendar rules), read from `data/aci.json`. Pure: no I/O beyond the JSON import.
 *
 * Every figure comes back as a `Figure` that says where it comes from (`origine`) and how sure we
 * are (`confiance`). An amount the sources do not give is `montant: null` with
 * `origine: "inconnu"`: it is never guessed.
 */
import aciJson from "./data/aci.json" with { type: "json" };
import missionsJson from "./data/missions.json" with { type: "json" };
import { formatNumber } from "../french/index.js";
import type { Finding } from "../project/index.js";

export type Taille = "T1" | "T2" | "T3" | "T4";
export const TAILLES: readonly Taille[] = ["T1", "T2", "T3", "T4"];

export type MissionCode = "ACCES" | "PARCOURS" | "PREVENTION" | "CRISE" | "QUALITE" | "ACCOMPAGNEMENT";
export const MISSION_CODES: readonly MissionCode[] = [
  "ACCES",
  "PARCOURS",
  "PREVENTION",
  "CRISE",
  "QUALITE",
  "ACCOMPAGNEMENT",
];

export type Confiance = "confirme" | "source_unique" | "incertain";
export type Origine = "contrat" | "reference" | "inconnu";
export type AciVersion = "ACI_2019" | "AVENANT_2";

/** One amount with its provenance. `montant` is in euros per year unless stated otherwise. */
export interface Figure {
  montant: number | null;
  /** `contrat`: entered by the CPTS from its signed contract; `reference`: from `aci.json`; `inconnu`: no source. */
  origine: Origine;
  /** Confidence of the reference value; `confirme` for a contract figure, `incertain` for an unknown one. */
  confiance: Confiance;
  source?: string[];
  valid_from?: string;
  note?: string;
  /** Set when the amount is paid only under a condition (e.g. a crisis recognised by the ARS). */
  condition?: string;
}

/** Common fields of every entry of `aci.json`. */
export interface AciEntry {
  source: string[];
  valid_from: string;
  confiance: Confiance;
  note?: string;
}

export interface TailleEntry extends AciEntry {
  code: Taille;
  numero: number;
  libelle: string;
  libelle_population: string;
  population_min: number | null;
  population_min_incluse: boolean | null;
  population_max: number | null;
  population_max_incluse: boolean | null;
}

export interface RuleEntry extends AciEntry {
  code: string;
  texte: string;
}

export interface CalendarRuleEntry extends RuleEntry {
  delai_mois: number;
  point_de_depart: "reception_ars" | "signature_aci";
}

interface AmountEntry extends AciEntry {
  taille: Taille;
  montant: number | null;
  version: AciVersion;
}

interface AmorcageEntry extends AmountEntry {
  majoration_pourcentage: number;
  confiance_eligibilite: Confiance;
  /** Last signature date eligible, as the negotiation texts put it (`incertain`). */
  signature_au_plus_tard: string;
}

interface MissionAmountEntry extends AciEntry {
  taille: Taille;
  mission: MissionCode;
  fixe: number | null;
  variable: number | null;
  condition_variable?: string;
}

export interface AciData {
  description: string;
  versions: (AciEntry & { code: AciVersion; libelle: string })[];
  tailles: TailleEntry[];
  regles_tailles: (RuleEntry & { population?: number })[];
  fonctionnement: AmountEntry[];
  amorcage: AmorcageEntry[];
  demarrage_lettre_intention: AmountEntry[];
  maximum: AmountEntry[];
  missions_montants: MissionAmountEntry[];
  regles_versement: RuleEntry[];
  regles_calendrier: CalendarRuleEntry[];
}

export interface MissionInfo {
  code: MissionCode;
  numero: number;
  libelle: string;
  socle: boolean;
  delai_demarrage_mois: number | null;
  delai_deploiement_mois: number | null;
  source_delais: string;
  valid_from: string;
}

const DATA = aciJson as AciData;

/** The six ACI missions from `missions.json`, in their official order. */
export const ACI_MISSIONS: readonly MissionInfo[] = (missionsJson.missions as MissionInfo[])
  .slice()
  .sort((a, b) => a.numero - b.numero);

export function isMissionCode(value: unknown): value is MissionCode {
  return typeof value === "string" && (MISSION_CODES as readonly string[]).includes(value);
}

export function isTaille(value: unknown): value is Taille {
  return typeof value === "string" && (TAILLES as readonly string[]).includes(value);
}

export function missionInfo(code: MissionCode): MissionInfo {
  const found = ACI_MISSIONS.find((m) => m.code === code);
  if (!found) throw new RangeError(`Mission inconnue\u00a0: ${code}`);
  return found;
}

function tailleEntry(taille: Taille): TailleEntry {
  const found = DATA.tailles.find((t) => t.code === taille);
  if (!found) throw new RangeError(`Taille inconnue\u00a0: ${taille}`);
  return found;
}

function inRange(population: number, t: TailleEntry): boolean {
  if (t.population_min !== null) {
    if (t.population_min_incluse ? population < t.population_min : population <= t.population_min) return false;
  }
  if (t.population_max !== null) {
    if (t.population_max_incluse ? population > t.population_max : population >= t.population_max) return false;
  }
  return true;
}

/**
 * ACI taille of a territory from its population. Bounds come from `aci.json`: T1 < 40 000;
 * T2 40 000 ≤ p < 80 000; T3 80 000 ≤ p ≤ 175 000; T4 > 175 000. The sources give the thresholds
 * but not which side a population exactly on a threshold falls (REFERENCE §4.1, confiance
 * `incertain`; Hauts-de-France PAPS page and Le Quotidien du médecin): this rule is the tool's
 * convention, and `checkPopulation` flags such populations. No minimum population is enforced.
 * Throws a RangeError for a negative or non-finite population.
 */
export function tailleFromPopulation(population: number): Taille {
  if (!Number.isFinite(population) || population < 0) {
    throw new RangeError(`Population invalide\u00a0: ${String(population)}`);
  }
  const found = DATA.tailles.find((t) => inRange(population, t));
  if (!found) throw new RangeError(`Aucune taille pour la population ${String(population)}`);
  return found.code;
}

/** The rule used at the taille thresholds, with its sources and its `incertain` tag. */
export function tailleBoundaryRule(): RuleEntry {
  return ruleFrom(DATA.regles_tailles, "BORNES_TAILLES");
}


/**
 * Remarks about a population that a CPTS should know: a population exactly on a threshold (the
 * taille is then uncertain) and a population under the 20 000 floor quoted by one source only.
 * Returns warnings, never errors: nothing here blocks a project.
 */
export function checkPopulation(population: number, path = "territoire.population"): Finding[] {
  const findings: Finding[] = [];
  const taille = tailleFromPopulation(population);
  const thresholds = new Set<number>();
  for (const t of DATA.tailles) {
    if (t.population_min !== null) thresholds.add(t.population_min);
    if (t.population_max !== null) thresholds.add(t.population_max);
  }
  if (thresholds.has(population)) {
    findings.push({
      path,
      severity: "avertissement",
      code: "aci.taille-seuil",
      message:
        `La population (${formatNumber(population, 0)}\u00a0habitants) est exactement sur un seuil de taille\u00a0: ` +
        `l’outil retient la ${tailleEntry(taille).libelle.toLowerCase()}, mais les sources ne disent pas de quel côté ` +
        `tombe un seuil. Taille à confirmer auprès de la CPAM.`,
    });
  }
  const floor = DATA.regles_tailles.find((r) => r.code === "PLANCHER_SIGNALE");
  if (floor?.population !== undefined && population < floor.population) {
    findings.push({
      path,
      severity: "avertissement",
      code: "aci.population-faible",
      message:
        `La population (${formatNumber(population, 0)}\u00a0habitants) est inférieure à ${formatNumber(floor.population, 0)}\u00a0habitants, ` +
        `minimum cité par une seule source pour la taille\u00a01. Aucune autre source ne fixe de minimum\u00a0: ` +
        `à vérifier auprès de l’ARS et de la CPAM.`,
    });
  }
  return findings;
}

function ruleFrom<T extends RuleEntry>(list: readonly T[], code: string): T {
  const found = list.find((r) => r.code === code);
  if (!found) throw new RangeError(`Règle inconnue\u00a0: ${code}`);
  return found;
}

function figureFrom(entry: AciEntry & { montant: number | null }): Figure {
  const figure: Figure = {
    montant: entry.montant,
    origine: entry.montant === null ? "inconnu" : "reference",
    confiance: entry.montant === null ? "incertain" : entry.confiance,
    source: [...entry.source],
    valid_from: entry.valid_from,
  };
  if (entry.note !== undefined) figure.note = entry.note;
  return figure;
}

function unknownFigure(note: string): Figure {
  return { montant: null, origine: "inconnu", confiance: "incertain", note };
}

function amountEntry(list: readonly AmountEntry[], taille: Taille, version?: AciVersion): AmountEntry | undefined {
  return list.find((e) => e.taille === taille && (version === undefined || e.version === version));
}

/** Typed, read-only access to `aci.json`. */
export const ACI_DATA = {
  raw: DATA as Readonly<AciData>,

  taille(taille: Taille): TailleEntry {
    return tailleEntry(taille);
  },

  /** Annual fonctionnement envelope (ACI 2019, confirmed). */
  fonctionnement(taille: Taille): Figure {
    const entry = amountEntry(DATA.fonctionnement, taille);
    return entry ? figureFrom(entry) : unknownFigure("Montant de fonctionnement non trouvé.");
  },

  /**
   * Avenant 2 « crédits d’amorçage »: the fonctionnement envelope + 75 %, paid at signature before
   * the missions start. Values confirmed; eligibility window and recurrence uncertain, hence
   * `confiance: "incertain"` and a `condition`.
   */
  amorcage(taille: Taille): Figure {
    const entry = DATA.amorcage.find((e) => e.taille === taille);
    if (!entry) return unknownFigure("Crédits d’amorçage non trouvés.");
    const figure = figureFrom(entry);
    figure.confiance = entry.confiance_eligibilite === "confirme" ? entry.confiance : entry.confiance_eligibilite;
    figure.condition = "si la CPTS est éligible aux crédits d’amorçage de l’avenant\u00a02";
    return figure;
  },

  /** Last contract signature eligible to the amorçage credits, per the negotiation texts. */
  amorcageSignatureAuPlusTard(taille: Taille): string | undefined {
    return DATA.amorcage.find((e) => e.taille === taille)?.signature_au_plus_tard;
  },

  /** The day a version of the ACI applies from (`valid_from` of `versions`). */
  versionDate(version: AciVersion): string {
    const v = DATA.versions.find((x) => x.code === version);
    if (!v) throw new RangeError(`Version de l’ACI inconnue\u00a0: ${version}`);
    return v.valid_from;
  },

  /** CNAM start-up amount paid at the validation of the lettre d’intention (avenant 2). */
  demarrageLettreIntention(taille: Taille): Figure {
    const entry = amountEntry(DATA.demarrage_lettre_intention, taille);
    return entry ? figureFrom(entry) : unknownFigure("Montant de démarrage non trouvé.");
  },

  /** Maximum total annual ACI amount; `montant: null` where the version's figure is unknown. */
  maximum(taille: Taille, version: AciVersion): Figure {
    const entry = amountEntry(DATA.maximum, taille, version);
    return entry ? figureFrom(entry) : unknownFigure("Montant maximal non trouvé.");
  },

  /**
   * Fixed and variable parts of one mission for a taille. Only taille 3 has figures, observed in
   * two contracts (`source_unique`); every other taille returns unknown figures.
   */
  missionAmounts(taille: Taille, code: MissionCode): { fixe: Figure; variable: Figure } {
    const entry = DATA.missions_montants.find((e) => e.taille === taille && e.mission === code);
    if (!entry) {
      const note =
        "Montant par mission non trouvé pour cette taille dans les sources consultées (annexe de l’ACI, " +
        "arrêté du 21 août 2019, et avenant\u00a02)\u00a0: il est fixé par le contrat.";
      const variable = unknownFigure(note);
      if (code === "CRISE") variable.condition = "versée uniquement si une crise sanitaire grave est reconnue par l’ARS";
      return { fixe: unknownFigure(note), variable };
    }
    const fixe = figureFrom({ ...entry, montant: entry.fixe });
    const variable = figureFrom({ ...entry, montant: entry.variable });
    if (entry.condition_variable !== undefined) variable.condition = entry.condition_variable;
    return { fixe, variable };
  },

  /** Payment rules (§4.3) as French sentences the projet de santé can quote. */
  reglesVersement(): readonly RuleEntry[] {
    return DATA.regles_versement;
  },

  regleVersement(code: string): RuleEntry {
    return ruleFrom(DATA.regles_versement, code);
  },

  /** Calendar rules: `VALIDATION_TACITE_PDS`, `PLAN_CRISE`, `DUREE_CONTRAT`. */
  regleCalendrier(code: string): CalendarRuleEntry {
    return ruleFrom(DATA.regles_calendrier, code);
  },

  /** Contract length in years (5), from `DUREE_CONTRAT`. */
  dureeContratAnnees(): number {
    return ruleFrom(DATA.regles_calendrier, "DUREE_CONTRAT").delai_mois / 12;
  },
} as const;

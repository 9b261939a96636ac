/**
 * Deadlines of a CPTS: tacit validation of the projet de santé, start and full deployment of each
 * ACI mission, crisis plan, end of the contract. Pure date arithmetic on ISO `YYYY-MM-DD` strings,
 * done on year/month/day integers so that no time zone can shift a date.
 */
import { quote } from "../french/index.js";
import { ACI_DATA, ACI_MISSIONS, type MissionCode, isMissionCode, missionInfo } from "./aci.js";

export interface Milestone {
  /** `VALIDATION_TACITE_PDS`, `DEMARRAGE_ACCES`, `DEPLOIEMENT_ACCES`, `PLAN_CRISE`, `FIN_CONTRAT`… */
  code: string;
  libelle: string;
  /** ISO date, or null when it cannot be computed (missing input, or chosen in the contract). */
  date: string | null;
  source: string[];
  /** True when the date is an estimate (e.g. computed from the sending date, not the receipt). */
  estimation?: boolean;
  mission?: MissionCode;
  note?: string;
  /** Set only when `today` is given: the date is strictly before today. */
  passee?: boolean;
}

export interface DeadlineInput {
  /** Date the projet de santé was sent to the ARS. */
  depot_projet_sante?: string;
  /** Date the ARS received the projet de santé (the legal starting point of the 2 months). */
  reception_ars?: string;
  signature_aci?: string;
  missions: MissionCode[];
  today?: string;
}

interface Ymd {
  y: number;
  m: number;
  d: number;
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function parse(date: string): Ymd | null {
  const match = ISO_RE.exec(date);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

function parseOrThrow(date: string, what = "date"): Ymd {
  const parsed = typeof date === "string" ? parse(date) : null;
  if (!parsed) throw new RangeError(`${what} invalide\u00a0: ${quote(String(date))} (format attendu AAAA-MM-JJ)`);
  return parsed;
}

function format({ y, m, d }: Ymd): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** True for a real calendar date written `YYYY-MM-DD` (2026-02-30 is false). */
export function isValidIsoDate(date: string): boolean {
  return typeof date === "string" && parse(date) !== null;
}

/**
 * Adds `n` calendar months (negative allowed). When the day does not exist in the target month,
 * the result is that month's last day: 2026-08-31 + 6 → 2027-02-28; 2027-08-31 + 6 → 2028-02-29;
 * 2024-02-29 + 12 → 2025-02-28. Throws a RangeError for an invalid date or a non-integer `n`.
 */
export function addMonths(date: string, n: number): string {
  const { y, m, d } = parseOrThrow(date);
  if (!Number.isInteger(n)) throw new RangeError(`Nombre de mois invalide\u00a0: ${String(n)}`);
  const index = y * 12 + (m - 1) + n;
  const ny = Math.floor(index / 12);
  const nm = index - ny * 12 + 1;
  if (ny < 1 || ny > 9999) throw new RangeError(`Date hors limites\u00a0: ${date} + ${n}\u00a0mois`);
  return format({ y: ny, m: nm, d: Math.min(d, daysInMonth(ny, nm)) });
}

/** Negative, zero or positive like a comparator; both dates must be valid. */
export function compareIsoDates(a: string, b: string): number {
  parseOrThrow(a);
  parseOrThrow(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts by date (earliest first), undated milestones last; equal dates keep their order. */
function sortMilestones(milestones: readonly Milestone[]): Milestone[] {
  return milestones
    .map((m, i) => ({ m, i }))
    .sort((a, b) => {
      if (a.m.date === b.m.date) return a.i - b.i;
      if (a.m.date === null) return 1;
      if (b.m.date === null) return -1;
      return a.m.date < b.m.date ? -1 : 1;
    })
    .map(({ m }) => m);
}

/** Mission codes the contract holds: the four socle missions always, then the chosen optional ones. */
function contractMissions(chosen: readonly MissionCode[]): MissionCode[] {
  for (const code of chosen) {
    if (!isMissionCode(code)) throw new RangeError(`Mission inconnue\u00a0: ${String(code)}`);
  }
  return ACI_MISSIONS.filter((m) => m.socle || chosen.includes(m.code)).map((m) => m.code);
}

/**
 * Dated milestones of a CPTS, sorted by date (undated ones last):
 * - tacit validation of the projet de santé, 2 months after its receipt by the ARS (CSP L1434-12);
 *   from the sending date only, the date is marked `estimation`;
 * - start and full deployment of each mission after the ACI signature (socle missions are always
 *   listed; optional missions have no date: the CPTS chooses it in the contract);
 * - the crisis plan, due within the first year of the contract (CRISE is socle, so always);
 * - the end of the 5-year contract.
 * Missing input dates give milestones with `date: null` and a note saying what to fill in.
 */
export function computeDeadlines(input: DeadlineInput): Milestone[] {
  const { depot_projet_sante, reception_ars, signature_aci, today } = input;
  if (depot_projet_sante !== undefined) parseOrThrow(depot_projet_sante, "Date d’envoi du projet de santé");
  if (reception_ars !== undefined) parseOrThrow(reception_ars, "Date de réception par l’ARS");
  if (signature_aci !== undefined) parseOrThrow(signature_aci, "Date de signature du contrat ACI");
  if (today !== undefined) parseOrThrow(today, "Date du jour");

  const out: Milestone[] = [];

  const tacit = ACI_DATA.regleCalendrier("VALIDATION_TACITE_PDS");
  const tacitLabel =
    "Validation tacite du projet de santé, faute d’opposition du directeur général de l’ARS dans les deux mois suivant sa réception";
  if (reception_ars !== undefined) {
    out.push({
      code: tacit.code,
      libelle: tacitLabel,
      date: addMonths(reception_ars, tacit.delai_mois),
      source: [...tacit.source],
    });
  } else if (depot_projet_sante !== undefined) {
    out.push({
      code: tacit.code,
      libelle: tacitLabel,
      date: addMonths(depot_projet_sante, tacit.delai_mois),
      source: [...tacit.source],
      estimation: true,
      note:
        "Estimation calculée à partir de la date d’envoi du projet de santé\u00a0: le délai de deux mois court à partir de " +
        "sa réception par l’ARS, qui sera un peu plus tardive.",
    });
  } else {
    out.push({
      code: tacit.code,
      libelle: tacitLabel,
      date: null,
      source: [...tacit.source],
      note: "Date de réception du projet de santé par l’ARS (ou, à défaut, date d’envoi) à renseigner.",
    });
  }

  const missingSignature = "Date de signature du contrat ACI à renseigner.";
  for (const code of contractMissions(input.missions)) {
    const info = missionInfo(code);
    const source = [info.source_delais];
    const phases = [
      { prefix: "DEMARRAGE", months: info.delai_demarrage_mois, what: "Démarrage" },
      { prefix: "DEPLOIEMENT", months: info.delai_deploiement_mois, what: "Plein déploiement" },
    ] as const;
    for (const phase of phases) {
      const milestone: Milestone = {
        code: `${phase.prefix}_${code}`,
        libelle: `${phase.what} de la mission ${quote(info.libelle)}`,
        date: null,
        source,
        mission: code,
      };
      if (phase.months === null) {
        milestone.libelle += "\u00a0: délai choisi par la CPTS, fixé dans le contrat";
      } else {
        milestone.libelle += `, au plus tard ${phase.months}\u00a0mois après la signature du contrat`;
        if (signature_aci !== undefined) milestone.date = addMonths(signature_aci, phase.months);
        else milestone.note = missingSignature;
      }
      out.push(milestone);
    }
  }

  const crisis = ACI_DATA.regleCalendrier("PLAN_CRISE");
  const crisisMilestone: Milestone = {
    code: crisis.code,
    libelle:
      "Transmission à l’ARS et à la CPAM du plan de réponse aux crises sanitaires graves, au cours de la première année du contrat",
    date: signature_aci !== undefined ? addMonths(signature_aci, crisis.delai_mois) : null,
    source: [...crisis.source],
    mission: "CRISE",
  };
  if (signature_aci === undefined) crisisMilestone.note = missingSignature;
  out.push(crisisMilestone);

  const contract = ACI_DATA.regleCalendrier("DUREE_CONTRAT");
  const end: Milestone = {
    code: "FIN_CONTRAT",
    libelle: `Fin du contrat ACI, ${contract.delai_mois / 12}\u00a0ans après sa signature`,
    date: signature_aci !== undefined ? addMonths(signature_aci, contract.delai_mois) : null,
    source: [...contract.source],
  };
  if (signature_aci === undefined) end.note = missingSignature;
  out.push(end);

  if (today !== undefined) {
    for (const m of out) if (m.date !== null) m.passee = m.date < today;
  }
  return sortMilestones(out);
}

/** The next `n` dated milestones on or after `today`, earliest first. */
export function upcoming(milestones: readonly Milestone[], today: string, n: number): Milestone[] {
  parseOrThrow(today, "Date du jour");
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Nombre d’échéances invalide\u00a0: ${String(n)}`);
  return sortMilestones(milestones.filter((m) => m.date !== null && m.date >= today)).slice(0, n);
}

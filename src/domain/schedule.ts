/**
 * The schedule of a project as the rules of each date make it: the deadlines of calendar.ts,
 * with the validation of the projet de santé stated once — by a decision of the ARS when the file
 * dates one or when tacit validation did not exist yet, tacitly two months after the receipt
 * otherwise — and the crisis mission's deadlines only for a contract signed once it was a socle
 * mission. Also the contract's end and what its renewal asks. Pure.
 */
import { NBSP, formatDate } from "../french/index.js";
import type { Project } from "../project/index.js";
import { ACI_DATA, ACI_MISSIONS, isMissionCode } from "./aci.js";
import { addMonths, computeDeadlines, isValidIsoDate, type Milestone } from "./calendar.js";
import { normalise } from "./mission-content.js";
import { rulesAt } from "./timeline.js";

function validDate(value: unknown): string | undefined {
  return typeof value === "string" && isValidIsoDate(value) ? value : undefined;
}

/** A jalon that dates the validation of the projet de santé would state it a second time. */
export function isValidationJalon(libelle: string): boolean {
  const n = normalise(libelle);
  return /\bvalid/.test(n) && n.includes("projet de sante");
}

/** True when an updated projet de santé is dated once tacit validation applied. */
function updatedUnderTacitRule(date: unknown): boolean {
  const d = validDate(date);
  return d !== undefined && rulesAt(d).validation_projet_sante.mode === "tacite";
}

export interface ValidationStep {
  /** `decision`: the ARS decided (date given or expected); `tacite`: deemed validated. */
  mode: "decision" | "tacite";
  date: string | null;
  libelle: string;
  /** True when the date is counted from the sending, not the receipt. */
  estimation: boolean;
  note: string | undefined;
  /** The rule in words, for the calendar's introduction. */
  regle: string;
}

/**
 * The ONE validation of the projet de santé: the ARS decision the file dates, else the regime in
 * force when the ARS received (or was sent) the projet, else the regime of `fallbackDate`.
 */
export function pdsValidation(p: Project, fallbackDate?: string): ValidationStep {
  const c = p.calendrier ?? {};
  const stated = c.validation_projet_sante;
  const decision = stated?.mode === "decision" ? validDate(stated.date) : undefined;
  const statedTacit = stated?.mode === "tacite" ? validDate(stated.date) : undefined;
  const reception = validDate(c.reception_projet_sante);
  // A CPTS that only dates its updated projet de santé: that version is the one sent to the ARS.
  const depot = validDate(c.depot_projet_sante) ?? (reception ? undefined : validDate(c.actualisation_projet_sante?.date));
  const regimeDate = reception ?? depot ?? (fallbackDate && isValidIsoDate(fallbackDate) ? fallbackDate : undefined);
  const regime = regimeDate ? rulesAt(regimeDate).validation_projet_sante : undefined;
  const tacitRule = ACI_DATA.regleCalendrier("VALIDATION_TACITE_PDS");
  if (decision) {
    return {
      mode: "decision",
      date: decision,
      libelle: "Validation du projet de santé par décision du directeur général de l’ARS",
      estimation: false,
      note: undefined,
      regle:
        regime?.mode === "tacite"
          ? `${tacitRule.texte} L’ARS a statué par une décision.`
          : updatedUnderTacitRule(c.actualisation_projet_sante?.date)
            ? // The updated version is sent under the rule of its own date, not under the first one's.
              `Le premier projet de santé a été validé par une décision de l’ARS. ${tacitRule.texte}`
            : "Le projet de santé est validé par une décision de l’ARS.",
    };
  }
  if (regime?.mode === "decision") {
    return {
      mode: "decision",
      date: null,
      libelle: "Validation du projet de santé par décision du directeur général de l’ARS",
      estimation: false,
      note: `date de la décision à indiquer (calendrier.validation_projet_sante, mode decision)`,
      regle: regime.texte,
    };
  }
  const start = reception ?? depot;
  const tacitDate = statedTacit ?? (start ? addMonths(start, tacitRule.delai_mois) : null);
  return {
    mode: "tacite",
    date: tacitDate,
    libelle: "Validation tacite du projet de santé, faute d’opposition du directeur général de l’ARS dans les deux mois suivant sa réception",
    estimation: !statedTacit && !reception && !!depot,
    note: !statedTacit && !reception && depot ? "estimation à partir de la date d’envoi : le délai court à partir de la réception par l’ARS" : undefined,
    regle: tacitRule.texte,
  };
}

const UPDATE_REASONS: Record<string, string> = {
  renouvellement_contrat: "pour le renouvellement du contrat ACI",
  avenant: "pour appliquer un avenant à l’ACI",
  evolution: "pour faire évoluer ses actions",
  autre: "",
};

/** « Envoi à l’ARS du projet de santé actualisé, pour le renouvellement du contrat ACI (…) »; undefined without an update. */
export function updateStep(p: Project): { date: string; libelle: string; motif: string } | undefined {
  const a = p.calendrier?.actualisation_projet_sante;
  const date = validDate(a?.date);
  if (!a || !date) return undefined;
  const why = UPDATE_REASONS[a.motif] ?? "";
  const precision = a.precision?.trim();
  const motif = [why, precision].filter(Boolean).join("\u00a0: ");
  return { date, libelle: `Envoi à l’ARS du projet de santé actualisé${motif ? `, ${motif}` : ""}`, motif };
}

export interface ScheduleOptions {
  /** Date of the document the schedule is for, when no step dates the rules. */
  documentDate?: string;
  today?: string;
}

/** The crisis mission's deadlines count from the signature only when it was an ACI mission then. */
function crisisApplies(signature: string | undefined): boolean {
  const crise = ACI_MISSIONS.find((m) => m.code === "CRISE");
  return !signature || !crise || signature >= crise.valid_from;
}

/**
 * The regulatory deadlines of the project (calendar.ts) under the rules of their dates: one
 * validation of the projet de santé (see `pdsValidation`), mission deadlines for the missions of
 * the contract at its signature.
 */
export function projectDeadlines(p: Project, options: ScheduleOptions = {}): Milestone[] {
  const c = p.calendrier ?? {};
  const chosen = (p.missions ?? []).map((m) => m.code).filter(isMissionCode);
  const signature = validDate(c.signature_aci);
  const all = computeDeadlines({
    ...(validDate(c.depot_projet_sante) ? { depot_projet_sante: c.depot_projet_sante! } : {}),
    ...(validDate(c.reception_projet_sante) ? { reception_ars: c.reception_projet_sante! } : {}),
    ...(signature ? { signature_aci: signature } : {}),
    missions: chosen,
    ...(options.today ? { today: options.today } : {}),
  });
  const crisis = crisisApplies(signature);
  const validation = pdsValidation(p, options.documentDate);
  const out: Milestone[] = [];
  for (const m of all) {
    if (m.code === "VALIDATION_TACITE_PDS") {
      const step: Milestone = {
        code: validation.mode === "tacite" ? "VALIDATION_TACITE_PDS" : "VALIDATION_PDS",
        libelle: validation.libelle,
        date: validation.date,
        source: [...m.source],
      };
      if (validation.estimation) step.estimation = true;
      if (validation.note) step.note = validation.note;
      if (options.today && step.date) step.passee = step.date < options.today;
      out.push(step);
      continue;
    }
    if (!crisis && m.mission === "CRISE") continue;
    out.push(m);
  }
  return out.sort((a, b) => (a.date === b.date ? 0 : a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? -1 : 1));
}

export interface ContractStatus {
  signature: string;
  fin: string;
  duree_annees: number;
  etat: "en_cours" | "termine";
  /** « Contrat ACI signé le …, pour cinq ans : fin le … ». */
  texte: string;
  /** What the renewal asks, and by when. */
  renouvellement: string;
  note: string | undefined;
}

/** The contract's end and its renewal, when the signature is dated; null otherwise. */
export function contractStatus(p: Project, today: string): ContractStatus | null {
  const signature = validDate(p.calendrier?.signature_aci);
  if (!signature) return null;
  const rule = ACI_DATA.regleCalendrier("DUREE_CONTRAT");
  const fin = addMonths(signature, rule.delai_mois);
  const years = rule.delai_mois / 12;
  const ended = fin <= today;
  const texte = `Contrat ACI signé le ${formatDate(signature)} pour ${years}${NBSP}ans${NBSP}: ${ended ? "arrivé à échéance le" : "fin le"} ${formatDate(fin)}.`;
  const renouvellement = ended
    ? `Renouvellement à préparer sans attendre${NBSP}: le contrat est arrivé à son terme${NBSP}; faites le point avec l’ARS et la CPAM (projet de santé actualisé, nouveau contrat).`
    : `Renouvellement à préparer avant le ${formatDate(fin)}${NBSP}: projet de santé actualisé et nouveau contrat, à discuter avec l’ARS et la CPAM.`;
  return { signature, fin, duree_annees: years, etat: ended ? "termine" : "en_cours", texte, renouvellement, note: rule.note };
}

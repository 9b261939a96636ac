/** The calendar section: the project’s dated steps and the regulatory deadlines, in date order. */
import type { Project } from "../../project/index.js";
import { ACI_DATA, type MissionCode } from "../aci.js";
import { isValidationJalon, pdsValidation, projectDeadlines, updateStep } from "../schedule.js";
import { rulesAt } from "../timeline.js";
import { dated, type DatedText } from "./common.js";
import { PROJECT_DATES } from "./labels.js";
import { dateText } from "./wording.js";

export interface MilestoneView {
  /** Code of a regulatory deadline (`VALIDATION_TACITE_PDS`, `DEMARRAGE_ACCES`…), or the project key. */
  code: string;
  iso: string | undefined;
  /** « 15 mars 2020 », or what an undated step hangs on (« date à fixer », « après la signature du contrat »…). */
  date_texte: string;
  libelle: string;
  /** « Étape du projet » or « Échéance réglementaire ». */
  nature: string;
  note: string | undefined;
}

export interface CalendarView {
  etapes: MilestoneView[];
  /** Dated steps only, earliest first. */
  etapes_datees: MilestoneView[];
  /**
   * For the lettre d’intention: the next steps from its date on — the examination of the letter,
   * the diagnostic and the projet de santé, its one validation, the contract — never its own
   * validation as a fact.
   */
  etapes_lettre: MilestoneView[];
  /** The updated version of the projet de santé, when the CPTS already exists. */
  actualisation: { date_texte: string; libelle: string; phrase: string } | undefined;
  /** How the projet de santé is validated under the rules of its date, in one sentence. */
  validation_regle: string;
  /** The crisis plan rule, when the contract holds the crisis mission’s deadlines. */
  plan_crise: string | undefined;
  duree_contrat: string;
}

export interface CalendarContext {
  droitLocal: boolean;
  /** Signature of the ACI contract, from which the missions' deadlines run. */
  signature: DatedText;
  chosenCodes: MissionCode[];
  /** Date of the lettre d’intention: its calendar starts there. */
  letterDate: DatedText;
  /** Date of the projet de santé, for the rules of its validation when no step dates them. */
  projectDate?: string | undefined;
}

const STEP = "Étape du projet";
const DEADLINE = "Échéance réglementaire";

function byDate(steps: MilestoneView[]): MilestoneView[] {
  return steps
    .map((s, i) => ({ s, i }))
    .sort((p, q) => {
      if (p.s.iso === q.s.iso) return p.i - q.i;
      if (p.s.iso === undefined) return 1;
      if (q.s.iso === undefined) return -1;
      return p.s.iso < q.s.iso ? -1 : 1;
    })
    .map(({ s }) => s);
}

function jalonSteps(project: Project): MilestoneView[] {
  const out: MilestoneView[] = [];
  for (const j of project.calendrier?.jalons ?? []) {
    const when = dated(j.date);
    if (when.iso && !isValidationJalon(j.libelle)) out.push({ code: "jalon", iso: when.iso, date_texte: when.texte!, libelle: j.libelle, nature: STEP, note: undefined });
  }
  return out;
}

/**
 * The lettre d’intention’s calendar: what follows the letter, in the order it happens. Steps the
 * file dates before the letter are left out; steps not dated yet say when they come.
 */
/** What a step without a date says in the date column (« à dater » would read as « starting from »). */
const TO_SET = "date à fixer";

/** An undated deadline hangs on the event that starts it: the receipt of the projet, the ARS's decision, the contract. */
function undatedDeadline(m: { code: string; libelle: string }): string {
  if (m.libelle.includes("choisi par la CPTS")) return "selon le contrat";
  if (m.code === "VALIDATION_TACITE_PDS") return "deux mois après la réception du projet de santé";
  if (m.code === "VALIDATION_PDS") return "à la décision de l’ARS";
  return "après la signature du contrat";
}

function letterSteps(project: Project, context: CalendarContext): MilestoneView[] {
  const from = context.letterDate.iso;
  const after = (iso: string | undefined) => iso !== undefined && (from === undefined || iso > from);
  const cal = project.calendrier ?? {};
  const step = (code: string, value: unknown, libelle: string, undated: string): MilestoneView | undefined => {
    const when = dated(value);
    if (when.iso && !after(when.iso)) return undefined;
    return { code, iso: when.iso, date_texte: when.texte ?? undated, libelle, nature: STEP, note: undefined };
  };
  const validation = pdsValidation(project, from);
  const validationWhen = validation.date && after(validation.date) ? validation.date : undefined;
  const aciThen = from === undefined || rulesAt(from).aci.version !== null;
  const logical = [
    step(
      "examen_lettre_intention",
      cal.validation_lettre_intention,
      "Réunion d’examen de la lettre d’intention par l’ARS, avec l’Assurance Maladie et les URPS",
      "date fixée par l’ARS",
    ),
    step("ag_constitutive", cal.ag_constitutive, "Assemblée générale constitutive de l’association", TO_SET),
    step(
      "declaration_association",
      cal.declaration_association,
      context.droitLocal ? "Inscription de l’association au registre des associations" : "Déclaration de l’association",
      TO_SET,
    ),
    {
      code: "diagnostic",
      iso: undefined,
      date_texte: "après l’examen de la lettre",
      libelle: "Diagnostic territorial partagé et rédaction du projet de santé avec les professionnels et les partenaires",
      nature: STEP,
      note: undefined,
    },
    step("depot_projet_sante", cal.depot_projet_sante, "Envoi du projet de santé à l’ARS", TO_SET),
    validation.date && !after(validation.date)
      ? undefined
      : {
          code: validation.mode === "tacite" ? "VALIDATION_TACITE_PDS" : "VALIDATION_PDS",
          iso: validationWhen,
          date_texte: validationWhen
            ? dateText(validationWhen)!
            : validation.mode === "tacite"
              ? "deux mois après la réception du projet de santé"
              : "à la décision de l’ARS",
          libelle: validation.libelle,
          nature: STEP,
          note: validation.estimation ? validation.note : undefined,
        },
    step(
      "signature_aci",
      cal.signature_aci,
      aciThen ? "Signature du contrat ACI avec l’ARS et la CPAM" : "Contrat avec l’ARS et l’Assurance Maladie",
      "après la validation du projet de santé",
    ),
  ].filter((x): x is MilestoneView => x !== undefined);
  // Jalons of the project go in among the dated steps, by date.
  const jalons = jalonSteps(project).filter((j) => after(j.iso));
  const out: MilestoneView[] = [];
  for (const s of logical) {
    if (s.iso) while (jalons.length && jalons[0]!.iso! <= s.iso) out.push(jalons.shift()!);
    out.push(s);
  }
  return [...out, ...jalons];
}

/** Every step and deadline; those of the lettre d’intention from its date on. */
export function calendarSection(project: Project, context: CalendarContext): CalendarView {
  const { droitLocal } = context;
  const cal = project.calendrier ?? {};
  const steps: MilestoneView[] = [];
  for (const { key, libelle } of PROJECT_DATES) {
    const when = dated((cal as Record<string, unknown>)[key]);
    if (!when.iso) continue;
    const label =
      key === "declaration_association" && droitLocal ? "Inscription de l’association au registre des associations" : libelle;
    steps.push({ code: key, iso: when.iso, date_texte: when.texte!, libelle: label, nature: STEP, note: undefined });
  }
  steps.push(...jalonSteps(project));
  const update = updateStep(project);
  if (update) steps.push({ code: "actualisation_projet_sante", iso: update.date, date_texte: dateText(update.date)!, libelle: update.libelle, nature: STEP, note: undefined });
  const deadlines = projectDeadlines(project, context.projectDate ? { documentDate: context.projectDate } : {});
  for (const m of deadlines) {
    const validation = m.code === "VALIDATION_PDS" || m.code === "VALIDATION_TACITE_PDS";
    steps.push({
      code: m.code,
      iso: m.date ?? undefined,
      date_texte: m.date ? dateText(m.date)! : undatedDeadline(m),
      libelle: m.libelle,
      nature: validation && m.code === "VALIDATION_PDS" && m.date ? STEP : DEADLINE,
      note: m.estimation || (validation && !m.date) ? m.note : undefined,
    });
  }
  const etapes = byDate(steps);
  const crisisDeadlines = deadlines.some((m) => m.code === "PLAN_CRISE");
  return {
    etapes,
    etapes_datees: etapes.filter((s) => s.iso !== undefined),
    etapes_lettre: letterSteps(project, context),
    actualisation: update
      ? {
          date_texte: dateText(update.date)!,
          libelle: update.libelle,
          phrase: `Ce document est la version actualisée du projet de santé de la communauté, transmise à l’ARS le ${dateText(update.date)}${update.motif ? `, ${update.motif}` : ""}.`,
        }
      : undefined,
    validation_regle: pdsValidation(project, context.projectDate).regle,
    plan_crise: crisisDeadlines ? ACI_DATA.regleCalendrier("PLAN_CRISE").texte : undefined,
    duree_contrat: ACI_DATA.regleCalendrier("DUREE_CONTRAT").texte,
  };
}

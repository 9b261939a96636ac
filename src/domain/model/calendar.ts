/** The calendar section: the project’s dated steps and the regulatory deadlines, in date order. */
import type { Project } from "../../project/index.js";
import { ACI_DATA, type MissionCode } from "../aci.js";
import { computeDeadlines } from "../calendar.js";
import { dated, type DatedText } from "./common.js";
import { PROJECT_DATES } from "./labels.js";
import { dateText } from "./wording.js";

export interface MilestoneView {
  /** Code of a regulatory deadline (`VALIDATION_TACITE_PDS`, `DEMARRAGE_ACCES`…), or the project key. */
  code: string;
  iso: string | undefined;
  /** « 15 mars 2020 », or « fixé dans le contrat » / « à dater » for an undated step. */
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
  /** For the lettre d’intention: from its date on, the project’s steps and the tacit validation of the projet de santé. */
  etapes_lettre: MilestoneView[];
  /** The two-month rule of the projet de santé, as aci.json states it. */
  validation_tacite: string;
  plan_crise: string;
  duree_contrat: string;
}

export interface CalendarContext {
  droitLocal: boolean;
  /** Signature of the ACI contract, from which the missions' deadlines run. */
  signature: DatedText;
  chosenCodes: MissionCode[];
  /** Date of the lettre d’intention: its calendar starts there. */
  letterDate: DatedText;
}

/** Every step and deadline; those of the lettre d’intention from its date on. */
export function calendarSection(project: Project, context: CalendarContext): CalendarView {
  const { droitLocal, signature, chosenCodes, letterDate } = context;
  const cal = project.calendrier ?? {};
  const steps: MilestoneView[] = [];
  for (const { key, libelle } of PROJECT_DATES) {
    const when = dated((cal as Record<string, unknown>)[key]);
    if (!when.iso) continue;
    const label =
      key === "declaration_association" && droitLocal ? "Inscription de l’association au registre des associations" : libelle;
    steps.push({ code: key, iso: when.iso, date_texte: when.texte!, libelle: label, nature: "Étape du projet", note: undefined });
  }
  for (const j of cal.jalons ?? []) {
    const when = dated(j.date);
    if (when.iso) {
      steps.push({ code: "jalon", iso: when.iso, date_texte: when.texte!, libelle: j.libelle, nature: "Étape du projet", note: undefined });
    }
  }
  const deadlines = computeDeadlines({
    ...(dated(cal.depot_projet_sante).iso ? { depot_projet_sante: dated(cal.depot_projet_sante).iso } : {}),
    ...(dated(cal.reception_projet_sante).iso ? { reception_ars: dated(cal.reception_projet_sante).iso } : {}),
    ...(signature.iso ? { signature_aci: signature.iso } : {}),
    missions: chosenCodes,
  });
  for (const m of deadlines) {
    steps.push({
      code: m.code,
      iso: m.date ?? undefined,
      date_texte: m.date ? dateText(m.date)! : m.libelle.includes("choisi par la CPTS") ? "selon le contrat" : "à dater",
      libelle: m.libelle,
      nature: "Échéance réglementaire",
      note: m.estimation ? m.note : undefined,
    });
  }
  const etapes = steps
    .map((s, i) => ({ s, i }))
    .sort((p, q) => {
      if (p.s.iso === q.s.iso) return p.i - q.i;
      if (p.s.iso === undefined) return 1;
      if (q.s.iso === undefined) return -1;
      return p.s.iso < q.s.iso ? -1 : 1;
    })
    .map(({ s }) => s);
  return {
    etapes,
    etapes_datees: etapes.filter((s) => s.iso !== undefined),
    etapes_lettre: etapes.filter(
      (s) =>
        s.iso !== undefined &&
        (letterDate.iso === undefined || s.iso >= letterDate.iso) &&
        (s.nature === "Étape du projet" || s.code === "VALIDATION_TACITE_PDS"),
    ),
    validation_tacite: ACI_DATA.regleCalendrier("VALIDATION_TACITE_PDS").texte,
    plan_crise: ACI_DATA.regleCalendrier("PLAN_CRISE").texte,
    duree_contrat: ACI_DATA.regleCalendrier("DUREE_CONTRAT").texte,
  };
}

/** Step 10: the dates of the main stages, and the deadlines they set. */
import { NBSP, formatDate } from "../../french/index.js";
import { projectDeadlines } from "../../domain/index.js";
import type { Project } from "../../project/index.js";
import type { ItemSpec } from "../ask.js";
import type { WizardContext } from "../context.js";
import { fieldsSection, listSection, type StepDefinition } from "../step.js";
import { text } from "./common.js";

const jalonItem: ItemSpec = {
  noun: "une étape",
  fields: ["libelle", "date"],
  label: (j) => `${text(j.libelle)}${j.date ? ` (${String(j.date)})` : ""}`,
};

/** Deadlines that follow from the dates given (tacit validation, start of the missions…). */
export function deadlineLines(project: Project): string[] {
  const c = project.calendrier ?? {};
  if (!c.depot_projet_sante && !c.reception_projet_sante && !c.signature_aci && !c.actualisation_projet_sante) return [];
  const milestones = projectDeadlines(project);
  return milestones
    .filter((m) => m.date)
    .slice(0, 6)
    .map((m) => `  ${formatDate(m.date!)}${NBSP}: ${m.libelle}${m.estimation ? " (estimation)" : ""}`);
}

async function showDeadlines(ctx: WizardContext): Promise<void> {
  const lines = deadlineLines(ctx.editor.project);
  if (!lines.length) return;
  ctx.out(`Échéances qui en découlent${NBSP}:`);
  for (const l of lines) ctx.out(l);
}

export const calendrierStep: StepDefinition = {
  id: "calendrier",
  title: "Le calendrier",
  paths: ["calendrier"],
  intro: () => "Les dates des grandes étapes, prévues ou réelles (AAAA-MM-JJ ou JJ/MM/AAAA).",
  sections: () => [
    fieldsSection({
      id: "etapes",
      title: "Étapes de la création",
      base: "calendrier",
      fields: [
        "envoi_lettre_intention",
        "validation_lettre_intention",
        "ag_constitutive",
        "declaration_association",
        "depot_projet_sante",
        "reception_projet_sante",
        "signature_aci",
      ],
      needed: ["envoi_lettre_intention", "ag_constitutive", "depot_projet_sante"],
      after: showDeadlines,
    }),
    listSection({ id: "jalons", path: "calendrier.jalons", item: jalonItem }),
    fieldsSection({
      id: "validation",
      title: "Validation du projet de santé (quand elle a eu lieu)",
      base: "calendrier.validation_projet_sante",
      fields: ["date", "mode"],
      done: () => true,
    }),
    fieldsSection({
      id: "actualisation",
      title: "Actualisation du projet de santé (CPTS qui existe déjà)",
      base: "calendrier.actualisation_projet_sante",
      fields: ["date", "motif", "precision"],
      done: () => true,
    }),
  ],
};

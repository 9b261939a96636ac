/**
 * The wizard's home screen: the steps with their state (fait, en cours, à faire) computed from
 * the readiness rules, the first unfinished one proposed. The file is read again before each
 * step, so hand edits made meanwhile are taken as they are.
 */
import { NBSP } from "../french/index.js";
import { documentGaps, notNeededReason, type DocumentId } from "../domain/index.js";
import type { WizardContext } from "./context.js";
import type { ProjectEditor } from "./editor.js";
import { isUnder, parsePath } from "./path.js";
import { fieldInfo } from "./schema-info.js";
import { projectStatus, stepFindings, stepState, withoutDocumentPrefix, type ProjectStatus, type StepState } from "./status.js";
import { runStep, type StepDefinition, type StepId } from "./step.js";
import { STEPS } from "./steps/index.js";

export interface WizardOptions {
  /** Open this step first (`--etape`). */
  step?: StepId;
}

const QUIT = "\u0000quit";

const SHORT_TITLES: Record<DocumentId, string> = {
  diagnostic: "diagnostic",
  "lettre-intention": "lettre d’intention",
  statuts: "statuts",
  "pv-ag-constitutive": "PV d’AG constitutive",
  "pv-ag-extraordinaire": "PV d’AG extraordinaire",
  "pv-conseil-administration": "PV du conseil d’administration",
  "liste-dirigeants": "liste des dirigeants",
  declaration: "déclaration",
  "demande-inscription": "demande d’inscription",
  "projet-sante": "projet de santé",
};

const STATE_MARKS: Record<StepState, string> = { fait: "✔ fait", "en cours": "◐ en cours", "à faire": "○ à faire" };

function readyCount(status: ProjectStatus): number {
  return status.documents.filter((d) => documentGaps(d).pret).length;
}

function stepLine(step: StepDefinition, number: number, state: string): string {
  return `${`${number}.`.padEnd(3)} ${step.title.padEnd(54)} ${state}`;
}

function describe(step: StepDefinition, state: StepState, status: ProjectStatus): string {
  const missing = stepFindings(step, status).filter((f) => f.severity === "erreur");
  if (state === "à faire") return missing.length ? `À commencer. Manque notamment${NBSP}: ${withoutDocumentPrefix(missing[0]!.message)}.` : "À commencer.";
  if (!missing.length) return "Rien ne manque pour les documents.";
  const first = missing.slice(0, 2).map((f) => withoutDocumentPrefix(f.message));
  return `À compléter${NBSP}: ${first.join(" ; ")}${missing.length > 2 ? ` (et ${missing.length - 2} autre${missing.length > 3 ? "s" : ""})` : ""}.`;
}

/** The home screen's choices and the one proposed (the first step not done). */
export function homeChoices(status: ProjectStatus, project: Parameters<typeof stepState>[1]) {
  let proposed: StepId | undefined;
  const choices = STEPS.map((step, i) => {
    if (step.id === "generer") {
      const ready = readyCount(status);
      return {
        value: step.id as string,
        name: stepLine(step, i + 1, `${ready}/${status.documents.length} prêts`),
        short: step.title,
        description: `${ready} document${ready > 1 ? "s" : ""} sur ${status.documents.length} sans rien qui bloque.`,
      };
    }
    if (step.documents && !step.documents.some((id) => status.documents.some((d) => d.document === id))) {
      const reason = notNeededReason(step.documents[0]!, project);
      return {
        value: step.id as string,
        name: stepLine(step, i + 1, "– étape passée"),
        short: step.title,
        description: `Sans objet pour ce projet${reason ? `${NBSP}: ${reason}` : ""}.`,
      };
    }
    const state = stepState(step, project, status);
    if (state !== "fait") proposed ??= step.id;
    return { value: step.id as string, name: stepLine(step, i + 1, STATE_MARKS[state]), short: step.title, description: describe(step, state, status) };
  });
  choices.push({ value: QUIT, name: "    Quitter", short: "Quitter", description: "Tout est déjà enregistré ; reprenez plus tard avec « cpts assistant »." });
  return { choices, proposed: proposed ?? "generer" };
}

/**
 * The texts being written when the wizard was stopped, kept aside (never in the project): where
 * each one will be offered again. Undefined when there is none.
 */
export function draftsNotice(editor: ProjectEditor): string | undefined {
  const fields = editor.draftFields.map((field) => {
    const step = STEPS.findIndex((st) => st.paths.some((p) => isUnder(field, p)));
    let title = field;
    try {
      title = fieldInfo(parsePath(field)).title;
    } catch {
      // A field this version does not ask (drafts file written by another version): its path.
    }
    return step < 0 ? `« ${title} »` : `« ${title} » (étape ${step + 1}, ${STEPS[step]!.title})`;
  });
  if (!fields.length) return undefined;
  const one = fields.length === 1;
  return `${one ? "Texte commencé, pas encore enregistré" : "Textes commencés, pas encore enregistrés"}${NBSP}: ${fields.join(", ")}. ${
    one ? "Il vous sera proposé à sa question, pour le terminer." : "Chacun vous sera proposé à sa question, pour le terminer."
  }`;
}

/** Runs the wizard until the user quits; every answer is saved as it is given. */
export async function runWizard(ctx: WizardContext, options: WizardOptions = {}): Promise<void> {
  const s = ctx.style;
  ctx.out(
    s.dim(
      `Chaque réponse est enregistrée aussitôt dans ${ctx.editor.displayName}. Ctrl-C arrête l’assistant à tout moment. ` +
        `Entre parenthèses, la réponse actuelle${NBSP}: Entrée la garde, Tab permet de la modifier, Retour arrière puis Entrée l’efface.`,
    ),
  );
  if (options.step) {
    const index = STEPS.findIndex((st) => st.id === options.step);
    await ctx.editor.reload();
    await runStep(ctx, STEPS[index]!, index + 1);
  }
  for (;;) {
    await ctx.editor.reload();
    const project = ctx.editor.project;
    const status = projectStatus(project);
    ctx.out();
    ctx.out(s.bold(`${project.cpts.nom} — ${ctx.editor.displayName}`));
    ctx.out(
      `Documents${NBSP}: ${status.documents
        .map((d) => `${documentGaps(d).pret ? "✔" : "○"} ${SHORT_TITLES[d.document]}`)
        .join(" · ")}`,
    );
    const drafts = draftsNotice(ctx.editor);
    if (drafts) ctx.out(s.yellow(drafts));
    const { choices, proposed } = homeChoices(status, project);
    const choice = await ctx.ask.select<string>({ message: "Quelle étape ?", choices, default: proposed });
    if (choice === QUIT) return;
    const index = STEPS.findIndex((st) => st.id === choice);
    await runStep(ctx, STEPS[index]!, index + 1);
  }
}

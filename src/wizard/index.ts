/**
 * The wizard: one step per part of the project, each asking its questions and saving every
 * answer at once. It receives from the CLI what it needs (the prompts, where to print, the
 * generate function) and imports nothing of src/cli. The terminal prompts load
 * @inquirer/prompts: they come through `terminalPrompter()`, `askText()` and `askConfirm()`, when
 * a question is about to be asked.
 */
import type { ConfirmQuestion, Prompter, TextQuestion } from "./prompts.js";

export { draftsNotice, runWizard, type WizardOptions } from "./wizard.js";
export { ProjectEditor, ProjectFileInvalid, type Change } from "./editor.js";
export { STEP_IDS, type StepId } from "./step.js";
export { wrapText } from "./wrap.js";
export type { GenerateDocuments, WizardContext, WizardStyle } from "./context.js";
export type { Choice, ConfirmQuestion, Prompter, TextQuestion } from "./prompts.js";

/** The prompts on the terminal (src/wizard/prompts.ts), loaded on first call. */
export async function terminalPrompter(): Promise<Prompter> {
  return (await import("./prompts.js")).terminalPrompter;
}

/** One free-text question on the terminal, outside the wizard (`cpts init`). */
export async function askText(question: TextQuestion): Promise<string> {
  return (await import("./prompts.js")).askText(question);
}

/** One yes/no question on the terminal, outside the wizard (`cpts init`). */
export async function askConfirm(question: ConfirmQuestion): Promise<boolean> {
  return (await import("./prompts.js")).askConfirm(question);
}

import type { ProjectEditor } from "./editor.js";
import type { Prompter } from "./prompts.js";

/** The colours the wizard prints with: the CLI's terminal style, plain text without colours. */
export interface WizardStyle {
  bold(s: string): string;
  dim(s: string): string;
  green(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
}

/**
 * Writes the documents of the project being edited and returns the exit code of the `generer`
 * command. The CLI provides it: the wizard never loads a command itself.
 */
export type GenerateDocuments = (options: { brouillon: boolean }) => Promise<number>;

/** What every step receives: the file being edited, the prompts, where to print, and the commands it may run. */
export interface WizardContext {
  editor: ProjectEditor;
  ask: Prompter;
  style: WizardStyle;
  /** Prints lines on standard output (a newline is added). */
  out(text?: string): void;
  generate: GenerateDocuments;
}

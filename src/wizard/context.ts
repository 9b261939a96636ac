import type { Io } from "../cli/io.js";
import type { Style } from "../cli/style.js";
import type { ProjectEditor } from "./editor.js";
import type { Prompter } from "./prompts.js";

/** What every step receives: the file being edited, the prompts, and where to print. */
export interface WizardContext {
  editor: ProjectEditor;
  ask: Prompter;
  io: Io;
  style: Style;
  /** Prints lines on standard output (a newline is added). */
  out(text?: string): void;
}

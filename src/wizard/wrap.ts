/** Line wrapping for what the wizard prints: the terminal's width, and the wrapping of src/french. */
import { wrapText as wrap } from "../french/index.js";

/** Width for wrapped text: the terminal's, at most 100 columns. */
export function textWidth(): number {
  return Math.min(process.stdout.columns || 100, 100);
}

/** Wraps each line at word boundaries; continuation lines start with `indent`. */
export function wrapText(text: string, width = textWidth(), indent = ""): string {
  return wrap(text, width, indent);
}

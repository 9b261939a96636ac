import type { Finding } from "./findings.js";

/** Exit codes shared by every command. */
export const EXIT = {
  ok: 0,
  /** The project file has errors (schema, consistency, readiness). */
  projectErrors: 1,
  /** Bad usage or input/output problem: missing file, unknown option, no terminal. */
  usage: 2,
  /** A program the tool needs for what was asked is missing (LibreOffice for PDF); the rest was done. */
  unavailable: 69,
  /** A bug of the tool itself. */
  internal: 70,
  /** The user pressed Ctrl-C; everything answered so far is saved. */
  interrupted: 130,
} as const;

/**
 * An error the user can fix: its message is French, complete and printed as is, without a
 * stack trace. `findings` carry positions when the error points into a file.
 */
export class UserError extends Error {
  override readonly name = "UserError";
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
    readonly findings: readonly Finding[] = [],
  ) {
    super(message);
  }
}

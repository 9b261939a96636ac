/**
 * A finding is one thing a user must know about a project: a schema error, a value that
 * disagrees with official data, a document that is not ready yet. Every check of the tool
 * (schema, territory, readiness, templates) speaks this one language, so `valider`, `etat`
 * and the wizard can group, sort and print them the same way.
 */
export type Severity = "erreur" | "avertissement" | "info";

export interface Finding {
  /** Dotted path of the field concerned, e.g. `territoire.communes[3]`; empty for the whole file. */
  path: string;
  /** A French sentence that says what is wrong and, where possible, what to do. */
  message: string;
  severity: Severity;
  /** Short machine code (`schema.type`, `territoire.population`, `pret.lettre-intention`…). */
  code: string;
  /**
   * Set for what a document still needs (readiness): such findings say what to complete before
   * that document can be sent; they do not make the project file invalid.
   */
  document?: string;
  file?: string;
  /** 1-based position in `file`, when the finding points at a value of the YAML file. */
  line?: number;
  column?: number;
}

export const SEVERITY_ORDER: Record<Severity, number> = { erreur: 0, avertissement: 1, info: 2 };

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === "erreur");
}

/** Turns `["territoire", "communes", 3]` into `territoire.communes[3]`. */
export function formatPath(segments: readonly (string | number)[]): string {
  let out = "";
  for (const s of segments) {
    if (typeof s === "number") out += `[${s}]`;
    else out += out === "" ? s : `.${s}`;
  }
  return out;
}

/**
 * Checks one answer with the very rules of `cpts valider`: the value is put into a copy of the
 * project data at its path, the whole copy goes through the project schema, and only the
 * problems at that path (or inside it) are kept. The messages are valider's.
 */
import { Document, LineCounter } from "yaml";
import { upperFirst } from "../french/index.js";
import { projectFiles, type Finding, type ProjectFile } from "../project/index.js";
import { formatPath, isUnder, setAt, type Path } from "./path.js";

// Answers are checked as they are typed, with the validator of `cpts valider`.
const { validateProject } = await projectFiles();

/** Schema problems of plain project data (no positions: the data does not come from a file). */
export function validateData(data: unknown): Finding[] {
  const doc = new Document(data);
  const file: ProjectFile = { path: "", source: "", format: { bom: false, crlf: false }, doc, lineCounter: new LineCounter(), data, findings: [] };
  return validateProject(file, "");
}

/**
 * The messages of the problems `value` would cause at `path` (empty when it is acceptable).
 * `undefined` means « remove the field ». `data` is not modified.
 */
export function checkField(data: unknown, path: Path, value: unknown): string[] {
  const copy = structuredClone(data ?? {}) as Record<string, unknown>;
  setAt(copy, path, value);
  const target = formatPath(path);
  return validateData(copy)
    .filter((f) => isUnder(f.path, target))
    .map((f) => f.message);
}

/** The first problem as a sentence to show under the question, or `true`. */
export function checkAnswer(data: unknown, path: Path, value: unknown): string | true {
  const [first] = checkField(data, path, value);
  return first === undefined ? true : upperFirst(first);
}

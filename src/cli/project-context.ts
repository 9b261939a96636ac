import { isValidIsoDate } from "../domain/index.js";
import { existsSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import {
  DEFAULT_PROJECT_FILE,
  EXIT,
  UserError,
  displayPath,
  hasErrors,
  projectFiles,
  refuseIrregular,
  type LoadedProject,
  type Project,
  type ProjectFile,
  type Updated,
} from "../project/index.js";
import { formatFindingGroups } from "./findings-output.js";
import type { Io } from "./io.js";
import { style } from "./style.js";

/**
 * `cpts valider` with no argument reads `./cpts.yaml`; a folder means the `cpts.yaml` inside it.
 * A device, pipe or socket is refused here, from the path alone, before any command reads it
 * (reading /dev/zero would never end, a pipe would wait for a writer).
 */
export function resolveProjectPath(arg: string | undefined, cwd: string): string {
  const path = resolve(cwd, arg ?? DEFAULT_PROJECT_FILE);
  if (arg !== undefined && existsSync(path) && !path.endsWith(".yaml") && !path.endsWith(".yml")) {
    const inside = join(path, DEFAULT_PROJECT_FILE);
    if (existsSync(inside)) return inside;
  }
  let info;
  try {
    info = statSync(path, { throwIfNoEntry: false });
  } catch {
    info = undefined; // unreadable path: the command's own read says why
  }
  if (info && !info.isDirectory()) refuseIrregular(info, displayPath(path, cwd));
  return path;
}

export interface ValidProject extends LoadedProject {
  project: Project;
  path: string;
}

/**
 * Loads a project for a command that needs a valid file: on schema or YAML errors, prints them
 * (same messages as `valider`) and stops with exit code 1, touching nothing.
 */
export async function requireValidProject(fileArg: string | undefined, io: Io, quiet = false): Promise<ValidProject> {
  const path = resolveProjectPath(fileArg, io.cwd);
  const name = displayPath(path, io.cwd);
  const { loadProject } = await projectFiles();
  const loaded = await loadProject(path, name);
  if (!loaded.project || hasErrors(loaded.findings)) {
    if (!quiet) io.stderr(formatFindingGroups(loaded.findings, style(io.color)));
    throw new UserError(`${name} contient des erreurs : corrigez-les (« cpts valider ${name} ») puis relancez la commande.`, EXIT.projectErrors, loaded.findings);
  }
  return { ...loaded, project: loaded.project, path };
}

/**
 * Changes the project file under its lock (src/project/save.ts): `edit` gets the file as read
 * under the lock. Says on standard error when it waits for another command, and prints the
 * located errors of a change that would make the file invalid (nothing is written then).
 */
export async function changeProject<T>(path: string, name: string, io: Io, edit: (file: ProjectFile) => T | Promise<T>): Promise<Updated<T>> {
  const { updateProjectFile } = await projectFiles();
  try {
    return await updateProjectFile(path, name, edit, { onWait: (message) => io.stderr(`${message}\n`) });
  } catch (error) {
    if (error instanceof UserError && error.findings.length) io.stderr(formatFindingGroups(error.findings, style(io.color)));
    throw error;
  }
}

/** The date « today » for commands that speak of what is coming; `--date` makes it fixed. */
export function today(option: string | undefined, env: NodeJS.ProcessEnv): string {
  if (option) {
    if (!isValidIsoDate(option)) throw new UserError(`--date : date réelle au format AAAA-MM-JJ attendue, trouvé « ${option} ».`);
    return option;
  }
  const epoch = env.SOURCE_DATE_EPOCH;
  const date = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
}

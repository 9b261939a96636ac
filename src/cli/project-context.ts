import { isValidIsoDate } from "../domain/index.js";
import { existsSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
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
 * The project file a command works on when none is named: `cpts.yaml` in the working folder or,
 * as git and npm do, in the nearest parent folder that has one. The search stops after the home
 * folder (a project above it belongs to someone else) and at the root of the file system.
 * Undefined when there is none.
 */
export function findProjectFile(cwd: string, home: string | undefined): string | undefined {
  const stop = home ? resolve(home) : undefined;
  for (let dir = resolve(cwd); ; ) {
    const candidate = join(dir, DEFAULT_PROJECT_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir || dir === stop) return undefined;
    dir = parent;
  }
}

/** Per output, the files already announced as found in a parent folder (a command may resolve twice). */
const announced = new WeakMap<Io, Set<string>>();

/**
 * `cpts valider` with no argument reads the `cpts.yaml` of the working folder or of the nearest
 * parent (`findProjectFile`), and says on standard error which one when it is not in the working
 * folder; without any, the working folder's (the command's own read says it is missing). A folder
 * means the `cpts.yaml` inside it. A device, pipe or socket is refused here, from the path alone,
 * before any command reads it (reading /dev/zero would never end, a pipe would wait for a writer).
 */
export function resolveProjectPath(arg: string | undefined, cwd: string, io?: Io): string {
  let path = resolve(cwd, arg ?? DEFAULT_PROJECT_FILE);
  if (arg === undefined) {
    const found = findProjectFile(cwd, io?.env.HOME ?? homedir());
    if (found && found !== path) {
      path = found;
      const told = io ? (announced.get(io) ?? new Set<string>()) : undefined;
      if (io && told && !told.has(found)) {
        io.stderr(`Projet\u00a0: ${displayPath(found, cwd)} (trouvé dans un dossier parent).\n`);
        told.add(found);
        announced.set(io, told);
      }
    }
  }
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
  const path = resolveProjectPath(fileArg, io.cwd, io);
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

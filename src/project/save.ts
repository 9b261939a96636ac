/**
 * The one way cpts changes a project file. Every command that writes one (the wizard after each
 * answer, `territoire`, `diagnostic importer`, `init`) goes through `updateProjectFile` or
 * `createProjectFile`:
 *
 * 1. The real file is locked (src/project/lock.ts): a project file that is a symlink is
 *    locked, read and written at its target, as editors do.
 * 2. Under the lock, the file is read again: the command's change is applied to what is on disk
 *    now (a YAML Document edited in place), so a change another command saved meanwhile is kept.
 *    A read-only file, a device or pipe, a file over the size limit or with errors is refused
 *    before any change.
 * 3. The new text must pass what reading it would check (size limit, UTF-8, control characters,
 *    YAML, schema): cpts never writes a file it would then refuse.
 * 4. When the bytes are the same as on disk nothing is written (the `.bak` stays as it was);
 *    otherwise src/project/write.ts replaces the file atomically and keeps the old one as `.bak`.
 */
import { constants as fsConstants } from "node:fs";
import { access, lstat, realpath } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Document } from "yaml";
import { EXIT, UserError } from "./errors.js";
import { decodeProject, parseProjectSource, projectBytes, type ProjectFile } from "./file.js";
import { hasErrors, type Finding } from "./findings.js";
import type { TextFormat } from "./layout.js";
import { withLock, type LockOptions } from "./lock.js";
import { migrate } from "./migrate.js";
import { MAX_PROJECT_BYTES, readProjectBytes, type ProjectBytes } from "./read.js";
import { validateProject } from "./schema.js";
import { refreshSchemaCopy } from "./schema-link.js";
import { writeProjectFile } from "./write.js";

export interface UpdateOptions extends LockOptions {
  /** Test hook: runs after the temporary file is written and synced, before it replaces the project. */
  beforeRename?: () => void | Promise<void>;
}

export interface Updated<T> {
  /** What the edit returned. */
  value: T;
  /** The project as now on disk (as written, or as read when nothing changed), checked. */
  file: ProjectFile;
  /** False when the change left the file's bytes as they were: nothing was written. */
  written: boolean;
}

/** What loading would report: YAML findings, then (the file migrated in memory) the schema's. */
export function checkProject(file: ProjectFile, displayName: string): Finding[] {
  const findings = [...file.findings];
  if (hasErrors(findings)) return findings;
  const migration = migrate(file.doc, displayName);
  if (migration.applied.length) file.data = file.doc.toJS();
  return [...findings, ...validateProject(file, displayName)];
}

/** The file the project's path names: its target when it is a symlink. */
async function realTarget(path: string, displayName: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT")
      throw new UserError(`${displayName} : fichier introuvable. Créez un projet avec « cpts init » ou indiquez le chemin du fichier.`);
    throw new UserError(`${displayName} : lecture impossible (${(error as NodeJS.ErrnoException).code ?? "erreur"}).`);
  }
}

async function refuseReadOnly(target: string, raw: ProjectBytes, displayName: string): Promise<void> {
  // No write bit at all counts as read-only even for root, who may write anything.
  const writable = (raw.info.mode & 0o222) !== 0 && (await access(target, fsConstants.W_OK).then(() => true, () => false));
  if (!writable)
    throw new UserError(
      `${displayName} est en lecture seule : cpts ne le remplace pas. Rien n’a été modifié. ` +
        `Rendez-le modifiable (par exemple « chmod u+w ${displayName} ») si vous voulez l’enregistrer.`,
    );
}

/**
 * The bytes to write for `doc`, in the file's format, after the checks reading them would
 * make. Throws `UserError`: exit 2 when the file would be over the size limit, exit 1 (with
 * the findings) when it would have errors.
 */
export function checkedBytes(doc: Document, format: TextFormat, path: string, displayName: string): { bytes: Buffer; file: ProjectFile } {
  const bytes = projectBytes(doc, format);
  if (bytes.length > MAX_PROJECT_BYTES)
    throw new UserError(
      `Avec cette modification, ${displayName} atteindrait ${Math.ceil(bytes.length / 1024)} Kio, au-delà des ${MAX_PROJECT_BYTES / 1024} Kio que cpts accepte pour un fichier projet : ` +
        "rien n’a été écrit. Raccourcissez les textes les plus longs ou importez moins de données.",
    );
  let again: ProjectFile;
  try {
    again = decodeProject(bytes, path, displayName);
  } catch (error) {
    if (error instanceof UserError) throw new UserError(`La modification rendrait ${displayName} illisible (${error.message}) : rien n’a été écrit.`);
    throw error;
  }
  const findings = checkProject(again, displayName);
  if (hasErrors(findings))
    throw new UserError(
      `La modification rendrait ${displayName} invalide : rien n’a été écrit.`,
      EXIT.projectErrors,
      findings.filter((f) => f.severity === "erreur"),
    );
  return { bytes, file: again };
}

/**
 * Changes the project file at `path` under its lock: `edit` receives the file as read under
 * the lock (valid, or this throws `UserError` with its findings, exit 1) and changes its
 * Document; the result is checked and written. Resolves once the change is on disk.
 */
export async function updateProjectFile<T>(
  path: string,
  displayName: string,
  edit: (file: ProjectFile) => T | Promise<T>,
  options: UpdateOptions = {},
): Promise<Updated<T>> {
  const target = await realTarget(path, displayName);
  return withLock(
    target,
    displayName,
    async (lock) => {
      const raw = await readProjectBytes(target, displayName);
      await refuseReadOnly(target, raw, displayName);
      const current = decodeProject(raw.bytes, target, displayName);
      const problems = checkProject(current, displayName);
      if (hasErrors(problems))
        throw new UserError(
          `${displayName} contient des erreurs : corrigez-les (« cpts valider ${displayName} ») puis relancez. Rien n’a été modifié.`,
          EXIT.projectErrors,
          problems,
        );
      const value = await edit(current);
      const { bytes, file } = checkedBytes(current.doc, current.format, target, displayName);
      if (Buffer.compare(bytes, raw.bytes) === 0) return { value, file, written: false };
      await writeProjectFile(target, bytes, {
        displayName,
        previous: raw,
        backup: true,
        stillHeld: lock.stillHeld,
        ...(options.beforeRename ? { beforeRename: options.beforeRename } : {}),
      });
      await refreshSchemaCopy(path);
      return { value, file, written: true };
    },
    options,
  );
}

/**
 * Creates the project file `path` from a Document or a text, after the same checks as a
 * change; refuses (exit 2) when anything already has that name, even created meanwhile.
 */
export async function createProjectFile(path: string, displayName: string, content: Document | string, options: LockOptions = {}): Promise<ProjectFile> {
  let dir: string;
  try {
    dir = await realpath(dirname(path));
  } catch {
    throw new UserError(`${dirname(path)} : dossier introuvable. Rien n’a été écrit.`);
  }
  const target = join(dir, basename(path));
  const model = typeof content === "string" ? parseProjectSource(content, target, displayName) : undefined;
  const doc = model?.doc ?? (content as Document);
  const format: TextFormat = model?.format ?? { bom: false, crlf: false };
  return withLock(
    target,
    displayName,
    async () => {
      if (await lstat(target).then(() => true, () => false))
        throw new UserError(`${displayName} existe déjà : il n’a pas été modifié. Continuez-le avec « cpts assistant » ou choisissez un autre dossier.`);
      const { bytes, file } = checkedBytes(doc, format, target, displayName);
      await writeProjectFile(target, bytes, { displayName });
      await refreshSchemaCopy(path);
      return file;
    },
    options,
  );
}

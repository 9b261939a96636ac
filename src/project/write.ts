/**
 * Writing a project file so that a crash, a full disk or a hostile folder never leaves it
 * half-written, replaced by something else, or more readable than it was.
 *
 * - The new text goes to a temporary file in the same folder, under a name nobody can guess
 *   (`.<name>.<pid>.<random>.tmp`, 16 random bytes), created with O_CREAT|O_EXCL|O_NOFOLLOW: a
 *   file or symlink planted under that name makes the creation fail, it is never followed. It
 *   is synced, then renamed over the project: the project is either the old text or the new.
 * - The temporary file is created readable by its owner only, then given the project's own
 *   mode (and owner and group, where the system allows it) before the rename.
 * - The text replaced is kept as `<name>.bak`, written the same way from the bytes read under
 *   the lock (never copied through a path), with the project's mode.
 * - Temporary files of a process that died are removed by the next save.
 */
import { randomBytes } from "node:crypto";
import { constants as fsConstants } from "node:fs";
import { lstat, open, readdir, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { UserError } from "./errors.js";
import type { ProjectBytes } from "./read.js";
import { isAlive } from "./lock.js";

/** Mode of a project file cpts creates (then narrowed by the user's umask). */
const NEW_FILE_MODE = 0o644;

const CREATE = fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_WRONLY | (fsConstants.O_NOFOLLOW ?? 0);

export interface WriteOptions {
  /** Name shown in messages. */
  displayName: string;
  /** The file replaced, as read: its bytes become the backup; its mode, owner and group are kept. */
  previous?: ProjectBytes;
  /** Keep the replaced text as `<name>.bak`. */
  backup?: boolean;
  /** Asked just before the rename: false means the lock was lost, and nothing is replaced. */
  stillHeld?: () => Promise<boolean>;
  /** Test hook: runs after the temporary file is written and synced, before it replaces the project. */
  beforeRename?: () => void | Promise<void>;
}

const CAUSES: Record<string, string> = {
  EACCES: "droits insuffisants",
  EPERM: "droits insuffisants ou fichier protégé",
  EROFS: "système de fichiers en lecture seule",
  ENOSPC: "disque plein",
  EDQUOT: "quota disque dépassé",
  EISDIR: "c’est un dossier",
  ENOENT: "dossier introuvable",
  ENOTDIR: "un élément du chemin n’est pas un dossier",
  ELOOP: "un lien symbolique occupe ce nom",
  EEXIST: "un fichier occupe déjà ce nom",
};

/** A French message for a failed step, naming what was being written and why it failed. */
function refused(error: unknown, what: string): never {
  const code = (error as NodeJS.ErrnoException).code;
  if (error instanceof UserError || !code || !(code in CAUSES)) throw error;
  throw new UserError(`${what} : ${CAUSES[code]}. Rien n’a été modifié.`);
}

/** Creates a new file under an unpredictable name, exclusively; returns its path and handle. */
async function createExclusive(dir: string, base: string, suffix: string, mode: number) {
  const path = join(dir, `.${base}.${process.pid}.${randomBytes(16).toString("hex")}${suffix}`);
  return { path, handle: await open(path, CREATE, mode) };
}

/** Writes `bytes` to a new exclusive file, with the mode (and owner) of `like` if given; returns its path. */
async function writeNew(dir: string, base: string, suffix: string, bytes: Uint8Array, like: ProjectBytes | undefined, sync = true): Promise<string> {
  const { path, handle } = await createExclusive(dir, base, suffix, like ? 0o600 : NEW_FILE_MODE);
  try {
    await handle.writeFile(bytes);
    if (like) {
      // Owner and group first: chown may clear set-id bits, which chmod then puts back.
      await handle.chown(like.info.uid, like.info.gid).catch(() => undefined);
      await handle.chmod(like.info.mode & 0o7777);
    }
    if (sync) await handle.sync();
    await handle.close();
    return path;
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(path).catch(() => undefined);
    throw error;
  }
}

async function writeBackup(target: string, previous: ProjectBytes, displayName: string): Promise<void> {
  const bak = `${target}.bak`;
  const shown = `${displayName}.bak`;
  const existing = await lstat(bak).catch(() => undefined);
  if (existing?.isDirectory())
    throw new UserError(
      `${shown} est un dossier : la copie de sauvegarde de ${displayName} ne peut pas y être écrite. Renommez ou déplacez ce dossier, puis relancez. Rien n’a été modifié.`,
    );
  let tmp: string;
  try {
    // Not synced: after a power cut the project itself is whole, which is what matters.
    tmp = await writeNew(dirname(target), basename(target), ".bak.tmp", previous.bytes, previous, false);
  } catch (error) {
    refused(error, `Copie de sauvegarde ${shown} impossible à écrire dans ${dirname(target)}`);
  }
  try {
    await rename(tmp, bak);
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    refused(error, `Copie de sauvegarde ${shown} impossible à remplacer`);
  }
}

/**
 * Replaces (or creates) `target` with `bytes` atomically; see the module comment. Throws
 * `UserError` (exit 2) with the real cause when the folder, the backup or the disk refuse.
 */
export async function writeProjectFile(target: string, bytes: Uint8Array, options: WriteOptions): Promise<void> {
  const { displayName, previous } = options;
  const dir = dirname(target);
  const base = basename(target);
  await removeOrphanTemporaries(dir, base);
  let tmp: string;
  try {
    tmp = await writeNew(dir, base, ".tmp", bytes, previous);
  } catch (error) {
    refused(error, `Écriture de ${displayName} impossible dans ${dir}`);
  }
  try {
    if (options.backup && previous) await writeBackup(target, previous, displayName);
    await options.beforeRename?.();
    if (options.stillHeld && !(await options.stillHeld()))
      throw new UserError(
        `${displayName} : une autre commande a repris le verrou du projet pendant l’enregistrement (celui-ci a duré plus d’une minute). Rien n’a été modifié : relancez la commande.`,
      );
    await rename(tmp, target);
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    refused(error, `Remplacement de ${displayName} impossible`);
  }
  await syncDirectory(dir);
}

/**
 * A process killed mid-save leaves its temporary files behind (the project itself is intact):
 * the next save removes those whose process is gone, so they do not pile up in the user's folder.
 */
async function removeOrphanTemporaries(dir: string, base: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  const prefix = `.${base}.`;
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(".tmp")) continue;
    const pid = Number(name.slice(prefix.length).split(".")[0]);
    if (!Number.isInteger(pid) || pid === process.pid || isAlive(pid)) continue;
    await unlink(join(dir, name)).catch(() => undefined);
  }
}

async function syncDirectory(dir: string): Promise<void> {
  // Without syncing the folder, a power cut right after rename may bring back the old entry.
  try {
    const handle = await open(dir, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems refuse to open or sync a directory; the rename is still atomic there.
  }
}

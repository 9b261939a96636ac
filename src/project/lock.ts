/**
 * An exclusive lock on a project file, so that two commands changing the same project one
 * after the other each see the other's change instead of writing over it.
 *
 * The lock is a file beside the project, `.<name>.lock`, created with O_CREAT|O_EXCL (only one
 * process can create it; a symlink planted under that name makes the creation fail instead of
 * being followed). It holds the holder's pid, host and start time, as JSON, for the messages
 * and to recognise a lock left by a process that died: on the same host, a lock whose pid no
 * longer exists is taken over at once; any lock older than `LOCK_STALE_MS` is taken over too
 * (a writer holds it for one read and one write, well under a second), and one still without
 * its holder after two seconds (its writer was killed right after creating it).
 *
 * Taking over is itself guarded by a second exclusive file, `.<name>.lock.reprise`, so that two
 * processes finding the same dead lock cannot both remove it after one of them has already
 * taken a fresh lock: under the guard, the lock is removed only if it is still the dead one
 * (same inode and modification time).
 */
import { constants as fsConstants, type Stats } from "node:fs";
import { lstat, open, readFile, unlink } from "node:fs/promises";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";
import { UserError } from "./errors.js";

/** How long a writer waits for another one before giving up. */
export const LOCK_WAIT_MS = 10_000;
/** After this long waiting, the writer says so. */
export const LOCK_NOTICE_MS = 1_000;
/** A lock older than this was left by a process stopped or killed while it held it. */
export const LOCK_STALE_MS = 60_000;
/**
 * A lock without its holder written in it, or a takeover guard, older than this was left by a
 * process killed in the few instructions between creating the file and writing or removing it.
 */
const BLANK_STALE_MS = 2_000;

export interface LockOptions {
  /** How long to wait for another writer (default `LOCK_WAIT_MS`). */
  waitMs?: number;
  /** Called once, after `LOCK_NOTICE_MS` of waiting, with a French sentence saying what is awaited. */
  onWait?: (message: string) => void;
}

export interface HeldLock {
  /** True while the lock file is still the one this process created. */
  stillHeld(): Promise<boolean>;
}

interface Holder {
  pid?: number;
  host?: string;
  since?: string;
}

const CREATE = fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_WRONLY | (fsConstants.O_NOFOLLOW ?? 0);

export function lockPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.lock`);
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** True when a process with this pid exists on this machine (EPERM: it exists, another user's). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function writeRefused(error: unknown, dir: string): never {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EACCES" || code === "EPERM" || code === "EROFS")
    throw new UserError(`Écriture impossible dans ${dir} (droits insuffisants) : rien n’a été modifié.`);
  if (code === "ENOENT") throw new UserError(`${dir} : dossier introuvable. Rien n’a été écrit.`);
  if (code === "ENOSPC") throw new UserError(`Disque plein dans ${dir} : rien n’a été modifié.`);
  throw error;
}

/** Creates the lock file; undefined when another process holds it. */
async function tryCreate(path: string): Promise<Stats | undefined> {
  let handle;
  try {
    handle = await open(path, CREATE, 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return undefined;
    writeRefused(error, dirname(path));
  }
  try {
    const holder: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
    await handle.writeFile(`${JSON.stringify(holder)}\n`);
    return await handle.stat();
  } finally {
    await handle.close();
  }
}

interface Seen {
  info: Stats;
  holder: Holder;
}

async function inspect(path: string): Promise<Seen | undefined> {
  const info = await lstat(path).catch(() => undefined);
  if (!info) return undefined;
  let holder: Holder = {};
  if (info.isFile()) {
    try {
      holder = JSON.parse(await readFile(path, "utf8")) as Holder;
    } catch {
      holder = {}; // being written, or not ours: judged by its age alone
    }
  }
  return { info, holder };
}

function isStale({ info, holder }: Seen, now: number): boolean {
  const age = now - info.mtimeMs;
  if (age > LOCK_STALE_MS || (typeof holder.pid !== "number" && age > BLANK_STALE_MS)) return true;
  return typeof holder.pid === "number" && holder.host === hostname() && !isAlive(holder.pid);
}

const sameFile = (a: Stats, b: Stats) => a.ino === b.ino && a.dev === b.dev && a.mtimeMs === b.mtimeMs;

/** Removes a dead lock, if it is still the one seen, under the takeover guard. */
async function takeOver(path: string, seen: Stats): Promise<void> {
  const guard = `${path}.reprise`;
  let handle;
  try {
    handle = await open(guard, CREATE, 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") writeRefused(error, dirname(path));
    const info = await lstat(guard).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > BLANK_STALE_MS) await unlink(guard).catch(() => undefined);
    return;
  }
  try {
    await handle.close();
    const now = await lstat(path).catch(() => undefined);
    if (now && sameFile(now, seen)) await unlink(path).catch(() => undefined);
  } finally {
    await unlink(guard).catch(() => undefined);
  }
}

function holderText(holder: Holder): string {
  const who = typeof holder.pid === "number" ? `processus ${holder.pid}${holder.host && holder.host !== hostname() ? ` sur ${holder.host}` : ""}` : "processus inconnu";
  const since = holder.since ? new Date(holder.since) : undefined;
  const time = since && !Number.isNaN(since.getTime()) ? `, depuis ${since.toLocaleTimeString("fr-FR")}` : "";
  return `${who}${time}`;
}

/**
 * Runs `task` while holding the lock of the project file `target`, waiting for another holder
 * for at most `waitMs`; then throws `UserError` (exit 2) naming the holder and the lock file.
 */
export async function withLock<T>(target: string, displayName: string, task: (lock: HeldLock) => Promise<T>, options: LockOptions = {}): Promise<T> {
  const path = lockPathFor(target);
  const waitMs = options.waitMs ?? LOCK_WAIT_MS;
  const start = Date.now();
  let told = false;
  let delay = 20;
  let mine: Stats | undefined;
  for (;;) {
    mine = await tryCreate(path);
    if (mine) break;
    const seen = await inspect(path);
    if (seen && isStale(seen, Date.now())) {
      await takeOver(path, seen.info);
      if (!(await lstat(path).catch(() => undefined))) continue;
    }
    const waited = Date.now() - start;
    if (seen && !told && waited >= LOCK_NOTICE_MS) {
      told = true;
      options.onWait?.(`${displayName} est en cours d’enregistrement par une autre commande cpts (${holderText(seen.holder)}) : attente de la fin de cet enregistrement…`);
    }
    if (waited >= waitMs)
      throw new UserError(
        `${displayName} est verrouillé par une autre commande cpts (${holderText(seen?.holder ?? {})}) depuis plus de ${Math.round(waitMs / 1000)} s : rien n’a été modifié. ` +
          `Si aucune commande cpts n’est en cours sur ce projet, supprimez le fichier ${basename(path)} (dans ${dirname(path)}) puis relancez.`,
      );
    await sleep(delay + Math.random() * delay);
    delay = Math.min(delay * 2, 200);
  }
  const held = mine;
  const lock: HeldLock = {
    stillHeld: async () => {
      const now = await lstat(path).catch(() => undefined);
      return now !== undefined && now.ino === held.ino && now.dev === held.dev;
    },
  };
  try {
    return await task(lock);
  } finally {
    if (await lock.stillHeld()) await unlink(path).catch(() => undefined);
  }
}

/**
 * Exclusive lock files, so that two cpts processes changing the same thing one after the other
 * each see the other's change instead of writing over it: the project file (`withLock`, below)
 * and an output folder's manifest (src/render/manifest.ts). Both follow one protocol,
 * `holdLock`; they differ only in how long they wait, when a lock is too old to be alive, what
 * they say, and whether a signal handler removes the lock before the process ends.
 *
 * A lock is a file created with O_CREAT|O_EXCL (only one process can create it; a symlink planted
 * under that name makes the creation fail instead of being followed). It holds the holder's pid,
 * host and start time, as JSON, for the messages and to recognise a lock left by a process that
 * died: on the same host, a lock whose pid no longer exists is taken over at once; any lock older
 * than the caller's `staleMs` is taken over too, and one still without its holder after two
 * seconds (its writer was killed right after creating it).
 *
 * Taking over is itself guarded by a second exclusive file, `<lock>.reprise`, so that two
 * processes finding the same dead lock cannot both remove it after one of them has already
 * taken a fresh lock: under the guard, the lock is removed only if it is still the dead one
 * (same inode and modification time).
 */
import { constants as fsConstants, unlinkSync, type Stats } from "node:fs";
import { lstat, open, readFile, unlink } from "node:fs/promises";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";
import { UserError } from "./errors.js";

/** After this long waiting, the waiter is told who it waits for. */
export const LOCK_NOTICE_MS = 1_000;
/**
 * A lock without its holder written in it, or a takeover guard, older than this was left by a
 * process killed in the few instructions between creating the file and writing or removing it.
 */
const BLANK_STALE_MS = 2_000;

/** Who holds a lock, as written in it (anything else found there reads as `{}`). */
export interface LockHolder {
  pid?: number;
  host?: string;
  since?: string;
}

export interface HeldLock {
  /** True while the lock file is still the one this process created. */
  stillHeld(): Promise<boolean>;
}

/** How one kind of lock waits, tells and gives up. */
export interface LockProtocol {
  /** How long to wait for another holder before giving up. */
  waitMs: number;
  /** A lock older than this was left by a process stopped or killed while it held it. */
  staleMs: number;
  /** Called once, after `LOCK_NOTICE_MS` of waiting, with the holder waited for. */
  onWait?: (holder: LockHolder) => void;
  /** The error thrown when `waitMs` is over, given the last holder seen. */
  timeout: (holder: LockHolder) => Error;
  /** Turns an error of the file system while taking the lock into the caller's own (it is thrown as it is otherwise). */
  refused?: (error: unknown) => never;
  /** Called before each try: throws to stop waiting. */
  stop?: () => void;
  /** Held locks are removed by `releaseLocksSync`, for a signal handler about to end the process. */
  releaseOnExit?: boolean;
}

/** The locks of this process that `releaseLocksSync` removes. */
const HELD = new Set<string>();

const CREATE = fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_WRONLY | (fsConstants.O_NOFOLLOW ?? 0);

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

/** « processus 1234 », with « sur HOST » when it runs on another machine. */
export function describeHolder(holder: LockHolder): string {
  if (typeof holder.pid !== "number") return "processus inconnu";
  return `processus ${holder.pid}${holder.host && holder.host !== hostname() ? ` sur ${holder.host}` : ""}`;
}

function refuse(error: unknown, protocol: LockProtocol): never {
  protocol.refused?.(error);
  throw error;
}

/** Creates the lock file; undefined when another process holds it. */
async function tryCreate(path: string, protocol: LockProtocol): Promise<Stats | undefined> {
  let handle;
  try {
    handle = await open(path, CREATE, 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return undefined;
    refuse(error, protocol);
  }
  // In the same turn as the creation: a signal handler sees the lock as this process's at once.
  if (protocol.releaseOnExit) HELD.add(path);
  try {
    const holder: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
    await handle.writeFile(`${JSON.stringify(holder)}\n`);
    return await handle.stat();
  } catch (error) {
    // A full disk, say: the lock just created is nobody's.
    HELD.delete(path);
    await unlink(path).catch(() => undefined);
    refuse(error, protocol);
  } finally {
    await handle.close();
  }
}

interface Seen {
  info: Stats;
  holder: LockHolder;
}

async function inspect(path: string): Promise<Seen | undefined> {
  const info = await lstat(path).catch(() => undefined);
  if (!info) return undefined;
  let holder: LockHolder = {};
  if (info.isFile()) {
    try {
      holder = (JSON.parse(await readFile(path, "utf8")) as LockHolder | null) ?? {};
    } catch {
      holder = {}; // being written, or not ours: judged by its age alone
    }
  }
  return { info, holder };
}

function isStale({ info, holder }: Seen, staleMs: number): boolean {
  const age = Date.now() - info.mtimeMs;
  if (age > staleMs || (typeof holder.pid !== "number" && age > BLANK_STALE_MS)) return true;
  return typeof holder.pid === "number" && holder.host === hostname() && !isAlive(holder.pid);
}

const sameFile = (a: Stats, b: Stats) => a.ino === b.ino && a.dev === b.dev && a.mtimeMs === b.mtimeMs;

/** Removes a dead lock, if it is still the one seen, under the takeover guard. */
async function takeOver(path: string, seen: Stats, protocol: LockProtocol): Promise<void> {
  const guard = `${path}.reprise`;
  let handle;
  try {
    handle = await open(guard, CREATE, 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") refuse(error, protocol);
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

/**
 * Runs `task` while holding the lock file `path`, waiting for another holder at most
 * `protocol.waitMs` (polling every 20 to 200 ms, jittered), then throws `protocol.timeout`'s
 * error. The lock is removed after `task`, unless another process took it over meanwhile.
 */
export async function holdLock<T>(path: string, protocol: LockProtocol, task: (lock: HeldLock) => Promise<T>): Promise<T> {
  const start = Date.now();
  let told = false;
  let delay = 20;
  let mine: Stats | undefined;
  for (;;) {
    protocol.stop?.();
    mine = await tryCreate(path, protocol);
    if (mine) break;
    const seen = await inspect(path);
    if (seen && isStale(seen, protocol.staleMs)) {
      await takeOver(path, seen.info, protocol);
      if (!(await lstat(path).catch(() => undefined))) continue;
    }
    const waited = Date.now() - start;
    if (seen && !told && waited >= LOCK_NOTICE_MS) {
      told = true;
      protocol.onWait?.(seen.holder);
    }
    if (waited >= protocol.waitMs) throw protocol.timeout(seen?.holder ?? {});
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
    HELD.delete(path);
    if (await lock.stillHeld()) await unlink(path).catch(() => undefined);
  }
}

/** Removes at once this process's locks taken with `releaseOnExit`, for a signal handler about to end the process. */
export function releaseLocksSync(): void {
  for (const path of HELD) {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  }
  HELD.clear();
}

// The project file's lock.

/** How long a writer of a project file waits for another one before giving up. */
export const LOCK_WAIT_MS = 10_000;
/** A writer holds a project's lock for one read and one write, well under a second. */
export const LOCK_STALE_MS = 60_000;

export interface LockOptions {
  /** How long to wait for another writer (default `LOCK_WAIT_MS`). */
  waitMs?: number;
  /** Called once, after `LOCK_NOTICE_MS` of waiting, with a French sentence saying what is awaited. */
  onWait?: (message: string) => void;
}

export function lockPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.lock`);
}

function writeRefused(error: unknown, dir: string): never {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EACCES" || code === "EPERM" || code === "EROFS")
    throw new UserError(`Écriture impossible dans ${dir} (droits insuffisants) : rien n’a été modifié.`);
  if (code === "ENOENT") throw new UserError(`${dir} : dossier introuvable. Rien n’a été écrit.`);
  if (code === "ENOSPC") throw new UserError(`Disque plein dans ${dir} : rien n’a été modifié.`);
  throw error;
}

function holderText(holder: LockHolder): string {
  const since = holder.since ? new Date(holder.since) : undefined;
  const time = since && !Number.isNaN(since.getTime()) ? `, depuis ${since.toLocaleTimeString("fr-FR")}` : "";
  return `${describeHolder(holder)}${time}`;
}

/**
 * Runs `task` while holding the lock of the project file `target`, waiting for another holder
 * for at most `waitMs`; then throws `UserError` (exit 2) naming the holder and the lock file.
 */
export async function withLock<T>(target: string, displayName: string, task: (lock: HeldLock) => Promise<T>, options: LockOptions = {}): Promise<T> {
  const path = lockPathFor(target);
  const waitMs = options.waitMs ?? LOCK_WAIT_MS;
  const { onWait } = options;
  return holdLock(
    path,
    {
      waitMs,
      staleMs: LOCK_STALE_MS,
      onWait: (holder) =>
        onWait?.(`${displayName} est en cours d’enregistrement par une autre commande cpts (${holderText(holder)}) : attente de la fin de cet enregistrement…`),
      timeout: (holder) =>
        new UserError(
          `${displayName} est verrouillé par une autre commande cpts (${holderText(holder)}) depuis plus de ${Math.round(waitMs / 1000)} s : rien n’a été modifié. ` +
            `Si aucune commande cpts n’est en cours sur ce projet, supprimez le fichier ${basename(path)} (dans ${dirname(path)}) puis relancez.`,
        ),
      refused: (error) => writeRefused(error, dirname(path)),
    },
    task,
  );
}

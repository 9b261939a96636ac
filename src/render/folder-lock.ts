/**
 * An exclusive lock on an output folder's manifest, so that two runs writing documents into the
 * same folder take turns: each reads the manifest, writes its files and records them while no
 * other run can, and no entry of one is lost under the other's.
 *
 * The lock is a file beside the manifest. Its content (the holder's pid, host and start time) is
 * written first in a file of its own, created with O_CREAT|O_EXCL|O_NOFOLLOW, then hard-linked
 * under the lock's name: the link fails if the name exists, whatever it is (a symlink planted
 * there is never followed), and a lock is never seen empty. A lock whose pid is gone on this host is taken
 * over at once, any lock older than `STALE_MS` too; the takeover itself runs under a second
 * exclusive file, so that two runs finding the same dead lock do not both remove it after one of
 * them has taken a fresh one. The same protocol guards the project file (src/project).
 */
import { randomBytes } from "node:crypto";
import { constants, unlinkSync, type Stats } from "node:fs";
import { link, lstat, open, readFile, unlink } from "node:fs/promises";
import { hostname } from "node:os";

/** How long a run waits for another one before giving up. */
export const WAIT_MS = 60_000;
/** After this long waiting, the run says so. */
export const NOTICE_MS = 1_000;
/** A lock this old was left by a stopped process: writing a project's documents takes seconds. */
const STALE_MS = 120_000;
const GUARD_STALE_MS = 5_000;
const CREATE = constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | (constants.O_NOFOLLOW ?? 0);

export class FolderLockTimeout extends Error {
  override readonly name = "FolderLockTimeout";
  constructor(
    readonly lockPath: string,
    readonly holder: string,
  ) {
    super(`dossier verrouillé par une autre génération (${holder}) : ${lockPath}`);
  }
}

interface Holder {
  pid?: number;
  host?: string;
  since?: string;
}

/**
 * Locks held by this process, and the files their content is written in first: a signal handler
 * removes them before the process ends.
 */
const HELD = new Set<string>();

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

/**
 * Creates the lock; undefined when another process holds it. The content file is named like the
 * temporary files of manifest.ts (`<name>.<pid>-<12 hex>.tmp`), so that a run killed before it
 * is removed leaves it to be swept by the next one.
 */
async function tryCreate(path: string): Promise<Stats | undefined> {
  const content = `${path}.${process.pid}-${randomBytes(6).toString("hex")}.tmp`;
  HELD.add(content);
  try {
    const handle = await open(content, CREATE, 0o644);
    try {
      await handle.writeFile(`${JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() })}\n`);
    } finally {
      await handle.close();
    }
    try {
      await link(content, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") return undefined;
      throw error;
    }
    // In the same turn as the link: a signal handler sees the lock as this process's at once.
    HELD.add(path);
    return await lstat(path);
  } finally {
    await unlink(content).catch(() => undefined);
    HELD.delete(content);
  }
}

async function inspect(path: string): Promise<{ info: Stats; holder: Holder } | undefined> {
  const info = await lstat(path).catch(() => undefined);
  if (!info) return undefined;
  let holder: Holder = {};
  if (info.isFile()) {
    try {
      holder = (JSON.parse(await readFile(path, "utf8")) as Holder | null) ?? {};
    } catch {
      holder = {}; // not ours: judged by its age alone
    }
  }
  return { info, holder };
}

function isStale({ info, holder }: { info: Stats; holder: Holder }): boolean {
  if (Date.now() - info.mtimeMs > STALE_MS) return true;
  return typeof holder.pid === "number" && holder.host === hostname() && !isAlive(holder.pid);
}

/** Removes a dead lock, if it is still the one seen, under the takeover guard. */
async function takeOver(path: string, seen: Stats): Promise<void> {
  const guard = `${path}.reprise`;
  let handle;
  try {
    handle = await open(guard, CREATE, 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const info = await lstat(guard).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > GUARD_STALE_MS) await unlink(guard).catch(() => undefined);
    return;
  }
  try {
    await handle.close();
    const now = await lstat(path).catch(() => undefined);
    if (now && now.ino === seen.ino && now.dev === seen.dev && now.mtimeMs === seen.mtimeMs) await unlink(path).catch(() => undefined);
  } finally {
    await unlink(guard).catch(() => undefined);
  }
}

const describeHolder = (h: Holder) => (typeof h.pid === "number" ? `processus ${h.pid}${h.host && h.host !== hostname() ? ` sur ${h.host}` : ""}` : "processus inconnu");

/**
 * Runs `task` holding the lock file `path`, waiting for another holder at most `WAIT_MS`, then
 * throws `FolderLockTimeout`. `onWait` is called once, after `NOTICE_MS` of waiting; `stop`
 * before each try, to give up waiting by throwing.
 */
export async function withFolderLock<T>(path: string, task: () => Promise<T>, onWait?: (holder: string) => void, stop?: () => void): Promise<T> {
  const start = Date.now();
  let told = false;
  let delay = 20;
  let mine: Stats | undefined;
  for (;;) {
    stop?.();
    mine = await tryCreate(path);
    if (mine) break;
    const seen = await inspect(path);
    if (seen && isStale(seen)) {
      await takeOver(path, seen.info);
      if (!(await lstat(path).catch(() => undefined))) continue;
    }
    const waited = Date.now() - start;
    if (seen && !told && waited >= NOTICE_MS) {
      told = true;
      onWait?.(describeHolder(seen.holder));
    }
    if (waited >= WAIT_MS) throw new FolderLockTimeout(path, describeHolder(seen?.holder ?? {}));
    await sleep(delay + Math.random() * delay);
    delay = Math.min(delay * 2, 200);
  }
  const held = mine;
  try {
    return await task();
  } finally {
    HELD.delete(path);
    const now = await lstat(path).catch(() => undefined);
    if (now && now.ino === held.ino && now.dev === held.dev) await unlink(path).catch(() => undefined);
  }
}

/** Removes this process's locks at once, for a signal handler about to end the process. */
export function releaseAllSync(): void {
  for (const path of HELD) {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  }
  HELD.clear();
}

/**
 * The project lock (src/project/lock.ts) in one process: a lock left by a dead process or too
 * old is taken over, a live holder is waited for (and the wait is told after a second), a lock
 * that never frees ends in a French message; and what the protocol offers output folders
 * (release from a signal handler, giving up on request). Two real processes racing are tested in
 * test/e2e/concurrent-writers.test.ts and test/e2e/generer-safety.test.ts.
 */
import { existsSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UserError } from "../../src/project/errors.js";
import { holdLock, lockPathFor, releaseLocksSync, withLock, type LockProtocol } from "../../src/project/lock.js";
import { tempDir } from "../helpers.js";

/** Above the largest pid_max Linux allows (2^22): no process has it. */
const DEAD_PID = 4_194_305;

function project(): { file: string; lock: string } {
  const dir = tempDir();
  const file = join(dir, "cpts.yaml");
  writeFileSync(file, "version: 1\n");
  return { file, lock: lockPathFor(file) };
}

const holder = (pid: number, host = hostname()) => JSON.stringify({ pid, host, since: new Date().toISOString() });

describe("the project lock", () => {
  it("is a hidden file beside the project, holding this process's pid and host, removed after", async () => {
    const { file, lock } = project();
    expect(lock).toBe(join(file, "..", ".cpts.yaml.lock"));
    await withLock(file, "cpts.yaml", async () => {
      expect(JSON.parse(readFileSync(lock, "utf8"))).toMatchObject({ pid: process.pid, host: hostname() });
    });
    expect(existsSync(lock)).toBe(false);
  });

  it("takes over at once a lock whose process is dead", async () => {
    const { file, lock } = project();
    writeFileSync(lock, holder(DEAD_PID));
    const start = Date.now();
    let told = "";
    await withLock(file, "cpts.yaml", async () => undefined, { onWait: (m) => (told = m) });
    expect(Date.now() - start).toBeLessThan(1000);
    expect(told).toBe("");
  });

  it("takes over a lock older than a minute, whoever holds it", async () => {
    const { file, lock } = project();
    writeFileSync(lock, holder(process.ppid, "autre-machine"));
    const old = new Date(Date.now() - 2 * 60_000);
    utimesSync(lock, old, old);
    await withLock(file, "cpts.yaml", async () => undefined, { waitMs: 500 });
  });

  it("takes over a lock left empty (its writer killed as it took it) after two seconds", async () => {
    const { file, lock } = project();
    writeFileSync(lock, "");
    const old = new Date(Date.now() - 3000);
    utimesSync(lock, old, old);
    await withLock(file, "cpts.yaml", async () => undefined, { waitMs: 500 });
  });

  it("takes over a lock holding JSON that names no holder (null) after two seconds", async () => {
    const { file, lock } = project();
    writeFileSync(lock, "null\n");
    const old = new Date(Date.now() - 3000);
    utimesSync(lock, old, old);
    await withLock(file, "cpts.yaml", async () => undefined, { waitMs: 500 });
  });

  it("waits for a live holder, says so after a second, then takes the lock once freed", async () => {
    const { file, lock } = project();
    // The parent of this test process is alive for the whole test.
    writeFileSync(lock, holder(process.ppid));
    const told: string[] = [];
    const start = Date.now();
    // Freed as soon as the wait is told: the lock must then be taken, not waited for to the end.
    const onWait = (m: string) => {
      told.push(m);
      rmSync(lock);
    };
    let ran = false;
    await withLock(file, "cpts.yaml", async () => void (ran = true), { onWait });
    expect(ran).toBe(true);
    expect(Date.now() - start).toBeGreaterThanOrEqual(1000);
    expect(Date.now() - start).toBeLessThan(5000);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(new RegExp(`^cpts\\.yaml est en cours d’enregistrement par une autre commande cpts \\(processus ${process.ppid}, depuis .*\\) : attente`));
  });

  it("gives up after the bounded wait with a French message naming the holder and the lock file", async () => {
    const { file, lock } = project();
    const held = holder(process.ppid);
    writeFileSync(lock, held);
    let ran = false;
    const error = await withLock(file, "cpts.yaml", async () => void (ran = true), { waitMs: 1200 }).catch((e: unknown) => e);
    expect(ran).toBe(false);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(2);
    expect((error as UserError).message).toMatch(
      new RegExp(`cpts\\.yaml est verrouillé par une autre commande cpts \\(processus ${process.ppid}.*rien n’a été modifié.*supprimez le fichier \\.cpts\\.yaml\\.lock`),
    );
    expect(readFileSync(lock, "utf8"), "le verrou d’un processus vivant a été retiré").toBe(held);
  });

  it("never follows a symlink planted as the lock file", async () => {
    const { file, lock } = project();
    const victim = join(file, "..", "victime.txt");
    writeFileSync(victim, "à garder\n");
    symlinkSync(victim, lock);
    const error = await withLock(file, "cpts.yaml", async () => undefined, { waitMs: 300 }).catch((e: unknown) => e);
    // A link is not a lock cpts wrote: judged by its age, it is not taken over at once.
    expect(error).toBeInstanceOf(UserError);
    expect(readFileSync(victim, "utf8")).toBe("à garder\n");
  });
});

describe("the lock protocol shared with output folders", () => {
  const protocol = (extra: Partial<LockProtocol> = {}): LockProtocol => ({
    waitMs: 500,
    staleMs: 60_000,
    timeout: (holder) => new Error(`occupé par ${holder.pid}`),
    ...extra,
  });

  it("lets a signal handler remove at once the locks taken to be released on exit, and only those", async () => {
    const { lock } = project();
    const other = `${lock}.autre`;
    await holdLock(other, protocol(), async () => {
      await holdLock(lock, protocol({ releaseOnExit: true }), async () => {
        releaseLocksSync();
        expect(existsSync(lock)).toBe(false);
        expect(existsSync(other), "un verrou sans libération à la sortie a été retiré").toBe(true);
      });
    });
    expect(existsSync(other)).toBe(false);
  });

  it("asks `stop` before each try, so that a waiter can give up before the wait is over", async () => {
    const { lock } = project();
    const held = holder(process.ppid);
    writeFileSync(lock, held);
    let tries = 0;
    const stop = () => {
      if (++tries === 3) throw new Error("interrompu");
    };
    await expect(holdLock(lock, protocol({ waitMs: 10_000, stop }), async () => undefined)).rejects.toThrow("interrompu");
    expect(tries).toBe(3);
    expect(readFileSync(lock, "utf8"), "le verrou d’un processus vivant a été retiré").toBe(held);
  });
});

/**
 * Broken inputs through the real binary (`bin/cpts`, a child process, no terminal, CI=true), for
 * what only a process shows: the exit code bin/cpts ends with, the bytes that reach the real
 * standard streams (no stack trace, no raw control character), the rights of another user, and a
 * reader that closes the pipe early. The whole battery (every fixture of test/fixtures/bad/, every
 * command and bad option) runs in-process in test/cli/bad-inputs.test.ts, through the same
 * `run(argv, io)` that bin/cpts calls.
 *
 * | Case                                   | Command                        | Code | The output must contain                         |
 * |----------------------------------------|--------------------------------|------|-------------------------------------------------|
 * | crlf.yaml (valid, Windows lines)       | valider                        | 0    | est valide                                      |
 * | yaml-guillemet-non-ferme.yaml          | valider                        | 1    | guillemet … n’est pas refermé, cpts.yaml:5:1    |
 * | types-partout.yaml                     | valider                        | 1    | 9 errors, each located                          |
 * | version-future.yaml                    | valider                        | 2    | plus récent … Mettez cpts à jour                |
 * | valider --nimporte                     | valider                        | 2    | option inconnue (commander's usage error)       |
 * | (made) binary file                     | valider                        | 1|2  | UTF-8 (no raw bytes on the terminal)            |
 * | terminal-cle-echappement.yaml, colour on | valider                      | 1    | the tool's colours raw, the file's as \u001b codes |
 * | generer --sortie <read-only folder>    | generer                        | 2    | écriture impossible / droits                    |
 * | generer --sortie / (unprivileged user) | generer                        | 2    | écriture impossible / droits; nothing in /      |
 * | standard output closed (`cpts … | head`) | --help, etat, valider --json | any  | no stack trace (EPIPE ends the command quietly) |
 * | (made) named pipe as the project       | valider, generer, territoire   | 2    | est un tube nommé (at once, no writer awaited)  |
 * | /dev/zero as the project               | valider                        | 2    | est un périphérique (nothing read)              |
 * | (made) cpts.yaml.bak immutable (root)  | territoire --ajouter           | 2    | cpts.yaml.bak impossible à remplacer; no .tmp   |
 * | (made) lock of a dead process          | territoire --ajouter           | 0    | taken over at once, change written              |
 * | (made) lock freed once the wait is told | territoire --ajouter          | 0    | « attente » told, then the change written       |
 * | (made) lock held by a live process     | territoire --ajouter           | 2    | verrouillé … depuis plus de 10 s (file untouched) |
 * | csv-windows-1252.csv, csv-echappement.csv | diagnostic importer         | 0, 1 | the built tool decodes Excel's bytes; no escape reaches the terminal |
 * | (made) named pipe as the CSV           | diagnostic importer            | 2    | pas un fichier ordinaire, without waiting for a writer |
 */
import { execFile, execFileSync, spawn } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { binaryBytes, expectClean, FIXTURES, IMPORTER, sha256, STACK, VALIDER, type Result } from "../bad-inputs.js";
import { BIN, ROOT } from "../helpers.js";

const IS_ROOT = process.getuid?.() === 0;

// Tests of this file run concurrently, so each keeps its own folder; all are removed at the end.
const made: string[] = [];
function workDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "cpts-bad-"));
  made.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of made) {
    if (IS_ROOT) spawnQuiet("chattr", ["-R", "-i", dir]);
    rmSync(dir, { recursive: true, force: true });
  }
});

function spawnQuiet(cmd: string, args: string[]): boolean {
  try {
    execFileSync(cmd, args, { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Runs `bin/cpts` as a user would (child process, CI=true, no colour); stdout and stderr joined. */
function cpts(args: string[], cwd: string, user?: { uid: number; gid: number }): Promise<Result> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      {
        cwd,
        env: { ...process.env, CI: "true", NO_COLOR: "1", FORCE_COLOR: "" },
        maxBuffer: 64 * 1024 * 1024,
        timeout: 50_000,
        ...(user ?? {}),
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        done({ code, out: `${stdout}${stderr}` });
      },
    );
  });
}

/** A folder with a copy of `source` as cpts.yaml. */
function project(source: string): string {
  const dir = workDir();
  copyFileSync(source, join(dir, "cpts.yaml"));
  return dir;
}

const THROUGH_BIN = ["crlf.yaml", "yaml-guillemet-non-ferme.yaml", "types-partout.yaml", "version-future.yaml", "terminal-cle-echappement.yaml"];

describe.concurrent("bin/cpts on broken project files", () => {
  it.each(VALIDER.filter((c) => THROUGH_BIN.includes(c.fixture)).map((c) => [c.fixture, c] as const))("%s", async (_name, c) => {
    const dir = project(join(FIXTURES, c.fixture));
    const before = sha256(join(dir, "cpts.yaml"));
    const r = await cpts(["valider", "cpts.yaml"], dir);
    expectClean(r, c.codes);
    expect(r.out).toMatch(c.message);
    for (const w of c.where ?? []) expect(r.out).toContain(w);
    expect(sha256(join(dir, "cpts.yaml")), "le fichier projet a été modifié").toBe(before);
  });

  it("in colour, escape sequences from the file: the tool's colours reach the terminal, the file's never do", async () => {
    const dir = project(join(FIXTURES, "terminal-cle-echappement.yaml"));
    const r = await new Promise<Result>((done) => {
      execFile(process.execPath, [BIN, "valider", "cpts.yaml"], { cwd: dir, env: { ...process.env, CI: "true", NO_COLOR: "", FORCE_COLOR: "1" } }, (error, stdout, stderr) =>
        done({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, out: `${stdout}${stderr}` }),
      );
    });
    expect(r.code).toBe(1);
    expect(r.out).toContain("\u001b[31m"); // the tool's red heading
    expect(r.out).toContain("\\u001b[31mrouge\\u001b]0;titre\\u0007\\u009b2J");
    expect(r.out.replace(/\u001b\[\d+m/g, "")).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it("an unknown option: commander's usage error, exit 2", async () => {
    const dir = project(join(ROOT, "examples", "minimal", "cpts.yaml"));
    const r = await cpts(["valider", "cpts.yaml", "--nimporte"], dir);
    expectClean(r, [2]);
    expect(r.out).toMatch(/option inconnue «\u00a0--nimporte\u00a0»/);
  });

  it("a binary file: refused without its bytes reaching the terminal", async () => {
    const dir = workDir();
    writeFileSync(join(dir, "cpts.yaml"), binaryBytes());
    const r = await cpts(["valider", "cpts.yaml"], dir);
    expectClean(r, [1, 2]);
    expect(r.out).toMatch(/UTF-8|binaire|pas un fichier texte/);
  });
});

const LITERAL = join(FIXTURES, "rendu-litteral.yaml");
const GENERATE_ONE = ["--brouillon", "--format", "md", "--document", "diagnostic"];

describe.concurrent("generer --sortie where the user may not write", () => {
  it("refuses a read-only folder with a French message, writing nothing", async () => {
    const dir = project(LITERAL);
    const out = join(dir, "lecture-seule");
    mkdirSync(out);
    // root ignores permission bits: make the folder immutable instead (ext4, xfs, btrfs…).
    // Where chattr does not work, fall back to a folder below a file, which cannot be created.
    let target = "lecture-seule";
    if (IS_ROOT) {
      if (!spawnQuiet("chattr", ["+i", out])) {
        writeFileSync(join(dir, "fichier"), "");
        target = "fichier/sous-dossier";
      }
    } else chmodSync(out, 0o555);
    try {
      const r = await cpts(["generer", "cpts.yaml", ...GENERATE_ONE, "--sortie", target], dir);
      expectClean(r, [2]);
      expect(r.out).toMatch(/écriture impossible|droits|lecture seule/);
      expect(readdirSync(out)).toEqual([]);
    } finally {
      if (IS_ROOT) spawnQuiet("chattr", ["-i", out]);
      else chmodSync(out, 0o755);
    }
  });

  it("« / » for a user who cannot write there: a French message, nothing written", async () => {
    // As root the command runs as `nobody`, who cannot write in / (root could, and the test must
    // not write in the machine's root folder).
    const dir = project(LITERAL);
    chmodSync(dir, 0o755);
    chmodSync(join(dir, "cpts.yaml"), 0o644);
    const before = readdirSync("/").sort();
    const r = await cpts(["generer", "cpts.yaml", ...GENERATE_ONE, "--sortie", "/"], dir, IS_ROOT ? { uid: 65534, gid: 65534 } : undefined);
    expectClean(r, [2]);
    expect(r.out).toMatch(/écriture impossible|droits/);
    expect(readdirSync("/").sort()).toEqual(before);
  });
});


describe.concurrent("standard output closed by the reader (cpts … | head)", () => {
  const BERGERAC = join(ROOT, "examples", "bergerac", "cpts.yaml");
  it.each([
    ["--help", ["--help"]],
    ["etat", ["etat", BERGERAC, "--date", "2026-01-15"]],
    ["valider --json", ["valider", BERGERAC, "--json"]],
  ])("%s: no stack trace", async (_name, args) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, CI: "true", NO_COLOR: "1" } });
    child.stdout.destroy();
    let err = "";
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.on("close", done));
    expect(err, `code ${code}`).not.toMatch(STACK);
    expect(err).not.toMatch(/Erreur interne/);
  });
});

const MINIMAL = join(ROOT, "examples", "minimal", "cpts.yaml");
const ADD = ["territoire", "cpts.yaml", "--ajouter", "24037"];
/** Above the largest pid_max Linux allows (2^22): no process has it. */
const DEAD_PID = 4_194_305;
const lockOf = (dir: string) => join(dir, ".cpts.yaml.lock");
const holder = (pid: number) => JSON.stringify({ pid, host: hostname(), since: new Date().toISOString() });

describe.concurrent("files that never end or never open", () => {
  it.each([
    ["valider", ["valider", "tube.yaml"]],
    ["generer", ["generer", "tube.yaml", "--brouillon"]],
    ["territoire", ["territoire", "tube.yaml", "--ajouter", "24037"]],
  ])("%s on a named pipe: refused at once, without waiting for a writer", async (_name, args) => {
    const dir = workDir();
    execFileSync("mkfifo", [join(dir, "tube.yaml")]);
    const r = await cpts(args, dir);
    expectClean(r, [2]);
    expect(r.out).toMatch(/tube\.yaml est un tube nommé \(FIFO\), pas un fichier projet/);
  });

  it("valider /dev/zero: refused before reading (it would grow without end)", async () => {
    const r = await cpts(["valider", "/dev/zero"], workDir());
    expectClean(r, [2]);
    expect(r.out).toMatch(/\/dev\/zero est un périphérique, pas un fichier projet/);
  });
});

describe.concurrent("the project's backup and lock", () => {
  it("a .bak that cannot be replaced: a French message naming it, exit 2, no temporary file left", async () => {
    const dir = project(MINIMAL);
    const bak = join(dir, "cpts.yaml.bak");
    writeFileSync(bak, "ancienne sauvegarde\n");
    // root may replace any file: make the backup immutable; elsewhere a folder takes its name.
    const immutable = IS_ROOT && spawnQuiet("chattr", ["+i", bak]);
    if (!immutable) {
      rmSync(bak);
      mkdirSync(bak);
      writeFileSync(join(bak, "dedans.txt"), "x\n");
    }
    const before = sha256(join(dir, "cpts.yaml"));
    try {
      const r = await cpts(ADD, dir);
      expectClean(r, [2]);
      expect(r.out).toMatch(immutable ? /Copie de sauvegarde cpts\.yaml\.bak impossible à remplacer\u00a0: droits insuffisants ou fichier protégé\. Rien n’a été modifié/ : /cpts\.yaml\.bak est un dossier/);
    } finally {
      if (immutable) spawnQuiet("chattr", ["-i", bak]);
    }
    expect(sha256(join(dir, "cpts.yaml"))).toBe(before);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("a lock left by a dead process is taken over at once", async () => {
    const dir = project(MINIMAL);
    writeFileSync(lockOf(dir), holder(DEAD_PID));
    const r = await cpts(ADD, dir);
    expectClean(r, [0]);
    expect(r.out).not.toMatch(/attente/);
    expect(readFileSync(join(dir, "cpts.yaml"), "utf8")).toContain('"24037"');
    expect(existsSync(lockOf(dir))).toBe(false);
  });

  it("a writer that waits for another one says so after a second, then saves", async () => {
    const dir = project(MINIMAL);
    writeFileSync(lockOf(dir), holder(process.pid));
    // The lock is freed once the writer has said it waits: whatever the machine's load, the
    // writer must have waited a second and told it, then take the lock and save.
    const child = spawn(process.execPath, [BIN, ...ADD], { cwd: dir, env: { ...process.env, CI: "true", NO_COLOR: "1" } });
    let out = "";
    let told = false;
    const collect = (chunk: Buffer) => {
      out += chunk.toString();
      if (!told && /: attente de la fin de cet enregistrement…/.test(out)) {
        told = true;
        rmSync(lockOf(dir));
      }
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    const code = await new Promise<number | null>((done) => child.on("close", done));
    expectClean({ code: code ?? -1, out }, [0]);
    expect(out).toMatch(new RegExp(`cpts\\.yaml est en cours d’enregistrement par une autre commande cpts \\(processus ${process.pid}, depuis [^)]*\\)\u00a0: attente`));
    expect(readFileSync(join(dir, "cpts.yaml"), "utf8")).toContain('"24037"');
  });

  it("a lock that never frees: a French message and exit 2 after a bounded wait, nothing written", async () => {
    const dir = project(MINIMAL);
    writeFileSync(lockOf(dir), holder(process.pid));
    const before = sha256(join(dir, "cpts.yaml"));
    const start = Date.now();
    const r = await cpts(ADD, dir);
    expect(Date.now() - start).toBeLessThan(30_000);
    expectClean(r, [2]);
    expect(r.out).toMatch(/cpts\.yaml est verrouillé par une autre commande cpts .* depuis plus de 10 s\u00a0: rien n’a été modifié\. Si aucune commande cpts n’est en cours sur ce projet, supprimez le fichier \.cpts\.yaml\.lock/);
    expect(sha256(join(dir, "cpts.yaml"))).toBe(before);
  });
});

describe.concurrent("bin/cpts diagnostic importer", () => {
  it.each(IMPORTER.filter((c) => ["csv-windows-1252.csv", "csv-echappement.csv"].includes(c.fixture)).map((c) => [c.fixture, c] as const))(
    "%s",
    async (_name, c) => {
      const dir = project(join(ROOT, "examples", "minimal", "cpts.yaml"));
      copyFileSync(join(FIXTURES, c.fixture), join(dir, c.fixture));
      const r = await cpts(["diagnostic", "importer", c.fixture], dir);
      expectClean(r, c.codes);
      expect(r.out).toMatch(c.message);
    },
  );

  it("a named pipe: refused at once, without waiting for a writer", async () => {
    const dir = project(join(ROOT, "examples", "minimal", "cpts.yaml"));
    execFileSync("mkfifo", [join(dir, "tube.csv")]);
    const before = sha256(join(dir, "cpts.yaml"));
    const r = await cpts(["diagnostic", "importer", "tube.csv"], dir);
    expectClean(r, [2]);
    expect(r.out).toMatch(/tube\.csv n’est pas un fichier ordinaire/);
    expect(sha256(join(dir, "cpts.yaml"))).toBe(before);
  });
});

/**
 * `cpts generer` stopped while it writes (kill, Ctrl-C, a file size limit), and two `generer`
 * writing into one folder at once: the manifest always tells which documents are cpts's and
 * unchanged, no temporary file stays, no document is taken for one edited by hand.
 */
import { execFile, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, watch, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, EXAMPLES, tempDir } from "../helpers.js";

const MINIMAL = readFileSync(join(EXAMPLES, "minimal", "cpts.yaml"), "utf8");
const ARGS = ["--brouillon", "--format", "docx,md", "--sortie", "out"];
const ENV = { ...process.env, CI: "true", NO_COLOR: "1", FORCE_COLOR: "" };

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** A project whose documents all change when `n` changes. */
function project(dir: string, n: number): void {
  writeFileSync(join(dir, "cpts.yaml"), MINIMAL.replace("nom: CPTS du Val de l’Isle", `nom: CPTS du Val numéro ${n}`));
}

function cpts(args: string[], cwd: string, env: NodeJS.ProcessEnv = ENV): Promise<{ code: number; out: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd, env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      done({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, out: `${stdout}${stderr}` }),
    );
  });
}

/**
 * Runs `generer` and sends `signal` a few milliseconds after it starts writing a document into
 * `out/` (the first change seen in the folder but the manifest's and its lock's), so that it
 * lands among the writes of the documents and of the manifest.
 */
function stopWhileWriting(dir: string, signal: NodeJS.Signals, delayMs: number): Promise<void> {
  return new Promise((done) => {
    const out = join(dir, "out");
    mkdirSync(out, { recursive: true });
    const child = spawn(process.execPath, [BIN, "generer", "cpts.yaml", ...ARGS], { cwd: dir, env: ENV, stdio: "ignore" });
    let timer: NodeJS.Timeout | undefined;
    const watcher = watch(out, (_event, name) => {
      if (String(name).includes("cpts-manifeste")) return;
      timer ??= setTimeout(() => child.kill(signal), delayMs);
    });
    child.on("exit", () => {
      watcher.close();
      clearTimeout(timer);
      done();
    });
  });
}

interface Manifest {
  fichiers: Record<string, string>;
  en_cours?: Record<string, { sha256: string }>;
}

/** Every document in `out/` is one the manifest knows: written, or about to be. */
function expectTruthful(out: string, when: string): void {
  const manifest = JSON.parse(readFileSync(join(out, ".cpts-manifeste.json"), "utf8")) as Manifest;
  for (const name of readdirSync(out).filter((f) => !f.startsWith("."))) {
    const hash = sha256(readFileSync(join(out, name)));
    expect([manifest.fichiers[name], manifest.en_cours?.[name]?.sha256], `${when} : ${name}`).toContain(hash);
  }
}

const temporaries = (out: string) => readdirSync(out).filter((f) => f.endsWith(".tmp") || f.includes(".verrou"));

describe("generer stopped while it writes", () => {
  it("killed at 8 moments of its writes: the manifest tells the truth, the next run takes no document for an edited one and sweeps the temporary files", async () => {
    const dir = tempDir();
    const out = join(dir, "out");
    project(dir, 0);
    expect((await cpts(["generer", "cpts.yaml", ...ARGS], dir)).code).toBe(0);
    for (let round = 1; round <= 8; round++) {
      project(dir, round);
      await stopWhileWriting(dir, "SIGKILL", round % 6);
      expectTruthful(out, `après l’arrêt ${round}`);
      const again = await cpts(["generer", "cpts.yaml", ...ARGS], dir);
      expect(again.code, again.out).toBe(0);
      expect(again.out).not.toMatch(/modifié à la main|écrit à côté/);
      expect(readdirSync(out).filter((f) => f.includes(".nouveau"))).toEqual([]);
      expect(temporaries(out)).toEqual([]);
      expectTruthful(out, `après la reprise ${round}`);
    }
  }, 240_000);

  it("Ctrl-C while it writes: no temporary file and no lock left, the manifest true", async () => {
    const dir = tempDir();
    const out = join(dir, "out");
    project(dir, 0);
    expect((await cpts(["generer", "cpts.yaml", ...ARGS], dir)).code).toBe(0);
    for (let round = 1; round <= 6; round++) {
      project(dir, round);
      await stopWhileWriting(dir, "SIGINT", round % 4);
      expect(temporaries(out), `après Ctrl-C ${round}`).toEqual([]);
      expectTruthful(out, `après Ctrl-C ${round}`);
    }
  }, 120_000);

  it("a file size limit reached midway (as a full disk): a French message, the documents written so far recorded, nothing half-written", async () => {
    const dir = tempDir();
    const out = join(dir, "out");
    // A long history makes the projet de santé, written last, the only document over the limit.
    const history = "Texte long de l’historique. ".repeat(6000);
    writeFileSync(join(dir, "cpts.yaml"), MINIMAL.replace("  # sigle: CPTS Val", `  historique: "${history}"\n  # sigle: CPTS Val`));
    // 100 KiB (200 blocks of 512 bytes): the manifest (with the placeholders of eight documents
    // in two formats) and the other documents fit.
    const limited = await new Promise<{ code: number; out: string }>((done) => {
      const command = `ulimit -f 200 && exec "${process.execPath}" "${BIN}" generer cpts.yaml --brouillon --format md,docx --sortie out`;
      execFile("sh", ["-c", command], { cwd: dir, env: ENV }, (error, stdout, stderr) =>
        done({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, out: `${stdout}${stderr}` }),
      );
    });
    expect(limited.code, limited.out).toBe(2);
    expect(limited.out).toMatch(/out\u00a0: écriture impossible \(fichier trop gros pour la limite de taille des fichiers\)/);
    expect(limited.out).not.toMatch(/Erreur interne|\n\s+at /);
    const written = readdirSync(out).filter((f) => !f.startsWith("."));
    expect(written.length).toBeGreaterThan(0);
    expect(temporaries(out)).toEqual([]);
    expectTruthful(out, "après la limite");
    const manifest = JSON.parse(readFileSync(join(out, ".cpts-manifeste.json"), "utf8")) as Manifest;
    expect(Object.keys(manifest.fichiers).sort()).toEqual(written.sort());
    expect(manifest.en_cours).toBeUndefined();
    expect(written).not.toContain("projet-sante.docx");
    expect(written).toContain("statuts.docx");
  }, 60_000);
});

describe("two generer into one folder at the same time", () => {
  it("20 rounds: no manifest entry lost", async () => {
    const dir = tempDir();
    const out = join(dir, "out");
    project(dir, 0);
    for (let round = 1; round <= 20; round++) {
      project(dir, round);
      const [a, b] = await Promise.all([
        cpts(["generer", "cpts.yaml", "--brouillon", "--format", "md", "--sortie", "out", "--document", "diagnostic", "statuts"], dir),
        cpts(["generer", "cpts.yaml", "--brouillon", "--format", "md", "--sortie", "out", "--document", "lettre-intention", "projet-sante"], dir),
      ]);
      expect(a.code, a.out).toBe(0);
      expect(b.code, b.out).toBe(0);
      const manifest = JSON.parse(readFileSync(join(out, ".cpts-manifeste.json"), "utf8")) as Manifest;
      expect(Object.keys(manifest.fichiers).sort(), `tour ${round}`).toEqual(["diagnostic.md", "lettre-intention.md", "projet-sante.md", "statuts.md"]);
      expectTruthful(out, `tour ${round}`);
    }
    expect(temporaries(out)).toEqual([]);
  }, 240_000);
});

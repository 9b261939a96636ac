import { mkdir, readdir, readFile, realpath, rm, stat, symlink, utimes, writeFile } from "node:fs/promises";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import {
  checkOverwrite,
  inputsKey,
  keptFile,
  LOCK_NAME,
  MANIFEST_NAME,
  sha256,
  UnsafePathError,
  upToDateFiles,
  writeGenerated,
  writeGeneratedFiles,
} from "../../src/render/manifest.js";
import { tempDir } from "./support.js";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("generated files and their manifest", () => {
  it("records each generated file with its SHA-256 in a stable, sorted manifest", async () => {
    const dir = await tempDir();
    await writeGenerated(dir, "statuts.docx", bytes("B"));
    await writeGenerated(dir, "annexes/diagnostic.md", bytes("C"));
    const first = await writeGenerated(dir, "lettre-intention.docx", bytes("A"));
    expect(first).toMatchObject({ written: "lettre-intention.docx", outcome: "created", previous: "absent" });
    const manifest = await readFile(path.join(dir, MANIFEST_NAME), "utf8");
    expect(manifest).toBe(
      `${JSON.stringify(
        {
          version: 1,
          fichiers: { "annexes/diagnostic.md": sha256("C"), "lettre-intention.docx": sha256("A"), "statuts.docx": sha256("B") },
        },
        null,
        2,
      )}\n`,
    );
    expect(await readFile(path.join(dir, "annexes", "diagnostic.md"), "utf8")).toBe("C");
  });

  it("overwrites a file nobody touched", async () => {
    const dir = await tempDir();
    await writeGenerated(dir, "statuts.docx", bytes("v1"));
    expect(await checkOverwrite(dir, "statuts.docx")).toBe("unchanged");
    const result = await writeGenerated(dir, "statuts.docx", bytes("v2"));
    expect(result).toMatchObject({ written: "statuts.docx", outcome: "updated", previous: "unchanged" });
    expect(result.message).toBeUndefined();
    expect(await readFile(path.join(dir, "statuts.docx"), "utf8")).toBe("v2");
    expect((await writeGenerated(dir, "statuts.docx", bytes("v2"))).outcome).toBe("unchanged");
  });

  it("keeps a file edited by hand and writes the new one beside it as .nouveau.docx", async () => {
    const dir = await tempDir();
    await writeGenerated(dir, "statuts.docx", bytes("généré"));
    await writeFile(path.join(dir, "statuts.docx"), "corrigé à la main");
    expect(await checkOverwrite(dir, "statuts.docx")).toBe("edited");

    const result = await writeGenerated(dir, "statuts.docx", bytes("nouveau"));
    expect(result).toMatchObject({ written: "statuts.nouveau.docx", outcome: "beside", previous: "edited" });
    expect(result.message).toBe(
      "statuts.docx a été modifié à la main depuis la dernière génération : il est conservé et la nouvelle version est écrite dans statuts.nouveau.docx (--forcer pour le remplacer).",
    );
    expect(await readFile(path.join(dir, "statuts.docx"), "utf8")).toBe("corrigé à la main");
    expect(await readFile(path.join(dir, "statuts.nouveau.docx"), "utf8")).toBe("nouveau");
    // Still considered edited next time: the hand-made version is never lost.
    expect(await checkOverwrite(dir, "statuts.docx")).toBe("edited");
  });

  it("overwrites a hand-edited file with force, and says so", async () => {
    const dir = await tempDir();
    await writeGenerated(dir, "statuts.docx", bytes("généré"));
    await writeFile(path.join(dir, "statuts.docx"), "corrigé");
    const result = await writeGenerated(dir, "statuts.docx", bytes("nouveau"), { force: true });
    expect(result).toMatchObject({ written: "statuts.docx", outcome: "updated", previous: "edited" });
    expect(result.message).toMatch(/remplacé \(--forcer\)/);
    expect(await readFile(path.join(dir, "statuts.docx"), "utf8")).toBe("nouveau");
    expect(await checkOverwrite(dir, "statuts.docx")).toBe("unchanged");
  });

  it("does not overwrite a file it did not create", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "lettre.docx"), "à moi");
    expect(await checkOverwrite(dir, "lettre.docx")).toBe("untracked");
    const result = await writeGenerated(dir, "lettre.docx", bytes("généré"));
    expect(result).toMatchObject({ written: "lettre.nouveau.docx", outcome: "beside", previous: "untracked" });
    expect(await readFile(path.join(dir, "lettre.docx"), "utf8")).toBe("à moi");
  });

  it("refuses paths that leave the output folder", async () => {
    const dir = await tempDir();
    const outside = await tempDir();
    await symlink(outside, path.join(dir, "lien"), "dir");
    for (const bad of ["../x.docx", "a/../../x.docx", "/etc/passwd", "C:\\x.docx", "lien/x.docx", "", MANIFEST_NAME]) {
      await expect(writeGenerated(dir, bad, bytes("x")), bad).rejects.toThrow(UnsafePathError);
    }
    await expect(writeGenerated(dir, "../x.docx", bytes("x"))).rejects.toThrow(/chemin de sortie refusé « \.\.\/x\.docx » : il sort du dossier de sortie/);
    await expect(checkOverwrite(dir, "lien/x.docx")).rejects.toThrow(/lien symbolique/);
  });

  it("accepts a symbolic link that stays inside the output folder", async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, "vrai"));
    await symlink(path.join(dir, "vrai"), path.join(dir, "alias"), "dir");
    const result = await writeGenerated(dir, "alias/doc.docx", bytes("x"));
    expect(result.outcome).toBe("created");
    expect(await readFile(path.join(dir, "vrai", "doc.docx"), "utf8")).toBe("x");
  });

  it("writes several files with one manifest, and touches nothing when a regeneration changes nothing", async () => {
    const dir = await tempDir();
    const files = [
      { relPath: "statuts.docx", bytes: bytes("S") },
      { relPath: "lettre.md", bytes: "L" },
    ];
    const first = await writeGeneratedFiles(dir, files);
    expect(first.map((r) => [r.written, r.outcome])).toEqual([
      ["statuts.docx", "created"],
      ["lettre.md", "created"],
    ]);
    const manifest = JSON.parse(await readFile(path.join(dir, MANIFEST_NAME), "utf8"));
    expect(Object.keys(manifest.fichiers).sort()).toEqual(["lettre.md", "statuts.docx"]);
    const before = await Promise.all(["statuts.docx", "lettre.md", MANIFEST_NAME].map((f) => stat(path.join(dir, f))));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const again = await writeGeneratedFiles(dir, files);
    expect(again.map((r) => r.outcome)).toEqual(["unchanged", "unchanged"]);
    const after = await Promise.all(["statuts.docx", "lettre.md", MANIFEST_NAME].map((f) => stat(path.join(dir, f))));
    // Same inode and modification time: nothing was rewritten (atomic writes would change the inode).
    expect(after.map((s) => [s.ino, s.mtimeMs])).toEqual(before.map((s) => [s.ino, s.mtimeMs]));
  });

  it("records what each file was made from, after the hashes, in sorted order", async () => {
    const dir = await tempDir();
    await writeGeneratedFiles(dir, [
      { relPath: "statuts.docx", bytes: bytes("S"), generation: { cle: "k1", a_completer: ["date"] } },
      { relPath: "lettre.md", bytes: "L", generation: { cle: "k1", a_completer: [] } },
    ]);
    expect(await readFile(path.join(dir, MANIFEST_NAME), "utf8")).toBe(
      `${JSON.stringify(
        {
          version: 1,
          fichiers: { "lettre.md": sha256("L"), "statuts.docx": sha256("S") },
          generation: { "lettre.md": { cle: "k1", a_completer: [] }, "statuts.docx": { cle: "k1", a_completer: ["date"] } },
        },
        null,
        2,
      )}\n`,
    );
    // A file written again without a record loses the old one: nothing says it is up to date any more.
    await writeGenerated(dir, "lettre.md", "L2");
    expect(JSON.parse(await readFile(path.join(dir, MANIFEST_NAME), "utf8")).generation).toEqual({ "statuts.docx": { cle: "k1", a_completer: ["date"] } });
  });
});

describe("files up to date", () => {
  const FILES = ["statuts.docx", "lettre.md"];

  async function generated(): Promise<string> {
    const dir = await tempDir();
    await writeGeneratedFiles(dir, [
      { relPath: "statuts.docx", bytes: bytes("S"), generation: { cle: "k1", a_completer: ["date de l’assemblée"] } },
      { relPath: "lettre.md", bytes: "L", generation: { cle: "k1", a_completer: [] } },
    ]);
    return dir;
  }

  it("are found from their key and bytes, with their hash and placeholders", async () => {
    const dir = await realpath(await generated());
    expect(await upToDateFiles(dir, FILES, "k1")).toEqual([
      { relPath: "statuts.docx", absolutePath: path.join(dir, "statuts.docx"), sha256: sha256("S"), a_completer: ["date de l’assemblée"] },
      { relPath: "lettre.md", absolutePath: path.join(dir, "lettre.md"), sha256: sha256("L"), a_completer: [] },
    ]);
    expect(await upToDateFiles(dir, ["statuts.docx"], "k1")).toHaveLength(1);
  });

  it("are not, when the key differs, a file was edited, deleted or never made, or the folder is gone", async () => {
    expect(await upToDateFiles(await generated(), FILES, "k2")).toBeUndefined();

    const edited = await generated();
    await writeFile(path.join(edited, "lettre.md"), "L corrigé");
    expect(await upToDateFiles(edited, FILES, "k1")).toBeUndefined();

    const deleted = await generated();
    await rm(path.join(deleted, "statuts.docx"));
    expect(await upToDateFiles(deleted, FILES, "k1")).toBeUndefined();

    expect(await upToDateFiles(await generated(), [...FILES, "statuts.md"], "k1")).toBeUndefined();

    const noManifest = await generated();
    await rm(path.join(noManifest, MANIFEST_NAME));
    expect(await upToDateFiles(noManifest, FILES, "k1")).toBeUndefined();

    const gone = await generated();
    await rm(gone, { recursive: true });
    expect(await upToDateFiles(gone, FILES, "k1")).toBeUndefined();
  });

  it("are not, once a hand-edited file was kept and the new version written beside it", async () => {
    const dir = await generated();
    await writeFile(path.join(dir, "statuts.docx"), "corrigé");
    await writeGeneratedFiles(dir, [{ relPath: "statuts.docx", bytes: bytes("S"), generation: { cle: "k1", a_completer: [] } }]);
    // Even with the generated bytes put back: only a new generation records it again.
    await writeFile(path.join(dir, "statuts.docx"), "S");
    expect(await upToDateFiles(dir, ["statuts.docx"], "k1")).toBeUndefined();
    expect(await upToDateFiles(dir, ["statuts.nouveau.docx"], "k1")).toBeUndefined();
  });

  it("are not, for a manifest written before keys were recorded", async () => {
    const dir = await tempDir();
    await writeGeneratedFiles(dir, [{ relPath: "statuts.docx", bytes: bytes("S") }]);
    expect(await upToDateFiles(dir, ["statuts.docx"], "k1")).toBeUndefined();
  });
});

describe("a file kept from the last generation", () => {
  async function generated(): Promise<string> {
    const dir = await tempDir();
    await writeGeneratedFiles(dir, [
      { relPath: "statuts.docx", bytes: bytes("S"), generation: { cle: "k1", a_completer: ["date"], cle_contenu: "c1" } },
      { relPath: "lettre.docx", bytes: bytes("L"), generation: { cle: "k1", a_completer: [] } },
    ]);
    return dir;
  }

  it("is found from the key of its own inputs, even once the project's key changed", async () => {
    const dir = await generated();
    expect(await keptFile(dir, "statuts.docx", "c1")).toEqual({ bytes: Buffer.from("S"), a_completer: ["date"] });
    // The project changed elsewhere: the new record keeps the file's own key, so it stays reusable.
    await writeGeneratedFiles(dir, [{ relPath: "statuts.docx", bytes: bytes("S"), generation: { cle: "k2", a_completer: ["date"], cle_contenu: "c1" } }]);
    expect(JSON.parse(await readFile(path.join(dir, MANIFEST_NAME), "utf8")).generation["statuts.docx"]).toEqual({ cle: "k2", a_completer: ["date"], cle_contenu: "c1" });
    expect(await keptFile(dir, "statuts.docx", "c1")).toEqual({ bytes: Buffer.from("S"), a_completer: ["date"] });
  });

  it("is not, when its inputs differ, it was edited or deleted, or none was recorded", async () => {
    expect(await keptFile(await generated(), "statuts.docx", "c2")).toBeUndefined();
    const edited = await generated();
    await writeFile(path.join(edited, "statuts.docx"), "S corrigé");
    expect(await keptFile(edited, "statuts.docx", "c1")).toBeUndefined();
    const deleted = await generated();
    await rm(path.join(deleted, "statuts.docx"));
    expect(await keptFile(deleted, "statuts.docx", "c1")).toBeUndefined();
    // Recorded before the file's own key was (a manifest of an older version reads the same).
    expect(await keptFile(await generated(), "lettre.docx", "c1")).toBeUndefined();
    const gone = await generated();
    await rm(gone, { recursive: true });
    expect(await keptFile(gone, "statuts.docx", "c1")).toBeUndefined();
  });
});

describe("the key of several inputs", () => {
  it("changes with any part, and with where the parts are cut", () => {
    const key = inputsKey(["projet", bytes("modèle"), ""]);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(inputsKey(["projet", bytes("modèle"), ""])).toBe(key);
    expect(inputsKey(["projet", "modèle", ""])).toBe(key); // text and its UTF-8 bytes are the same input
    expect(inputsKey(["projet", bytes("modèle")])).not.toBe(key);
    expect(inputsKey(["proje", bytes("tmodèle"), ""])).not.toBe(key);
    expect(inputsKey(["projet", bytes("modèlE"), ""])).not.toBe(key);
  });
});

describe("documents edited by hand, killed runs, runs side by side", () => {
  /** A pid no process has: checked, so that the test means what it says. */
  function deadPid(): number {
    for (let pid = 4_000_000; ; pid++) {
      try {
        process.kill(pid, 0);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ESRCH") return pid;
      }
    }
  }

  it("a hand-edited X.nouveau.docx is protected exactly like X.docx", async () => {
    const dir = await tempDir();
    await writeGenerated(dir, "statuts.docx", bytes("v1"));
    await writeFile(path.join(dir, "statuts.docx"), "corrigé à la main");
    expect((await writeGenerated(dir, "statuts.docx", bytes("v2"))).written).toBe("statuts.nouveau.docx");
    await writeFile(path.join(dir, "statuts.nouveau.docx"), "nouvelle version relue et corrigée");
    expect(await checkOverwrite(dir, "statuts.nouveau.docx")).toBe("edited");

    const third = await writeGenerated(dir, "statuts.docx", bytes("v3"));
    expect(third).toMatchObject({ written: "statuts.nouveau-2.docx", outcome: "beside", previous: "edited" });
    expect(third.message).toBe(
      "statuts.docx a été modifié à la main depuis la dernière génération : il est conservé et la nouvelle version est écrite dans statuts.nouveau-2.docx ; " +
        "statuts.nouveau.docx est aussi conservé (modifié à la main ou étranger à cpts) (--forcer pour le remplacer).",
    );
    expect(await readFile(path.join(dir, "statuts.docx"), "utf8")).toBe("corrigé à la main");
    expect(await readFile(path.join(dir, "statuts.nouveau.docx"), "utf8")).toBe("nouvelle version relue et corrigée");
    expect(await readFile(path.join(dir, "statuts.nouveau-2.docx"), "utf8")).toBe("v3");
    // The next generation replaces its own untouched statuts.nouveau-2.docx, nothing else.
    expect((await writeGenerated(dir, "statuts.docx", bytes("v4"))).written).toBe("statuts.nouveau-2.docx");
    expect(await readFile(path.join(dir, "statuts.nouveau.docx"), "utf8")).toBe("nouvelle version relue et corrigée");
  });

  it("a run killed between writing a file and recording it: the next one knows the file as its own", async () => {
    const dir = await tempDir();
    await writeGeneratedFiles(dir, [{ relPath: "statuts.docx", bytes: bytes("v1"), generation: { cle: "k1", a_completer: [] } }]);
    // What a run leaves when killed right after renaming the new file, before recording it.
    const manifest = JSON.parse(await readFile(path.join(dir, MANIFEST_NAME), "utf8"));
    manifest.en_cours = { "statuts.docx": { sha256: sha256("v2"), generation: { cle: "k2", a_completer: ["date"] } } };
    await writeFile(path.join(dir, MANIFEST_NAME), JSON.stringify(manifest));
    await writeFile(path.join(dir, "statuts.docx"), "v2");
    expect(await checkOverwrite(dir, "statuts.docx")).toBe("unchanged");
    expect(await upToDateFiles(dir, ["statuts.docx"], "k2")).toHaveLength(1);
    // Killed before the rename: the old file is still the recorded one.
    await writeFile(path.join(dir, "statuts.docx"), "v1");
    expect(await checkOverwrite(dir, "statuts.docx")).toBe("unchanged");
    // Neither: edited by hand.
    await writeFile(path.join(dir, "statuts.docx"), "corrigé");
    expect(await checkOverwrite(dir, "statuts.docx")).toBe("edited");
  });

  it("removes the temporary files of a killed run, and only those", async () => {
    const dir = await tempDir();
    const dead = path.join(dir, `.statuts.docx.${deadPid()}-0123456789ab.tmp`);
    const alive = path.join(dir, `.statuts.docx.${process.ppid}-0123456789ab.tmp`);
    const mine = path.join(dir, ".statuts.docx.tmp");
    for (const f of [dead, alive, mine]) await writeFile(f, "à moitié écrit");
    await writeGenerated(dir, "statuts.docx", bytes("v1"));
    await expect(stat(dead)).rejects.toThrow(/ENOENT/);
    expect((await stat(alive)).isFile()).toBe(true);
    expect((await stat(mine)).isFile()).toBe(true);
  });

  it("two runs into one folder at once lose no entry of the manifest", async () => {
    const dir = await tempDir();
    for (let round = 0; round < 20; round++) {
      await Promise.all(
        ["a", "b", "c"].map((name) => writeGeneratedFiles(dir, [{ relPath: `${name}.md`, bytes: `${name}${round}` }, { relPath: `${name}.docx`, bytes: bytes(`${name}${round}`) }])),
      );
      const manifest = JSON.parse(await readFile(path.join(dir, MANIFEST_NAME), "utf8"));
      for (const name of ["a", "b", "c"]) {
        expect(manifest.fichiers[`${name}.md`], `tour ${round}`).toBe(sha256(`${name}${round}`));
        expect(manifest.fichiers[`${name}.docx`], `tour ${round}`).toBe(sha256(`${name}${round}`));
      }
    }
    expect((await readdir(dir)).filter((f) => f.endsWith(".tmp") || f.endsWith(".verrou"))).toEqual([]);
  });

  it("takes over the lock of a process that died, and says when it waits for a live one", async () => {
    const dir = await tempDir();
    const { hostname } = await import("node:os");
    await writeFile(path.join(dir, LOCK_NAME), JSON.stringify({ pid: deadPid(), host: hostname(), since: new Date().toISOString() }));
    expect((await writeGenerated(dir, "a.md", "A")).outcome).toBe("created");
    await expect(stat(path.join(dir, LOCK_NAME))).rejects.toThrow(/ENOENT/);

    await writeFile(path.join(dir, LOCK_NAME), JSON.stringify({ pid: process.ppid, host: hostname(), since: new Date().toISOString() }));
    const waits: string[] = [];
    const run = writeGeneratedFiles(dir, [{ relPath: "b.md", bytes: "B" }], { onWait: (holder) => waits.push(holder) });
    await new Promise((done) => setTimeout(done, 1500));
    expect(waits).toEqual([`processus ${process.ppid}`]);
    await rm(path.join(dir, LOCK_NAME));
    expect((await run)[0]!.outcome).toBe("created");
  });

  it("takes over a lock older than two minutes whoever holds it, and one left empty after two seconds", async () => {
    const dir = await tempDir();
    const lock = path.join(dir, LOCK_NAME);
    await writeFile(lock, JSON.stringify({ pid: process.ppid, host: "autre-machine", since: new Date().toISOString() }));
    const old = new Date(Date.now() - 3 * 60_000);
    await utimes(lock, old, old);
    expect((await writeGenerated(dir, "a.md", "A")).outcome).toBe("created");
    await expect(stat(lock)).rejects.toThrow(/ENOENT/);

    await writeFile(lock, "");
    const recent = new Date(Date.now() - 3000);
    await utimes(lock, recent, recent);
    expect((await writeGenerated(dir, "b.md", "B")).outcome).toBe("created");
    await expect(stat(lock)).rejects.toThrow(/ENOENT/);
  });
});

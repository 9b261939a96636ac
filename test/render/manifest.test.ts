import { mkdir, readFile, realpath, rm, stat, symlink, writeFile } from "node:fs/promises";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import {
  checkOverwrite,
  inputsKey,
  keptFile,
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

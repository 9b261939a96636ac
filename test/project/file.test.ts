import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseProjectSource, projectBytes, readProjectFile } from "../../src/project/file.js";
import { updateProjectFile } from "../../src/project/save.js";
import { EXAMPLES, ROOT, tempDir } from "../helpers.js";

const SOURCE = `# yaml-language-server: $schema=../schemas/cpts-project.schema.json
# En-tête écrit à la main
version: 1

cpts:
  nom: CPTS du Val   # nom d’usage
  sigle: CPTS Val

# Le territoire
territoire:
  communes: ["24037", "24053"]
  justification: Bassin de vie autour de la vallée, très long texte qui ne doit jamais être replié sur plusieurs lignes même au-delà de quatre-vingts caractères.
`;

describe("saving a project", () => {
  it("writes answers the original style cannot hold so that they read back unchanged", async () => {
    const dir = tempDir();
    const path = join(dir, "cpts.yaml");
    writeFileSync(path, "cpts:\n  nom: CPTS du Val\n  historique: >-\n    Un texte plié\n    sur deux lignes.\ncalendrier:\n  jalons: []\n");
    const file = await readProjectFile(path);
    // A folded block holding only spaces would read back empty; a multi-line text in a […] list would not read back.
    file.doc.setIn(["cpts", "historique"], " ");
    file.doc.setIn(["calendrier", "jalons"], [{ nom: ":\n\n!" }]);
    writeFileSync(path, projectBytes(file.doc, file.format));
    const again = await readProjectFile(path);
    expect(again.findings).toEqual([]);
    expect(again.data).toEqual({ cpts: { nom: "CPTS du Val", historique: " " }, calendrier: { jalons: [{ nom: ":\n\n!" }] } });
  });

  it("writes a text of spaces and a line break, set as plain data under any key, so that it reads back unchanged", async () => {
    const dir = tempDir();
    const path = join(dir, "cpts.yaml");
    writeFileSync(path, "cpts:\n  nom: CPTS du Val\n");
    const file = await readProjectFile(path);
    // yaml writes « |+ » with no indentation indicator here, which reads back without the spaces.
    file.doc.setIn(["cpts", "nom"], { "": { nom: "  \n" } });
    writeFileSync(path, projectBytes(file.doc, file.format));
    const again = await readProjectFile(path);
    expect(again.data).toEqual({ cpts: { nom: { "": { nom: "  \n" } } } });
  });

  it("keeps comments, key order and formatting after an edit", async () => {
    const dir = tempDir();
    const path = join(dir, "cpts.yaml");
    writeFileSync(path, SOURCE);
    await updateProjectFile(path, "cpts.yaml", (file) => {
      file.doc.setIn(["cpts", "sigle"], "CPTS VDV");
      file.doc.setIn(["territoire", "nom"], "Vallée");
    });
    const saved = readFileSync(path, "utf8");
    expect(saved.split("\n")[0]).toBe("# yaml-language-server: $schema=../schemas/cpts-project.schema.json");
    expect(saved).toContain("# En-tête écrit à la main");
    expect(saved).toContain("nom: CPTS du Val # nom d’usage");
    expect(saved).toContain("# Le territoire");
    expect(saved).toContain('communes: ["24037", "24053"]');
    expect(saved).toContain("sigle: CPTS VDV");
    expect(saved).toMatch(/justification: Bassin .* quatre-vingts caractères\.\n/);
    expect(saved.indexOf("cpts:")).toBeLessThan(saved.indexOf("territoire:"));
    expect(saved.indexOf("justification")).toBeLessThan(saved.indexOf("nom: Vallée"));
  });

  it("keeps the previous version as cpts.yaml.bak", async () => {
    const dir = tempDir();
    const path = join(dir, "cpts.yaml");
    writeFileSync(path, SOURCE);
    await updateProjectFile(path, "cpts.yaml", (file) => void file.doc.setIn(["cpts", "nom"], "Nouveau nom"));
    expect(readFileSync(`${path}.bak`, "utf8")).toBe(SOURCE);
    expect(readFileSync(path, "utf8")).toContain("Nouveau nom");
  });

  it("leaves the old file intact when the process dies between the temporary write and the rename", async () => {
    const dir = tempDir();
    const path = join(dir, "cpts.yaml");
    writeFileSync(path, SOURCE);
    await expect(
      updateProjectFile(path, "cpts.yaml", (file) => void file.doc.setIn(["cpts", "nom"], "Jamais écrit"), {
        beforeRename: () => {
          throw new Error("coupure simulée");
        },
      }),
    ).rejects.toThrow("coupure simulée");
    expect(readFileSync(path, "utf8")).toBe(SOURCE);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("says in French that a read-only folder cannot be written, and writes nothing", async () => {
    if (process.getuid?.() === 0) return; // root ignores permission bits: test/e2e/file-safety.test.ts runs it as another user
    const dir = tempDir();
    const ro = join(dir, "ro");
    mkdirSync(ro);
    writeFileSync(join(ro, "cpts.yaml"), SOURCE);
    chmodSync(ro, 0o555);
    try {
      await expect(updateProjectFile(join(ro, "cpts.yaml"), "cpts.yaml", (f) => void f.doc.setIn(["cpts", "nom"], "X"))).rejects.toThrow(/droits insuffisants/);
    } finally {
      chmodSync(ro, 0o755);
    }
    expect(readFileSync(join(ro, "cpts.yaml"), "utf8")).toBe(SOURCE);
  });
});

describe("reading a project", () => {
  it("refuses a folder, a missing file and a huge file with a French message", async () => {
    const dir = tempDir();
    await expect(readProjectFile(dir, "dossier")).rejects.toThrow(/est un dossier/);
    await expect(readProjectFile(join(dir, "absent.yaml"), "absent.yaml")).rejects.toThrow(/introuvable.*cpts init/);
    const big = join(dir, "gros.yaml");
    writeFileSync(big, `version: 1\ncpts:\n  nom: "${"x".repeat(2 * 1024 * 1024)}"\n`);
    await expect(readProjectFile(big, "gros.yaml")).rejects.toThrow(/trop volumineux/);
  });

  it("refuses an alias bomb before expanding it", () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x]",
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]",
      "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]",
      "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]",
    ].join("\n");
    const file = parseProjectSource(bomb, "bombe.yaml");
    expect(file.data).toBeUndefined();
    expect(file.findings[0]).toMatchObject({ code: "yaml.alias", severity: "erreur", line: 2 });
    expect(file.findings[0]!.message).toMatch(/trop d’alias/);
  });

  it("never lets __proto__ or constructor keys reach a prototype", () => {
    const file = parseProjectSource("__proto__:\n  pollue: true\nconstructor:\n  prototype:\n    pollue: true\n", "x.yaml");
    const data = file.data as Record<string, unknown>;
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).pollue).toBeUndefined();
    expect(Object.keys(data)).toEqual(["__proto__", "constructor"]);
  });

  it("reports YAML syntax errors with their line and column, in French", () => {
    const cases: [string, string, number, number, RegExp][] = [
      ["doublon", "version: 1\ncpts:\n  nom: A\n  nom: B\n", 4, 3, /clé en double/],
      ["tabulation", "version: 1\ncpts:\n\tnom: A\n", 3, 1, /tabulation/],
      ["guillemet", 'version: 1\ncpts:\n  nom: "A\n', 4, 1, /guillemet|caractère manquant/],
      ["deux documents", "version: 1\n---\nversion: 2\n", 2, 1, /plusieurs documents/],
    ];
    for (const [, source, line, column, message] of cases) {
      const file = parseProjectSource(source, "cpts.yaml");
      const f = file.findings.find((x) => x.severity === "erreur");
      expect(f, source).toBeDefined();
      expect(f!.message).toMatch(message);
      expect([f!.line, f!.column]).toEqual([line, column]);
    }
  });

  it("reports every text holding a control character, in file order, at its value", () => {
    const source = 'version: 1\ncpts:\n  nom: "A\\e[31m"\n  sigle: B\nporteurs:\n  - nom: ok\n  - nom: "bip\\a"\n    role: "\\x00"\n';
    const file = parseProjectSource(source, "cpts.yaml");
    expect(file.findings.map((f) => [f.code, f.path, f.line, f.column])).toEqual([
      ["yaml.controle", "cpts.nom", 3, 8],
      ["yaml.controle", "porteurs[1].nom", 7, 10],
      ["yaml.controle", "porteurs[1].role", 8, 11],
    ]);
    expect(file.findings[0]!.message).toMatch(/caractère de contrôle invisible/);
    expect(parseProjectSource("version: 1\ncpts:\n  nom: A\n", "cpts.yaml").findings).toEqual([]);
  });

  it("does not leave temporary files behind after a normal save", async () => {
    const dir = tempDir();
    const path = join(dir, "cpts.yaml");
    writeFileSync(path, SOURCE);
    await updateProjectFile(path, "cpts.yaml", (file) => void file.doc.setIn(["cpts", "sigle"], "CPTS VDV"));
    expect(readdirSync(dir).sort()).toEqual(["cpts.yaml", "cpts.yaml.bak"]);
    expect(existsSync(`${path}.bak`)).toBe(true);
  });
});

describe("what a save keeps of the user's layout", () => {
  const FOLDED = `version: 2
cpts:
  nom: CPTS du Val
  historique: >-
    Un texte plié à la main, sur plusieurs lignes courtes,
    comme on l’écrit dans un éditeur :
    il doit garder ses lignes.
  # fin de la section cpts, indentée

# Commentaire de la section suivante, au niveau des sections
porteurs:
  - profession: infirmier
    role: |
      Première ligne.
      Deuxième ligne.
`;

  it("keeps an unchanged folded text's own lines, and refolds a changed one at its former width", async () => {
    const dir = tempDir();
    const path = join(dir, "cpts.yaml");
    writeFileSync(path, FOLDED);
    await updateProjectFile(path, "cpts.yaml", (file) => void file.doc.setIn(["cpts", "sigle"], "CPTS Val"));
    const saved = readFileSync(path, "utf8");
    expect(saved).toContain(FOLDED.slice(FOLDED.indexOf("  historique:"), FOLDED.indexOf("  # fin")));
    expect(saved).toContain("\n# Commentaire de la section suivante, au niveau des sections\nporteurs:");
    expect(saved).toContain("    role: |\n      Première ligne.\n      Deuxième ligne.\n");

    const longer = "Un texte plié à la main, sur plusieurs lignes courtes, qui s’allonge d’une phrase entière pour voir comment il est replié : chaque ligne reste courte.";
    await updateProjectFile(path, "cpts.yaml", (file) => void file.doc.setIn(["cpts", "historique"], longer));
    const again = readFileSync(path, "utf8");
    const block = again.slice(again.indexOf("  historique: >-\n") + "  historique: >-\n".length).split("\n");
    const lines = block.slice(0, block.findIndex((l) => !l.startsWith("    ")));
    expect(lines.length).toBeGreaterThan(2);
    const width = Math.max(...FOLDED.split("\n").slice(4, 7).map((l) => l.length));
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(width);
    expect(((await readProjectFile(path)).data as { cpts: { historique: string } }).cpts.historique).toBe(longer);
  });

  it("gives a comment written at a section's level back to that level, wherever the parser put it", async () => {
    const source = `version: 2
cpts:
  nom: CPTS du Val
porteurs:
  - profession: infirmier
    role: x
    # fin du porteur

  # fin de la liste des porteurs

# Section territoire
territoire:
  communes: ["24037"]
`;
    const dir = tempDir();
    const path = join(dir, "cpts.yaml");
    writeFileSync(path, source);
    await updateProjectFile(path, "cpts.yaml", (file) => void file.doc.setIn(["cpts", "sigle"], "CPTS Val"));
    expect(readFileSync(path, "utf8")).toBe(source.replace("  nom: CPTS du Val\n", "  nom: CPTS du Val\n  sigle: CPTS Val\n"));
  });

  it("writes nothing, and keeps the .bak, when a change leaves the bytes as they were", async () => {
    const dir = tempDir();
    const path = join(dir, "cpts.yaml");
    writeFileSync(path, FOLDED);
    writeFileSync(`${path}.bak`, "ancienne sauvegarde\n");
    const result = await updateProjectFile(path, "cpts.yaml", (file) => void file.doc.setIn(["cpts", "nom"], "CPTS du Val"));
    expect(result.written).toBe(false);
    expect(readFileSync(`${path}.bak`, "utf8")).toBe("ancienne sauvegarde\n");
    expect(readFileSync(path, "utf8")).toBe(FOLDED);
  });
});

describe("writing back what was read", () => {
  it.each([
    ["examples/bergerac", join(EXAMPLES, "bergerac", "cpts.yaml")],
    ["examples/chambery", join(EXAMPLES, "chambery", "cpts.yaml")],
    ["mise-en-forme.yaml (BOM, CRLF)", join(ROOT, "test", "fixtures", "bad", "mise-en-forme.yaml")],
  ])("%s: the same bytes", (_name, path) => {
    const bytes = readFileSync(path);
    const file = parseProjectSource(bytes.toString("utf8"), path);
    expect(projectBytes(file.doc, file.format).equals(bytes)).toBe(true);
  });
});

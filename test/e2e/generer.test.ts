import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLES, runCli, tempDir } from "../helpers.js";

const BERGERAC = join(EXAMPLES, "bergerac", "cpts.yaml");
const hashes = (dir: string) =>
  Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith(".docx")).sort().map((f) => [f, createHash("sha256").update(readFileSync(join(dir, f))).digest("hex")]));

describe("cpts generer", () => {
  it("writes byte-identical DOCX from identical input, in any time zone", async () => {
    const a = tempDir();
    const b = tempDir();
    expect((await runCli(["generer", BERGERAC, "--sortie", a], { env: { TZ: "Europe/Paris" } })).code).toBe(0);
    expect((await runCli(["generer", BERGERAC, "--sortie", b], { env: { TZ: "Pacific/Auckland" } })).code).toBe(0);
    expect(Object.keys(hashes(a))).toHaveLength(5);
    expect(hashes(b)).toEqual(hashes(a));
  });

  it("keeps a document edited by hand and writes the new one beside it", async () => {
    const out = tempDir();
    await runCli(["generer", BERGERAC, "--sortie", out, "--document", "statuts"]);
    writeFileSync(join(out, "statuts.docx"), "modifié à la main");
    const r = await runCli(["generer", BERGERAC, "--sortie", out, "--document", "statuts"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/modifié à la main depuis la dernière génération.*statuts\.nouveau\.docx/);
    expect(readFileSync(join(out, "statuts.docx"), "utf8")).toBe("modifié à la main");
    const forced = await runCli(["generer", BERGERAC, "--sortie", out, "--document", "statuts", "--forcer"]);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(out, "statuts.docx")).subarray(0, 2).toString()).toBe("PK");
  });

  it("refuses an incomplete document unless --brouillon, which shows the gaps", async () => {
    const dir = tempDir();
    await runCli(["init", "--nom", "CPTS du Val"], { cwd: dir });
    const refused = await runCli(["generer", "--document", "lettre-intention", "--json"], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)[0]).toMatchObject({ document: "lettre-intention", statut: "refuse" });
    const draft = await runCli(["generer", "--document", "lettre-intention", "--brouillon", "--format", "md"], { cwd: dir });
    expect(draft.code).toBe(0);
    const md = readFileSync(join(dir, "documents", "lettre-intention.md"), "utf8");
    expect(md).toMatch(/\[\[À COMPLÉTER/);
  });

  it("writes the other documents when a custom template is broken, and says where the template is wrong", async () => {
    const out = tempDir();
    const templates = join(tempDir(), "modeles");
    mkdirSync(templates);
    writeFileSync(join(templates, "statuts.md.hbs"), "# Statuts\n\nArticle 1 {{#if cpts.nom}}\n");
    const r = await runCli(["generer", BERGERAC, "--sortie", out, "--modeles", templates]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/✗ Statuts de l’association : non généré, modèle incorrect\n {4}.*statuts\.md\.hbs:3:\d+ : erreur de syntaxe Handlebars/);
    expect(r.stderr).not.toMatch(/Erreur interne|at /);
    expect(readdirSync(out).filter((f) => f.endsWith(".docx")).sort()).toEqual(["diagnostic.docx", "lettre-intention.docx", "projet-sante.docx", "pv-ag-constitutive.docx"]);

    writeFileSync(join(templates, "statuts.md.hbs"), "# Statuts\n\n<div>encadré</div>\n");
    const json = await runCli(["generer", BERGERAC, "--sortie", out, "--modeles", templates, "--document", "statuts", "--json"]);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual([
      expect.objectContaining({ document: "statuts", statut: "erreur", fichier: null, message: expect.stringMatching(/statuts\.md\.hbs, ligne 3 du Markdown : HTML non pris en charge/) }),
    ]);
  });
});

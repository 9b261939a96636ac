import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.js";
import { EXAMPLES, memoryIo, ROOT, runCli, tempDir } from "../helpers.js";

const BERGERAC = join(EXAMPLES, "bergerac", "cpts.yaml");
const hashes = (dir: string) =>
  Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith(".docx")).sort().map((f) => [f, createHash("sha256").update(readFileSync(join(dir, f))).digest("hex")]));

describe("cpts generer", () => {
  it("writes byte-identical DOCX from identical input, in any time zone", async () => {
    const a = tempDir();
    const b = tempDir();
    expect((await runCli(["generer", BERGERAC, "--sortie", a], { env: { TZ: "Europe/Paris" } })).code).toBe(0);
    expect((await runCli(["generer", BERGERAC, "--sortie", b], { env: { TZ: "Pacific/Auckland" } })).code).toBe(0);
    expect(Object.keys(hashes(a))).toHaveLength(8); // the eight documents of an existing association
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
    expect(JSON.parse(refused.stdout).fichiers[0]).toMatchObject({ document: "lettre-intention", statut: "refuse" });
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
    expect(r.stdout).toMatch(/✗ Statuts de l’association\u00a0: non généré, modèle incorrect\n {4}.*statuts\.md\.hbs:3:\d+\u00a0: erreur de syntaxe Handlebars/);
    expect(r.stderr).not.toMatch(/Erreur interne|at /);
    expect(readdirSync(out).filter((f) => f.endsWith(".docx")).sort()).toEqual([
      "declaration.docx",
      "diagnostic.docx",
      "lettre-intention.docx",
      "liste-dirigeants.docx",
      "projet-sante.docx",
      "pv-ag-extraordinaire.docx",
      "pv-conseil-administration.docx",
    ]);

    writeFileSync(join(templates, "statuts.md.hbs"), "# Statuts\n\n<div>encadré</div>\n");
    const json = await runCli(["generer", BERGERAC, "--sortie", out, "--modeles", templates, "--document", "statuts", "--json"]);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout).fichiers).toEqual([
      expect.objectContaining({ document: "statuts", statut: "erreur", fichier: null, message: expect.stringMatching(/statuts\.md\.hbs, ligne 3 du Markdown : HTML non pris en charge/) }),
    ]);
  });
});

/** A copy of the Bergerac project in a fresh folder, optionally changed. */
function bergeracCopy(edit: (text: string) => string = (t) => t): string {
  const file = join(tempDir(), "cpts.yaml");
  writeFileSync(file, edit(readFileSync(BERGERAC, "utf8")));
  return file;
}

/** Modification times (ns) of every file of a folder, the manifest included. */
const mtimes = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, statSync(join(dir, f), { bigint: true }).mtimeNs]));

const UP_TO_DATE = "Documents à jour\u00a0: le projet, les modèles, les options et la version de cpts sont ceux de la dernière génération";

/**
 * The CLI run in this process (`run(argv, io)`): the same command as bin/cpts, without a
 * process start per run. The child-process runs above and test/e2e/startup.test.ts cover the
 * built tool.
 */
async function cpts(args: string[], options: { env?: NodeJS.ProcessEnv } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = memoryIo(ROOT);
  io.env = { ...options.env };
  const code = await run(args, io);
  return { code, stdout: io.out, stderr: io.err };
}

/** The run rendered its documents again: each file has a status of a generation, none is « à jour ». */
function expectGenerated(r: { code: number; stdout: string; stderr: string }): void {
  expect(r.code, r.stdout + r.stderr).toBe(0);
  expect(r.stdout).not.toContain("Documents à jour");
  expect(r.stdout).not.toContain("(à jour");
  expect(r.stdout).toMatch(/\((créé|mis à jour|inchangé)/);
}

describe("cpts generer when nothing changed", () => {
  it("says the documents are up to date and writes nothing", async () => {
    const out = tempDir();
    const first = await runCli(["generer", BERGERAC, "--sortie", out, "--format", "docx,md", "--json"]);
    expect(first.code, first.stderr).toBe(0);
    const before = mtimes(out);
    expect(Object.keys(before)).toHaveLength(18); // 8 DOCX, 8 .md, the manifest, the figures drawn (.cpts-figures/)
    expect(before).toHaveProperty(".cpts-figures");

    const again = await runCli(["generer", BERGERAC, "--sortie", out, "--format", "docx,md"]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(UP_TO_DATE);
    expect(again.stdout).toContain("rien n’a été écrit (--forcer pour régénérer).");
    expect(again.stdout).toMatch(/✓ .*pv-ag-extraordinaire\.docx \(à jour\)/);
    expect(again.stdout.match(/\(à jour/g)).toHaveLength(16);
    expect(mtimes(out)).toEqual(before);

    // --json gives each file as the generation left it, with what it still needs.
    const json = await runCli(["generer", BERGERAC, "--sortie", out, "--format", "docx,md", "--json"]);
    expect(json.code).toBe(0);
    const made = JSON.parse(first.stdout).fichiers as { document: string; format: string; sha256: string; a_completer: string[] }[];
    expect(JSON.parse(json.stdout).fichiers).toEqual(made.map((m) => ({ ...m, statut: "a_jour" })));
    expect(mtimes(out)).toEqual(before);
  });

  it("counts a document as up to date by itself: one document asked after all of them", async () => {
    const out = tempDir();
    expect((await cpts(["generer", BERGERAC, "--sortie", out])).code).toBe(0);
    const one = await cpts(["generer", BERGERAC, "--sortie", out, "--document", "statuts", "--json"]);
    expect(JSON.parse(one.stdout).fichiers).toEqual([expect.objectContaining({ document: "statuts", format: "docx", statut: "a_jour" })]);
  });

  it("regenerates with --forcer", async () => {
    const out = tempDir();
    expect((await cpts(["generer", BERGERAC, "--sortie", out, "--document", "statuts"])).code).toBe(0);
    const forced = await cpts(["generer", BERGERAC, "--sortie", out, "--document", "statuts", "--forcer"]);
    expectGenerated(forced);
    expect(forced.stdout).toMatch(/statuts\.docx \(inchangé\)/);
  });

  it("reports each project of a batch on its own, in order", async () => {
    const a = bergeracCopy();
    const b = bergeracCopy();
    expect((await cpts(["generer", a, "--document", "statuts"])).code).toBe(0);
    const r = await cpts(["generer", a, b, "--document", "statuts", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).fichiers).toEqual([
      expect.objectContaining({ projet: a, statut: "a_jour" }),
      expect.objectContaining({ projet: b, statut: "cree" }),
    ]);
  });
});

describe("cpts generer after a change", () => {
  const STATUTS = ["--document", "statuts"];

  /** Generates, applies `change`, generates again with the arguments it returns: the second run must render. */
  async function afterChange(change: (project: string, out: string) => { args?: string[]; env?: NodeJS.ProcessEnv } | void, args = STATUTS) {
    const project = bergeracCopy((t) => t.replace(/^ {2}date: 2022-09-15\n/m, "")); // the date then comes from SOURCE_DATE_EPOCH
    const out = join(dirname(project), "documents");
    const env = { SOURCE_DATE_EPOCH: "1772323200" }; // 2026-03-01
    const first = await cpts(["generer", project, ...args], { env });
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect((await cpts(["generer", project, ...args], { env })).stdout).toContain(UP_TO_DATE);
    const next = change(project, out) ?? {};
    return cpts(["generer", project, ...(next.args ?? args)], { env: { ...env, ...next.env } });
  }

  it("of the project file", async () => {
    const r = await afterChange((project) => writeFileSync(project, readFileSync(project, "utf8").replace("CPTS du Pôle de Santé de Bergerac", "CPTS du Bergeracois")));
    expectGenerated(r);
    expect(r.stdout).toMatch(/statuts\.docx \(mis à jour/);
  });

  it("of a template beside the project", async () => {
    const r = await afterChange((project) => {
      mkdirSync(join(dirname(project), "modeles"));
      writeFileSync(join(dirname(project), "modeles", "statuts.md.hbs"), "# Statuts de {{cpts.nom}}\n");
    });
    expectGenerated(r);
    expect(r.stdout).toMatch(/statuts\.docx \(mis à jour/);
  });

  it("of a partial in the templates given with --modeles", async () => {
    const templates = join(tempDir(), "modeles");
    mkdirSync(join(templates, "partials"), { recursive: true });
    writeFileSync(join(templates, "partials", "signatures.md.hbs"), "Signé.\n");
    const args = [...STATUTS, "--modeles", templates];
    const r = await afterChange(() => writeFileSync(join(templates, "partials", "signatures.md.hbs"), "Signé par le bureau.\n"), args);
    expectGenerated(r);
  });

  it("of any other file in a template folder, such as an image", async () => {
    const templates = join(tempDir(), "modeles");
    mkdirSync(join(templates, "images"), { recursive: true });
    writeFileSync(join(templates, "images", "logo.png"), "v1");
    const r = await afterChange(() => writeFileSync(join(templates, "images", "logo.png"), "v2"), [...STATUTS, "--modeles", templates]);
    expectGenerated(r);
  });

  it("of the formats asked", async () => {
    const r = await afterChange(() => ({ args: [...STATUTS, "--format", "docx,md"] }));
    expectGenerated(r);
    expect(r.stdout).toMatch(/statuts\.md \(créé/);
  });

  it("of the documents asked", async () => {
    const r = await afterChange(() => ({ args: ["--document", "statuts,lettre-intention"] }));
    expectGenerated(r);
    expect(r.stdout).toMatch(/lettre-intention\.docx \(créé/);
  });

  it("of --brouillon", async () => {
    expectGenerated(await afterChange(() => ({ args: [...STATUTS, "--brouillon"] })));
  });

  it("of the document date given by SOURCE_DATE_EPOCH (a document without a date of its own)", async () => {
    const DIAGNOSTIC = ["--document", "diagnostic"];
    const r = await afterChange(() => ({ env: { SOURCE_DATE_EPOCH: "1775001600" } }), DIAGNOSTIC); // 2026-04-01
    expectGenerated(r);
    expect(r.stdout).toMatch(/diagnostic\.docx \(mis à jour/);
  });

  it("keeps the statuts dated by their assembly whatever SOURCE_DATE_EPOCH says", async () => {
    const r = await afterChange(() => ({ env: { SOURCE_DATE_EPOCH: "1775001600" } }));
    expectGenerated(r);
    expect(r.stdout).toMatch(/statuts\.docx \(inchangé/);
  });

  it("without --document, writes the documents the founding path needs, and finds them up to date from the manifest", async () => {
    const project = bergeracCopy();
    const first = await cpts(["generer", project, "--format", "md"]);
    expect(first.stdout).toMatch(/pv-ag-extraordinaire\.md \(créé/);
    expect(first.stdout).not.toMatch(/pv-ag-constitutive/);
    const again = await cpts(["generer", project, "--format", "md"]);
    expect(again.stdout).toContain(UP_TO_DATE);
    expect(again.stdout.match(/\(à jour/g)).toHaveLength(8);
    const foreign = await cpts(["generer", project, "--document", "pv-ag-constitutive"]);
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toMatch(/--document pv-ag-constitutive ne concerne pas ce projet/);
  });

  it("of a generated file, edited by hand since", async () => {
    const r = await afterChange((_, out) => writeFileSync(join(out, "statuts.docx"), "modifié à la main"));
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain("Documents à jour");
    expect(r.stdout).toMatch(/statuts\.nouveau\.docx \(écrit à côté\)/);
  });

  it("of a generated file, deleted since", async () => {
    const r = await afterChange((_, out) => rmSync(join(out, "statuts.docx")));
    expectGenerated(r);
    expect(r.stdout).toMatch(/statuts\.docx \(créé/);
  });

  it("of the output folder, deleted since", async () => {
    const r = await afterChange((_, out) => rmSync(out, { recursive: true }));
    expectGenerated(r);
    expect(r.stdout).toMatch(/statuts\.docx \(créé/);
  });
});

describe("cpts generer after a change that leaves some documents as they were", () => {
  it("keeps the DOCX whose Markdown and options did not change, and makes the others again", async () => {
    const project = bergeracCopy();
    const out = join(dirname(project), "documents");
    expect((await cpts(["generer", project])).code).toBe(0);
    // A stand-in for the diagnostic, recorded as generated: it stays only if the DOCX is not made again.
    const manifestPath = join(out, ".cpts-manifeste.json");
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
    const made = readFileSync(join(out, "diagnostic.docx"));
    const standIn = Buffer.concat([made, Buffer.from("repère")]);
    writeFileSync(join(out, "diagnostic.docx"), standIn);
    manifest.fichiers["diagnostic.docx"] = createHash("sha256").update(standIn).digest("hex");
    writeFileSync(manifestPath, JSON.stringify(manifest));

    // An answer read by the statuts only.
    writeFileSync(project, readFileSync(project, "utf8").replace("Non-paiement de la cotisation après relance", "Non-paiement de la cotisation après deux relances"));
    const r = await cpts(["generer", project, "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const statuts = Object.fromEntries((JSON.parse(r.stdout).fichiers as { document: string; statut: string }[]).map((f) => [f.document, f.statut]));
    expect(statuts).toEqual({
      diagnostic: "inchange",
      "lettre-intention": "inchange",
      statuts: "mis_a_jour",
      "pv-ag-extraordinaire": "inchange",
      "pv-conseil-administration": "inchange",
      "liste-dirigeants": "inchange",
      declaration: "inchange",
      "projet-sante": "inchange",
    });
    expect(readFileSync(join(out, "diagnostic.docx")).equals(standIn)).toBe(true);
    expect((await cpts(["generer", project])).stdout).toContain(UP_TO_DATE);

    // --forcer makes every DOCX again.
    expect((await cpts(["generer", project, "--forcer"])).code).toBe(0);
    expect(readFileSync(join(out, "diagnostic.docx")).equals(made)).toBe(true);
  });
});

describe("cpts generer after a change shown by a figure only", () => {
  it("makes again the DOCX whose chart changed, though its Markdown did not", async () => {
    const ages = (share: number) =>
      `diagnostic:\n  structure_age:\n    source: INSEE, recensement 2021\n    tranches:\n` +
      `      - { libelle: "0 à 14 ans", territoire: ${share} }\n      - { libelle: "75 ans ou plus", territoire: 14.2 }\n`;
    const project = bergeracCopy((text) => text.replace(/^diagnostic:\n/m, ages(15.1)));
    expect((await cpts(["generer", project, "--document", "diagnostic"])).code).toBe(0);
    const before = readFileSync(join(dirname(project), "documents", "diagnostic.docx"));

    writeFileSync(project, readFileSync(project, "utf8").replace("territoire: 15.1 }", "territoire: 21.3 }"));
    const r = await cpts(["generer", project, "--document", "diagnostic", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const statuts = Object.fromEntries((JSON.parse(r.stdout).fichiers as { format: string; statut: string }[]).map((f) => [f.format, f.statut]));
    expect(statuts).toEqual({ docx: "mis_a_jour" });
    expect(readFileSync(join(dirname(project), "documents", "diagnostic.docx")).equals(before)).toBe(false);
  });
});

describe("cpts generer after a new version of the tool", () => {
  it("regenerates when the version or the build differs", async () => {
    // A copy of the installed tool, whose version and build identity this test can change.
    const tool = tempDir();
    for (const part of ["bin", "dist", "templates", "schemas", "package.json"]) cpSync(join(ROOT, part), join(tool, part), { recursive: true });
    symlinkSync(join(ROOT, "node_modules"), join(tool, "node_modules"));
    const out = tempDir();
    const generate = () =>
      new Promise<{ code: number; stdout: string; stderr: string }>((done) =>
        execFile(process.execPath, [join(tool, "bin", "cpts"), "generer", BERGERAC, "--sortie", out, "--document", "statuts"], { env: { ...process.env, CI: "true", NO_COLOR: "1" } }, (error, stdout, stderr) =>
          done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
        ),
      );
    expect((await generate()).code).toBe(0);
    expect((await generate()).stdout).toContain(UP_TO_DATE);

    const pkg = join(tool, "package.json");
    writeFileSync(pkg, readFileSync(pkg, "utf8").replace(/"version": "[^"]+"/, '"version": "99.0.0"'));
    expectGenerated(await generate());
    expect((await generate()).stdout).toContain(UP_TO_DATE);

    writeFileSync(join(tool, "dist", "build-id"), "un autre assemblage\n");
    expectGenerated(await generate());
    expect((await generate()).stdout).toContain(UP_TO_DATE);
  });
});

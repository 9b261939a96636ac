import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { documentDate, FALLBACK_DATE } from "../../src/render/reproducible.js";
import { renderDocument, type RenderRequest } from "../../src/render/render.js";
import { docxPart, docxParts, tempDir } from "../render/support.js";
import { EXAMPLES, runCli } from "../helpers.js";
import { writeGridContours } from "../territory/contours-fixture.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

const TEMPLATE = [
  "# {{nom}}",
  "",
  "Voir [le site de l’ARS](https://www.ars.sante.fr) et {{a_completer \"président\"}}.",
  "",
  "## Missions",
  "",
  "1. Accès aux soins",
  "2. Parcours",
  "",
  "| Poste | Montant |",
  "|:--|--:|",
  "{{#each postes}}",
  "| {{cellule libelle}} | {{montant montant}} |",
  "{{/each}}",
  "",
  "<!-- saut-de-page -->",
  "",
  "## Calendrier",
  "",
  "AG le {{date date}}.",
].join("\n");

const MODEL = { nom: "CPTS du Bergeracois", date: "2026-03-01", postes: [{ libelle: "Coordination", montant: 30000 }] };

async function fixture(): Promise<RenderRequest> {
  const dir = await tempDir();
  await writeFile(path.join(dir, "projet.md.hbs"), TEMPLATE);
  return {
    templateName: "projet",
    model: MODEL,
    templateDirs: [dir],
    docOptions: { title: "Projet de santé", organisation: MODEL.nom, date: MODEL.date, titlePage: true, toc: true, headingNumbering: true },
  };
}

/** Transpiles src/render (and the paths it needs) to plain JavaScript in `out`, so a child `node` can run it. */
async function transpileRender(out: string): Promise<void> {
  // src/render and the folders it imports (src/french, src/project through its index).
  const folders = ["render", "french", "project"];
  const sources = (await Promise.all(folders.map(async (d) => (await readdir(path.join(ROOT, "src", d))).map((f) => path.join(d, f))))).flat();
  for (const file of sources) {
    if (!file.endsWith(".ts")) continue;
    const { outputText } = ts.transpileModule(await readFile(path.join(ROOT, "src", file), "utf8"), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
    });
    await mkdir(path.join(out, path.dirname(file)), { recursive: true });
    await writeFile(path.join(out, file.replace(/\.ts$/, ".js")), outputText);
  }
  await writeFile(path.join(out, "package.json"), '{ "type": "module" }\n');
  await symlink(path.join(ROOT, "node_modules"), path.join(out, "node_modules"), "dir");
}

describe("reproducible DOCX", () => {
  it("gives the same bytes for the same input, even after other documents were built in the process", async () => {
    const request = await fixture();
    const first = await renderDocument(request);
    await renderDocument({ ...request, docOptions: { ...request.docOptions, title: "Autre" } });
    const second = await renderDocument(request);
    expect(sha(second.docx)).toBe(sha(first.docx));
    // The bookmark and relationship ids were normalised, not left to process-wide counters.
    expect(docxPart(first.docx)).toContain('<w:bookmarkStart w:name="_Toc1" w:id="1"/>');
    expect(docxPart(first.docx, "word/_rels/document.xml.rels")).toContain('Id="rIdR1"');
    expect(docxPart(first.docx, "docProps/core.xml")).toContain(">2026-03-01T00:00:00Z</dcterms:created>");
  });

  it("gives the same bytes in another process with another time zone", async () => {
    const request = await fixture();
    const here = sha((await renderDocument(request)).docx);
    const out = await tempDir();
    await transpileRender(out);
    const script = path.join(out, "child.mjs");
    await writeFile(
      script,
      [
        'import { createHash } from "node:crypto";',
        'import { renderDocument } from "./render/render.js";',
        `const request = ${JSON.stringify(request)};`,
        "const { docx } = await renderDocument(request);",
        'process.stdout.write(createHash("sha256").update(docx).digest("hex"));',
      ].join("\n"),
    );
    const env = { ...process.env, SOURCE_DATE_EPOCH: "" };
    for (const tz of ["Pacific/Auckland", "America/New_York"]) {
      const { stdout } = await promisify(execFile)(process.execPath, [script], { env: { ...env, TZ: tz } });
      expect(stdout, tz).toBe(here);
    }
  });

  it("dates the file from the project, else SOURCE_DATE_EPOCH, never from the clock", () => {
    expect(documentDate("2026-03-01", {}).toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(documentDate(undefined, { SOURCE_DATE_EPOCH: "1767225600" }).toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(documentDate(undefined, {})).toEqual(FALLBACK_DATE);
    expect(() => documentDate("2026-02-30", {})).toThrow(/date du document invalide/);
    expect(() => documentDate(undefined, { SOURCE_DATE_EPOCH: "demain" })).toThrow(/SOURCE_DATE_EPOCH invalide/);
  });

  it("writes 1980-01-01 00:00 as the time of every zip entry", async () => {
    const { docx } = await renderDocument(await fixture());
    // Local file headers: signature PK\3\4, then DOS time (bytes 10-11) and date (bytes 12-13).
    const view = new DataView(docx.buffer, docx.byteOffset, docx.byteLength);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint16(10, true)).toBe(0);
    expect(view.getUint16(12, true)).toBe((0 << 9) | (1 << 5) | 1);
  });
});

describe("reproducible documents with charts and a map", () => {
  it("gives the same bytes from two runs of cpts generer in other time zones and locales", async () => {
    const dir = await tempDir();
    const contours = path.join(dir, "contours");
    writeGridContours(contours);
    const runs = [
      { TZ: "Pacific/Auckland", LANG: "en_US.UTF-8" },
      { TZ: "America/New_York", LANG: "fr_FR.UTF-8", LC_ALL: "C" },
    ];
    const outputs: Record<string, string>[] = [];
    for (const [i, env] of runs.entries()) {
      const out = path.join(dir, `run-${i}`);
      const args = ["generer", path.join(EXAMPLES, "bergerac", "cpts.yaml"), "--sortie", out, "--format", "docx,md", "--document", "diagnostic", "--document", "lettre-intention"];
      const r = await runCli(args, { env: { ...env, CPTS_CONTOURS_DIR: contours } });
      expect(r.code, r.stderr).toBe(0);
      const files = (await readdir(out)).filter((f) => !f.startsWith(".")).sort();
      outputs.push(Object.fromEntries(await Promise.all(files.map(async (f) => [f, sha(await readFile(path.join(out, f)))] as const))));
      if (i === 0) {
        // Charts of the indicators, of the densities and of the population, and the map, twice.
        const media = docxParts(await readFile(path.join(out, "diagnostic.docx"))).filter((p) => p.startsWith("word/media/"));
        expect(media.length).toBeGreaterThanOrEqual(12);
      }
    }
    expect(Object.keys(outputs[0]!)).toEqual(["diagnostic.docx", "diagnostic.md", "lettre-intention.docx", "lettre-intention.md"]);
    expect(outputs[1]).toEqual(outputs[0]);
  });
});

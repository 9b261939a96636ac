/**
 * The figures of the documents with the built tool: contours built by the build script from a
 * made-up france-geojson folder (test/territory/contours-fixture.ts), then `cpts generer` on the
 * Bergerac example, in DOCX, Markdown and PDF (LibreOffice); the same without contours; PDF
 * without LibreOffice; `--ouvrir`.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAP_COLOURS } from "../../src/render/map.js";
import { EXAMPLES, ROOT, runCli } from "../helpers.js";
import { writeFranceGeojsonFixture } from "../territory/contours-fixture.js";

const BERGERAC = join(EXAMPLES, "bergerac", "cpts.yaml");
const work = mkdtempSync(join(tmpdir(), "cpts-figures-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const flat = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, " ").trim();

/** The drawings of a DOCX: their descriptions (text alternatives) and titles, in order. */
function drawings(docx: string): { descr: string; title: string }[] {
  const xml = strFromU8(unzipSync(readFileSync(docx))["word/document.xml"]!);
  return [...xml.matchAll(/<wp:docPr [^>]*descr="([^"]*)" title="([^"]*)"/g)].map((m) => ({ descr: flat(m[1]!), title: flat(m[2]!) }));
}

/** The text of each page of a PDF. */
function pdfPages(pdf: string): string[] {
  return execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }).split("\f").slice(0, -1);
}

/** Page `page` (1-based) of a PDF as an image, 72 pixels per inch. */
function pdfPage(pdf: string, page: number): PNG {
  const prefix = join(dirname(pdf), `page-${page}`);
  execFileSync("pdftoppm", ["-png", "-r", "72", "-f", String(page), "-l", String(page), "-singlefile", pdf, prefix]);
  return PNG.sync.read(readFileSync(`${prefix}.png`));
}

/** Pixels within `tolerance` of `hex`, with their bounding box. */
function colourRegion(image: PNG, hex: string, tolerance = 24) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let count = 0;
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  for (let y = 0; y < image.height; y += 1) {
    for (let x = 0; x < image.width; x += 1) {
      const i = (y * image.width + x) * 4;
      if (Math.abs(image.data[i]! - r!) + Math.abs(image.data[i + 1]! - g!) + Math.abs(image.data[i + 2]! - b!) > tolerance) continue;
      count += 1;
      box[0] = Math.min(box[0]!, x);
      box[1] = Math.min(box[1]!, y);
      box[2] = Math.max(box[2]!, x);
      box[3] = Math.max(box[3]!, y);
    }
  }
  return { count, box };
}

function inkShare(image: PNG): number {
  let ink = 0;
  for (let i = 0; i < image.data.length; i += 4) if (image.data[i]! + image.data[i + 1]! + image.data[i + 2]! < 600) ink += 1;
  return ink / (image.width * image.height);
}

describe("documents with made-up contours built by the build script", () => {
  const contours = join(work, "contours");
  const out = join(work, "bergerac");
  let build: string;
  let generated: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    writeFranceGeojsonFixture(join(work, "france-geojson"));
    build = execFileSync(process.execPath, [join(ROOT, "dist", "build", "contours.js"), "--source", join(work, "france-geojson"), "--out", contours], { encoding: "utf8" });
    generated = await runCli(["generer", BERGERAC, "--sortie", out, "--format", "docx,md,pdf"], { env: { CPTS_CONTOURS_DIR: contours } });
  }, 300_000);

  it("builds the contours from the data folder it is pointed at", () => {
    expect(build).toMatch(/^Contours des communes écrits dans .*contours : 2 départements/);
    expect(existsSync(join(contours, "index.json"))).toBe(true);
    expect(generated.code, generated.stdout + generated.stderr).toBe(0);
    expect(generated.stderr).toBe("");
  });

  it("gives the diagnostic a chart per compared indicator, the densities, the population and the map, each with its text alternative", () => {
    const figures = drawings(join(out, "diagnostic.docx"));
    const charts = figures.filter((f) => f.descr.startsWith("Graphique en barres horizontales."));
    // Nine indicators, each with its references.
    expect(charts).toHaveLength(9);
    expect(charts[0]!.descr).toBe(
      "Graphique en barres horizontales. Part des 75 ans et plus dans la population (%). Territoire de la CPTS : 13,1 % ; Dordogne : 13,9 % ; " +
        "Nouvelle-Aquitaine : 11,7 % ; France : 9,3 %. Source : INSEE, recensement de la population, 2016 — donnée d’exemple.",
    );
    expect(charts[0]!.title).toBe("Part des 75 ans et plus dans la population (%)");
    expect(figures.filter((f) => f.descr.startsWith("Graphique en barres groupées.")).map((f) => f.title)).toEqual([
      "Population des communes du territoire (habitants)",
      "Densité des professionnels de santé (pour 10 000 habitants)",
    ]);
    const [map] = figures.filter((f) => f.descr.startsWith("Carte du territoire"));
    expect(map!.descr).toMatch(/^Carte du territoire : 38 communes \(Dordogne\), en couleur, entourées des communes voisines en gris ; communes nommées : Bergerac \(/);
    expect(map!.descr).toContain("Sources : IGN – ADMIN EXPRESS COG 2018, Licence Ouverte / Etalab");
    expect(readFileSync(join(out, "diagnostic.md"), "utf8")).toContain("![](figure:carte)");
  });

  it("puts the map in the lettre d’intention's annexes, and lists it", () => {
    const letter = flat(readFileSync(join(out, "lettre-intention.md"), "utf8"));
    expect(letter).toContain("- Annexe : carte du territoire");
    expect(letter).toContain("### Annexe — Carte du territoire ![](figure:carte)");
    expect(letter).not.toContain("à joindre");
    expect(drawings(join(out, "lettre-intention.docx")).filter((f) => f.descr.startsWith("Carte du territoire"))).toHaveLength(1);
  });

  it("writes PDFs with the title, the CPTS as author, the sommaire's page numbers and no blank page", () => {
    const pdf = join(out, "diagnostic.pdf");
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    expect(info).toMatch(/^Title:\s+Diagnostic territorial$/m);
    expect(info).toMatch(/^Author:\s+CPTS du Pôle de Santé de Bergerac$/m);
    const pages = pdfPages(pdf);
    const sommaire = flat(pages[1]!);
    for (const [title, page] of [...sommaire.matchAll(/(\d\. [^.]+?) ?\.{4,} ?(\d+)/g)].map((m) => [m[1]!, Number(m[2])] as const)) {
      expect(flat(pages[page - 1]!), `« ${title} » page ${page}`).toContain(title);
    }
    expect(sommaire).toMatch(/1\. Le territoire ?\.{4,} ?3/);
    for (let page = 1; page <= pages.length; page += 1) expect(inkShare(pdfPage(pdf, page)), `page ${page}`).toBeGreaterThan(0.004);
  });

  it("draws the map in the PDF over the whole territory", () => {
    const pdf = join(out, "diagnostic.pdf");
    const page = pdfPages(pdf).findIndex((text) => text.includes("Carte du territoire")) + 1;
    expect(page).toBeGreaterThan(0);
    const { count, box } = colourRegion(pdfPage(pdf, page), MAP_COLOURS.focus);
    const [width, height] = [box[2]! - box[0]! + 1, box[3]! - box[1]! + 1];
    // The territory fills 39 of the 8 × 6 cells of 0.05° × 0.04° of its block (38 communes, and
    // one merged since drawn with its commune nouvelle): a block about 1.2 times as wide as tall,
    // four fifths filled, less the white edges between communes and the names written over it.
    expect(width / height).toBeGreaterThan(1.05);
    expect(width / height).toBeLessThan(1.4);
    expect(width).toBeGreaterThan(250); // of the 453 px of the text width at 72 dpi
    expect(count / (width * height)).toBeGreaterThan(0.65);
    expect(count / (width * height)).toBeLessThan(39 / 48);
  });
});

describe("documents without contours", () => {
  const out = join(work, "sans-carte");
  const env = { CPTS_CONTOURS_DIR: join(work, "absents") };

  it("replace the map by a note, say so once, and ask for the map as a piece to attach", async () => {
    const r = await runCli(["generer", BERGERAC, "--sortie", out, "--format", "docx,md", "--document", "diagnostic", "--document", "lettre-intention"], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.match(/Carte du territoire non dessinée/g)).toHaveLength(1);
    expect(r.stderr).toContain("contours des communes absents");
    const letter = flat(readFileSync(join(out, "lettre-intention.md"), "utf8"));
    expect(letter).toContain("- Carte du territoire : à joindre");
    expect(letter).not.toContain("Annexe — Carte du territoire");
    const diagnostic = strFromU8(unzipSync(readFileSync(join(out, "diagnostic.docx")))["word/document.xml"]!);
    expect(flat(diagnostic)).toContain("La carte du territoire n’a pas pu être dessinée");
    expect(drawings(join(out, "diagnostic.docx")).some((f) => f.descr.startsWith("Carte"))).toBe(false);
    expect(drawings(join(out, "diagnostic.docx")).length).toBeGreaterThanOrEqual(11);
  });

  it("are announced by valider", async () => {
    const r = await runCli(["valider", BERGERAC], { env });
    expect(r.code).toBe(0);
    expect(flat(r.stdout)).toMatch(/Information \(1\) .*territoire : la carte du territoire ne pourra pas être dessinée dans les documents \(contours des communes absents/);
  });
});

describe("PDF export", () => {
  it("without LibreOffice, says how to install it, writes the other formats and exits with 69", async () => {
    const out = join(work, "sans-libreoffice");
    const r = await runCli(["generer", BERGERAC, "--sortie", out, "--format", "docx,pdf", "--document", "statuts"], {
      env: { PATH: join(work, "vide"), CPTS_SOFFICE: "" },
    });
    expect(r.code).toBe(69);
    expect(r.stdout).toContain("statuts.docx (créé)");
    expect(r.stdout).toContain("Statuts de l’association (PDF)\u00a0: non produit");
    expect(r.stderr).toContain("LibreOffice est introuvable");
    expect(r.stderr).toContain("sudo apt install libreoffice-writer");
    expect(r.stderr).toContain("brew install --cask libreoffice");
    expect(r.stderr).toContain("winget install TheDocumentFoundation.LibreOffice");
    expect(existsSync(join(out, "statuts.docx"))).toBe(true);
    expect(existsSync(join(out, "statuts.pdf"))).toBe(false);
  });

  it("alone: converts the DOCX without writing it, and reports the PDF in JSON", async () => {
    const out = join(work, "pdf-seul");
    const r = await runCli(["generer", BERGERAC, "--sortie", out, "--format", "pdf", "--document", "pv-ag-extraordinaire", "--json"], { env: { CPTS_CONTOURS_DIR: join(work, "absents") } });
    expect(r.code, r.stderr).toBe(0);
    const [entry] = JSON.parse(r.stdout).fichiers as { format: string; statut: string; fichier: string }[];
    expect(entry).toMatchObject({ format: "pdf", statut: "cree" });
    expect(existsSync(join(out, "pv-ag-extraordinaire.docx"))).toBe(false);
    expect(readFileSync(join(out, "pv-ag-extraordinaire.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
  });
});

describe("--ouvrir", () => {
  it("opens nothing without a desktop, and says where the documents are", async () => {
    const out = join(work, "ouvrir-ci");
    const r = await runCli(["generer", BERGERAC, "--sortie", out, "--format", "md", "--ouvrir"]);
    expect(r.code).toBe(0);
    expect(flat(r.stderr)).toContain("--ouvrir : rien n’est ouvert (exécution automatique (CI)) ; les documents sont dans");
  });

  it("opens the folder of the documents with the desktop's viewer", async () => {
    const bin = join(work, "bureau");
    mkdirSync(bin, { recursive: true });
    const log = join(work, "xdg-open.log");
    // Written aside then renamed: the log appears whole, never empty between its creation and the write.
    writeFileSync(join(bin, "xdg-open"), `#!/bin/sh\nprintf '%s\\n' "$@" > ${JSON.stringify(`${log}.tmp`)} && mv ${JSON.stringify(`${log}.tmp`)} ${JSON.stringify(log)}\n`);
    chmodSync(join(bin, "xdg-open"), 0o755);
    const out = join(work, "ouvrir");
    const r = await runCli(["generer", BERGERAC, "--sortie", out, "--format", "md", "--ouvrir"], {
      env: { CI: "", DISPLAY: ":0", PATH: `${bin}:${process.env.PATH}` },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("Ouvert");
    for (let i = 0; i < 50 && !existsSync(log); i += 1) await new Promise((done) => setTimeout(done, 100));
    expect(readFileSync(log, "utf8").trim()).toBe(out);
  });
});

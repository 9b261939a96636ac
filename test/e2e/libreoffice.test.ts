import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { EXAMPLES, runCli, tempDir } from "../helpers.js";

/**
 * Every document of every example opens in LibreOffice: each DOCX is converted headless to PDF
 * and its text is read back with pdftotext, page by page. `.ci/run` installs LibreOffice and
 * poppler when they are missing, so this test runs (and must pass) in CI.
 *
 * LibreOffice runs with a profile of its own in the test's temporary folder: two soffice
 * processes sharing a profile fail, and tests or developers may run one at the same time.
 */
const flat = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, " ").trim();

/** A4 in PDF points; the header and footer sit in the top and bottom 2,5 cm margins. */
const PAGE_WIDTH = 595;
const PAGE_HEIGHT = 842;
const MARGIN_CROP = 60;

interface Pdf {
  /** Text of each page, header and footer included. */
  pages: string[];
  /** Text of each page between the header and the footer. */
  bodies: string[];
}

/** example → document id → its PDF's text. */
const pdfs: Record<string, Record<string, Pdf>> = {};
/** example → document id → its Markdown twin (what the DOCX was made from). */
const markdowns: Record<string, Record<string, string>> = {};
const examples = readdirSync(EXAMPLES, { withFileTypes: true })
  .filter((e) => e.isDirectory() && readdirSync(join(EXAMPLES, e.name)).includes("cpts.yaml"))
  .map((e) => e.name)
  .sort();

/** pdftotext's pages (it ends each with a form feed). */
function pdfPages(pdf: string, crop: string[] = []): string[] {
  const text = execFileSync("pdftotext", [...crop, pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return text.split("\f").slice(0, -1);
}

beforeAll(async () => {
  const dir = tempDir();
  const all = join(dir, "docx");
  mkdirSync(all);
  for (const example of examples) {
    const out = join(dir, example);
    // Bergerac is complete; the other examples are half-way, so some documents need --brouillon.
    const args = ["generer", join(EXAMPLES, example, "cpts.yaml"), "--sortie", out, "--format", "docx,md", ...(example === "bergerac" ? [] : ["--brouillon"])];
    const r = await runCli(args);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    // One soffice run for every file: names carry the example, as all PDFs go to one folder.
    for (const f of readdirSync(out).filter((f) => f.endsWith(".docx"))) copyFileSync(join(out, f), join(all, `${example}--${f}`));
    for (const f of readdirSync(out).filter((f) => f.endsWith(".md"))) (markdowns[example] ??= {})[f.slice(0, -3)] = readFileSync(join(out, f), "utf8");
  }
  const files = readdirSync(all).sort();
  const profile = pathToFileURL(join(dir, "lo-profile")).href;
  execFileSync(
    "soffice",
    [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", join(dir, "pdf"), ...files.map((f) => join(all, f))],
    { stdio: "ignore", timeout: 420_000, env: { ...process.env, HOME: dir } },
  );
  const body = ["-x", "0", "-y", String(MARGIN_CROP), "-W", String(PAGE_WIDTH), "-H", String(PAGE_HEIGHT - 2 * MARGIN_CROP)];
  for (const f of files) {
    const [example, name] = f.replace(/\.docx$/, "").split("--") as [string, string];
    const pdf = join(dir, "pdf", f.replace(/\.docx$/, ".pdf"));
    (pdfs[example] ??= {})[name] = { pages: pdfPages(pdf), bodies: pdfPages(pdf, body) };
  }
}, 480_000);

const bergerac = (id: string) => flat(pdfs["bergerac"]![id]!.pages.join("\n"));

describe("the Bergerac documents in LibreOffice", () => {
  it("are all there and each names the CPTS or the association that carries it", () => {
    expect(Object.keys(pdfs["bergerac"] ?? {}).sort()).toEqual([
      "declaration",
      "diagnostic",
      "lettre-intention",
      "liste-dirigeants",
      "projet-sante",
      "pv-ag-extraordinaire",
      "pv-conseil-administration",
      "statuts",
    ]);
    // The pieces the préfecture registers name the association; the others the CPTS.
    for (const id of ["diagnostic", "lettre-intention", "projet-sante"]) expect(bergerac(id), id).toContain("CPTS du Pôle de Santé de Bergerac");
    for (const id of ["declaration", "liste-dirigeants", "pv-ag-extraordinaire", "pv-conseil-administration", "statuts"])
      expect(bergerac(id), id).toContain("Le Pôle de Santé de Bergerac");
  });

  it("state the territory computed from official data", () => {
    for (const id of ["lettre-intention", "projet-sante", "diagnostic"]) {
      expect(bergerac(id), id).toContain("38 communes");
      expect(bergerac(id), id).toContain("61 915 habitants");
    }
    expect(bergerac("lettre-intention")).toContain("ARS Nouvelle-Aquitaine");
    expect(bergerac("lettre-intention")).toContain("Délégation départementale de la Dordogne");
  });

  it("describe each socle mission in the projet de santé", () => {
    for (const label of ["Accès aux soins", "Parcours pluriprofessionnels autour du patient", "Prévention", "Réponse aux crises sanitaires graves"])
      expect(bergerac("projet-sante")).toContain(label);
  });

  it("give the statuts their articles and dates, the PVs their votes, the list its dirigeants without birth date", () => {
    for (const title of ["Dénomination", "Objet", "Siège", "Durée", "Cotisation", "Conseil d’administration", "Bureau", "Dissolution"])
      expect(bergerac("statuts")).toMatch(new RegExp(`Article \\d+ — [^\\n]*${title}`));
    expect(bergerac("statuts")).toContain("Statuts adoptés le 22 mai 2014, modifiés le 27 avril 2017");
    expect(bergerac("pv-ag-extraordinaire")).toMatch(/procès-verbal/i);
    expect(bergerac("pv-ag-extraordinaire")).toContain("adoptée à l’unanimité");
    expect(bergerac("pv-conseil-administration")).toContain("Présidente : Mme Élodie Castaing");
    expect(bergerac("liste-dirigeants")).toContain("CASTAING Élodie");
    expect(bergerac("liste-dirigeants")).not.toMatch(/née? le/i);
  });

  it("give the droit local direction its birth dates and the request its signatures", () => {
    const saverne = (id: string) => flat(pdfs["saverne"]![id]!.pages.join("\n"));
    expect(saverne("liste-dirigeants")).toContain("Née le 12 avril 1978 à Strasbourg (Bas-Rhin)");
    expect(saverne("demande-inscription")).toContain("Tribunal judiciaire de Saverne");
    expect(saverne("statuts")).toContain("« association inscrite »");
  });

  it("carry « Page X sur Y » in the footer of every page but the title page", () => {
    const { pages } = pdfs["bergerac"]!["projet-sante"]!;
    expect(flat(pages[0]!)).not.toMatch(/Page \d+ sur/);
    pages.slice(1).forEach((page, i) => expect(flat(page), `page ${i + 2}`).toContain(`Page ${i + 2} sur ${pages.length}`));
  });

  it("give every sommaire entry the page its heading stands on", () => {
    for (const id of ["projet-sante", "diagnostic"]) {
      const { pages } = pdfs["bergerac"]![id]!;
      const first = pages.findIndex((p) => flat(p).includes("Sommaire"));
      expect(first, id).toBeGreaterThanOrEqual(0);
      // Entries: « 1.2. Titre ........ 4 », the title possibly over two lines.
      const entries: { title: string; page: number; on: number }[] = [];
      let on = first;
      for (; on < pages.length; on++) {
        const text = flat(pages[on]!.replace(/^.*Sommaire/s, ""));
        const found = [...text.matchAll(/(\d+(?:\.\d+)*\. .+?) ?\.{4,} ?(\d+)(?= |$)/g)];
        if (found.length === 0) break;
        entries.push(...found.map((m) => ({ title: m[1]!, page: Number(m[2]), on })));
      }
      expect(entries.length, id).toBeGreaterThan(10);
      expect(entries[0]!.title, id).toMatch(/^1\. /);
      for (const entry of entries) {
        // The heading's page: the first page after the sommaire where its number and title stand.
        const at = pages.findIndex((p, i) => i >= on && flat(p).includes(entry.title));
        expect(at, `${id} : « ${entry.title} » introuvable après le sommaire`).toBeGreaterThanOrEqual(0);
        expect(entry.page, `${id} : « ${entry.title} »`).toBe(at + 1);
      }
    }
  });
});

describe("every generated document of every example in LibreOffice", () => {
  it("has text on every page (no blank page)", () => {
    expect(examples).toEqual(expect.arrayContaining(["bergerac", "chambery", "minimal"]));
    for (const example of examples) {
      const documents = Object.entries(pdfs[example] ?? {});
      expect(documents.length, example).toBeGreaterThan(0);
      for (const [id, { bodies }] of documents) {
        expect(bodies.length, `${example}/${id}`).toBeGreaterThan(0);
        const blank = bodies.flatMap((text, i) => (flat(text) === "" ? [i + 1] : []));
        expect(blank, `${example}/${id} : pages sans texte`).toEqual([]);
      }
    }
  });
});

/** Lines of text of a page, blank lines left out. */
const linesOf = (page: string) => page.split("\n").map(flat).filter((l) => l !== "");

/**
 * The headings of a Markdown document as the PDF prints them (escapes and emphasis gone), less
 * any that is also the text of a line that is not a heading (a signature « Les porteurs du
 * projet » may end a page).
 */
function headingsOf(markdown: string): string[] {
  const plain = (s: string) => flat(s.replace(/\\(.)/g, "$1").replace(/[*_]/g, "").replace(/<br>/g, ""));
  const lines = markdown.split("\n");
  const headings = lines.flatMap((l) => (/^#{1,6} /.test(l) ? [plain(l.replace(/^#+ /, ""))] : []));
  const others = new Set(lines.filter((l) => !/^#{1,6} /.test(l)).map(plain));
  return headings.filter((h) => !others.has(h));
}

describe("page breaks in LibreOffice", () => {
  it("never leave a heading as the last line of a page, in any document of any example", () => {
    const stranded: string[] = [];
    for (const example of examples) {
      for (const [id, { bodies }] of Object.entries(pdfs[example] ?? {})) {
        const headings = headingsOf(markdowns[example]![id]!);
        bodies.slice(0, -1).forEach((page, i) => {
          const last = linesOf(page).at(-1) ?? "";
          // A heading may wrap: its last line is then the end of the heading's text.
          if (last.length >= 6 && headings.some((h) => h.endsWith(last))) stranded.push(`${example}/${id} page ${i + 1} : « ${last} »`);
        });
      }
    }
    expect(stranded).toEqual([]);
  });

  it("keep « Titre II » and « Article 5 » of Bergerac's statuts with the article's first lines", () => {
    const { bodies } = pdfs["bergerac"]!["statuts"]!;
    const page = bodies.findIndex((p) => flat(p).includes("Titre II — Membres"));
    expect(page).toBeGreaterThan(0);
    expect(flat(bodies[page]!)).toContain("Article 5 — Membres et collèges L’association se compose des catégories de membres suivantes");
  });

  it("put « Fait à …, le … » and the signatures of every record on one page", () => {
    for (const example of examples) {
      for (const [id, { bodies }] of Object.entries(pdfs[example] ?? {})) {
        if (!/^(liste-dirigeants|statuts|pv-|declaration|demande-inscription)/.test(id)) continue;
        const place = bodies.findIndex((p) => /Fait à .*, le /.test(flat(p)));
        expect(place, `${example}/${id}`).toBeGreaterThanOrEqual(0);
        // The signatures are the last lines of the Markdown after « Fait à ».
        const markdown = markdowns[example]![id]!;
        const closing = markdown.slice(markdown.lastIndexOf("Fait à"));
        const signatures = closing.split("\n").filter((l) => /^[A-ZÉ][\p{L}.\\ ’-]+, [\p{L} ’-]+(<br>)*$/u.test(l));
        for (const line of signatures) {
          const name = flat(line.replace(/<br>/g, "").replace(/\\/g, ""));
          expect(flat(bodies[place]!), `${example}/${id} : « ${name} »`).toContain(name);
        }
        // Signatures set in a table under « Fait à » (the procès-verbaux) stand on its page too.
        const cells = closing
          .split("\n")
          .filter((l) => l.startsWith("|") && !/^\|[:\-| ]+\|$/.test(l))
          .flatMap((l) => l.split("|").map((c) => flat(c.replace(/<br>/g, " ").replace(/\\/g, ""))))
          .filter(Boolean)
          // The start of each cell: a long placeholder wraps inside its cell in the PDF.
          .map((c) => c.replace(/^\[\[/, "[").slice(0, 16).trim());
        for (const cell of cells) expect(flat(bodies[place]!), `${example}/${id} : « ${cell} »`).toContain(cell);
        // Never a page of signatures alone: some of the text they sign stands above « Fait à ».
        const above = flat(bodies[place]!).split("Fait à")[0]!.replace(/Page \d+ sur \d+/g, "").trim();
        expect(above.length, `${example}/${id} : texte au-dessus de « Fait à »`).toBeGreaterThan(40);
      }
    }
    expect(flat(pdfs["bergerac"]!["liste-dirigeants"]!.bodies.find((p) => p.includes("Fait à"))!)).toContain("Mme Élodie Castaing, présidente");
  });

  it("print each fiche-action table on one page, and break the long table of the communes with its header repeated", () => {
    for (const example of examples) {
      const { bodies } = pdfs[example]!["projet-sante"]!;
      const fiches = bodies.flatMap((p, i) => [...new Set(flat(p).match(/Fiche-action \d+\.\d+/g) ?? [])].map((f) => ({ f, i })));
      const pages = new Map<string, number[]>();
      for (const { f, i } of fiches) pages.set(f, [...(pages.get(f) ?? []), i + 1]);
      for (const [fiche, on] of pages) expect(on, `${example} : ${fiche}`).toHaveLength(1);
      if (example === "bergerac") expect(pages.size).toBeGreaterThanOrEqual(10);
    }
    const { bodies } = pdfs["bergerac"]!["projet-sante"]!;
    const withHeader = bodies.filter((p) => flat(p).includes("Code INSEE"));
    expect(withHeader.length).toBeGreaterThanOrEqual(2);
  });
});

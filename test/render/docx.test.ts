import { describe, expect, it } from "vitest";
import { blocksToDocx, type DocOptions } from "../../src/render/docx.js";
import { markdownToBlocks } from "../../src/render/markdown.js";
import { docxPart, docxParts } from "./support.js";

const REPORT: DocOptions = {
  title: "Projet de santé",
  subtitle: "Communauté professionnelle territoriale de santé",
  organisation: "CPTS du Bergeracois",
  date: "2026-03-01",
  titlePage: true,
  toc: true,
  headingNumbering: true,
};
const LETTER: DocOptions = { ...REPORT, title: "Lettre d’intention", titlePage: false, toc: false, headingNumbering: false };

async function xmlOf(markdown: string, options: DocOptions = REPORT, part?: string): Promise<string> {
  return docxPart(await blocksToDocx(markdownToBlocks(markdown), options), part);
}

/** The paragraphs of document.xml, each as its XML. */
function paragraphs(xml: string): string[] {
  return xml.match(/<w:p\b[\s\S]*?<\/w:p>/g) ?? [];
}

function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
}

describe("blocks → DOCX", () => {
  it("writes headings with Word heading styles and numbers 1., 1.1., 1.1.1.", async () => {
    const xml = await xmlOf("# Diagnostic\n\n## Population\n\n### Âge\n\n## Offre de soins\n\n# Missions");
    const headings = paragraphs(xml).filter((p) => /<w:pStyle w:val="Heading\d"\/>/.test(p));
    expect(headings.map((p) => [/Heading(\d)/.exec(p)?.[1], textOf(p)])).toEqual([
      ["1", "1. Diagnostic"],
      ["2", "1.1. Population"],
      ["3", "1.1.1. Âge"],
      ["2", "1.2. Offre de soins"],
      ["1", "2. Missions"],
    ]);
  });

  it("numbers from the shallowest heading level used, and not at all when asked", async () => {
    const numbered = await xmlOf("## Premier\n\n### Sous-partie\n\n## Second");
    expect(textOf(numbered)).toContain("1. Premier");
    expect(textOf(numbered)).toContain("1.1. Sous-partie");
    const plain = await xmlOf("# Titre", { ...REPORT, headingNumbering: false });
    expect(textOf(plain)).not.toContain("1. Titre");
  });

  it("fills the table of contents with links to bookmarks on the headings, without any field to update", async () => {
    const xml = await xmlOf("# Diagnostic\n\n## Population\n\n### Détail\n\n# Missions");
    const links = [...xml.matchAll(/<w:hyperlink [^>]*w:anchor="([^"]+)"[^>]*>([\s\S]*?)<\/w:hyperlink>/g)];
    expect(links.map((m) => [m[1], textOf(m[2]!)])).toEqual([
      ["_Toc1", "1. Diagnostic"],
      ["_Toc2", "1.1. Population"],
      ["_Toc3", "2. Missions"],
    ]);
    for (const name of ["_Toc1", "_Toc2", "_Toc3"]) expect(xml).toMatch(new RegExp(`<w:bookmarkStart w:name="${name}" w:id="\\d+"/>`));
    expect(textOf(xml)).toContain("Sommaire");
    expect(xml).not.toMatch(/TOC \\|w:fldChar|w:instrText/);
    expect(docxPart(await blocksToDocx([], REPORT), "word/settings.xml")).not.toContain("updateFields");
  });

  it("writes a title page with the organisation, the title and the date in French, without header or footer", async () => {
    const xml = await xmlOf("# Un", REPORT);
    const text = textOf(xml);
    expect(text.indexOf("CPTS du Bergeracois")).toBeLessThan(text.indexOf("Projet de santé"));
    expect(text).toContain("1er mars 2026");
    expect(xml).toContain("<w:titlePg/>");
    expect(xml).toMatch(/<w:headerReference w:type="first"/);
    expect(xml).toMatch(/<w:footerReference w:type="first"/);
  });

  it("puts the organisation in the header and « Page X sur Y » with PAGE and NUMPAGES fields in the footer", async () => {
    const docx = await blocksToDocx(markdownToBlocks("Texte"), LETTER);
    const headers = docxParts(docx).filter((p) => /^word\/header\d+\.xml$/.test(p)).map((p) => docxPart(docx, p));
    const footers = docxParts(docx).filter((p) => /^word\/footer\d+\.xml$/.test(p)).map((p) => docxPart(docx, p));
    expect(headers.some((h) => textOf(h) === "CPTS du Bergeracois")).toBe(true);
    const footer = footers.find((f) => f.includes("NUMPAGES"));
    expect(footer).toBeDefined();
    expect(textOf(footer!)).toMatch(/^Page\s*sur\s*$/);
    expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
    expect(docxPart(docx)).not.toContain("<w:titlePg/>");
  });

  it("declares A4 portrait and French as the language of the document", async () => {
    const docx = await blocksToDocx([], LETTER);
    expect(docxPart(docx)).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    const styles = docxPart(docx, "word/styles.xml");
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*<w:lang w:val="fr-FR"\/>[\s\S]*<\/w:docDefaults>/);
    expect(styles).toContain('w:ascii="Arial"');
  });

  it("writes bullet and ordered lists with numbering, each ordered list starting again", async () => {
    const docx = await blocksToDocx(markdownToBlocks("- a\n  - b\n\ntexte\n\n1. un\n2. deux\n\ntexte\n\n1. encore"), LETTER);
    const xml = docxPart(docx);
    const numbered = paragraphs(xml)
      .map((p) => ({ text: textOf(p), num: /<w:ilvl w:val="(\d)"\/><w:numId w:val="(\d+)"\/>/.exec(p) }))
      .filter((p) => p.num);
    expect(numbered.map((p) => [p.text, p.num![1]])).toEqual([
      ["a", "0"],
      ["b", "1"],
      ["un", "0"],
      ["deux", "0"],
      ["encore", "0"],
    ]);
    const numId = (text: string) => numbered.find((p) => p.text === text)!.num![2];
    expect(numId("a")).toBe(numId("b"));
    expect(numId("un")).toBe(numId("deux"));
    expect(numId("encore")).not.toBe(numId("un"));
    const numbering = docxPart(docx, "word/numbering.xml");
    expect(numbering).toContain('<w:numFmt w:val="bullet"/>');
    expect(numbering).toContain('<w:lvlText w:val="%1."/>');
  });

  it("starts an ordered list at the number the template wrote", async () => {
    const docx = await blocksToDocx(markdownToBlocks("3. trois\n4. quatre"), LETTER);
    const numbering = docxPart(docx, "word/numbering.xml");
    expect(numbering).toMatch(/<w:lvl w:ilvl="0"[^>]*><w:start w:val="3"\/>/);
  });

  it("writes tables full width, with a shaded bold header row repeated on each page, borders and column alignment", async () => {
    const xml = await xmlOf("| Poste | Montant |\n|:--|--:|\n| Coordination | 30 000 € |", LETTER);
    const table = /<w:tbl>[\s\S]*<\/w:tbl>/.exec(xml)?.[0] ?? "";
    expect(table).toMatch(/<w:tblW w:type="dxa" w:w="9070"\/>/);
    expect(table).toMatch(/<w:tblBorders>[\s\S]*<w:insideH w:val="single"/);
    const rows = table.match(/<w:tr\b[\s\S]*?<\/w:tr>/g) ?? [];
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/<w:tblHeader\/>/);
    expect(rows[0]).toMatch(/<w:shd [^>]*w:fill="DCE3EE"/);
    expect(rows[0]).toMatch(/<w:b\/>/);
    expect(rows[1]).not.toMatch(/<w:shd /);
    const cells = rows[1]!.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? [];
    expect(cells[0]).not.toMatch(/<w:jc /); // left: the paragraph default, which the table style keeps
    const styles = await xmlOf("| a |\n|:--|\n| b |", LETTER, "word/styles.xml");
    for (const id of ["Normal", "TexteTableau"]) expect(new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles)?.[0]).not.toMatch(/<w:jc /);
    expect(cells[1]).toMatch(/<w:jc w:val="right"\/>/);
  });

  it("keeps the spaces between runs: xml:space=preserve on every text that starts or ends with one", async () => {
    const xml = await xmlOf("Le **bureau** se réunit", LETTER);
    const texts = [...xml.matchAll(/<w:t( xml:space="preserve")?>([^<]*)<\/w:t>/g)].map((m) => [m[2], Boolean(m[1])]);
    expect(texts).toEqual([
      ["Le ", true],
      ["bureau", false],
      [" se réunit", true],
    ]);
  });

  it("writes a page break as w:br of type page", async () => {
    const xml = await xmlOf("avant\n\n<!-- saut-de-page -->\n\naprès", LETTER);
    expect(xml).toContain('<w:br w:type="page"/>');
  });

  it("highlights placeholders in yellow and bold", async () => {
    const xml = await xmlOf("Président : [[À COMPLÉTER : nom du président]]", LETTER);
    const run = /<w:r>(?:(?!<\/w:r>)[\s\S])*À\u00A0COMPLÉTER\u00A0: nom du président\]<\/w:t><\/w:r>/.exec(xml)?.[0] ?? "";
    expect(run).toContain('<w:highlight w:val="yellow"/>');
    expect(run).toContain("<w:b/>");
  });

  it("places a right block of a letter on the right half of the page", async () => {
    const xml = await xmlOf("<!-- droite -->\nFait à Bergerac, le 1er mars 2026\n<!-- /droite -->\n\nCorps", LETTER);
    const [right, body] = paragraphs(xml);
    expect(right).toMatch(/<w:ind w:left="4535"\/>/);
    expect(body).not.toMatch(/<w:ind /);
  });

  it("writes quotes with the Citation style, rules as a bottom border, links to the web as hyperlinks", async () => {
    const docx = await blocksToDocx(markdownToBlocks("> cité\n\n---\n\n[ARS](https://www.ars.sante.fr)"), LETTER);
    const xml = docxPart(docx);
    expect(xml).toContain('<w:pStyle w:val="Citation"/>');
    expect(xml).toMatch(/<w:pBdr><w:bottom w:val="single"/);
    const link = /<w:hyperlink [^>]*r:id="(rId[^"]+)"/.exec(xml);
    expect(link?.[1]).toBe("rIdR1");
    expect(docxPart(docx, "word/_rels/document.xml.rels")).toContain('Id="rIdR1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.ars.sante.fr" TargetMode="External"');
  });
});

describe("DOCX package", () => {
  const FULL = "# Titre\n\nTexte [ARS](https://www.ars.sante.fr) & \\<suite\\>.\n\n1. un\n\n- a\n\n| A | B |\n|--|--|\n| 1 | 2 |";

  it("declares a content type for every part and finds every part a relationship points to", async () => {
    for (const options of [REPORT, LETTER, { ...LETTER, header: false, footer: false }]) {
      const docx = await blocksToDocx(markdownToBlocks(FULL), options);
      const parts = docxParts(docx);
      const types = docxPart(docx, "[Content_Types].xml");
      for (const part of parts.filter((p) => p.endsWith(".xml") && p !== "[Content_Types].xml")) {
        expect(types, part).toContain(`PartName="/${part}"`);
      }
      for (const rels of parts.filter((p) => p.endsWith(".rels"))) {
        const base = rels.replace(/_rels\/[^/]*$/, "");
        for (const [, target, mode] of docxPart(docx, rels).matchAll(/Target="([^"]+)"( TargetMode="External")?/g)) {
          if (!mode) expect(parts, `${rels} → ${target}`).toContain(base + target!);
        }
      }
      // Every r:id the body uses is declared.
      const declared = [...docxPart(docx, "word/_rels/document.xml.rels").matchAll(/Id="([^"]+)"/g)].map((m) => m[1]);
      for (const [, id] of docxPart(docx).matchAll(/r:id="([^"]+)"/g)) expect(declared).toContain(id);
    }
  });

  it("escapes text for XML and drops characters XML cannot hold", async () => {
    const docx = await blocksToDocx([{ type: "paragraph", runs: [{ type: "text", text: 'A & B <C> "D"\u0007 fin' }] }], LETTER);
    const xml = docxPart(docx);
    expect(xml).toContain("A &amp; B &lt;C&gt; &quot;D&quot; fin");
    expect(xml).not.toContain("\u0007");
  });

  it("titles the document and dates it from the options, never from the clock", async () => {
    const core = docxPart(await blocksToDocx([], REPORT), "docProps/core.xml");
    expect(core).toContain("<dc:title>Projet de santé</dc:title>");
    expect(core).toContain("<dc:creator>CPTS du Bergeracois</dc:creator>");
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-03-01T00:00:00Z</dcterms:created>');
  });
});

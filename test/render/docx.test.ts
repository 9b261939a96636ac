import { describe, expect, it } from "vitest";
import { blocksToDocx, type DocOptions } from "../../src/render/docx.js";
import { markdownToBlocks, type ImageBlock } from "../../src/render/markdown.js";
import { unzipSync } from "fflate";
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

  it("fills the sommaire with links to bookmarks on the headings, each with a dotted tab and a PAGEREF field to its heading", async () => {
    const docx = await blocksToDocx(markdownToBlocks("# Diagnostic\n\n## Population\n\n### Détail\n\n# Missions"), REPORT);
    const xml = docxPart(docx);
    const entries = paragraphs(xml).filter((p) => /<w:pStyle w:val="Sommaire[12]"\/>/.test(p));
    expect(
      entries.map((p) => [
        /w:anchor="([^"]+)"/.exec(p)?.[1],
        textOf(p),
        /<w:instrText[^>]*>\s*PAGEREF (\S+)\s*<\/w:instrText>/.exec(p)?.[1],
      ]),
    ).toEqual([
      ["_Toc1", "1. Diagnostic", "_Toc1"],
      ["_Toc2", "1.1. Population", "_Toc2"],
      ["_Toc3", "2. Missions", "_Toc3"],
    ]);
    for (const entry of entries) {
      expect(entry).toMatch(/<w:tabs><w:tab w:val="right" w:pos="9070" w:leader="dot"\/><\/w:tabs>/);
      expect(entry).toMatch(/<w:tab\/>[\s\S]*PAGEREF/);
    }
    // Each bookmark surrounds the heading with the entry's number and text.
    for (const [name, text] of [["_Toc1", "1. Diagnostic"], ["_Toc2", "1.1. Population"], ["_Toc3", "2. Missions"]]) {
      const heading = paragraphs(xml).find((p) => p.includes(`<w:bookmarkStart w:name="${name}"`) && /Heading\d/.test(p));
      expect(textOf(heading ?? ""), name).toBe(text);
    }
    expect(textOf(xml)).toContain("Sommaire");
    // Word fills the page numbers when it opens the file.
    expect(docxPart(docx, "word/settings.xml")).toMatch(/<w:updateFields\/>/);
    expect(docxPart(await blocksToDocx([], LETTER), "word/settings.xml")).not.toContain("updateFields");
  });

  it("writes a title page with the organisation, the title and the date in French, without header or footer", async () => {
    const xml = await xmlOf("# Un", REPORT);
    const text = textOf(xml);
    expect(text.indexOf("CPTS du Bergeracois")).toBeLessThan(text.indexOf("Projet de santé"));
    expect(text).toContain("1er\u00a0mars 2026");
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
    const texts = [...xml.matchAll(/<w:t( xml:space="preserve")?>([^<]*)<\/w:t>/g)].map((m) => ({ text: m[2], preserved: Boolean(m[1]) }));
    expect(texts.map((t) => t.text)).toEqual(["Le ", "bureau", " se réunit"]);
    for (const t of texts.filter((t) => /^\s|\s$/.test(t.text!))) expect(t.preserved, t.text).toBe(true);
  });

  it("starts the paragraph after a page break on a new page, with no paragraph left holding the break", async () => {
    const xml = await xmlOf("avant\n\n<!-- saut-de-page -->\n\n### après\n\ntexte", LETTER);
    const [before, after, text] = paragraphs(xml);
    expect(textOf(before!)).toBe("avant");
    expect(textOf(after!)).toBe("après");
    expect(after).toContain("<w:pageBreakBefore/>");
    expect(before).not.toContain("<w:pageBreakBefore/>");
    expect(text).not.toContain("<w:pageBreakBefore/>");
    expect(xml).not.toContain('<w:br w:type="page"/>');
  });

  it("adds no page for a break with nothing after it, and one page for two breaks in a row", async () => {
    const trailing = await xmlOf("fin\n\n<!-- saut-de-page -->", LETTER);
    expect(paragraphs(trailing).map(textOf)).toEqual(["fin"]);
    expect(trailing).not.toContain("pageBreakBefore");
    const twice = await xmlOf("a\n\n<!-- saut-de-page -->\n\n<!-- saut-de-page -->\n\nb", LETTER);
    expect(twice.match(/<w:pageBreakBefore\/>/g)).toHaveLength(1);
  });

  it("starts the title page, the sommaire and the body each on their own page", async () => {
    const xml = await xmlOf("# Un\n\nTexte", REPORT);
    const starts = paragraphs(xml).filter((p) => p.includes("<w:pageBreakBefore/>")).map(textOf);
    expect(starts).toEqual(["Sommaire", "1. Un"]);
    const letter = await xmlOf("# Un\n\nTexte", { ...REPORT, toc: false });
    expect(paragraphs(letter).filter((p) => p.includes("<w:pageBreakBefore/>")).map(textOf)).toEqual(["1. Un"]);
  });

  it("puts a page break before a table on an empty paragraph, as a table cannot start a page itself", async () => {
    const xml = await xmlOf("a\n\n<!-- saut-de-page -->\n\n| A |\n|--|\n| 1 |", LETTER);
    expect(xml).toMatch(/<w:p><w:pPr><w:pageBreakBefore\/>[^]*?<\/w:p><w:tbl>/);
  });

  it("highlights placeholders in yellow and bold", async () => {
    const xml = await xmlOf("Président : [[À COMPLÉTER : nom du président]]", LETTER);
    const run = /<w:r>(?:(?!<\/w:r>)[\s\S])*À\u00A0COMPLÉTER\u00A0: nom du président\]<\/w:t><\/w:r>/.exec(xml)?.[0] ?? "";
    expect(run).toContain('<w:highlight w:val="yellow"/>');
    expect(run).toContain("<w:b/>");
  });

  it("places a right block of a letter on the right half of the page", async () => {
    const xml = await xmlOf("<!-- droite -->\nFait à Bergerac, le 1er\u00a0mars 2026\n<!-- /droite -->\n\nCorps", LETTER);
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

/** A PNG of 2 × 1 pixels (one red, one blue): the smallest image a test can check is embedded as is. */
const TINY_PNG = Uint8Array.from(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAD0lEQVR4nGP4z8DAwPAfAAcAAf9+CLHQAAAAAElFTkSuQmCC", "base64"),
);

describe("short lists", () => {
  const list = (n: number, nested = false) =>
    markdownToBlocks(`**Pièces jointes :**\n\n${Array.from({ length: n }, (_, i) => `- pièce ${i + 1}${nested && i === 0 ? "\n  - détail" : ""}`).join("\n")}\n\nFin.`);

  it("keeps a short list on one page with the paragraph that introduces it", async () => {
    const [lead, ...items] = paragraphs(docxPart(await blocksToDocx(list(3), LETTER)));
    expect(lead).toContain("<w:keepNext/>");
    expect(items.slice(0, 2).every((p) => p.includes("<w:keepNext/>"))).toBe(true);
    expect(items[2]).not.toContain("<w:keepNext/>");
    expect(items[3]).not.toContain("<w:keepNext/>");
  });

  it("lets a long list, a list with sub-items, or one after a plain sentence break across pages", async () => {
    for (const blocks of [list(9), list(3, true), markdownToBlocks("Une phrase.\n\n- a\n- b")]) {
      expect(docxPart(await blocksToDocx(blocks, LETTER))).not.toContain("<w:keepNext/>");
    }
  });
});

describe("images", () => {
  const image = (extra: Partial<ImageBlock> = {}): ImageBlock => ({
    type: "image",
    png: TINY_PNG,
    width: 200,
    height: 100,
    alt: "Carte des communes du territoire",
    ...extra,
  });

  it("embeds the PNG as is, at its size, with its alternative text as the drawing's description and title", async () => {
    const docx = await blocksToDocx([{ type: "paragraph", runs: [{ type: "text", text: "Avant" }] }, image()], LETTER);
    const media = docxParts(docx).filter((p) => p.startsWith("word/media/"));
    expect(media).toHaveLength(1);
    expect(Buffer.from(unzipSync(docx)[media[0]!]!).equals(Buffer.from(TINY_PNG))).toBe(true);
    expect(docxPart(docx, "[Content_Types].xml")).toMatch(/Extension="png"|PartName="\/word\/media\/[^"]+\.png"/);
    const xml = docxPart(docx);
    const docPr = /<wp:docPr [^>]*\/>/.exec(xml)?.[0] ?? "";
    expect(docPr).toContain('id="1"');
    expect(docPr).toContain('descr="Carte des communes du territoire"');
    expect(docPr).toContain('title="Carte des communes du territoire"');
    // 200 × 100 px at 96 px to the inch, in EMU (914 400 to the inch).
    expect(xml).toContain('<wp:extent cx="1905000" cy="952500"/>');
    // The image's relationship points at the embedded file.
    const embed = /<a:blip r:embed="([^"]+)"/.exec(xml)?.[1];
    const rels = docxPart(docx, "word/_rels/document.xml.rels");
    expect(rels).toContain(`Id="${embed}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="${media[0]!.slice("word/".length)}"`);
  });

  it("prints the caption above the image, kept on the same page, and makes it the drawing's title", async () => {
    const xml = docxPart(await blocksToDocx([image({ caption: "Figure 1 : les communes" })], LETTER));
    const [caption, picture] = paragraphs(xml);
    expect(caption).toContain("<w:keepNext/>");
    expect(picture).toContain("<w:drawing>");
    expect(caption).toContain('<w:pStyle w:val="Caption"/>');
    expect(textOf(caption!)).toBe("Figure 1\u00A0: les communes");
    expect(/<wp:docPr [^>]*\/>/.exec(xml)?.[0]).toContain('title="Figure 1\u00A0: les communes"');
  });

  it("draws an image wider than the text at the text's width, same proportions", async () => {
    const xml = docxPart(await blocksToDocx([image({ width: 1200, height: 600 })], LETTER));
    // Text width: 9 070 twips = 6.2986 in = 604 px → 5 753 100 EMU wide, 302 px high.
    expect(xml).toContain('<wp:extent cx="5753100" cy="2876550"/>');
  });

  it("numbers drawings from 1 in each document, whatever the process built before", async () => {
    const blocks = [image(), image({ alt: "Pyramide des âges" })];
    const first = await blocksToDocx(blocks, LETTER);
    const second = await blocksToDocx(blocks, LETTER);
    const ids = (docx: Uint8Array) => [...docxPart(docx).matchAll(/<wp:docPr id="(\d+)"/g)].map((m) => m[1]);
    expect(ids(first)).toEqual(["1", "2"]);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
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
    expect(core).toContain("<cp:lastModifiedBy>CPTS du Bergeracois</cp:lastModifiedBy>");
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-03-01T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-03-01T00:00:00Z</dcterms:modified>');
    expect(core).toContain("<dc:language>fr-FR</dc:language>");
  });
});

describe("pages that LibreOffice and Word break well", () => {
  it("keeps the closing lines together, with the last lines of the text they sign: « Fait à …, le … », a lead-in, the signatures, each unsplit", async () => {
    const xml = await xmlOf(
      [
        "Avant-dernier paragraphe du corps.",
        "Dernier paragraphe du corps.",
        "<!-- droite -->\nFait à Bergerac, le 1er\u00a0mars 2026\n<!-- /droite -->",
        "Signatures des membres du bureau :",
        "<!-- droite -->\nMme Élodie Castaing, présidente<br><br>\n\nM. Sébastien Laborie, secrétaire<br><br>\n<!-- /droite -->",
      ].join("\n\n"),
      LETTER,
    );
    const [before, body, place, lead, first, last] = paragraphs(xml);
    expect(before).not.toContain("<w:keepNext/>");
    // Signatures never stand alone on a page: the last paragraph signed goes with them.
    for (const p of [body, place, lead, first]) expect(p).toContain("<w:keepNext/>");
    expect(last).not.toContain("<w:keepNext/>");
    for (const p of [place, first, last]) expect(p).toContain("<w:keepLines/>");
  });

  it("takes the last item of a list, whole, to the page of the signatures that close it", async () => {
    const items = Array.from({ length: 12 }, (_, i) => `${i + 1}. Membre ${i + 1}<br>Domicile : ${i + 1} rue du Port`).join("\n");
    const xml = await xmlOf(`${items}\n\n<!-- droite -->\nFait à Bergerac, le 1er\u00a0mars 2026\n<!-- /droite -->`, LETTER);
    const all = paragraphs(xml);
    const last = all.findIndex((p) => p.includes("Membre 12"));
    expect(all[last]).toContain("<w:keepNext/>");
    expect(all[last]).toContain("<w:keepLines/>");
    expect(all[last - 1]).not.toContain("<w:keepNext/>");
  });

  it("keeps « Fait à … » with the table of signatures under it", async () => {
    const xml = await xmlOf(
      "Dernier paragraphe.\n\n<!-- droite -->\nFait à Bergerac, le 1er\u00a0mars 2026\n<!-- /droite -->\n\n| Le président de séance | La secrétaire de séance |\n|:--|:--|\n| Dr Pierre Delmas | Mme Claire Vergnaud |",
      LETTER,
    );
    const place = paragraphs(xml).find((p) => p.includes("Fait à"))!;
    expect(place).toContain("<w:keepNext/>");
  });

  it("keeps a table that fits easily on a page whole: every row but the last keeps with the next", async () => {
    const rows = Array.from({ length: 8 }, (_, i) => `| Ligne ${i + 1} | ${"texte ".repeat(20)} |`).join("\n");
    const xml = await xmlOf(`| Rubrique | Contenu |\n|:--|:--|\n${rows}`, LETTER);
    const tableRows = xml.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
    expect(tableRows).toHaveLength(9);
    for (const row of tableRows) expect(row).toContain("<w:cantSplit/>");
    for (const row of tableRows.slice(0, -1)) expect(row.match(/<w:keepNext\/>/g)).toHaveLength(2);
    expect(tableRows.at(-1)).not.toContain("<w:keepNext/>");
  });

  it("lets a long table break between rows, its header row repeated and kept with the first row", async () => {
    const rows = Array.from({ length: 60 }, (_, i) => `| Commune ${i + 1} | ${1000 + i} |`).join("\n");
    const xml = await xmlOf(`| Commune | Population |\n|:--|--:|\n${rows}`, LETTER);
    const [header, ...body] = xml.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
    expect(header).toContain("<w:tblHeader/>");
    expect(header).toContain("<w:keepNext/>");
    for (const row of body) expect(row).not.toContain("<w:keepNext/>");
  });

  it("puts hidden empty paragraphs before a heading LibreOffice's provisional pages would leave at a page's foot", async () => {
    // 19 paragraphs, then a heading: the 20th frame, the last of LibreOffice's first provisional page.
    const markdown = [...Array.from({ length: 19 }, (_, i) => `Paragraphe ${i + 1}.`), "## Titre", "Suite.", ...Array.from({ length: 90 }, () => "Fin.")];
    const all = paragraphs(await xmlOf(markdown.join("\n\n"), LETTER));
    const hidden = all.filter((p) => p.includes("<w:vanish/>"));
    expect(hidden).toHaveLength(1);
    expect(textOf(hidden[0]!)).toBe("");
    expect(textOf(all[all.indexOf(hidden[0]!) + 1]!)).toBe("Titre");
    // Under 100 paragraphs LibreOffice lays out without guessing: nothing is added.
    const short = paragraphs(await xmlOf(markdown.slice(0, 60).join("\n\n"), LETTER));
    expect(short.some((p) => p.includes("<w:vanish/>"))).toBe(false);
  });
});

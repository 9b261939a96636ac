import { describe, expect, it } from "vitest";
import { listPlaceholders, markdownToBlocks, MarkdownError } from "../../src/render/markdown.js";
import { placeholderMarkdown } from "../../src/render/placeholders.js";

const NNBSP = "\u202F";
const NBSP = "\u00A0";

describe("Markdown → blocks", () => {
  it("reads headings of levels 1 to 4 with their inline marks", () => {
    expect(markdownToBlocks("# Un *titre*\n\n#### Quatre")).toEqual([
      { type: "heading", level: 1, runs: [{ type: "text", text: "Un " }, { type: "text", text: "titre", italic: true }] },
      { type: "heading", level: 4, runs: [{ type: "text", text: "Quatre" }] },
    ]);
  });

  it("reads paragraphs with bold, italic, strike, code as plain text, hard breaks and links", () => {
    const [p] = markdownToBlocks("**gras** *ital* ~~barré~~ `code`\\\nsuite [ARS](https://www.ars.sante.fr)");
    expect(p).toEqual({
      type: "paragraph",
      runs: [
        { type: "text", text: "gras", bold: true },
        { type: "text", text: " " },
        { type: "text", text: "ital", italic: true },
        { type: "text", text: " " },
        { type: "text", text: "barré", strike: true },
        { type: "text", text: " " },
        { type: "text", text: "code", code: true },
        { type: "break" },
        { type: "text", text: "suite " },
        { type: "link", href: "https://www.ars.sante.fr", runs: [{ type: "text", text: "ARS" }] },
      ],
    });
  });

  it("applies French typography to text but not to code or link targets", () => {
    const [p] = markdownToBlocks("Objet: **Attention**! `a:b` [l'ARS](https://x.fr/?a=1)");
    expect(p).toMatchObject({
      runs: [
        { text: `Objet${NBSP}: ` },
        { text: "Attention", bold: true },
        { text: `${NNBSP}! ` },
        { text: "a:b", code: true },
        { text: " " },
        { type: "link", href: "https://x.fr/?a=1", runs: [{ text: "l’ARS" }] },
      ],
    });
  });

  it("reads nested bullet and ordered lists, with their first number and task boxes", () => {
    const blocks = markdownToBlocks("3. trois\n   - sous-point\n4. quatre\n\n- [x] fait\n- [ ] à faire");
    expect(blocks).toEqual([
      {
        type: "list",
        ordered: true,
        start: 3,
        items: [
          {
            blocks: [
              { type: "paragraph", runs: [{ type: "text", text: "trois" }] },
              { type: "list", ordered: false, start: 1, items: [{ blocks: [{ type: "paragraph", runs: [{ type: "text", text: "sous-point" }] }] }] },
            ],
          },
          { blocks: [{ type: "paragraph", runs: [{ type: "text", text: "quatre" }] }] },
        ],
      },
      {
        type: "list",
        ordered: false,
        start: 1,
        items: [
          { checked: true, blocks: [{ type: "paragraph", runs: [{ type: "text", text: "fait" }] }] },
          { checked: false, blocks: [{ type: "paragraph", runs: [{ type: "text", text: "à faire" }] }] },
        ],
      },
    ]);
  });

  it("reads tables with header, rows and column alignment; an escaped | stays in its cell", () => {
    const [t] = markdownToBlocks("| A | B \\| c | C |\n|:--|--:|:-:|\n| 1 | 2 |");
    expect(t).toEqual({
      type: "table",
      align: ["left", "right", "center"],
      header: [[{ type: "text", text: "A" }], [{ type: "text", text: "B | c" }], [{ type: "text", text: "C" }]],
      rows: [[[{ type: "text", text: "1" }], [{ type: "text", text: "2" }], []]],
    });
  });

  it("reads page breaks, rules, quotes and right-aligned or centred blocks", () => {
    const md = [
      "<!-- saut-de-page -->",
      "---",
      "> cité",
      "<!-- droite -->",
      "Fait à Bergerac",
      "<!-- /droite -->",
      "",
      "<!-- centre -->",
      "## Centré",
      "<!-- /centre -->",
      "",
      "Normal",
    ].join("\n");
    expect(markdownToBlocks(md)).toEqual([
      { type: "pageBreak" },
      { type: "hr" },
      { type: "blockquote", blocks: [{ type: "paragraph", runs: [{ type: "text", text: "cité" }] }] },
      { type: "paragraph", align: "right", runs: [{ type: "text", text: "Fait à Bergerac" }] },
      { type: "heading", level: 2, align: "center", runs: [{ type: "text", text: "Centré" }] },
      { type: "paragraph", runs: [{ type: "text", text: "Normal" }] },
    ]);
  });

  it("refuses what the document cannot show, naming it in French with the Markdown line", () => {
    const cases: [string, RegExp][] = [
      ["texte\n\n```\ncode\n```", /ligne 3 du Markdown : élément Markdown non pris en charge : bloc de code \(code\)/],
      ["![logo](logo.png)", /image/],
      ["<div>bloc</div>", /HTML non pris en charge : « <div>bloc<\/div> »/],
      ["a <span>b</span>", /HTML non pris en charge dans le texte/],
      ["##### cinq", /titre de niveau 5 non pris en charge/],
      ["[x]: https://exemple.fr", /définition de lien/],
      ["<!-- droite -->\ntexte", /n’est jamais fermé/],
      ["<!-- /droite -->", /ferme un bloc qui n’a pas été ouvert/],
      ["<!-- droite -->\n- liste\n<!-- /droite -->", /une liste ne peut pas être alignée/],
      ["<!-- saut-de-pag -->", /Directives possibles/],
    ];
    for (const [md, message] of cases) {
      expect(() => markdownToBlocks(md), md).toThrow(MarkdownError);
      expect(() => markdownToBlocks(md), md).toThrow(message);
    }
  });
});

describe("placeholders", () => {
  it("reads the placeholder form as a placeholder run", () => {
    const [p] = markdownToBlocks(`Date : ${placeholderMarkdown("date de l'assemblée")}.`);
    expect(p).toMatchObject({
      runs: [{ text: `Date${NBSP}: ` }, { type: "placeholder", label: "date de l’assemblée" }, { text: "." }],
    });
  });

  it("keeps ] and | inside a label, also in a table cell", () => {
    const md = `${placeholderMarkdown("a ] b | c")}\n\n| x |\n|---|\n| ${placeholderMarkdown("d | e")} |`;
    expect(listPlaceholders(md)).toEqual(["a ] b | c", "d | e"]);
  });

  it("lists the placeholders of a document in order, each once, wherever they are", () => {
    const md = [
      `# Titre ${placeholderMarkdown("nom de la CPTS")}`,
      `- ${placeholderMarkdown("président")}`,
      `> ${placeholderMarkdown("citation")}`,
      "",
      `| a |\n|---|\n| ${placeholderMarkdown("montant")} |`,
      "",
      `Encore ${placeholderMarkdown("nom de la CPTS")}`,
      "Texte \\[\\[À COMPLÉTER : pas un vrai\\]\\]",
    ].join("\n");
    expect(listPlaceholders(md)).toEqual(["nom de la CPTS", "président", "citation", "montant"]);
  });
});

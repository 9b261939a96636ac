import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mdEscape, mdEscapeCell, normalizeAnswer } from "../../src/render/escape.js";
import { markdownToBlocks, type Block, type InlineRun } from "../../src/render/markdown.js";
import { createTemplateEnv } from "../../src/render/templates.js";
import { frenchTypography } from "../../src/french/index.js";

const env = createTemplateEnv([]);

function render(template: string, model: unknown): Block[] {
  return markdownToBlocks(env.renderSource({ source: template, file: "essai.md.hbs" }, model));
}

/** The text a reader sees in runs: breaks as newlines. */
function textOf(runs: readonly InlineRun[]): string {
  return runs
    .map((r) => (r.type === "text" ? r.text : r.type === "break" ? "\n" : r.type === "link" ? textOf(r.runs) : `[${r.label}]`))
    .join("");
}

function onlyParagraph(blocks: Block[]): string {
  expect(blocks).toHaveLength(1);
  const [block] = blocks;
  if (block?.type !== "paragraph") throw new Error(`paragraphe attendu, obtenu ${block?.type}`);
  return textOf(block.runs);
}

function onlyCell(blocks: Block[]): string {
  const [block] = blocks;
  if (block?.type !== "table") throw new Error(`tableau attendu, obtenu ${block?.type}`);
  expect(block.rows).toHaveLength(1);
  return textOf(block.rows[0]![1]!);
}

const HOSTILE = [
  "Texte *avec* des étoiles",
  "# pas un titre",
  "- pas une liste",
  "1984. Une année",
  "| a | b |",
  "_souligné_ et __gras__",
  "{{y}} et {{{z}}}",
  "<b>gras</b> <script>alert(1)</script>",
  "[lien](https://exemple.fr) ![image](x.png)",
  "&eacute; &amp;",
  "`code` ~~barré~~",
  "> pas une citation",
  "[[À COMPLÉTER : faux]]",
  "<!-- saut-de-page -->",
  "ligne 1\nligne 2\n\nligne 4",
  "  espaces autour  \n  et encore  ",
  "fin avec barre oblique inverse \\",
  "---",
  "===",
];

describe("Markdown escaping of answers", () => {
  it("escapes every ASCII punctuation character and turns newlines into hard breaks", () => {
    expect(mdEscape("a*b_c")).toBe("a\\*b\\_c");
    expect(mdEscape("ligne 1\r\nligne 2 ")).toBe("ligne 1\\\nligne 2");
    expect(mdEscapeCell("a | b\nc")).toBe("a \\| b c");
  });

  it.each(HOSTILE)("shows %j literally in a paragraph", (answer) => {
    const text = onlyParagraph(render("Réponse : {{v}}", { v: answer }));
    expect(text).toBe(frenchTypography(`Réponse : ${normalizeAnswer(answer)}`));
  });

  it.each(HOSTILE)("shows %j literally, on one line, in a table cell", (answer) => {
    const blocks = render("| Question | Réponse |\n|---|---|\n| Q | {{cellule v}} |", { v: answer });
    const expected = normalizeAnswer(answer).split("\n").filter((l) => l !== "").join(" ");
    expect(onlyCell(blocks)).toBe(frenchTypography(expected));
  });

  it("never evaluates an answer as a template", () => {
    expect(env.renderSource({ source: "{{v}}", file: "x.md.hbs" }, { v: "{{secret}}", secret: "NON" })).toBe("\\{\\{secret\\}\\}");
  });

  it("leaves {{{x}}} raw for Markdown built by the template", () => {
    const blocks = render("{{{v}}}", { v: "**gras**" });
    expect(blocks[0]).toMatchObject({ type: "paragraph", runs: [{ type: "text", text: "gras", bold: true }] });
  });

  const printable = fc
    .array(
      fc.oneof(
        fc.string({ unit: "grapheme-ascii", maxLength: 6 }),
        fc.constantFrom("\n", "\r\n", "  ", "é", "«", "»", "’", "…", "œ", "€", "\u00A0", "[[", "]]", "{{", "}}", "1. ", "- ", "# ", "|"),
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join(""));

  it("renders any printable answer as the same text (after trimming lines and French typography)", () => {
    fc.assert(
      fc.property(printable, (answer) => {
        const text = onlyParagraph(render("Réponse : {{v}}", { v: answer }));
        expect(text).toBe(frenchTypography(`Réponse : ${normalizeAnswer(answer)}`).trimEnd());
      }),
      { numRuns: 1500 },
    );
  });

  it("renders any printable answer in a table cell as the same text on one line", () => {
    fc.assert(
      fc.property(printable, (answer) => {
        const cell = onlyCell(render("| Q | R |\n|---|---|\n| q | {{cellule v}} |", { v: answer }));
        const expected = normalizeAnswer(answer).split("\n").filter((l) => l !== "").join(" ");
        expect(cell).toBe(frenchTypography(expected));
      }),
      { numRuns: 1000 },
    );
  });
});

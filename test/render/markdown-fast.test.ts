/**
 * The fast Markdown path (src/render/markdown-fast.ts and markdown-fast-inline.ts) must never
 * change a document: on every input, either it declines, or its blocks are exactly marked's
 * (and marked accepts the text).
 *
 * Inputs: the Markdown of every template for every example project, hand-written texts at the
 * edges of what the fast path reads, and texts generated from those pieces.
 * `CPTS_PROPERTY_RUNS` scales the generated runs.
 */
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { DOCUMENT_IDS } from "../../src/domain/documents.js";
import { TEMPLATES_DIR } from "../../src/project/paths.js";
import { fastMarkdownToBlocks, markdownToBlocks, markedMarkdownToBlocks, MarkdownError } from "../../src/render/markdown.js";
import { placeholderMarkdown } from "../../src/render/placeholders.js";
import { createTemplateEnv } from "../../src/render/templates.js";
import { exampleModel } from "../examples.js";

const RUNS = Number(process.env.CPTS_PROPERTY_RUNS ?? 300);
/** Each generated test makes RUNS runs of a millisecond or less. */
const GENERATED_TIMEOUT = Math.max(60_000, RUNS * 5);

/** The text as a JSON string with every character that is not printable ASCII escaped, for messages. */
function shown(markdown: string): string {
  return JSON.stringify(markdown).replace(/[^ -~]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** How a text was read: by the fast path alone, with marked for some inline texts, or by marked alone. */
type Reading = "fast" | "mixed" | "marked";

/**
 * How the fast path read the text, in both of its modes; fails when either read it otherwise
 * than marked, or read a text marked refuses.
 */
function expectSameOrDeclined(markdown: string): Reading {
  const fast = fastMarkdownToBlocks(markdown);
  const mixed = fastMarkdownToBlocks(markdown, { markedInline: true });
  if (fast === undefined && mixed === undefined) return "marked";
  let marked;
  try {
    marked = markedMarkdownToBlocks(markdown);
  } catch (error) {
    throw new Error(`le chemin rapide lit un texte que marked refuse (${String(error)}) : ${shown(markdown)}`);
  }
  if (fast !== undefined) expect(fast, shown(markdown)).toStrictEqual(marked);
  if (mixed !== undefined) expect(mixed, `${shown(markdown)} (lignes lues par marked)`).toStrictEqual(marked);
  // The fast path alone reads a subset of what it reads with marked's help.
  expect(fast === undefined || mixed !== undefined, shown(markdown)).toBe(true);
  return fast !== undefined ? "fast" : "mixed";
}

const env = createTemplateEnv([TEMPLATES_DIR]);
const EXAMPLE_NAMES = ["bergerac", "chambery", "minimal"] as const;

/** The Markdown of every document of every example project. */
const EXAMPLE_MODELS = await Promise.all(EXAMPLE_NAMES.map(async (example) => ({ example, model: await exampleModel(example) })));
const EXAMPLE_DOCUMENTS = EXAMPLE_MODELS.flatMap(({ example, model }) =>
  DOCUMENT_IDS.map((id) => ({ name: `${example}/${id}`, markdown: env.render(id, model) })),
);

describe("the fast path on the examples", () => {
  it("renders every document of every example", () => {
    expect(EXAMPLE_DOCUMENTS).toHaveLength(EXAMPLE_NAMES.length * DOCUMENT_IDS.length);
    expect(EXAMPLE_DOCUMENTS.reduce((sum, d) => sum + d.markdown.length, 0)).toBeGreaterThan(100_000);
  });

  it("reads every document, exactly as marked does", () => {
    for (const { name, markdown } of EXAMPLE_DOCUMENTS) {
      expect(expectSameOrDeclined(markdown), `${name} : le chemin rapide refuse le document`).toBe("fast");
    }
  });

  it("reads every document paragraph by paragraph as well (each block alone)", () => {
    // Blocks cut out of their document meet the fast path's rules in other places.
    for (const { markdown } of EXAMPLE_DOCUMENTS) {
      for (const chunk of markdown.split(/\n\n+/u)) expectSameOrDeclined(chunk);
    }
  });

  it("does not load marked for them", async () => {
    vi.resetModules();
    const fresh = await import("../../src/render/markdown.js");
    for (const { markdown } of EXAMPLE_DOCUMENTS) fresh.markdownToBlocks(markdown);
    expect(fresh.markedLoaded()).toBe(false);
    fresh.markdownToBlocks("[lien](https://exemple.fr)"); // read by marked only
    expect(fresh.markedLoaded()).toBe(true);
  });
});

const ph = placeholderMarkdown;

/** Texts the fast path must read (and read as marked does). */
const READ: string[] = [
  "Texte simple.",
  "**a**b",
  "a**b**",
  "a*b*",
  "*a*b",
  "**gras** et *italique*",
  "***les deux***",
  "***a*",
  "***a**",
  "*a***",
  "**a***",
  "***a* b**",
  "***a** b*",
  "**a *b* c**",
  "*a **b** c*",
  "**Structure juridique :** association",
  "**13\\,1 \\%**",
  "Objet: **Attention**!",
  "**Médico\\-social**",
  "**Société**",
  "*(note)*",
  "| *x* |\n|---|\n| *(note)* |",
  "Texte\\\nsuite",
  "Texte  \nsuite",
  "Texte   \n   suite",
  "Texte \nsuite",
  "a<br>b<br/>c<BR />d",
  "**CPTS**<br>Adresse<br>24100 Bergerac",
  "&amp; &lt; & a",
  "\\&amp; \\* \\_ \\\\ \\| \\[ \\] \\# \\. \\( \\)",
  `Date : ${ph("date de l'assemblée")}.`,
  `**${ph("montant (lettre_intention.soutien_demande.montant)")}**`,
  `*${ph("note")}*`,
  `${ph("a ] b | c")} et ${ph("d_e")}`,
  "# Titre",
  "## Titre ##",
  "### Titre #",
  "#### Titre\\#",
  "# Titre#",
  "#",
  "  ## Titre indenté",
  "Para\n# Titre\nPara",
  "- a\n- b\n- c",
  "- a\n  - b\n    - c\n- d",
  "- a\n   - b",
  "- a\n    - b",
  "1. a\n2. b\n3. c",
  "3. trois\n   - sous-point\n4. quatre",
  "1. a\n  - b",
  "* a\n* b",
  "+ a\n+ b",
  "1) a\n2) b",
  "- a\n* b",
  "- a\n1. b",
  "- a\nsuite paresseuse",
  "- a\\\nsuite paresseuse",
  "- a\n  - b\nsuite paresseuse",
  "- a\n\n- b",
  "- a\n\n  b",
  "- a\n\nb",
  "- a\n\n\n- b",
  "- a\n  2. b",
  "- a\n\n  2. b",
  "- [ ] à faire\n- [x] fait\n- [X] fait aussi",
  "- [ ]  espaces\n- [ ] [[À COMPLÉTER : x]]",
  "- **Titre**\n  - un\n  - deux\n- **Autre**\n  - trois",
  "Texte\n- liste",
  "Texte\n2. pas une liste",
  "Texte\n1. une liste",
  "| A | B \\| c | C |\n|:--|--:|:-:|\n| 1 | 2 |",
  "| a | b |\n|---|---|\n| 1 | 2 | 3 |\n| 4 |",
  "a | b\n--|--\n1 | 2",
  "| a |\n|---|\nligne sans barre\n\nfin",
  "| a |\n|---|\n| 1 |\n- liste",
  "Texte\n| a |\n|---|\n| 1 |",
  "| **Total : 38 communes** | | **61 915** |\n|:--|:--|--:|",
  "| x \\\\| y |\n|---|---|",
  "<!-- saut-de-page -->\n# Annexe",
  "<!-- droite -->\nFait à Bergerac\\\nle 1er mars\n<!-- /droite -->",
  "<!-- centre -->\n## Centré\n<!-- /centre -->\n\nNormal",
  "<!--droite-->\nA\n<!-- /droite -->",
  "Texte\n<!-- saut-de-page -->\nSuite",
  "---",
  "Para\n\n---\n\nPara",
  "***",
  "Para\n***",
  "Para\n___",
  "  Texte indenté\n      suite très indentée",
  "a\r\nb\r\n\r\nc",
];

/** Texts whose blocks the fast path reads, leaving some inline texts to marked. */
const READ_WITH_MARKED_INLINE: string[] = [
  "Voir [le site](https://exemple.fr).\n\nSuite *lue* vite.",
  "# Titre avec `code`\n\n- _a_\n- b",
  "| a | ~~b~~ |\n|---|---|\n| <https://a.fr> | contact@exemple.fr |",
  "- [ ] voir https://exemple.fr\n- [x] fait",
  "Texte avec &#233; et __gras__.\n<!-- droite -->\nFait à [Bergerac](https://a.fr)\n<!-- /droite -->",
];

/** Texts at the edges: read as marked does, or left to marked. */
const EDGES: string[] = [
  "| `a` |\n|---|",
  "_x_y",
  "_italique_",
  "__gras__",
  "a_b",
  "a*b**",
  "**a*b*c",
  "*(*a*)*",
  "**a",
  "a **",
  "5 * 3 = 15",
  "** a **",
  "**a *b** c*",
  "*a**b*",
  "****",
  "*",
  "[lien](https://exemple.fr)",
  `[${ph("x")}](https://exemple.fr)`,
  "<https://exemple.fr>",
  "https://exemple.fr",
  "www.exemple.fr",
  "contact@exemple.fr",
  "contact\\@exemple\\.fr",
  "&#233; &#x41;",
  "`code`",
  "~~barré~~",
  "a\\b",
  "Texte\\",
  "Texte  ",
  "Titre\n===",
  "Titre\n---",
  "Titre\n-",
  "- a\n---",
  "- a\n===",
  "-",
  "- ",
  "1.",
  "-     code",
  "    code",
  "\tTab",
  "```\ncode\n```",
  "> cité",
  "<div>bloc</div>",
  "<br>",
  "a <span>b</span>",
  "[x]: https://exemple.fr",
  "##### cinq",
  "<!-- droite -->\ntexte",
  "<!-- /droite -->",
  "<!-- droite -->\n- liste\n<!-- /droite -->",
  "<!-- saut-de-pag -->",
  "- a\n  <!-- droite -->",
  "- # titre",
  "- > cité",
  "- - a",
  "- a\n\n- [ ] b",
  "| a | b |\n|---|",
  "Texte\n:--",
  "| a |\n|---|\n   ",
  "a\u2028b",
  "\u00a0\n- a",
  "- a\n\u00a0",
  "- a\u00a0",
  "- - a \u202f",
  "- a\u00a0\n   \n.",
  "![image](i.png)",
  "[[À COMPLÉTER sans deux-points]]",
  "[[À COMPLÉTER : non fermé",
  "Fin  \n",
];

describe("the fast path on chosen texts", () => {
  it("reads the forms templates write, exactly as marked does", () => {
    for (const markdown of READ) {
      expect(expectSameOrDeclined(markdown), `refusé : ${shown(markdown)}`).toBe("fast");
    }
  });

  it("reads the blocks of texts with other inline forms, leaving those texts to marked", () => {
    for (const markdown of READ_WITH_MARKED_INLINE) {
      expect(expectSameOrDeclined(markdown), `refusé : ${shown(markdown)}`).toBe("mixed");
    }
  });

  it("reads the edge cases as marked does, or leaves them to marked", () => {
    for (const markdown of EDGES) expectSameOrDeclined(markdown);
  });

  it("leaves to marked the texts marked refuses, which then throws its own error", () => {
    const refused = EDGES.filter((markdown) => {
      try {
        markedMarkdownToBlocks(markdown);
        return false;
      } catch (error) {
        expect(error).toBeInstanceOf(MarkdownError);
        return true;
      }
    });
    expect(refused.length).toBeGreaterThan(10);
    for (const markdown of refused) {
      expect(fastMarkdownToBlocks(markdown), markdown).toBeUndefined();
      expect(fastMarkdownToBlocks(markdown, { markedInline: true }), markdown).toBeUndefined();
      expect(() => markdownToBlocks(markdown), markdown).toThrow(
        (() => {
          try {
            markedMarkdownToBlocks(markdown);
          } catch (error) {
            return (error as Error).message;
          }
          return "";
        })(),
      );
    }
  });
});

// Generated texts: lines made of the pieces where readers disagree.
const word = fc.constantFrom("a", "mot", "Bergerac", "é", "Ça", "x1", "15", "2026", "😀", "l'ARS", "d’un");
const punctuation = fc.constantFrom(".", ",", ":", ";", "!", "?", "(", ")", "«", "»", "’", "'", "\"", "-", "—", "%", "€", "+", "/", "=", "#", "&", "]", "|", "$", "^", "{", "}");
const escape = fc.constantFrom("\\,", "\\-", "\\*", "\\_", "\\\\", "\\|", "\\[", "\\]", "\\(", "\\)", "\\#", "\\.", "\\<", "\\&", "\\@", "\\%", "\\!", "\\:", "\\`", "\\~");
const delimiter = fc.constantFrom("*", "**", "***", "*", "**", "*", "**");
const readable = fc.constantFrom("<br>", "<br/>", "<BR />", "<br\n>", "\\\n", "  \n", "   \n", "\n", "\n  ", "\r\n", "\u00a0", "\u202f", "&amp;");
/** Pieces only marked reads: one of them makes the fast path decline. */
const unreadable = fc.constantFrom(
  "_",
  "__",
  "~",
  "~~",
  "<span>",
  "[",
  "[x](https://a.fr)",
  "`c`",
  "&#233;",
  "a@b.fr",
  "https://x.fr",
  "www.x.fr",
  "\\",
  "![i](i.png)",
  ph("a __ b * c __"),
  "[[À COMPLÉTER x]]",
  "[[À COMPLÉTER : non fermé",
);
const placeholder = fc.constantFrom(
  ph("date"),
  ph("a ] b | c"),
  ph("champ_x (a.b_c)"),
  ph("a * b"),
  "[[À COMPLÉTER : x]]",
  "[[À COMPLÉTER :x]]",
);
const space = fc.constantFrom(" ", " ", "  ");
const atom = fc.oneof(
  { weight: 8, arbitrary: word },
  { weight: 5, arbitrary: space },
  { weight: 3, arbitrary: punctuation },
  { weight: 3, arbitrary: escape },
  { weight: 4, arbitrary: delimiter },
  { weight: 2, arbitrary: readable },
  { weight: 1, arbitrary: placeholder },
);
/** Inline text; one text in ten holds a piece only marked reads. */
const inlineText = fc
  .tuple(fc.array(atom, { minLength: 1, maxLength: 10 }), fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: unreadable }), fc.nat())
  .map(([atoms, odd, at]) => {
    if (odd !== null) atoms.splice(at % (atoms.length + 1), 0, odd);
    return atoms.join("");
  });
const prefix = fc.constantFrom(
  "",
  "",
  "",
  "# ",
  "## ",
  "#### ",
  "##### ",
  "- ",
  "- ",
  "  - ",
  "   - ",
  "    - ",
  "* ",
  "+ ",
  "1. ",
  "2. ",
  "3) ",
  "   1. ",
  "10. ",
  "- 1. ",
  "1. - ",
  "  ",
  "    ",
  "> ",
  "- [ ] ",
  "- [x] ",
  "| ",
  "[",
  "  # ",
  "####### ",
  "#",
);
const wholeLine = fc.constantFrom(
  "",
  "",
  "",
  "---",
  "***",
  "===",
  "-",
  "- - -",
  "|---|---|",
  "|:--|--:|",
  ":--",
  "| a | b |",
  "| a \\| b | c |",
  "<!-- droite -->",
  "<!-- /droite -->",
  "<!-- centre -->",
  "<!-- /centre -->",
  "<!-- saut-de-page -->",
  "   <!-- droite -->",
  "<!--centre-->",
  "<!-- /saut-de-page -->",
  "<!-- autre -->",
  "# Titre ##",
  "## Titre#",
  "### #",
  "```",
  "~~~",
  "[x]: https://a.fr",
  "   ",
);
const line = fc.oneof(
  { weight: 3, arbitrary: wholeLine },
  { weight: 7, arbitrary: fc.tuple(prefix, inlineText).map(([p, t]) => p + t) },
);
const document = fc.array(line, { minLength: 1, maxLength: 8 }).map((lines) => lines.join("\n"));
/** The same with only the blocks templates write, so that most texts are read by the fast path. */
const templateLine = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom("", "", "<!-- droite -->", "<!-- /droite -->", "<!-- saut-de-page -->", "| a | b |", "|:--|--:|") },
  { weight: 8, arbitrary: fc.tuple(fc.constantFrom("", "", "", "# ", "### ", "- ", "  - ", "1. ", "2. ", "| "), inlineText).map(([p, t]) => p + t) },
);
const templateDocument = fc.array(templateLine, { minLength: 1, maxLength: 8 }).map((lines) => lines.join("\n"));

/** Tables with any number of cells per row, cells of any inline text. */
const cell = fc.oneof(inlineText.map((t) => t.replace(/\n/gu, " ")), fc.constant(""));
const alignCell = fc.constantFrom("---", ":--", "--:", ":-:", " --- ", "-");
const table = fc
  .tuple(
    fc.array(cell, { minLength: 1, maxLength: 4 }),
    fc.array(alignCell, { minLength: 1, maxLength: 4 }),
    fc.boolean(),
    fc.array(fc.array(cell, { minLength: 0, maxLength: 5 }), { maxLength: 4 }),
    fc.boolean(),
    fc.oneof(line, fc.constant("")),
    fc.constantFrom("", "", "", " ", "   ", "    "),
  )
  .map(([header, aligns, sameCount, rows, pipes, after, indent]) => {
    // Mostly as many alignments as header cells, which is what makes a table.
    const delimiter = sameCount ? header.map((_, i) => aligns[i % aligns.length]!) : aligns;
    const row = (cells: string[]) => indent + (pipes ? `| ${cells.join(" | ")} |` : cells.join(" | "));
    return [row(header), indent + (pipes ? `|${delimiter.join("|")}|` : delimiter.join("|")), ...rows.map(row), after].join("\n");
  });

/** Lists nested with 2, 3 or 4 spaces, with lazy lines and blank lines between items. */
const listLine = fc
  .tuple(
    fc.constantFrom("", "", "  ", "   ", "    ", "      "),
    fc.constantFrom("- ", "- ", "1. ", "2. ", "10. ", "* ", "- [ ] ", "- [x] ", "", ""),
    inlineText,
  )
  .map(([indent, bullet, text]) => indent + bullet + text);
const list = fc
  .array(fc.oneof({ weight: 8, arbitrary: listLine }, { weight: 1, arbitrary: fc.constant("") }), { minLength: 1, maxLength: 8 })
  .map((lines) => `- ${lines.join("\n")}`);

describe("the fast path on generated texts", () => {
  /** Runs the property; returns how many texts were read without marked, and with marked's help for inline texts. */
  function check(arbitrary: fc.Arbitrary<string>): { fast: number; mixed: number } {
    const read = { fast: 0, mixed: 0 };
    fc.assert(
      fc.property(arbitrary, (markdown) => {
        const reading = expectSameOrDeclined(markdown);
        if (reading !== "marked") read[reading]++;
      }),
      { numRuns: RUNS, ...(process.env.SEED ? { seed: Number(process.env.SEED) } : {}) },
    );
    return read;
  }

  it(
    "reads lines of blocks and inline pieces as marked does, or declines",
    () => {
      const read = check(document);
      // Enough texts are read by the fast path, alone and with marked for some inline texts.
      expect(read.fast).toBeGreaterThan(RUNS / 20);
      expect(read.mixed).toBeGreaterThan(RUNS / 50);
    },
    GENERATED_TIMEOUT,
  );

  it(
    "reads lines of the blocks templates write as marked does, or declines",
    () => {
      const read = check(templateDocument);
      // Enough texts are read by the fast path, alone and with marked for some inline texts.
      expect(read.fast).toBeGreaterThan(RUNS / 5);
      expect(read.mixed).toBeGreaterThan(RUNS / 20);
    },
    GENERATED_TIMEOUT,
  );

  it(
    "reads tables as marked does, or declines",
    () => {
      const read = check(table);
      // Enough texts are read by the fast path, alone and with marked for some inline texts.
      expect(read.fast).toBeGreaterThan(RUNS / 20);
      expect(read.mixed).toBeGreaterThan(RUNS / 20);
    },
    GENERATED_TIMEOUT,
  );

  it(
    "reads nested lists as marked does, or declines",
    () => {
      const read = check(list);
      // Enough texts are read by the fast path, alone and with marked for some inline texts.
      expect(read.fast).toBeGreaterThan(RUNS / 20);
      expect(read.mixed).toBeGreaterThan(RUNS / 50);
    },
    GENERATED_TIMEOUT,
  );

  it(
    "reads pieces of the examples with a few characters inserted or deleted as marked does, or declines",
    () => {
      const inserts = ["*", "**", "\n", "\n\n", "  ", "- ", "1. ", "|", "\\", "# ", "<br>", "_", "[", ":", "\n---\n", "    ", "\u00a0", "»", "(", ph("z"), ">", "`", "<!-- droite -->\n", "\n<!-- /droite -->"];
      const edit = fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...inserts), fc.integer({ min: 1, max: 3 })));
      const edited = fc
        .tuple(fc.constantFrom(...EXAMPLE_DOCUMENTS.map((d) => d.markdown)), fc.nat(), fc.integer({ min: 100, max: 1500 }), fc.array(edit, { minLength: 1, maxLength: 4 }))
        .map(([markdown, start, length, edits]) => {
          let text = markdown.slice(start % markdown.length, (start % markdown.length) + length);
          for (const [at, change] of edits) {
            const i = at % (text.length + 1);
            text = typeof change === "string" ? text.slice(0, i) + change + text.slice(i) : text.slice(0, i) + text.slice(i + change);
          }
          return text;
        });
      const read = check(edited);
      expect(read.fast).toBeGreaterThan(RUNS / 5);
      expect(read.mixed).toBeGreaterThan(RUNS / 10);
    },
    GENERATED_TIMEOUT,
  );

  it(
    "reads the examples' paragraphs, joined in any order, as marked does",
    () => {
      const chunks = [...new Set(EXAMPLE_DOCUMENTS.flatMap(({ markdown }) => markdown.split(/\n\n+/u)))];
      const joined = fc
        .tuple(fc.array(fc.constantFrom(...chunks), { minLength: 1, maxLength: 6 }), fc.array(fc.constantFrom("\n", "\n\n"), { minLength: 6, maxLength: 6 }))
        .map(([parts, separators]) => parts.map((part, i) => (i === 0 ? part : separators[i]! + part)).join(""));
      const read = check(joined);
      // Enough texts are read by the fast path, alone and with marked for some inline texts.
      expect(read.fast).toBeGreaterThan(RUNS / 2);
    },
    GENERATED_TIMEOUT,
  );
});

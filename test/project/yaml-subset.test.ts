/**
 * The first tier of the fast read path (src/project/yaml-subset.ts) reads block-style project
 * files without any YAML library. On every input it must either decline, or give exactly what
 * `yaml` gives (with no error and no warning) and what the js-yaml tier gives: it may only narrow
 * what the fast path accepts. It must also accept the files the tool writes and its examples,
 * or the speed it brings silently vanishes.
 *
 * test/project/fast-yaml.test.ts runs the same comparison on its own corpus (examples, fixtures,
 * `yaml`'s stringify in every style, hostile fragments). Here: the examples, chosen constructs
 * on each side of the subset's border, and generated block-style documents written the way
 * people and `yaml` write them. `CPTS_PROPERTY_RUNS` scales the generated runs.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { CORE_SCALARS } from "../../src/project/core-scalars.js";
import { fullParseCount, parseProjectSource } from "../../src/project/file.js";
import { fastParse, jsYamlLoaded } from "../../src/project/fast-yaml.js";
import { EXAMPLES } from "../helpers.js";
import { shape, yamlParse } from "./yaml-reference.js";

const RUNS = Number(process.env.CPTS_PROPERTY_RUNS ?? 300);
const GENERATED_TIMEOUT = Math.max(60_000, RUNS * 20);

/**
 * Returns whether the subset reader accepted the text; fails when it accepted it while `yaml`
 * reports a problem or gives other data, or while the js-yaml tier declines or differs.
 */
function expectSubsetSameOrDeclined(source: string): boolean {
  const subset = fastParse(source, { tiers: ["subset"] });
  if (!subset.ok) return false;
  const label = JSON.stringify(source);
  const full = yamlParse(source);
  expect(full.problems, label).toEqual([]);
  expect(shape(subset.data), label).toEqual(shape(full.data));
  const jsYaml = fastParse(source, { tiers: ["js-yaml"] });
  expect(jsYaml.ok, label).toBe(true);
  expect(shape(subset.data), label).toEqual(shape((jsYaml as { data: unknown }).data));
  return true;
}

const EXAMPLE_FILES = readdirSync(EXAMPLES).map((name) => join(EXAMPLES, name, "cpts.yaml"));

// First in this file: later tests load js-yaml on purpose.
describe("examples are read without any YAML library", () => {
  it("reads every example through file.ts without loading js-yaml or parsing a yaml document", () => {
    expect(EXAMPLE_FILES.length).toBeGreaterThanOrEqual(3);
    const fullParses = fullParseCount();
    for (const path of EXAMPLE_FILES) {
      const file = parseProjectSource(readFileSync(path, "utf8"), path);
      expect(file.findings, path).toEqual([]);
      expect(shape(file.data), path).toEqual(shape(yamlParse(readFileSync(path, "utf8")).data));
    }
    expect(jsYamlLoaded()).toBe(false);
    expect(fullParseCount()).toBe(fullParses);
  });

  it.each(EXAMPLE_FILES.map((f) => f.slice(EXAMPLES.length + 1)))("%s is accepted by the subset reader, with yaml's data", (name) => {
    const source = readFileSync(join(EXAMPLES, name), "utf8");
    expect(expectSubsetSameOrDeclined(source)).toBe(true);
    expect(expectSubsetSameOrDeclined(source.replace(/\n/g, "\r\n")), "CRLF").toBe(true);
  });
});

describe("plain scalars: the core schema table as one expression", () => {
  it("keeps the shape the combined expression relies on", () => {
    for (const [name, test] of CORE_SCALARS) {
      expect(test.source, name).toMatch(/^\^.*\$$/);
      expect(test.source.slice(1, -1), name).not.toMatch(/\((?!\?)/);
      expect(test.flags, name).toBe("");
    }
  });
});

/** Texts the subset reader must accept, each compared with yaml and js-yaml. */
const ACCEPTED: [name: string, source: string][] = [
  ["core scalars", "a: texte\nb: 1\nc: -0\nd: 0x1F\ne: .inf\nf: ~\ng: True\nh: 2026-01-15\ni: 1e3\nj: +12\nk: 0o17\n"],
  ["quoted keys", "\"a b\": 1\n'c''d': 2\n\"é\\u00e9\": 3\n\"k\" : 4\n"],
  ["__proto__ and constructor keys", "__proto__: 1\nconstructor: 2\n\"__proto__x\": 3\n"],
  ["double quotes and escapes", 'a: "x \\"y\\" \\\\ \\/ \\n \\t \\u00e9 \\x41 \\_ \\L \\P"\nb: ""\nc: " espaces "\n'],
  ["single quotes", "a: 'l''an 2026'\nb: ''\nc: ' # pas un commentaire'\n"],
  ["comments", "# tête\na: 1 # fin\n  # indenté\nb: x#y # vrai commentaire\n# fin\n"],
  ["plain text over several lines", "a: un deux\n  trois\n\n  quatre\nb:\n  seul\n  suite\n"],
  ["list at its key's indentation", "a:\n- x\n- y\nb: 1\n"],
  ["list of sections", "a:\n  - nom: x\n    role: y\n  - nom: z\n    sous:\n      - 1\n      - 2\n"],
  ["key without value then list, inside an entry", "a:\n  - b:\n    - 1\n    c: 2\n"],
  ["null values", "a:\nb: # rien\nc: 1\n"],
  ["literal block", "a: |\n  ligne 1\n    indentée\n\n  ligne 3\nb: |-\n  x\n\n\nc: 1\n"],
  ["folded block", "a: >\n  un\n  deux\n\n  trois\nb: >-\n  x\n  y  \nc: > # commentaire\n  z\n"],
  ["empty blocks", "a: |\nb: >-\n\nc: 1\n"],
  ["blocks starting with empty lines", "a: |\n\n  x\nb: >\n\n\n  y\n  z\n"],
  ["block holding # and :", "a: |-\n  # pas un commentaire\n  clé: valeur\n"],
  ["flow lists and sections", "a: []\nb: {}\nc: [x, \"y\", 'z', 1, -2, true]\nd: { x: 1, \"y\": 'deux', z: null }\ne: [ ]\nf: [a b, c]  # fin\n"],
  ["# and : inside flow collections", "a: [x:y, C#, https://a.fr/b:c]\nb: { k#: a:b, l'an: 12:30 }\n"],
  ["CRLF line breaks", "a: 1\r\nb:\r\n  - x\r\n  - y\r\nc: |\r\n  l1\r\n  l2\r\n"],
  ["no final line break", "a: 1\nb: texte"],
  ["unicode and no-break spaces", "nom: CPTS du Val de l’Isle\nsigle: « CPTS »\nx: a\u00a0b\nemoji: 😀\n"],
  ["trailing spaces", "a: 1   \nb:   \n  c: x  \n"],
  ["indented root", "  a: 1\n  b:\n  - x\n"],
  ["less indented comment after a block", "a:\n  b: |\n    x\n   # c\n  d: 1\n"],
  ["four-space indentation", "a:\n    b:\n        - 1\n        -   c: 2\n            d: 3\n"],
];

/** Texts the subset reader must decline (the next tiers read them, or report a problem). */
const DECLINED: [name: string, source: string][] = [
  ["quoted text over several lines", 'a: "un\n  deux"\n'],
  ["flow list over several lines", "a: [1,\n  2]\n"],
  ["nested flow lists", "a: [[1], 2]\n"],
  ["trailing comma", "a: [1, ]\n"],
  ["pair inside a flow list", "a: [x: y]\n"],
  ["space then colon inside a flow list", "a: [x :y]\n"],
  ["comment inside a flow list", "a: [x #y]\n"],
  ["anchor and alias", "a: &x 1\nb: *x\n"],
  ["tag", "a: !!str 1\n"],
  ["explicit key", "? a\n: 1\n"],
  ["list inside a list", "a:\n  - - 1\n"],
  ["empty entry", "a:\n  -\n  - 1\n"],
  ["block with an indentation indicator", "a: |2\n   x\n"],
  ["keep chomping", "a: |+\n  x\n\n"],
  ["folded block with a more indented line", "a: >\n  x\n    y\n  z\n"],
  ["line of spaces deeper than its block", "a: |\n  x\n     \n  y\n"],
  ["duplicate key", "a: 1\na: 2\n"],
  ["duplicate key, once quoted", "a: 1\n\"a\": 2\n"],
  ["duplicate key in a flow section", "a: { x: 1, x: 2 }\n"],
  ["number key", "1: a\n"],
  ["null key", "null: a\n"],
  ["empty key", "\"\": a\n"],
  ["merge key", "<<: 1\n"],
  ["list at the root", "- a\n"],
  ["text at the root", "texte\n"],
  ["empty document", "# rien\n"],
  ["text after quotes", 'a: "x" y\n'],
  ["colon and space inside a plain text", "a: b: c\n"],
  ["bad indentation", "a:\n  b: 1\n c: 2\n"],
  ["indented root, then less indented", "  a: 1\nb: 2\n"],
  ["block, then a line between two indentations", "a:\n  b: |\n    x\n   y\n"],
  ["unknown escape", 'a: "\\q"\n'],
  ["escaped control character", 'a: "\\x07"\n'],
  ["non-printable character", "a: b\u0007\n"],
  ["tab", "a:\tb\n"],
  ["continuation starting with a dash", "a: x\n  - y\n"],
];

describe("the subset reader's border", () => {
  it.each(ACCEPTED)("accepts: %s", (_name, source) => {
    expect(fastParse(source)).toMatchObject({ ok: true, tier: "subset" });
    expect(expectSubsetSameOrDeclined(source)).toBe(true);
  });

  it.each(DECLINED)("declines: %s", (_name, source) => {
    expect(fastParse(source, { tiers: ["subset"] }).ok).toBe(false);
  });
});

/* Generated block-style documents, written the way `yaml` and people write them. */

/** Texts of project files: words, numbers, dates, unicode, `#` and `:` inside words. */
const TAME_WORDS = [
  "nom", "CPTS du Val", "été", "l’Isle", "😀", "« x »", "santé & social", "Bonjour !", "a#b", "C#", "https://x.fr/a:b", "50 %", "100%",
  "l'an", 'dit "oui"', "a, b", "x]", "(note)", "é à ç", "Œuvre", "naïve", "—", "…", "x:y", "a\u00a0b", "1", "-1", "-0", "+0", "0x1F",
  "0o7", "1e3", ".5", "5.", ".inf", "-.Inf", ".nan", "~", "null", "Null", "true", "False", "yes", "no", "2026-01-15", "12:30", "1_000",
  "0612345678", "-x", "a-b",
];
/** Everything above, and what means something to YAML at the start, the end or the middle of a text. */
const WILD_WORDS = [
  ...TAME_WORDS, "- x", "? q", ":x", "a: b", "a :b", "#x", "x #y", "x:", "|", ">", "[", "{", "{y}", "&a", "*a", "!t", "%", "@", "`", "\u00a0",
  "\\", "\\n", "''", '"', "'", "__proto__", "<<", "", " ",
];
const TAME_KEYS = ["nom", "version", "cpts", "date_creation", "a", "b", "c", "x y", "é", "clé", "__proto__", "constructor", "k#", "l'an", "a-b"];
const WILD_KEYS = [...TAME_KEYS, "1", "true", "null", "-k", "", "<<", "a: b", "#k", "- k", "? k", "[k]", "&k"];

const doubleQuote = (s: string) =>
  `"${s.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, "\\n").replace(/\t/g, "\\t").replace(/[\u0000-\u001f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`)}"`;
const singleQuote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** An inline value (after `key: ` or `- `): its first line, then whole lines deeper than `parent`. */
type Inline = (parent: number) => string[];
/**
 * A block collection whose entries are at `col`: whole lines, indentation included, and the
 * index of its first entry's line (blank and comment lines may come before).
 */
type Collection = (col: number) => { lines: string[]; first: number };
/** A key's value: inline, or a collection on the next lines. */
type Value = { inline: Inline } | { collection: Collection; list: boolean };

/**
 * Documents made of `words` and `keys` (distinct in each mapping or not), with `indents` as the
 * extra indentation of nested collections and `fillers` between entries (a function of the
 * entries' column).
 */
function documents({ words, keys, indents, fillers, uniqueKeys }: {
  uniqueKeys: boolean;
  words: fc.Arbitrary<string>;
  keys: fc.Arbitrary<string>;
  indents: fc.Arbitrary<number>;
  fillers: fc.Arbitrary<(col: number) => string[]>;
}): fc.Arbitrary<string> {
  const phrase = fc.array(words, { minLength: 1, maxLength: 5 }).map((ws) => ws.join(" "));
  /** A key as written: plain or quoted, with spaces before its colon now and then. */
  const key = fc
    .tuple(keys, fc.constantFrom("plain", "plain", "plain", "double", "single"), fc.constantFrom("", "", "", " "))
    .map(([k, style, space]) => `${style === "double" ? doubleQuote(k) : style === "single" ? singleQuote(k) : k}${space}:`);
  /** Something after a value on its line: nothing, trailing spaces, a comment. */
  const lineEnd = fc.constantFrom("", "", "", "", "  ", " # note", "   # commentaire : « x »");

  const inlineScalar: fc.Arbitrary<Inline> = fc.oneof(
    phrase.map((p) => () => [p]),
    phrase.map((p) => () => [doubleQuote(p)]),
    phrase.map((p) => () => [singleQuote(p)]),
    // A plain text folded over several lines, blank lines between some.
    fc
      .tuple(fc.array(fc.tuple(fc.nat(2), phrase), { minLength: 2, maxLength: 4 }), fc.nat(2))
      .map(([ps, extra]) => (parent: number) => [
        ps[0]![1],
        ...ps.slice(1).flatMap(([blanks, p]) => [...Array<string>(blanks).fill(""), `${" ".repeat(parent + 1 + extra)}${p}`]),
      ]),
    // Block scalars: lines of text, empty lines, lines of spaces, more indented lines, `#` lines.
    fc
      .tuple(
        fc.constantFrom("|", "|-", ">", ">-", "| # bloc", ">- # bloc"),
        fc.array(fc.oneof(phrase, phrase, phrase, fc.constant(""), phrase.map((p) => `  ${p}`), phrase.map((p) => `# ${p}`)), { maxLength: 5 }),
        fc.nat(3),
        fc.constantFrom("", "", " "),
      )
      .map(([header, body, extra, blank]) => (parent: number) => [
        header,
        ...body.map((l) => (l === "" ? blank : `${" ".repeat(parent + 1 + extra)}${l}`)),
      ]),
    fc
      .array(fc.oneof(words, words.map(doubleQuote), words.map(singleQuote)), { maxLength: 4 })
      .chain((items) => fc.constantFrom(`[${items.join(", ")}]`, `[ ${items.join(" ,")} ]`, `[${items.join(",")}]`))
      .map((s) => () => [s]),
    fc
      .array(fc.tuple(keys, fc.oneof(words, words.map(doubleQuote))), { maxLength: 3 })
      .chain((pairs) => fc.constantFrom(`{ ${pairs.map(([k, v]) => `${k}: ${v}`).join(", ")} }`, `{${pairs.map(([k, v]) => `${k}: ${v}`).join(",")}}`))
      .map((s) => () => [s]),
  );

  const value: fc.Memo<Value> = fc.memo((depth) =>
    depth <= 1
      ? inlineScalar.map((inline) => ({ inline }))
      : fc.oneof(
          { weight: 3, arbitrary: inlineScalar.map((inline): Value => ({ inline })) },
          { weight: 2, arbitrary: mapping(depth - 1).map((collection): Value => ({ collection, list: false })) },
          { weight: 2, arbitrary: sequence(depth - 1).map((collection): Value => ({ collection, list: true })) },
        ),
  );

  function mapping(depth: number): fc.Arbitrary<Collection> {
    const entry = fc.tuple(fillers, key, value(depth), lineEnd, indents, fc.boolean(), fc.boolean(), fillers);
    return (uniqueKeys ? fc.uniqueArray(entry, { minLength: 1, maxLength: 4, selector: ([, k]) => k.replace(/^["']|["']? ?:$/g, "") }) : fc.array(entry, { minLength: 1, maxLength: 4 }))
      .map((entries) => (col: number) => {
        const pad = " ".repeat(col);
        const lines: string[] = [];
        let first = -1;
        for (const [fill, k, v, end, step, listAtKey, ownLine, between] of entries) {
          lines.push(...fill(col));
          if (first === -1) first = lines.length;
          if ("inline" in v) {
            const [text, ...more] = v.inline(col);
            // A text may also start on its own line after the key, below comments.
            if (ownLine && !/^[|>[{]/.test(text!)) lines.push(`${pad}${k}${end}`, ...between(col), `${" ".repeat(col + step)}${text}`, ...more);
            else lines.push(`${pad}${k} ${text}${more.length ? "" : end}`, ...more);
          } else {
            // A list may stay at its key's indentation.
            lines.push(`${pad}${k}${end}`, ...v.collection(v.list && listAtKey ? col : col + step).lines);
          }
        }
        return { lines, first };
      });
  }

  function sequence(depth: number): fc.Arbitrary<Collection> {
    const item = fc.oneof(
      { weight: 2, arbitrary: inlineScalar.map((inline): Value => ({ inline })) },
      { weight: 1, arbitrary: mapping(depth).map((collection): Value => ({ collection, list: false })) },
    );
    return fc
      .array(fc.tuple(fillers, item, lineEnd, fc.constantFrom(1, 1, 1, 2)), { minLength: 1, maxLength: 4 })
      .map((items) => (col: number) => {
        const lines: string[] = [];
        let first = -1;
        for (const [fill, v, end, spaces] of items) {
          lines.push(...fill(col));
          if (first === -1) first = lines.length;
          const dash = `${" ".repeat(col)}-${" ".repeat(spaces)}`;
          if ("inline" in v) {
            const [first, ...more] = v.inline(col);
            lines.push(`${dash}${first}${more.length ? "" : end}`, ...more);
          } else {
            // A mapping inside an entry: its first key on the `-` line, the lines before it above.
            const inner = col + 1 + spaces;
            const { lines: body, first: at } = v.collection(inner);
            lines.push(...body.slice(0, at), `${dash}${body[at]!.slice(inner)}`, ...body.slice(at + 1));
          }
        }
        return { lines, first };
      });
  }

  /** A root mapping, a header comment or not, CRLF line breaks or not, a final line break or not. */
  return fc.tuple(mapping(3), fc.boolean(), fc.boolean(), fc.boolean()).map(([root, header, crlf, finalBreak]) => {
    const lines = [...(header ? ["# yaml-language-server: $schema=./cpts.schema.json"] : []), ...root(0).lines];
    const text = lines.join("\n") + (finalBreak ? "\n" : "");
    return crlf ? text.replace(/\n/g, "\r\n") : text;
  });
}

/**
 * Lines kept between entries, each a function of the entry's column: blank lines (twice as
 * likely), comments in the first column, at the entry's column or deeper, and comments glued to
 * their `#`, which `yaml` reads otherwise below a key without value.
 */
const TAME_FILLERS: readonly ((col: number) => string)[] = [
  () => "",
  () => "",
  () => "  ",
  () => "# commentaire",
  (col) => `${" ".repeat(col)}# commentaire`,
  (col) => `${" ".repeat(col + 2)}# plus loin`,
  (col) => `${" ".repeat(col)}#collé`,
  () => "#-",
];

/** Documents like the project files people keep: most are valid YAML. */
const tame = documents({
  uniqueKeys: true,
  words: fc.constantFrom(...TAME_WORDS),
  keys: fc.constantFrom(...TAME_KEYS),
  indents: fc.constantFrom(2, 2, 2, 4),
  fillers: fc.array(fc.constantFrom(...TAME_FILLERS), { maxLength: 2 }).map((lines) => (col: number) => lines.map((line) => line(col))),
});

/** Documents with odd words, keys and indentation: many are errors or read otherwise. */
const wild = documents({
  uniqueKeys: false,
  words: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...WILD_WORDS) }, { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 8 }) }),
  keys: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...WILD_KEYS) }, { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 6 }) }),
  indents: fc.integer({ min: 0, max: 4 }),
  fillers: fc
    .array(fc.tuple(fc.constantFrom("", "  ", " ", "#", "# commentaire", "#collé"), fc.nat(5)), { maxLength: 2 })
    .map((kinds) => () => kinds.map(([k, indent]) => (k.startsWith("#") ? `${" ".repeat(indent)}${k}` : k))),
});

/** The same documents, with a few characters inserted, removed or replaced. */
const NEAR_MISS_PIECES = [" ", "  ", "\n", "-", "- ", ":", ": ", "#", " #", "'", '"', "|", ">", "[", "]", "{", "}", ",", "\\", "\r\n", "?", "&", "*"];
const nearMiss = fc
  .tuple(tame, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...NEAR_MISS_PIECES), fc.constantFrom("insert", "delete", "replace")), { minLength: 1, maxLength: 3 }))
  .map(([s, edits]) => {
    for (const [at, piece, op] of edits) {
      const i = at % (s.length + 1);
      s = s.slice(0, i) + (op === "delete" ? "" : piece) + s.slice(op === "insert" ? i : i + 1);
    }
    return s;
  });

const projectScalar = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.constantFrom(...TAME_WORDS, "ligne 1\nligne 2\n", "fin sans saut\nde ligne", "  espaces  ", "", "a\n\n\nb", "\ntête"),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
/**
 * Project-like data: sections, lists, texts of every kind, numbers, booleans, nulls. No list
 * directly inside a list: the project schema has none, and the subset reader declines them.
 */
const projectData = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: "small", withCrossShrink: true }, projectScalar, tie("list"), tie("section")),
  list: fc.array(fc.oneof({ depthSize: "small" }, projectScalar, tie("section")), { maxLength: 4 }),
  section: fc.dictionary(fc.oneof(fc.constantFrom(...TAME_KEYS), fc.string({ unit: "grapheme", minLength: 1, maxLength: 10 })), tie("node"), {
    maxKeys: 4,
  }),
})).section;

describe("the subset reader on what the tool writes", () => {
  it("reads what yaml writes with the options of src/project/file.ts, as yaml reads it back", () => {
    let accepted = 0;
    let fast = 0;
    fc.assert(
      fc.property(projectData, (data) => {
        // file.ts writes with these options (STRINGIFY), from a document it parsed or created.
        const source = stringify({ version: 1, cpts: data }, { lineWidth: 0, flowCollectionPadding: false });
        if (expectSubsetSameOrDeclined(source)) accepted++;
        if (fastParse(source).ok) fast++;
      }),
      { numRuns: RUNS * 3 },
    );
    // Without this, a reader that declines what the tool writes would lose its speed unseen.
    expect(fast).toBeGreaterThan(RUNS * 3 * 0.5);
    expect(accepted).toBeGreaterThan(fast * 0.95);
  }, GENERATED_TIMEOUT);
});

describe("the subset reader on generated block-style documents", () => {
  it("agrees with yaml and js-yaml on every document it accepts, and accepts most valid ones", () => {
    let accepted = 0;
    let valid = 0;
    fc.assert(
      fc.property(tame, (source) => {
        if (expectSubsetSameOrDeclined(source)) accepted++;
        if (yamlParse(source).problems.length === 0) valid++;
      }),
      { numRuns: RUNS * 3 },
    );
    // Without this, a reader that declines everything would pass the comparison above.
    expect(valid).toBeGreaterThan(RUNS * 3 * 0.5);
    // About half: the fast path's own checks decline some valid ones on purpose (glued comments…).
    expect(accepted).toBeGreaterThan(valid * 0.35);
  }, GENERATED_TIMEOUT);

  it("agrees with yaml and js-yaml on documents with odd texts, keys and indentation", () => {
    fc.assert(fc.property(wild, (source) => void expectSubsetSameOrDeclined(source)), { numRuns: RUNS * 3 });
  }, GENERATED_TIMEOUT);

  it("agrees with yaml and js-yaml on near misses", () => {
    fc.assert(fc.property(nearMiss, (source) => void expectSubsetSameOrDeclined(source)), { numRuns: RUNS * 3 });
  }, GENERATED_TIMEOUT);
});


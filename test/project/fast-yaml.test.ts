/**
 * The fast read path (src/project/fast-yaml.ts) must never change what the user sees: on every
 * input, either it declines, or `yaml` reports nothing (no error, no warning) and its data is the
 * same as js-yaml's, to the key order, the own `__proto__` keys and the sign of zero.
 *
 * Inputs: every YAML file of examples/ and test/fixtures/, projects and texts written by `yaml`'s
 * stringify in every string, key and collection style, and YAML-like texts made of the pieces
 * where parsers disagree. `CPTS_PROPERTY_RUNS` scales the generated runs.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDocument, stringify, type ToStringOptions } from "yaml";
import { parseProjectSource } from "../../src/project/file.js";
import { fastParse } from "../../src/project/fast-yaml.js";
import { validateProject } from "../../src/project/schema.js";
import { ROOT } from "../helpers.js";
import { shape, yamlParse } from "./yaml-reference.js";

const RUNS = Number(process.env.CPTS_PROPERTY_RUNS ?? 300);
/** Each generated test makes 3 × RUNS runs of a millisecond or two. */
const GENERATED_TIMEOUT = Math.max(60_000, RUNS * 10);

/**
 * Returns whether the fast path was taken; fails when it was taken wrongly, or when its first
 * tier (the subset reader) accepted a text that js-yaml, under its guards, would not give the
 * same data for: the first tier only ever narrows what the fast path accepts.
 */
function expectSameOrDeclined(source: string): boolean {
  const subset = fastParse(source, { tiers: ["subset"] });
  const fast = fastParse(source);
  if (subset.ok) {
    const jsYaml = fastParse(source, { tiers: ["js-yaml"] });
    expect(jsYaml.ok, JSON.stringify(source)).toBe(true);
    expect(shape(subset.data), JSON.stringify(source)).toEqual(shape((jsYaml as { data: unknown }).data));
    expect(fast).toMatchObject({ ok: true, tier: "subset" });
  }
  if (!fast.ok) return false;
  const full = yamlParse(source);
  expect(full.problems, JSON.stringify(source)).toEqual([]);
  expect(shape(fast.data), JSON.stringify(source)).toEqual(shape(full.data));
  return true;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** The text as file.ts decodes it, or undefined for files it refuses before parsing (UTF-16…). */
function decode(path: string): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(path)).replace(/^\uFEFF/, "");
  } catch {
    return undefined;
  }
}

const FILES = [...yamlFiles(join(ROOT, "examples")), ...yamlFiles(join(ROOT, "test", "fixtures"))];

describe("the fast read path on real files", () => {
  it("finds the examples and the bad-input fixtures", () => {
    expect(FILES.some((f) => f.endsWith(join("bergerac", "cpts.yaml")))).toBe(true);
    expect(FILES.filter((f) => f.includes(join("fixtures", "bad"))).length).toBeGreaterThan(20);
  });

  it.each(FILES.map((f) => relative(ROOT, f)))("%s: declined, or same data as yaml", (name) => {
    const source = decode(join(ROOT, name));
    if (source === undefined) return;
    expectSameOrDeclined(source);
  });

  it.each(FILES.map((f) => relative(ROOT, f)))("%s: same findings, data and schema messages with or without the fast path", (name) => {
    const source = decode(join(ROOT, name));
    if (source === undefined) return;
    const fast = parseProjectSource(source, name, name);
    const full = parseProjectSource(source, name, name, { fast: false });
    expect(fast.findings).toEqual(full.findings);
    expect(shape(fast.data)).toEqual(shape(full.data));
    if (full.findings.length === 0) expect(validateProject(fast, name)).toEqual(validateProject(full, name));
  });

  it("takes the fast path for every example project, without js-yaml", () => {
    for (const file of FILES.filter((f) => f.startsWith(join(ROOT, "examples")))) {
      expect(fastParse(decode(file)!), relative(ROOT, file)).toMatchObject({ ok: true, tier: "subset" });
    }
  });
});

describe("plain scalars resolve as in yaml's YAML 1.2 core schema", () => {
  const SCALARS = [
    "1_000", "0b1", "0b101", "0o17", "0o8", "017", "0x1F", "0xg", ".inf", "-.Inf", "+.INF", ".nan", ".NaN", "~", "null", "Null",
    "NULL", "nULL", "True", "TRUE", "tRUE", "false", "yes", "no", "on", "off", "y", "n", "2026-02-30", "2026-01-15T10:00:00Z",
    "12:30", "1e3", "1E3", "1e+3", "1.5e-3", ".5", "5.", "+12", "-12", "-0", "+0", "0", "00", "12345678901234567890", "1e400",
    "1.0", "3.14159", "+", ".", "0x", "0o", "e3", "1e", "1__0", "1,000", "Infinity", "NaN",
  ];

  it.each(SCALARS)("%s as a value", (text) => {
    const source = `v: ${text}\n`;
    const fast = fastParse(source);
    expect(fast.ok).toBe(true);
    const expected = (parseDocument(source).toJS() as { v: unknown }).v;
    expect(shape((fast as { data: { v: unknown } }).data.v)).toEqual(shape(expected));
  });

  it("gives yaml's values for the classic traps", () => {
    const data = (fastParse("a: 1_000\nb: 0b1\nc: 0o17\nd: 0x1F\ne: .inf\nf: ~\ng: True\nh: yes\ni: on\nj: 2026-02-30\nk: 1e3\nl: +12\n") as {
      data: unknown;
    }).data;
    expect(data).toEqual({ a: "1_000", b: "0b1", c: 15, d: 31, e: Infinity, f: null, g: true, h: "yes", i: "on", j: "2026-02-30", k: 1000, l: 12 });
  });

  it.each(SCALARS)("%s as a key: declined unless yaml reads it as a text", (text) => {
    const source = `${text}: v\n`;
    const fast = fastParse(source);
    if (fast.ok) expect(fast.data).toEqual({ [text]: "v" });
    expectSameOrDeclined(source);
  });

  it("declines every explicit tag, anchor and alias", () => {
    for (const source of ["a: !!str 1\n", "a: !!int 1\n", "a: ! 1\n", "a: !<?> 1\n", "a: !x 1\n", "a: &x 1\nb: *x\n", "a: &x 1\n"]) {
      expect(fastParse(source).ok, source).toBe(false);
    }
  });

  it("declines a value after comments that change where yaml ends it", () => {
    // yaml reads `b` and `r` as one multi-line key after a comment glued to its `#`, or after a
    // blank line and a comment in the first column; js-yaml and the subset reader do not.
    for (const source of [
      "a:\n#-\n b\nr:\n",
      "a:\n#note\n  b\n  c\nr: 1\n",
      "x:\n  a:\n  #-\n   b\n  r:\n",
      "- a:\n  #x\n   b\n  r:\n",
      "a:\n\n# c\n  b\nr:\n",
      ' \n"é":\n#- |-\n    nom « x » l\'an\n    l\'an 50 %\n\n    12:30\n      False 5. a, b\n\'constructor\':\n\n- x\n',
    ]) {
      expect(fastParse(source).ok, source).toBe(false);
      expect(yamlParse(source).problems, source).not.toEqual([]);
    }
    // Spaced comments, and glued ones that are deeper than the key, change nothing.
    for (const source of ["a:\n# c\n b\nr:\n", "a:\n  #x\n  b\nr:\n", "a:\n#x\nb: 1\n"]) expectSameOrDeclined(source);
    expect(fastParse("a:\n# c\n b\nr:\n")).toMatchObject({ ok: true, data: { a: "b", r: null } });
  });

  it("does not decline on « & » and « ! » inside a text", () => {
    expect(fastParse("a: santé & social\nb: Bonjour !\nc: Pourquoi ? Parce que.\n")).toEqual({
      ok: true,
      tier: "subset",
      data: { a: "santé & social", b: "Bonjour !", c: "Pourquoi ? Parce que." },
    });
  });
});

/** Pieces that mean something to YAML or where parsers are known to disagree. */
const PIECES = [
  "a", "b c", "é", "😀", "«", "»", "~", "null", "true", "1", "0x1F", "0o7", "1e3", ".inf", "-0", "1_000", "-", "?", ":", ",", "[", "]",
  "{", "}", "#", "&a", "*a", "!", "!!str", "!<?>", "|", ">", "|-", ">+", "|2", "'", '"', "\\", "\\n", "\\U0001F600", "@", "`", "%",
  "---", "...", " ", "  ", "\n", "\n", "\n  ", "\n    ", "\r\n", "\r", "\t", "- ", ": ", "? ", " #c", "'q'", '"q"', "[]", "{}",
  "__proto__", "constructor", "<<", "\u0007", "\u0085", "\u2028", "\ufeff", "\u00a0",
];

const piece = fc.constantFrom(...PIECES);
const text = fc.oneof(
  fc.array(fc.oneof(piece, fc.string({ unit: "grapheme", maxLength: 3 })), { maxLength: 12 }).map((p) => p.join("")),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.constantFrom("x".repeat(1100), "a: ".repeat(400), "mot ".repeat(300)),
);
const key = fc.oneof(text, fc.constantFrom("nom", "version", "__proto__", "constructor", "1", "null", "true", "", "<<", "a b"));
const scalar = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom(-0, 1e21, 1e-7));
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: "small", withCrossShrink: true }, scalar, tie("list"), tie("map")),
  list: fc.array(tie("node"), { maxLength: 4 }),
  map: fc.array(fc.tuple(key, tie("node")), { maxLength: 4 }).map((pairs) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of pairs) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    return out;
  }),
})).node;

const STRING_TYPES = ["PLAIN", "QUOTE_DOUBLE", "QUOTE_SINGLE", "BLOCK_LITERAL", "BLOCK_FOLDED"] as const;
const options = fc.record({
  defaultStringType: fc.constantFrom(...STRING_TYPES),
  defaultKeyType: fc.constantFrom<ToStringOptions["defaultKeyType"]>(null, "PLAIN", "QUOTE_DOUBLE", "QUOTE_SINGLE"),
  collectionStyle: fc.constantFrom<ToStringOptions["collectionStyle"]>("any", "block", "flow"),
  lineWidth: fc.constantFrom(0, 20, 80),
  minContentWidth: fc.constantFrom(0, 20),
  indent: fc.constantFrom(2, 4),
  indentSeq: fc.boolean(),
  flowCollectionPadding: fc.boolean(),
  doubleQuotedAsJSON: fc.boolean(),
  blockQuote: fc.constantFrom<ToStringOptions["blockQuote"]>(true, false, "literal", "folded"),
});

/** `yaml` writes it, possibly with CRLF line breaks and a comment here and there. */
const written = fc
  .tuple(value, options, fc.boolean(), fc.boolean())
  .map(([data, opts, crlf, comments]) => {
    let out: string;
    try {
      out = stringify(data, opts as ToStringOptions);
    } catch {
      return "a: 1\n";
    }
    if (comments) out = out.replace(/\n/g, (m, at: number) => (at % 3 === 0 ? " # note\n" : m));
    return crlf ? out.replace(/\n/g, "\r\n") : out;
  });

const PROJECT = readFileSync(join(ROOT, "examples", "minimal", "cpts.yaml"), "utf8");

/** The minimal example with a few pieces inserted, removed or replaced. */
const mutated = fc
  .array(fc.tuple(fc.nat(), fc.nat(3), piece, fc.constantFrom("insert", "delete", "replace")), { minLength: 1, maxLength: 4 })
  .map((edits) => {
    let s = PROJECT;
    for (const [at, length, p, op] of edits) {
      const i = at % (s.length + 1);
      const end = op === "insert" ? i : op === "delete" ? i + length + 1 : i + 1;
      s = s.slice(0, i) + (op === "delete" ? "" : p) + s.slice(end);
    }
    return s;
  });

/** Lines of `key: value`, list items, block scalars and comments with uneven indentation. */
const line = fc.oneof(
  fc
    .tuple(
      fc.nat(6),
      fc.constantFrom("", "- ", "- - ", "? ", ": "),
      fc.oneof(key, text),
      fc.constantFrom("", ":", ": ", ": |", ": >-", " #c"),
      fc.oneof(text, scalar.map(String)),
    )
    .map(([indent, lead, k, sep, v]) => `${" ".repeat(indent)}${lead}${k}${sep}${sep.endsWith(" ") ? v : ""}`),
  fc.constantFrom("", "  ", "# commentaire", "  # commentaire"),
);
const lines = fc.array(line, { minLength: 1, maxLength: 10 }).map((ls) => ls.join("\n"));

describe("the fast read path on generated texts", () => {
  it("projects and values written by yaml's stringify, in every style", () => {
    fc.assert(fc.property(written, (source) => void expectSameOrDeclined(source)), { numRuns: RUNS * 3 });
  }, GENERATED_TIMEOUT);

  it("the minimal example with pieces inserted, removed or replaced", () => {
    fc.assert(fc.property(mutated, (source) => void expectSameOrDeclined(source)), { numRuns: RUNS * 3 });
  }, GENERATED_TIMEOUT);

  it("YAML-like lines with uneven indentation", () => {
    fc.assert(fc.property(lines, (source) => void expectSameOrDeclined(source)), { numRuns: RUNS * 3 });
  }, GENERATED_TIMEOUT);

  it("arbitrary texts made of YAML pieces", () => {
    fc.assert(fc.property(text, (source) => void expectSameOrDeclined(source)), { numRuns: RUNS * 3 });
  }, GENERATED_TIMEOUT);

  it("takes the fast path for most files yaml writes in its default style", () => {
    let taken = 0;
    const runs = 200;
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom("nom", "sigle", "ville", "texte"), fc.string({ unit: "grapheme", maxLength: 30 })), (data) => {
        if (expectSameOrDeclined(stringify({ version: 1, cpts: data }))) taken++;
      }),
      { numRuns: runs },
    );
    expect(taken).toBeGreaterThan(runs / 2);
  });
});

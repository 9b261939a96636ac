/**
 * Property: saving a project file and reading it back is the identity on the data, and keeps the
 * file's header comments and editor modeline — whatever the answers contain (any Unicode, quotes,
 * « : », « # », line breaks, numbers written with leading zeros, booleans, nested lists).
 *
 * Each run starts from a real project file, applies arbitrary edits through the yaml Document API
 * (as the wizard does), writes what a save writes (`projectBytes`; the save's checks and lock are
 * tested in test/project/file.test.ts) and reloads with `readProjectFile`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { projectBytes, readProjectFile } from "../../src/project/file.js";
import { EXAMPLES } from "../helpers.js";

const RUNS = Number(process.env.CPTS_PROPERTY_RUNS ?? 100);
const dir = mkdtempSync(join(tmpdir(), "cpts-prop-save-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Pieces that break naive YAML writers: indicators, quotes, comment marks, look-alike scalars. */
const TRICKY = [
  '"', "'", ":", ": ", " #", "#", "# ", "\n", "\n\n", "\r\n", "\t", " ", "  ", "-", "- ", "? ", "*", "&", "!", "!!", "|", ">",
  "%", "@", "`", "{", "}", "[", "]", ",", "~", "\\", "\\n", "01000", "0612345678", "007", "0x1F", "0o17", "1e3", "1_000",
  "+1", "-0", ".5", ".inf", "-.inf", ".nan", "null", "Null", "~", "true", "false", "yes", "no", "on", "off", "y", "n",
  "2026-02-30", "2026-01-15", "12:30", "1:20:30", "---", "...", "<<", "=", "{{#each x}}", "{{> p}}", "**", "# titre",
  "| a | b |", "<script>", "\u00a0", "\u202f", "\u2028", "\u2029", "\ufeff", "\u200b", "é", "e\u0301", "«", "»",
  "’", "😀", "👩‍⚕️", "עברית", "中文"
];

/** Control characters other than tab and line breaks are refused by the loader (see the bad-input battery). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** Any text: tricky pieces and arbitrary Unicode characters, mixed. */
const text = fc.string({
  unit: fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }).filter((c) => !CONTROL.test(c))),
  maxLength: 12,
});

const number = fc.oneof(
  fc.integer(),
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, 1, 1e21, 1.5e-7, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER),
);

const key = fc.oneof(text.filter((k) => k !== "<<"), fc.constantFrom("nom", "__proto__", "constructor", "toString", "01000", "1", "true", "null", ""));

const { value } = fc.letrec<{ value: unknown; leaf: unknown; list: unknown[]; map: Record<string, unknown> }>((tie) => ({
  leaf: fc.oneof({ weight: 4, arbitrary: text }, { weight: 2, arbitrary: number }, fc.boolean(), fc.constant(null)),
  list: fc.array(tie("value"), { maxLength: 4 }),
  map: fc.dictionary(key, tie("value"), { maxKeys: 4 }),
  value: fc.oneof({ depthSize: "small", withCrossShrink: true }, tie("leaf"), tie("list"), tie("map")),
}));

/** Places to write, none a prefix of another: existing answers, empty lists, and new sections. */
const PATHS: (string | number)[][] = [
  ["cpts", "nom"],
  ["cpts", "sigle"],
  ["cpts", "historique"],
  ["porteurs"],
  ["territoire", "communes"],
  ["territoire", "justification"],
  ["diagnostic", "besoins"],
  ["lettre_intention", "lieu"],
  ["calendrier", "jalons"],
  ["notes", "libres", "texte"],
  ["zz_nouvelle_section"],
];

const edits = fc.uniqueArray(
  fc.record({ path: fc.constantFrom(...PATHS), value, asNode: fc.boolean() }),
  { minLength: 1, maxLength: 5, selector: (e) => e.path.join("/") },
);

/** `target` with `value` set at `path`, creating maps on the way (own properties, even `__proto__`). */
function setPath(target: Record<string, unknown>, path: readonly (string | number)[], value: unknown): void {
  let node = target;
  for (const [i, k] of path.entries()) {
    const name = String(k);
    if (i === path.length - 1) {
      Object.defineProperty(node, name, { value, enumerable: true, writable: true, configurable: true });
      return;
    }
    const next = Object.prototype.hasOwnProperty.call(node, name) ? node[name] : undefined;
    if (typeof next !== "object" || next === null || Array.isArray(next)) {
      Object.defineProperty(node, name, { value: {}, enumerable: true, writable: true, configurable: true });
    }
    node = node[name] as Record<string, unknown>;
  }
}

/** The comment lines before the first key: the modeline and the header the user wrote. */
function header(source: string): string[] {
  const lines = source.split("\n");
  const out: string[] = [];
  for (const line of lines) {
    if (!line.startsWith("#")) break;
    out.push(line);
  }
  return out;
}

describe.each([
  ["examples/minimal", join(EXAMPLES, "minimal", "cpts.yaml")],
  ["examples/bergerac", join(EXAMPLES, "bergerac", "cpts.yaml")],
])("save then load, starting from %s", (_name, example) => {
  const source = readFileSync(example, "utf8");
  const head = header(source);

  it("has a modeline and a header to keep", () => {
    expect(head[0]).toMatch(/^# yaml-language-server: \$schema=/);
    expect(head.length).toBeGreaterThan(1);
  });

  it("gives back exactly the data written, with the header comments and modeline unchanged", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(edits, async (changes) => {
        const path = join(dir, `p${n++}.yaml`);
        writeFileSync(path, source);
        const file = await readProjectFile(path);
        const expected = structuredClone(file.data) as Record<string, unknown>;
        for (const { path: at, value: v, asNode } of changes) {
          file.doc.setIn(at, asNode ? file.doc.createNode(v) : v);
          setPath(expected, at, structuredClone(v));
        }
        writeFileSync(path, projectBytes(file.doc, file.format));
        const saved = readFileSync(path, "utf8");
        const back = await readProjectFile(path);
        expect(back.findings).toEqual([]);
        // toEqual, not toStrictEqual: an answer keyed « constructor » would make the latter compare
        // that answer by identity.
        expect(back.data).toEqual(expected);
        expect(header(saved)).toEqual(head);
        // Every other comment line of the original is still in the file (it may be re-indented).
        const comments = (text: string) => text.split("\n").map((l) => l.trim()).filter((l) => l.startsWith("#"));
        const kept = new Set(comments(saved));
        expect(comments(source).filter((c) => !kept.has(c))).toEqual([]);
        rmSync(path);
        rmSync(`${path}.bak`, { force: true });
      }),
      { numRuns: RUNS },
    );
  });
});

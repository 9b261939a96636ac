/**
 * A fast, read-only parse of a project file, used only when its result is certain to be the one
 * the `yaml` package would give (`parseDocument(source).toJS()`) and when `yaml` would report no
 * error and no warning. `yaml` keeps comments and positions, which saving and messages need, but
 * takes several times longer on a cold start; a valid file read by `cpts valider` or
 * `cpts generer` never needs them.
 *
 * Two tiers, after the same source checks: src/project/yaml-subset.ts reads the block style
 * project files are written in without loading any YAML library; when it declines, js-yaml
 * (loaded then, not before) reads the file under the guards below.
 *
 * Anything unusual makes the fast path decline, and the caller then runs the full parse: a
 * false alarm costs a few milliseconds, a wrong acceptance would change what the user sees.
 * test/project/fast-yaml.test.ts and test/project/yaml-subset.test.ts compare the parsers on
 * every example, every fixture and generated files.
 */
import { createRequire } from "node:module";
import type { Schema, State } from "js-yaml";
import { CORE_SCALARS } from "./core-scalars.js";
import { parseBlockSubset } from "./yaml-subset.js";

/** Which reader gave the data: the block-style subset, or js-yaml. */
export type FastTier = "subset" | "js-yaml";
export type FastParse = { ok: true; data: unknown; tier: FastTier } | { ok: false; reason: string };

/*
 * Plain scalars are resolved as by `yaml`'s YAML 1.2 core schema (src/project/core-scalars.ts).
 * The tags are private so that no explicit tag (`!!int`, `!!str`…) is known to js-yaml: it
 * throws on every one of them, and the full parse takes over.
 */
const TAG_PREFIX = "tag:cpts.invalid,2026:fast-";
const IMPLICIT_TAGS = new Set(CORE_SCALARS.map(([name]) => TAG_PREFIX + name));

type JsYaml = typeof import("js-yaml");
let jsYaml: { load: JsYaml["load"]; schema: Schema } | undefined;

/**
 * js-yaml and its schema, loaded on first need: most project files never need them, and
 * loading them is a good part of a cold read. `createRequire` works both from the sources and
 * from the bundle (which rewrites `import.meta.url` to this module's built file).
 */
function loadJsYaml(): NonNullable<typeof jsYaml> {
  if (jsYaml) return jsYaml;
  const { load, Schema, Type } = createRequire(import.meta.url)("js-yaml") as JsYaml;
  // No explicit type at all: block and flow collections and quoted scalars need none in js-yaml.
  const schema = new Schema({
    implicit: CORE_SCALARS.map(
      ([name, test, construct]) =>
        new Type(TAG_PREFIX + name, { kind: "scalar", resolve: (data: unknown) => typeof data === "string" && test.test(data), construct }),
    ),
  });
  return (jsYaml = { load, schema });
}

/** Whether js-yaml has been loaded in this process (tests check that examples do not need it). */
export function jsYamlLoaded(): boolean {
  return jsYaml !== undefined;
}

/**
 * A key of the parsed data that may come from a null, boolean or number key (js-yaml writes
 * `String(value)`: "null", "true", "15", "1e+21", "Infinity", "NaN"…), or that is empty.
 */
const NON_STRING_KEY = new RegExp(
  [/^(?:|Infinity|-Infinity|NaN)$/, ...CORE_SCALARS.map(([, test]) => test)].map((r) => `(?:${r.source})`).join("|"),
);

/**
 * Control characters other than tab and line breaks: invisible, and dangerous in a terminal.
 * file.ts reports each text holding one, with its position: the fast path declines those files.
 */
export const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/**
 * Source patterns that make the fast path decline. Each is a superset of a construct where the
 * two parsers may differ, or where `yaml` reports something js-yaml does not.
 */
const SOURCE_CHECKS: readonly [reason: string, pattern: RegExp][] = [
  // yaml refuses tabs in indentation and treats them differently around separators.
  ["tabulation", /\t/],
  // A carriage return that does not end a CRLF line break; odd separators and byte order marks.
  ["saut de ligne inhabituel", /\r(?!\n)|[\u0085\u2028\u2029\uFEFF]/],
  // Directives and document markers (several documents, `...`). Even when followed by text:
  // js-yaml takes `---text` on the first line for a marker, yaml for text.
  ["directive ou marqueur de document", /^(?:%|---|\.\.\.)/m],
  // Escaped line breaks fold differently; \U escapes beyond Unicode are errors for yaml only.
  ["échappement", /\\(?:\r?\n|U)/],
  // Verbatim tags: js-yaml would apply `!<?>` and its own private tags (every other explicit tag
  // makes it throw, and `!` alone is caught by the listener below).
  ["étiquette", /!</],
  // Explicit (complex) keys.
  ["clé explicite", /(?:^[ ]*(?:-[ ]+)*|[[{,][ ]*)\?(?=[ \r\n]|$)/m],
  // A comment glued to a quote, a bracket, a comma or a colon: an error for yaml, a comment for js-yaml.
  ["commentaire collé", /[,:"'[\]{}]#/],
  // Explicit indentation indicators and keep chomping (`|+`: js-yaml adds a final line break
  // to the source, which keep chomping would count) of block scalars.
  ["en-tête de bloc", /[|>](?:[-+]?[0-9]|\+)/],
  // A block scalar whose first lines hold only spaces: an error for yaml, accepted by js-yaml
  // (which takes their width for the scalar's indentation).
  ["bloc commençant par des espaces", /[|>][-+]?[ ]*(?:#.*)?\r?\n(?:[ ]*\r?\n)*[ ]+\r?\n/],
  // An empty sequence entry: js-yaml then takes later, less indented `- ` lines into the same list.
  ["élément de liste vide", /^[ ]*(?:-[ ]+)*-[ ]*(?:#.*)?$/m],
];

/** A line that ends a key without a value on it (perhaps with a comment). */
const EMPTY_KEY = /:(?:[ ]+#.*)?[ ]*$/;

/**
 * A key without value on its line, then comments, then the indented value, where yaml's lexer
 * lowers the indentation it expects for the value's continuation lines (node_modules/yaml/dist/
 * parse/lexer.js, `parseLineStart`: a line whose first character is followed by another one):
 * - a blank line, then a comment in the first column;
 * - a comment whose `#` is glued to its text (`#-`, `#note`), less indented than the value.
 * yaml then reads the lines after a plain text value as part of it (and reports a multi-line
 * key), js-yaml and the subset reader do not. A scan line by line: a regular expression would
 * backtrack without end on long runs of comments.
 */
function commentBeforeValue(source: string): boolean {
  // Only a comment in the first column or a glued comment can start the trouble.
  if (!source.startsWith("#") && !source.includes("\n#") && !/#[^ \r\n]/.test(source)) return false;
  let previous = ""; // the last line with content
  let blank = false;
  let comment = false;
  /** The least indentation of a glued comment since the last line with content, or -1. */
  let glued = -1;
  for (const raw of source.split("\n")) {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    const content = line.trimStart();
    const indent = line.length - content.length;
    if (content === "") blank = true;
    else if (content.startsWith("#")) {
      comment ||= blank && line.startsWith("#");
      if (content.length > 1 && content[1] !== " " && (glued === -1 || indent < glued)) glued = indent;
    } else {
      // The line before is tested only here, where it matters: most lines are never tested.
      if (((comment && line.startsWith(" ")) || (glued !== -1 && indent > glued)) && EMPTY_KEY.test(previous)) return true;
      previous = line;
      blank = comment = false;
      glued = -1;
    }
  }
  return false;
}

/**
 * yaml's limit is the `:` of an implicit key at most 1024 characters after the key's start; the
 * check below keeps a margin under it.
 */
const LONG_LINE = 1000;

/**
 * True when a line may hold an implicit key longer than yaml accepts (js-yaml has no limit). Only
 * lines longer than `LONG_LINE` matter: implicit keys are single-line.
 */
function mayHaveLongKey(source: string): boolean {
  let start = 0;
  while (start < source.length) {
    let end = source.indexOf("\n", start);
    if (end === -1) end = source.length;
    if (end - start > LONG_LINE && longKeyInLine(source.slice(start, end))) return true;
    start = end + 1;
  }
  return false;
}

function longKeyInLine(line: string): boolean {
  // Keys inside flow collections: any colon after a bracket is treated as one.
  const bracket = line.search(/[[{]/);
  if (bracket !== -1 && line.indexOf(":", bracket) !== -1) return true;
  const lead = /^[ ]*(?:-[ ]+)*/.exec(line)![0].length;
  const from = lead;
  const quote = line[lead];
  if (quote === '"' || quote === "'") {
    let i = lead + 1;
    for (; i < line.length; i++) {
      if (quote === '"' && line[i] === "\\") i++;
      else if (line[i] === quote) {
        if (quote === "'" && line[i + 1] === "'") i++;
        else break;
      }
    }
    if (i >= line.length) return false; // not closed on this line: not an implicit key
    const colon = /^[ ]*:/.exec(line.slice(i + 1));
    return colon !== null && i + colon[0].length - lead >= LONG_LINE;
  }
  // A plain key ends at the first `: ` (or `:` at the end of the line).
  const colon = /:(?=[ \r]|$)/.exec(line.slice(from));
  return colon !== null && from + colon.index - lead >= LONG_LINE;
}

/**
 * The first characters of the texts NON_STRING_KEY matches, besides the empty text: most keys
 * start otherwise and skip the expression.
 */
const MAY_NOT_BE_TEXT = new Set("-+.0123456789~nNtTfFI");

/**
 * Why the parsed data could differ from yaml's, or undefined. Also walks every string once, when
 * `strings` says they may hold a control character.
 */
function checkData(value: unknown, strings: boolean): string | undefined {
  if (typeof value === "string") return strings && CONTROL.test(value) ? "caractère de contrôle" : undefined;
  if (typeof value !== "object" || value === null) return undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const why = checkData(item, strings);
      if (why) return why;
    }
    return undefined;
  }
  for (const key of Object.keys(value)) {
    // yaml turns a null key into "", js-yaml into "null": decline on every key that may not have
    // been a text (booleans and numbers too, and the empty key).
    if (key === "" || (MAY_NOT_BE_TEXT.has(key[0]!) && NON_STRING_KEY.test(key))) return "clé qui n’est pas un texte";
    const why = checkData((value as Record<string, unknown>)[key], strings);
    if (why) return why;
  }
  return undefined;
}

/** The parser state a listener sees; @types/js-yaml leaves out the node's properties. */
type ListenerState = State & { tag: string | null; anchor: string | null };
/** Where js-yaml started reading a node: its `open` event comes before it skips spaces. */
type NodeStart = { line: number; position: number };

const nextNonSpace = (text: string, from: number) => {
  let i = from;
  while (text[i] === " " || text[i] === "\r" || text[i] === "\n") i++;
  return i;
};

const previousNonSpace = (text: string, before: number) => {
  let i = before - 1;
  while (i >= 0 && text[i] === " ") i--;
  return text[i];
};

/**
 * A flow collection (`[…]`, `{…}`) just read: declines when it spans several lines, or when it is
 * a key (followed by `:`, or an entry of a flow mapping), which yaml and js-yaml turn into
 * different texts.
 */
function checkFlowCollection(state: ListenerState, start: NodeStart, parent?: NodeStart): string | undefined {
  const text = state.input;
  const last = text[state.position - 1];
  if (last !== "]" && last !== "}") return undefined; // a block collection
  if (start.line !== state.line) return "liste ou section entre crochets sur plusieurs lignes";
  if (text[nextNonSpace(text, state.position)] === ":") return "liste ou section utilisée comme clé";
  const before = previousNonSpace(text, nextNonSpace(text, start.position));
  if (before === "{" || (before === "," && parent && text[nextNonSpace(text, parent.position)] === "{"))
    return "liste ou section utilisée comme clé";
  return undefined;
}


/** Number of successful fast parses in this process (tests check the fast path is really taken). */
let taken = 0;
export function fastParseCount(): number {
  return taken;
}

/**
 * Parses `source` with the subset reader, or else js-yaml, when that is guaranteed to give what
 * `yaml` gives, with no YAML finding; otherwise says why not. Never throws. `tiers` lets tests
 * try one reader alone.
 */
export function fastParse(source: string, { tiers = ["subset", "js-yaml"] }: { tiers?: readonly FastTier[] } = {}): FastParse {
  try {
    return attempt(source, tiers);
  } catch {
    return { ok: false, reason: "erreur inattendue" };
  }
}

function attempt(source: string, tiers: readonly FastTier[]): FastParse {
  for (const [reason, pattern] of SOURCE_CHECKS) if (pattern.test(source)) return { ok: false, reason };
  if (mayHaveLongKey(source)) return { ok: false, reason: "clé très longue" };
  if (commentBeforeValue(source)) return { ok: false, reason: "commentaire avant une valeur" };

  let tier: FastTier = "subset";
  let data: unknown = tiers.includes("subset") ? parseBlockSubset(source) : undefined;
  if (data === undefined) {
    if (!tiers.includes("js-yaml")) return { ok: false, reason: "hors du sous-ensemble" };
    tier = "js-yaml";
    const read = readWithJsYaml(source);
    if (!read.ok) return read;
    data = read.data;
  }
  // Only a section can be a project: an empty stream (undefined for js-yaml, null for yaml), a
  // text or a list at the root is an error the full path reports with its position.
  if (typeof data !== "object" || data === null || Array.isArray(data)) return { ok: false, reason: "racine qui n’est pas une section" };
  // The subset reader refuses control characters in the source: only escapes can make one.
  const why = checkData(data, tier === "js-yaml" || source.includes("\\"));
  if (why) return { ok: false, reason: why };
  taken++;
  return { ok: true, data, tier };
}

function readWithJsYaml(source: string): { ok: true; data: unknown } | { ok: false; reason: string } {
  const { load, schema } = loadJsYaml();
  let declined: string | undefined;
  const open: NodeStart[] = [];
  const listener = (event: "open" | "close", state: ListenerState) => {
    if (event === "open") {
      open.push({ line: state.line, position: state.position });
      return;
    }
    const start = open.pop()!;
    if (declined) return;
    if (state.anchor !== null) declined = "ancre";
    else if (state.tag !== null && state.tag !== "?" && !IMPLICIT_TAGS.has(state.tag)) declined = "étiquette";
    else if (state.kind === "sequence" || state.kind === "mapping") declined = checkFlowCollection(state, start, open.at(-1));
  };
  let data: unknown;
  try {
    data = load(source, {
      schema,
      json: false,
      listener(event, state) {
        listener(event, state as ListenerState);
      },
      onWarning: () => {
        declined ??= "avertissement de js-yaml";
      },
    });
  } catch {
    return { ok: false, reason: "refusé par js-yaml" };
  }
  if (declined) return { ok: false, reason: declined };
  return { ok: true, data };
}

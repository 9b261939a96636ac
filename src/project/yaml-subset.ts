/**
 * A reader for the block-style YAML that project files are made of: the files `yaml` writes
 * (src/project/file.ts) and the usual hand edits. It loads no YAML library, which is most of the
 * time `cpts valider` would otherwise spend reading a file.
 *
 * What it reads:
 * - comment lines and trailing comments, blank lines, LF or CRLF line breaks;
 * - block mappings whose keys are plain or quoted on one line, block sequences (`- valeur`,
 *   `- clé: valeur`), a sequence at the same indentation as its key;
 * - plain scalars, on one line or folded over several (resolved by the core schema);
 * - single- and double-quoted scalars on one line, with their escapes;
 * - literal `|` and folded `>` block scalars, clip or strip (`-`) chomping;
 * - flow sequences and mappings of scalars on one line (`[a, "b"]`, `{ a: 1 }`, `[]`, `{}`).
 *
 * Anything else (anchors, tags, explicit keys, nested `- -`, multi-line quotes or flow
 * collections, keep chomping, indentation indicators, odd indentation, duplicate keys…) makes it
 * decline, and the caller falls back on slower, complete parsers. It relies on the source checks
 * of src/project/fast-yaml.ts having run first (tabs, lone carriage returns, directives and
 * document markers, long keys…): it is only ever called after them.
 *
 * It works line by line: a line's indentation decides where it belongs, and regular
 * expressions read what is on it. Most of its time on a cold start goes to the garbage
 * collector and to compiling its regular expressions, hence offsets into the text rather than
 * an array of lines, and one expression for most lines.
 */
import { resolvePlain } from "./core-scalars.js";

/** Thrown to abandon the read; caught once, at the top. */
const DECLINE = { declined: true } as const;

function decline(): never {
  throw DECLINE;
}

/**
 * Characters js-yaml refuses in scalars (src/loader.js, PATTERN_NON_PRINTABLE, and C1 controls
 * besides): refused here anywhere, so that this reader never accepts a text js-yaml would not.
 */
const NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;

/**
 * A plain scalar that needs no further look: it starts as a plain scalar may (not with an
 * indicator, except `-` before a character), holds no `: ` and no ` #`, and ends with neither
 * `:` nor a space. Like every part of LINE, it never crosses a line break.
 */
const SIMPLE_PLAIN = String.raw`(?:[^-?:,[\]{}#&*!|>'"%@\` \n\r]|-(?=[^ \n\r]))(?:[^ :\n\r]|:(?=[^ \n\r])| +(?=[^ #\n\r]))*`;
const PLAIN_KEY = String.raw`[^-?:,[\]{}#&*!|>'"%@\` \n\r](?:[^ \n\r]| (?!#))*?`;

/**
 * One line, read by a single regular expression: its indentation (1); then either a comment or
 * nothing (2), or a `-` entry indicator with the spaces after it (3), a key and its `:` (4), and
 * the rest (5), which starts after the spaces; (6) is the rest when it is a simple plain scalar,
 * perhaps followed by spaces and a comment. A plain key may not hold ` #` (a comment starts
 * there), ends before the first `: `, and loses its trailing spaces.
 */
const LINE = new RegExp(
  String.raw`^( *)(?:(#.*)?|(-(?= |$) *)?(?:("(?:[^"\\\n\r]|\\.)*"|'(?:[^'\n\r]|'')*'|${PLAIN_KEY}) *:(?= |$))? *((${SIMPLE_PLAIN})(?: +#.*| *)|.*))$`,
  // Applied at the start of a line of the whole text: `$` stops before `\n` and before the `\r` of CRLF.
  "my",
);
/** The whole line, once a scalar or a flow collection has been read: spaces, then perhaps a comment. */
const LINE_END = /^(?: *| +#.*)$/;
const DOUBLE_QUOTED = /^"((?:[^"\\]|\\.)*)"/;
const SINGLE_QUOTED = /^'((?:[^']|'')*)'/;
/** Characters that cannot start a plain scalar here, or that start one this reader leaves to others. */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;
/** `-` followed by something else than a space starts a plain scalar (`-12`, `-x`). */
const PLAIN_DASH = /^-[^ ]/;
/** Block scalar header: `|`, `>`, `|-`, `>-`, perhaps a comment. */
const BLOCK_HEADER = /^([|>])(-?)(?: *| +#.*)$/;
/** Spaces from a position (sticky: `lastIndex` ends up after them). */
const SPACES = / */y;
/** Escapes of a double-quoted scalar that `yaml` and js-yaml decode alike; a lone `\` matches last. */
const ESCAPE = /\\(?:x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|([0abtnvfre "/\\N_LP]))|\\/g;
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  "0": "\0", a: "\x07", b: "\b", t: "\t", n: "\n", v: "\v", f: "\f", r: "\r", e: "\x1b",
  " ": " ", '"': '"', "/": "/", "\\": "\\", N: "\u0085", _: "\u00a0", L: "\u2028", P: "\u2029",
};

/**
 * A plain scalar inside a flow collection: no flow indicator, a `#` only right after a
 * character, a `:` only before one; spaces inside only.
 */
const FLOW_PLAIN = String.raw`[^ ,[\]{}#:](?:[^ ,[\]{}#:]|#|:(?=[^ ,[\]{}])| +(?=[^ ,[\]{}#:]))*`;
/** The same for a key of a flow mapping, without any `:`. */
const FLOW_KEY = String.raw`[^ ,[\]{}#:](?:[^ ,[\]{}#:]|#| +(?=[^ ,[\]{}#:]))*`;
const FLOW_QUOTED = String.raw`"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'`;
/** One item of a flow sequence on one line, with the `,` or `]` after it. */
const FLOW_ITEM = new RegExp(String.raw` *(?:${FLOW_QUOTED}|(${FLOW_PLAIN})) *([,\]])`, "y");
/** One entry of a flow mapping on one line, with the `,` or `}` after it. */
const FLOW_ENTRY = new RegExp(String.raw` *(?:${FLOW_QUOTED}|(${FLOW_KEY})) *: +(?:${FLOW_QUOTED}|(${FLOW_PLAIN})) *([,}])`, "y");
const EMPTY_FLOW_SEQUENCE = / *\]/y;
const EMPTY_FLOW_MAPPING = / *\}/y;

function doubleQuoted(body: string): string {
  if (!body.includes("\\")) return body;
  return body.replace(ESCAPE, (whole, hex?: string, unicode?: string, simple?: string) => {
    if (hex !== undefined || unicode !== undefined) return String.fromCharCode(parseInt((hex ?? unicode)!, 16));
    if (simple !== undefined) return SIMPLE_ESCAPES[simple]!;
    return decline(); // an escape `yaml` refuses, or that the two full parsers may read differently
  });
}

function singleQuoted(body: string): string {
  return body.includes("'") ? body.replaceAll("''", "'") : body;
}

/** The text of a key as LINE captured it. */
function keyText(raw: string): string {
  const first = raw[0];
  if (first === '"') return doubleQuoted(raw.slice(1, -1));
  if (first === "'") return singleQuoted(raw.slice(1, -1));
  if (raw === "<<") decline(); // a merge key for some readers
  return raw;
}

/** A plain scalar that starts as this reader expects: not with an indicator, except `-x`. */
function plainStart(text: string): boolean {
  return !INDICATOR.test(text) || PLAIN_DASH.test(text);
}

function trimSpacesEnd(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** `-` at `at`, then a space or the end of the line: a block sequence entry. */
function isEntry(text: string, at: number): boolean {
  if (text.charCodeAt(at) !== 45) return false;
  const c = text.charCodeAt(at + 1);
  return c === 32 || c === 10 || c === 13 || at + 1 === text.length;
}

function setKey(map: Record<string, unknown>, key: string, value: unknown): void {
  if (Object.hasOwn(map, key)) decline(); // `yaml` reports duplicate keys
  // An own `__proto__` key, as `yaml` makes it, rather than a new prototype.
  if (key === "__proto__") Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
  else map[key] = value;
}

function flowScalar(double: string | undefined, single: string | undefined, plain: string | undefined): unknown {
  if (double !== undefined) return doubleQuoted(double);
  if (single !== undefined) return singleQuoted(single);
  if (!plainStart(plain!)) decline();
  return resolvePlain(plain!);
}

/**
 * Reads the text line by line, by offsets into it: no array of lines, and each line with content
 * matched by LINE once, its match dropped right after.
 */
class Reader {
  /** Where the current line starts (the text's length at the end). */
  private pos = 0;

  constructor(private readonly source: string) {}

  document(): Record<string, unknown> {
    const indent = this.skip();
    if (indent === -1) decline(); // empty
    const m = this.line();
    if (m[4] === undefined || m[3] !== undefined) decline(); // not a mapping
    const map = this.mapping(indent, m);
    if (this.skip() !== -1) decline();
    return map;
  }

  /** Where the line after the one starting at `start` starts. */
  private after(start: number): number {
    const nl = this.source.indexOf("\n", start);
    return nl === -1 ? this.source.length : nl + 1;
  }

  /** LINE's match for the current line. */
  private line(): RegExpExecArray {
    LINE.lastIndex = this.pos;
    return LINE.exec(this.source) ?? decline();
  }

  /**
   * Where the content of the line starting at `start` starts, or -1 when the line is blank or a
   * comment.
   */
  private content(start: number): number {
    SPACES.lastIndex = start;
    SPACES.test(this.source);
    const at = SPACES.lastIndex;
    const c = this.source.charCodeAt(at);
    // End of text, `\n`, the `\r` of CRLF, or `#`.
    return at === this.source.length || c === 10 || c === 13 || c === 35 ? -1 : at;
  }

  /** Moves to the next line that is neither blank nor a comment; its indentation, or -1 at the end. */
  private skip(): number {
    const { source } = this;
    for (let start = this.pos; start < source.length; start = this.after(start)) {
      const at = this.content(start);
      if (at !== -1) {
        this.pos = start;
        return at - start;
      }
    }
    this.pos = source.length;
    return -1;
  }

  /** Indentation of the current line, or -1 at the end (the reader is on a line with content). */
  private indent(): number {
    return this.pos < this.source.length ? this.content(this.pos) - this.pos : -1;
  }

  /**
   * The value of the current line when it is a simple plain scalar that no deeper line
   * continues (most values of a project file); moves to the next line that is neither blank nor
   * a comment. Otherwise undefined, and the reader stays on the line.
   */
  private simple(m: RegExpExecArray, parent: number): unknown {
    const text = m[6];
    if (text === undefined) return undefined;
    const at = this.pos;
    this.pos = this.after(at);
    if (this.skip() > parent) {
      this.pos = at;
      return undefined;
    }
    return resolvePlain(text);
  }

  /**
   * A block mapping whose keys are at `col`, starting on the current line (`m`), which has a key
   * at `col` (after a `-` for the first key of a mapping inside a sequence entry).
   */
  private mapping(col: number, first: RegExpExecArray): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    for (let m = first; ; m = this.line()) {
      const key = m[4];
      if (key === undefined) decline();
      let value = this.simple(m, col);
      if (value === undefined) {
        value = this.value(m[5]!, col);
        this.skip();
      }
      setKey(map, keyText(key), value);
      const next = this.indent();
      if (next < col) return map;
      if (next > col || isEntry(this.source, this.pos + col)) decline();
    }
  }

  /** A block sequence whose `-` are at `col`, starting on the current line (`m`). */
  private sequence(col: number, first: RegExpExecArray): unknown[] {
    const list: unknown[] = [];
    for (let m = first; ; m = this.line()) {
      const dash = m[3]!;
      const rest = m[5]!;
      if (m[4] !== undefined) list.push(this.mapping(col + dash.length, m));
      // Empty entries, and entries that are sequences themselves (`- - x`).
      else if (dash.length === 1 || rest === "" || rest[0] === "#" || rest === "-" || rest.startsWith("- ")) decline();
      else {
        let value = this.simple(m, col);
        if (value === undefined) {
          value = this.inline(rest, col);
          this.skip();
        }
        list.push(value);
      }
      const next = this.indent();
      if (next < col || (next === col && !isEntry(this.source, this.pos + col))) return list;
      if (next > col) decline();
    }
  }

  /**
   * The value after a key's `:` (`rest` is what follows the spaces after it). `parent` is the
   * indentation of the mapping: a value on the next lines must be deeper, except a sequence.
   */
  private value(rest: string, parent: number): unknown {
    if (rest !== "" && rest[0] !== "#") return this.inline(rest, parent);
    this.pos = this.after(this.pos);
    const next = this.skip();
    if (next > parent) return this.block(next, parent);
    if (next === parent && isEntry(this.source, this.pos + parent)) return this.sequence(parent, this.line());
    return null;
  }

  /** A node that starts on its own line, at `col`. */
  private block(col: number, parent: number): unknown {
    const m = this.line();
    if (m[3] !== undefined) return this.sequence(col, m);
    if (m[4] !== undefined) return this.mapping(col, m);
    const content = m[5]!;
    if (!plainStart(content) && content[0] !== '"' && content[0] !== "'") decline();
    return this.inline(content, parent);
  }

  /**
   * A scalar or flow collection starting inside the current line (`text` has no leading
   * space). Continuation lines must be deeper than `parent`.
   */
  private inline(text: string, parent: number): unknown {
    const first = text[0];
    if (first === '"' || first === "'") {
      const m = (first === '"' ? DOUBLE_QUOTED : SINGLE_QUOTED).exec(text);
      // Not closed on this line (a multi-line quoted scalar), or followed by something.
      if (!m || !LINE_END.test(text.slice(m[0].length))) decline();
      this.pos = this.after(this.pos);
      return first === '"' ? doubleQuoted(m[1]!) : singleQuoted(m[1]!);
    }
    if (first === "|" || first === ">") return this.blockScalar(text, parent);
    if (first === "[") return this.flowSequence(text);
    if (first === "{") return this.flowMapping(text);
    if (!plainStart(text)) decline();
    return this.plain(text, parent);
  }

  private plain(text: string, parent: number): unknown {
    const hash = text.indexOf(" #");
    let value = trimSpacesEnd(hash === -1 ? text : text.slice(0, hash));
    // `a: b: c` and `a: b:` are errors for `yaml`.
    if (value.includes(": ") || value.endsWith(":")) decline();
    this.pos = this.after(this.pos);
    if (hash !== -1) return resolvePlain(value);
    // Folded continuation lines: a line break is a space, n blank lines are n line breaks.
    const { source } = this;
    let blanks = 0;
    for (let start = this.pos; start < source.length; start = this.after(start)) {
      SPACES.lastIndex = start;
      SPACES.test(source);
      const at = SPACES.lastIndex;
      const c = source.charCodeAt(at);
      if (at === source.length || c === 10 || c === 13) {
        blanks++;
        continue;
      }
      if (c === 35 || at - start <= parent) break; // a comment ends the scalar
      this.pos = start;
      const m = this.line();
      const more = m[5]!;
      // Entries, keys and indicators on a deeper line: errors or other readings for `yaml`.
      if (m[3] !== undefined || m[4] !== undefined || !plainStart(more) || more.includes(": ") || more.includes(" #") || more.endsWith(":"))
        decline();
      value += blanks === 0 ? " " : "\n".repeat(blanks);
      value += trimSpacesEnd(more);
      blanks = 0;
      this.pos = this.after(start);
    }
    return resolvePlain(value);
  }

  /** `|`, `>`, `|-` or `>-` and the lines deeper than `parent` after it. */
  private blockScalar(header: string, parent: number): string {
    const m = BLOCK_HEADER.exec(header);
    if (!m) decline();
    const { source } = this;
    const parts: string[] = [];
    let start = this.after(this.pos);
    /** Where the line starting at `start` ends, before its line break. */
    const lineEnd = (from: number) => {
      const nl = source.indexOf("\n", from);
      return nl === -1 ? source.length : source.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    };
    // Leading empty lines; lines holding only spaces there are read differently by the parsers.
    while (start < source.length && lineEnd(start) === start) {
      parts.push("");
      start = this.after(start);
    }
    SPACES.lastIndex = start;
    SPACES.test(source);
    const indent = SPACES.lastIndex - start;
    if (start < source.length && start + indent === lineEnd(start)) decline();
    if (indent > parent) {
      for (; start < source.length; start = this.after(start)) {
        const end = lineEnd(start);
        SPACES.lastIndex = start;
        SPACES.test(source);
        const k = SPACES.lastIndex - start;
        if (start + k === end) {
          if (k > indent) decline(); // spaces beyond the indentation: content, kept or not
          parts.push("");
          continue;
        }
        if (k < indent) break;
        parts.push(source.slice(start + indent, end));
      }
    }
    this.pos = start;
    let end = parts.length;
    while (end > 0 && parts[end - 1] === "") end--;
    if (end === 0) return "";
    const clip = m[2] === "" ? "\n" : "";
    if (m[1] === "|") return (end === parts.length ? parts : parts.slice(0, end)).join("\n") + clip;
    let out = "";
    let empty = 0;
    let started = false;
    for (let p = 0; p < end; p++) {
      const part = parts[p]!;
      if (part === "") {
        empty++;
        continue;
      }
      if (part.charCodeAt(0) === 32) decline(); // more-indented lines keep their breaks: left to the full parsers
      if (started) out += empty === 0 ? " " : "\n".repeat(empty);
      else out = "\n".repeat(empty);
      out += part;
      started = true;
      empty = 0;
    }
    return out + clip;
  }

  private flowSequence(text: string): unknown[] {
    const list: unknown[] = [];
    EMPTY_FLOW_SEQUENCE.lastIndex = 1;
    let at: number;
    if (EMPTY_FLOW_SEQUENCE.test(text)) at = EMPTY_FLOW_SEQUENCE.lastIndex;
    else {
      at = 1;
      for (;;) {
        FLOW_ITEM.lastIndex = at;
        const m = FLOW_ITEM.exec(text);
        if (!m) decline();
        list.push(flowScalar(m[1], m[2], m[3]));
        at = FLOW_ITEM.lastIndex;
        if (m[4] === "]") break;
      }
    }
    if (!LINE_END.test(text.slice(at))) decline();
    this.pos = this.after(this.pos);
    return list;
  }

  private flowMapping(text: string): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    EMPTY_FLOW_MAPPING.lastIndex = 1;
    let at: number;
    if (EMPTY_FLOW_MAPPING.test(text)) at = EMPTY_FLOW_MAPPING.lastIndex;
    else {
      at = 1;
      for (;;) {
        FLOW_ENTRY.lastIndex = at;
        const m = FLOW_ENTRY.exec(text);
        if (!m) decline();
        const key = m[1] !== undefined ? doubleQuoted(m[1]) : m[2] !== undefined ? singleQuoted(m[2]) : m[3]!;
        if (m[3] !== undefined && (!plainStart(key) || key === "<<")) decline();
        setKey(map, key, flowScalar(m[4], m[5], m[6]));
        at = FLOW_ENTRY.lastIndex;
        if (m[7] === "}") break;
      }
    }
    if (!LINE_END.test(text.slice(at))) decline();
    this.pos = this.after(this.pos);
    return map;
  }
}

/**
 * The data of a project file whose root is a block mapping, when it is written only with the
 * constructs above; otherwise undefined. Never throws.
 */
export function parseBlockSubset(source: string): Record<string, unknown> | undefined {
  if (NON_PRINTABLE.test(source)) return undefined;
  try {
    return new Reader(source).document();
  } catch {
    return undefined;
  }
}

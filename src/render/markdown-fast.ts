/**
 * Markdown read without marked, line by line: the blocks templates write turned into the tokens
 * marked's lexer gives for them (only the fields markdown.ts reads), so that both paths share one
 * converter. Loading and warming up marked costs more than the rest of a generation's Markdown
 * work, and templates only write a small part of what it reads.
 *
 * Read here: ATX headings, paragraphs, bullet and ordered lists (nested, task items, lazy
 * continuation lines), GFM tables, thematic breaks, directive comments alone on their line, and
 * the inline forms of markdown-fast-inline.ts. The steps are marked's own (Lexer.ts, Tokenizer.ts:
 * its list item rules, its paragraph interruptions, its table cell splitting).
 *
 * The whole text declines (`undefined`) on any line whose reading is not certain to be marked's:
 * tabs, lines of other blank characters, indented code, fences, block quotes, other HTML, link
 * definitions, setext underlines, table-shaped lines that are not a table, blocks that lists
 * cannot hold, and any inline text that markdown-fast-inline.ts declines.
 */
import type { Align } from "./markdown.js";
import { fastInline, type InlineToken } from "./markdown-fast-inline.js";

export type { InlineToken } from "./markdown-fast-inline.js";

/** An inline token of marked's, when marked read the text (see `InlineReader`). */
export interface ForeignToken {
  readonly type: string;
}
export type InlineTokens = InlineToken[] | readonly ForeignToken[];
/**
 * Reads an inline text that markdown-fast-inline.ts declines (marked's inline lexer does it
 * exactly as in a whole text: inline lexing only sees the text, and link definitions, the only
 * other thing it reads, make the fast path decline).
 */
export type InlineReader = (text: string) => readonly ForeignToken[];

export interface ListItemToken {
  task: boolean;
  checked?: boolean;
  tokens: BlockToken[];
}
export type BlockToken =
  | { type: "heading"; depth: number; tokens: InlineTokens }
  | { type: "paragraph"; tokens: InlineTokens }
  | { type: "list"; ordered: boolean; start: number | ""; items: ListItemToken[] }
  | { type: "table"; align: (Align | null)[]; header: { tokens: InlineTokens }[]; rows: { tokens: InlineTokens }[][] }
  | { type: "html"; text: string }
  | { type: "hr" };

/** Thrown to stop reading; caught by `fastMarkdown`. */
const DECLINE: unique symbol = Symbol("decline");

function decline(): never {
  throw DECLINE;
}

// Lines are tested by hand where marked's rules (rules.ts) are simple enough, which spares a cold
// process compiling their regular expressions; the others are marked's, for one line without its
// newline. No line holds a tab (declined).

/** Tabs (their width depends on the column), and line separators that end a line for `.` but not for marked. */
const UNREAD_CHARACTERS = /[\t\u2028\u2029]/u;
/** A line of blank characters other than spaces, which marked's rules do not all see as blank. */
const ODD_BLANK_LINE = /^[^\S\n]*[^\S \n][^\S\n]*$/mu;
const HTML_TAGS =
  "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|meta|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul";
/** HTML blocks of types 1 to 6, which interrupt a paragraph or a table (from the `<`). */
const HTML_INTERRUPT = new RegExp(
  `^(?:</?(?:${HTML_TAGS})(?:[ \\t]+|$|/?>)|<(?:(?:script|pre|style|textarea)(?:[\\s>]|$)|!--)|<\\?|<![A-Za-z]|<!\\[CDATA\\[)`,
  "u",
);
/** The same rule as a list item's end tests it: without regard to case. */
const HTML_BEGIN = new RegExp(HTML_INTERRUPT.source, "iu");
const DIRECTIVE = /^ {0,3}<!--\s*\/?(?:saut-de-page|droite|centre)\s*-->\s*$/u;
const TABLE_DELIMITER = /^ {0,3}((?:\| *)?:?-+:? *(?:\| *:?-+:? *)*(?:\| *)?)$/u;
/** Only characters of a delimiter row: most table rows fail this before the expression runs. */
const DELIMITER_CHARACTERS = /^[ |:-]+$/u;
const PARAGRAPH_FENCE = /^(?:`{3,}(?=[^`]*$)|~~~)/u;
const BLOCK_FENCE = /^(`{3,}(?=[^`]*$)|~{3,})/u;
const TASK = /^\[[ xX]\][ \t]+\S/u;
const TASK_MARK = /^\[[ xX]\][ \t]+/u;
const NESTED_BLOCK_MARKER = /^ {0,3}(?:(?:[*+-]|\d{1,9}[.)])(?: |$)|> ?)/u;
const NESTED_CONTAINER_MARKERS = /^(?: {0,3}(?:(?:[*+-]|\d{1,9}[.)])[ \t]+|>[ \t]?))+/u;
let unicodeSpace: RegExp | undefined;

let readInline: InlineReader | undefined;

/**
 * The tokens marked gives for `markdown`, as far as markdown.ts reads them, or undefined when
 * only marked can tell. With `inlineReader`, an inline text the fast path declines is read by
 * it instead of making the whole text decline.
 */
export function fastMarkdown(markdown: string, inlineReader?: InlineReader): BlockToken[] | undefined {
  const src = markdown.includes("\r") ? markdown.replace(/\r\n|\r/gu, "\n") : markdown;
  if (UNREAD_CHARACTERS.test(src) || ODD_BLANK_LINE.test(src)) return undefined;
  const lines = src.split("\n");
  // A last line of spaces would continue a paragraph or a table.
  const last = lines[lines.length - 1]!;
  if (last !== "" && indentOf(last) < 0) return undefined;
  readInline = inlineReader;
  try {
    return readTop(lines);
  } catch (e) {
    if (e === DECLINE) return undefined;
    throw e;
  } finally {
    readInline = undefined;
  }
}

function inline(text: string): InlineTokens {
  return fastInline(text) ?? (readInline ? readInline(text) : decline());
}

function readTop(lines: string[]): BlockToken[] {
  const out: BlockToken[] = [];
  const n = lines.length;
  let k = 0;
  while (k < n) {
    const line = lines[k]!;
    const s = indentOf(line);
    if (s < 0) {
      k++;
      continue;
    }
    if (s >= 4) decline(); // indented code
    const c = line.charCodeAt(s);
    if (c === GT || isFence(line, s, 3)) decline(); // a block quote, fenced code
    const hashes = c === HASH ? headingHashes(line, s, 3) : 0;
    if (hashes > 0) {
      out.push({ type: "heading", depth: hashes, tokens: inline(headingText(line.slice(s + hashes))) });
      k++;
      continue;
    }
    if (isRule(line, s, 3)) {
      out.push({ type: "hr" });
      k++;
      continue;
    }
    if (markerEnd(line, s) >= 0) {
      const list = readList(lines, k, n);
      out.push(list.token);
      k = list.next;
      continue;
    }
    if (c === LT) {
      if (!DIRECTIVE.test(line)) decline(); // other HTML
      out.push({ type: "html", text: line });
      k++;
      continue;
    }
    if (c === OPEN_BRACKET && line.charCodeAt(s + 1) !== OPEN_BRACKET) decline(); // a link definition
    if (isDelimiterRow(lines[k + 1])) {
      const table = readTable(lines, k, n);
      out.push(table.token);
      k = table.next;
      continue;
    }
    let end = k + 1;
    while (end < n && continuesParagraph(lines, end)) end++;
    out.push({ type: "paragraph", tokens: inline(end === k + 1 ? line : lines.slice(k, end).join("\n")) });
    k = end;
  }
  return out;
}

const SPACE = 32;
const HASH = 35;
const STAR = 42;
const PLUS = 43;
const DASH = 45;
const DOT = 46;
const LT = 60;
const EQUALS = 61;
const GT = 62;
const OPEN_BRACKET = 91;
const UNDERSCORE = 95;
const BACKTICK = 96;
const TILDE = 126;
const CLOSE_PAREN = 41;

/** Spaces before the first other character of `line`, -1 for a blank line. */
function indentOf(line: string): number {
  let i = 0;
  while (line.charCodeAt(i) === SPACE) i++;
  return i === line.length ? -1 : i;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Where the list marker at `s` ends (`-`, `*`, `+`, or one to nine digits and `.` or `)`), when
 * a space or the end of the line follows it (marked's `list` rule, from the marker); -1 otherwise.
 */
function markerEnd(line: string, s: number): number {
  const c = line.charCodeAt(s);
  let e = s + 1;
  if (c !== DASH && c !== STAR && c !== PLUS) {
    e = s;
    while (e - s < 9 && isDigit(line.charCodeAt(e))) e++;
    const d = line.charCodeAt(e);
    if (e === s || (d !== DOT && d !== CLOSE_PAREN)) return -1;
    e++;
  }
  return e === line.length || line.charCodeAt(e) === SPACE ? e : -1;
}

/**
 * Whether the list item at `s` ends a paragraph (only a bullet or `1.`, followed by text) or,
 * with `rows`, the rows of a table (any bullet or `1.`, followed by a space).
 */
function interruptingItem(line: string, s: number, rows: boolean): boolean {
  const c = line.charCodeAt(s);
  let e = s + 1;
  if (c !== DASH && c !== STAR && c !== PLUS) {
    const d = line.charCodeAt(s + 1);
    if (c !== 49 || (d !== DOT && d !== CLOSE_PAREN)) return false;
    e = s + 2;
  }
  if (line.charCodeAt(e) !== SPACE) return false;
  return rows || indentOf(line.slice(e)) >= 0;
}

/** Whether `line` is a thematic break (marked's `hr`) with its first character at `s`, at most `max` spaces in. */
function isRule(line: string, s: number, max: number): boolean {
  const c = line.charCodeAt(s);
  if (s > max || (c !== DASH && c !== UNDERSCORE && c !== STAR)) return false;
  let count = 0;
  for (let i = s; i < line.length; i++) {
    const d = line.charCodeAt(i);
    if (d === c) count++;
    else if (d !== SPACE) return false;
  }
  return count >= 3;
}

/** Whether `line` is a setext underline (`===`, `---`) with its first character at `s`. */
function isUnderline(line: string, s: number): boolean {
  const c = line.charCodeAt(s);
  if (s > 3 || (c !== EQUALS && c !== DASH)) return false;
  let i = s;
  while (line.charCodeAt(i) === c) i++;
  while (line.charCodeAt(i) === SPACE) i++;
  return i === line.length;
}

/** The number of `#`s of an ATX heading starting at `s`, at most `max` spaces in; 0 if it is none. */
function headingHashes(line: string, s: number, max: number): number {
  if (s > max) return 0;
  let e = s;
  while (e - s < 7 && line.charCodeAt(e) === HASH) e++;
  const hashes = e - s;
  if (hashes === 0 || hashes > 6 || e === line.length) return hashes > 6 ? 0 : hashes;
  const next = line.charCodeAt(e);
  if (next < 128) return next === SPACE || (next >= 9 && next <= 13) ? hashes : 0;
  return (unicodeSpace ??= /^\s/u).test(line.slice(e, e + 1)) ? hashes : 0;
}

/** Whether `line` opens a fenced code block (``` or ~~~) at `s`, at most `max` spaces in. */
function isFence(line: string, s: number, max: number): boolean {
  return s <= max && (line.startsWith("```", s) || line.startsWith("~~~", s));
}

/** Whether `line` is a table's delimiter row (`|:--|--:|`), as the start of marked's table rule reads it. */
function isDelimiterRow(line: string | undefined): boolean {
  return line !== undefined && DELIMITER_CHARACTERS.test(line) && TABLE_DELIMITER.test(line);
}

/** marked's heading text: trimmed, without closing `#`s when a space comes before them. */
function headingText(rest: string): string {
  let text = rest.trim();
  if (text.endsWith("#")) {
    let end = text.length;
    while (end > 0 && text[end - 1] === "#") end--;
    const trimmed = text.slice(0, end);
    if (!trimmed || trimmed.endsWith(" ") || trimmed.endsWith("\t")) text = trimmed.trim();
  }
  return text;
}

/** Whether line `j` goes on the paragraph of the lines before it (marked's paragraph rule). */
function continuesParagraph(lines: string[], j: number): boolean {
  const line = lines[j]!;
  const s = indentOf(line);
  if (s < 0) return false;
  if (s <= 3 && interrupts(line, s, false)) return false;
  return !isDelimiterRow(lines[j + 1]);
}

/**
 * Whether `line` (its first character at `s`, 0 to 3 spaces in) starts a block that ends a
 * paragraph, or with `rows` a table's rows. A setext underline declines.
 */
function interrupts(line: string, s: number, rows: boolean): boolean {
  switch (line.charCodeAt(s)) {
    case EQUALS:
      if (isUnderline(line, s)) decline();
      return false;
    case DASH:
      if (isUnderline(line, s)) decline();
      return isRule(line, s, 3) || interruptingItem(line, s, rows);
    case UNDERSCORE:
      return isRule(line, s, 3);
    case STAR:
      return isRule(line, s, 3) || interruptingItem(line, s, rows);
    case PLUS:
    case 49: // 1
      return interruptingItem(line, s, rows);
    case HASH:
      return headingHashes(line, s, 3) > 0;
    case GT:
      return true;
    case BACKTICK:
    case TILDE:
      return PARAGRAPH_FENCE.test(line.slice(s));
    case LT:
      return HTML_INTERRUPT.test(line.slice(s));
    default:
      return false;
  }
}

/** A GFM table whose header is line `k` (marked's table tokenizer). */
function readTable(lines: string[], k: number, n: number): { token: BlockToken; next: number } {
  const delimiter = TABLE_DELIMITER.exec(lines[k + 1]!)![1]!;
  if (!delimiter.includes("|") && !delimiter.includes(":")) decline(); // a setext underline
  const headers = splitCells(lines[k]!.slice(indentOf(lines[k]!)));
  const aligns = delimiter.replace(/^\||\| *$/gu, "").split("|");
  if (headers.length !== aligns.length) decline(); // marked reads the lines otherwise
  const align = aligns.map((a): Align | null => {
    const cell = a.trim();
    const left = cell.startsWith(":");
    const right = cell.endsWith(":");
    // Each cell is `:?-+:?` between spaces, as the delimiter row's rule made sure.
    return left && right && cell.length > 2 ? "center" : right && !left ? "right" : left && !right ? "left" : null;
  });
  let next = k + 2;
  while (next < n && isTableRow(lines[next]!)) next++;
  const header = headers.map((cell) => ({ tokens: inline(cell) }));
  const rows: { tokens: InlineTokens }[][] = [];
  for (let r = k + 2; r < next; r++) rows.push(splitCells(lines[r]!, headers.length).map((cell) => ({ tokens: inline(cell) })));
  return { token: { type: "table", align, header, rows }, next };
}

function isTableRow(line: string): boolean {
  const s = indentOf(line);
  if (s < 0 || s >= 4) return false; // blank, or indented code
  return !interrupts(line, s, true);
}

/**
 * marked's splitCells: the cells between pipes not escaped by an odd number of backslashes, the
 * empty ones before the first pipe and after the last dropped, trimmed, `\|` unescaped; `count`
 * pads or cuts them.
 */
function splitCells(row: string, count?: number): string[] {
  const cells: string[] = [];
  let start = 0;
  for (let bar = row.indexOf("|"); bar >= 0; bar = row.indexOf("|", bar + 1)) {
    let backslashes = 0;
    while (row.charCodeAt(bar - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) {
      cells.push(row.slice(start, bar));
      start = bar + 1;
    }
  }
  cells.push(row.slice(start));
  if (!cells[0]!.trim()) cells.shift();
  if (cells.length > 0 && !cells[cells.length - 1]!.trim()) cells.pop();
  if (count) {
    if (cells.length > count) cells.splice(count);
    else while (cells.length < count) cells.push("");
  }
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!.trim();
    cells[i] = cell.includes("\\|") ? cell.replace(/\\\|/gu, "|") : cell;
  }
  return cells;
}

/**
 * Whether `line`, its first character at `s`, ends the list item before it: marked's rules
 * that take the item's indentation, `max` spaces at most before the block (cachedIndentRegex).
 */
function endsItem(line: string, s: number, max: number): boolean {
  if (s > max) return false;
  switch (line.charCodeAt(s)) {
    case BACKTICK:
    case TILDE:
      return isFence(line, s, max);
    case HASH:
      return headingHashes(line, s, max) > 0;
    case LT:
      return HTML_BEGIN.test(line.slice(s));
    case GT:
      return true;
    default:
      return markerEnd(line, s) >= 0 || isRule(line, s, max);
  }
}

/**
 * A list starting at line `k` of `lines[0, n)` (marked's list tokenizer): each item's text is
 * gathered with marked's rules for indentation and lazy lines, then read as the blocks of an item.
 */
function readList(lines: string[], k: number, n: number): { token: BlockToken; next: number } {
  const first = lines[k]!;
  const firstIndent = indentOf(first);
  const bull = first.slice(firstIndent, markerEnd(first, firstIndent));
  const ordered = bull.length > 1;
  const texts: string[] = [];
  while (k < n) {
    const itemLine = lines[k]!;
    const s = indentOf(itemLine);
    const e = s >= 0 && s <= 3 ? markerEnd(itemLine, s) : -1;
    // The same kind of marker goes on the list: the same bullet, or digits and the same delimiter.
    if (e < 0 || (ordered ? e - s < 2 || itemLine[e - 1] !== bull[bull.length - 1] : itemLine[s] !== bull)) break;
    if (isRule(itemLine, s, 3)) break;
    k++;
    let line = itemLine.slice(e);
    if (!line.trim()) decline(); // an empty item
    const spaces = indentOf(line);
    if (spaces > 4) decline(); // indented code in the item
    let contents = line.slice(spaces);
    const indent = spaces + e;
    const max = Math.max(0, Math.min(3, indent - 1));
    let blankLine = false;
    let lineIsLazy = false;
    while (k < n) {
      const nextLine = lines[k]!;
      const nextIndent = indentOf(nextLine);
      if (nextIndent >= 0 && endsItem(nextLine, nextIndent, max)) break;
      if (nextIndent < 0 || nextIndent >= indent) {
        contents += `\n${nextLine.slice(indent)}`;
        lineIsLazy = false;
      } else {
        if (blankLine) break;
        if (!lazyContinues(line, contents, max, lineIsLazy)) break;
        if (isUnderline(nextLine, nextIndent)) decline(); // marked may read a setext heading
        contents += `\n${nextLine}`;
        lineIsLazy = true;
      }
      blankLine = nextIndent < 0;
      k++;
      line = nextLine.slice(indent);
    }
    texts.push(contents);
  }
  // marked cuts the list after its last character other than white space, and reads any other
  // blank character left after it as a paragraph.
  if (/[^\S \n][ \n]*$/u.test(texts[texts.length - 1]!)) decline();
  texts[texts.length - 1] = texts[texts.length - 1]!.trimEnd();
  const tasks = texts.map((text) => TASK.test(text));
  // A blank line makes the list loose, and marked puts the boxes of a loose list in the text.
  if (tasks.some(Boolean) && texts.some((text) => /\n *(?:\n|$)/u.test(text))) decline();
  return {
    token: {
      type: "list",
      ordered,
      start: ordered ? Number(bull.slice(0, -1)) : "",
      items: texts.map((text, i) => {
        const blocks = readItem(text.includes("\n") ? text.split("\n") : [text], !!tasks[i]);
        return tasks[i] ? { task: true, checked: !text.startsWith("[ ]"), tokens: blocks } : { task: false, tokens: blocks };
      }),
    },
    next: k,
  };
}

/**
 * Whether a line indented less than the item goes on its text (marked's lazy continuation):
 * not after a block that a paragraph line cannot continue. `line` is the line before, from the
 * item's indentation.
 */
function lazyContinues(line: string, contents: string, max: number, lineIsLazy: boolean): boolean {
  let lastBlock = line;
  if (!contents.includes("\n")) {
    for (let marker = NESTED_BLOCK_MARKER.exec(lastBlock); marker && !isRule(lastBlock, indentOf(lastBlock), max); marker = NESTED_BLOCK_MARKER.exec(lastBlock)) {
      lastBlock = lastBlock.slice(marker[0].length);
    }
    if (!lastBlock.trim()) return false;
  }
  const s = indentOf(lastBlock);
  if (s >= 4) return false;
  if (s >= 0 && (isFence(lastBlock, s, max) || headingHashes(lastBlock, s, max) > 0 || (s <= max && HTML_BEGIN.test(lastBlock.slice(s))) || isRule(lastBlock, s, max))) {
    return false;
  }
  if (!lineIsLazy) {
    const lastBlockLine = line.replace(NESTED_CONTAINER_MARKERS, "");
    const t = indentOf(lastBlockLine);
    if (t >= 0 && t <= 3 && (BLOCK_FENCE.test(lastBlockLine.slice(t)) || headingHashes(lastBlockLine, t, 3) > 0 || isRule(lastBlockLine, t, 3))) {
      return false;
    }
  }
  return true;
}

/**
 * The blocks of one list item's text: paragraphs and nested lists, which is all an item may
 * hold (markdown.ts refuses the rest). With `task`, the first line starts with the box, which
 * marked removes from the text after reading the blocks.
 */
function readItem(lines: string[], task: boolean): BlockToken[] {
  const out: BlockToken[] = [];
  const n = lines.length;
  let paragraph: string[] | undefined;
  const endParagraph = (): void => {
    if (!paragraph) return;
    let text = paragraph.length === 1 ? paragraph[0]! : paragraph.join("\n");
    if (task && out.length === 0) text = text.replace(TASK_MARK, "");
    out.push({ type: "paragraph", tokens: inline(text) });
    paragraph = undefined;
  };
  let j = 0;
  while (j < n) {
    const line = lines[j]!;
    const s = indentOf(line);
    if (s < 0) {
      endParagraph();
      j++;
      continue;
    }
    if (s >= 4 || isDelimiterRow(lines[j + 1])) decline(); // indented code, a table
    const c = line.charCodeAt(s);
    if (
      c === GT ||
      c === LT ||
      c === BACKTICK ||
      c === TILDE ||
      headingHashes(line, s, 3) > 0 ||
      isRule(line, s, 3) ||
      (paragraph && isUnderline(line, s)) ||
      (c === OPEN_BRACKET && line.charCodeAt(s + 1) !== OPEN_BRACKET && (j > 0 || !task))
    ) {
      decline(); // what an item cannot hold, or what marked may read otherwise
    }
    if (s <= 3 && markerEnd(line, s) >= 0 && !(paragraph && !interruptingItem(line, s, false))) {
      endParagraph();
      const list = readList(lines, j, n);
      out.push(list.token);
      j = list.next;
      continue;
    }
    if (paragraph) paragraph.push(line);
    else paragraph = [line];
    j++;
  }
  endParagraph();
  return out;
}

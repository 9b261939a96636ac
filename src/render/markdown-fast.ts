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

export interface ListItemToken {
  task: boolean;
  checked?: boolean;
  tokens: BlockToken[];
}
export type BlockToken =
  | { type: "heading"; depth: number; tokens: InlineToken[] }
  | { type: "paragraph"; tokens: InlineToken[] }
  | { type: "list"; ordered: boolean; start: number | ""; items: ListItemToken[] }
  | { type: "table"; align: (Align | null)[]; header: { tokens: InlineToken[] }[]; rows: { tokens: InlineToken[] }[][] }
  | { type: "html"; text: string }
  | { type: "hr" };

/** Thrown to stop reading; caught by `fastMarkdown`. */
const DECLINE: unique symbol = Symbol("decline");

function decline(): never {
  throw DECLINE;
}

// Lines, as marked's block rules see them (rules.ts), for one line without its newline.
const BLANK = /^ *$/u;
/** Tabs (their width depends on the column), and line separators that end a line for `.` but not for marked. */
const UNREAD_CHARACTERS = /[\t\u2028\u2029]/u;
/** A line of blank characters other than spaces, which marked's rules do not all see as blank. */
const ODD_BLANK_LINE = /^[^\S\n]*[^\S \n][^\S\n]*$/mu;
const FENCE = /^ {0,3}(?:```|~~~)/u;
const HEADING = /^ {0,3}(#{1,6})(?=\s|$)(.*)$/u;
const HR = /^ {0,3}((?:-[\t ]*){3,}|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,})$/u;
const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/u;
const LIST = /^( {0,3}(?:[*+-]|\d{1,9}[.)]))((?:[ \t].*)?)$/u;
/** Only a non-empty list starting with a bullet or 1 interrupts a paragraph. */
const LIST_INTERRUPTS = /^ {0,3}(?:[*+-]|1[.)])[ \t]+[^ \t\n]/u;
/** Any bullet ends the rows of a table. */
const LIST_ENDS_ROWS = /^ {0,3}(?:[*+-]|1[.)])[ \t]/u;
const HTML_TAGS =
  "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|meta|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul";
/** HTML blocks of types 1 to 6, which interrupt a paragraph or a table. */
const HTML_INTERRUPT = new RegExp(
  `^ {0,3}(?:</?(?:${HTML_TAGS})(?:[ \\t]+|$|/?>)|<(?:(?:script|pre|style|textarea)(?:[\\s>]|$)|!--)|<\\?|<![A-Za-z]|<!\\[CDATA\\[)`,
  "u",
);
const DIRECTIVE = /^ {0,3}<!--\s*\/?(?:saut-de-page|droite|centre)\s*-->\s*$/u;
const TABLE_DELIMITER = /^ {0,3}((?:\| *)?:?-+:? *(?:\| *:?-+:? *)*(?:\| *)?)$/u;
const TASK = /^\[[ xX]\][ \t]+\S/u;
const TASK_MARK = /^\[[ xX]\][ \t]+/u;

/** marked's rules that take an item's indentation (Rules.other, cachedIndentRegex): one set per 0–3. */
interface IndentRules {
  /** The most spaces before the block's first character. */
  spaces: number;
  nextBullet: RegExp;
  hr: RegExp;
  fences: RegExp;
  heading: RegExp;
  html: RegExp;
  quote: RegExp;
}
const INDENT_RULES: IndentRules[] = [0, 1, 2, 3].map((n) => ({
  spaces: n,
  nextBullet: new RegExp(`^ {0,${n}}(?:[*+-]|\\d{1,9}[.)])(?:[ \\t].*)?$`, "u"),
  hr: new RegExp(`^ {0,${n}}((?:-[ \\t]*){3,}|(?:_[ \\t]*){3,}|(?:\\*[ \\t]*){3,})$`, "u"),
  fences: new RegExp(`^ {0,${n}}(?:\`\`\`|~~~)`, "u"),
  heading: new RegExp(`^ {0,${n}}#{1,6}(?:\\s|$)`, "u"),
  html: new RegExp(
    `^ {0,${n}}(?:</?(?:${HTML_TAGS})(?:[ \\t]+|$|/?>)|<(?:(?:script|pre|style|textarea)(?:[\\s>]|$)|!--)|<\\?|<![A-Za-z]|<!\\[CDATA\\[)`,
    "iu",
  ),
  quote: new RegExp(`^ {0,${n}}>`, "u"),
}));
const NESTED_BLOCK_MARKER = /^ {0,3}(?:(?:[*+-]|\d{1,9}[.)])(?: |$)|> ?)/u;
const NESTED_CONTAINER_MARKERS = /^(?: {0,3}(?:(?:[*+-]|\d{1,9}[.)])[ \t]+|>[ \t]?))+/u;
const BLOCK_FENCES = /^ {0,3}(`{3,}(?=[^`\n]*$)|~{3,})/u;
const NON_SPACE = /[^ ]/u;

/** Item lines by bullet (marked's listItemRegex): a list goes on while its bullet does. */
const ITEM_BY_BULLET: Record<string, RegExp> = {
  "-": /^( {0,3}-)((?:[\t ].*)?)$/u,
  "*": /^( {0,3}\*)((?:[\t ].*)?)$/u,
  "+": /^( {0,3}\+)((?:[\t ].*)?)$/u,
  ".": /^( {0,3}\d{1,9}\.)((?:[\t ].*)?)$/u,
  ")": /^( {0,3}\d{1,9}\))((?:[\t ].*)?)$/u,
};

/**
 * The tokens marked gives for `markdown`, as far as markdown.ts reads them, or undefined when
 * only marked can tell.
 */
export function fastMarkdown(markdown: string): BlockToken[] | undefined {
  const src = markdown.includes("\r") ? markdown.replace(/\r\n|\r/gu, "\n") : markdown;
  if (UNREAD_CHARACTERS.test(src) || ODD_BLANK_LINE.test(src)) return undefined;
  const lines = src.split("\n");
  // A last line of spaces would continue a paragraph or a table.
  if (lines[lines.length - 1] !== "" && BLANK.test(lines[lines.length - 1]!)) return undefined;
  try {
    return readTop(lines);
  } catch (e) {
    if (e === DECLINE) return undefined;
    throw e;
  }
}

function inline(text: string): InlineToken[] {
  return fastInline(text) ?? decline();
}

function readTop(lines: string[]): BlockToken[] {
  const out: BlockToken[] = [];
  const n = lines.length;
  let k = 0;
  while (k < n) {
    const line = lines[k]!;
    const indent = indentOf(line);
    if (indent < 0) {
      k++;
      continue;
    }
    if (indent >= 4) decline(); // indented code
    // Each rule below needs its character first: most lines are tested against none.
    const c = line[indent]!;
    if (c === ">" || ((c === "`" || c === "~") && FENCE.test(line))) decline();
    const heading = c === "#" ? HEADING.exec(line) : null;
    if (heading) {
      out.push({ type: "heading", depth: heading[1]!.length, tokens: inline(headingText(heading[2]!)) });
      k++;
      continue;
    }
    if ((c === "-" || c === "_" || c === "*") && HR.test(line)) {
      out.push({ type: "hr" });
      k++;
      continue;
    }
    if (startsItem(c) && LIST.test(line)) {
      const list = readList(lines, k, n);
      out.push(list.token);
      k = list.next;
      continue;
    }
    if (c === "<") {
      if (!DIRECTIVE.test(line)) decline();
      out.push({ type: "html", text: line });
      k++;
      continue;
    }
    if (c === "[" && line[indent + 1] !== "[") decline(); // a link definition
    if (isDelimiterRow(lines[k + 1])) {
      const table = readTable(lines, k, n);
      out.push(table.token);
      k = table.next;
      continue;
    }
    let end = k + 1;
    while (end < n && continuesParagraph(lines, end)) end++;
    out.push({ type: "paragraph", tokens: inline(lines.slice(k, end).join("\n")) });
    k = end;
  }
  return out;
}

/** Spaces before the first other character of `line`, -1 for a blank line. */
function indentOf(line: string): number {
  let i = 0;
  while (line.charCodeAt(i) === 32) i++;
  return i === line.length ? -1 : i;
}

function startsItem(c: string): boolean {
  return c === "-" || c === "*" || c === "+" || (c >= "0" && c <= "9");
}

/** Whether `line` is a table's delimiter row (`|:--|--:|`), as the start of marked's table rule reads it. */
function isDelimiterRow(line: string | undefined): boolean {
  if (line === undefined) return false;
  const c = line[indentOf(line)];
  return (c === "|" || c === ":" || c === "-") && TABLE_DELIMITER.test(line);
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
  const indent = indentOf(line);
  if (indent < 0) return false;
  if (indent <= 3 && interrupts(line, line[indent]!, LIST_INTERRUPTS)) return false;
  return !isDelimiterRow(lines[j + 1]);
}

/**
 * Whether `line` (indented 0 to 3 spaces, `c` its first character) starts a block that ends a
 * paragraph or a table's rows; `list` says which list items do. A setext underline declines.
 */
function interrupts(line: string, c: string, list: RegExp): boolean {
  switch (c) {
    case "=":
      if (SETEXT.test(line)) decline();
      return false;
    case "-":
      if (SETEXT.test(line)) decline();
      return HR.test(line) || list.test(line);
    case "_":
      return HR.test(line);
    case "*":
      return HR.test(line) || list.test(line);
    case "+":
    case "1":
      return list.test(line);
    case "#":
      return /^ {0,3}#{1,6}(?:\s|$)/u.test(line);
    case ">":
      return true;
    case "`":
    case "~":
      return /^ {0,3}(?:`{3,}(?=[^`]*$)|~~~)/u.test(line);
    case "<":
      return HTML_INTERRUPT.test(line);
    default:
      return false;
  }
}

/** A GFM table whose header is line `k` (marked's table tokenizer). */
function readTable(lines: string[], k: number, n: number): { token: BlockToken; next: number } {
  const delimiter = TABLE_DELIMITER.exec(lines[k + 1]!)![1]!;
  if (!delimiter.includes("|") && !delimiter.includes(":")) decline(); // a setext underline
  const headers = splitCells(lines[k]!.replace(/^ +/u, ""));
  const aligns = delimiter.replace(/^\||\| *$/gu, "").split("|");
  if (headers.length !== aligns.length) decline(); // marked reads the lines otherwise
  const align = aligns.map((a): Align | null => {
    if (/^ *-+: *$/u.test(a)) return "right";
    if (/^ *:-+: *$/u.test(a)) return "center";
    if (/^ *:-+ *$/u.test(a)) return "left";
    return null;
  });
  let next = k + 2;
  while (next < n && isTableRow(lines[next]!)) next++;
  return {
    token: {
      type: "table",
      align,
      header: headers.map((cell) => ({ tokens: inline(cell) })),
      rows: lines.slice(k + 2, next).map((row) => splitCells(row, headers.length).map((cell) => ({ tokens: inline(cell) }))),
    },
    next,
  };
}

function isTableRow(line: string): boolean {
  const indent = indentOf(line);
  if (indent < 0 || indent >= 4) return false; // blank, or indented code
  return !interrupts(line, line[indent]!, LIST_ENDS_ROWS);
}

/** marked's splitCells: cells between unescaped pipes, trimmed, `\|` unescaped; `count` pads or cuts. */
function splitCells(row: string, count?: number): string[] {
  const spaced = row.replace(/\|/gu, (_match, offset: number, str: string) => {
    let escaped = false;
    let curr = offset;
    while (--curr >= 0 && str[curr] === "\\") escaped = !escaped;
    return escaped ? "|" : " |";
  });
  const cells = spaced.split(/ \|/u);
  if (!cells[0]!.trim()) cells.shift();
  if (cells.length > 0 && !cells[cells.length - 1]!.trim()) cells.pop();
  if (count) {
    if (cells.length > count) cells.splice(count);
    else while (cells.length < count) cells.push("");
  }
  return cells.map((cell) => cell.trim().replace(/\\\|/gu, "|"));
}

/** Whether `line`, not indented more than `rules.spaces` and `c` its first character, ends the item before it. */
function endsItem(line: string, c: string, rules: IndentRules): boolean {
  switch (c) {
    case "`":
    case "~":
      return rules.fences.test(line);
    case "#":
      return rules.heading.test(line);
    case "<":
      return rules.html.test(line);
    case ">":
      return true;
    case "-":
    case "*":
      return rules.nextBullet.test(line) || rules.hr.test(line);
    case "_":
      return rules.hr.test(line);
    default:
      return startsItem(c) && rules.nextBullet.test(line);
  }
}

/** The rules for an item's indentation, as marked caches them. */
function indentRules(indent: number): IndentRules {
  return INDENT_RULES[Math.max(0, Math.min(3, indent - 1))]!;
}

/**
 * A list starting at line `k` of `lines[0, n)` (marked's list tokenizer): each item's text is
 * gathered with marked's rules for indentation and lazy lines, then read as the blocks of an item.
 */
function readList(lines: string[], k: number, n: number): { token: BlockToken; next: number } {
  const bull = LIST.exec(lines[k]!)![1]!.trim();
  const ordered = bull.length > 1;
  const itemStart = ITEM_BY_BULLET[bull.slice(-1)]!;
  const texts: string[] = [];
  while (k < n) {
    const cap = itemStart.exec(lines[k]!);
    if (!cap || HR.test(lines[k]!)) break;
    k++;
    const bulletIndent = cap[1]!.length;
    let line = cap[2]!;
    if (!line.trim()) decline(); // an empty item
    let indent = line.search(NON_SPACE);
    if (indent > 4) decline(); // indented code in the item
    let contents = line.slice(indent);
    indent += bulletIndent;
    const rules = indentRules(indent);
    let blankLine = false;
    let lineIsLazy = false;
    while (k < n) {
      const nextLine = lines[k]!;
      const nextIndent = indentOf(nextLine);
      if (nextIndent >= 0 && nextIndent <= rules.spaces && endsItem(nextLine, nextLine[nextIndent]!, rules)) break;
      if (nextIndent < 0 || nextIndent >= indent) {
        contents += `\n${nextLine.slice(indent)}`;
        lineIsLazy = false;
      } else {
        if (blankLine) break;
        if (!lazyContinues(line, contents, rules, lineIsLazy)) break;
        if (SETEXT.test(nextLine)) decline();
        contents += `\n${nextLine}`;
        lineIsLazy = true;
      }
      blankLine = !nextLine.trim();
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
        if (!tasks[i]) return { task: false, tokens: readItem(text.split("\n"), false) };
        return { task: true, checked: !text.startsWith("[ ]"), tokens: readItem(text.split("\n"), true) };
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
function lazyContinues(line: string, contents: string, rules: IndentRules, lineIsLazy: boolean): boolean {
  let lastBlock = line;
  if (!contents.includes("\n")) {
    for (let marker = NESTED_BLOCK_MARKER.exec(lastBlock); !rules.hr.test(lastBlock) && marker; marker = NESTED_BLOCK_MARKER.exec(lastBlock)) {
      lastBlock = lastBlock.slice(marker[0].length);
    }
    if (!lastBlock.trim()) return false;
  }
  if (lastBlock.search(NON_SPACE) >= 4) return false;
  if (rules.fences.test(lastBlock) || rules.heading.test(lastBlock) || rules.html.test(lastBlock) || rules.hr.test(lastBlock)) return false;
  if (!lineIsLazy) {
    const lastBlockLine = line.replace(NESTED_CONTAINER_MARKERS, "");
    if (BLOCK_FENCES.test(lastBlockLine) || HEADING.test(lastBlockLine) || HR.test(lastBlockLine)) return false;
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
    let text = paragraph.join("\n");
    if (task && out.length === 0) text = text.replace(TASK_MARK, "");
    out.push({ type: "paragraph", tokens: inline(text) });
    paragraph = undefined;
  };
  let j = 0;
  while (j < n) {
    const line = lines[j]!;
    const indent = indentOf(line);
    if (indent < 0) {
      endParagraph();
      j++;
      continue;
    }
    if (indent >= 4 || isDelimiterRow(lines[j + 1])) decline(); // indented code, a table
    const c = line[indent]!;
    if (
      c === ">" ||
      c === "<" ||
      c === "`" ||
      c === "~" ||
      (c === "#" && HEADING.test(line)) ||
      ((c === "-" || c === "_" || c === "*") && HR.test(line)) ||
      (paragraph && (c === "=" || c === "-") && SETEXT.test(line)) ||
      (c === "[" && line[indent + 1] !== "[" && (j > 0 || !task))
    ) {
      decline(); // what an item cannot hold, or what marked may read otherwise
    }
    if (startsItem(c) && LIST.test(line) && !(paragraph && !LIST_INTERRUPTS.test(line))) {
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

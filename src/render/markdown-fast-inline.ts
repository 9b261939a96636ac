/**
 * Inline Markdown read without marked: the text of one paragraph, heading or table cell turned
 * into the tokens marked's inline lexer gives for it (only what markdown.ts reads of them), for
 * what templates write — plain text, backslash escapes, `*` and `**` emphasis, hard breaks (`\`
 * or two spaces before a newline), `<br>` and placeholders.
 *
 * Anything else makes it decline (`undefined`), and marked reads the text: links and any other
 * `[`, images, code spans, `_` or `~` delimiters, other HTML, autolinks, bare URLs and e-mail
 * addresses, numeric character references, and a `\` before anything but ASCII punctuation or a
 * line break.
 *
 * Emphasis is marked's own algorithm, step by step (delimiter runs read on a masked copy of the
 * text, closers searched from each opener, a run that opens nothing read as text, the inner text
 * read as a new pass): its edge cases (`a*b**`, `**a*b*c`, `*(*a*)*`) are marked's, not
 * CommonMark's, and only an exact copy of its steps gives the same tokens.
 */
import { readPlaceholder } from "./placeholders.js";

export type InlineToken =
  | { type: "text"; text: string }
  | { type: "br" }
  | { type: "placeholder"; label: string }
  | { type: "strong" | "em"; tokens: InlineToken[] };

/** Forms read only by marked: code spans, strikethrough, numeric character references, URLs. */
const UNSUPPORTED = /[`~]|&#|:\/\/|www\./iu;
/** Where plain text stops: what may start another token (a run of two spaces or more only before a newline). */
const SPECIAL = /[\\<[*_@]|!\[| {2,}\n/gu;
/** marked's `escape`: a backslash before ASCII punctuation prints the character. */
const ESCAPABLE = /^[!-/:-@[-`{-~]$/u;
const BR_TAG = /<br\s*\/?>/iuy;
/** What marked masks before looking for emphasis: escapes and HTML tags (here only ASCII escapes and `<br>`). */
const MASKED = /\\[!-/:-@[-`{-~]|<br\s*\/?>/gi;
const ONLY_SPACE = /^\s*$/u;
const LEADING_SPACES = /[ \t]*/y;

/** Thrown to stop reading; caught by `fastInline`. */
const DECLINE: unique symbol = Symbol("decline");

/** The inline tokens of `src` as marked gives them, or undefined when marked must read it. */
export function fastInline(src: string): InlineToken[] | undefined {
  if (UNSUPPORTED.test(src)) return undefined;
  try {
    return readPass(src);
  } catch (e) {
    if (e === DECLINE) return undefined;
    throw e;
  }
}

/**
 * One pass of marked's inline lexer over `src` (the whole text, or the inside of an emphasis).
 * `prevChar` is marked's: the last character of the plain text just read, empty after any
 * other token.
 */
function readPass(src: string): InlineToken[] {
  const out: InlineToken[] = [];
  // Around a `*` run, a masked character is of the same kind (punctuation, letter) as the one it
  // hides; only an escaped `*` must not be seen as a delimiter.
  const masked = src.includes("\\*") ? mask(src) : src;
  const lastCloser = src.includes("*") ? lastPossibleCloser(masked) : -1;
  let text = "";
  let prevChar = "";
  const push = (token: InlineToken): void => {
    if (text !== "") out.push({ type: "text", text });
    text = "";
    out.push(token);
    prevChar = "";
  };
  let i = 0;
  while (i < src.length) {
    SPECIAL.lastIndex = i;
    const special = SPECIAL.exec(src);
    const next = special ? special.index : src.length;
    if (next > i) {
      text += src.slice(i, next);
      prevChar = src[next - 1]!;
      i = next;
      if (!special) break;
    }
    const c = src[i];
    if (c === "[") {
      const placeholder = readPlaceholder(src.slice(i));
      if (!placeholder) throw DECLINE;
      push({ type: "placeholder", label: placeholder.label });
      i += placeholder.raw.length;
    } else if (c === "\\") {
      const after = src[i + 1];
      if (after !== undefined && ESCAPABLE.test(after)) {
        text += after;
        prevChar = "";
        i += 2;
      } else if (after === "\n") {
        i = hardBreak(src, i + 2);
        push({ type: "br" });
      } else {
        throw DECLINE;
      }
    } else if (c === "<") {
      BR_TAG.lastIndex = i;
      if (!BR_TAG.test(src)) throw DECLINE;
      push({ type: "br" });
      i = BR_TAG.lastIndex;
    } else if (c === "*") {
      const em = lastCloser > i ? emStrong(src.slice(i), masked, prevChar, lastCloser) : undefined;
      if (em) {
        push({ type: em.type, tokens: readPass(em.text) });
        i += em.raw.length;
      } else {
        // Text: the whole run when no closer can follow it, otherwise one `*` at a time.
        let end = i + 1;
        if (lastCloser <= i) while (src[end] === "*") end++;
        text += src.slice(i, end);
        prevChar = "*";
        i = end;
      }
    } else if (c === " ") {
      i = hardBreak(src, src.indexOf("\n", i) + 1);
      push({ type: "br" });
    } else {
      throw DECLINE; // `_`, `@`, `![`
    }
  }
  if (text !== "") out.push({ type: "text", text });
  return out;
}

/** marked's `br` ends only before more text; returns where the next line's text starts. */
function hardBreak(src: string, lineStart: number): number {
  if (ONLY_SPACE.test(src.slice(lineStart))) throw DECLINE;
  LEADING_SPACES.lastIndex = lineStart;
  LEADING_SPACES.test(src);
  return LEADING_SPACES.lastIndex;
}

/** `src` as marked's emphasis sees it: escapes as `++`, tags as `[aa]`, lengths kept. */
function mask(src: string): string {
  return src.replace(MASKED, (m) => (m[0] === "\\" ? "+".repeat(m.length) : `[${"a".repeat(m.length - 2)}]`));
}

/** Start of the last `*` run not after a space (marked's closer hint): no emphasis can close after it. */
function lastPossibleCloser(masked: string): number {
  let last = -1;
  for (let i = masked.indexOf("*"); i >= 0; ) {
    const prev = i === 0 ? "\n" : masked[i - 1];
    if (prev !== " " && prev !== "\t" && prev !== "\n" && prev !== "\r" && prev !== "\f") last = i;
    let j = i + 1;
    while (masked[j] === "*") j++;
    i = masked.indexOf("*", j);
  }
  return last;
}

/**
 * marked's `emStrong` tokenizer (Tokenizer.ts) for a `*` run at the start of `src`; `masked` is
 * the masked text of the whole pass. Returns the raw text of the emphasis and its inside.
 *
 * marked's regular expressions are followed with plain code: compiling their Unicode classes
 * would cost a cold process more than reading all the documents. `emStrongLDelim` is the run
 * and the character after it; `emStrongRDelimAst` sorts each later run by the characters around
 * it (`closerKind`).
 */
function emStrong(
  src: string,
  masked: string,
  prevChar: string,
  lastCloser: number,
): { type: "em" | "strong"; raw: string; text: string } | undefined {
  let lLength = 1;
  while (src[lLength] === "*") lLength++;
  const after = codePointAt(src, lLength);
  if (after === "" || isSpace(after)) return undefined;
  const nextChar = isPunct(after) && after !== "~" ? after : "";
  const midRun = prevChar === "*";
  const srcStart = masked.length - src.length;
  let runStart = srcStart;
  while (runStart > 0 && masked[runStart - 1] === "*") runStart--;
  const runPrevChar = [...masked.slice(Math.max(0, runStart - 2), runStart)].at(-1) ?? "";
  const runPrevPunct = isPunctuation(runPrevChar);
  if (runStart < srcStart) prevChar = runPrevChar;
  const prevPunct = runStart < srcStart ? runPrevPunct : isPunctuation(prevChar);
  if (nextChar && prevChar && !prevPunct) return undefined;

  let delimTotal = lLength;
  let midDelimTotal = 0;
  const runLength = srcStart - runStart + lLength;
  const openerCanClose = !!runPrevChar.trim() && (!!nextChar || !runPrevPunct);
  const windowStart = srcStart + lLength;
  if (lastCloser < windowStart) return undefined;
  const window = masked.slice(windowStart);
  // marked skips a `*` between two `__` first; `_` is only ever in placeholders here.
  if (window.includes("__")) throw DECLINE;
  const lastInWindow = lastCloser - windowStart;
  for (let start = window.indexOf("*"); start >= 0; ) {
    let end = start + 1;
    while (window[end] === "*") end++;
    const before = codePointBefore(window, start);
    if (start - before.length > lastInWindow) break;
    const kind = closerKind(before, codePointAt(window, end));
    let rLength = end - start;
    if (kind === "opens") {
      delimTotal += rLength;
    } else if (kind !== undefined) {
      // CommonMark's rules 9 and 10, as marked counts them.
      const skip = (kind === "either" || openerCanClose) && runLength % 3 !== 0 && (runLength + rLength) % 3 === 0;
      if (skip && midRun && kind === "either") break;
      if (skip) {
        midDelimTotal += rLength;
      } else {
        delimTotal -= rLength;
        if (delimTotal <= 0) {
          rLength = Math.min(rLength, rLength + delimTotal + midDelimTotal);
          const raw = src.slice(0, lLength + start + rLength);
          return Math.min(lLength, rLength) % 2
            ? { type: "em", raw, text: raw.slice(1, -1) }
            : { type: "strong", raw, text: raw.slice(2, -2) };
        }
      }
    }
    start = window.indexOf("*", end);
  }
  return undefined;
}

/**
 * What marked's `emStrongRDelimAst` makes of a `*` run between `before` and `after` (one
 * character each, `after` empty at the end): a run that only closes (its groups 1 and 2), only
 * opens (3 and 4), may do either (5 and 6), or none (undefined: white space on both sides).
 * `~` counts as a letter there.
 */
function closerKind(before: string, after: string): "closes" | "opens" | "either" | undefined {
  const b = kindOf(before);
  const a = after === "" ? "end" : kindOf(after);
  if (b === "punct") return a === "end" || a === "space" ? "closes" : a === "other" ? "opens" : "either";
  if (b === "space") return a === "other" || a === "punct" ? "opens" : undefined;
  return a === "other" ? "either" : "closes";
}

function kindOf(c: string): "space" | "punct" | "other" {
  if (isSpace(c)) return "space";
  return c !== "~" && isPunct(c) ? "punct" : "other";
}

/** marked's `punctuation` test on `prevChar`: white space or punctuation, `*` and `_` included. */
function isPunctuation(c: string): boolean {
  return c !== "" && (isSpace(c) || isPunct(c));
}

let unicodePunct: RegExp | undefined;
let unicodeSpace: RegExp | undefined;

/** Whether `c` (one character) is in `\p{P}` or `\p{S}`; the Unicode classes only for non-ASCII. */
function isPunct(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 33 && code <= 47) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || (code >= 123 && code <= 126);
  return (unicodePunct ??= /^[\p{P}\p{S}]/u).test(c);
}

/** Whether `c` (one character) matches `\s`. */
function isSpace(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return (unicodeSpace ??= /^\s/u).test(c);
}

/** The character (code point) starting at `i`, or "" at the end. */
function codePointAt(s: string, i: number): string {
  const code = s.codePointAt(i);
  return code === undefined ? "" : String.fromCodePoint(code);
}

/** The character (code point) ending at `i`. */
function codePointBefore(s: string, i: number): string {
  const low = s.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = s.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return s.slice(i - 2, i);
  }
  return s.slice(i - 1, i);
}

/**
 * French typography: where the no-break spaces go, and the typographic apostrophe.
 *
 * Two audiences, two rules:
 * - documents (`frenchTypography`): applied to text runs after Markdown parsing
 *   (src/render/markdown.ts), never to Markdown source, link targets or code spans. U+202F (narrow
 *   no-break space) before `;` `!` `?`, after `«` and before `»`; U+00A0 before `:`; a straight
 *   apostrophe between two letters becomes `’`. Missing spaces are inserted.
 * - messages on a terminal (`frenchSpacing`): U+00A0 everywhere (terminal fonts show U+202F
 *   poorly), and only where a space is written or inside « »: a mark glued to the previous
 *   character (`cpts.yaml:42:9`, `https://…?x=1`) is part of a path or an address.
 */
import { NBSP, NNBSP } from "./spaces.js";

const KEPT_SPACES = new Set([NNBSP, NBSP]);
/** Characters after which no space is inserted before `; ! ? :`. */
const NO_SPACE_AFTER = new Set(["!", "?", ";", ":", "(", "[", "{", "«", "'", "\"", "’", "/", "…", "-", "\n"]);
const URL = /(?:\b(?:https?|ftp):\/\/|\bmailto:|\bwww\.)[^\s<>«»"]*[^\s<>«»".,;:!?)\]]/giu;
/** A cheap test that every text URL can match passes. */
const MAY_HOLD_ADDRESS = /:\/\/|www\.|mailto:/i;
const LETTER = /\p{L}/u;
/** The characters the rules act on; text without any of them is left as it is. */
const NEEDS_CARE = /[;!?:«»']/u;

function isSpace(c: string | undefined): boolean {
  return c !== undefined && /\s/u.test(c);
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= "0" && c <= "9";
}

/** The characters fixSegment acts on. */
const SPECIAL = /[;!?:«»']/gu;

/** `text` without the spaces and tabs that end it. */
function trimEndSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === " " || text[end - 1] === "\t")) end--;
  return end === text.length ? text : text.slice(0, end);
}

/**
 * Typography for a piece of text without addresses in it. `before` is the character before it.
 * The text between two characters the rules act on is copied in one piece: documents hold
 * hundreds of kilobytes of text and only a few of those characters.
 */
function fixSegment(segment: string, before: string | undefined): string {
  let out = "";
  let copied = 0; // segment[0, copied) is in `out`, or was dropped on purpose
  // The last character written, including the previous segment's, to decide about insertions.
  const lastOf = (): string | undefined => (out.length > 0 ? out[out.length - 1] : before);

  SPECIAL.lastIndex = 0;
  for (let m = SPECIAL.exec(segment); m !== null; m = SPECIAL.exec(segment)) {
    const i = m.index;
    out += segment.slice(copied, i);
    copied = i + 1;
    const c = m[0];

    if (c === ";" || c === "!" || c === "?" || c === ":") {
      const wanted = c === ":" ? NBSP : NNBSP;
      const prev = lastOf();
      if (c === ":" && isDigit(prev) && isDigit(segment[i + 1])) {
        out += c; // 10:30
      } else if (prev !== undefined && KEPT_SPACES.has(prev)) {
        out += c;
      } else if (prev === " " || prev === "\t") {
        // Replace the ordinary spaces written just before, unless the mark opens a line.
        const trimmed = trimEndSpaces(out);
        const opensLine = trimmed.length === 0 ? before === undefined || before === "\n" : trimmed.endsWith("\n");
        out = opensLine ? out : trimmed + wanted;
        out += c;
      } else if (prev === undefined || isSpace(prev) || NO_SPACE_AFTER.has(prev)) {
        out += c;
      } else {
        out += wanted + c;
      }
      continue;
    }

    if (c === "«") {
      out += c;
      let j = i + 1;
      while (segment[j] === " " || segment[j] === "\t") j++;
      const after = segment[j];
      if (after !== undefined && after !== "\n" && !KEPT_SPACES.has(after)) out += NNBSP;
      copied = j;
      SPECIAL.lastIndex = j;
      continue;
    }

    if (c === "»") {
      const prev = lastOf();
      if (prev === " " || prev === "\t") {
        const trimmed = trimEndSpaces(out);
        out = trimmed.endsWith("\n") || (trimmed.length === 0 && before === undefined) ? out : trimmed + NNBSP;
      } else if (prev !== undefined && !isSpace(prev)) {
        out += NNBSP;
      }
      out += c;
      continue;
    }

    // The apostrophe: between two letters (the next one taken whole, astral letters included).
    const prev = lastOf();
    const next = segment.codePointAt(i + 1);
    out += prev !== undefined && LETTER.test(prev) && next !== undefined && LETTER.test(String.fromCodePoint(next)) ? "’" : c;
  }
  return out + segment.slice(copied);
}

/**
 * French typography for one run of a document's text. `before` is the last character of the
 * text just before this run in the same paragraph (another run), so `**Attention**!` is handled
 * too. An ordinary space at those places is replaced, a missing one is inserted, and a space that
 * is already a no-break one (U+00A0 or U+202F) is left alone, so the function is idempotent. Left
 * alone as well: times and ratios (`10:30`), web addresses (`https://…`, `www.…`, `mailto:…`),
 * a punctuation mark right after another (`?!`, `(?)`), and the start of a text whose previous
 * character is unknown.
 */
export function frenchTypography(text: string, before?: string): string {
  if (!NEEDS_CARE.test(text)) return text; // most runs: nothing to look at
  // The address expression takes milliseconds to compile on a cold start; most texts hold no address.
  if (!MAY_HOLD_ADDRESS.test(text)) return fixSegment(text, before);
  let out = "";
  let last = 0;
  let prev = before;
  for (const m of text.matchAll(URL)) {
    const start = m.index;
    const segment = fixSegment(text.slice(last, start), prev);
    out += segment + m[0];
    last = start + m[0].length;
    prev = m[0][m[0].length - 1];
  }
  return out + fixSegment(text.slice(last), prev);
}

/**
 * French spacing for what a terminal shows (questions, hints, messages): the spaces written
 * before `:` `;` `?` `!` become one U+00A0 when the mark ends a word (space, end of text, `)`,
 * `»` or a colour code after it), and « » get U+00A0 inside, inserted when missing. Idempotent.
 */
export function frenchSpacing(text: string): string {
  return text
    .replace(/(?<=\S)[ \u00a0\u202f]+([:;?!])(?=[\s\u001b)»]|$)/g, `${NBSP}$1`)
    .replace(/«[ \u00a0\u202f]*/g, `«${NBSP}`)
    .replace(/[ \u00a0\u202f]*»/g, `${NBSP}»`);
}

/** A straight apostrophe between two letters becomes `’` (« l'ARS » → « l’ARS »). */
export function typographicApostrophes(text: string): string {
  return text.includes("'") ? text.replace(/(?<=\p{L})'(?=\p{L})/gu, "’") : text;
}

/**
 * Text helpers of the territory module: the matching key used to compare names typed by a user
 * with official names, official names as printed, and the typography of the messages.
 */
import { frenchSpacing, typographicApostrophes } from "../french/index.js";

/** Common abbreviations of words of place names, expanded before comparison. */
const ABBREVIATIONS = new Map([
  ["st", "saint"],
  ["ste", "sainte"],
  ["sts", "saints"],
  ["stes", "saintes"],
]);
const HAS_ABBREVIATION = /(?:^| )ste?s?(?: |$)/;
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Matching key of a name: lower case, without accents or ligatures, every run of other
 * characters (hyphen, apostrophe, parenthesis, spaces…) turned into one space, `st`/`ste`
 * expanded to `saint`/`sainte`. « Saint-Laurent-des-Vignes », « saint laurent des vignes » and
 * « ST LAURENT DES VIGNES » share the key `saint laurent des vignes`. (One pass copying runs of
 * letters: it runs on every name of the data when the name index is built.)
 */
export function nameKey(name: string): string {
  const s = (NON_ASCII.test(name) ? name.normalize("NFD") : name).toLowerCase();
  let out = "";
  let runStart = -1; // start of the current run of letters and digits
  let separator = false; // something other than a letter, digit or accent since the last kept text
  for (let i = 0; i <= s.length; i++) {
    const ch = i < s.length ? s.charCodeAt(i) : -1;
    if ((ch >= 97 && ch <= 122) || (ch >= 48 && ch <= 57)) {
      if (runStart < 0) runStart = i;
      continue;
    }
    let piece = "";
    if (runStart >= 0) {
      piece = s.slice(runStart, i);
      runStart = -1;
    }
    if (ch === 0x153) piece += "oe";
    else if (ch === 0xe6) piece += "ae";
    else if (ch === 0xdf) piece += "ss";
    if (piece !== "") {
      if (separator && out !== "") out += " ";
      separator = false;
      out += piece;
    }
    // A combining accent belongs to the word; anything else separates words.
    if (ch >= 0 && !(ch >= 0x300 && ch <= 0x36f) && ch !== 0x153 && ch !== 0xe6 && ch !== 0xdf) separator = true;
  }
  if (!HAS_ABBREVIATION.test(out)) return out;
  return out
    .split(" ")
    .map((word) => ABBREVIATIONS.get(word) ?? word)
    .join(" ");
}

/** Name as printed to a user: official names come with a straight apostrophe. */
export function displayName(name: string): string {
  return name.includes("'") ? name.replace(/'/g, "’") : name;
}

/**
 * A message as the user reads it: French spacing (U+00A0 before `:` `;` `?` `!` and inside « »)
 * and typographic apostrophes, since the official names it quotes come with straight ones.
 */
export function messageText(text: string): string {
  return frenchSpacing(typographicApostrophes(text));
}

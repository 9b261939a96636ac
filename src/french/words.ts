/**
 * French words around values: lists (« a, b et c »), first letters, quotation marks, small
 * numbers in words (« quinze jours »). Pure, and independent of the machine's locale.
 */
import { NBSP } from "./spaces.js";

/**
 * `["a", "b", "c"]` → « a, b et c »; `["a", "b"]` → « a et b »; `["a"]` → « a »; `[]` → «  ».
 * `conjunction` may be « ou ».
 */
export function joinFr(items: readonly string[], conjunction = "et"): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]}`;
}

/**
 * First letter in lower case, to continue a sentence with a label or a stored note. French has
 * no case rule of its own, so the locale-free mapping gives the same letters as `fr-FR`.
 */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** First letter in upper case, to start a sentence with a label. */
export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** French quotation marks with no-break spaces inside: « text ». */
export function quote(text: string): string {
  return `«${NBSP}${text}${NBSP}»`;
}

const UNITS = [
  "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
  "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf",
];
const TENS = ["", "", "vingt", "trente", "quarante", "cinquante", "soixante"];

/**
 * A whole number from 0 to 100 in French words (« quinze », « vingt et un », « quatre-vingts »),
 * `une` instead of `un` when `feminine`; other numbers in figures (« 250 »).
 */
export function numberInWords(n: number, feminine = false): string {
  if (!Number.isInteger(n) || n < 0 || n > 100) return String(n);
  const word = wordsBelow101(n);
  return feminine ? word.replace(/(^|[ -])un$/, "$1une") : word;
}

function wordsBelow101(n: number): string {
  if (n < 20) return UNITS[n]!;
  if (n === 100) return "cent";
  const ten = Math.floor(n / 10);
  const unit = n % 10;
  if (ten === 7 || ten === 9) {
    const base = ten === 7 ? "soixante" : "quatre-vingt";
    const rest = UNITS[10 + unit]!;
    return ten === 7 && unit === 1 ? "soixante et onze" : `${base}-${rest}`;
  }
  if (ten === 8) return unit === 0 ? "quatre-vingts" : `quatre-vingt-${UNITS[unit]}`;
  const base = TENS[ten]!;
  if (unit === 0) return base;
  if (unit === 1) return `${base} et un`;
  return `${base}-${UNITS[unit]}`;
}

/** « 3 » → « trois ans », « 1 » → « un an ». */
export function yearsInWords(n: number): string {
  return `${numberInWords(n)}${NBSP}${n > 1 ? "ans" : "an"}`;
}

/** « quinze jours ». */
export function daysInWords(n: number): string {
  return `${numberInWords(n)}${NBSP}${n > 1 ? "jours" : "jour"}`;
}

/**
 * An ordinal in words from 1 to 100: « premier » (« première » when `feminine`), « deuxième »,
 * « cinquième », « neuvième », « vingt et unième »; other numbers as « 101e ».
 */
export function ordinalInWords(n: number, feminine = false): string {
  if (n === 1) return feminine ? "première" : "premier";
  if (!Number.isInteger(n) || n < 1 || n > 100) return `${n}e`;
  const word = wordsBelow101(n);
  if (word.endsWith("cinq")) return `${word}uième`;
  if (word.endsWith("neuf")) return `${word.slice(0, -1)}vième`;
  if (word.endsWith("quatre-vingts")) return "quatre-vingtième";
  return `${word.replace(/e$/, "")}ième`;
}

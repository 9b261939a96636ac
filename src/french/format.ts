/**
 * French formatting of dates, times, amounts, numbers and plurals.
 *
 * Pure functions that depend neither on the machine's time zone nor on its ICU data (dates are
 * calendar days, not instants). Spaces follow French typography as `Intl` writes it for `fr-FR`:
 * U+202F (narrow no-break space) between digit groups, U+00A0 (no-break space) before `€` and `%`.
 *
 * Invalid input (an impossible ISO date, a number that is not finite) throws a `FormatError`:
 * the project validator is expected to catch such values first, so reaching one here is a bug
 * or a corrupted file, not a missing answer. Missing answers are the templates' business
 * (see the `a_completer` helper in src/render/helpers.ts).
 */
import { NBSP, NNBSP } from "./spaces.js";

export class FormatError extends Error {
  override readonly name = "FormatError";
  constructor(
    readonly code: "format.date-invalide" | "format.nombre-invalide",
    message: string,
  ) {
    super(message);
  }
}

export interface IsoDate {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Reads a `YYYY-MM-DD` string. Returns null when the string has another shape or names a day
 * that does not exist (`2026-02-30`, `2026-13-01`).
 */
export function parseIsoDate(value: string): IsoDate | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Gregorian calendar, also before 100 (where `Date.UTC` would read 0012 as 1912). */
function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/** Like `parseIsoDate`, but throws a `FormatError` with a French message. */
export function requireIsoDate(value: unknown): IsoDate {
  const parsed = typeof value === "string" ? parseIsoDate(value) : null;
  if (!parsed) {
    throw new FormatError(
      "format.date-invalide",
      `date invalide « ${String(value)} » : attendu une date réelle au format AAAA-MM-JJ (par exemple 2026-03-01)`,
    );
  }
  return parsed;
}

const MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

/**
 * `2026-03-01` → « 1er mars 2026 », `2026-11-23` → « 23 novembre 2026 », with a no-break space
 * between the day and the month: French typography never lets a line end between them.
 * Throws `FormatError` on an invalid date.
 */
export function formatDate(iso: string): string {
  const { year, month, day } = requireIsoDate(iso);
  return `${day === 1 ? "1er" : day}${NBSP}${MONTHS[month - 1]} ${year}`;
}

/** `2026-03-01` → « 01/03/2026 ». Throws `FormatError` on an invalid date. */
export function formatDateShort(iso: string): string {
  const { year, month, day } = requireIsoDate(iso);
  return `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
}

function requireFinite(n: unknown): number {
  const value = typeof n === "string" && n.trim() !== "" ? Number(n) : n;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new FormatError("format.nombre-invalide", `nombre invalide « ${String(n)} »`);
  }
  return value;
}

/**
 * A number written the French way, as `Intl.NumberFormat("fr-FR")` writes it: digit groups
 * separated by U+202F, a decimal comma, at most `maxDecimals` decimals (trailing zeros dropped
 * down to `minDecimals`), halves rounded away from zero on the decimal the number prints as
 * (1.005 → « 1,01 »). Written by hand rather than with `Intl`: making the first `Intl` formatter
 * loads the locale data, which cost `cpts valider` a tenth of its time, and the output no
 * longer depends on the ICU version of the Node that runs it. `shift` multiplies by a power of
 * ten exactly (2 for percentages). test/french/format.test.ts checks it against `Intl`.
 */
export function frenchNumber(value: number, maxDecimals: number, minDecimals = 0, shift = 0): string {
  const sign = value < 0 || Object.is(value, -0) ? "-" : "";
  // String() gives the shortest decimal that reads back as the same double, as ICU uses.
  const [mantissa = "", exponent = "0"] = String(Math.abs(value)).split("e");
  const [whole = "", fraction = ""] = mantissa.split(".");
  let digits = whole + fraction;
  let point = whole.length + Number(exponent) + shift;
  if (point < 1) {
    digits = "0".repeat(1 - point) + digits;
    point = 1;
  }
  if (digits.length < point) digits += "0".repeat(point - digits.length);
  const kept = point + maxDecimals;
  if (digits.length > kept) {
    const roundUp = digits.charCodeAt(kept) >= 53; // "5"
    digits = digits.slice(0, kept);
    if (roundUp) {
      const carried = increment(digits);
      if (carried.length > digits.length) point += 1;
      digits = carried;
    }
  }
  const integer = digits.slice(0, point).replace(/^0+(?=\d)/, "");
  let decimals = digits.slice(point).replace(/0+$/, "");
  if (decimals.length < minDecimals) decimals = decimals.padEnd(minDecimals, "0");
  return `${sign}${groupThousands(integer)}${decimals ? `,${decimals}` : ""}`;
}

/** Adds one to a string of decimal digits: "129" → "130", "99" → "100". */
function increment(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === "9") i -= 1;
  if (i < 0) return `1${"0".repeat(digits.length)}`;
  return `${digits.slice(0, i)}${String.fromCharCode(digits.charCodeAt(i) + 1)}${"0".repeat(digits.length - i - 1)}`;
}

function groupThousands(integer: string): string {
  const head = integer.length % 3 || 3;
  let out = integer.slice(0, head);
  for (let i = head; i < integer.length; i += 3) out += NNBSP + integer.slice(i, i + 3);
  return out;
}

/**
 * Euro amounts: `50000` → « 50 000 € », `1234.5` → « 1 234,50 € ».
 * The amount is first rounded to the cent; a whole number of euros prints without decimals,
 * anything else prints with exactly two. Numeric strings are accepted (`"50000"`).
 */
export function formatAmount(amount: number | string): string {
  const cents = Math.round(requireFinite(amount) * 100);
  return `${frenchNumber(cents / 100, 2, cents % 100 === 0 ? 0 : 2)}${NBSP}€`;
}

/** `64455` → « 64 455 », `2.5` → « 2,5 ». At most `maxDecimals` decimals (2 by default). */
export function formatNumber(n: number | string, maxDecimals = 2): string {
  return frenchNumber(requireFinite(n), maxDecimals);
}

/**
 * A ratio as a percentage: `0.255` → « 25,5 % » (no-break space before `%`).
 * The argument is a ratio (1 = 100 %), not a number of percent.
 */
export function formatPercent(ratio: number | string, maxDecimals = 1): string {
  return `${frenchNumber(requireFinite(ratio), maxDecimals, 0, 2)}${NBSP}%`;
}

/**
 * Whether French uses the singular for `n`: 0, 1 and 1,5 are singular; 2 and 1 000 000 are not
 * (CLDR's rule for French: the integer part is 0 or 1).
 */
export function isSingular(n: number): boolean {
  return Math.abs(n) < 2;
}

/**
 * `plural(38, "commune", "communes")` → « 38 communes », `plural(1, …)` → « 1 commune »,
 * `plural(0, …)` → « 0 commune ». The number and the noun are joined by a no-break space
 * (U+00A0) so they never end up on two lines. `pluralForm` defaults to `singular + "s"`.
 */
export function plural(n: number | string, singular: string, pluralForm = `${singular}s`): string {
  const value = requireFinite(n);
  return `${formatNumber(value)}${NBSP}${isSingular(value) ? singular : pluralForm}`;
}

/** « 20:30 » → « 20 h 30 », « 9:00 » → « 9 h ». Other text is returned as written. */
export function hourText(value: string | undefined): string | undefined {
  if (value === undefined || value === "") return undefined;
  const m = /^(\d{1,2})[:h](\d{2})$/.exec(String(value).trim());
  if (!m) return String(value);
  const h = String(Number(m[1]));
  return m[2] === "00" ? `${h}${NBSP}h` : `${h}${NBSP}h${NBSP}${m[2]}`;
}

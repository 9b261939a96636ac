/**
 * French formatting of dates, amounts, numbers, plurals and lists.
 *
 * Pure functions built on `Intl` with a fixed time zone (`Europe/Paris`), so the output never
 * depends on the machine. Spaces follow French typography as `Intl` writes it for `fr-FR`:
 * U+202F (narrow no-break space) between digit groups, U+00A0 (no-break space) before `€` and `%`.
 *
 * Invalid input (an impossible ISO date, a number that is not finite) throws a `FormatError`:
 * the project validator is expected to catch such values first, so reaching one here is a bug
 * or a corrupted file, not a missing answer. Missing answers are the templates' business
 * (see the `a_completer` helper in templates.ts).
 */

export const TIME_ZONE = "Europe/Paris";
export const NNBSP = "\u202F";
export const NBSP = "\u00A0";

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
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return { year, month, day };
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

/** Noon UTC of the day: the same calendar day in Europe/Paris whatever the season. */
function toInstant(d: IsoDate): Date {
  return new Date(Date.UTC(d.year, d.month - 1, d.day, 12));
}

/** A value made on first use. */
function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

// Each Intl object loads locale data when made (tens of milliseconds for the first): made on first use.
const LONG_DATE = lazy(() => new Intl.DateTimeFormat("fr-FR", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: TIME_ZONE,
}));
const SHORT_DATE = lazy(() => new Intl.DateTimeFormat("fr-FR", {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  timeZone: TIME_ZONE,
}));

/**
 * `2026-03-01` → « 1er mars 2026 », `2026-11-23` → « 23 novembre 2026 ».
 * Throws `FormatError` on an invalid date.
 */
export function formatDate(iso: string): string {
  let text = LONG_DATES.get(iso);
  if (text === undefined) {
    const parts = LONG_DATE().formatToParts(toInstant(requireIsoDate(iso)));
    text = parts.map((p) => (p.type === "day" && p.value === "1" ? "1er" : p.value)).join("");
    LONG_DATES.set(iso, text);
  }
  return text;
}
// Documents print the same few dates many times, and formatToParts is slow.
const LONG_DATES = new Map<string, string>();

/** `2026-03-01` → « 01/03/2026 ». Throws `FormatError` on an invalid date. */
export function formatDateShort(iso: string): string {
  return SHORT_DATE().format(toInstant(requireIsoDate(iso)));
}

function requireFinite(n: unknown): number {
  const value = typeof n === "string" && n.trim() !== "" ? Number(n) : n;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new FormatError("format.nombre-invalide", `nombre invalide « ${String(n)} »`);
  }
  return value;
}

const AMOUNT_WHOLE = lazy(() => new Intl.NumberFormat("fr-FR", {
  style: "currency",
  currency: "EUR",
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
}));
const AMOUNT_CENTS = lazy(() => new Intl.NumberFormat("fr-FR", {
  style: "currency",
  currency: "EUR",
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
}));

/**
 * Euro amounts: `50000` → « 50 000 € », `1234.5` → « 1 234,50 € ».
 * The amount is first rounded to the cent; a whole number of euros prints without decimals,
 * anything else prints with exactly two. Numeric strings are accepted (`"50000"`).
 */
export function formatAmount(amount: number | string): string {
  const cents = Math.round(requireFinite(amount) * 100);
  return cents % 100 === 0 ? AMOUNT_WHOLE().format(cents / 100) : AMOUNT_CENTS().format(cents / 100);
}

/** `64455` → « 64 455 », `2.5` → « 2,5 ». At most `maxDecimals` decimals (2 by default). */
export function formatNumber(n: number | string, maxDecimals = 2): string {
  return numberFormat(maxDecimals).format(requireFinite(n));
}

// Making an Intl.NumberFormat costs far more than using one, and documents format hundreds of numbers.
const NUMBER_FORMATS = new Map<string, Intl.NumberFormat>();
function numberFormat(maxDecimals: number, style: "decimal" | "percent" = "decimal"): Intl.NumberFormat {
  const key = `${style}:${maxDecimals}`;
  let format = NUMBER_FORMATS.get(key);
  if (!format) {
    format = new Intl.NumberFormat("fr-FR", { style, maximumFractionDigits: maxDecimals });
    NUMBER_FORMATS.set(key, format);
  }
  return format;
}

/**
 * A ratio as a percentage: `0.255` → « 25,5 % » (no-break space before `%`).
 * The argument is a ratio (1 = 100 %), not a number of percent.
 */
export function formatPercent(ratio: number | string, maxDecimals = 1): string {
  return numberFormat(maxDecimals, "percent").format(requireFinite(ratio));
}

const PLURAL_RULES = lazy(() => new Intl.PluralRules("fr-FR"));

/** Whether French uses the singular for `n`: 0, 1 and 1,5 are singular; 2 and 1 000 000 are not. */
export function isSingular(n: number): boolean {
  return PLURAL_RULES().select(n) === "one";
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

/**
 * `["a", "b", "c"]` → « a, b et c »; `["a", "b"]` → « a et b »; `["a"]` → « a »; `[]` → «  ».
 * `conjunction` may be « ou ».
 */
export function joinFr(items: readonly string[], conjunction = "et"): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]}`;
}

/**
 * The Handlebars helpers templates may use. Names are French where they print French text.
 *
 * Formatting (their result is plain text, Markdown-escaped by `{{ }}` like any value):
 *   {{date d}}                 « 1er mars 2026 »        {{date_courte d}}   « 01/03/2026 »
 *   {{montant n}}              « 50 000 € »             {{nombre n}}        « 64 455 »
 *   {{pourcentage r}}          0.25 → « 25 % »          {{pluriel n "commune"}} « 38 communes »
 * Each takes an optional `manquant="…"`: when the value is missing (null, absent, empty) it
 * prints the placeholder « [À COMPLÉTER : …] » instead (the default label names the kind).
 *
 * Markdown builders (their result is already-escaped Markdown):
 *   {{liste xs}}               « a, b et c » from an array; `cle="nom"` picks a field of each
 *                              object, `conj="ou"` changes the last word, `manquant="…"`.
 *   {{cellule x}}              a value for a GFM table cell: one line, `|` escaped.
 *   {{a_completer "quoi"}}     always the placeholder « [À COMPLÉTER : quoi] ».
 *   {{a_completer x "quoi"}}   the value if present, the placeholder otherwise.
 *   `placeholder` is an alias of `a_completer`.
 *
 * Logic, for `{{#if (…)}}`: eq, ne, lt, lte, gt, gte, and, or, not, vide, present, longueur.
 *
 * An error thrown by a helper (an invalid date…) carries the helper's position in the template
 * (`templateLoc`), so templates.ts can report it with file:line:column.
 */
import { mdEscape, mdEscapeCell } from "./escape.js";
import {
  formatAmount,
  formatDate,
  formatDateShort,
  formatNumber,
  formatPercent,
  joinFr,
  plural,
} from "../french/index.js";
import { placeholderMarkdown } from "./placeholders.js";

type Hb = typeof import("handlebars");
type SafeString = import("handlebars").SafeString;
type Options = import("handlebars").HelperOptions & { loc?: HelperLoc; name?: string };

export interface HelperLoc {
  start: { line: number; column: number };
  end: { line: number; column: number };
}

/** Marks an error with the position of the helper call that threw it. */
export interface LocatedError extends Error {
  templateLoc?: HelperLoc;
}

/** Whether a value counts as a missing answer: null, undefined, blank text or an empty array. */
export function isMissing(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/** Splits `(a, b, …, options)` into the positional arguments and Handlebars' options. */
function split(args: unknown[]): { params: unknown[]; options: Options } {
  return { params: args.slice(0, -1), options: args[args.length - 1] as Options };
}

export const HELPER_NAMES = [
  "date",
  "date_courte",
  "montant",
  "nombre",
  "pourcentage",
  "pluriel",
  "liste",
  "cellule",
  "a_completer",
  "placeholder",
  "eq",
  "ne",
  "lt",
  "lte",
  "gt",
  "gte",
  "and",
  "or",
  "not",
  "vide",
  "present",
  "longueur",
] as const;

export function registerHelpers(hb: Hb): void {
  const safe = (markdown: string) => new hb.SafeString(markdown);
  const isSafe = (v: unknown): v is SafeString => v instanceof hb.SafeString;
  const missing = (options: Options, fallback: string) =>
    safe(placeholderMarkdown(options.hash["manquant"] ?? fallback));

  /** A formatting helper: missing value → placeholder, otherwise `format(value)` as plain text. */
  const formatter =
    (fallback: string, format: (value: unknown, options: Options) => string) =>
    (...args: unknown[]) => {
      const { params, options } = split(args);
      const value = params[0];
      if (isMissing(value)) return missing(options, fallback);
      return format(value, options);
    };

  const decimals = (options: Options, fallback: number): number => {
    const d = options.hash["decimales"];
    return typeof d === "number" ? d : fallback;
  };

  const helpers: Record<(typeof HELPER_NAMES)[number], (...args: unknown[]) => unknown> = {
    date: formatter("date", (v) => formatDate(String(v))),
    date_courte: formatter("date", (v) => formatDateShort(String(v))),
    montant: formatter("montant", (v) => formatAmount(v as number | string)),
    nombre: formatter("nombre", (v, o) => formatNumber(v as number | string, decimals(o, 2))),
    pourcentage: formatter("pourcentage", (v, o) => formatPercent(v as number | string, decimals(o, 1))),
    pluriel: (...args) => {
      const { params, options } = split(args);
      const [n, singular, pluralForm] = params;
      if (isMissing(n)) return missing(options, "nombre");
      return plural(n as number, String(singular ?? ""), pluralForm === undefined ? undefined : String(pluralForm));
    },
    liste: (...args) => {
      const { params, options } = split(args);
      const key = options.hash["cle"];
      const items = (Array.isArray(params[0]) ? params[0] : [])
        .map((item: unknown) =>
          typeof key === "string" && item !== null && typeof item === "object"
            ? (item as Record<string, unknown>)[key]
            : item,
        )
        .filter((item: unknown) => !isMissing(item))
        .map((item: unknown) => (isSafe(item) ? item.toHTML() : mdEscape(item)));
      if (items.length === 0) {
        return options.hash["manquant"] !== undefined ? missing(options, "liste") : safe("");
      }
      return safe(joinFr(items, typeof options.hash["conj"] === "string" ? options.hash["conj"] : "et"));
    },
    cellule: (...args) => {
      const { params, options } = split(args);
      const value = params[0];
      if (isMissing(value)) return options.hash["manquant"] !== undefined ? missing(options, "valeur") : safe("");
      if (isSafe(value)) return safe(value.toHTML().replace(/\s*\\?\n\s*/g, " "));
      return safe(mdEscapeCell(value));
    },
    a_completer: (...args) => {
      const { params, options } = split(args);
      if (params.length <= 1) return safe(placeholderMarkdown(params[0] ?? options.hash["manquant"]));
      const [value, label] = params;
      if (isMissing(value)) return safe(placeholderMarkdown(label));
      return isSafe(value) ? value : safe(mdEscape(value));
    },
    placeholder: (...args) => helpers.a_completer(...args),
    eq: (...args) => split(args).params[0] === split(args).params[1],
    ne: (...args) => split(args).params[0] !== split(args).params[1],
    lt: (...args) => compare(split(args).params, (a, b) => a < b),
    lte: (...args) => compare(split(args).params, (a, b) => a <= b),
    gt: (...args) => compare(split(args).params, (a, b) => a > b),
    gte: (...args) => compare(split(args).params, (a, b) => a >= b),
    and: (...args) => split(args).params.every((p) => truthy(p)),
    or: (...args) => split(args).params.some((p) => truthy(p)),
    not: (...args) => !truthy(split(args).params[0]),
    vide: (...args) => isMissing(split(args).params[0]),
    present: (...args) => !isMissing(split(args).params[0]),
    longueur: (...args) => {
      const v = split(args).params[0];
      return Array.isArray(v) || typeof v === "string" ? v.length : v && typeof v === "object" ? Object.keys(v).length : 0;
    },
  };

  for (const [name, fn] of Object.entries(helpers)) {
    hb.registerHelper(name, function located(this: unknown, ...args: unknown[]) {
      try {
        return fn.apply(this, args);
      } catch (error) {
        const options = args[args.length - 1] as Options | undefined;
        if (error instanceof Error && options?.loc && (error as LocatedError).templateLoc === undefined) {
          (error as LocatedError).templateLoc = options.loc;
        }
        throw error;
      }
    });
  }
}

/** Handlebars' truthiness, except that an empty array is false as in `{{#if}}`. */
function truthy(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : !!value;
}

function compare(params: unknown[], op: (a: number | string, b: number | string) => boolean): boolean {
  const [a, b] = params;
  if ((typeof a === "number" || typeof a === "string") && (typeof b === "number" || typeof b === "string")) {
    return op(a, b);
  }
  return false;
}

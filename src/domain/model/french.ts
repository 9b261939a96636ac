/**
 * Small French wording helpers for the view model: numbers in words, first letters, lists,
 * the « de la Dordogne » form of a département, quorum and majority rules in words. Pure.
 */
import { cpamForDepartment } from "../../territory/index.js";
import { formatDate, joinFr } from "../../render/format.js";

const NBSP = "\u00a0";

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

export function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase("fr-FR") + text.slice(1);
}

export function upperFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase("fr-FR") + text.slice(1);
}

/** « a, b et c » (plain text). */
export function listFr(items: readonly string[], conjunction = "et"): string {
  return joinFr([...items], conjunction);
}

/** A long date (« 1er mars 2026 ») for a valid ISO date, undefined otherwise. */
export function dateText(iso: string | undefined): string | undefined {
  if (iso === undefined || iso === null || iso === "") return undefined;
  try {
    return formatDate(String(iso));
  } catch {
    return undefined;
  }
}

/** A date read by the YAML parser may be a string or (rarely) a Date: always `YYYY-MM-DD` or undefined. */
export function isoDate(value: unknown): string | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  return String(value);
}

const VOWEL_START = /^[aeiouyàâäéèêëîïôöùûüœh]/i;

/**
 * « de la Dordogne », « de l’Ain », « du Nord », « des Bouches-du-Rhône », « de Paris »: the
 * département with its preposition and article. Read from the name of its health-insurance
 * fund in cpam.json, whose names are built on the département's name with its article;
 * otherwise « de »/« d’ » + the name.
 */
export function departementWithDe(code: string, name: string): string {
  const fund = cpamForDepartment(code);
  if (fund?.nom && fund.organisme && fund.nom.startsWith(`${fund.organisme} `)) {
    const rest = fund.nom.slice(fund.organisme.length).trim();
    if (/^(de la |de l’|du |des |de |d’)/.test(rest) && rest.endsWith(fund.departement_nom)) return rest;
  }
  return VOWEL_START.test(name) ? `d’${name}` : `de ${name}`;
}

/** The cut of a quorum, with its grammatical agreement. */
interface Fraction {
  text: string;
  verb: "est" | "sont";
  participle: string;
}

const FRACTIONS: Record<string, Fraction> = {
  quart: { text: "le quart", verb: "est", participle: "présent ou représenté" },
  tiers: { text: "le tiers", verb: "est", participle: "présent ou représenté" },
  moitie: { text: "la moitié", verb: "est", participle: "présente ou représentée" },
  deux_tiers: { text: "les deux tiers", verb: "sont", participle: "présents ou représentés" },
};

export interface RuleWords {
  /** « la moitié des membres »; undefined for `aucun` or when the rule is not set. */
  texte: string | undefined;
  /** The whole rule as a sentence for the statuts; undefined when the rule is not set. */
  phrase: string | undefined;
}

/** Quorum of an instance in words: `moitie` → « la moitié des membres » and its sentence. */
export function quorumWords(code: string | undefined, instance: string): RuleWords {
  if (code === undefined) return { texte: undefined, phrase: undefined };
  if (code === "aucun") {
    return {
      texte: undefined,
      phrase: `${upperFirst(instance)} délibère valablement quel que soit le nombre de membres présents ou représentés.`,
    };
  }
  const f = FRACTIONS[code];
  if (!f) return { texte: undefined, phrase: undefined };
  return {
    texte: `${f.text} des membres`,
    phrase: `${upperFirst(instance)} ne délibère valablement que si ${f.text} au moins de ses membres ${f.verb} ${f.participle}.`,
  };
}

const MAJORITIES: Record<string, string> = {
  simple: "à la majorité simple des suffrages exprimés",
  absolue: "à la majorité absolue des suffrages exprimés",
  deux_tiers: "à la majorité des deux tiers des suffrages exprimés",
  trois_quarts: "à la majorité des trois quarts des suffrages exprimés",
};

/** Majority in words: `deux_tiers` → « à la majorité des deux tiers des suffrages exprimés ». */
export function majorityWords(code: string | undefined): RuleWords {
  const text = code === undefined ? undefined : MAJORITIES[code];
  return { texte: text, phrase: text === undefined ? undefined : `Les décisions sont prises ${text}.` };
}

/** « 20:30 » → « 20 h 30 », « 9:00 » → « 9 h ». Other text is returned as written. */
export function hourText(value: string | undefined): string | undefined {
  if (value === undefined || value === "") return undefined;
  const m = /^(\d{1,2})[:h](\d{2})$/.exec(String(value).trim());
  if (!m) return String(value);
  const h = String(Number(m[1]));
  return m[2] === "00" ? `${h}${NBSP}h` : `${h}${NBSP}h${NBSP}${m[2]}`;
}

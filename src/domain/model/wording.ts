/**
 * Wording of the view model that needs CPTS knowledge: dates read from the project file, the
 * « de la Dordogne » form of a département, quorum and majority rules in words. Pure. General
 * French text (numbers in words, lists, first letters) is in src/french.
 */
import { formatDate, upperFirst } from "../../french/index.js";
import { cpamForDepartment } from "../../territory/index.js";

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

const FRACTIONS: Record<string, Fraction & { at: string }> = {
  quart: { text: "le quart", at: "au quart", verb: "est", participle: "présent ou représenté" },
  tiers: { text: "le tiers", at: "au tiers", verb: "est", participle: "présent ou représenté" },
  moitie: { text: "la moitié", at: "à la moitié", verb: "est", participle: "présente ou représentée" },
  deux_tiers: { text: "les deux tiers", at: "aux deux tiers", verb: "sont", participle: "présents ou représentés" },
};

/** « fixe le quorum au tiers des membres »: the cut after « à », contracted; undefined for `aucun` or an unknown code. */
export function quorumAt(code: string | undefined): string | undefined {
  const f = code === undefined ? undefined : FRACTIONS[code];
  return f ? `${f.at} des membres` : undefined;
}

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

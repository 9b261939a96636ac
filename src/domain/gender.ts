/**
 * The right form of a person’s function, role, title and profession from their `civilite`
 * (« M. », « Mme »): « présidente », « trésorière », « l’interlocutrice principale », « la Dre »,
 * « infirmière », « masseuses-kinésithérapeutes ». Forms come from data/titles.json and
 * data/professions.json. Pure.
 *
 * A person whose civilité says no gender (« Dr », « Pr » in today’s file, or none) gets the
 * masculine form, the French default; `genderFinding` lets a check ask for the civilité. A group
 * takes the feminine plural only when every member is known to be a woman.
 */
import titlesJson from "./data/titles.json" with { type: "json" };
import professionsJson from "./data/professions.json" with { type: "json" };
import { NBSP, lowerFirst, quote as q } from "../french/index.js";
import type { Finding } from "../project/index.js";

export type Genre = "masculin" | "feminin";

interface Forms {
  code: string;
  masculin: string;
  feminin: string;
  pluriel_masculin: string;
  pluriel_feminin: string;
}

interface TitleEntry {
  code: string;
  masculin: string;
  feminin: string;
  long_masculin: string;
  long_feminin: string;
}

interface ProfessionForms {
  code: string;
  libelle: string;
  libelle_feminin: string;
  libelle_pluriel: string;
  libelle_pluriel_feminin: string;
  libelle_ans: string | null;
}

const FONCTIONS = titlesJson.fonctions as Forms[];
const ROLES = titlesJson.roles as Forms[];
const TITRES = titlesJson.titres as TitleEntry[];
const CIVILITES = titlesJson.civilites as { code: string; genre: Genre; long: string }[];
const PROFESSIONS = professionsJson.professions as ProfessionForms[];

/** Functions in the association, in the order lists of dirigeants follow. */
export const FONCTION_CODES: readonly string[] = FONCTIONS.map((f) => f.code);
/** Titles (« Dr », « Pr ») with their masculine and feminine abbreviations. */
export const TITLES: readonly TitleEntry[] = TITRES;
export const ROLE_CODES: readonly string[] = ROLES.map((r) => r.code);

/** Who a form is for: one person’s gender (null: unknown), or a group of people. */
export type Who = Genre | null | readonly (Genre | null)[];

/** « Mme » → feminin, « M. » → masculin; anything else (« Dr », « Pr », nothing) → null. */
export function genreOf(civilite: string | undefined | null): Genre | null {
  return CIVILITES.find((c) => c.code === civilite)?.genre ?? null;
}

/** A group is feminine when all its members are known women; otherwise masculine (null if empty). */
export function groupGenre(genres: readonly (Genre | null)[]): Genre | null {
  if (genres.length === 0) return null;
  return genres.every((g) => g === "feminin") ? "feminin" : "masculin";
}

function pick(forms: Forms, who: Who): { text: string; genre: Genre; plural: boolean } {
  if (Array.isArray(who) && who.length !== 1) {
    const g = groupGenre(who as readonly (Genre | null)[]);
    const feminine = g === "feminin";
    return { text: feminine ? forms.pluriel_feminin : forms.pluriel_masculin, genre: feminine ? "feminin" : "masculin", plural: true };
  }
  const one = Array.isArray(who) ? (who as readonly (Genre | null)[])[0] : (who as Genre | null);
  const feminine = one === "feminin";
  return { text: feminine ? forms.feminin : forms.masculin, genre: feminine ? "feminin" : "masculin", plural: false };
}

// Every word of titles.json and professions.json starting with a vowel takes « l’ »; none starts
// with an h (a test holds that), so the first letter decides.
const VOWEL = /^[aeiouyàâäéèêëîïôöùûüœæ]/i;

/** « le président », « la présidente », « l’interlocutrice principale », « les trésorières ». */
export function withDefiniteArticle(text: string, genre: Genre, plural = false): string {
  if (plural) return `les ${text}`;
  if (VOWEL.test(text)) return `l’${text}`;
  return `${genre === "feminin" ? "la" : "le"} ${text}`;
}

export interface FormOptions {
  /** Adds the definite article: « la présidente ». */
  article?: boolean;
}

function render(forms: Forms, who: Who, options: FormOptions): string {
  const { text, genre, plural } = pick(forms, who);
  return options.article ? withDefiniteArticle(text, genre, plural) : text;
}

function formsOf(list: Forms[], code: string, what: string): Forms {
  const found = list.find((f) => f.code === code);
  if (!found) throw new RangeError(`${what} inconnue${NBSP}: ${code}`);
  return found;
}

/**
 * A function in the association (`president`, `vice_president`, `secretaire`,
 * `secretaire_adjoint`, `tresorier`, `tresorier_adjoint`, `administrateur`) for one person or a
 * group: « présidente », « vice-présidents », « la trésorière ». Throws on an unknown code.
 */
export function fonctionLabel(code: string, who: Who, options: FormOptions = {}): string {
  return render(formsOf(FONCTIONS, code, "Fonction"), who, options);
}

/**
 * A role in the documents (`interlocuteur_principal`, `porteur`, `president_seance`,
 * `secretaire_seance`, `membre_fondateur`, `titulaire`, `suppleant`, `coordinateur`,
 * `representant`, `signataire`): « l’interlocutrice principale ». Throws on an unknown code.
 */
export function roleLabel(code: string, who: Who, options: FormOptions = {}): string {
  return render(formsOf(ROLES, code, "Rôle"), who, options);
}

/** « Dr » / « Dre », « Pr » / « Pre »; `long`: « docteur » / « docteure ». Throws on an unknown title. */
export function titleLabel(code: string, genre: Genre | null, options: { long?: boolean } = {}): string {
  const t = TITRES.find((x) => x.code === code);
  if (!t) throw new RangeError(`Titre inconnu${NBSP}: ${code}`);
  const feminine = genre === "feminin";
  if (options.long) return feminine ? t.long_feminin : t.long_masculin;
  return feminine ? t.feminin : t.masculin;
}

/** A person as the file describes them; `titre` is a proposed field (« Dr », « Pr »). */
export interface NamedPerson {
  civilite?: string;
  titre?: string;
  prenom?: string;
  nom?: string;
}

function titleCode(p: NamedPerson): string | undefined {
  if (p.titre !== undefined && TITRES.some((t) => t.code === p.titre)) return p.titre;
  // Today’s files put « Dr » and « Pr » in civilite, which then says nothing of the gender.
  if (p.civilite !== undefined && TITRES.some((t) => t.code === p.civilite)) return p.civilite;
  return undefined;
}

/**
 * A person’s name with civilité or title: « Mme Élodie Castaing », « Dr Pierre Delmas »,
 * « Dre Nadia Benhamou ». In running text (`enTexte`), a title takes its article: « le Dr Pierre
 * Delmas », « la Dre Nadia Benhamou »; « Mme » and « M. » do not. A non-breaking space follows
 * the civilité or title. Undefined when the first or last name is missing.
 */
export function personName(p: NamedPerson, options: { enTexte?: boolean } = {}): string | undefined {
  const prenom = p.prenom?.trim();
  const nom = p.nom?.trim();
  if (!prenom || !nom) return undefined;
  const genre = genreOf(p.civilite);
  const title = titleCode(p);
  if (title !== undefined) {
    const abbr = titleLabel(title, genre);
    const named = `${abbr}${NBSP}${prenom} ${nom}`;
    return options.enTexte ? `${genre === "feminin" ? "la" : "le"} ${named}` : named;
  }
  const civ = CIVILITES.find((c) => c.code === p.civilite);
  return civ ? `${civ.code}${NBSP}${prenom} ${nom}` : `${prenom} ${nom}`;
}

/** « Madame », « Monsieur » for a letter’s salutation; undefined when the civilité says no gender. */
export function civiliteLongue(civilite: string | undefined): string | undefined {
  return CIVILITES.find((c) => c.code === civilite)?.long;
}

export interface ProfessionFormOptions extends FormOptions {
  /** Lower-case first letter, for running text: « infirmière » rather than « Infirmière ». */
  minuscule?: boolean;
}

/**
 * A profession for one person or a group: « Infirmière », « Pharmaciens », « Masseuses-
 * kinésithérapeutes ». An unknown code comes back as written (never an empty label).
 */
export function professionForm(code: string, who: Who, options: ProfessionFormOptions = {}): string {
  const p = PROFESSIONS.find((x) => x.code === code);
  if (!p) return code;
  const forms: Forms = {
    code,
    masculin: p.libelle,
    feminin: p.libelle_feminin,
    pluriel_masculin: p.libelle_pluriel,
    pluriel_feminin: p.libelle_pluriel_feminin,
  };
  const { text, genre, plural } = pick(forms, who);
  // Only the first letter is lowered: labels keep their acronyms (« Manipulateur ERM »).
  const lowered = options.minuscule ? lowerFirst(text) : text;
  return options.article ? withDefiniteArticle(lowered, genre, plural) : lowered;
}

/** The label of the ANS nomenclature for a profession (« Masseur-Kinésithérapeute »), or null. */
export function ansLabel(code: string): string | null {
  return PROFESSIONS.find((x) => x.code === code)?.libelle_ans ?? null;
}


/**
 * A warning when a person named in the documents has no gendered civilité: their titles would
 * be written in the masculine. `path` is the person’s path in the project file. Worth wiring
 * once the file can hold both a civilité and a title (a woman doctor today must choose between
 * « Mme » and « Dr »).
 */
export function genderFinding(p: NamedPerson, path: string): Finding | undefined {
  if (genreOf(p.civilite) !== null) return undefined;
  const who = [p.prenom, p.nom].filter(Boolean).join(" ") || path;
  const title = titleCode(p);
  return {
    path: `${path}.civilite`,
    severity: "avertissement",
    code: "personnes.civilite-sans-genre",
    message:
      title !== undefined
        ? `${who}${NBSP}: la civilité ${q(title)} ne dit pas s’il faut écrire ${q(titleLabel(title, "masculin"))} ou ${q(titleLabel(title, "feminin"))}, ${q("président")} ou ${q("présidente")}${NBSP}; les documents emploient le masculin.`
        : `${who}${NBSP}: sans civilité (${q("M.")} ou ${q("Mme")}), les documents emploient le masculin pour ses fonctions et sa profession.`,
  };
}

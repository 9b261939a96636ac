/**
 * Small builders shared by the sections of the view model: trimmed text, dates in words,
 * addresses, persons. A missing answer stays `undefined`, never a made-up value.
 */
import { isMissionCode } from "../aci.js";
import { isValidIsoDate } from "../calendar.js";
import { genreOf, personName, professionForm, type Genre } from "../gender.js";
import { mission as missionData } from "../missions.js";
import { lowerFirst } from "../../french/index.js";
import type { Personne } from "../../project/index.js";
import { dateText, isoDate } from "./wording.js";

export interface DatedText {
  /** ISO date `YYYY-MM-DD`. */
  iso: string | undefined;
  /** « 1er mars 2026 ». */
  texte: string | undefined;
}

export interface AddressView {
  adresse: string | undefined;
  code_postal: string | undefined;
  commune: string | undefined;
  /** « 24100 Bergerac ». */
  ville: string | undefined;
  /** « 15 rue des Vignerons, 24100 Bergerac »; undefined unless street, postcode and commune are known. */
  texte: string | undefined;
}

export interface PersonView {
  civilite: string | undefined;
  titre: string | undefined;
  /** From the civilité; null when the file does not say (the documents then use the masculine). */
  genre: Genre | null;
  /** True for a woman: templates choose « née » or « né » with it. */
  feminin: boolean;
  prenom: string | undefined;
  nom: string | undefined;
  /** « Mme Élodie Castaing », « Dre Nadia Benhamou »; undefined without first and last name. */
  nom_complet: string | undefined;
  /** In running text: « Mme Élodie Castaing », « la Dre Nadia Benhamou », « le Dr Pierre Delmas ». */
  nom_en_texte: string | undefined;
  /** « CASTAING Élodie », as lists for the préfecture write names. */
  nom_liste: string | undefined;
  profession: string | undefined;
  /** « Infirmière » for a woman, « Infirmier » for a man. */
  profession_libelle: string | undefined;
  /** « infirmière », for running text. */
  profession_texte: string | undefined;
  adresse: AddressView;
  nationalite: string | undefined;
  /** Birth date and place: ONLY filled under droit local, where the court asks for them. */
  naissance: { iso: string | undefined; texte: string | undefined; lieu: string | undefined } | undefined;
}

/** How a document marks a figure the project file flags as an illustration (`exemple: true`). */
export const DONNEE_EXEMPLE = "donnée d’exemple";

export const has = (s: unknown): s is string => typeof s === "string" && s.trim() !== "";
export const text = (s: unknown): string | undefined => (has(s) ? s.trim() : undefined);

export function dated(value: unknown): DatedText {
  const date = isoDate(value);
  const valid = date !== undefined && isValidIsoDate(date);
  return { iso: valid ? date : undefined, texte: valid ? dateText(date) : undefined };
}

export function address(adresse?: string, codePostal?: string, commune?: string): AddressView {
  const a = text(adresse);
  const cp = text(codePostal);
  const c = text(commune);
  const ville = cp && c ? `${cp} ${c}` : c;
  return { adresse: a, code_postal: cp, commune: c, ville, texte: a && cp && c ? `${a}, ${cp} ${c}` : undefined };
}

/**
 * User text that completes a sentence of ours (« Il est attribué … »): its first letter lowered
 * unless its first word is an acronym, and a final full stop.
 */
export function completion(value: string | undefined): string | undefined {
  const lowered = lowerInitial(value);
  if (!lowered) return undefined;
  return /[.!?…]$/.test(lowered) ? lowered : `${lowered}.`;
}

/** User text for a list item after « … par : »: first letter lowered unless the first word is an acronym. */
export function lowerInitial(value: string | undefined): string | undefined {
  const t = text(value);
  if (!t) return undefined;
  const first = t.split(/[\s’'-]/)[0] ?? "";
  const acronym = first.length > 1 && first === first.toLocaleUpperCase("fr-FR");
  return acronym ? t : lowerFirst(t);
}

/** A profession for one person of that gender (or, with `count` > 1, several people). */
export function profLabel(code: string | undefined, genre: Genre | null = null, count = 1): string | undefined {
  if (!code) return undefined;
  return professionForm(code, count > 1 ? [genre, genre] : genre);
}

export function person(p: Partial<Personne> & { civilite?: string; titre?: string }, droitLocal: boolean): PersonView {
  const prenom = text(p.prenom);
  const nom = text(p.nom);
  const genre = genreOf(p.civilite);
  const naissance = dated(p.date_naissance);
  const named = { civilite: p.civilite, titre: p.titre, prenom, nom };
  return {
    civilite: text(p.civilite),
    titre: text(p.titre),
    genre,
    feminin: genre === "feminin",
    prenom,
    nom,
    nom_complet: personName(named),
    nom_en_texte: personName(named, { enTexte: true }),
    nom_liste: prenom && nom ? `${nom.toLocaleUpperCase("fr-FR")} ${prenom}` : undefined,
    profession: p.profession,
    profession_libelle: profLabel(p.profession, genre),
    profession_texte: p.profession ? professionForm(p.profession, genre, { minuscule: true }) : undefined,
    adresse: address(p.adresse, p.code_postal, p.commune),
    nationalite: text(p.nationalite),
    naissance: droitLocal ? { iso: naissance.iso, texte: naissance.texte, lieu: text(p.lieu_naissance) } : undefined,
  };
}

/** The label of a mission code (« Accès aux soins »); undefined for anything else. */
export function missionLabel(code: string | undefined): string | undefined {
  return code && isMissionCode(code) ? missionData(code)!.libelle : undefined;
}

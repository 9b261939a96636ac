/**
 * Small builders shared by the sections of the view model: trimmed text, dates in words,
 * addresses, persons. A missing answer stays `undefined`, never a made-up value.
 */
import { isMissionCode } from "../aci.js";
import { isValidIsoDate } from "../calendar.js";
import { mission as missionData } from "../missions.js";
import { professionLabel } from "../professions.js";
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
  prenom: string | undefined;
  nom: string | undefined;
  /** « Mme Élodie Castaing »; undefined without first and last name. */
  nom_complet: string | undefined;
  /** « CASTAING Élodie », as lists for the préfecture write names. */
  nom_liste: string | undefined;
  profession: string | undefined;
  /** « Infirmier ». */
  profession_libelle: string | undefined;
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

export function profLabel(code: string | undefined, count = 1): string | undefined {
  return code ? professionLabel(code, count) : undefined;
}

export function person(p: Partial<Personne> & { civilite?: string }, droitLocal: boolean): PersonView {
  const prenom = text(p.prenom);
  const nom = text(p.nom);
  const civ = text(p.civilite);
  const full = prenom && nom ? [civ, prenom, nom].filter(Boolean).join(" ") : undefined;
  const naissance = dated(p.date_naissance);
  return {
    civilite: civ,
    prenom,
    nom,
    nom_complet: full,
    nom_liste: prenom && nom ? `${nom.toLocaleUpperCase("fr-FR")} ${prenom}` : undefined,
    profession: p.profession,
    profession_libelle: profLabel(p.profession),
    adresse: address(p.adresse, p.code_postal, p.commune),
    nationalite: text(p.nationalite),
    naissance: droitLocal ? { iso: naissance.iso, texte: naissance.texte, lieu: text(p.lieu_naissance) } : undefined,
  };
}

/** The label of a mission code (« Accès aux soins »); undefined for anything else. */
export function missionLabel(code: string | undefined): string | undefined {
  return code && isMissionCode(code) ? missionData(code)!.libelle : undefined;
}

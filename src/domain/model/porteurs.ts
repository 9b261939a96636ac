/** The porteurs of the project: who they are, how to reach them, and how many of each profession. */
import { NBSP, formatNumber, joinFr, numberInWords, upperFirst } from "../../french/index.js";
import type { Porteur, Project } from "../../project/index.js";
import { genreOf, groupGenre, professionForm, roleLabel } from "../gender.js";
import { isHealthProfession } from "../professions.js";
import { address, person, profLabel, text, type PersonView } from "./common.js";
import { MODE_EXERCICE } from "./labels.js";

export interface PorteurView extends PersonView {
  mode_exercice: string | undefined;
  /** « exercice libéral ». */
  mode_exercice_libelle: string | undefined;
  /** « Infirmier, exercice libéral ». */
  exercice: string | undefined;
  structure: string | undefined;
  commune: string | undefined;
  /** « Cabinet infirmier du Pont-Vieux, Bergerac ». */
  lieu_exercice: string | undefined;
  courriel: string | undefined;
  telephone: string | undefined;
  /** « elodie.castaing@… – 05 36 49 10 21 ». */
  coordonnees: string | undefined;
  role: string | undefined;
  interlocuteur_principal: boolean;
  /** « interlocuteur principal », « interlocutrice principale ». */
  interlocuteur_libelle: string;
  /** « Interlocutrice principale », for a label. */
  interlocuteur_titre: string;
  /** « L’interlocutrice principale », to start a sentence. */
  interlocuteur_debut: string;
  /** Placeholder labels that name the field to fill. */
  manquant: { nom: string; profession: string; coordonnees: string };
}

export interface PorteursView {
  porteurs: PorteurView[];
  interlocuteur: PorteurView | undefined;
  /** « cinq professionnels de santé ». */
  porteurs_nombre_texte: string | undefined;
  /** « 2 infirmiers, 1 médecin généraliste… » among the porteurs. */
  porteurs_professions_texte: string | undefined;
}

function porteur(p: Porteur, index: number): PorteurView {
  const base = person({ ...p }, false);
  const mode = p.mode_exercice ? MODE_EXERCICE[p.mode_exercice] : undefined;
  const label = profLabel(p.profession, base.genre);
  const lieu = [text(p.structure), text(p.commune)].filter(Boolean).join(", ");
  const contact = [text(p.courriel), text(p.telephone)].filter(Boolean).join(" – ");
  const where = `porteurs[${index}]`;
  return {
    ...base,
    adresse: address(),
    mode_exercice: p.mode_exercice,
    mode_exercice_libelle: mode,
    exercice: label ? (mode ? `${label}, ${mode}` : label) : undefined,
    structure: text(p.structure),
    commune: text(p.commune),
    lieu_exercice: lieu || undefined,
    courriel: text(p.courriel),
    telephone: text(p.telephone),
    coordonnees: contact || undefined,
    role: text(p.role),
    interlocuteur_principal: p.interlocuteur_principal === true,
    interlocuteur_libelle: roleLabel("interlocuteur_principal", base.genre),
    interlocuteur_titre: upperFirst(roleLabel("interlocuteur_principal", base.genre)),
    interlocuteur_debut: upperFirst(roleLabel("interlocuteur_principal", base.genre, { article: true })),
    manquant: {
      nom: `prénom et nom du porteur n°${NBSP}${index + 1} (${where}.prenom, ${where}.nom)`,
      profession: `profession du porteur n°${NBSP}${index + 1} (${where}.profession)`,
      coordonnees: `courriel ou téléphone (${where}.courriel, ${where}.telephone)`,
    },
  };
}

/** The porteurs, the main contact, and the porteurs in words for the lettre d’intention. */
export function porteursSection(project: Project): PorteursView {
  const porteurs = (project.porteurs ?? []).map(porteur);
  const interlocuteur = porteurs.find((p) => p.interlocuteur_principal);
  // Each profession takes the feminine only when all its porteurs are women.
  const byProfession = new Map<string, ReturnType<typeof genreOf>[]>();
  for (const p of project.porteurs ?? []) byProfession.set(p.profession, [...(byProfession.get(p.profession) ?? []), genreOf(p.civilite)]);
  const feminine = groupGenre(porteurs.map((p) => p.genre)) === "feminin";
  // « de santé » only when every porteur practises a profession de santé (psychologues do not).
  const health = (project.porteurs ?? []).every((p) => isHealthProfession(p.profession));
  const noun = `${porteurs.length > 1 ? (feminine ? "professionnelles" : "professionnels") : feminine ? "professionnelle" : "professionnel"}${health ? " de santé" : ""}`;
  return {
    porteurs,
    interlocuteur,
    porteurs_nombre_texte: porteurs.length > 0 ? `${numberInWords(porteurs.length, feminine)}${NBSP}${noun}` : undefined,
    porteurs_professions_texte:
      byProfession.size > 0
        ? joinFr([...byProfession.entries()].map(([code, genres]) => `${formatNumber(genres.length)}${NBSP}${professionForm(code, genres, { minuscule: true })}`))
        : undefined,
  };
}

/** The porteurs of the project: who they are, how to reach them, and how many of each profession. */
import { NBSP, formatNumber, joinFr, lowerFirst, numberInWords } from "../../french/index.js";
import type { Porteur, Project } from "../../project/index.js";
import { professionLabel } from "../professions.js";
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
  const label = profLabel(p.profession);
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
  const byProfession = new Map<string, number>();
  for (const p of project.porteurs ?? []) byProfession.set(p.profession, (byProfession.get(p.profession) ?? 0) + 1);
  return {
    porteurs,
    interlocuteur,
    porteurs_nombre_texte:
      porteurs.length > 0
        ? `${numberInWords(porteurs.length)}${NBSP}${porteurs.length > 1 ? "professionnels de santé" : "professionnel de santé"}`
        : undefined,
    porteurs_professions_texte:
      byProfession.size > 0
        ? joinFr([...byProfession.entries()].map(([code, n]) => `${formatNumber(n)}${NBSP}${lowerFirst(professionLabel(code, n))}`))
        : undefined,
  };
}

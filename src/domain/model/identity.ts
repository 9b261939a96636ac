/** The first sections of the model: the document itself (date, place) and the CPTS (names, creation). */
import { NBSP } from "../../french/index.js";
import type { Project } from "../../project/index.js";
import { dated, text, type DatedText } from "./common.js";

export interface DocumentView {
  date: DatedText;
  lieu: string | undefined;
}

export interface CptsView {
  nom: string;
  sigle: string | undefined;
  /** Sigle if any, else the name. */
  nom_court: string;
  /** « la CPTS du Pôle de Santé de Bergerac » (with its article). */
  nom_avec_article: string;
  date_creation: DatedText;
  historique: string | undefined;
  siren: string | undefined;
  site_internet: string | undefined;
}

export interface ModelOptions {
  /** ISO date printed on the documents. */
  date?: string;
  /** Whether the map of the territory can be drawn where the documents are made (its contours are installed). */
  mapAvailable?: boolean;
}

/** The date and place printed on the documents. */
export function documentSection(project: Project, options: ModelOptions): DocumentView {
  return { date: dated(options?.date), lieu: text(project.documents?.lieu) };
}

/** The CPTS: its names (with its article, for sentences), creation date, SIREN and site. */
export function cptsSection(project: Project): CptsView {
  const nom = project.cpts.nom.trim();
  const startsWithName = /^(CPTS|Communauté)\b/i.test(nom);
  return {
    nom,
    sigle: text(project.cpts.sigle),
    nom_court: text(project.cpts.sigle) ?? nom,
    nom_avec_article: startsWithName ? `la ${nom}` : `la CPTS «${NBSP}${nom}${NBSP}»`,
    date_creation: dated(project.cpts.date_creation),
    historique: text(project.cpts.historique),
    siren: text(project.cpts.siren),
    site_internet: text(project.cpts.site_internet),
  };
}

/**
 * The first sections of the model: the document itself (date, place, the rules in force on its
 * date) and the CPTS (names, creation).
 */
import { NBSP, numberInWords } from "../../french/index.js";
import type { Project } from "../../project/index.js";
import type { DocumentId } from "../documents.js";
import { LEGAL_TEXTS, documentDate, rulesAt } from "../timeline.js";
import { dated, text, type DatedText } from "./common.js";

/** What applies on the date of a document, for templates to say only what was true then. */
export interface RulesView {
  /** The ACI of 2019 applies (missions socles, amounts, contract). */
  aci: boolean;
  /** Number of socle missions then (3, then 4 with avenant 2); undefined before the ACI. */
  missions_socles_nombre: number | undefined;
  /** « trois », « quatre ». */
  missions_socles_texte: string | undefined;
  /** The projet de santé is deemed validated two months after its receipt (loi du 24 juillet 2019). */
  validation_tacite: boolean;
  /** A CPTS may indemnify and pay its members (ordonnance du 12 mai 2021). */
  indemnisation_possible: boolean;
  /** Code of each text of the timeline → whether it applies on that date. */
  textes: Record<string, boolean>;
}

export interface DocumentView {
  /** The document being written, when the model is made for one. */
  id: DocumentId | undefined;
  date: DatedText;
  lieu: string | undefined;
  /** Rules in force on `date`; without a date, every rule the tool knows (the document is current). */
  regles: RulesView;
}

/** A date after every text of the timeline: an undated document follows the rules of today. */
const LATEST = "9999-12-31";

/** The rules in force on an ISO date, as templates read them. */
export function rulesView(date: string | undefined): RulesView | undefined {
  if (!date) return undefined;
  const rules = rulesAt(date);
  const inForce = new Set(rules.textes.map((t) => t.code));
  const socles = rules.missions_socles.nombre ?? undefined;
  return {
    aci: rules.aci.version !== null,
    missions_socles_nombre: socles,
    missions_socles_texte: socles === undefined ? undefined : numberInWords(socles, true),
    validation_tacite: rules.validation_projet_sante.mode === "tacite",
    indemnisation_possible: rules.indemnisation.possible,
    textes: Object.fromEntries(LEGAL_TEXTS.map((t) => [t.code, inForce.has(t.code)])),
  };
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

/**
 * The date and place printed on a document: for `id`, its own reference date (its meeting, its
 * sending…), else `options.date`; the rules in force on that date come with it.
 */
export function documentSection(project: Project, options: ModelOptions, id?: DocumentId): DocumentView {
  const own = id ? documentDate(project, id) : undefined;
  const date = dated(own?.path === "documents.date" ? (options?.date ?? own.date) : (own?.date ?? options?.date));
  return { id, date, lieu: text(project.documents?.lieu), regles: rulesView(date.iso ?? LATEST)! };
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

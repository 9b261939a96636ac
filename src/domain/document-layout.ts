/**
 * How each document is laid out: the render options the CLI passes to the document pipeline
 * (it adds the organisation's name and the date). The letter and the procès-verbal are short
 * documents read from their first line; the statuts have a title page; the projet de santé and
 * the diagnostic, long and referred to by section, add a table of contents and numbered headings.
 */
import type { Project } from "../project/index.js";
import { statutsDatesText } from "./association.js";
import { GOVERNANCE_DOCUMENTS, documentTitle, type DocumentId } from "./documents.js";

export interface DocumentLayout {
  title: string;
  subtitle?: string;
  titlePage: boolean;
  toc: boolean;
  headingNumbering: boolean;
}

export const DOCUMENT_LAYOUTS: Readonly<Record<DocumentId, DocumentLayout>> = {
  "lettre-intention": {
    title: "Lettre d’intention",
    subtitle: "Création d’une communauté professionnelle territoriale de santé",
    titlePage: false,
    toc: false,
    headingNumbering: false,
  },
  statuts: {
    title: "Statuts de l’association",
    subtitle: "Communauté professionnelle territoriale de santé",
    titlePage: true,
    toc: false,
    headingNumbering: false,
  },
  "pv-ag-constitutive": {
    title: "Procès-verbal de l’assemblée générale constitutive",
    titlePage: false,
    toc: false,
    headingNumbering: false,
  },
  "pv-ag-extraordinaire": {
    title: "Procès-verbal de l’assemblée générale extraordinaire",
    titlePage: false,
    toc: false,
    headingNumbering: false,
  },
  "pv-conseil-administration": {
    title: "Procès-verbal du conseil d’administration",
    titlePage: false,
    toc: false,
    headingNumbering: false,
  },
  "liste-dirigeants": {
    title: "Liste des personnes chargées de l’administration",
    titlePage: false,
    toc: false,
    headingNumbering: false,
  },
  declaration: {
    title: "Déclaration à la préfecture",
    titlePage: false,
    toc: false,
    headingNumbering: false,
  },
  "demande-inscription": {
    title: "Demande d’inscription au registre des associations",
    titlePage: false,
    toc: false,
    headingNumbering: false,
  },
  "projet-sante": {
    title: "Projet de santé",
    subtitle: "Communauté professionnelle territoriale de santé",
    titlePage: true,
    toc: true,
    headingNumbering: true,
  },
  diagnostic: {
    title: "Diagnostic territorial",
    subtitle: "Annexe de la lettre d’intention et du projet de santé",
    titlePage: true,
    toc: true,
    headingNumbering: true,
  },
};

/**
 * Who a document is written for, as its title page and page headers name it: the association
 * (its denomination) for the pieces a préfecture or a tribunal registers, the CPTS otherwise.
 */
export function documentOrganisation(id: DocumentId, project: Project): string {
  const denomination = project.association?.denomination?.trim();
  return GOVERNANCE_DOCUMENTS.includes(id) && denomination ? denomination : project.cpts.nom;
}

/**
 * The layout of a document (a copy: callers may add to it); with a project, the title its path
 * gives it, and under the title of amended statuts their dates of adoption and modification.
 */
export function documentLayout(id: DocumentId, project?: Project): DocumentLayout {
  const layout = { ...DOCUMENT_LAYOUTS[id] };
  if (!project) return layout;
  layout.title = documentTitle(id, project);
  const dates = id === "statuts" ? statutsDatesText(project) : undefined;
  if (dates && project.association?.parcours === "existante") layout.subtitle = dates;
  return layout;
}

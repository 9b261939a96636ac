/**
 * The documents the tool writes, in the order a CPTS needs them, and which of them a project
 * needs: the founding path (a new association or an existing one) and the law of the siège
 * (loi de 1901 or droit local) decide the governance documents, from data/founding.json; a CPTS
 * that already exists and updates its projet de santé needs neither its lettre d’intention nor
 * its founding again.
 */
import type { Project } from "../project/index.js";
import { projectParcours, projectRegime } from "./association.js";
import { isValidIsoDate } from "./calendar.js";
import { requiredDocuments, updatePath } from "./founding.js";
import { boardIsElected } from "./meetings.js";

export const DOCUMENTS = [
  { id: "diagnostic", titre: "Diagnostic territorial", destinataire: "annexe de la lettre d’intention et du projet de santé" },
  { id: "lettre-intention", titre: "Lettre d’intention", destinataire: "ARS (délégation départementale), copie CPAM et URPS" },
  { id: "statuts", titre: "Statuts de l’association", destinataire: "préfecture (ou tribunal judiciaire en Alsace-Moselle)" },
  { id: "pv-ag-constitutive", titre: "Procès-verbal de l’assemblée générale constitutive", destinataire: "préfecture (ou tribunal judiciaire en Alsace-Moselle)" },
  { id: "pv-ag-extraordinaire", titre: "Procès-verbal de l’assemblée générale extraordinaire", destinataire: "préfecture (ou tribunal judiciaire en Alsace-Moselle)" },
  { id: "pv-conseil-administration", titre: "Procès-verbal du conseil d’administration", destinataire: "registre des délibérations de l’association ; joint à la déclaration" },
  { id: "liste-dirigeants", titre: "Liste des personnes chargées de l’administration", destinataire: "préfecture (ou tribunal judiciaire en Alsace-Moselle)" },
  { id: "declaration", titre: "Déclaration à la préfecture", destinataire: "préfecture (téléservice ou formulaire Cerfa)" },
  { id: "demande-inscription", titre: "Demande d’inscription au registre des associations", destinataire: "tribunal judiciaire du siège" },
  { id: "projet-sante", titre: "Projet de santé", destinataire: "ARS (directeur général), avec l’Assurance Maladie" },
] as const;

export type DocumentId = (typeof DOCUMENTS)[number]["id"];
export const DOCUMENT_IDS: readonly DocumentId[] = DOCUMENTS.map((d) => d.id);

/** The documents of the association's creation or change: they carry the association's name. */
export const GOVERNANCE_DOCUMENTS: readonly DocumentId[] = [
  "statuts",
  "pv-ag-constitutive",
  "pv-ag-extraordinaire",
  "pv-conseil-administration",
  "liste-dirigeants",
  "declaration",
  "demande-inscription",
];

/** founding.json names the pieces of each path; these are the documents that write them. */
const PIECES: Readonly<Record<string, DocumentId | undefined>> = {
  statuts: "statuts",
  "statuts-modifies": "statuts",
  "pv-ag-constitutive": "pv-ag-constitutive",
  "pv-age": "pv-ag-extraordinaire",
  "pv-conseil-administration": "pv-conseil-administration",
  "liste-dirigeants": "liste-dirigeants",
  "declaration-creation": "declaration",
  "declaration-modificative": "declaration",
  "demande-inscription": "demande-inscription",
  "demande-inscription-modification": "demande-inscription",
  // The mandate of a person who files for the dirigeants is not written by the tool.
  mandat: undefined,
};

const ALWAYS: readonly DocumentId[] = ["diagnostic", "lettre-intention", "projet-sante"];

/**
 * True for a CPTS that already exists and updates its projet de santé
 * (`calendrier.actualisation_projet_sante`): its lettre d’intention and the founding of its
 * association lie behind it.
 */
export function updatesProjetSante(project: Project): boolean {
  return project.calendrier?.actualisation_projet_sante !== undefined;
}

const dated = (date: unknown): boolean => typeof date === "string" && isValidIsoDate(date);

/** The file holds the lettre d’intention of a step passed: the letter and its date. */
function letterRecorded(project: Project): boolean {
  return dated(project.lettre_intention?.date);
}

/**
 * The file holds the assembly of its founding path: the constitutive one for a new association,
 * the extraordinary one that made an existing association the CPTS.
 */
function foundingRecorded(project: Project): boolean {
  const a = project.association;
  return dated(projectParcours(project) === "existante" ? a?.ag_extraordinaire?.date : a?.ag_constitutive?.date);
}

/**
 * The documents this project needs, in the order of DOCUMENTS: the diagnostic, the lettre
 * d’intention and the projet de santé, and the pieces its founding path requires (a new list of
 * dirigeants for an existing association only when its conseil is elected again).
 *
 * A CPTS that updates its projet de santé needs what data/founding.json lists for the update
 * (the diagnostic and the projet de santé; the sources name no piece that approves the update,
 * so none is added). Its lettre d’intention and founding pieces are written only as the record
 * of a step the file holds with its date — the letter, the founding or extraordinary assembly —
 * as Bergerac’s file does for 2014–2017; Chambéry’s, which holds neither, gets the two.
 */
export function projectDocuments(project: Project): DocumentId[] {
  const update = updatesProjetSante(project);
  const wanted = new Set<DocumentId>(update ? (updatePath().documents as DocumentId[]) : ALWAYS);
  if (update && letterRecorded(project)) wanted.add("lettre-intention");
  if (!update || foundingRecorded(project)) {
    const pieces = requiredDocuments(projectParcours(project), projectRegime(project), {
      bureau_elu_par_conseil: true,
      dirigeants_changent: boardIsElected(project),
      mandataire: false,
    });
    for (const piece of pieces) {
      const id = PIECES[piece.code];
      if (id && piece.requis === true) wanted.add(id);
    }
  }
  return DOCUMENT_IDS.filter((id) => wanted.has(id));
}

/**
 * Why the project does not need a document, as a clause for a refusal (« --document statuts ne
 * concerne pas ce projet, car … »); undefined when the only reason is its founding path or regime.
 */
export function notNeededReason(id: DocumentId, project: Project): string | undefined {
  if (!updatesProjetSante(project) || projectDocuments(project).includes(id)) return undefined;
  if (id === "lettre-intention")
    return "une CPTS qui actualise son projet de santé a passé l’étape de la lettre d’intention, et le fichier ne la date pas (lettre_intention.date)";
  if (!GOVERNANCE_DOCUMENTS.includes(id)) return undefined;
  const assembly =
    projectParcours(project) === "existante"
      ? "l’assemblée extraordinaire qui en a fait la CPTS (association.ag_extraordinaire.date)"
      : "son assemblée constitutive (association.ag_constitutive.date)";
  return `une CPTS qui actualise son projet de santé a déjà fondé son association, et le fichier ne date pas ${assembly}`;
}

/**
 * The title of a document; with a project, the title its path gives it (« Déclaration
 * modificative », « Liste des membres de la direction », « Projet de santé actualisé »…).
 */
export function documentTitle(id: DocumentId, project?: Project): string {
  const base = DOCUMENTS.find((d) => d.id === id)!.titre;
  if (!project) return base;
  const existing = projectParcours(project) === "existante";
  const local = projectRegime(project) === "droit_local";
  switch (id) {
    case "liste-dirigeants":
      return local ? "Liste des membres de la direction" : base;
    case "declaration":
      return existing ? "Déclaration modificative à la préfecture" : "Déclaration de création à la préfecture";
    case "demande-inscription":
      return existing ? "Demande d’inscription des modifications au registre des associations" : base;
    case "projet-sante":
      return updatesProjetSante(project) ? "Projet de santé actualisé" : base;
    default:
      return base;
  }
}

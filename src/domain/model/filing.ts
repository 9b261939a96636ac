/**
 * What is filed to give the association (or its amended statuts) legal effect: the list of the
 * persons in charge of its administration (under droit local, the members of the direction with
 * their birth date and place), the declaration to the préfecture (creation or modification), or
 * the request for inscription at the tribunal judiciaire. Facts from data/founding.json.
 */
import { NBSP, formatDate, numberInWords, upperFirst } from "../../french/index.js";
import type { Project } from "../../project/index.js";
import { addMonths } from "../calendar.js";
import { projectParcours, projectRegime } from "../association.js";
import { projectDocuments } from "../documents.js";
import { declarationContent, regime } from "../founding.js";
import { groupGenre } from "../gender.js";
import { dated, text, type DatedText } from "./common.js";
import type { AssociationView, DirigeantView, SignatoryView } from "./governance.js";
import type { MeetingsView } from "./meetings.js";

export interface FilingView {
  /** The list the préfecture (or the tribunal) receives. */
  liste: {
    /** Under droit local, the members of the direction (the bureau); otherwise the whole conseil. */
    personnes: DirigeantView[];
    suppleants: DirigeantView[];
    /** Birth date and place are printed (droit local only). */
    naissance: boolean;
    /** Who certifies the list: the president (under droit local, the direction). */
    signataires: SignatoryView[];
  };
  declaration: {
    /** `creation` or `modification`. */
    type: "creation" | "modification";
    /** Date of the filing, when the file gives it. */
    date: DatedText;
    /** The meeting whose decisions are declared. */
    reunion: DatedText;
    /** « au plus tard le 27 juillet 2017 »: the last day of the three months after the meeting (a time limit in months ends on the same day of the month), for a modification. */
    limite_texte: string | undefined;
    /** What the declaration holds (loi de 1901, article 5). */
    contenu: string[];
    /** What follows: récépissé, publication, Sirene. */
    apres: string[];
    /** Who files and signs it: the president, as the statuts say. */
    signataires: SignatoryView[];
    /** The changes an existing association declares. */
    modifications: string[];
    /**
     * The assembly elected new persons in charge of the administration: they are declared with
     * their own form (Cerfa n° 13971), besides the modification form (REFERENCE § 5.2).
     */
    dirigeants_changent: boolean;
    /**
     * « le procès-verbal, daté et signé, de la réunion du conseil d’administration du 27 avril 2017
     * qui a élu le bureau » when the conseil elected the bureau: the préfecture sees who elected the dirigeants
     * the declaration names; undefined otherwise.
     */
    pv_conseil: string | undefined;
  };
  inscription: {
    tribunal: string | undefined;
    /** « Tribunal judiciaire de Saverne », at the head of the request. */
    tribunal_titre: string | undefined;
    /** Volume and folio of the register, once inscribed. */
    registre: string | undefined;
    journal: string | undefined;
    /** « Les soussignés », « Les soussignées ». */
    soussignes: string;
    /** The members of the direction, who sign the request. */
    signataires: SignatoryView[];
    /** « sept membres » who signed the statuts. */
    signataires_statuts_texte: string;
    pieces: string[];
  };
}

const CHANGES: Record<string, string> = {
  objet: "l’objet de l’association",
  membres: "les membres et les collèges",
  instances: "les instances (conseil d’administration, bureau, assemblées générales)",
  denomination: "la dénomination",
  siege: "l’adresse du siège",
};

/** The minutes of the conseil that elected the bureau, as a piece joined to a filing, when the project has them. */
function conseilMinutes(project: Project, meetings: MeetingsView, piece: string, elected: string): string | undefined {
  if (!projectDocuments(project).includes("pv-conseil-administration")) return undefined;
  const date = meetings.conseil.date.texte;
  return `${piece} de la réunion du conseil d’administration${date ? ` du ${date}` : ""} qui a élu ${elected}`;
}

function declarationView(project: Project, association: AssociationView, meetings: MeetingsView): FilingView["declaration"] {
  const existing = projectParcours(project) === "existante";
  const data = declarationContent(existing ? "existante" : "nouvelle", "loi_1901");
  const meeting = existing ? meetings.extraordinaire.date : meetings.constitutive.date;
  const changes = (project.association?.ag_extraordinaire?.modifications ?? []).map((m) => CHANGES[m] ?? m);
  const newBoard = existing && project.association?.ag_extraordinaire?.elections === true;
  if (newBoard) changes.push("les personnes chargées de l’administration");
  return {
    type: existing ? "modification" : "creation",
    date: dated(existing ? project.calendrier?.declaration_modification : project.calendrier?.declaration_association),
    reunion: meeting,
    limite_texte: existing && meeting.iso && data.delai_mois !== null ? `au plus tard le ${formatDate(addMonths(meeting.iso, data.delai_mois))}` : undefined,
    contenu: data.contenu ?? [],
    apres: data.apres,
    signataires: [president(association)],
    modifications: changes,
    dirigeants_changent: newBoard,
    pv_conseil: conseilMinutes(project, meetings, "le procès-verbal, daté et signé,", "le bureau"),
  };
}

function signatory(d: DirigeantView): SignatoryView {
  return { nom: d.nom_complet, qualite: d.fonction_libelle, manquant: "membre de la direction (association.dirigeants)" };
}

function president(association: AssociationView): SignatoryView {
  const p = association.bureau.president;
  return { nom: p?.nom_complet, qualite: p?.fonction_libelle, manquant: "président ou présidente de l’association (association.dirigeants, fonction: president)" };
}

/** The list of dirigeants, the declaration and the request for inscription, as this project files them. */
export function filingSection(project: Project, association: AssociationView, meetings: MeetingsView): FilingView {
  const local = projectRegime(project) === "droit_local";
  const direction = association.bureau.membres;
  const inscription = project.association?.inscription ?? {};
  const existing = projectParcours(project) === "existante";
  const signers = local ? direction : [];
  const min = regime("droit_local").signataires_statuts_min;
  // Under droit local the bureau is the direction (statuts, article on the bureau): the tribunal
  // sees who appointed the persons it inscribes.
  const minutes = conseilMinutes(project, meetings, "la copie du procès-verbal", "les membres de la direction");
  const pieces = existing
    ? [
        `la copie du procès-verbal de l’assemblée générale extraordinaire${meetings.extraordinaire.date.texte ? ` du ${meetings.extraordinaire.date.texte}` : ""}, qui a modifié les statuts`,
        "l’original et une copie des statuts modifiés",
        ...(minutes ? [minutes] : []),
        ...(project.association?.ag_extraordinaire?.elections === true ? ["la liste des membres de la direction, avec leur date et leur lieu de naissance"] : []),
      ]
    : [
        `l’original et une copie des statuts, datés et signés par ${association.fondateurs.length >= min ? `ses ${numberInWords(association.fondateurs.length, association.fondateurs_feminin)} ${association.fondateurs_libelle}` : `au moins ${numberInWords(min)} membres`}`,
        `la copie du procès-verbal de l’assemblée générale constitutive${meetings.constitutive.date.texte ? ` du ${meetings.constitutive.date.texte}` : ""}`,
        ...(minutes ? [minutes] : []),
        "la liste des membres de la direction, avec leur date et leur lieu de naissance, leur domicile, leur nationalité et leur fonction",
      ];
  return {
    liste: {
      personnes: local ? direction : association.dirigeants.filter((d) => d.titulaire),
      suppleants: local ? [] : association.dirigeants.filter((d) => !d.titulaire),
      naissance: local,
      signataires: local && direction.length > 0 ? direction.map(signatory) : [president(association)],
    },
    declaration: declarationView(project, association, meetings),
    inscription: {
      tribunal: text(inscription.tribunal),
      tribunal_titre: text(inscription.tribunal) ? upperFirst(text(inscription.tribunal)!) : undefined,
      registre: text(inscription.registre),
      journal: text(inscription.journal_annonces_legales),
      soussignes: groupGenre(signers.map((d) => d.genre)) === "feminin" ? "Les soussignées" : "Les soussignés",
      signataires: signers.map(signatory),
      signataires_statuts_texte: `${numberInWords(min)}${NBSP}membres`,
      pieces,
    },
  };
}

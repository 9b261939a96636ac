/** The organisation of the CPTS: coordination, working groups, information system, communication, evaluation. */
import type { Project } from "../../project/index.js";
import { lowerInitial, missionLabel, text } from "./common.js";
import { OUTILS_SI } from "./labels.js";

export interface OrganisationView {
  coordination: string | undefined;
  groupes_travail: { nom: string; mission: string | undefined; animateur: string | undefined; description: string | undefined }[];
  partenariats: string | undefined;
  place_usagers: string | undefined;
}

export interface InformationSystemView {
  outils: { type: string; type_libelle: string; nom: string | undefined; usage: string | undefined }[];
  commentaire: string | undefined;
}

export interface CommunicationView {
  actions: { intitule: string; public: string | undefined; frequence: string | undefined }[];
  commentaire: string | undefined;
}

export interface EvaluationView {
  modalites: string | undefined;
  instance: string | undefined;
}

export interface OrganisationSectionsView {
  organisation: OrganisationView;
  systeme_information: InformationSystemView;
  communication: CommunicationView;
  evaluation: EvaluationView;
}

/** How the CPTS works: four sections of the projet de santé. */
export function organisationSections(project: Project): OrganisationSectionsView {
  const o = project.organisation ?? {};
  const organisation: OrganisationView = {
    coordination: text(o.coordination),
    groupes_travail: (o.groupes_travail ?? []).map((g) => ({
      nom: g.nom,
      mission: missionLabel(g.mission),
      animateur: text(g.animateur),
      description: text(g.description),
    })),
    partenariats: text(o.partenariats),
    place_usagers: text(o.place_usagers),
  };
  const si = project.systeme_information ?? {};
  const systeme_information: InformationSystemView = {
    outils: (si.outils ?? []).map((x) => ({ type: x.type, type_libelle: OUTILS_SI[x.type] ?? x.type, nom: text(x.nom), usage: text(x.usage) })),
    commentaire: text(si.commentaire),
  };
  const com = project.communication ?? {};
  const communication: CommunicationView = {
    actions: (com.actions ?? []).map((x) => ({ intitule: x.intitule, public: text(x.public), frequence: text(x.frequence) })),
    commentaire: text(com.commentaire),
  };
  const evaluation: EvaluationView = { modalites: text(project.evaluation?.modalites), instance: lowerInitial(project.evaluation?.instance) };
  return { organisation, systeme_information, communication, evaluation };
}

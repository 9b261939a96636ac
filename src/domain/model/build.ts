/**
 * The view model of the documents: ONE object that every template reads (lettre d’intention,
 * statuts, procès-verbal, projet de santé, diagnostic). Everything a template prints is computed
 * here — labels, amounts, dates in words, rules in words, deadlines — so templates only choose
 * and place text.
 *
 * Rules:
 * - facts come from the project file, the domain data (missions, professions, ACI figures) and
 *   the computed territory; a missing answer stays `undefined` (or an empty list) so the
 *   template shows a placeholder, never a made-up value;
 * - every key of every object is present, possibly `undefined`: templates are compiled in
 *   strict mode and linted against this model;
 * - strings are plain text; the templates escape them.
 *
 * Pure: the project comes in already read and validated (src/project), the territory from
 * src/territory's data. Each section has its builder in this folder; `buildModel` only passes
 * what one section needs from another (the document date to the letter, the missions chosen to
 * the association, the financing and the calendar).
 */
import { upperFirst } from "../../french/index.js";
import type { Project } from "../../project/index.js";
import type { MissionCode } from "../aci.js";
import { isDroitLocal } from "../association.js";
import { projectTerritory } from "../project-territory.js";
import { projetSanteDate } from "../readiness.js";
import { actorsSection, type ActorsSectionView } from "./actors.js";
import { calendarSection, type CalendarView } from "./calendar.js";
import { diagnosticSection, type DiagnosticView } from "./diagnostic.js";
import { figuresSection, type FiguresView } from "./figures.js";
import { financingSection, type FinancingSectionView } from "./financing.js";
import type { DocumentId } from "../documents.js";
import { filingSection, type FilingView } from "./filing.js";
import { associationSection, type AssociationView } from "./governance.js";
import { cptsSection, documentSection, type CptsView, type DocumentView, type ModelOptions } from "./identity.js";
import { meetingsSection, type MeetingsView } from "./meetings.js";
import { letterSection, type LetterView } from "./letter.js";
import { missionsSection, type MissionsView } from "./missions.js";
import { organisationSections, type OrganisationSectionsView } from "./organisation.js";
import { porteursSection, type PorteursView } from "./porteurs.js";
import { territorySection, type TerritoryView } from "./territory.js";

export interface DocumentModel extends PorteursView, OrganisationSectionsView {
  document: DocumentView;
  cpts: CptsView;
  territoire: TerritoryView;
  diagnostic: DiagnosticView;
  acteurs: ActorsSectionView;
  missions: MissionsView;
  association: AssociationView;
  /** The procès-verbaux: constitutive or extraordinary assembly, meeting of the conseil. */
  pv: MeetingsView;
  /** The list of dirigeants, the declaration, the request for inscription. */
  depot: FilingView;
  lettre: LetterView;
  financement: FinancingSectionView;
  calendrier: CalendarView;
  figures: FiguresView;
}

/**
 * The model for one document: the shared model with that document’s own date, place and the
 * rules in force on its date (`document`). Cheap: only `document` is made again.
 */
export function modelForDocument(model: DocumentModel, project: Project, options: ModelOptions, id: DocumentId): DocumentModel {
  return { ...model, document: documentSection(project, options, id) };
}

/** The view model of every document, for `project` printed on `options.date`. */
export function buildModel(project: Project, options: ModelOptions): DocumentModel {
  const droitLocal = isDroitLocal(project);
  const territory = projectTerritory(project);
  const document = documentSection(project, options);
  const cpts = cptsSection(project);
  const porteurs = porteursSection(project);
  const territoire = territorySection(project, territory);
  const pdsDate = projetSanteDate(project);
  const missions = missionsSection(project, pdsDate);
  const chosenCodes = missions.retenues.map((m) => m.code as MissionCode);
  const diagnostic = diagnosticSection(project, territory.summary);
  const lettre = letterSection(project, document.date, porteurs.porteurs, diagnostic, territory.summary?.populationYear ?? undefined, missions.retenues);
  const association = associationSection(project, { droitLocal, cpts, chosenCodes, territoryDe: territoire.nom_avec_de });
  const pv = meetingsSection(project, association);
  // Keys in the order the documents were designed with: templates iterate nothing at this level.
  return {
    document,
    cpts,
    ...porteurs,
    territoire,
    diagnostic,
    acteurs: actorsSection(project),
    missions,
    association,
    pv,
    depot: filingSection(project, association, pv),
    // The letter states the association's state as a sentence of its own (« Association … déclarée le … »).
    lettre: { ...lettre, structure_juridique: association.etat_texte ? `${upperFirst(association.etat_texte)}.` : undefined },
    ...organisationSections(project),
    financement: financingSection(project, territory.taille ?? undefined, chosenCodes, pdsDate),
    calendrier: calendarSection(project, { droitLocal, signature: missions.signature_aci, chosenCodes, letterDate: lettre.date, projectDate: pdsDate }),
    figures: figuresSection(project, territory.summary, options.mapAvailable ?? false),
  };
}

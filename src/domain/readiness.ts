/**
 * What each document still needs before it can be sent. Pure: from the project (and the
 * computed territory), a list of findings per document, with the path of the field to fill.
 * A finding of severity `erreur` blocks the document (`cpts generer` refuses it unless
 * `--brouillon`); an `avertissement` is worth fixing but does not block.
 */
import { formatDate } from "../french/index.js";
import type { Finding, Project } from "../project/index.js";
import { documentTitle, projectDocuments, type DocumentId } from "./documents.js";
import { addMonths, compareIsoDates, isValidIsoDate } from "./calendar.js";
import { genreOf, roleLabel } from "./gender.js";
import { SOCLE_MISSIONS, mission } from "./missions.js";
export { projectConsistency } from "./readiness-governance.js";
import { Collector, declaration, demandeInscription, listeDirigeants, pvConseil, pvConstitutive, pvExtraordinaire, statuts } from "./readiness-governance.js";
import { checkActionIndicators, checkDeclaredComponents, checkMissionComponents } from "./mission-content.js";
import { checkDocumentDate, documentDates, rulesAt } from "./timeline.js";
import { isValidationJalon } from "./schedule.js";
import { budgetFindings, diagnosticFindings, neighbourFindings } from "./substance.js";
import type { MissionCode } from "./aci.js";

export interface TerritoryFacts {
  /** False when the territory has no commune or none could be resolved. */
  resolved: boolean;
  communes: number;
  population?: number;
  /** Census year of the population, when known. */
  populationYear?: number | null;
  /** INSEE codes of the communes, when resolved. */
  codes?: string[];
}

export interface DocumentReadiness {
  document: DocumentId;
  titre: string;
  /** `pret`: nothing blocks; `incomplet`: something blocks; `vide`: almost nothing is there yet. */
  etat: "pret" | "incomplet" | "vide";
  findings: Finding[];
}

const has = (s: string | undefined | null): boolean => typeof s === "string" && s.trim() !== "";

function countActors(group: Record<string, unknown[] | undefined> | undefined): number {
  if (!group) return 0;
  return Object.values(group).reduce((n, list) => n + (Array.isArray(list) ? list.length : 0), 0);
}

function lettreIntention(p: Project, t: TerritoryFacts): Finding[] {
  const c = new Collector("lettre-intention", "lettre d’intention");
  const porteurs = p.porteurs ?? [];
  c.need(porteurs.length, "porteurs", "porteurs", "aucun porteur n’est déclaré ; ajoutez les professionnels qui portent le projet");
  porteurs.forEach((x, i) => {
    c.need(has(x.prenom) && has(x.nom), `porteurs[${i}]`, "porteur-nom", `le porteur n°${i + 1} n’a pas de prénom ou de nom`);
  });
  const leads = porteurs.filter((x) => x.interlocuteur_principal);
  if (porteurs.length && leads.length === 0)
    c.add("erreur", "porteurs", "interlocuteur", "aucun interlocuteur principal : mettez « interlocuteur_principal: true » à l’un des porteurs");
  if (leads.length > 1) c.add("erreur", "porteurs", "interlocuteurs", `${leads.length} interlocuteurs principaux déclarés ; l’ARS attend une seule personne`);
  const lead = leads[0];
  if (lead && !has(lead.courriel) && !has(lead.telephone))
    c.add("erreur", `porteurs[${porteurs.indexOf(lead)}]`, "contact", `${roleLabel("interlocuteur_principal", genreOf(lead.civilite), { article: true })} n’a ni courriel ni téléphone`);
  const professions = new Set(porteurs.map((x) => x.profession));
  if (porteurs.length && professions.size < 2)
    c.add("avertissement", "porteurs", "pluriprofessionnel", "tous les porteurs exercent la même profession ; une CPTS est pluriprofessionnelle");
  c.need(countActors(p.acteurs?.engages as never), "acteurs.engages", "acteurs-engages", "aucun acteur engagé n’est cité");
  c.need(countActors(p.acteurs?.a_associer as never), "acteurs.a_associer", "acteurs-a-associer", "aucun acteur à associer n’est cité");
  c.need(t.resolved, "territoire", "territoire", "le territoire n’a aucune commune ; ajoutez un EPCI ou des communes");
  c.need(has(p.territoire?.justification), "territoire.justification", "justification", "la justification du territoire (bassins de vie, flux de patients) manque");
  const d = p.diagnostic;
  c.need((d?.besoins?.length ?? 0) + (d?.indicateurs?.length ?? 0), "diagnostic.besoins", "diagnostic", "aucun premier élément de diagnostic (besoin ou indicateur)");
  c.need(d?.coordination_existante?.length, "diagnostic.coordination_existante", "coordination", "les dynamiques de coordination existantes (MSP, ESP, DAC…) ne sont pas décrites", "avertissement");
  c.need(p.acteurs?.engages?.liberaux?.length, "acteurs.engages.liberaux", "effectifs", "le nombre de professionnels impliqués par profession n’est pas indiqué", "avertissement");
  c.need(p.missions?.length, "missions", "missions", "aucune mission envisagée");
  c.need(has(p.lettre_intention?.gouvernance_envisagee), "lettre_intention.gouvernance_envisagee", "gouvernance", "la gouvernance envisagée n’est pas décrite", "avertissement");
  const cal = p.calendrier ?? {};
  c.need(cal.ag_constitutive || cal.depot_projet_sante || cal.signature_aci || cal.jalons?.length, "calendrier", "calendrier", "le calendrier prévisionnel est vide (assemblée constitutive, dépôt du projet de santé…)");
  const soutien = p.lettre_intention?.soutien_demande;
  c.need(soutien?.montant !== undefined, "lettre_intention.soutien_demande.montant", "soutien-montant", "le montant du soutien demandé à l’ARS manque");
  c.need(soutien?.types?.length, "lettre_intention.soutien_demande.types", "soutien-types", "le type d’aide demandé (juridique, rédaction du projet de santé…) manque");
  c.need(p.lettre_intention?.date, "lettre_intention.date", "date", "la date de la lettre manque", "avertissement");
  c.need(has(p.lettre_intention?.lieu), "lettre_intention.lieu", "lieu", "le lieu de signature (« fait à ») manque", "avertissement");
  for (const f of neighbourFindings(p)) c.addFinding(f);
  return c.findings;
}

function diagnostic(p: Project, t: TerritoryFacts): Finding[] {
  const c = new Collector("diagnostic", "diagnostic");
  const d = p.diagnostic ?? {};
  c.need(t.resolved, "territoire", "territoire", "le territoire n’a aucune commune");
  c.need(has(d.methode), "diagnostic.methode", "methode", "la méthode (sources, enquêtes, réunions) n’est pas décrite");
  c.need(d.indicateurs?.length, "diagnostic.indicateurs", "indicateurs", "aucun indicateur chiffré");
  c.need(d.effectifs?.length, "diagnostic.effectifs", "effectifs", "les effectifs de professionnels par profession manquent (ils donnent les densités)", "avertissement");
  c.need(d.besoins?.length, "diagnostic.besoins", "besoins", "aucun besoin de santé identifié", "avertissement");
  c.need((d.forces?.length ?? 0) + (d.faiblesses?.length ?? 0), "diagnostic.forces", "forces", "ni forces ni faiblesses du territoire", "avertissement");
  for (const f of diagnosticFindings(p, t)) c.addFinding(f);
  return c.findings;
}

/** The date the projet de santé is judged at: its updated version, else its sending to the ARS, else the documents' date. */
export function projetSanteDate(p: Project): string | undefined {
  const own = p.calendrier?.actualisation_projet_sante?.date;
  if (own !== undefined && isValidIsoDate(own)) return own;
  const d = documentDates(p).find((x) => x.document === "projet-sante")?.date;
  return d !== undefined && isValidIsoDate(d) ? d : undefined;
}

/** Socle missions as they were on `date` (all four without a date; none before the ACI). */
function socleCodesAt(date: string | undefined): string[] {
  if (date === undefined) return SOCLE_MISSIONS.map((m) => m.code);
  return rulesAt(date).missions_socles.codes;
}

/**
 * A mission starts with its earliest action: when that is after the ACI start deadline counted
 * from the signature, one warning on the mission (not one per fiche-action).
 */
function missionStartCheck(c: Collector, m: NonNullable<Project["missions"]>[number], i: number, signature: string | undefined): void {
  const info = mission(m.code);
  if (!info?.delai_demarrage_mois || !signature || !isValidIsoDate(signature)) return;
  if (info.valid_from > signature) return;
  const starts = (m.actions ?? [])
    .map((a, j) => ({ j, debut: a.calendrier?.debut }))
    .filter((x): x is { j: number; debut: string } => typeof x.debut === "string" && isValidIsoDate(x.debut))
    .sort((a, b) => compareIsoDates(a.debut, b.debut));
  const first = starts[0];
  if (!first) return;
  const limit = addMonths(signature, info.delai_demarrage_mois);
  if (compareIsoDates(first.debut, limit) > 0)
    c.add(
      "avertissement",
      `missions[${i}].actions[${first.j}].calendrier.debut`,
      "delai-aci",
      `la mission ${info.libelle.toLowerCase()} ne démarre qu’avec l’action « ${m.actions![first.j]!.intitule} », après le délai de démarrage de la mission (${info.delai_demarrage_mois} mois après la signature de l’ACI, soit le ${formatDate(limit)})`,
    );
}

function missionFindings(c: Collector, p: Project, date: string | undefined): void {
  const missions = p.missions ?? [];
  const signature = p.calendrier?.signature_aci;
  const socles = socleCodesAt(date);
  for (const socle of SOCLE_MISSIONS.filter((m) => socles.includes(m.code))) {
    const i = missions.findIndex((m) => m.code === socle.code);
    if (i < 0) c.add("erreur", "missions", `socle-${socle.code}`, `la mission socle ${socle.code} (${socle.libelle.toLowerCase()}) n’est pas retenue`);
    else if (!missions[i]!.actions?.length) c.add("erreur", `missions[${i}].actions`, `actions-${socle.code}`, `la mission socle ${socle.code} n’a aucune action`);
  }
  const seen = new Set<string>();
  missions.forEach((m, i) => {
    if (seen.has(m.code)) c.add("erreur", `missions[${i}].code`, "mission-double", `la mission ${m.code} apparaît deux fois`);
    seen.add(m.code);
    const code = m.code as MissionCode;
    c.need(m.objectifs?.length, `missions[${i}].objectifs`, "objectifs", `la mission ${m.code} n’a pas d’objectif`, "avertissement");
    for (const f of checkDeclaredComponents({ code, actions: m.actions ?? [] }, i)) c.addFinding(f);
    for (const f of checkMissionComponents({ code, actions: m.actions ?? [] }, i, date)) c.addFinding(f);
    for (const f of checkActionIndicators({ code, actions: m.actions ?? [] }, i)) {
      if (f.code !== "missions.action-sans-indicateur") c.addFinding(f);
    }
    (m.actions ?? []).forEach((a, j) => {
      const path = `missions[${i}].actions[${j}]`;
      c.need(has(a.objectif), `${path}.objectif`, "action-objectif", `l’action « ${a.intitule} » n’a pas d’objectif`);
      c.need(has(a.pilote), `${path}.pilote`, "action-pilote", `l’action « ${a.intitule} » n’a pas de pilote`);
      c.need(a.indicateurs?.length, `${path}.indicateurs`, "action-indicateurs", `l’action « ${a.intitule} » n’a aucun indicateur`);
      c.need(has(a.public), `${path}.public`, "action-public", `l’action « ${a.intitule} » n’a pas de public visé`, "avertissement");
      c.need(a.calendrier?.debut, `${path}.calendrier.debut`, "action-calendrier", `l’action « ${a.intitule} » n’a pas de date de début`, "avertissement");
    });
    missionStartCheck(c, m, i, signature);
  });
}

function projetSante(p: Project, t: TerritoryFacts): Finding[] {
  const c = new Collector("projet-sante", "projet de santé");
  missionFindings(c, p, projetSanteDate(p));
  (p.calendrier?.jalons ?? []).forEach((j, i) => {
    if (isValidationJalon(j.libelle))
      c.add(
        "avertissement",
        `calendrier.jalons[${i}]`,
        "jalon-validation",
        `l’étape « ${j.libelle} » date la validation du projet de santé : indiquez-la dans calendrier.validation_projet_sante, avec son mode (le calendrier n’énonce qu’une validation, tacite ou par décision)`,
      );
  });
  c.need(t.resolved, "territoire", "territoire", "le territoire n’a aucune commune");
  c.need(p.diagnostic?.indicateurs?.length, "diagnostic.indicateurs", "diagnostic", "le diagnostic n’a aucun indicateur");
  c.need(has(p.organisation?.coordination), "organisation.coordination", "coordination", "la fonction de coordination n’est pas décrite");
  c.need(p.organisation?.groupes_travail?.length, "organisation.groupes_travail", "groupes", "aucun groupe de travail n’est décrit", "avertissement");
  c.need(p.systeme_information?.outils?.length, "systeme_information.outils", "si", "aucun outil numérique partagé n’est décrit", "avertissement");
  c.need(p.communication?.actions?.length, "communication.actions", "communication", "aucune action de communication n’est décrite", "avertissement");
  c.need(has(p.evaluation?.modalites), "evaluation.modalites", "evaluation", "les modalités d’évaluation et de suivi manquent");
  if (p.association?.etat !== "declaree" && p.association?.parcours !== "existante")
    c.add("avertissement", "association.etat", "association", "l’association n’est pas encore déclarée ; c’est elle qui dépose le projet de santé");
  for (const f of neighbourFindings(p)) c.addFinding(f);
  for (const f of budgetFindings(p, t)) c.addFinding(f);
  return c.findings;
}

const CHECKS: Record<DocumentId, (p: Project, t: TerritoryFacts) => Finding[]> = {
  diagnostic,
  "lettre-intention": lettreIntention,
  statuts,
  "pv-ag-constitutive": pvConstitutive,
  "pv-ag-extraordinaire": pvExtraordinaire,
  "pv-conseil-administration": pvConseil,
  "liste-dirigeants": listeDirigeants,
  declaration,
  "demande-inscription": demandeInscription,
  "projet-sante": projetSante,
};

/** Texts a document cites before they applied: findings of that document. */
function datedTexts(p: Project, id: DocumentId, label: string): Finding[] {
  return checkDocumentDate(p, id).map((f) => ({ ...f, message: `${label}\u00a0: ${f.message}`, document: id }));
}

/**
 * Readiness of the documents this project needs (its founding path decides the governance
 * documents), in the order a CPTS needs them; `only` asks for one document whatever the path.
 */
export function readiness(project: Project, territory: TerritoryFacts, only?: DocumentId): DocumentReadiness[] {
  const ids = only ? [only] : projectDocuments(project);
  return ids.map((id) => {
    const titre = documentTitle(id, project);
    const findings = [...CHECKS[id](project, territory), ...datedTexts(project, id, titre.toLocaleLowerCase("fr-FR"))];
    const blocking = findings.filter((f) => f.severity === "erreur").length;
    return { document: id, titre, findings, etat: blocking === 0 ? "pret" : blocking >= 5 ? "vide" : "incomplet" } as DocumentReadiness;
  });
}

export function isBlocked(r: DocumentReadiness): boolean {
  return r.findings.some((f) => f.severity === "erreur");
}

/**
 * What each document still needs before it can be sent. Pure: from the project (and the
 * computed territory), a list of findings per document, with the path of the field to fill.
 * A finding of severity `erreur` blocks the document (`cpts generer` refuses it unless
 * `--brouillon`); an `avertissement` is worth fixing but does not block.
 */
import { formatDate } from "../french/index.js";
import type { Finding, Severity, Project } from "../project/index.js";
import { DROIT_LOCAL_MIN_FOUNDERS, MIN_DIRIGEANTS, isDroitLocal } from "./association.js";
import { DOCUMENTS, type DocumentId } from "./documents.js";
import { addMonths, compareIsoDates, isValidIsoDate } from "./calendar.js";
import { SOCLE_MISSIONS, mission } from "./missions.js";
import { checkActionIndicators, checkDeclaredComponents, checkMissionComponents } from "./mission-content.js";
import { documentDates, rulesAt } from "./timeline.js";
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

class Collector {
  readonly findings: Finding[] = [];
  constructor(private readonly document: DocumentId, private readonly label: string) {}
  add(severity: Severity, path: string, code: string, message: string): void {
    this.findings.push({ path, code: `pret.${this.document}.${code}`, severity, message: `${this.label}${"\u00a0"}: ${message}`, document: this.document });
  }
  /** A finding whose message names its own subject (« accès aux soins : … »): joined with a comma. */
  addFinding(f: Finding): void {
    const code = f.code.replace(/^missions\./, "");
    this.findings.push({ ...f, code: `pret.${this.document}.${code}`, message: `${this.label}, ${f.message}`, document: this.document });
  }
  need(ok: unknown, path: string, code: string, message: string, severity: Severity = "erreur"): void {
    if (!ok || (Array.isArray(ok) && ok.length === 0)) this.add(severity, path, code, message);
  }
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
    c.add("erreur", `porteurs[${porteurs.indexOf(lead)}]`, "contact", "l’interlocuteur principal n’a ni courriel ni téléphone");
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

function statuts(p: Project): Finding[] {
  const c = new Collector("statuts", "statuts");
  const a = p.association ?? {};
  c.need(has(a.denomination), "association.denomination", "denomination", "la dénomination de l’association manque");
  c.need(a.siege, "association.siege", "siege", "l’adresse du siège manque");
  c.need(a.membres?.categories?.length, "association.membres.categories", "membres", "les catégories de membres ne sont pas définies");
  c.need(has(a.membres?.admission), "association.membres.admission", "admission", "les conditions d’admission ne sont pas définies");
  c.need(a.cotisation?.montant !== undefined, "association.cotisation.montant", "cotisation", "le montant de la cotisation manque");
  const ca = a.conseil_administration;
  c.need(has(ca?.composition) || a.colleges?.length, "association.conseil_administration.composition", "ca-composition", "la composition du conseil d’administration manque");
  c.need(ca?.duree_mandat_ans, "association.conseil_administration.duree_mandat_ans", "ca-mandat", "la durée du mandat des administrateurs manque");
  c.need(a.bureau?.fonctions?.length, "association.bureau.fonctions", "bureau", "les fonctions du bureau ne sont pas définies");
  for (const kind of ["ordinaire", "extraordinaire"] as const) {
    const ag = a.assemblee_generale?.[kind];
    const label = kind === "ordinaire" ? "de l’assemblée générale ordinaire" : "de l’assemblée générale extraordinaire";
    c.need(ag?.convocation_jours, `association.assemblee_generale.${kind}.convocation_jours`, `ag-${kind}-convocation`, `le délai de convocation ${label} manque`);
    c.need(ag?.quorum, `association.assemblee_generale.${kind}.quorum`, `ag-${kind}-quorum`, `le quorum ${label} manque`);
    c.need(ag?.majorite, `association.assemblee_generale.${kind}.majorite`, `ag-${kind}-majorite`, `la majorité ${label} manque`);
  }
  c.need(has(a.dissolution?.devolution), "association.dissolution.devolution", "dissolution", "la dévolution des biens en cas de dissolution manque");
  c.need(a.ressources?.length, "association.ressources", "ressources", "les ressources de l’association ne sont pas listées", "avertissement");
  c.need(a.ag_constitutive?.date ?? p.calendrier?.ag_constitutive, "association.ag_constitutive.date", "date", "la date d’adoption des statuts (assemblée générale constitutive) manque");
  const dirigeants = a.dirigeants ?? [];
  if (dirigeants.length < MIN_DIRIGEANTS)
    c.add("erreur", "association.dirigeants", "dirigeants", `il faut au moins ${MIN_DIRIGEANTS} dirigeants pour signer et déclarer les statuts (${dirigeants.length} déclaré${dirigeants.length > 1 ? "s" : ""})`);
  if (isDroitLocal(p)) {
    const n = a.fondateurs?.length ?? 0;
    if (n < DROIT_LOCAL_MIN_FOUNDERS)
      c.add("erreur", "association.fondateurs", "fondateurs-droit-local", `en Alsace-Moselle, ${DROIT_LOCAL_MIN_FOUNDERS} membres fondateurs au moins sont requis (${n} déclaré${n > 1 ? "s" : ""})`);
  }
  return c.findings;
}

function pvAgConstitutive(p: Project): Finding[] {
  const c = new Collector("pv-ag-constitutive", "procès-verbal d’AG constitutive");
  const ag = p.association?.ag_constitutive;
  c.need(ag?.date ?? p.calendrier?.ag_constitutive, "association.ag_constitutive.date", "date", "la date de l’assemblée manque");
  c.need(has(ag?.lieu), "association.ag_constitutive.lieu", "lieu", "le lieu de l’assemblée manque");
  c.need(ag?.presents !== undefined, "association.ag_constitutive.presents", "presents", "le nombre de présents manque");
  c.need(has(ag?.president_seance), "association.ag_constitutive.president_seance", "president", "le président de séance manque");
  c.need(has(ag?.secretaire_seance), "association.ag_constitutive.secretaire_seance", "secretaire", "le secrétaire de séance manque");
  c.need(p.association?.cotisation?.montant !== undefined, "association.cotisation.montant", "cotisation", "le montant de la cotisation votée manque");
  const dirigeants = p.association?.dirigeants ?? [];
  if (dirigeants.length < MIN_DIRIGEANTS)
    c.add("erreur", "association.dirigeants", "dirigeants", `la liste des dirigeants compte ${dirigeants.length} personne${dirigeants.length > 1 ? "s" : ""} ; la déclaration en demande au moins ${MIN_DIRIGEANTS}`);
  const droitLocal = isDroitLocal(p);
  dirigeants.forEach((d, i) => {
    const missing = [
      !has(d.adresse) && "adresse",
      !has(d.commune) && "commune",
      !d.profession && "profession",
      !has(d.nationalite) && "nationalité",
      droitLocal && !d.date_naissance && "date de naissance",
      droitLocal && !has(d.lieu_naissance) && "lieu de naissance",
    ].filter(Boolean);
    if (missing.length)
      c.add("erreur", `association.dirigeants[${i}]`, "dirigeant", `${d.prenom} ${d.nom} : ${missing.join(", ")} manquant${missing.length > 1 ? "s" : ""} pour la liste des dirigeants`);
  });
  if (!droitLocal && dirigeants.some((d) => d.date_naissance))
    c.add("avertissement", "association.dirigeants", "naissance", "les dates de naissance ne doivent pas figurer dans les pièces envoyées à la préfecture : elles ne seront pas imprimées");
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
  if (p.association?.etat !== "declaree")
    c.add("avertissement", "association.etat", "association", "l’association n’est pas encore déclarée ; c’est elle qui dépose le projet de santé");
  for (const f of neighbourFindings(p)) c.addFinding(f);
  for (const f of budgetFindings(p, t)) c.addFinding(f);
  return c.findings;
}

/** Readiness of every document, in the order a CPTS needs them. */
export function readiness(project: Project, territory: TerritoryFacts): DocumentReadiness[] {
  const byDocument: Record<DocumentId, Finding[]> = {
    diagnostic: diagnostic(project, territory),
    "lettre-intention": lettreIntention(project, territory),
    statuts: statuts(project),
    "pv-ag-constitutive": pvAgConstitutive(project),
    "projet-sante": projetSante(project, territory),
  };
  return DOCUMENTS.map(({ id, titre }) => {
    const findings = byDocument[id];
    const blocking = findings.filter((f) => f.severity === "erreur").length;
    return { document: id, titre, findings, etat: blocking === 0 ? "pret" : blocking >= 5 ? "vide" : "incomplet" } as DocumentReadiness;
  });
}

export function isBlocked(r: DocumentReadiness): boolean {
  return r.findings.some((f) => f.severity === "erreur");
}

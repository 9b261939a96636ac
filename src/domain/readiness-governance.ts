/**
 * What the governance documents still need: the statuts, the procès-verbaux (constitutive or
 * extraordinary assembly, meeting of the conseil that elects the bureau), the list of dirigeants,
 * the declaration to the préfecture or the request for inscription at the tribunal. Every
 * placeholder these templates can print has its blocking finding here, so a document called
 * ready prints none. Pure.
 */
import { NBSP, formatDate, plural, quote } from "../french/index.js";
import type { Finding, Project, Severity } from "../project/index.js";
import { minimumFounders, minimumSignatories, projectParcours, projectRegime, statutsDates, statutsInForceBefore } from "./association.js";
import type { DocumentId } from "./documents.js";
import { checkDirigeantsAgainstStatuts } from "./founding.js";
import { genderFinding } from "./gender.js";
import { isHealthProfession, professionLabel, professionNamedIn } from "./professions.js";
import { MEETING_PATHS, boardIsElected, checkProjectMeeting, meetingOf, type MeetingKind } from "./meetings.js";
import { checkDatedFacts, datedFactsFromProject } from "./timeline.js";

const has = (s: string | undefined | null): boolean => typeof s === "string" && s.trim() !== "";

/** Collects a document’s findings, each message prefixed with the document’s name. */
export class Collector {
  readonly findings: Finding[] = [];
  constructor(
    private readonly document: DocumentId,
    private readonly label: string,
  ) {}
  add(severity: Severity, path: string, code: string, message: string): void {
    this.findings.push({ path, code: `pret.${this.document}.${code}`, severity, message: `${this.label}${NBSP}: ${message}`, document: this.document });
  }
  need(ok: unknown, path: string, code: string, message: string, severity: Severity = "erreur"): void {
    if (!ok || (Array.isArray(ok) && ok.length === 0)) this.add(severity, path, code, message);
  }
  /** A finding whose message names its own subject (« accès aux soins : … »): joined with a comma. */
  addFinding(f: Finding): void {
    const code = f.code.replace(/^missions\./, "");
    this.findings.push({ ...f, code: `pret.${this.document}.${code}`, message: `${this.label}, ${f.message}`, document: this.document });
  }
  /** Findings of a domain check, kept with their own code and path. */
  take(found: readonly Finding[]): void {
    for (const f of found) this.findings.push({ ...f, message: `${this.label}${NBSP}: ${f.message}`, document: this.document });
  }
}

function askParcours(c: Collector, p: Project): void {
  if (p.association?.parcours === undefined)
    c.add(
      "avertissement",
      "association.parcours",
      "parcours",
      `le fichier ne dit pas si une association est créée (parcours: nouvelle) ou si une association existante devient la CPTS (parcours: existante)${NBSP}; les documents sont ceux d’une création`,
    );
}

export function statuts(p: Project): Finding[] {
  const c = new Collector("statuts", "statuts");
  const a = p.association ?? {};
  askParcours(c, p);
  c.need(has(a.denomination), "association.denomination", "denomination", "la dénomination de l’association manque");
  c.need(a.siege, "association.siege", "siege", "l’adresse du siège manque");
  c.need(a.duree !== undefined, "association.duree", "duree", "la durée de l’association manque (« illimitee » ou un nombre d’années)");
  c.need(a.membres?.categories?.length, "association.membres.categories", "membres", "les catégories de membres ne sont pas définies");
  c.need(has(a.membres?.admission), "association.membres.admission", "admission", "les conditions d’admission ne sont pas définies");
  c.need(a.membres?.perte_qualite?.length, "association.membres.perte_qualite", "perte-qualite", "les cas de perte de la qualité de membre ne sont pas définis");
  c.need(a.cotisation?.montant !== undefined, "association.cotisation.montant", "cotisation", "le montant de la cotisation manque");
  cotisationExemptions(c, p);
  otherProfessionsAdmitted(c, p);
  const ca = a.conseil_administration;
  c.need(has(ca?.composition), "association.conseil_administration.composition", "ca-composition", "la composition du conseil d’administration manque");
  c.need(ca?.duree_mandat_ans, "association.conseil_administration.duree_mandat_ans", "ca-mandat", "la durée du mandat des administrateurs manque");
  c.need(ca?.reunions_par_an, "association.conseil_administration.reunions_par_an", "ca-reunions", "le nombre minimal de réunions du conseil d’administration manque");
  c.need(ca?.quorum, "association.conseil_administration.quorum", "ca-quorum", "le quorum du conseil d’administration manque");
  c.need(ca?.majorite, "association.conseil_administration.majorite", "ca-majorite", "la majorité des décisions du conseil d’administration manque");
  c.need(a.bureau?.fonctions?.length, "association.bureau.fonctions", "bureau", "les fonctions du bureau ne sont pas définies");
  c.need(has(a.assemblee_generale?.ordinaire?.frequence), "association.assemblee_generale.ordinaire.frequence", "ag-ordinaire-frequence", "la fréquence de l’assemblée générale ordinaire manque");
  for (const kind of ["ordinaire", "extraordinaire"] as const) {
    const ag = a.assemblee_generale?.[kind];
    const label = kind === "ordinaire" ? "de l’assemblée générale ordinaire" : "de l’assemblée générale extraordinaire";
    c.need(ag?.convocation_jours, `association.assemblee_generale.${kind}.convocation_jours`, `ag-${kind}-convocation`, `le délai de convocation ${label} manque`);
    c.need(ag?.quorum, `association.assemblee_generale.${kind}.quorum`, `ag-${kind}-quorum`, `le quorum ${label} manque`);
    c.need(ag?.majorite, `association.assemblee_generale.${kind}.majorite`, `ag-${kind}-majorite`, `la majorité ${label} manque`);
  }
  c.need(a.ressources?.length, "association.ressources", "ressources", "les ressources de l’association ne sont pas listées");
  c.need(a.indemnisation_membres !== undefined, "association.indemnisation_membres", "indemnisation", "les statuts ne disent pas si les membres peuvent être indemnisés (association.indemnisation_membres)");
  c.need(a.reglement_interieur !== undefined, "association.reglement_interieur", "reglement", "les statuts ne disent pas si un règlement intérieur les complète");
  c.need(has(a.dissolution?.devolution), "association.dissolution.devolution", "dissolution", "la dévolution des biens en cas de dissolution manque");
  c.need(has(p.documents?.lieu), "documents.lieu", "lieu", "le lieu de signature (« fait à ») manque");
  const dates = statutsDates(p);
  if (projectParcours(p) === "existante") {
    c.need(dates.adoption, "association.statuts.adoptes_le", "adoption", "la date d’adoption des premiers statuts manque");
    c.need(a.ag_extraordinaire?.date, "association.ag_extraordinaire.date", "date", "la date de l’assemblée générale extraordinaire qui modifie les statuts manque");
  } else {
    c.need(dates.adoption, "association.ag_constitutive.date", "date", "la date d’adoption des statuts (assemblée générale constitutive) manque");
  }
  const reg = projectRegime(p);
  if (reg === "droit_local") {
    const n = a.fondateurs?.length ?? 0;
    const min = minimumSignatories(reg);
    if (n < min)
      c.add("erreur", "association.fondateurs", "fondateurs-droit-local", `en Alsace-Moselle, ${min} membres fondateurs au moins signent les statuts (${plural(n, "déclaré")})`);
  } else {
    const dirigeants = a.dirigeants ?? [];
    const min = minimumSignatories(reg);
    if (dirigeants.length < min)
      c.add("erreur", "association.dirigeants", "dirigeants", `il faut au moins ${min} dirigeants pour signer et déclarer les statuts (${plural(dirigeants.length, "déclaré")})`);
  }
  return c.findings;
}

/** Words that tell an exemption from the cotisation written as free text. */
const EXEMPTION_WORDS = /dispens|exon[ée]r|exempt|gratuit/i;

/**
 * The categories exempt from the cotisation are data, so that the article on the cotisation, the
 * assembly’s composition and the procès-verbal say the same: an exemption written only in the
 * comment would leave « tous les membres à jour de leur cotisation » elsewhere; every category
 * exempt would leave a cotisation nobody pays.
 */
function cotisationExemptions(c: Collector, p: Project): void {
  const categories = p.association?.membres?.categories ?? [];
  if (categories.length > 0 && categories.every((x) => x.dispensee_de_cotisation === true))
    c.add(
      "erreur",
      "association.membres.categories",
      "cotisation-personne",
      `toutes les catégories de membres sont dispensées de cotisation, alors que les statuts en fixent une${NBSP}: retirez la dispense des membres qui la paient`,
    );
  const comment = p.association?.cotisation?.commentaire;
  if (comment !== undefined && EXEMPTION_WORDS.test(comment))
    c.add(
      "avertissement",
      "association.cotisation.commentaire",
      "cotisation-dispense-commentaire",
      `le commentaire de la cotisation parle d’une dispense (${quote(comment)}) que les autres articles ignorent${NBSP}; dites-la dans la catégorie de membres concernée (dispensee_de_cotisation: true) et retirez-la du commentaire`,
    );
}

/**
 * Psychologues, ostéopathes or assistants de service social who take part in the CPTS are not
 * professionnels de santé (REFERENCE § 7.1): categories of members written for « professionnels
 * de santé » leave them outside the association, whatever collège the file gives them. The statuts
 * name them where they are admitted, or they stay partners without a vote.
 */
function otherProfessionsAdmitted(c: Collector, p: Project): void {
  const categories = p.association?.membres?.categories ?? [];
  if (categories.length === 0) return;
  const engaged = new Set((p.acteurs?.engages?.liberaux ?? []).map((e) => e.profession).filter((code) => code !== "autre" && !isHealthProfession(code)));
  for (const code of engaged) {
    if (categories.some((k) => professionNamedIn(code, `${k.nom} ${k.description ?? ""}`))) continue;
    const name = professionLabel(code, 2).toLocaleLowerCase("fr-FR");
    c.add(
      "avertissement",
      "association.membres.categories",
      "membres-autres-professions",
      `les ${name} engagés dans la CPTS (acteurs.engages.liberaux) ne sont pas des professionnels de santé, et aucune catégorie de membres ne les nomme${NBSP}; s’ils sont membres, nommez-les dans la description de la catégorie qui les accueille (par exemple « professionnels de santé et ${name} libéraux »)`,
    );
  }
}

/** A session’s chair or secretary whom no list of persons names: their civilité is unknown. */
function sessionPeople(c: Collector, p: Project, kind: MeetingKind): void {
  const m = meetingOf(p, kind);
  const path = MEETING_PATHS[kind];
  const a = p.association ?? {};
  const people = [...(a.dirigeants ?? []), ...(a.fondateurs ?? []), ...(p.porteurs ?? [])].map((x) => `${x.prenom} ${x.nom}`.toLocaleLowerCase("fr-FR"));
  for (const role of ["president_seance", "secretaire_seance"] as const) {
    const name = m?.[role];
    c.need(has(name), `${path}.${role}`, role, role === "president_seance" ? "la présidence de séance n’est pas désignée" : "le ou la secrétaire de séance n’est pas désigné");
    if (!has(name)) continue;
    const bare = name!.replace(/^((M\.|Mme|Dre?|Pre?)\s+)+/u, "").toLocaleLowerCase("fr-FR");
    if (!people.includes(bare))
      c.add(
        "avertissement",
        `${path}.${role}`,
        `${role}-inconnu`,
        `${quote(name!)} n’est ni un membre fondateur ni un dirigeant ni un porteur${NBSP}: écrivez son prénom et son nom comme dans ces listes, pour que le procès-verbal accorde sa fonction à sa civilité`,
      );
  }
}

function meetingBasics(c: Collector, p: Project, kind: MeetingKind, what: string): void {
  const m = meetingOf(p, kind);
  const path = MEETING_PATHS[kind];
  c.need(m?.date ?? (kind === "constitutive" ? p.calendrier?.ag_constitutive : undefined), `${path}.date`, "date", `la date ${what} manque`);
  c.need(has(m?.lieu), `${path}.lieu`, "lieu", `le lieu ${what} manque`);
  if (kind === "extraordinaire")
    c.need(m?.membres !== undefined, `${path}.membres`, "membres", "le nombre de membres appelés à voter manque : il donne le quorum");
  c.need(p.association?.siege, "association.siege", "siege", "l’adresse du siège manque (en tête du procès-verbal)");
  sessionPeople(c, p, kind);
  c.take(checkProjectMeeting(p, kind));
  c.need(has(p.documents?.lieu), "documents.lieu", "lieu-signature", "le lieu de signature (« fait à ») manque");
}

/** The elected conseil against the statuts: its seats per collège and the dirigeants listed. */
/** What the assembly’s elections per collège get wrong; the rest concerns the bureau the conseil elects. */
const electionFinding = (f: Finding): boolean =>
  f.code.startsWith("statuts.sieges") || f.code === "statuts.college-inconnu" || f.code === "statuts.college-profession";

function electedBoard(c: Collector, p: Project): void {
  const dirigeants = p.association?.dirigeants ?? [];
  c.need(dirigeants.length, "association.dirigeants", "dirigeants", "aucun membre du conseil d’administration n’est élu (association.dirigeants)");
  c.take(checkDirigeantsAgainstStatuts(p.association ?? {}).filter(electionFinding));
}

export function pvConstitutive(p: Project): Finding[] {
  const c = new Collector("pv-ag-constitutive", "procès-verbal d’AG constitutive");
  meetingBasics(c, p, "constitutive", "de l’assemblée");
  c.need(has(p.association?.denomination), "association.denomination", "denomination", "la dénomination de l’association manque");
  if (p.association?.cotisation?.fixee_par !== "conseil_administration")
    c.need(p.association?.cotisation?.montant !== undefined, "association.cotisation.montant", "cotisation", "le montant de la cotisation votée manque");
  const founders = p.association?.fondateurs?.length ?? 0;
  const min = minimumFounders(projectRegime(p));
  if (projectRegime(p) === "droit_local" && founders < min)
    c.add("erreur", "association.fondateurs", "fondateurs", `les statuts adoptés doivent être signés par ${min} membres au moins (${plural(founders, "fondateur déclaré", "fondateurs déclarés")})`);
  electedBoard(c, p);
  return c.findings;
}

export function pvExtraordinaire(p: Project): Finding[] {
  const c = new Collector("pv-ag-extraordinaire", "procès-verbal d’AG extraordinaire");
  meetingBasics(c, p, "extraordinaire", "de l’assemblée générale extraordinaire");
  c.need(has(p.association?.denomination), "association.denomination", "denomination", "la dénomination de l’association manque");
  c.need(p.association?.ag_extraordinaire?.modifications?.length, "association.ag_extraordinaire.modifications", "modifications", "l’assemblée ne dit pas ce qu’elle modifie (objet, membres, instances…)", "avertissement");
  if (boardIsElected(p)) electedBoard(c, p);
  statutsBeforeMeeting(c, p);
  return c.findings;
}

/**
 * The version of the statuts the extraordinary assembly votes under: older than the assembly,
 * and, when the file gives the history of the statuts, the last version before it.
 */
function statutsBeforeMeeting(c: Collector, p: Project): void {
  const given = p.association?.ag_extraordinaire?.statuts_anterieurs?.date;
  const meeting = p.association?.ag_extraordinaire?.date;
  if (given === undefined) return;
  const path = "association.ag_extraordinaire.statuts_anterieurs.date";
  if (meeting !== undefined && given >= meeting) {
    c.add("erreur", path, "statuts-anterieurs-date", `les statuts sous lesquels l’assemblée délibère datent du ${formatDate(given)}, pas d’avant l’assemblée du ${formatDate(meeting)}`);
    return;
  }
  const { fromHistory } = statutsInForceBefore(p);
  if (fromHistory !== undefined && fromHistory !== given)
    c.add(
      "avertissement",
      path,
      "statuts-anterieurs-version",
      `d’après leurs dates d’adoption et de modification (association.statuts), les statuts en vigueur avant l’assemblée sont ceux du ${formatDate(fromHistory)}, pas ceux du ${formatDate(given)}`,
    );
}

export function pvConseil(p: Project): Finding[] {
  const c = new Collector("pv-conseil-administration", "procès-verbal du conseil d’administration");
  meetingBasics(c, p, "conseil", "de la réunion du conseil d’administration");
  c.need(has(p.association?.denomination), "association.denomination", "denomination", "la dénomination de l’association manque");
  c.take(checkDirigeantsAgainstStatuts(p.association ?? {}).filter((f) => !electionFinding(f)));
  if (p.association?.cotisation?.fixee_par === "conseil_administration" && projectParcours(p) === "nouvelle")
    c.need(p.association?.cotisation?.montant !== undefined, "association.cotisation.montant", "cotisation", "le montant de la cotisation que fixe le conseil manque");
  return c.findings;
}

export function listeDirigeants(p: Project): Finding[] {
  const c = new Collector("liste-dirigeants", "liste des dirigeants");
  const a = p.association ?? {};
  c.need(has(a.denomination), "association.denomination", "denomination", "la dénomination de l’association manque");
  c.need(a.siege, "association.siege", "siege", "l’adresse du siège manque");
  const dirigeants = a.dirigeants ?? [];
  const droitLocal = projectRegime(p) === "droit_local";
  if (!droitLocal && dirigeants.length < minimumSignatories("loi_1901"))
    c.add("erreur", "association.dirigeants", "dirigeants", `la liste compte ${plural(dirigeants.length, "personne")}${NBSP}; la déclaration en demande au moins ${minimumSignatories("loi_1901")}`);
  if (droitLocal && !dirigeants.some((d) => d.fonction !== "administrateur"))
    c.add("erreur", "association.dirigeants", "direction", "aucun membre du bureau, qui forme la direction de l’association, n’est désigné");
  dirigeants.forEach((d, i) => {
    const inList = !droitLocal || d.fonction !== "administrateur";
    if (!inList) return;
    const missing = [
      !has(d.adresse) && "adresse",
      !has(d.code_postal) && "code postal",
      !has(d.commune) && "commune",
      !d.profession && "profession",
      !has(d.nationalite) && "nationalité",
      droitLocal && !d.date_naissance && "date de naissance",
      droitLocal && !has(d.lieu_naissance) && "lieu de naissance",
    ].filter(Boolean);
    if (missing.length)
      c.add("erreur", `association.dirigeants[${i}]`, "dirigeant", `${d.prenom} ${d.nom}${NBSP}: ${missing.join(", ")} manquant${missing.length > 1 ? "s" : ""} pour la liste des dirigeants`);
  });
  c.need(has(p.documents?.lieu), "documents.lieu", "lieu", "le lieu de signature (« fait à ») manque");
  if (!droitLocal && dirigeants.some((d) => d.date_naissance))
    c.add("avertissement", "association.dirigeants", "naissance", "les dates de naissance ne doivent pas figurer dans les pièces envoyées à la préfecture : elles ne seront pas imprimées");
  return c.findings;
}

export function declaration(p: Project): Finding[] {
  const c = new Collector("declaration", "déclaration");
  const a = p.association ?? {};
  c.need(has(a.denomination), "association.denomination", "denomination", "la dénomination de l’association manque");
  c.need(a.siege, "association.siege", "siege", "l’adresse du siège manque");
  if (projectParcours(p) === "existante") {
    c.need(has(a.rna), "association.rna", "rna", "le numéro RNA de l’association manque (récépissé de la déclaration de création)");
    c.need(a.ag_extraordinaire?.date, "association.ag_extraordinaire.date", "date", "la date de l’assemblée générale extraordinaire manque");
  } else {
    c.need(a.ag_constitutive?.date ?? p.calendrier?.ag_constitutive, "association.ag_constitutive.date", "date", "la date de l’assemblée générale constitutive manque");
  }
  const president = (a.dirigeants ?? []).some((d) => d.fonction === "president");
  c.need(president, "association.dirigeants", "president", "aucun dirigeant n’a la présidence : c’est elle qui déclare l’association");
  c.need(has(p.documents?.lieu), "documents.lieu", "lieu", "le lieu de signature (« fait à ») manque");
  return c.findings;
}

export function demandeInscription(p: Project): Finding[] {
  const c = new Collector("demande-inscription", "demande d’inscription");
  const a = p.association ?? {};
  c.need(has(a.denomination), "association.denomination", "denomination", "la dénomination de l’association manque");
  c.need(a.siege, "association.siege", "siege", "l’adresse du siège manque");
  c.need(has(a.inscription?.tribunal), "association.inscription.tribunal", "tribunal", "le tribunal judiciaire qui tient le registre des associations du siège manque");
  c.need(has(a.inscription?.journal_annonces_legales), "association.inscription.journal_annonces_legales", "journal", "le journal d’annonces légales qui publiera l’inscription manque");
  c.need((a.dirigeants ?? []).some((d) => d.fonction !== "administrateur"), "association.dirigeants", "direction", "aucun membre du bureau, qui forme la direction et signe la demande, n’est désigné");
  c.need(has(p.documents?.lieu), "documents.lieu", "lieu", "le lieu de signature (« fait à ») manque");
  const meeting = projectParcours(p) === "existante" ? a.ag_extraordinaire?.date : (a.ag_constitutive?.date ?? p.calendrier?.ag_constitutive);
  c.need(meeting, projectParcours(p) === "existante" ? "association.ag_extraordinaire.date" : "association.ag_constitutive.date", "date", "la date de l’assemblée manque");
  return c.findings;
}

/**
 * What is wrong with the project as a whole rather than with one document: dates that
 * contradict each other (a procès-verbal before the association existed, a contract before the
 * validation…) and persons named in the documents whose civilité does not say how to write
 * their functions and profession.
 */
export function projectConsistency(p: Project): Finding[] {
  const people: [string, readonly { civilite?: string; titre?: string; prenom?: string; nom?: string }[]][] = [
    ["porteurs", p.porteurs ?? []],
    ["association.fondateurs", p.association?.fondateurs ?? []],
    ["association.dirigeants", p.association?.dirigeants ?? []],
  ];
  // A person without a name is not printed: their civilité can wait.
  const gender = people.flatMap(([path, list]) =>
    list.map((x, i) => (x.prenom || x.nom ? genderFinding(x, `${path}[${i}]`) : undefined)).filter((f): f is Finding => f !== undefined),
  );
  return [...checkDatedFacts(datedFactsFromProject(p)), ...gender];
}

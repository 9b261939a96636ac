/**
 * The association section (statuts, procès-verbaux, list of dirigeants, declaration): legal
 * form, object, members, collèges, governing bodies and their rules in words, the dates of the
 * statuts and the rules in force on them, the dirigeants with their functions in the form their
 * civilité asks for.
 */
import {
  NBSP,
  daysInWords,
  formatAmount,
  joinFr,
  numberInWords,
  plural,
  upperFirst,
  yearsInWords,
} from "../../french/index.js";
import type { Association, College, Dirigeant, Project } from "../../project/index.js";
import { ACI_MISSIONS, type MissionCode } from "../aci.js";
import { minimumFounders, projectParcours, projectRegime, siegeDepartement, statutsDates, statutsDatesText } from "../association.js";
import { ACTOR_CATEGORIES } from "../categories.js";
import { FONCTION_CODES, fonctionLabel, groupGenre, roleLabel } from "../gender.js";
import { mission as missionData } from "../missions.js";
import { professionLabel } from "../professions.js";
import { documentDate, rulesAt, textInForce } from "../timeline.js";
import { address, completion, dated, lowerInitial, person, text, type AddressView, type DatedText, type PersonView } from "./common.js";
import { rulesView, type CptsView, type RulesView } from "./identity.js";
import { COTISATION_FIXEE_PAR, RESSOURCES } from "./labels.js";
import { majorityWords, quorumWords, type RuleWords } from "./wording.js";

type AssociationAnswers = NonNullable<Project["association"]>;

export interface DirigeantView extends PersonView {
  fonction: string;
  /** « présidente », « vice-président », « administratrice »: the form the civilité asks for. */
  fonction_libelle: string;
  /** « Présidente », for the start of a table cell. */
  fonction_titre: string;
  college: string | undefined;
  titulaire: boolean;
  /** « titulaire », « suppléant » or « suppléante ». */
  mandat: string;
  membre_bureau: boolean;
}

/** A person who signs a document, with the quality printed after the name. */
export interface SignatoryView {
  nom: string | undefined;
  qualite: string | undefined;
  manquant: string;
}

/** The numbers of the articles after the ones every statuts have (the indemnisation article may be left out). */
export interface ArticleNumbers {
  conseil: number;
  bureau: number;
  ag_ordinaire: number;
  ag_extraordinaire: number;
  indemnisation: number | undefined;
  reglement_interieur: number;
  dissolution: number;
  formalites: number;
}

export interface AssociationView {
  etat: string | undefined;
  etat_texte: string | undefined;
  /** `nouvelle` or `existante` (a file that does not say is read as a new association). */
  parcours: "nouvelle" | "existante";
  existante: boolean;
  denomination: string | undefined;
  rna: string | undefined;
  siren: string | undefined;
  droit_local: boolean;
  /** « association régie par la loi du 1er juillet 1901 et le décret du 16 août 1901 » or its droit local equivalent. */
  forme: string;
  droit_local_details: {
    regime: string;
    inscription: string;
    fondateurs_min: number;
    fondateurs_min_texte: string;
    fondateurs_manquants: number;
  };
  siege: AddressView;
  siege_departement: string | undefined;
  /** The statuts: when adopted and modified, the rules in force on their date, what they cite. */
  statuts: {
    adoption: DatedText;
    modifications: DatedText[];
    /** « Statuts adoptés le 22 mai 2014, modifiés le 27 avril 2017 ». */
    texte: string | undefined;
    /** « adoptés le 22 mai 2014, modifiés le 27 avril 2017 », to follow a noun. */
    texte_suite: string | undefined;
    /** « Ses statuts ont été adoptés le 22 mai 2014 et modifiés le 27 avril 2017. » */
    phrase: string | undefined;
    /** The date of this version: its adoption, or its last modification. */
    date: DatedText;
    regles: RulesView | undefined;
    /** Article L1434-12-1 of the CSP (the legal form of a CPTS) exists on their date. */
    cite_forme_cpts: boolean;
  };
  /** The declaration of the association when it was created (existing association). */
  declaration_initiale: DatedText;
  articles: ArticleNumbers;
  objet: { personnalise: boolean; texte: string; points: string[] };
  duree: { valeur: string | number | undefined; texte: string | undefined };
  membres: {
    categories: {
      nom: string;
      description: string;
      /** The description to follow « membres actifs, avec voix délibérative : ». */
      description_suite: string;
      voix: string | undefined;
      voix_texte: string | undefined;
      /** The statuts exempt these members from the cotisation. */
      dispensee_de_cotisation: boolean;
    }[];
    admission: string | undefined;
    perte_qualite: string[];
    /**
     * Who votes at the assembly, as the statuts' article says it: « seuls les membres actifs »
     * when another category only advises, « les membres actifs et les membres partenaires » when
     * every category votes.
     */
    votants: string | undefined;
  };
  /** « six collèges ». */
  colleges_nombre_texte: string | undefined;
  colleges: {
    nom: string;
    composition: string | undefined;
    professions_texte: string | undefined;
    categories_texte: string | undefined;
    sieges_texte: string | undefined;
  }[];
  cotisation: {
    euros: number | undefined;
    montant_texte: string | undefined;
    fixee_par: string | undefined;
    /** True when the assemblée générale sets the amount (also when the statuts do not say). */
    fixee_par_ag: boolean;
    commentaire: string | undefined;
    /** « Les membres actifs », who pay it, at the start of the article; « Les membres » when no category is exempt. */
    payeurs: string;
    /** « Les membres partenaires et les membres d’honneur en sont dispensés. »; undefined when no category is. */
    dispense_phrase: string | undefined;
  };
  conseil_administration: {
    composition: string | undefined;
    /** The composition to follow « Le conseil d’administration est composé ainsi : ». */
    composition_suite: string | undefined;
    duree_mandat_texte: string | undefined;
    reunions_texte: string | undefined;
    quorum: RuleWords;
    majorite: RuleWords;
    membres: DirigeantView[];
  };
  bureau: {
    composition: string[];
    composition_texte: string | undefined;
    vice_president_par_college: boolean;
    presidence_tournante: boolean;
    duree_mandat_texte: string | undefined;
    membres: DirigeantView[];
    president: DirigeantView | undefined;
  };
  assemblee_generale: {
    /**
     * Who the assembly gathers, as the cotisation article has it: « tous les membres de
     * l’association à jour de leur cotisation », or the paying categories up to date and the exempt ones.
     */
    composition: string;
    ordinaire: { frequence: string | undefined; convocation_texte: string | undefined; quorum: RuleWords; majorite: RuleWords };
    extraordinaire: { convocation_texte: string | undefined; quorum: RuleWords; majorite: RuleWords };
    procurations_texte: string | undefined;
  };
  ressources: string[];
  indemnisation: boolean | undefined;
  /** How the statuts speak of indemnities on their date: the article, and what it may say. */
  indemnisation_article: {
    /** `versements`: members may be paid; `aucune`: they are not; `a_choisir`: unanswered; undefined: no article. */
    cas: "versements" | "aucune" | "a_choisir" | undefined;
    /** The décret of 16 March 2022 sets the conditions and the cap (article D1434-44). */
    conditions_fixees: boolean;
  };
  reglement_interieur: boolean | undefined;
  devolution: string | undefined;
  fondateurs: PersonView[];
  /** « membres fondateurs », « membres fondatrices » when all are women. */
  fondateurs_libelle: string;
  /** All founders are women: « réunies ». */
  fondateurs_feminin: boolean;
  /** « huit », the number of founders in words. */
  fondateurs_nombre_texte: string;
  dirigeants: DirigeantView[];
  /** All dirigeants are women: « élues », « réunies ». */
  dirigeants_feminin: boolean;
  /** Who signs the statuts: seven founders or more under droit local, else the main officers. */
  signataires_statuts: SignatoryView[];
  /**
   * The same, two a row, when they are too many for one column: seven or more signatures one
   * under the other run over a page and leave the last one alone on the next.
   */
  signataires_statuts_paires: SignatoryPair[] | undefined;
  /** « Signatures des membres fondateurs (sept au moins) », over the signatures. */
  signataires_statuts_titre: string;
}

/** Two signatures side by side (the last row may hold one). */
export interface SignatoryPair {
  gauche: SignatoryView;
  droite: SignatoryView | undefined;
}

/** Signatures printed one under the other up to this count, two a row beyond. */
const SIGNATURES_IN_ONE_COLUMN = 4;

function pairs(list: readonly SignatoryView[]): SignatoryPair[] | undefined {
  if (list.length <= SIGNATURES_IN_ONE_COLUMN) return undefined;
  const out: SignatoryPair[] = [];
  for (let i = 0; i < list.length; i += 2) out.push({ gauche: list[i]!, droite: list[i + 1] });
  return out;
}

function dirigeant(d: Dirigeant, droitLocal: boolean): DirigeantView {
  const base = person(d, droitLocal);
  const label = fonctionLabel(d.fonction, base.genre);
  return {
    ...base,
    fonction: d.fonction,
    fonction_libelle: label,
    fonction_titre: upperFirst(label),
    college: text(d.college),
    titulaire: d.titulaire !== false,
    mandat: roleLabel(d.titulaire === false ? "suppleant" : "titulaire", base.genre),
    membre_bureau: d.fonction !== "administrateur",
  };
}

/** The object the statuts give the association on their date: the ACI is named only once it exists. */
function objetView(project: Project, missionCodes: readonly MissionCode[], territoryName: string | undefined, date: string | undefined) {
  const custom = text(project.association?.objet);
  if (custom) return { personnalise: true, texte: custom, points: [] as string[] };
  const aci = date !== undefined && rulesAt(date).aci.version !== null;
  // Before the ACI, its first missions name what a CPTS already did; a mission added by a later
  // text (the crisis mission) is left out until that text applies.
  const firstAci = textInForce("ACI_2019").date_effet ?? "";
  const horizon = date === undefined ? undefined : date > firstAci ? date : firstAci;
  const existed = (code: string) => horizon === undefined || (missionData(code)?.valid_from ?? "") <= horizon;
  const chosen = (missionCodes.length > 0 ? missionCodes : ACI_MISSIONS.filter((m) => m.socle).map((m) => m.code)).filter(existed);
  const objects = joinFr(chosen.map((c) => missionData(c)!.intitule_objet));
  const where = territoryName ? ` sur le territoire ${territoryName}` : "";
  const missions = aci
    ? `mettre en œuvre les missions prévues par l’accord conventionnel interprofessionnel en faveur des communautés professionnelles territoriales de santé, en particulier ${objects}${missionCodes.length > 0 ? "" : " (missions socles)"} ;`
    : `mettre en œuvre les actions du projet de santé${objects ? `, en particulier pour ${objects}` : ""} ;`;
  return {
    personnalise: false,
    texte:
      `L’association a pour objet de constituer et de faire vivre la communauté professionnelle territoriale de santé${where}, ` +
      `au sens de l’article L1434-12 du code de la santé publique. À ce titre, elle a pour missions de${NBSP}:`,
    points: [
      "réunir les professionnels de santé et les acteurs sanitaires, médico-sociaux et sociaux du territoire autour d’un projet de santé commun, l’élaborer, le mettre en œuvre et l’actualiser ;",
      missions,
      "représenter ses membres auprès de l’agence régionale de santé, de l’Assurance Maladie et des autres partenaires ;",
      "rechercher, recevoir et gérer les financements nécessaires à ces missions.",
    ],
  };
}

/** The offices of the bureau as the statuts define them (offices, not persons: the generic form). */
function bureauComposition(fonctions: readonly string[], parCollege: boolean): string[] {
  const out: string[] = [];
  for (const f of FONCTION_CODES) {
    if (!fonctions.includes(f) || f === "administrateur") continue;
    if (f === "vice_president") {
      out.push(parCollege ? "un vice-président pour chaque collège qui n’est pas représenté par le président" : "un vice-président");
    } else {
      out.push(`un ${fonctionLabel(f, null)}`);
    }
  }
  return out;
}

/** The legal state of the association as a noun phrase: « association « X », déclarée le 10 juin 2014 ». */
function etatTexte(
  etat: string | undefined,
  denomination: string | undefined,
  droitLocal: boolean,
  declared: DatedText,
  siren: string | undefined,
  agDate: DatedText,
  reference: string | undefined,
): string | undefined {
  const agFuture = agDate.iso && (!reference || agDate.iso > reference);
  const ag = agDate.texte ? `${NBSP}; assemblée générale constitutive ${agFuture ? "prévue" : "tenue"} le ${agDate.texte}` : "";
  switch (etat) {
    case "a_creer":
      return `association à créer${ag}`;
    case "en_cours":
      return `statuts de l’association en préparation${ag}`;
    case "declaree": {
      const name = denomination ? `association «${NBSP}${denomination}${NBSP}»` : "association";
      const how = droitLocal ? "inscrite au registre des associations" : "déclarée";
      const since = declared.texte ? ` le ${declared.texte}` : "";
      const id = siren ? `, SIREN ${siren}` : "";
      return `${name}, ${how}${since}${id}`;
    }
    default:
      return undefined;
  }
}

function signatories(droitLocal: boolean, fondateurs: readonly PersonView[], dirigeants: readonly DirigeantView[], min: number): SignatoryView[] {
  if (droitLocal) {
    const out: SignatoryView[] = fondateurs.map((f) => {
      const role = roleLabel("membre_fondateur", f.genre);
      return { nom: f.nom_complet, qualite: f.profession_texte ? `${role}, ${f.profession_texte}` : role, manquant: "membre fondateur (association.fondateurs)" };
    });
    for (let i = out.length; i < min; i++) {
      out.push({ nom: undefined, qualite: "membre fondateur", manquant: `membre fondateur n°${NBSP}${i + 1} (association.fondateurs)` });
    }
    return out;
  }
  const wanted = ["president", "secretaire", "tresorier"];
  const chosen = wanted.map((f) => dirigeants.find((d) => d.fonction === f)).filter((d): d is DirigeantView => d !== undefined);
  for (const d of dirigeants) if (chosen.length < 2 && !chosen.includes(d)) chosen.push(d);
  const out: SignatoryView[] = chosen.map((d) => ({ nom: d.nom_complet, qualite: d.fonction_libelle, manquant: "dirigeant (association.dirigeants)" }));
  for (let i = out.length; i < 2; i++) {
    out.push({ nom: undefined, qualite: undefined, manquant: `dirigeant signataire n°${NBSP}${i + 1} (association.dirigeants)` });
  }
  return out;
}

function membersView(a: AssociationAnswers): AssociationView["membres"] {
  const categoriesMembres = (a.membres?.categories ?? []).map((c) => ({
    nom: c.nom,
    description: c.description,
    description_suite: completion(c.description) ?? c.description,
    voix: c.voix,
    voix_texte: c.voix === "deliberative" ? "avec voix délibérative" : c.voix === "consultative" ? "avec voix consultative" : undefined,
    dispensee_de_cotisation: c.dispensee_de_cotisation === true,
  }));
  const votants = categoriesMembres.filter((c) => c.voix === "deliberative").map((c) => `les ${c.nom}`);
  // « Seuls » says that some members do not vote; it would be false when every category votes.
  const restricted = votants.length < categoriesMembres.length;
  return {
    categories: categoriesMembres,
    admission: text(a.membres?.admission),
    perte_qualite: (a.membres?.perte_qualite ?? []).map(lowerInitial).filter((x): x is string => x !== undefined),
    votants: votants.length > 0 ? `${restricted ? "seuls " : ""}${joinFr(votants)}` : undefined,
  };
}

/**
 * Who pays the cotisation and who the assembly gathers, from the categories the statuts exempt:
 * every article that speaks of the cotisation says the same. With every category exempt, no
 * sentence can say who pays: valider reports it, and the articles speak of all members.
 */
function cotisationWords(a: AssociationAnswers): { payeurs: string; dispense_phrase: string | undefined; composition: string } {
  const categories = a.membres?.categories ?? [];
  const exempt = categories.filter((c) => c.dispensee_de_cotisation === true).map((c) => `les ${c.nom}`);
  const paying = categories.filter((c) => c.dispensee_de_cotisation !== true).map((c) => `les ${c.nom}`);
  if (exempt.length === 0 || paying.length === 0)
    return { payeurs: "Les membres", dispense_phrase: undefined, composition: "tous les membres de l’association à jour de leur cotisation" };
  // « les … »: every category is named in the plural, as « les membres actifs » in the article on votes.
  const exemptText = joinFr(exempt);
  return {
    payeurs: upperFirst(joinFr(paying)),
    dispense_phrase: `${upperFirst(exemptText)} en sont dispensés.`,
    composition: `${joinFr(paying)} à jour de leur cotisation, ainsi que ${exemptText}, qui en sont dispensés`,
  };
}

function collegeView(c: College): AssociationView["colleges"][number] {
  const seats = [
    c.titulaires !== undefined ? plural(c.titulaires, "titulaire") : undefined,
    // A collège without suppléants elects its titulaires only: « 0 suppléant » is not written.
    c.suppleants !== undefined && c.suppleants > 0 ? plural(c.suppleants, "suppléant") : undefined,
  ].filter((s): s is string => s !== undefined);
  return {
    nom: c.nom,
    composition: lowerInitial(c.composition),
    professions_texte: c.professions?.length ? joinFr(c.professions.map((p) => professionLabel(p, 2).toLocaleLowerCase("fr-FR"))) : undefined,
    categories_texte: c.categories?.length
      ? joinFr(c.categories.map((k) => lowerInitial(ACTOR_CATEGORIES.find((x) => x.code === k)?.libelle ?? k)!))
      : undefined,
    sieges_texte: seats.length > 0 ? joinFr(seats) : undefined,
  };
}

function boardView(ca: NonNullable<Association["conseil_administration"]>, dirigeants: DirigeantView[]): AssociationView["conseil_administration"] {
  return {
    composition: text(ca.composition),
    composition_suite: completion(ca.composition),
    duree_mandat_texte: ca.duree_mandat_ans !== undefined ? yearsInWords(ca.duree_mandat_ans) : undefined,
    reunions_texte: ca.reunions_par_an !== undefined ? `au moins ${numberInWords(ca.reunions_par_an, true)}${NBSP}fois par an` : undefined,
    quorum: quorumWords(ca.quorum, "le conseil d’administration"),
    majorite: majorityWords(ca.majorite),
    membres: dirigeants,
  };
}

function bureauView(bureau: NonNullable<Association["bureau"]>, dirigeants: DirigeantView[]): AssociationView["bureau"] {
  const composition = bureauComposition(bureau.fonctions ?? [], bureau.vice_president_par_college === true);
  return {
    composition,
    composition_texte: composition.length > 0 ? joinFr(composition) : undefined,
    vice_president_par_college: bureau.vice_president_par_college === true,
    presidence_tournante: bureau.presidence_tournante === true,
    duree_mandat_texte: bureau.duree_mandat_ans !== undefined ? yearsInWords(bureau.duree_mandat_ans) : undefined,
    membres: dirigeants.filter((x) => x.membre_bureau),
    president: dirigeants.find((x) => x.fonction === "president"),
  };
}

function assembliesView(assemblies: Association["assemblee_generale"]): Omit<AssociationView["assemblee_generale"], "composition"> {
  const ago = assemblies?.ordinaire ?? {};
  const age = assemblies?.extraordinaire ?? {};
  const convocation = (days: number | undefined) =>
    days !== undefined
      ? `Les membres sont convoqués par écrit ${daysInWords(days)} au moins avant la date de la réunion${NBSP}; la convocation indique l’ordre du jour.`
      : undefined;
  const procurations = assemblies?.procurations_max;
  return {
    ordinaire: {
      frequence: text(ago.frequence),
      convocation_texte: convocation(ago.convocation_jours),
      quorum: quorumWords(ago.quorum, "l’assemblée générale ordinaire"),
      majorite: majorityWords(ago.majorite),
    },
    extraordinaire: {
      convocation_texte: convocation(age.convocation_jours),
      quorum: quorumWords(age.quorum, "l’assemblée générale extraordinaire"),
      majorite: majorityWords(age.majorite),
    },
    procurations_texte:
      procurations === undefined
        ? undefined
        : procurations === 0
          ? "Le vote par procuration n’est pas admis."
          : `Un membre peut se faire représenter par un autre membre au moyen d’un pouvoir écrit${NBSP}; un membre présent ne peut détenir plus ${procurations === 1 ? "d’un" : `de ${numberInWords(procurations)}`}${NBSP}pouvoir${procurations > 1 ? "s" : ""}.`,
  };
}

function durationView(duree: Association["duree"]): AssociationView["duree"] {
  return {
    valeur: duree,
    texte:
      duree === "illimitee"
        ? "L’association est constituée pour une durée illimitée."
        : typeof duree === "number"
          ? `L’association est constituée pour une durée de ${yearsInWords(duree)}.`
          : undefined,
  };
}

/**
 * « le 3 mars 2015 (transfert du siège) »: an amendment with what it changed, when the file says;
 * every change the file records on that date, as one assembly may vote several.
 */
function modificationWords(project: Project, date: string): string {
  const whats = (project.association?.statuts?.modifications ?? [])
    .filter((m) => m.date === date)
    .map((m) => text(m.objet))
    .filter((what): what is string => Boolean(what));
  return `le ${dated(date).texte}${whats.length ? ` (${joinFr(whats)})` : ""}`;
}

/** The dates of the statuts and the rules that hold on the date of this version. */
function statutsView(project: Project): AssociationView["statuts"] {
  const { adoption, modifications } = statutsDates(project);
  const own = documentDate(project, "statuts");
  const date = dated(modifications.at(-1) ?? adoption ?? own?.date);
  const regles = rulesView(date.iso);
  const texte = statutsDatesText(project);
  return {
    adoption: dated(adoption),
    modifications: modifications.map(dated),
    texte,
    texte_suite: texte?.replace(/^Statuts /, ""),
    phrase: adoption
      ? `Ses statuts ont été adoptés le ${dated(adoption).texte}${modifications.length ? ` et modifiés ${joinFr(modifications.map((d) => modificationWords(project, d)))}` : ""}.`
      : undefined,
    date,
    regles,
    cite_forme_cpts: regles?.textes["ORDONNANCE_2021_584"] === true,
  };
}

/** Articles after the assemblies: the indemnisation article is there only when the statuts may speak of it. */
function articleNumbers(withIndemnisation: boolean): ArticleNumbers {
  let next = 14;
  const indemnisation = withIndemnisation ? next++ : undefined;
  return { conseil: 10, bureau: 11, ag_ordinaire: 12, ag_extraordinaire: 13, indemnisation, reglement_interieur: next, dissolution: next + 1, formalites: next + 2 };
}

/**
 * What the statuts say of indemnities on their date: before the ordonnance of 12 May 2021 a CPTS
 * could not pay its members, so a « yes » has no article (valider reports the text relied on too
 * early); after it, the conditions and the cap exist only with the décret of 16 March 2022.
 */
function indemnisationArticle(choice: boolean | undefined, regles: RulesView | undefined): AssociationView["indemnisation_article"] {
  const conditions = regles?.textes["DECRET_2022_375"] === true;
  if (choice === false) return { cas: "aucune", conditions_fixees: conditions };
  if (choice === undefined) return { cas: "a_choisir", conditions_fixees: conditions };
  return { cas: regles === undefined || regles.indemnisation_possible ? "versements" : undefined, conditions_fixees: conditions };
}

/** The resources as the statuts name them: the ACI only once it exists. */
function resourcesView(codes: readonly string[], regles: RulesView | undefined): string[] {
  return codes.map((r) => (r === "aci" && regles !== undefined && !regles.aci ? "les financements de l’Assurance Maladie" : (RESSOURCES[r] ?? r)));
}

export interface AssociationContext {
  droitLocal: boolean;
  cpts: CptsView;
  /** The missions chosen, for the object of the association (the socle missions without any). */
  chosenCodes: readonly MissionCode[];
  /** « de la Communauté d’agglomération bergeracoise »: the territory with its preposition. */
  territoryDe: string | undefined;
}

function sortedDirigeants(a: AssociationAnswers, droitLocal: boolean): DirigeantView[] {
  return [...(a.dirigeants ?? [])]
    .map((x, i) => ({ x, i }))
    .sort((p, q) => FONCTION_CODES.indexOf(p.x.fonction) - FONCTION_CODES.indexOf(q.x.fonction) || p.i - q.i)
    .map(({ x }) => dirigeant(x, droitLocal));
}

/** The association as the statuts, the procès-verbaux, the list of dirigeants and the declaration state it. */
export function associationSection(project: Project, context: AssociationContext): AssociationView {
  const { droitLocal, cpts } = context;
  const a = project.association ?? {};
  const denomination = text(a.denomination);
  const fondateurs = (a.fondateurs ?? []).map((f) => person(f, droitLocal));
  const dirigeants = sortedDirigeants(a, droitLocal);
  const agDate = dated(a.ag_constitutive?.date ?? project.calendrier?.ag_constitutive);
  const declared = dated(project.calendrier?.declaration_association).iso ? dated(project.calendrier?.declaration_association) : cpts.date_creation;
  const statuts = statutsView(project);
  const indemnisation = indemnisationArticle(a.indemnisation_membres, statuts.regles);
  const min = minimumFounders(projectRegime(project));
  const parcours = projectParcours(project);
  const fondateursLabel = roleLabel("membre_fondateur", fondateurs.length > 0 ? fondateurs.map((f) => f.genre) : [null, null]);
  const signers = signatories(droitLocal, fondateurs, dirigeants, min);
  const cotisation = cotisationWords(a);
  const association: AssociationView = {
    etat: a.etat,
    etat_texte: etatTexte(a.etat, denomination, droitLocal, declared, cpts.siren, agDate, dated(project.lettre_intention?.date).iso),
    parcours,
    existante: parcours === "existante",
    denomination,
    rna: text(a.rna),
    siren: cpts.siren,
    droit_local: droitLocal,
    forme: droitLocal
      ? "association de droit local régie par les articles 21 à 79-III du code civil local"
      : "association régie par la loi du 1er juillet 1901 et le décret du 16 août 1901",
    droit_local_details: {
      regime: "articles 21 à 79-III du code civil local, maintenus en vigueur dans les départements du Bas-Rhin, du Haut-Rhin et de la Moselle",
      inscription: "registre des associations du tribunal judiciaire dans le ressort duquel se trouve le siège",
      fondateurs_min: min,
      fondateurs_min_texte: numberInWords(min),
      fondateurs_manquants: droitLocal ? Math.max(0, min - fondateurs.length) : 0,
    },
    siege: address(a.siege?.adresse, a.siege?.code_postal, a.siege?.commune),
    siege_departement: siegeDepartement(project),
    statuts,
    declaration_initiale: declared,
    articles: articleNumbers(indemnisation.cas !== undefined),
    objet: objetView(project, context.chosenCodes, context.territoryDe, statuts.date.iso),
    duree: durationView(a.duree),
    membres: membersView(a),
    colleges_nombre_texte: a.colleges?.length ? `${numberInWords(a.colleges.length)}${NBSP}collège${a.colleges.length > 1 ? "s" : ""}` : undefined,
    colleges: (a.colleges ?? []).map(collegeView),
    cotisation: {
      euros: a.cotisation?.montant,
      montant_texte: a.cotisation?.montant !== undefined ? formatAmount(a.cotisation.montant) : undefined,
      fixee_par: a.cotisation?.fixee_par ? COTISATION_FIXEE_PAR[a.cotisation.fixee_par] : undefined,
      fixee_par_ag: a.cotisation?.fixee_par !== "conseil_administration",
      commentaire: text(a.cotisation?.commentaire),
      payeurs: cotisation.payeurs,
      dispense_phrase: cotisation.dispense_phrase,
    },
    conseil_administration: boardView(a.conseil_administration ?? {}, dirigeants),
    bureau: bureauView(a.bureau ?? {}, dirigeants),
    assemblee_generale: { composition: cotisation.composition, ...assembliesView(a.assemblee_generale) },
    ressources: resourcesView(a.ressources ?? [], statuts.regles),
    indemnisation: a.indemnisation_membres,
    indemnisation_article: indemnisation,
    reglement_interieur: a.reglement_interieur,
    devolution: completion(a.dissolution?.devolution),
    fondateurs,
    fondateurs_libelle: fondateursLabel,
    fondateurs_feminin: groupGenre(fondateurs.map((f) => f.genre)) === "feminin",
    fondateurs_nombre_texte: numberInWords(fondateurs.length, groupGenre(fondateurs.map((f) => f.genre)) === "feminin"),
    dirigeants,
    dirigeants_feminin: groupGenre(dirigeants.map((d) => d.genre)) === "feminin",
    signataires_statuts: signers,
    signataires_statuts_paires: pairs(signers),
    signataires_statuts_titre: droitLocal
      ? `Signatures des ${fondateursLabel} (${numberInWords(min)} au moins)`
      : "Signatures de deux personnes au moins chargées de l’administration de l’association",
  };
  if (!droitLocal) {
    for (const f of association.fondateurs) f.naissance = undefined;
  }
  return association;
}

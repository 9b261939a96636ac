/**
 * The association section (statuts, procès-verbal): legal form, object, members, collèges,
 * governing bodies and their rules in words, the constitutive general meeting, signatories.
 */
import {
  NBSP,
  daysInWords,
  formatAmount,
  hourText,
  joinFr,
  lowerFirst,
  numberInWords,
  plural,
  upperFirst,
  yearsInWords,
} from "../../french/index.js";
import type { Association, College, Dirigeant, Project } from "../../project/index.js";
import { ACI_MISSIONS, type MissionCode } from "../aci.js";
import { DROIT_LOCAL_MIN_FOUNDERS, siegeDepartement } from "../association.js";
import { ACTOR_CATEGORIES } from "../categories.js";
import { mission as missionData } from "../missions.js";
import { professionLabel } from "../professions.js";
import {
  address,
  completion,
  dated,
  lowerInitial,
  person,
  text,
  type AddressView,
  type DatedText,
  type PersonView,
} from "./common.js";
import type { CptsView } from "./identity.js";
import { COTISATION_FIXEE_PAR, FONCTION_ORDER, FONCTIONS, RESSOURCES } from "./labels.js";
import { majorityWords, quorumWords, type RuleWords } from "./wording.js";

type AssociationAnswers = NonNullable<Project["association"]>;

export interface DirigeantView extends PersonView {
  fonction: string;
  /** « président », « vice-président », « administrateur ». */
  fonction_libelle: string;
  /** « Président », for the start of a table cell. */
  fonction_titre: string;
  college: string | undefined;
  titulaire: boolean;
  /** « titulaire » or « suppléant ». */
  mandat: string;
  membre_bureau: boolean;
}

export interface AssociationView {
  etat: string | undefined;
  etat_texte: string | undefined;
  denomination: string | undefined;
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
    }[];
    admission: string | undefined;
    perte_qualite: string[];
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
    /** True when the assemblée générale sets the amount. */
    fixee_par_ag: boolean;
    commentaire: string | undefined;
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
    ordinaire: { frequence: string | undefined; convocation_texte: string | undefined; quorum: RuleWords; majorite: RuleWords };
    extraordinaire: { convocation_texte: string | undefined; quorum: RuleWords; majorite: RuleWords };
    procurations_texte: string | undefined;
  };
  ressources: string[];
  indemnisation: boolean | undefined;
  reglement_interieur: boolean | undefined;
  devolution: string | undefined;
  ag_constitutive: {
    date: DatedText;
    heure: string | undefined;
    lieu: string | undefined;
    presents: number | undefined;
    presents_texte: string | undefined;
    representes: number | undefined;
    representes_texte: string | undefined;
    total_texte: string | undefined;
    president_seance: string | undefined;
    secretaire_seance: string | undefined;
  };
  fondateurs: PersonView[];
  dirigeants: DirigeantView[];
  /** Who signs the statuts: seven founders or more under droit local, else the main officers. */
  signataires_statuts: { nom: string | undefined; qualite: string | undefined; manquant: string }[];
}

function dirigeant(d: Dirigeant, droitLocal: boolean): DirigeantView {
  const label = FONCTIONS[d.fonction] ?? d.fonction;
  return {
    ...person(d, droitLocal),
    fonction: d.fonction,
    fonction_libelle: label,
    fonction_titre: upperFirst(label),
    college: text(d.college),
    titulaire: d.titulaire !== false,
    mandat: d.titulaire === false ? "suppléant" : "titulaire",
    membre_bureau: d.fonction !== "administrateur",
  };
}

function objetView(project: Project, missionCodes: readonly MissionCode[], territoryName: string | undefined) {
  const custom = text(project.association?.objet);
  if (custom) return { personnalise: true, texte: custom, points: [] as string[] };
  const chosen = missionCodes.length > 0 ? missionCodes : ACI_MISSIONS.filter((m) => m.socle).map((m) => m.code);
  const objects = chosen.map((c) => missionData(c)!.intitule_objet);
  const where = territoryName ? ` sur le territoire de ${territoryName}` : "";
  return {
    personnalise: false,
    texte:
      `L’association a pour objet de constituer et de faire vivre la communauté professionnelle territoriale de santé${where}, ` +
      "au sens de l’article L1434-12 du code de la santé publique. À ce titre, elle a pour missions de\u00a0:",
    points: [
      "réunir les professionnels de santé et les acteurs sanitaires, médico-sociaux et sociaux du territoire autour d’un projet de santé commun, l’élaborer, le mettre en œuvre et l’actualiser ;",
      `mettre en œuvre les missions prévues par l’accord conventionnel interprofessionnel en faveur des communautés professionnelles territoriales de santé, en particulier ${joinFr(objects)}${missionCodes.length > 0 ? "" : " (missions socles)"} ;`,
      "représenter ses membres auprès de l’agence régionale de santé, de l’Assurance Maladie et des autres partenaires ;",
      "rechercher, recevoir et gérer les financements nécessaires à ces missions.",
    ],
  };
}

function bureauComposition(fonctions: readonly string[], parCollege: boolean): string[] {
  const out: string[] = [];
  for (const f of FONCTION_ORDER) {
    if (!fonctions.includes(f)) continue;
    if (f === "vice_president") {
      out.push(parCollege ? "un vice-président pour chaque collège qui n’est pas représenté par le président" : "un vice-président");
    } else if (f !== "administrateur") {
      out.push(`un ${FONCTIONS[f]}`);
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

function signatories(
  droitLocal: boolean,
  fondateurs: readonly PersonView[],
  dirigeants: readonly DirigeantView[],
): { nom: string | undefined; qualite: string | undefined; manquant: string }[] {
  if (droitLocal) {
    const out = fondateurs.map((f) => ({
      nom: f.nom_complet,
      qualite: f.profession_libelle ? `membre fondateur, ${lowerFirst(f.profession_libelle)}` : "membre fondateur",
      manquant: "membre fondateur (association.fondateurs)",
    }));
    for (let i = out.length; i < DROIT_LOCAL_MIN_FOUNDERS; i++) {
      out.push({ nom: undefined, qualite: "membre fondateur", manquant: `membre fondateur n°${NBSP}${i + 1} (association.fondateurs)` });
    }
    return out;
  }
  const wanted = ["president", "secretaire", "tresorier"];
  const chosen = wanted.map((f) => dirigeants.find((d) => d.fonction === f)).filter((d): d is DirigeantView => d !== undefined);
  for (const d of dirigeants) if (chosen.length < 2 && !chosen.includes(d)) chosen.push(d);
  const out: { nom: string | undefined; qualite: string | undefined; manquant: string }[] = chosen.map((d) => ({
    nom: d.nom_complet,
    qualite: d.fonction_libelle,
    manquant: "dirigeant (association.dirigeants)",
  }));
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
  }));
  const votants = categoriesMembres.filter((c) => c.voix === "deliberative").map((c) => c.nom);
  return {
    categories: categoriesMembres,
    admission: text(a.membres?.admission),
    perte_qualite: (a.membres?.perte_qualite ?? []).map(lowerInitial).filter((x): x is string => x !== undefined),
    votants: votants.length > 0 ? joinFr(votants) : undefined,
  };
}

function collegeView(c: College): AssociationView["colleges"][number] {
  const seats = [
    c.titulaires !== undefined ? plural(c.titulaires, "titulaire") : undefined,
    c.suppleants !== undefined ? plural(c.suppleants, "suppléant") : undefined,
  ].filter((s): s is string => s !== undefined);
  return {
    nom: c.nom,
    composition: lowerInitial(c.composition),
    professions_texte: c.professions?.length ? joinFr(c.professions.map((p) => lowerFirst(professionLabel(p, 2)))) : undefined,
    categories_texte: c.categories?.length
      ? joinFr(c.categories.map((k) => lowerFirst(ACTOR_CATEGORIES.find((x) => x.code === k)?.libelle ?? k)))
      : undefined,
    sieges_texte: seats.length > 0 ? joinFr(seats) : undefined,
  };
}

function boardView(
  ca: NonNullable<Association["conseil_administration"]>,
  dirigeants: DirigeantView[],
): AssociationView["conseil_administration"] {
  return {
    composition: text(ca.composition),
    composition_suite: completion(ca.composition),
    duree_mandat_texte: ca.duree_mandat_ans !== undefined ? yearsInWords(ca.duree_mandat_ans) : undefined,
    reunions_texte:
      ca.reunions_par_an !== undefined ? `au moins ${numberInWords(ca.reunions_par_an, true)}${NBSP}fois par an` : undefined,
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

function assembliesView(assemblies: Association["assemblee_generale"]): AssociationView["assemblee_generale"] {
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
          : `Un membre peut se faire représenter par un autre membre au moyen d’un pouvoir écrit${NBSP}; un membre présent ne peut détenir plus de ${numberInWords(procurations)}${NBSP}pouvoir${procurations > 1 ? "s" : ""}.`,
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

function constitutiveMeetingView(ag: NonNullable<Association["ag_constitutive"]>, agDate: DatedText): AssociationView["ag_constitutive"] {
  return {
    date: agDate,
    heure: hourText(ag.heure),
    lieu: text(ag.lieu),
    presents: ag.presents,
    presents_texte: ag.presents !== undefined ? plural(ag.presents, "membre présent", "membres présents") : undefined,
    representes: ag.representes,
    representes_texte: ag.representes !== undefined ? plural(ag.representes, "membre représenté", "membres représentés") : undefined,
    total_texte:
      ag.presents !== undefined ? plural(ag.presents + (ag.representes ?? 0), "membre présent ou représenté", "membres présents ou représentés") : undefined,
    president_seance: text(ag.president_seance),
    secretaire_seance: text(ag.secretaire_seance),
  };
}

export interface AssociationContext {
  droitLocal: boolean;
  cpts: CptsView;
  /** The missions chosen, for the object of the association (the socle missions without any). */
  chosenCodes: readonly MissionCode[];
  territoryName: string | undefined;
}

/** The association as the statuts and the procès-verbal state it. */
export function associationSection(project: Project, context: AssociationContext): AssociationView {
  const { droitLocal, cpts } = context;
  const a = project.association ?? {};
  const denomination = text(a.denomination);
  const fondateurs = (a.fondateurs ?? []).map((f) => person(f, droitLocal));
  const dirigeants = [...(a.dirigeants ?? [])]
    .map((x, i) => ({ x, i }))
    .sort((p, q) => FONCTION_ORDER.indexOf(p.x.fonction) - FONCTION_ORDER.indexOf(q.x.fonction) || p.i - q.i)
    .map(({ x }) => dirigeant(x, droitLocal));
  const ag = a.ag_constitutive ?? {};
  const agDate = dated(ag.date ?? project.calendrier?.ag_constitutive);
  const association: AssociationView = {
    etat: a.etat,
    etat_texte: etatTexte(
      a.etat,
      denomination,
      droitLocal,
      dated(project.calendrier?.declaration_association).iso ? dated(project.calendrier?.declaration_association) : cpts.date_creation,
      cpts.siren,
      agDate,
      dated(project.lettre_intention?.date).iso,
    ),
    denomination,
    droit_local: droitLocal,
    forme: droitLocal
      ? "association de droit local régie par les articles 21 à 79-III du code civil local"
      : "association régie par la loi du 1er juillet 1901 et le décret du 16 août 1901",
    droit_local_details: {
      regime: "articles 21 à 79-III du code civil local, maintenus en vigueur dans les départements du Bas-Rhin, du Haut-Rhin et de la Moselle",
      inscription: "registre des associations du tribunal judiciaire dans le ressort duquel se trouve le siège",
      fondateurs_min: DROIT_LOCAL_MIN_FOUNDERS,
      fondateurs_min_texte: numberInWords(DROIT_LOCAL_MIN_FOUNDERS),
      fondateurs_manquants: droitLocal ? Math.max(0, DROIT_LOCAL_MIN_FOUNDERS - fondateurs.length) : 0,
    },
    siege: address(a.siege?.adresse, a.siege?.code_postal, a.siege?.commune),
    siege_departement: siegeDepartement(project),
    objet: objetView(project, context.chosenCodes, context.territoryName),
    duree: durationView(a.duree),
    membres: membersView(a),
    colleges_nombre_texte: a.colleges?.length
      ? `${numberInWords(a.colleges.length)}${NBSP}collège${a.colleges.length > 1 ? "s" : ""}`
      : undefined,
    colleges: (a.colleges ?? []).map(collegeView),
    cotisation: {
      euros: a.cotisation?.montant,
      montant_texte: a.cotisation?.montant !== undefined ? formatAmount(a.cotisation.montant) : undefined,
      fixee_par: a.cotisation?.fixee_par ? COTISATION_FIXEE_PAR[a.cotisation.fixee_par] : undefined,
      fixee_par_ag: a.cotisation?.fixee_par === "assemblee_generale",
      commentaire: text(a.cotisation?.commentaire),
    },
    conseil_administration: boardView(a.conseil_administration ?? {}, dirigeants),
    bureau: bureauView(a.bureau ?? {}, dirigeants),
    assemblee_generale: assembliesView(a.assemblee_generale),
    ressources: (a.ressources ?? []).map((r) => RESSOURCES[r] ?? r),
    indemnisation: a.indemnisation_membres,
    reglement_interieur: a.reglement_interieur,
    devolution: completion(a.dissolution?.devolution),
    ag_constitutive: constitutiveMeetingView(ag, agDate),
    fondateurs,
    dirigeants,
    signataires_statuts: signatories(droitLocal, fondateurs, dirigeants),
  };
  if (!droitLocal) {
    for (const f of association.fondateurs) f.naissance = undefined;
  }
  return association;
}

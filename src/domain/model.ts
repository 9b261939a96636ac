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
 * src/territory's data.
 */
import {
  NBSP,
  daysInWords,
  formatAmount,
  formatNumber,
  hourText,
  joinFr,
  lowerFirst,
  numberInWords,
  plural,
  upperFirst,
  yearsInWords,
} from "../french/index.js";
import type {
  Acteur,
  Dirigeant,
  EffectifParProfession,
  FicheAction,
  IndicateurDiagnostic,
  Personne,
  Porteur,
  Project,
} from "../project/types.js";
import { ACI_DATA, ACI_MISSIONS, type MissionCode, type Taille, isMissionCode } from "./aci.js";
import { DROIT_LOCAL_MIN_FOUNDERS, isDroitLocal, siegeDepartement } from "./association.js";
import { addMonths, computeDeadlines, isValidIsoDate } from "./calendar.js";
import { ACTOR_CATEGORIES } from "./categories.js";
import { compare, densities } from "./diagnostic.js";
import { mission as missionData } from "./missions.js";
import { professionLabel } from "./professions.js";
import { projectTerritory } from "./project-territory.js";
import { financingView, type FinancingView } from "./model/financing-view.js";
import { dateText, departementWithDe, isoDate, majorityWords, quorumWords, type RuleWords } from "./model/french.js";
import {
  COTISATION_FIXEE_PAR,
  FONCTION_ORDER,
  FONCTIONS,
  MODE_EXERCICE,
  OUTILS_SI,
  PRIORITES,
  PROJECT_DATES,
  RESSOURCES,
  THEMES,
  TYPES_AIDE,
  TYPES_INDICATEUR,
} from "./model/labels.js";

export type { FinancingView } from "./model/financing-view.js";

/** Communes beyond this number go to a table in an annex of the letter. */
export const COMMUNES_INLINE_MAX = 12;

// ---------------------------------------------------------------------------------------------
// Types

export interface DatedText {
  /** ISO date `YYYY-MM-DD`. */
  iso: string | undefined;
  /** « 1er mars 2026 ». */
  texte: string | undefined;
}

export interface AddressView {
  adresse: string | undefined;
  code_postal: string | undefined;
  commune: string | undefined;
  /** « 24100 Bergerac ». */
  ville: string | undefined;
  /** « 15 rue des Vignerons, 24100 Bergerac »; undefined unless street, postcode and commune are known. */
  texte: string | undefined;
}

export interface PersonView {
  civilite: string | undefined;
  prenom: string | undefined;
  nom: string | undefined;
  /** « Mme Élodie Castaing »; undefined without first and last name. */
  nom_complet: string | undefined;
  /** « CASTAING Élodie », as lists for the préfecture write names. */
  nom_liste: string | undefined;
  profession: string | undefined;
  /** « Infirmier ». */
  profession_libelle: string | undefined;
  adresse: AddressView;
  nationalite: string | undefined;
  /** Birth date and place: ONLY filled under droit local, where the court asks for them. */
  naissance: { iso: string | undefined; texte: string | undefined; lieu: string | undefined } | undefined;
}

export interface PorteurView extends PersonView {
  mode_exercice: string | undefined;
  /** « exercice libéral ». */
  mode_exercice_libelle: string | undefined;
  /** « Infirmier, exercice libéral ». */
  exercice: string | undefined;
  structure: string | undefined;
  commune: string | undefined;
  /** « Cabinet infirmier du Pont-Vieux, Bergerac ». */
  lieu_exercice: string | undefined;
  courriel: string | undefined;
  telephone: string | undefined;
  /** « elodie.castaing@… – 05 36 49 10 21 ». */
  coordonnees: string | undefined;
  role: string | undefined;
  interlocuteur_principal: boolean;
  /** Placeholder labels that name the field to fill. */
  manquant: { nom: string; profession: string; coordonnees: string };
}

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

export interface CommuneView {
  code: string;
  nom: string;
  population: number | undefined;
  population_texte: string | undefined;
}

export interface IndicatorView {
  libelle: string;
  /** The label with a long unit in parentheses, for tables: « Densité… (pour 10 000 habitants) ». */
  libelle_tableau: string;
  valeur: number;
  unite: string | undefined;
  /** « 13,1 % », « 412 patients ». */
  valeur_texte: string;
  /** The value as a table cell: the unit is kept only when it is « % ». */
  valeur_cellule: string;
  annee: number;
  source: string;
  /** « INSEE, recensement de la population, 2016 ». */
  source_annee: string;
  theme: string;
  references: { departement: string | undefined; region: string | undefined; france: string | undefined };
  a_references: boolean;
  comparaisons: { niveau: string; libelle: string; valeur_texte: string; sens: string; ecart_texte: string }[];
  /** « valeur inférieure à celle du département (13,9 %), supérieure à celles de la région (11,7 %) et de la France (9,3 %) ». */
  comparaison: string | undefined;
  /** The same as a sentence: « Valeur inférieure … (9,3 %). » */
  comparaison_texte: string | undefined;
  commentaire: string | undefined;
}

export interface ActorGroupView {
  code: string;
  libelle: string;
  description: string;
  liberaux: boolean;
  /** For `liberaux`: one line per profession. */
  professionnels: {
    profession: string;
    libelle: string;
    effectif: number;
    /** « 31 médecins généralistes ». */
    texte: string;
    precision: string | undefined;
    /** Number practising on the territory (diagnostic.effectifs), when known. */
    effectif_territoire: number | undefined;
  }[];
  acteurs: { nom: string; type: string | undefined; commune: string | undefined; commentaire: string | undefined; texte: string }[];
}

export interface ActorsView {
  categories: ActorGroupView[];
  /** The liberal professionals’ group, when there is one. */
  liberaux: ActorGroupView | undefined;
  /** Every other category. */
  autres: ActorGroupView[];
  nombre_professionnels: number;
  /** « 176 professionnels de santé libéraux ». */
  professionnels_texte: string | undefined;
  renseigne: boolean;
}

export interface IndicatorActionView {
  libelle: string;
  type: string | undefined;
  type_libelle: string | undefined;
  valeur_initiale: string | undefined;
  cible: string | undefined;
  echeance: DatedText;
  source: string | undefined;
  /** « valeur initiale : 412 ; cible : 150 au plus (échéance : 15 mars 2022) ; source : … ». */
  detail: string | undefined;
}

export interface DeadlineCheck {
  /** True when the ACI fixes deadlines for the mission and the contract is signed. */
  verifiable: boolean;
  demarrage: DatedText;
  deploiement: DatedText;
  debut_conforme: boolean | undefined;
  fin_conforme: boolean | undefined;
  /** The ACI deadlines of the mission and how the action stands, in words. */
  texte: string;
}

export interface ActionView {
  numero: string;
  intitule: string;
  objectif: string | undefined;
  public: string | undefined;
  pilote: string | undefined;
  partenaires: string[];
  partenaires_texte: string | undefined;
  moyens: string | undefined;
  debut: DatedText;
  fin: DatedText;
  calendrier_commentaire: string | undefined;
  /** « Du 4 mai 2020 au 15 septembre 2021 »; undefined unless both dates are known. */
  calendrier_texte: string | undefined;
  indicateurs: IndicatorActionView[];
  echeances_aci: DeadlineCheck;
  manquant: {
    objectif: string;
    public: string;
    pilote: string;
    partenaires: string;
    moyens: string;
    calendrier: string;
    debut: string;
    fin: string;
    indicateurs: string;
  };
}

export interface MissionView {
  code: string;
  numero: number;
  libelle: string;
  socle: boolean;
  /** « mission socle » or « mission optionnelle ». */
  statut: string;
  description: string;
  intitule_objet: string;
  article_csp: string;
  delai_demarrage_mois: number | undefined;
  delai_deploiement_mois: number | undefined;
  /** « démarrage au plus tard 6 mois et plein déploiement au plus tard 18 mois après la signature du contrat ». */
  delais_texte: string;
  echeance_demarrage: DatedText;
  echeance_deploiement: DatedText;
  objectifs: string[];
  actions: ActionView[];
  groupes: string[];
  /** Health needs of the diagnostic linked to this mission (their titles). */
  besoins: string[];
  /** « « Patients sans médecin traitant » et « Soins non programmés en ville » ». */
  besoins_texte: string | undefined;
  manquant: { objectifs: string; actions: string };
}

export interface MilestoneView {
  /** Code of a regulatory deadline (`VALIDATION_TACITE_PDS`, `DEMARRAGE_ACCES`…), or the project key. */
  code: string;
  iso: string | undefined;
  /** « 15 mars 2020 », or « fixé dans le contrat » / « à dater » for an undated step. */
  date_texte: string;
  libelle: string;
  /** « Étape du projet » or « Échéance réglementaire ». */
  nature: string;
  note: string | undefined;
}

export interface DocumentModel {
  document: {
    date: DatedText;
    lieu: string | undefined;
  };
  cpts: {
    nom: string;
    sigle: string | undefined;
    /** Sigle if any, else the name. */
    nom_court: string;
    /** « la CPTS du Pôle de Santé de Bergerac » (with its article). */
    nom_avec_article: string;
    date_creation: DatedText;
    historique: string | undefined;
    siren: string | undefined;
    site_internet: string | undefined;
  };
  porteurs: PorteurView[];
  interlocuteur: PorteurView | undefined;
  /** « cinq professionnels de santé ». */
  porteurs_nombre_texte: string | undefined;
  /** « 2 infirmiers, 1 médecin généraliste… » among the porteurs. */
  porteurs_professions_texte: string | undefined;
  territoire: {
    nom: string | undefined;
    resolu: boolean;
    communes: CommuneView[];
    nombre_communes: number | undefined;
    /** « 38 communes ». */
    nombre_communes_texte: string | undefined;
    communes_texte: string | undefined;
    communes_en_annexe: boolean;
    population: number | undefined;
    /** « 61 915 ». */
    population_texte: string | undefined;
    /** « population municipale, données 2023 ». */
    population_libelle: string | undefined;
    population_annee: number | undefined;
    departements: { code: string; nom: string; nom_avec_de: string }[];
    departements_texte: string | undefined;
    /** « du département de la Dordogne », « des départements de la Dordogne et de la Gironde ». */
    departements_de_texte: string | undefined;
    regions: { code: string; nom: string }[];
    regions_texte: string | undefined;
    taille: {
      code: Taille | undefined;
      numero: number | undefined;
      /** « taille 2 ». */
      libelle: string | undefined;
      /** « de 40 000 à 80 000 habitants ». */
      tranche: string | undefined;
    };
    superficie: number | undefined;
    /** « 579 km² ». */
    superficie_texte: string | undefined;
    /** « 107 habitants au km² ». */
    densite_texte: string | undefined;
    justification: string | undefined;
    coherence_cpts_voisines: string | undefined;
    ars: {
      nom: string | undefined;
      nom_long: string | undefined;
      /** « délégation départementale de la Dordogne ». */
      delegation: string | undefined;
      /** « Délégation départementale de la Dordogne ». */
      delegation_titre: string | undefined;
      autres: string[];
    };
    cpam: { noms: string[]; principale: string | undefined; texte: string | undefined };
    avertissements: string[];
  };
  diagnostic: {
    methode: string | undefined;
    indicateurs: IndicatorView[];
    themes: { code: string; libelle: string; indicateurs: IndicatorView[] }[];
    sources: string[];
    sources_texte: string | undefined;
    densites: {
      profession: string;
      libelle: string;
      effectif: number;
      effectif_texte: string;
      pour_10000: string | undefined;
      precision: string | undefined;
    }[];
    densites_total: string | undefined;
    effectifs_annee: number | undefined;
    effectifs_source: string | undefined;
    /** « 61 915 habitants (population municipale, données 2023) ». */
    densites_population: string | undefined;
    besoins: { intitule: string; description: string | undefined; priorite: string; mission: string | undefined }[];
    besoins_par_priorite: {
      code: string;
      libelle: string;
      /** « priorité haute ». */
      texte: string;
      besoins: { intitule: string; description: string | undefined; mission: string | undefined }[];
    }[];
    forces: string[];
    faiblesses: string[];
    coordination_existante: { nom: string; type: string | undefined; commune: string | undefined; commentaire: string | undefined; texte: string }[];
    renseigne: boolean;
  };
  acteurs: { engages: ActorsView; a_associer: ActorsView };
  missions: {
    retenues: MissionView[];
    socles: MissionView[];
    optionnelles: MissionView[];
    /** « une mission optionnelle », « deux missions optionnelles »; undefined when there is none. */
    optionnelles_texte: string | undefined;
    socles_manquantes: { code: string; libelle: string; manquant: string }[];
    /** « accès aux soins, parcours… » for a sentence. */
    retenues_texte: string | undefined;
    signature_aci: DatedText;
    nombre_actions: number;
  };
  association: {
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
  };
  lettre: {
    date: DatedText;
    lieu: string | undefined;
    soutien: {
      euros: number | undefined;
      montant_texte: string | undefined;
      types: string[];
      types_texte: string | undefined;
      commentaire: string | undefined;
    };
    gouvernance: string | undefined;
    coordination: string | undefined;
    pieces_jointes: string[];
    /** The porteurs, who sign the letter. */
    signataires: { nom: string | undefined; qualite: string | undefined; manquant: string }[];
  };
  organisation: {
    coordination: string | undefined;
    groupes_travail: { nom: string; mission: string | undefined; animateur: string | undefined; description: string | undefined }[];
    partenariats: string | undefined;
    place_usagers: string | undefined;
  };
  systeme_information: {
    outils: { type: string; type_libelle: string; nom: string | undefined; usage: string | undefined }[];
    commentaire: string | undefined;
  };
  communication: {
    actions: { intitule: string; public: string | undefined; frequence: string | undefined }[];
    commentaire: string | undefined;
  };
  evaluation: { modalites: string | undefined; instance: string | undefined };
  financement: {
    simulation: FinancingView | undefined;
    regles_versement: string[];
    autres: { origine: string; montant_texte: string; annee: number | undefined; objet: string | undefined }[];
    autres_total: string | undefined;
  };
  calendrier: {
    etapes: MilestoneView[];
    /** Dated steps only, earliest first. */
    etapes_datees: MilestoneView[];
    /** For the lettre d’intention: from its date on, the project’s steps and the tacit validation of the projet de santé. */
    etapes_lettre: MilestoneView[];
    /** The two-month rule of the projet de santé, as aci.json states it. */
    validation_tacite: string;
    plan_crise: string;
    duree_contrat: string;
  };
}

export interface ModelOptions {
  /** ISO date printed on the documents. */
  date?: string;
}

// ---------------------------------------------------------------------------------------------
// Small builders

const has = (s: unknown): s is string => typeof s === "string" && s.trim() !== "";
const text = (s: unknown): string | undefined => (has(s) ? s.trim() : undefined);

function dated(value: unknown): DatedText {
  const date = isoDate(value);
  const valid = date !== undefined && isValidIsoDate(date);
  return { iso: valid ? date : undefined, texte: valid ? dateText(date) : undefined };
}

function address(adresse?: string, codePostal?: string, commune?: string): AddressView {
  const a = text(adresse);
  const cp = text(codePostal);
  const c = text(commune);
  const ville = cp && c ? `${cp} ${c}` : c;
  return { adresse: a, code_postal: cp, commune: c, ville, texte: a && cp && c ? `${a}, ${cp} ${c}` : undefined };
}

/**
 * User text that completes a sentence of ours (« Il est attribué … »): its first letter lowered
 * unless its first word is an acronym, and a final full stop.
 */
function completion(value: string | undefined): string | undefined {
  const lowered = lowerInitial(value);
  if (!lowered) return undefined;
  return /[.!?…]$/.test(lowered) ? lowered : `${lowered}.`;
}

/** User text for a list item after « … par : »: first letter lowered unless the first word is an acronym. */
function lowerInitial(value: string | undefined): string | undefined {
  const t = text(value);
  if (!t) return undefined;
  const first = t.split(/[\s’'-]/)[0] ?? "";
  const acronym = first.length > 1 && first === first.toLocaleUpperCase("fr-FR");
  return acronym ? t : lowerFirst(t);
}

function profLabel(code: string | undefined, count = 1): string | undefined {
  return code ? professionLabel(code, count) : undefined;
}

function person(p: Partial<Personne> & { civilite?: string }, droitLocal: boolean): PersonView {
  const prenom = text(p.prenom);
  const nom = text(p.nom);
  const civ = text(p.civilite);
  const full = prenom && nom ? [civ, prenom, nom].filter(Boolean).join(" ") : undefined;
  const naissance = dated(p.date_naissance);
  return {
    civilite: civ,
    prenom,
    nom,
    nom_complet: full,
    nom_liste: prenom && nom ? `${nom.toLocaleUpperCase("fr-FR")} ${prenom}` : undefined,
    profession: p.profession,
    profession_libelle: profLabel(p.profession),
    adresse: address(p.adresse, p.code_postal, p.commune),
    nationalite: text(p.nationalite),
    naissance: droitLocal ? { iso: naissance.iso, texte: naissance.texte, lieu: text(p.lieu_naissance) } : undefined,
  };
}

function porteur(p: Porteur, index: number): PorteurView {
  const base = person({ ...p }, false);
  const mode = p.mode_exercice ? MODE_EXERCICE[p.mode_exercice] : undefined;
  const label = profLabel(p.profession);
  const lieu = [text(p.structure), text(p.commune)].filter(Boolean).join(", ");
  const contact = [text(p.courriel), text(p.telephone)].filter(Boolean).join(" – ");
  const where = `porteurs[${index}]`;
  return {
    ...base,
    adresse: address(),
    mode_exercice: p.mode_exercice,
    mode_exercice_libelle: mode,
    exercice: label ? (mode ? `${label}, ${mode}` : label) : undefined,
    structure: text(p.structure),
    commune: text(p.commune),
    lieu_exercice: lieu || undefined,
    courriel: text(p.courriel),
    telephone: text(p.telephone),
    coordonnees: contact || undefined,
    role: text(p.role),
    interlocuteur_principal: p.interlocuteur_principal === true,
    manquant: {
      nom: `prénom et nom du porteur n°${NBSP}${index + 1} (${where}.prenom, ${where}.nom)`,
      profession: `profession du porteur n°${NBSP}${index + 1} (${where}.profession)`,
      coordonnees: `courriel ou téléphone (${where}.courriel, ${where}.telephone)`,
    },
  };
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

function actorView(a: Acteur): ActorGroupView["acteurs"][number] {
  const details = [text(a.type), text(a.commune)].filter(Boolean).join(", ");
  return {
    nom: a.nom,
    type: text(a.type),
    commune: text(a.commune),
    commentaire: text(a.commentaire),
    texte: details ? `${a.nom} (${details})` : a.nom,
  };
}

function professionalsText(list: readonly { nombre: number; profession: string }[]): string[] {
  return list.map((e) => `${formatNumber(e.nombre)}${NBSP}${lowerFirst(professionLabel(e.profession, e.nombre))}`);
}

function actorsView(group: Record<string, unknown> | undefined, effectifs: readonly EffectifParProfession[]): ActorsView {
  const categories: ActorGroupView[] = [];
  let total = 0;
  for (const cat of ACTOR_CATEGORIES) {
    const list = (group?.[cat.code] as unknown[] | undefined) ?? [];
    if (list.length === 0) continue;
    if (cat.code === "liberaux") {
      const pros = (list as EffectifParProfession[]).map((e) => {
        total += e.nombre;
        return {
          profession: e.profession,
          libelle: professionLabel(e.profession, e.nombre),
          effectif: e.nombre,
          texte: professionalsText([e])[0]!,
          precision: text(e.precision),
          effectif_territoire: effectifs.find((x) => x.profession === e.profession)?.nombre,
        };
      });
      categories.push({ code: cat.code, libelle: cat.libelle, description: cat.description, liberaux: true, professionnels: pros, acteurs: [] });
    } else {
      categories.push({
        code: cat.code,
        libelle: cat.libelle,
        description: cat.description,
        liberaux: false,
        professionnels: [],
        acteurs: (list as Acteur[]).map(actorView),
      });
    }
  }
  return {
    categories,
    liberaux: categories.find((c) => c.liberaux),
    autres: categories.filter((c) => !c.liberaux),
    nombre_professionnels: total,
    professionnels_texte: total > 0 ? `${plural(total, "professionnel de santé libéral", "professionnels de santé libéraux")}` : undefined,
    renseigne: categories.length > 0,
  };
}

// ---------------------------------------------------------------------------------------------
// Diagnostic

const LEVEL_OF: Record<string, string> = { departement: "du département", region: "de la région", france: "de la France" };
const SENS_WORD: Record<string, string> = { superieur: "supérieure", inferieur: "inférieure", egal: "égale" };

function formatValue(value: number, unit: string | undefined): string {
  const n = formatNumber(value, 2);
  if (!unit) return n;
  return unit === "%" ? `${n}${NBSP}%` : `${n} ${unit}`;
}

/** « valeur inférieure à celle du département (13,9 %), supérieure à celles de la région (11,7 %) et de la France (9,3 %) ». */
function comparisonSentence(items: { niveau: string; sens: string; valeur_texte: string }[]): string | undefined {
  if (items.length === 0) return undefined;
  const groups: { sens: string; parts: string[] }[] = [];
  for (const c of items) {
    const part = `${LEVEL_OF[c.niveau]} (${c.valeur_texte})`;
    const last = groups[groups.length - 1];
    if (last && last.sens === c.sens) last.parts.push(part);
    else groups.push({ sens: c.sens, parts: [part] });
  }
  const phrases = groups.map((g) => `${SENS_WORD[g.sens]} à ${g.parts.length > 1 ? "celles" : "celle"} ${joinFr(g.parts)}`);
  return `valeur ${phrases.join(", ")}`;
}

/** The label of an indicator in a table whose cells hold bare numbers: the unit goes with the label. */
function tableLabel(libelle: string, unit: string | undefined): string {
  if (!unit || unit === "%" || libelle.toLocaleLowerCase("fr-FR").includes(unit.toLocaleLowerCase("fr-FR"))) return libelle;
  return libelle.trim().endsWith(")") ? `${libelle}, ${unit}` : `${libelle} (${unit})`;
}

function indicatorView(ind: IndicateurDiagnostic): IndicatorView {
  const unit = text(ind.unite);
  const inTable = (v: number) => (unit === "%" ? formatValue(v, unit) : formatNumber(v, 2));
  const refs = ind.references ?? {};
  const comparisons = compare(ind).map((c) => {
    const abs = Math.abs(c.ecart);
    const sign = c.ecart > 0 ? "+" : c.ecart < 0 ? "−" : "";
    const ecart =
      unit === "%"
        ? `${sign}${formatNumber(abs, 2)}${NBSP}point${abs >= 2 ? "s" : ""}`
        : `${sign}${formatNumber(abs, 2)}${unit ? ` ${unit}` : ""}`;
    return { niveau: c.niveau, libelle: c.libelle, valeur_texte: inTable(c.valeur), sens: c.sens, ecart_texte: ecart };
  });
  const source = ind.source.trim();
  return {
    libelle: ind.libelle,
    libelle_tableau: tableLabel(ind.libelle, unit),
    valeur: ind.valeur,
    unite: unit,
    valeur_texte: formatValue(ind.valeur, unit),
    valeur_cellule: inTable(ind.valeur),
    annee: ind.annee,
    source,
    source_annee: `${source}, ${ind.annee}`,
    theme: ind.theme ?? "autre",
    references: {
      departement: refs.departement !== undefined ? inTable(refs.departement) : undefined,
      region: refs.region !== undefined ? inTable(refs.region) : undefined,
      france: refs.france !== undefined ? inTable(refs.france) : undefined,
    },
    a_references: comparisons.length > 0,
    comparaisons: comparisons,
    comparaison: comparisonSentence(comparisons),
    comparaison_texte: comparisonSentence(comparisons) !== undefined ? `${upperFirst(comparisonSentence(comparisons)!)}.` : undefined,
    commentaire: text(ind.commentaire),
  };
}

// ---------------------------------------------------------------------------------------------
// Missions

/** Deadlines that cannot be dated: only the sentence that says why. */
function uncheckedDeadlines(texte: string): DeadlineCheck {
  const none: DatedText = { iso: undefined, texte: undefined };
  return { verifiable: false, demarrage: none, deploiement: none, debut_conforme: undefined, fin_conforme: undefined, texte };
}

function deadlineCheck(
  code: MissionCode,
  signature: string | undefined,
  debut: string | undefined,
  fin: string | undefined,
): DeadlineCheck {
  const info = missionData(code)!;
  const start = info.delai_demarrage_mois;
  const full = info.delai_deploiement_mois;
  if (start === null || full === null) {
    return uncheckedDeadlines("Mission optionnelle : les délais de démarrage et de déploiement sont fixés dans le contrat ACI.");
  }
  if (!signature) {
    return uncheckedDeadlines(
      `Démarrage de la mission au plus tard ${start}${NBSP}mois et plein déploiement au plus tard ${full}${NBSP}mois ` +
        "après la signature du contrat ACI.",
    );
  }
  const d1 = addMonths(signature, start);
  const d2 = addMonths(signature, full);
  const debutOk = debut ? debut <= d1 : undefined;
  const finOk = fin ? fin <= d2 : undefined;
  const base = `démarrage de la mission au plus tard le ${dateText(d1)}, plein déploiement au plus tard le ${dateText(d2)}`;
  let sentence: string;
  if (debutOk === true && finOk === true) {
    sentence = `Calendrier conforme aux échéances de l’ACI${NBSP}: ${base}.`;
  } else {
    sentence = `Échéances de l’ACI${NBSP}: ${base}.`;
    if (debutOk === false) {
      sentence += " L’action commence après l’échéance de démarrage : la mission doit avoir démarré à cette date par une autre action.";
    }
    if (finOk === false) sentence += " L’action s’achève après l’échéance de plein déploiement de la mission.";
    if (debutOk === undefined || finOk === undefined) sentence += " Les dates de l’action restent à préciser pour vérifier ces échéances.";
  }
  return {
    verifiable: true,
    demarrage: dated(d1),
    deploiement: dated(d2),
    debut_conforme: debutOk,
    fin_conforme: finOk,
    texte: sentence,
  };
}

function actionView(
  a: FicheAction,
  code: MissionCode,
  numero: string,
  where: string,
  signature: string | undefined,
): ActionView {
  const debut = dated(a.calendrier?.debut);
  const fin = dated(a.calendrier?.fin);
  const partenaires = (a.partenaires ?? []).map((p) => p.trim()).filter(Boolean);
  const indicateurs: IndicatorActionView[] = (a.indicateurs ?? []).map((i) => {
    const type = i.type ? TYPES_INDICATEUR[i.type] : undefined;
    const echeance = dated(i.echeance);
    const cible = text(i.cible);
    const parts = [
      text(i.valeur_initiale) !== undefined ? `valeur initiale${NBSP}: ${i.valeur_initiale!.trim()}` : undefined,
      cible !== undefined
        ? `cible${NBSP}: ${cible}${echeance.texte ? ` (échéance${NBSP}: ${echeance.texte})` : ""}`
        : echeance.texte
          ? `échéance${NBSP}: ${echeance.texte}`
          : undefined,
      text(i.source) !== undefined ? `source${NBSP}: ${i.source!.trim()}` : undefined,
    ].filter((x): x is string => x !== undefined);
    return {
      libelle: i.libelle,
      type: i.type,
      type_libelle: type,
      valeur_initiale: text(i.valeur_initiale),
      cible,
      echeance,
      source: text(i.source),
      detail: parts.length > 0 ? parts.join(`${NBSP}; `) : undefined,
    };
  });
  return {
    numero,
    intitule: a.intitule,
    objectif: text(a.objectif),
    public: text(a.public),
    pilote: text(a.pilote),
    partenaires,
    partenaires_texte: partenaires.length > 0 ? partenaires.join(`${NBSP}; `) : undefined,
    moyens: text(a.moyens),
    debut,
    fin,
    calendrier_commentaire: text(a.calendrier?.commentaire),
    calendrier_texte: debut.texte && fin.texte ? `Du ${debut.texte} au ${fin.texte}` : undefined,
    indicateurs,
    echeances_aci: deadlineCheck(code, signature, debut.iso, fin.iso),
    manquant: {
      objectif: `objectif de l’action (${where}.objectif)`,
      public: `public visé (${where}.public)`,
      pilote: `pilote de l’action (${where}.pilote)`,
      partenaires: `partenaires de l’action (${where}.partenaires)`,
      moyens: `moyens humains, matériels et financiers (${where}.moyens)`,
      calendrier: `dates de début et de fin de l’action (${where}.calendrier.debut, ${where}.calendrier.fin)`,
      debut: `date de début (${where}.calendrier.debut)`,
      fin: `date de fin (${where}.calendrier.fin)`,
      indicateurs: `indicateurs de suivi et cibles (${where}.indicateurs)`,
    },
  };
}

function delaysText(start: number | null, full: number | null): string {
  if (start === null || full === null) return "délais de démarrage et de déploiement choisis par la CPTS et fixés dans le contrat";
  return (
    `démarrage au plus tard ${start}${NBSP}mois et plein déploiement au plus tard ${full}${NBSP}mois ` +
    "après la signature du contrat"
  );
}

// ---------------------------------------------------------------------------------------------
// Association

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

// ---------------------------------------------------------------------------------------------
// The model

/** The view model of every document, for `project` printed on `options.date`. */
export function buildModel(project: Project, options: ModelOptions): DocumentModel {
  const documentDate = dated(options?.date);
  const droitLocal = isDroitLocal(project);
  const territory = projectTerritory(project);
  const summary = territory.summary;
  const t = project.territoire ?? {};

  // --- CPTS
  const nom = project.cpts.nom.trim();
  const startsWithName = /^(CPTS|Communauté)\b/i.test(nom);
  const cpts: DocumentModel["cpts"] = {
    nom,
    sigle: text(project.cpts.sigle),
    nom_court: text(project.cpts.sigle) ?? nom,
    nom_avec_article: startsWithName ? `la ${nom}` : `la CPTS «${NBSP}${nom}${NBSP}»`,
    date_creation: dated(project.cpts.date_creation),
    historique: text(project.cpts.historique),
    siren: text(project.cpts.siren),
    site_internet: text(project.cpts.site_internet),
  };

  // --- Porteurs
  const porteurs = (project.porteurs ?? []).map(porteur);
  const interlocuteur = porteurs.find((p) => p.interlocuteur_principal);
  const byProfession = new Map<string, number>();
  for (const p of project.porteurs ?? []) byProfession.set(p.profession, (byProfession.get(p.profession) ?? 0) + 1);

  // --- Territory
  const communes: CommuneView[] = (summary?.communes ?? [])
    .map((c) => ({
      code: c.code,
      nom: c.name,
      population: c.population ?? undefined,
      population_texte: c.population !== null ? formatNumber(c.population) : undefined,
    }))
    .sort((a, b) => a.nom.localeCompare(b.nom, "fr") || a.code.localeCompare(b.code));
  const departements = (summary?.departments ?? []).map((d) => ({ code: d.code, nom: d.name, nom_avec_de: departementWithDe(d.code, d.name) }));
  const mainDep = departements[0];
  const arsList = summary?.ars ?? [];
  const taille = territory.taille ?? undefined;
  const tailleEntry = taille ? ACI_DATA.taille(taille) : undefined;
  const population = summary?.population;
  const superficie = typeof t.superficie_km2 === "number" && t.superficie_km2 > 0 ? t.superficie_km2 : undefined;
  const cpamNames = [...new Set((summary?.cpam ?? []).map((c) => c.nom).filter((n): n is string => !!n))];
  const territoire: DocumentModel["territoire"] = {
    nom: text(t.nom),
    resolu: territory.facts.resolved,
    communes,
    nombre_communes: summary ? summary.communeCount : undefined,
    nombre_communes_texte: summary ? plural(summary.communeCount, "commune") : undefined,
    communes_texte: communes.length > 0 ? joinFr(communes.map((c) => c.nom)) : undefined,
    communes_en_annexe: communes.length > COMMUNES_INLINE_MAX,
    population,
    population_texte: population !== undefined ? formatNumber(population) : undefined,
    population_libelle: summary?.populationLabel,
    population_annee: summary?.populationYear ?? undefined,
    departements,
    departements_texte: departements.length > 0 ? joinFr(departements.map((d) => `${d.nom} (${d.code})`)) : undefined,
    departements_de_texte:
      departements.length === 0
        ? undefined
        : departements.length === 1
          ? `du département ${departements[0]!.nom_avec_de} (${departements[0]!.code})`
          : `des départements ${joinFr(departements.map((d) => `${d.nom_avec_de} (${d.code})`))}`,
    regions: (summary?.regions ?? []).map((r) => ({ code: r.code, nom: r.name })),
    regions_texte: summary && summary.regions.length > 0 ? joinFr(summary.regions.map((r) => r.name)) : undefined,
    taille: {
      code: taille,
      numero: tailleEntry?.numero,
      libelle: tailleEntry?.libelle.toLowerCase(),
      tranche: tailleEntry?.libelle_population,
    },
    superficie,
    superficie_texte: superficie !== undefined ? `${formatNumber(superficie)}${NBSP}km²` : undefined,
    densite_texte:
      superficie !== undefined && population !== undefined
        ? `${formatNumber(Math.round(population / superficie))}${NBSP}habitants au km²`
        : undefined,
    justification: text(t.justification),
    coherence_cpts_voisines: text(t.coherence_cpts_voisines),
    ars: {
      nom: arsList[0]?.nom,
      nom_long: arsList[0]?.nom_long,
      delegation: mainDep ? `délégation départementale ${mainDep.nom_avec_de}` : undefined,
      delegation_titre: mainDep ? `Délégation départementale ${mainDep.nom_avec_de}` : undefined,
      autres: arsList.slice(1).map((a) => a.nom),
    },
    cpam: { noms: cpamNames, principale: cpamNames[0], texte: cpamNames.length > 0 ? joinFr(cpamNames) : undefined },
    avertissements: territory.findings.filter((f) => f.severity !== "info").map((f) => f.message),
  };

  // --- Diagnostic
  const d = project.diagnostic ?? {};
  const indicateurs = (d.indicateurs ?? []).map(indicatorView);
  const themes = THEMES.map((th) => ({ code: th.code, libelle: th.libelle, indicateurs: indicateurs.filter((i) => i.theme === th.code) })).filter(
    (th) => th.indicateurs.length > 0,
  );
  const sources = [...new Set(indicateurs.map((i) => i.source))].map((s) => {
    const years = [...new Set(indicateurs.filter((i) => i.source === s).map((i) => i.annee))].sort((a, b) => a - b);
    return `${s} (${joinFr(years.map(String))})`;
  });
  const effectifs = d.effectifs ?? [];
  const dens = densities(effectifs, population);
  const totalEffectifs = effectifs.reduce((n, e) => n + e.nombre, 0);
  const missionLabel = (code: string | undefined) => (code && isMissionCode(code) ? missionData(code)!.libelle : undefined);
  const besoins = (d.besoins ?? []).map((b) => ({
    intitule: b.intitule,
    description: text(b.description),
    priorite: b.priorite ?? "",
    mission: missionLabel(b.mission),
  }));
  const diagnostic: DocumentModel["diagnostic"] = {
    methode: text(d.methode),
    indicateurs,
    themes,
    sources,
    sources_texte: sources.length > 0 ? joinFr(sources) : undefined,
    densites: dens.map((x, i) => ({
      profession: x.profession,
      libelle: x.libelle,
      effectif: x.nombre,
      effectif_texte: formatNumber(x.nombre),
      pour_10000: x.pour_10000 !== null ? x.pour_10000.toFixed(1).replace(".", ",") : undefined,
      precision: text(effectifs[i]?.precision),
    })),
    densites_total: totalEffectifs > 0 ? formatNumber(totalEffectifs) : undefined,
    effectifs_annee: d.effectifs_annee,
    effectifs_source: text(d.effectifs_source),
    densites_population:
      population !== undefined && summary ? `${formatNumber(population)}${NBSP}habitants (${summary.populationLabel})` : undefined,
    besoins,
    besoins_par_priorite: PRIORITES.map((p) => ({
      code: p.code,
      libelle: p.libelle,
      texte: lowerFirst(p.libelle),
      besoins: besoins.filter((b) => b.priorite === p.code).map(({ intitule, description, mission }) => ({ intitule, description, mission })),
    })).filter((g) => g.besoins.length > 0),
    forces: (d.forces ?? []).filter(has),
    faiblesses: (d.faiblesses ?? []).filter(has),
    coordination_existante: (d.coordination_existante ?? []).map(actorView),
    renseigne: !!(text(d.methode) || indicateurs.length || effectifs.length || besoins.length || d.forces?.length || d.faiblesses?.length),
  };

  // --- Actors
  const acteurs = {
    engages: actorsView(project.acteurs?.engages as Record<string, unknown> | undefined, effectifs),
    a_associer: actorsView(project.acteurs?.a_associer as Record<string, unknown> | undefined, effectifs),
  };

  // --- Missions, in the ACI order
  const signature = dated(project.calendrier?.signature_aci);
  const projectMissions = (project.missions ?? []).map((m, index) => ({ m, index })).filter(({ m }) => isMissionCode(m.code));
  // A mission written twice is kept twice (readiness reports the duplicate): nothing typed is dropped.
  const ordered = ACI_MISSIONS.flatMap((info) => projectMissions.filter(({ m }) => m.code === info.code));
  const groups = project.organisation?.groupes_travail ?? [];
  const linkedNeeds = (code: string) => (d.besoins ?? []).filter((b) => b.mission === code).map((b) => b.intitule);
  const retenues: MissionView[] = ordered.map(({ m, index }) => {
    const info = missionData(m.code)!;
    const where = `missions[${index}]`;
    const start = info.delai_demarrage_mois;
    const full = info.delai_deploiement_mois;
    return {
      code: info.code,
      numero: info.numero,
      libelle: info.libelle,
      socle: info.socle,
      statut: info.socle ? "mission socle" : "mission optionnelle",
      description: info.description,
      intitule_objet: info.intitule_objet,
      article_csp: info.article_csp,
      delai_demarrage_mois: start ?? undefined,
      delai_deploiement_mois: full ?? undefined,
      delais_texte: delaysText(start, full),
      echeance_demarrage: signature.iso && start !== null ? dated(addMonths(signature.iso, start)) : { iso: undefined, texte: undefined },
      echeance_deploiement: signature.iso && full !== null ? dated(addMonths(signature.iso, full)) : { iso: undefined, texte: undefined },
      objectifs: (m.objectifs ?? []).filter(has),
      actions: (m.actions ?? []).map((a, j) =>
        actionView(a, m.code as MissionCode, `${info.numero}.${j + 1}`, `${where}.actions[${j}]`, signature.iso),
      ),
      groupes: groups.filter((g) => g.mission === m.code).map((g) => g.nom),
      besoins: linkedNeeds(m.code),
      besoins_texte: linkedNeeds(m.code).length > 0 ? joinFr(linkedNeeds(m.code).map((b) => `«${NBSP}${b}${NBSP}»`)) : undefined,
      manquant: {
        objectifs: `objectifs de la mission «${NBSP}${info.libelle}${NBSP}» (${where}.objectifs)`,
        actions: `fiches-actions de la mission «${NBSP}${info.libelle}${NBSP}» (${where}.actions)`,
      },
    };
  });
  const chosenCodes = retenues.map((m) => m.code as MissionCode);
  const missions: DocumentModel["missions"] = {
    retenues,
    socles: retenues.filter((m) => m.socle),
    optionnelles: retenues.filter((m) => !m.socle),
    optionnelles_texte: (() => {
      const n = retenues.filter((m) => !m.socle).length;
      return n === 0 ? undefined : `${numberInWords(n, true)}${NBSP}mission${n > 1 ? "s" : ""} optionnelle${n > 1 ? "s" : ""}`;
    })(),
    socles_manquantes: ACI_MISSIONS.filter((m) => m.socle && !chosenCodes.includes(m.code)).map((m) => ({
      code: m.code,
      libelle: m.libelle,
      manquant: `mission socle «${NBSP}${m.libelle}${NBSP}» : objectifs et fiches-actions (missions, code ${m.code})`,
    })),
    retenues_texte: retenues.length > 0 ? joinFr(retenues.map((m) => lowerFirst(m.libelle))) : undefined,
    signature_aci: signature,
    nombre_actions: retenues.reduce((n, m) => n + m.actions.length, 0),
  };

  // --- Association
  const a = project.association ?? {};
  const denomination = text(a.denomination);
  const fondateurs = (a.fondateurs ?? []).map((f) => person(f, droitLocal));
  const dirigeants = [...(a.dirigeants ?? [])]
    .map((x, i) => ({ x, i }))
    .sort((p, q) => FONCTION_ORDER.indexOf(p.x.fonction) - FONCTION_ORDER.indexOf(q.x.fonction) || p.i - q.i)
    .map(({ x }) => dirigeant(x, droitLocal));
  const ca = a.conseil_administration ?? {};
  const bureau = a.bureau ?? {};
  const composition = bureauComposition(bureau.fonctions ?? [], bureau.vice_president_par_college === true);
  const ago = a.assemblee_generale?.ordinaire ?? {};
  const age = a.assemblee_generale?.extraordinaire ?? {};
  const convocation = (days: number | undefined) =>
    days !== undefined
      ? `Les membres sont convoqués par écrit ${daysInWords(days)} au moins avant la date de la réunion${NBSP}; la convocation indique l’ordre du jour.`
      : undefined;
  const procurations = a.assemblee_generale?.procurations_max;
  const ag = a.ag_constitutive ?? {};
  const agDate = dated(ag.date ?? project.calendrier?.ag_constitutive);
  const categoriesMembres = (a.membres?.categories ?? []).map((c) => ({
    nom: c.nom,
    description: c.description,
    description_suite: completion(c.description) ?? c.description,
    voix: c.voix,
    voix_texte: c.voix === "deliberative" ? "avec voix délibérative" : c.voix === "consultative" ? "avec voix consultative" : undefined,
  }));
  const votants = categoriesMembres.filter((c) => c.voix === "deliberative").map((c) => c.nom);
  const siegeDep = siegeDepartement(project);
  const association: DocumentModel["association"] = {
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
    siege_departement: siegeDep,
    objet: objetView(project, chosenCodes, territoire.nom),
    duree: {
      valeur: a.duree,
      texte:
        a.duree === "illimitee"
          ? "L’association est constituée pour une durée illimitée."
          : typeof a.duree === "number"
            ? `L’association est constituée pour une durée de ${yearsInWords(a.duree)}.`
            : undefined,
    },
    membres: {
      categories: categoriesMembres,
      admission: text(a.membres?.admission),
      perte_qualite: (a.membres?.perte_qualite ?? []).map(lowerInitial).filter((x): x is string => x !== undefined),
      votants: votants.length > 0 ? joinFr(votants) : undefined,
    },
    colleges_nombre_texte: a.colleges?.length
      ? `${numberInWords(a.colleges.length)}${NBSP}collège${a.colleges.length > 1 ? "s" : ""}`
      : undefined,
    colleges: (a.colleges ?? []).map((c) => {
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
    }),
    cotisation: {
      euros: a.cotisation?.montant,
      montant_texte: a.cotisation?.montant !== undefined ? formatAmount(a.cotisation.montant) : undefined,
      fixee_par: a.cotisation?.fixee_par ? COTISATION_FIXEE_PAR[a.cotisation.fixee_par] : undefined,
      fixee_par_ag: a.cotisation?.fixee_par === "assemblee_generale",
      commentaire: text(a.cotisation?.commentaire),
    },
    conseil_administration: {
      composition: text(ca.composition),
      composition_suite: completion(ca.composition),
      duree_mandat_texte: ca.duree_mandat_ans !== undefined ? yearsInWords(ca.duree_mandat_ans) : undefined,
      reunions_texte:
        ca.reunions_par_an !== undefined ? `au moins ${numberInWords(ca.reunions_par_an, true)}${NBSP}fois par an` : undefined,
      quorum: quorumWords(ca.quorum, "le conseil d’administration"),
      majorite: majorityWords(ca.majorite),
      membres: dirigeants,
    },
    bureau: {
      composition,
      composition_texte: composition.length > 0 ? joinFr(composition) : undefined,
      vice_president_par_college: bureau.vice_president_par_college === true,
      presidence_tournante: bureau.presidence_tournante === true,
      duree_mandat_texte: bureau.duree_mandat_ans !== undefined ? yearsInWords(bureau.duree_mandat_ans) : undefined,
      membres: dirigeants.filter((x) => x.membre_bureau),
      president: dirigeants.find((x) => x.fonction === "president"),
    },
    assemblee_generale: {
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
    },
    ressources: (a.ressources ?? []).map((r) => RESSOURCES[r] ?? r),
    indemnisation: a.indemnisation_membres,
    reglement_interieur: a.reglement_interieur,
    devolution: completion(a.dissolution?.devolution),
    ag_constitutive: {
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
    },
    fondateurs,
    dirigeants,
    signataires_statuts: signatories(droitLocal, fondateurs, dirigeants),
  };
  if (!droitLocal) {
    for (const f of association.fondateurs) f.naissance = undefined;
  }

  // --- Lettre d’intention
  const li = project.lettre_intention ?? {};
  const soutien = li.soutien_demande ?? {};
  const liDate = dated(li.date);
  const lettre: DocumentModel["lettre"] = {
    date: liDate.iso ? liDate : documentDate,
    lieu: text(li.lieu) ?? text(project.documents?.lieu),
    soutien: {
      euros: soutien.montant,
      montant_texte: soutien.montant !== undefined ? formatAmount(soutien.montant) : undefined,
      types: (soutien.types ?? []).map((x) => TYPES_AIDE[x] ?? x),
      types_texte: soutien.types?.length ? joinFr(soutien.types.map((x) => TYPES_AIDE[x] ?? x)) : undefined,
      commentaire: text(soutien.commentaire),
    },
    gouvernance: text(li.gouvernance_envisagee),
    coordination: text(li.coordination_envisagee),
    pieces_jointes: (li.pieces_jointes ?? []).filter(has),
    signataires:
      porteurs.length > 0
        ? porteurs.map((p) => ({
            nom: p.nom_complet,
            qualite: p.profession_libelle ? lowerFirst(p.profession_libelle) : undefined,
            manquant: p.manquant.nom,
          }))
        : [{ nom: undefined, qualite: undefined, manquant: "porteurs du projet, qui signent la lettre (porteurs)" }],
  };

  // --- Organisation, SI, communication, évaluation
  const o = project.organisation ?? {};
  const organisation: DocumentModel["organisation"] = {
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
  const systeme_information: DocumentModel["systeme_information"] = {
    outils: (si.outils ?? []).map((x) => ({ type: x.type, type_libelle: OUTILS_SI[x.type] ?? x.type, nom: text(x.nom), usage: text(x.usage) })),
    commentaire: text(si.commentaire),
  };
  const com = project.communication ?? {};
  const communication: DocumentModel["communication"] = {
    actions: (com.actions ?? []).map((x) => ({ intitule: x.intitule, public: text(x.public), frequence: text(x.frequence) })),
    commentaire: text(com.commentaire),
  };
  const evaluation = { modalites: text(project.evaluation?.modalites), instance: text(project.evaluation?.instance) };

  // --- Financing
  const f = project.financement ?? {};
  const autres = (f.autres ?? []).map((x) => ({ origine: x.origine, montant_texte: formatAmount(x.montant), annee: x.annee, objet: text(x.objet) }));
  const autresSum = (f.autres ?? []).reduce((n, x) => n + x.montant, 0);
  const financement: DocumentModel["financement"] = {
    simulation: taille ? financingView(taille, chosenCodes, f.contrat as Parameters<typeof financingView>[2]) : undefined,
    regles_versement: ACI_DATA.reglesVersement().map((r) => r.texte),
    autres,
    autres_total: autres.length > 1 ? formatAmount(autresSum) : undefined,
  };

  // --- Calendar
  const cal = project.calendrier ?? {};
  const steps: MilestoneView[] = [];
  for (const { key, libelle } of PROJECT_DATES) {
    const when = dated((cal as Record<string, unknown>)[key]);
    if (!when.iso) continue;
    const label =
      key === "declaration_association" && droitLocal ? "Inscription de l’association au registre des associations" : libelle;
    steps.push({ code: key, iso: when.iso, date_texte: when.texte!, libelle: label, nature: "Étape du projet", note: undefined });
  }
  for (const j of cal.jalons ?? []) {
    const when = dated(j.date);
    if (when.iso) {
      steps.push({ code: "jalon", iso: when.iso, date_texte: when.texte!, libelle: j.libelle, nature: "Étape du projet", note: undefined });
    }
  }
  const deadlines = computeDeadlines({
    ...(dated(cal.depot_projet_sante).iso ? { depot_projet_sante: dated(cal.depot_projet_sante).iso } : {}),
    ...(dated(cal.reception_projet_sante).iso ? { reception_ars: dated(cal.reception_projet_sante).iso } : {}),
    ...(signature.iso ? { signature_aci: signature.iso } : {}),
    missions: chosenCodes,
  });
  for (const m of deadlines) {
    steps.push({
      code: m.code,
      iso: m.date ?? undefined,
      date_texte: m.date ? dateText(m.date)! : m.libelle.includes("choisi par la CPTS") ? "selon le contrat" : "à dater",
      libelle: m.libelle,
      nature: "Échéance réglementaire",
      note: m.estimation ? m.note : undefined,
    });
  }
  const etapes = steps
    .map((s, i) => ({ s, i }))
    .sort((p, q) => {
      if (p.s.iso === q.s.iso) return p.i - q.i;
      if (p.s.iso === undefined) return 1;
      if (q.s.iso === undefined) return -1;
      return p.s.iso < q.s.iso ? -1 : 1;
    })
    .map(({ s }) => s);
  const calendrier: DocumentModel["calendrier"] = {
    etapes,
    etapes_datees: etapes.filter((s) => s.iso !== undefined),
    etapes_lettre: etapes.filter(
      (s) =>
        s.iso !== undefined &&
        (lettre.date.iso === undefined || s.iso >= lettre.date.iso) &&
        (s.nature === "Étape du projet" || s.code === "VALIDATION_TACITE_PDS"),
    ),
    validation_tacite: ACI_DATA.regleCalendrier("VALIDATION_TACITE_PDS").texte,
    plan_crise: ACI_DATA.regleCalendrier("PLAN_CRISE").texte,
    duree_contrat: ACI_DATA.regleCalendrier("DUREE_CONTRAT").texte,
  };

  return {
    document: { date: documentDate, lieu: text(project.documents?.lieu) },
    cpts,
    porteurs,
    interlocuteur,
    porteurs_nombre_texte:
      porteurs.length > 0
        ? `${numberInWords(porteurs.length)}${NBSP}${porteurs.length > 1 ? "professionnels de santé" : "professionnel de santé"}`
        : undefined,
    porteurs_professions_texte:
      byProfession.size > 0
        ? joinFr([...byProfession.entries()].map(([code, n]) => `${formatNumber(n)}${NBSP}${lowerFirst(professionLabel(code, n))}`))
        : undefined,
    territoire,
    diagnostic,
    acteurs,
    missions,
    association,
    lettre,
    organisation,
    systeme_information,
    communication,
    evaluation,
    financement,
    calendrier,
  };
}

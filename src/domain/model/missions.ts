/** The missions section: the ACI missions chosen, their actions and the ACI deadlines they must meet. */
import { NBSP, joinFr, lowerFirst, numberInWords, upperFirst } from "../../french/index.js";
import type { FicheAction, Project } from "../../project/index.js";
import { ACI_MISSIONS, type MissionCode, isMissionCode } from "../aci.js";
import { addMonths } from "../calendar.js";
import { expectedComponents, missionCoverage } from "../mission-content.js";
import { mission as missionData } from "../missions.js";
import { rulesAt } from "../timeline.js";
import { DONNEE_EXEMPLE, dated, has, text, type DatedText } from "./common.js";
import { TYPES_INDICATEUR } from "./labels.js";
import { dateText } from "./wording.js";

export interface IndicatorActionView {
  libelle: string;
  type: string | undefined;
  type_libelle: string | undefined;
  valeur_initiale: string | undefined;
  cible: string | undefined;
  echeance: DatedText;
  source: string | undefined;
  /** The baseline and target are illustrations (`exemple: true`). */
  exemple: boolean;
  /** « valeur initiale : 412 ; cible au 15 mars 2022 : 150 au plus ; source : … ». */
  detail: string | undefined;
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
  /** The mission's components the action declares it covers, in words. */
  composantes: string[];
  composantes_texte: string | undefined;
  indicateurs: IndicatorActionView[];
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
  /** The ACI deadlines of the mission in one sentence, with the actions that miss them: said once per mission. */
  echeances_texte: string;
  /** What the ACI expects of the mission, and which actions cover each part. */
  composantes: ComponentView[];
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

export interface ComponentView {
  code: string;
  libelle: string;
  attendu: string;
  obligatoire: boolean;
  couverte: boolean;
  /** « fiches-actions 1.1 et 1.3 »; undefined when none covers it. */
  actions_texte: string | undefined;
  /** Placeholder label for a required component no action covers. */
  manquant: string;
}

export interface MissionsView {
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
  /** « les quatre missions socles de l’accord conventionnel interprofessionnel et deux missions optionnelles », counted as on the projet de santé’s date. */
  engagement_texte: string;
}

/**
 * The ACI deadlines of a mission in one sentence, and the actions that start after them: once
 * per mission, never in each fiche-action. A mission the ACI added after the signature (the
 * crisis mission for a contract of 2019–2021) has no deadline counted from it.
 */
function missionDeadlines(code: MissionCode, signature: string | undefined, actions: readonly FicheAction[], numero: number): string {
  const info = missionData(code)!;
  const start = info.delai_demarrage_mois;
  const full = info.delai_deploiement_mois;
  if (start === null || full === null) return "Mission optionnelle : les délais de démarrage et de déploiement sont choisis par la CPTS et fixés dans le contrat.";
  if (!signature) {
    return `Échéances de l’accord conventionnel interprofessionnel${NBSP}: démarrage au plus tard ${start}${NBSP}mois et plein déploiement au plus tard ${full}${NBSP}mois après la signature du contrat.`;
  }
  if (signature < info.valid_from) {
    return (
      `Mission ajoutée à l’accord conventionnel interprofessionnel le ${dateText(info.valid_from)}, après la signature du contrat${NBSP}: ` +
      `ses échéances ne se comptent pas depuis la signature et restent à préciser avec l’ARS et la CPAM.`
    );
  }
  const d1 = addMonths(signature, start);
  const d2 = addMonths(signature, full);
  let sentence = `Échéances de l’accord conventionnel interprofessionnel${NBSP}: démarrage au plus tard le ${dateText(d1)} et plein déploiement au plus tard le ${dateText(d2)} (${start} et ${full}${NBSP}mois après la signature du contrat).`;
  const starts = actions.map((a, j) => ({ j, debut: dated(a.calendrier?.debut).iso })).filter((x): x is { j: number; debut: string } => x.debut !== undefined);
  const first = starts.sort((a, b) => (a.debut < b.debut ? -1 : a.debut > b.debut ? 1 : 0))[0];
  if (first && first.debut > d1) {
    sentence += ` La première action de la mission (fiche-action ${numero}.${first.j + 1}) ne commence que le ${dateText(first.debut)}, après l’échéance de démarrage.`;
  }
  return sentence;
}

function componentsView(code: MissionCode, actions: readonly FicheAction[], numero: number, date: string | undefined, where: string): ComponentView[] {
  const coverage = missionCoverage(code, actions, date);
  return coverage.map((c) => {
    const nums = c.par.map((p) => `${numero}.${p.action + 1}`);
    return {
      code: c.composante.code,
      libelle: upperFirst(c.composante.libelle),
      attendu: c.composante.attendu,
      obligatoire: c.composante.obligatoire,
      couverte: c.couverte,
      actions_texte: nums.length === 0 ? undefined : `fiche${nums.length > 1 ? "s" : ""}-action${nums.length > 1 ? "s" : ""} ${joinFr(nums)}`,
      manquant: `action sur ${c.composante.libelle} (${where}.actions, composantes${NBSP}: ${c.composante.code})`,
    };
  });
}

function actionView(a: FicheAction, code: MissionCode, numero: string, where: string): ActionView {
  const debut = dated(a.calendrier?.debut);
  const fin = dated(a.calendrier?.fin);
  const partenaires = (a.partenaires ?? []).map((p) => p.trim()).filter(Boolean);
  const known = new Map(expectedComponents(code).map((c) => [c.code, c.libelle]));
  const components = (a.composantes ?? []).map((c) => known.get(c)).filter((x): x is string => x !== undefined);
  const indicateurs: IndicatorActionView[] = (a.indicateurs ?? []).map((i) => {
    const type = i.type ? TYPES_INDICATEUR[i.type] : undefined;
    const echeance = dated(i.echeance);
    const cible = text(i.cible);
    const parts = [
      text(i.valeur_initiale) !== undefined ? `valeur initiale${NBSP}: ${i.valeur_initiale!.trim()}` : undefined,
      cible !== undefined
        ? // The date goes before the colon: « (échéance : …) » after it would make two colons in one clause.
          `cible${echeance.texte ? ` au ${echeance.texte}` : ""}${NBSP}: ${cible}`
        : echeance.texte
          ? `échéance${NBSP}: ${echeance.texte}`
          : undefined,
      text(i.source) !== undefined ? `source${NBSP}: ${i.source!.trim()}` : undefined,
      i.exemple ? DONNEE_EXEMPLE : undefined,
    ].filter((x): x is string => x !== undefined);
    return {
      libelle: i.libelle,
      type: i.type,
      type_libelle: type,
      valeur_initiale: text(i.valeur_initiale),
      cible,
      echeance,
      source: text(i.source),
      exemple: i.exemple === true,
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
    composantes: components,
    composantes_texte: components.length > 0 ? upperFirst(joinFr(components)) : undefined,
    indicateurs,
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

/** What the community commits to, with the number of socle missions of the date (none before the ACI). */
function engagementText(date: string | undefined, optional: number): string {
  const socles = date ? rulesAt(date).missions_socles.nombre : SOCLE_COUNT;
  const opt = optional === 0 ? "" : ` et sur ${numberInWords(optional, true)}${NBSP}mission${optional > 1 ? "s" : ""} optionnelle${optional > 1 ? "s" : ""}`;
  if (socles === null) return "sur les missions de son projet de santé, qui en définit le contenu";
  return `sur les ${numberInWords(socles, true)}${NBSP}missions socles de l’accord conventionnel interprofessionnel${opt}`;
}

const SOCLE_COUNT = ACI_MISSIONS.filter((m) => m.socle).length;

/** The missions of the file in the ACI order, with the socle missions still missing. */
export function missionsSection(project: Project, date?: string): MissionsView {
  const d = project.diagnostic ?? {};
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
      echeances_texte: missionDeadlines(m.code as MissionCode, signature.iso, m.actions ?? [], info.numero),
      composantes: componentsView(m.code as MissionCode, m.actions ?? [], info.numero, date, where),
      echeance_demarrage: signature.iso && start !== null ? dated(addMonths(signature.iso, start)) : { iso: undefined, texte: undefined },
      echeance_deploiement: signature.iso && full !== null ? dated(addMonths(signature.iso, full)) : { iso: undefined, texte: undefined },
      objectifs: (m.objectifs ?? []).filter(has),
      actions: (m.actions ?? []).map((a, j) =>
        actionView(a, m.code as MissionCode, `${info.numero}.${j + 1}`, `${where}.actions[${j}]`),
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
  const socleCodes: string[] = date ? rulesAt(date).missions_socles.codes : ACI_MISSIONS.filter((m) => m.socle).map((m) => m.code);
  return {
    retenues,
    socles: retenues.filter((m) => m.socle),
    optionnelles: retenues.filter((m) => !m.socle),
    optionnelles_texte: (() => {
      const n = retenues.filter((m) => !m.socle).length;
      return n === 0 ? undefined : `${numberInWords(n, true)}${NBSP}mission${n > 1 ? "s" : ""} optionnelle${n > 1 ? "s" : ""}`;
    })(),
    socles_manquantes: ACI_MISSIONS.filter((m) => socleCodes.includes(m.code) && !chosenCodes.includes(m.code)).map((m) => ({
      code: m.code,
      libelle: m.libelle,
      manquant: `mission socle «${NBSP}${m.libelle}${NBSP}» : objectifs et fiches-actions (missions, code ${m.code})`,
    })),
    retenues_texte: retenues.length > 0 ? joinFr(retenues.map((m) => lowerFirst(m.libelle))) : undefined,
    signature_aci: signature,
    nombre_actions: retenues.reduce((n, m) => n + m.actions.length, 0),
    engagement_texte: engagementText(date, retenues.filter((m) => !m.socle).length),
  };
}

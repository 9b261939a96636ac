/** The missions section: the ACI missions chosen, their actions and the ACI deadlines they must meet. */
import { NBSP, joinFr, lowerFirst, numberInWords } from "../../french/index.js";
import type { FicheAction, Project } from "../../project/index.js";
import { ACI_MISSIONS, type MissionCode, isMissionCode } from "../aci.js";
import { addMonths } from "../calendar.js";
import { mission as missionData } from "../missions.js";
import { dated, has, text, type DatedText } from "./common.js";
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
}

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

/** The missions of the file in the ACI order, with the socle missions still missing. */
export function missionsSection(project: Project): MissionsView {
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
  return {
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
}

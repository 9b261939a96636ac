/**
 * French words for the codes of the project file, as the wizard shows them in its lists.
 * Professions, missions and actor categories come from the domain data; the other short
 * lists of the schema are named here, keyed by the field they belong to (indices left out).
 */
import { FONCTION_CODES, MISSION_COMPONENTS, actorCategory, fonctionLabel, mission, professionLabel } from "../domain/index.js";
import type { Path } from "./path.js";
import { fieldInfo } from "./schema-info.js";

/** « président ou présidente », « secrétaire »: both forms of each function, from the one table. */
const FUNCTIONS: Record<string, string> = Object.fromEntries(
  FONCTION_CODES.map((code) => {
    const [m, f] = [fonctionLabel(code, "masculin"), fonctionLabel(code, "feminin")];
    return [code, m === f ? m : `${m} ou ${f}`];
  }),
);

/** Labels by `$defs` entry. */
const BY_DEF: Record<string, Record<string, string>> = {
  titre: { Dr: "Dr (docteur ; « Dre » pour une femme)", Pr: "Pr (professeur ; « Pre » pour une femme)" },
  parcours_association: {
    nouvelle: "une association est créée pour porter la CPTS",
    existante: "une association qui existe déjà devient la CPTS",
  },
  fraction: {
    aucun: "pas de quorum",
    quart: "un quart des membres",
    tiers: "un tiers des membres",
    moitie: "la moitié des membres",
    deux_tiers: "les deux tiers des membres",
  },
  majorite: {
    simple: "majorité simple (plus de voix pour que contre)",
    absolue: "majorité absolue (plus de la moitié des suffrages exprimés)",
    deux_tiers: "deux tiers des suffrages exprimés",
    trois_quarts: "trois quarts des suffrages exprimés",
  },
};

/** Labels by field, the path written without indices. */
const BY_FIELD: Record<string, Record<string, string>> = {
  "porteurs.mode_exercice": { liberal: "libéral", mixte: "mixte (libéral et salarié)", salarie: "salarié", autre: "autre" },
  "diagnostic.indicateurs.theme": {
    population: "population",
    etat_de_sante: "état de santé",
    precarite: "précarité",
    offre_de_soins: "offre de soins",
    acces_aux_soins: "accès aux soins",
    prevention: "prévention",
    autre: "autre",
  },
  "diagnostic.besoins.priorite": { haute: "haute", moyenne: "moyenne", basse: "basse" },
  "diagnostic.patients_sans_medecin_traitant.categories.categorie": {
    "17_ans_et_plus": "patients de 17 ans et plus",
    ald: "patients en affection de longue durée (ALD)",
    "70_ans_et_plus": "patients de 70 ans et plus",
    c2s: "bénéficiaires de la complémentaire santé solidaire (C2S)",
    moins_de_17_ans: "patients de moins de 17 ans",
    autre: "autre catégorie",
  },
  "territoire.cpts_voisines.etat": { existante: "existante", en_projet: "en projet", inconnu: "état non connu" },
  "calendrier.actualisation_projet_sante.motif": {
    renouvellement_contrat: "renouvellement du contrat ACI",
    avenant: "application d’un avenant à l’ACI",
    evolution: "évolution des actions ou du territoire",
    autre: "autre motif",
  },
  "missions.actions.indicateurs.type": { moyens: "indicateur de moyens", actions: "indicateur d’actions", resultats: "indicateur de résultats" },
  "association.etat": { a_creer: "à créer", en_cours: "en cours (statuts en préparation)", declaree: "déclarée en préfecture (inscrite au tribunal en Alsace-Moselle)" },
  "association.ag_extraordinaire.modifications": {
    objet: "l’objet (porter la CPTS)",
    membres: "les membres et les collèges",
    instances: "les instances (conseil, bureau, assemblées)",
    denomination: "la dénomination",
    siege: "le siège",
  },
  "association.membres.categories.voix": { deliberative: "voix délibérative", consultative: "voix consultative" },
  "association.cotisation.fixee_par": { assemblee_generale: "l’assemblée générale", conseil_administration: "le conseil d’administration" },
  "association.bureau.fonctions": FUNCTIONS,
  "association.dirigeants.fonction": FUNCTIONS,
  "association.ressources": {
    cotisations: "cotisations des membres",
    aci: "rémunération de l’accord conventionnel interprofessionnel (ACI)",
    fir: "fonds d’intervention régional (FIR)",
    subventions: "subventions",
    collectivites: "aides des collectivités",
    dons: "dons",
    prestations: "prestations de services",
    autres: "autres ressources autorisées par la loi",
  },
  "lettre_intention.soutien_demande.types": {
    juridique: "accompagnement juridique (statuts)",
    redaction_projet_sante: "rédaction du projet de santé",
    gestion_projet: "gestion de projet",
    coordination: "coordination",
    diagnostic: "diagnostic territorial",
    communication: "communication",
    systeme_information: "système d’information",
    formation: "formation",
    autre: "autre",
  },
  "systeme_information.outils.type": {
    messagerie_securisee: "messagerie sécurisée de santé",
    annuaire: "annuaire des professionnels",
    agenda_partage: "agenda partagé",
    outil_coordination: "outil de coordination des parcours",
    teleexpertise: "téléexpertise",
    site_internet: "site internet",
    autre: "autre outil",
  },
};

function fieldKey(path: Path): string {
  return path.filter((p) => typeof p === "string").join(".");
}

/** The French label of a code allowed at `path` (the code itself when none is known). */
export function valueLabel(path: Path, value: string): string {
  let info = fieldInfo(path);
  if (info.kind === "enum-list") info = fieldInfo([...path, 0]);
  switch (info.def) {
    case "profession":
      return professionLabel(value);
    case "code_mission": {
      const m = mission(value);
      return m ? `${m.libelle} (${m.code})` : value;
    }
    case "categorie_acteur":
      return actorCategory(value)?.libelle ?? value;
    case "composante_mission":
      return MISSION_COMPONENTS.find((c) => c.code === value)?.libelle ?? value;
  }
  return BY_FIELD[fieldKey(path)]?.[value] ?? (info.def ? BY_DEF[info.def]?.[value] : undefined) ?? value;
}

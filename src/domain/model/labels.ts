/**
 * French labels of the project file's codes, as the documents print them. Codes that have their
 * own data file (professions, missions, actor categories) are labelled from it, not here.
 */

export const MODE_EXERCICE: Record<string, string> = {
  liberal: "exercice libéral",
  mixte: "exercice mixte",
  salarie: "exercice salarié",
  autre: "autre mode d’exercice",
};

export const COTISATION_FIXEE_PAR: Record<string, string> = {
  assemblee_generale: "l’assemblée générale",
  conseil_administration: "le conseil d’administration",
};

export const RESSOURCES: Record<string, string> = {
  cotisations: "les cotisations de ses membres",
  aci: "les rémunérations versées par l’Assurance Maladie au titre de l’accord conventionnel interprofessionnel (ACI) en faveur des communautés professionnelles territoriales de santé",
  fir: "les subventions de l’agence régionale de santé, notamment au titre du fonds d’intervention régional (FIR)",
  subventions: "les subventions de l’État et des établissements publics",
  collectivites: "les subventions des collectivités territoriales et de leurs groupements",
  dons: "les dons manuels",
  prestations: "le produit des prestations et services qu’elle rend",
  autres: "toute autre ressource autorisée par les lois et règlements en vigueur",
};

export const TYPES_AIDE: Record<string, string> = {
  juridique: "un appui juridique pour la structuration de l’association",
  redaction_projet_sante: "un accompagnement méthodologique pour la rédaction du projet de santé",
  gestion_projet: "un appui à la gestion de projet",
  coordination: "le financement d’un temps de coordination",
  diagnostic: "un appui à la réalisation du diagnostic territorial",
  communication: "des moyens de communication et de mobilisation des professionnels",
  systeme_information: "le déploiement d’outils numériques partagés",
  formation: "des actions de formation",
  autre: "d’autres formes d’aide, précisées ci-dessous",
};

export const OUTILS_SI: Record<string, string> = {
  messagerie_securisee: "Messagerie sécurisée",
  annuaire: "Annuaire",
  agenda_partage: "Agenda partagé",
  outil_coordination: "Outil de coordination",
  teleexpertise: "Téléexpertise",
  site_internet: "Site internet",
  autre: "Autre outil",
};

/** The kind of an indicator, with its preposition elided where French asks (« d’actions »). */
export const TYPES_INDICATEUR: Record<string, string> = {
  moyens: "indicateur de moyens",
  actions: "indicateur d’actions",
  resultats: "indicateur de résultats",
};

export const PRIORITES = [
  { code: "haute", libelle: "Priorité haute" },
  { code: "moyenne", libelle: "Priorité moyenne" },
  { code: "basse", libelle: "Priorité basse" },
  { code: "", libelle: "Priorité non précisée" },
] as const;

export const THEMES = [
  { code: "population", libelle: "Population" },
  { code: "etat_de_sante", libelle: "État de santé" },
  { code: "precarite", libelle: "Précarité" },
  { code: "offre_de_soins", libelle: "Offre de soins" },
  { code: "acces_aux_soins", libelle: "Accès aux soins" },
  { code: "prevention", libelle: "Prévention" },
  { code: "autre", libelle: "Autres indicateurs" },
] as const;

/** The project's own dates, in the order of a CPTS's life, with their labels. */
export const PROJECT_DATES = [
  { key: "ag_constitutive", libelle: "Assemblée générale constitutive de l’association" },
  { key: "declaration_association", libelle: "Déclaration de l’association" },
  { key: "envoi_lettre_intention", libelle: "Envoi de la lettre d’intention à l’ARS" },
  { key: "validation_lettre_intention", libelle: "Validation de la lettre d’intention" },
  { key: "depot_projet_sante", libelle: "Envoi du projet de santé à l’ARS" },
  { key: "reception_projet_sante", libelle: "Réception du projet de santé par l’ARS" },
  { key: "signature_aci", libelle: "Signature du contrat ACI avec l’ARS et la CPAM" },
] as const;

/**
 * Governance presets: ready-made answers for the association's statuts, set at once and
 * editable afterwards. Each preset is data: the values it writes under `association`, and its
 * collèges (fixed, or one per profession of the project).
 */
import { PROFESSIONS, isHealthProfession, professionLabel } from "../domain/index.js";
import type { College, Project } from "../project/index.js";
import type { Change } from "./editor.js";

export interface GovernancePreset {
  id: string;
  label: string;
  description: string;
  /** Values written under `association`, by path. */
  values: Record<string, unknown>;
  /** Fixed collèges, or one collège per liberal profession of the porteurs and engaged actors. */
  colleges: College[] | { perProfession: { titulaires: number; suppleants: number } };
}

const PERTE_QUALITE = [
  "Démission adressée par écrit au président",
  "Décès",
  "Cessation d’exercice sur le territoire",
  "Non-paiement de la cotisation après relance",
  "Radiation prononcée par le conseil d’administration pour motif grave, l’intéressé ayant été invité à s’expliquer",
];

const DEVOLUTION =
  "À une ou plusieurs associations poursuivant un but similaire sur le territoire, désignées par l’assemblée générale extraordinaire.";

const MEMBRES_ACTIFS = {
  nom: "membres actifs",
  description: "Professionnels de santé libéraux ou à exercice mixte exerçant sur le territoire, à jour de leur cotisation.",
  voix: "deliberative",
};

const AG = {
  ordinaire: { frequence: "une fois par an", convocation_jours: 15, quorum: "quart", majorite: "simple" },
  extraordinaire: { convocation_jours: 21, quorum: "moitie", majorite: "deux_tiers" },
};

export const GOVERNANCE_PRESETS: readonly GovernancePreset[] = [
  {
    id: "par-profession",
    label: "Un collège par profession (modèle de Bergerac)",
    description:
      "Chaque profession élit 2 titulaires et 2 suppléants au conseil d’administration pour 3 ans ; le bureau compte un " +
      "vice-président par collège ; la présidence passe à une autre profession à chaque mandat.",
    values: {
      "membres.categories": [
        MEMBRES_ACTIFS,
        {
          nom: "membres partenaires",
          description:
            "Établissements, structures sociales et médico-sociales, collectivités et autres partenaires du territoire signataires d’une convention avec l’association.",
          voix: "consultative",
        },
      ],
      "membres.admission":
        "Toute personne qui souhaite devenir membre adresse une demande écrite au président ; le conseil d’administration statue sur la demande. Le membre partenaire signe une convention avec l’association.",
      "membres.perte_qualite": PERTE_QUALITE,
      "cotisation.fixee_par": "assemblee_generale",
      "conseil_administration.composition":
        "Chaque collège professionnel élit parmi ses membres 2 titulaires et 2 suppléants ; les membres partenaires peuvent être invités avec voix consultative.",
      "conseil_administration.duree_mandat_ans": 3,
      "conseil_administration.reunions_par_an": 4,
      "conseil_administration.quorum": "moitie",
      "conseil_administration.majorite": "simple",
      "bureau.fonctions": ["president", "vice_president", "secretaire", "tresorier"],
      "bureau.vice_president_par_college": true,
      "bureau.presidence_tournante": true,
      "bureau.duree_mandat_ans": 3,
      "assemblee_generale.ordinaire": AG.ordinaire,
      "assemblee_generale.extraordinaire": AG.extraordinaire,
      "assemblee_generale.procurations_max": 2,
      ressources: ["cotisations", "aci", "fir", "subventions", "collectivites", "dons"],
      "dissolution.devolution": DEVOLUTION,
    },
    colleges: { perProfession: { titulaires: 2, suppleants: 2 } },
  },
  {
    id: "deux-colleges",
    label: "Deux collèges : libéraux et partenaires",
    description:
      "Un collège des professionnels de santé libéraux, majoritaire au conseil d’administration, et un collège des " +
      "partenaires (établissements, médico-social, social, collectivités, usagers) ; un vice-président par collège.",
    values: {
      "membres.categories": [
        MEMBRES_ACTIFS,
        {
          nom: "membres partenaires",
          description: "Établissements de santé, structures médico-sociales et sociales, collectivités, associations d’usagers du territoire.",
          voix: "deliberative",
        },
      ],
      "membres.admission": "Toute personne ou structure qui souhaite devenir membre adresse une demande écrite au président ; le conseil d’administration statue sur la demande.",
      "membres.perte_qualite": PERTE_QUALITE,
      "cotisation.fixee_par": "assemblee_generale",
      "conseil_administration.composition":
        "Les représentants élus par chaque collège ; le collège des professionnels de santé libéraux détient la majorité des sièges.",
      "conseil_administration.duree_mandat_ans": 3,
      "conseil_administration.reunions_par_an": 4,
      "conseil_administration.quorum": "moitie",
      "conseil_administration.majorite": "simple",
      "bureau.fonctions": ["president", "vice_president", "secretaire", "tresorier"],
      "bureau.vice_president_par_college": true,
      "bureau.presidence_tournante": false,
      "bureau.duree_mandat_ans": 3,
      "assemblee_generale.ordinaire": AG.ordinaire,
      "assemblee_generale.extraordinaire": AG.extraordinaire,
      "assemblee_generale.procurations_max": 2,
      ressources: ["cotisations", "aci", "fir", "subventions", "collectivites", "dons"],
      "dissolution.devolution": DEVOLUTION,
    },
    colleges: [
      {
        nom: "collège des professionnels de santé libéraux",
        composition: "Professionnels de santé libéraux ou à exercice mixte membres actifs, maisons et centres de santé",
        categories: ["liberaux", "exercice_coordonne"],
        titulaires: 8,
        suppleants: 0,
      },
      {
        nom: "collège des partenaires",
        composition: "Établissements, structures médico-sociales et sociales, collectivités, usagers et dispositifs de coordination membres",
        categories: ["etablissements", "medico_social", "social", "prevention", "usagers", "collectivites", "coordination"],
        titulaires: 4,
        suppleants: 0,
      },
    ],
  },
  {
    id: "minimal",
    label: "Modèle minimal",
    description:
      "Une seule catégorie de membres, pas de collège ; un conseil d’administration élu par l’assemblée générale et un " +
      "bureau réduit (président, secrétaire, trésorier).",
    values: {
      "membres.categories": [{ ...MEMBRES_ACTIFS, description: "Professionnels de santé exerçant sur le territoire, à jour de leur cotisation." }],
      "membres.admission": "Toute personne qui souhaite devenir membre adresse une demande écrite au bureau, qui statue sur la demande.",
      "membres.perte_qualite": PERTE_QUALITE.filter((_, i) => i !== 2),
      "cotisation.fixee_par": "assemblee_generale",
      "conseil_administration.composition": "De 3 à 12 membres élus par l’assemblée générale parmi les membres actifs.",
      "conseil_administration.duree_mandat_ans": 2,
      "conseil_administration.reunions_par_an": 2,
      "conseil_administration.quorum": "moitie",
      "conseil_administration.majorite": "simple",
      "bureau.fonctions": ["president", "secretaire", "tresorier"],
      "bureau.vice_president_par_college": false,
      "bureau.presidence_tournante": false,
      "bureau.duree_mandat_ans": 2,
      "assemblee_generale.ordinaire": { ...AG.ordinaire },
      "assemblee_generale.extraordinaire": { convocation_jours: 15, quorum: "moitie", majorite: "deux_tiers" },
      "assemblee_generale.procurations_max": 1,
      ressources: ["cotisations", "aci", "fir", "subventions"],
      "dissolution.devolution": DEVOLUTION,
    },
    colleges: [],
  },
];

/** Liberal professions of the project: those of the porteurs (not salaried) and of the engaged liberal actors. */
export function projectProfessions(project: Project): string[] {
  const found = new Set<string>();
  for (const p of project.porteurs ?? []) if (p.mode_exercice !== "salarie" && p.profession !== "autre") found.add(p.profession);
  for (const e of project.acteurs?.engages?.liberaux ?? []) if (e.profession !== "autre") found.add(e.profession);
  return PROFESSIONS.map((p) => p.code).filter((code) => found.has(code));
}

export function presetColleges(preset: GovernancePreset, project: Project): College[] {
  if (Array.isArray(preset.colleges)) return preset.colleges;
  const { titulaires, suppleants } = preset.colleges.perProfession;
  // The collèges divide the membres actifs, who are professionnels de santé: a psychologue or an
  // ostéopathe joins as a partner, not through a collège of their own among them.
  return projectProfessions(project).filter(isHealthProfession).map((code) => {
    const plural = professionLabel(code, 2);
    return {
      nom: `collège des ${plural.charAt(0).toLowerCase()}${plural.slice(1)}`,
      composition: `${plural} libéraux ou à exercice mixte membres actifs`,
      professions: [code] as College["professions"],
      categories: ["liberaux"] as College["categories"],
      titulaires,
      suppleants,
    };
  });
}

/** The changes a preset makes (one save for all of them). */
export function presetChanges(preset: GovernancePreset, project: Project): Change[] {
  const changes: Change[] = Object.entries(preset.values).map(([path, value]) => ({
    op: "set",
    path: ["association", ...path.split(".")],
    value: structuredClone(value),
  }));
  const colleges = presetColleges(preset, project);
  changes.push({ op: "set", path: ["association", "colleges"], value: colleges.length ? colleges : undefined });
  return changes;
}

/** Paths the preset would overwrite that already hold an answer. */
export function presetConflicts(preset: GovernancePreset, project: Project): string[] {
  const a = (project.association ?? {}) as Record<string, unknown>;
  const has = (path: string) => {
    let node: unknown = a;
    for (const key of path.split(".")) node = node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
    return node !== undefined && !(Array.isArray(node) && node.length === 0);
  };
  return [...Object.keys(preset.values), "colleges"].filter(has);
}

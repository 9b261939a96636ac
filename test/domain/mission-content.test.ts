import { describe, expect, it } from "vitest";
import {
  type ActionLike,
  checkActionIndicators,
  checkMissionComponents,
  expectedComponents,
  missionCoverage,
  normalise,
} from "../../src/domain/mission-content.js";
import { ACI_DATA } from "../../src/domain/aci.js";

const NBSP = "\u00a0";

/** Chambéry’s only accès action: useful, but neither médecin traitant nor soins non programmés. */
const DERMATOLOGY: ActionLike = {
  intitule: "Plateforme sécurisée de photographies pour les dermatologues",
  objectif: "Permettre aux médecins et infirmiers de déposer des photographies de lésions sur une plateforme sécurisée.",
  indicateurs: [{ libelle: "Nombre de dermatologues participants", valeur_initiale: "0", cible: "4" }],
};
const MEDECIN_TRAITANT: ActionLike = {
  intitule: "Trouver un médecin traitant aux patients en ALD et aux 70 ans et plus",
  objectif: "Réduire le nombre de patients sans médecin traitant.",
};
const SNP: ActionLike = { intitule: "Organiser les soins non programmés en ville avec le SAS" };

const covered = (code: Parameters<typeof missionCoverage>[0], actions: ActionLike[]): Record<string, string[]> =>
  Object.fromEntries(missionCoverage(code, actions).map((c) => [c.composante.code, c.par.map((p) => `${p.action}:${p.via}`)]));

describe("expected components of the missions", () => {
  it("asks médecin traitant (ALD, 70 ans et plus, C2S) and soins non programmés for accès aux soins", () => {
    const [mt, snp] = expectedComponents("ACCES");
    expect(mt!.code).toBe("medecin-traitant");
    expect(mt!.priorites?.map((p) => p.code)).toEqual(["ald", "70_ans_et_plus", "c2s"]);
    expect(snp!.code).toBe("soins-non-programmes");
    expect(snp!.attendu).toContain("service d’accès aux soins (SAS)");
  });

  it("asks a crisis plan with a référent, a cellule de crise and five kinds of crisis, due in the first year, then its yearly update", () => {
    const [plan, update, run] = expectedComponents("CRISE");
    expect(plan!.elements?.map((e) => e.code)).toEqual(["referent", "cellule-de-crise", "actions"]);
    expect(plan!.types_de_crise).toHaveLength(5);
    expect(ACI_DATA.regleCalendrier(plan!.regle_calendrier!).delai_mois).toBe(12);
    expect(update!.obligatoire).toBe(true);
    expect(run!.obligatoire).toBe(false);
  });

  it("expects nothing of the crisis mission before the avenant 2", () => {
    expect(expectedComponents("CRISE", "2022-03-30")).toEqual([]);
    expect(expectedComponents("CRISE", "2022-03-31")).toHaveLength(3);
  });

  it("gives every mission, optional ones included, at least one required component", () => {
    for (const code of ["ACCES", "PARCOURS", "PREVENTION", "CRISE", "QUALITE", "ACCOMPAGNEMENT"] as const) {
      expect(expectedComponents(code).some((c) => c.obligatoire), code).toBe(true);
    }
  });
});

describe("missionCoverage", () => {
  it("recognises médecin traitant and soins non programmés in Bergerac’s wording", () => {
    expect(covered("ACCES", [MEDECIN_TRAITANT, SNP])).toEqual({ "medecin-traitant": ["0:texte"], "soins-non-programmes": ["1:texte"] });
  });

  it("finds neither in Chambéry’s dermatology action", () => {
    expect(covered("ACCES", [DERMATOLOGY])).toEqual({ "medecin-traitant": [], "soins-non-programmes": [] });
  });

  it("reads accents, capitals and apostrophes loosely, whole words only, acronyms in capitals only", () => {
    expect(covered("ACCES", [{ intitule: "Créneaux de SOINS NON PROGRAMMES" }])["soins-non-programmes"]).toEqual(["0:texte"]);
    expect(covered("ACCES", [{ objectif: "Lien avec le service d'acces aux soins" }])["soins-non-programmes"]).toEqual(["0:texte"]);
    expect(covered("ACCES", [{ objectif: "Un sas d’accueil" }])["soins-non-programmes"]).toEqual([]);
    expect(covered("ACCES", [{ objectif: "Régulation par le SAS de la Savoie" }])["soins-non-programmes"]).toEqual(["0:texte"]);
    expect(covered("ACCES", [{ objectif: "Sassenage et Vinay" }])["soins-non-programmes"]).toEqual([]);
    expect(normalise("L’Accès aux soins, d'urgence !")).toBe("l acces aux soins d urgence");
  });

  it("accepts any word end after a keyword ending in *", () => {
    expect(covered("CRISE", [{ intitule: "Plan de réponse aux crises", objectif: "Actualisation chaque année" }])).toMatchObject({
      "plan-crise": ["0:texte"],
      "mise-a-jour-plan": ["0:texte"],
    });
  });

  it("looks at indicators and the calendar’s comment too", () => {
    const action: ActionLike = {
      intitule: "Plan de réponse aux crises sanitaires graves",
      calendrier: { commentaire: "Plan transmis la première année, puis mis à jour chaque année." },
    };
    expect(covered("CRISE", [action])["mise-a-jour-plan"]).toEqual(["0:texte"]);
  });

  it("trusts an action’s declared components over its text", () => {
    const declared: ActionLike = { ...SNP, composantes: ["medecin-traitant"] };
    expect(covered("ACCES", [declared])).toEqual({ "medecin-traitant": ["0:champ"], "soins-non-programmes": [] });
  });

  it("lets any action cover a mission that expects one thing", () => {
    expect(covered("PREVENTION", [{ intitule: "Vaccination contre la grippe" }, { intitule: "Dépistage" }])).toEqual({
      "actions-prevention": ["0:mission", "1:mission"],
    });
  });
});

describe("checkMissionComponents", () => {
  it("warns that Chambéry’s accès mission has neither component", () => {
    const found = checkMissionComponents({ code: "ACCES", actions: [DERMATOLOGY] }, 0);
    expect(found.map((f) => [f.severity, f.path, f.code])).toEqual([
      ["avertissement", "missions[0].actions", "missions.composante.ACCES.medecin-traitant"],
      ["avertissement", "missions[0].actions", "missions.composante.ACCES.soins-non-programmes"],
    ]);
    expect(found[1]!.message).toMatch(new RegExp(`^accès aux soins${NBSP}: aucune action sur les soins non programmés\\. Attendu${NBSP}: organiser en ville`));
  });

  it("is an error when the actions declare their components and one is missing", () => {
    const found = checkMissionComponents({ code: "ACCES", actions: [{ intitule: "MT", composantes: ["medecin-traitant"] }] }, 2);
    expect(found).toEqual([expect.objectContaining({ severity: "erreur", code: "missions.composante.ACCES.soins-non-programmes", path: "missions[2].actions" })]);
    expect(found[0]!.message).not.toContain("intitulé");
  });

  it("says nothing of a complete mission, of the optional crisis response, or of a mission without actions", () => {
    expect(checkMissionComponents({ code: "ACCES", actions: [MEDECIN_TRAITANT, SNP] }, 0)).toEqual([]);
    const plan = { intitule: "Rédiger et tenir à jour le plan de réponse aux crises sanitaires graves" };
    expect(checkMissionComponents({ code: "CRISE", actions: [plan] }, 3)).toEqual([]);
    expect(checkMissionComponents({ code: "PARCOURS", actions: [] }, 1)).toEqual([]);
  });

  it("does not expect the crisis plan of a document dated before the avenant 2", () => {
    expect(checkMissionComponents({ code: "CRISE", actions: [{ intitule: "Centre de vaccination" }] }, 3, "2021-01-01")).toEqual([]);
    expect(checkMissionComponents({ code: "CRISE", actions: [{ intitule: "Centre de vaccination" }] }, 3, "2023-01-01")).toHaveLength(2);
  });
});

describe("checkActionIndicators", () => {
  it("names what an indicator lacks, at the path of the first missing field", () => {
    const found = checkActionIndicators({ code: "ACCES", actions: [DERMATOLOGY] }, 0);
    expect(found).toEqual([
      {
        path: "missions[0].actions[0].indicateurs[0].source",
        severity: "avertissement",
        code: "missions.indicateur-incomplet",
        message:
          `accès aux soins${NBSP}: l’indicateur «${NBSP}Nombre de dermatologues participants${NBSP}» de l’action «${NBSP}Plateforme sécurisée de photographies pour les dermatologues${NBSP}» ` +
          `ne donne ni sa source, ni son échéance${NBSP}; le dialogue de gestion annuel avec l’ARS et la CPAM s’appuie sur ces quatre informations.`,
      },
    ]);
  });

  it("says « pas » for one missing field and accepts 0 as a baseline", () => {
    const action: ActionLike = { intitule: "A", indicateurs: [{ libelle: "I", valeur_initiale: 0, cible: "10", source: "CPAM" }] };
    const found = checkActionIndicators({ code: "PREVENTION", actions: [action] }, 1);
    expect(found.map((f) => f.path)).toEqual(["missions[1].actions[0].indicateurs[0].echeance"]);
    expect(found[0]!.message).toContain("ne donne pas son échéance");
  });

  it("reports an action without indicator and nothing for complete ones", () => {
    const complete = { libelle: "I", valeur_initiale: "412", cible: "150 au plus", echeance: "2022-03-15", source: "CPAM" };
    const found = checkActionIndicators({ code: "QUALITE", actions: [{ intitule: "Sans" }, { intitule: "Avec", indicateurs: [complete] }] }, 4);
    expect(found.map((f) => [f.path, f.code])).toEqual([["missions[4].actions[0].indicateurs", "missions.action-sans-indicateur"]]);
    expect(found[0]!.message).toContain("qualité et pertinence des soins");
  });
});

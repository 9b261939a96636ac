import { describe, expect, it } from "vitest";
import { isDroitLocal, minimumFounders, minimumSignatories } from "../../src/domain/association.js";
import {
  checkDirigeantsAgainstStatuts,
  checkMeeting,
  declarationContent,
  electionPlan,
  filingPowers,
  majorityReached,
  quorumRequired,
  regime,
  regimeForDepartement,
  requiredDocuments,
} from "../../src/domain/founding.js";
import type { Association, Dirigeant } from "../../src/project/types.js";

const NBSP = "\u00a0";
const required = (docs: { code: string; requis: boolean | null }[]): Record<string, boolean | null> =>
  Object.fromEntries(docs.map((d) => [d.code, d.requis]));

describe("regimes", () => {
  it.each<[string | undefined, string]>([
    ["57", "droit_local"],
    ["67", "droit_local"],
    ["68", "droit_local"],
    ["24", "loi_1901"],
    ["2A", "loi_1901"],
    [undefined, "loi_1901"],
  ])("département %s → %s", (dep, expected) => {
    expect(regimeForDepartement(dep)).toBe(expected);
  });

  it("gives association.ts its figures: seven founders and signatories under droit local, two dirigeants elsewhere", () => {
    expect(regime("droit_local").departements).toEqual(["57", "67", "68"]);
    expect([minimumFounders("droit_local"), minimumSignatories("droit_local")]).toEqual([7, 7]);
    expect([minimumFounders("loi_1901"), minimumSignatories("loi_1901")]).toEqual([2, 2]);
    const at = (code_postal: string) => isDroitLocal({ version: 2, cpts: { nom: "X" }, association: { siege: { adresse: "1 rue", code_postal, commune: "X" } } });
    expect(["57000", "67700", "68000", "24100", "20000"].map(at)).toEqual([true, true, true, false, false]);
  });

  it("puts birth dates on the filed documents under droit local only, with the mention « association inscrite »", () => {
    expect(regime("loi_1901").date_naissance_sur_les_pieces).toBe(false);
    expect(regime("droit_local").date_naissance_sur_les_pieces).toBe(true);
    expect(regime("droit_local").mention).toBe("association inscrite");
    expect(regime("droit_local").membres_min_apres_inscription).toBe(3);
  });
});

describe("founding paths", () => {
  it("asks a new association for statuts, PV, list of dirigeants and déclaration de création", () => {
    const docs = required(requiredDocuments("nouvelle", "loi_1901"));
    expect(docs).toEqual({
      statuts: true,
      "pv-ag-constitutive": true,
      "pv-conseil-administration": null,
      "liste-dirigeants": true,
      "declaration-creation": true,
      mandat: null,
    });
    expect(required(requiredDocuments("nouvelle", "loi_1901", { bureau_elu_par_conseil: true, mandataire: false }))).toMatchObject({
      "pv-conseil-administration": true,
      mandat: false,
    });
  });

  it("asks an existing association for the PV of its extraordinary assembly, amended statuts and a déclaration modificative", () => {
    const docs = requiredDocuments("existante", "loi_1901", { dirigeants_changent: false });
    expect(required(docs)).toEqual({
      "pv-age": true,
      "statuts-modifies": true,
      "pv-conseil-administration": false,
      "liste-dirigeants": false,
      "declaration-modificative": true,
    });
    expect(docs.find((d) => d.code === "statuts-modifies")!.contenu).toContain(`«${NBSP}statuts adoptés le …, modifiés le …${NBSP}»`);
    expect(docs.find((d) => d.code === "declaration-modificative")!.contenu).toMatch(/RNA et SIREN/);
  });

  it("says what the déclaration holds and when", () => {
    const creation = declarationContent("nouvelle", "loi_1901");
    expect(creation.type).toBe("creation");
    expect(creation.contenu).toEqual(expect.arrayContaining(["son objet", "un exemplaire des statuts"]));
    expect(creation.contenu!.join(" ")).toMatch(/noms, professions, domiciles et nationalités/);
    expect(creation.apres.join(" ")).toMatch(/numéro RNA/);
    const modification = declarationContent("existante", "loi_1901");
    expect(modification).toMatchObject({ type: "modification", delai_mois: 3 });
  });

  it("files a droit local association with the tribunal judiciaire, with what the sources do not say left unknown", () => {
    const docs = requiredDocuments("nouvelle", "droit_local");
    expect(docs.map((d) => d.code)).toEqual(["demande-inscription", "statuts", "pv-ag-constitutive", "pv-conseil-administration", "liste-dirigeants"]);
    expect(docs.find((d) => d.code === "demande-inscription")!.signataires).toBeNull();
    expect(docs.find((d) => d.code === "liste-dirigeants")!.contenu).toMatch(/date et lieu de naissance/);
    expect(declarationContent("nouvelle", "droit_local").type).toBe("inscription");
    const change = declarationContent("existante", "droit_local");
    expect(change.contenu).toBeNull();
    expect(change.note).toMatch(/ne détaillent ni le contenu ni le délai/);
    expect(filingPowers("droit_local").qui).toBeNull();
    expect(filingPowers("loi_1901").qui).toMatch(/président/);
  });

  it("rejects a path that does not exist", () => {
    expect(() => requiredDocuments("autre" as never, "loi_1901")).toThrow(RangeError);
  });
});

describe("quorum and majorities", () => {
  it.each<[string | undefined, number | undefined, number | null]>([
    ["moitie", 10, 5],
    ["moitie", 11, 6],
    ["tiers", 10, 4],
    ["quart", 8, 2],
    ["deux_tiers", 9, 6],
    ["aucun", 40, 0],
    ["moitie", undefined, null],
    [undefined, 10, null],
  ])("quorum %s of %s members: %s", (rule, members, expected) => {
    expect(quorumRequired(rule, members)).toBe(expected);
  });

  it.each<[string, { pour?: number; contre?: number; abstentions?: number; unanimite?: boolean }, boolean | null]>([
    ["simple", { pour: 6, contre: 5 }, true],
    ["simple", { pour: 5, contre: 5, abstentions: 3 }, false],
    ["absolue", { pour: 6, contre: 5, abstentions: 10 }, true],
    ["deux_tiers", { pour: 20, contre: 10 }, true],
    ["deux_tiers", { pour: 19, contre: 10 }, false],
    ["trois_quarts", { pour: 30, contre: 10, abstentions: 5 }, true],
    ["trois_quarts", { pour: 29, contre: 10 }, false],
    ["deux_tiers", { unanimite: true }, true],
    ["simple", { pour: 0, contre: 0, abstentions: 4 }, false],
    ["simple", {}, null],
    ["inconnue", { pour: 3 }, null],
  ])("majority %s with %j: %s", (rule, vote, expected) => {
    expect(majorityReached(rule, vote)).toBe(expected);
  });
});

// The statuts the file describes (those an extraordinary assembly adopts) and, for that assembly,
// the statuts in force before it, with other rules, so that a check reading the wrong ones shows.
const statuts = (): Association => ({
  assemblee_generale: {
    ordinaire: { quorum: "tiers", majorite: "simple" },
    extraordinaire: { quorum: "deux_tiers", majorite: "trois_quarts" },
    procurations_max: 2,
  },
  conseil_administration: { quorum: "moitie", majorite: "simple" },
  ag_extraordinaire: { statuts_anterieurs: { quorum: "moitie", majorite: "deux_tiers", procurations_max: 1 } },
});

describe("checkMeeting", () => {
  const age = { reunion: "extraordinaire" as const, membres: 40, path: "association.age" };

  it("accepts an extraordinary assembly that reaches quorum and majority", () => {
    const found = checkMeeting(statuts(), "loi_1901", {
      ...age,
      presents: 16,
      representes: 4,
      resolutions: [{ intitule: "Modification des statuts", vote: { pour: 18, contre: 2 } }],
    });
    expect(found).toEqual([]);
  });

  it("reports a quorum not reached, from members present and represented", () => {
    const found = checkMeeting(statuts(), "loi_1901", { ...age, presents: 15, representes: 4 });
    expect(found).toEqual([
      {
        path: "association.age.presents",
        severity: "erreur",
        code: "pv.quorum",
        message: `assemblée générale extraordinaire${NBSP}: quorum non atteint, 19${NBSP}membres présents ou représentés sur 40, alors que les statuts en vigueur avant l’assemblée en demandent au moins 20.`,
      },
    ]);
  });

  it("reports a resolution without vote, one with more votes than voters, and one below the statuts’ majority", () => {
    const found = checkMeeting(statuts(), "loi_1901", {
      ...age,
      presents: 20,
      representes: 2,
      resolutions: [
        { intitule: "Objet" },
        { intitule: "Collèges", vote: { pour: 20, contre: 2, abstentions: 1 } },
        { intitule: "Instances", vote: { pour: 13, contre: 7 } },
      ],
    });
    expect(found.map((f) => [f.code, f.path])).toEqual([
      ["pv.vote-manquant", "association.age.resolutions[0].vote"],
      ["pv.vote-total", "association.age.resolutions[1].vote"],
      ["pv.majorite", "association.age.resolutions[2].vote"],
    ]);
    expect(found[2]!.message).toContain("majorité des deux tiers des suffrages exprimés");
  });

  it("holds the extraordinary assembly to the statuts in force before it, not to those it adopts", () => {
    // 22 of 40 reach the old half but not the new two thirds; 14 for 7 against reach the old two
    // thirds but not the new three quarters; 3 proxies for 2 present exceed the old limit of one.
    const found = checkMeeting(statuts(), "loi_1901", {
      ...age,
      presents: 20,
      representes: 2,
      resolutions: [{ intitule: "Objet", vote: { pour: 14, contre: 7 } }],
    });
    expect(found).toEqual([]);
    const proxies = checkMeeting(statuts(), "loi_1901", { ...age, presents: 20, representes: 21 });
    expect(proxies.map((f) => f.message)).toEqual([
      `assemblée générale extraordinaire${NBSP}: 21${NBSP}membres représentés pour 20${NBSP}présents, alors que les statuts en vigueur avant l’assemblée limitent chaque présent à 1${NBSP}pouvoir.`,
    ]);
  });

  it("reports the rules of the statuts in force before an extraordinary assembly when the file does not give them", () => {
    const found = checkMeeting({ ...statuts(), ag_extraordinaire: {} }, "loi_1901", {
      ...age,
      presents: 30,
      representes: 30,
      resolutions: [{ intitule: "Objet", vote: { pour: 5, contre: 50 } }],
    });
    // Neither the new statuts' quorum, majority nor proxies stand in for the missing ones.
    expect(found.map((f) => [f.code, f.path])).toEqual([
      ["pv.quorum-statuts", "association.ag_extraordinaire.statuts_anterieurs.quorum"],
      ["pv.majorite-statuts", "association.ag_extraordinaire.statuts_anterieurs.majorite"],
    ]);
    expect(found[0]!.message).toContain("le quorum que fixent les statuts en vigueur avant l’assemblée n’est pas renseigné");
  });

  it("reports more proxies than the statuts allow, a contradictory unanimity and a missing member count", () => {
    const found = checkMeeting(statuts(), "loi_1901", {
      reunion: "ordinaire",
      path: "association.ago",
      presents: 3,
      representes: 7,
      resolutions: [{ intitule: "Comptes", vote: { unanimite: true, contre: 1 } }],
    });
    expect(found.map((f) => f.code)).toEqual(["pv.procurations", "pv.membres", "pv.vote-incoherent"]);
    expect(found[0]!.message).toContain(`limitent chaque présent à 2${NBSP}pouvoirs`);
  });

  it("checks the conseil against the conseil’s own rules", () => {
    const found = checkMeeting(statuts(), "loi_1901", { reunion: "conseil", membres: 12, presents: 5, path: "association.ca" });
    expect(found.map((f) => f.code)).toEqual(["pv.quorum"]);
  });

  it("holds a constitutive assembly to the founders’ minimum only, not to statuts not yet adopted", () => {
    const vote = [{ intitule: "Adoption des statuts", vote: { pour: 5, contre: 1 } }];
    expect(checkMeeting(statuts(), "loi_1901", { reunion: "constitutive", presents: 6, path: "ag", resolutions: vote })).toEqual([]);
    const local = checkMeeting(statuts(), "droit_local", { reunion: "constitutive", presents: 6, path: "ag", resolutions: vote });
    expect(local.map((f) => f.code)).toEqual(["pv.fondateurs"]);
    expect(local[0]!.message).toContain(`au moins 7${NBSP}membres pour fonder une association de droit local`);
  });

  it("cannot check a quorum the statuts do not set", () => {
    const found = checkMeeting({}, "loi_1901", { reunion: "ordinaire", membres: 10, presents: 10, path: "ago" });
    expect(found.map((f) => [f.code, f.path])).toEqual([["pv.quorum-statuts", "association.assemblee_generale.ordinaire.quorum"]]);
  });
});

const dirigeant = (d: Partial<Dirigeant> & { nom: string }): Dirigeant => ({ prenom: "P", fonction: "administrateur", ...d });

const bergeracLike = (): Association => ({
  colleges: [
    { nom: "collège des infirmiers", titulaires: 2, suppleants: 1 },
    { nom: "collège des pharmaciens", titulaires: 1, suppleants: 0 },
  ],
  bureau: { fonctions: ["president", "vice_president", "secretaire", "tresorier"], vice_president_par_college: true },
  dirigeants: [
    dirigeant({ nom: "A", civilite: "Mme", fonction: "president", college: "collège des infirmiers" }),
    dirigeant({ nom: "B", fonction: "secretaire", college: "collège des infirmiers" }),
    dirigeant({ nom: "C", college: "collège des infirmiers", titulaire: false }),
    dirigeant({ nom: "D", fonction: "vice_president", college: "collège des pharmaciens" }),
  ],
});

describe("who elects whom", () => {
  it("has each collège elect its seats and the conseil elect the bureau, in its own minutes", () => {
    const plan = electionPlan(bergeracLike());
    expect(plan.conseil).toEqual({
      elu_par: "colleges",
      elections: [
        { college: "collège des infirmiers", titulaires: 2, suppleants: 1 },
        { college: "collège des pharmaciens", titulaires: 1, suppleants: 0 },
      ],
    });
    expect(plan.bureau).toMatchObject({ elu_par: "conseil_administration", document: "pv-conseil-administration", vice_president_par_college: true });
    expect(electionPlan({}).conseil.elu_par).toBe("assemblee_generale");
  });

  it("finds dirigeants that agree with the statuts", () => {
    expect(checkDirigeantsAgainstStatuts(bergeracLike())).toEqual([]);
  });

  it("reports seats beyond the statuts as errors and empty seats as warnings", () => {
    const a = bergeracLike();
    a.dirigeants!.push(dirigeant({ nom: "E", college: "collège des pharmaciens" }));
    a.colleges![0]!.suppleants = 2;
    const found = checkDirigeantsAgainstStatuts(a);
    expect(found.map((f) => [f.severity, f.path])).toEqual([
      ["avertissement", "association.colleges[0].suppleants"],
      ["erreur", "association.colleges[1].titulaires"],
    ]);
    expect(found[0]!.message).toBe(`«${NBSP}collège des infirmiers${NBSP}»${NBSP}: les statuts prévoient 2${NBSP}sièges de suppléants, la liste des dirigeants en compte 1.`);
  });

  it("reports a collège or a function the statuts do not have, and a bureau without one president", () => {
    const a = bergeracLike();
    a.dirigeants!.push(dirigeant({ nom: "F", civilite: "Mme", college: "collège des usagers", fonction: "tresorier_adjoint" }));
    a.dirigeants!.push(dirigeant({ nom: "G", fonction: "president" }));
    const found = checkDirigeantsAgainstStatuts(a);
    expect(found.map((f) => f.code)).toEqual(["statuts.college-inconnu", "statuts.fonction-inconnue", "statuts.president"]);
    expect(found[0]!.message).toContain("P F est élue au titre du collège");
  });

  it("asks a vice-president for each collège the president does not represent", () => {
    const a = bergeracLike();
    a.dirigeants = a.dirigeants!.filter((d) => d.fonction !== "vice_president");
    a.colleges![1]!.titulaires = 0;
    const found = checkDirigeantsAgainstStatuts(a);
    expect(found.map((f) => [f.code, f.path])).toEqual([["statuts.vice-president-college", "association.colleges[1]"]]);
  });
});

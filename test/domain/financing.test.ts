import { describe, expect, it } from "vitest";
import type { MissionCode } from "../../src/domain/aci.js";
import { formatAmount } from "../../src/french/index.js";
import {
  MENTION_A_CONFIRMER,
  MENTION_CONTRAT,
  MENTION_INCONNU,
  MENTION_OBSERVE,
  type FinancingLine,
  type FinancingResult,
  compareToMaximum,
  simulateFinancing,
} from "../../src/domain/financing.js";

const NNBSP = "\u202f";
const NBSP = "\u00a0";
const BERGERAC: MissionCode[] = ["ACCES", "PARCOURS", "PREVENTION", "QUALITE", "ACCOMPAGNEMENT"];
const SOCLE: MissionCode[] = ["ACCES", "PARCOURS", "PREVENTION", "CRISE"];

function lineOf(result: FinancingResult, code: string, annee = 1): FinancingLine {
  const found = result.par_annee[annee - 1]?.lignes.find((l) => l.code === code);
  if (!found) throw new Error(`missing line ${code} in year ${annee}`);
  return found;
}

describe("amounts of the simulation (formatAmount)", () => {
  it.each<[number, string]>([
    [75_000, `75${NNBSP}000${NBSP}€`],
    [1_987_500, `1${NNBSP}987${NNBSP}500${NBSP}€`],
    [0, `0${NBSP}€`],
    [1234.5, `1${NNBSP}234,50${NBSP}€`],
  ])("%d → %s", (amount, text) => {
    expect(formatAmount(amount)).toBe(text);
  });
});

describe("simulateFinancing — taille 3, Bergerac missions plus CRISE", () => {
  const result = simulateFinancing({ taille: "T3", missions: [...BERGERAC, "CRISE"] });

  it("covers the 5 years of the contract by default", () => {
    expect(result.annees).toBe(5);
    expect(result.par_annee.map((y) => y.annee)).toEqual([1, 2, 3, 4, 5]);
    expect(result.missions).toEqual(["ACCES", "PARCOURS", "PREVENTION", "CRISE", "QUALITE", "ACCOMPAGNEMENT"]);
  });

  it.each<[string, number]>([
    ["FONCTIONNEMENT", 75_000],
    ["ACCES_FIXE", 90_000],
    ["ACCES_VARIABLE", 35_000],
    ["PARCOURS_FIXE", 45_000],
    ["PARCOURS_VARIABLE", 45_000],
    ["PREVENTION_FIXE", 17_500],
    ["PREVENTION_VARIABLE", 17_500],
    ["CRISE_FIXE", 22_500],
    ["CRISE_VARIABLE", 67_500],
    ["QUALITE_FIXE", 15_000],
    ["QUALITE_VARIABLE", 15_000],
    ["ACCOMPAGNEMENT_FIXE", 10_000],
    ["ACCOMPAGNEMENT_VARIABLE", 10_000],
  ])("%s = %i every year", (code, montant) => {
    for (let annee = 1; annee <= 5; annee++) expect(lineOf(result, code, annee).montant).toBe(montant);
  });

  it("labels the per-mission amounts as observed in two contracts", () => {
    const l = lineOf(result, "PARCOURS_FIXE");
    expect(l.origine).toBe("reference");
    expect(l.confiance).toBe("source_unique");
    expect(l.mention).toBe(MENTION_OBSERVE);
    expect(lineOf(result, "FONCTIONNEMENT").mention).toBeUndefined();
  });

  it("keeps the crisis-activation variable part out of the totals", () => {
    const crise = lineOf(result, "CRISE_VARIABLE");
    expect(crise.compte_dans_total).toBe(false);
    expect(crise.condition).toMatch(/reconnue par l’ARS/);
  });

  it("totals 397 500 € a year, 1 987 500 € over the contract", () => {
    for (const y of result.par_annee) {
      expect(y.total).toMatchObject({ complet: true, montant: 397_500, montant_connu: 397_500, lignes_inconnues: [] });
    }
    expect(result.total_contrat).toMatchObject({ complet: true, montant: 1_987_500 });
    expect(result.par_annee[0]?.total.lignes_non_confirmees).toContain("ACCES_FIXE");
  });

  it("shows the amorçage majoration in year 1 only, uncertain and not counted", () => {
    const amorcage = lineOf(result, "AMORCAGE", 1);
    expect(amorcage.montant).toBe(56_250);
    expect(amorcage.mention).toBe(MENTION_A_CONFIRMER);
    expect(amorcage.compte_dans_total).toBe(false);
    expect(result.par_annee[1]?.lignes.some((l) => l.code === "AMORCAGE")).toBe(false);
  });

  it("shows the LI start-up amount before the contract, to confirm", () => {
    expect(result.avant_contrat[0]).toMatchObject({ montant: 25_000, mention: MENTION_A_CONFIRMER });
  });

  it("notes that the known total exceeds the 2019 maximum while the current one is unknown", () => {
    expect(result.maximum.aci_2019.montant).toBe(370_000);
    expect(result.maximum.avenant_2.montant).toBeNull();
    expect(result.depassement_maximum).toContain(`370${NNBSP}000${NBSP}€`);
    expect(result.depassement_maximum).toMatch(/n’est pas connu/);
    expect(result.notes).toContain(result.depassement_maximum);
  });

  it("says what it does not model", () => {
    const notes = result.notes.join("\n");
    expect(notes).toMatch(/prorata/);
    expect(notes).toMatch(/échéancier/);
    expect(notes).toMatch(/deux contrats/);
    expect(notes).toMatch(/FIR/);
  });

  it("is JSON-serialisable without loss", () => {
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});

describe("simulateFinancing — taille 2, socle missions", () => {
  const result = simulateFinancing({ taille: "T2", missions: SOCLE });
  const missionLines = (result.par_annee[0]?.lignes ?? []).filter((l) => l.mission !== undefined);

  it("invents no per-mission amount", () => {
    expect(missionLines).toHaveLength(8);
    for (const l of missionLines) {
      expect(l.montant).toBeNull();
      expect(l.origine).toBe("inconnu");
      expect(l.mention).toBe(MENTION_INCONNU);
    }
  });

  it("gives incomplete totals: known lines only, with the unknown ones listed", () => {
    for (const y of result.par_annee) {
      expect(y.total.complet).toBe(false);
      expect(y.total.montant).toBeNull();
      expect(y.total.montant_connu).toBe(60_000);
      expect(y.total.lignes_inconnues).toEqual([
        "ACCES_FIXE",
        "ACCES_VARIABLE",
        "PARCOURS_FIXE",
        "PARCOURS_VARIABLE",
        "PREVENTION_FIXE",
        "PREVENTION_VARIABLE",
        "CRISE_FIXE",
      ]);
    }
    expect(result.total_contrat).toMatchObject({ complet: false, montant: null, montant_connu: 300_000 });
  });

  it("keeps the fonctionnement, confirmed", () => {
    expect(lineOf(result, "FONCTIONNEMENT")).toMatchObject({ montant: 60_000, confiance: "confirme", origine: "reference" });
  });

  it("does not compare an incomplete total that stays under the maximum", () => {
    expect(result.depassement_maximum).toBeNull();
  });

  it("explains the unknowns", () => {
    expect(result.notes.join("\n")).toMatch(/pas connus pour la taille\u00a02/);
  });
});

describe("simulateFinancing — amounts from the signed contract", () => {
  it("replaces unknowns and labels them « contrat »", () => {
    const result = simulateFinancing({
      taille: "T2",
      missions: SOCLE,
      contrat: { missions: { ACCES: { fixe: 50_000, variable: 20_000 } } },
    });
    const fixe = lineOf(result, "ACCES_FIXE");
    expect(fixe).toMatchObject({ montant: 50_000, origine: "contrat", mention: MENTION_CONTRAT });
    expect(lineOf(result, "ACCES_VARIABLE").montant).toBe(20_000);
    expect(lineOf(result, "PARCOURS_FIXE").origine).toBe("inconnu");
    expect(result.par_annee[0]?.total).toMatchObject({ complet: false, montant_connu: 130_000 });
  });

  it("gives a number total once every counted line is known", () => {
    const contrat = {
      fonctionnement: 60_000,
      missions: {
        ACCES: { fixe: 50_000, variable: 20_000 },
        PARCOURS: { fixe: 30_000, variable: 30_000 },
        PREVENTION: { fixe: 10_000, variable: 10_000 },
        CRISE: { fixe: 15_000 },
      },
    };
    const result = simulateFinancing({ taille: "T2", missions: SOCLE, contrat, annees: 2 });
    expect(result.par_annee[0]?.total).toMatchObject({ complet: true, montant: 225_000 });
    expect(result.total_contrat).toMatchObject({ complet: true, montant: 450_000 });
    expect(lineOf(result, "FONCTIONNEMENT").origine).toBe("contrat");
    // The crisis variable part stays unknown but conditional: it does not block the total.
    expect(lineOf(result, "CRISE_VARIABLE")).toMatchObject({ montant: null, compte_dans_total: false });
    // With the contract's fonctionnement, no reference amorçage is added.
    expect(result.par_annee[0]?.lignes.some((l) => l.code === "AMORCAGE")).toBe(false);
  });

  it("overrides a taille 3 reference figure too", () => {
    const result = simulateFinancing({ taille: "T3", missions: ["ACCES"], contrat: { missions: { ACCES: { variable: 30_000 } } } });
    expect(lineOf(result, "ACCES_VARIABLE")).toMatchObject({ montant: 30_000, origine: "contrat" });
    expect(lineOf(result, "ACCES_FIXE")).toMatchObject({ montant: 90_000, origine: "reference" });
  });

  it("keeps a contract crisis variable part conditional", () => {
    const result = simulateFinancing({ taille: "T1", missions: ["CRISE"], contrat: { missions: { CRISE: { variable: 40_000 } } } });
    expect(lineOf(result, "CRISE_VARIABLE")).toMatchObject({ montant: 40_000, compte_dans_total: false });
  });

  it("notes contract amounts for missions that are not chosen", () => {
    const result = simulateFinancing({ taille: "T2", missions: SOCLE, contrat: { missions: { QUALITE: { fixe: 1 }, FOO: { fixe: 1 } } } });
    const notes = result.notes.join("\n");
    expect(notes).toMatch(/Qualité et pertinence des soins\u00a0», qui n’est pas retenue/);
    expect(notes).toMatch(/Code de mission inconnu/);
  });

  it("rejects a negative or non-finite amount", () => {
    expect(() => simulateFinancing({ taille: "T2", missions: SOCLE, contrat: { fonctionnement: -1 } })).toThrow(RangeError);
    expect(() =>
      simulateFinancing({ taille: "T2", missions: SOCLE, contrat: { missions: { ACCES: { fixe: Number.NaN } } } }),
    ).toThrow(RangeError);
  });
});

describe("simulateFinancing — other rules", () => {
  it("notes a missing socle mission", () => {
    const result = simulateFinancing({ taille: "T3", missions: ["ACCES", "PARCOURS", "PREVENTION"] });
    expect(result.notes.join("\n")).toMatch(/Réponse aux crises sanitaires graves\u00a0» n’est pas retenue/);
  });

  it("warns beyond the 5-year contract", () => {
    const result = simulateFinancing({ taille: "T1", missions: SOCLE, annees: 7 });
    expect(result.par_annee).toHaveLength(7);
    expect(result.notes.join("\n")).toMatch(/renouvellement/);
  });

  it.each([0, -1, 1.5, 11])("rejects %s years", (annees) => {
    expect(() => simulateFinancing({ taille: "T1", missions: SOCLE, annees })).toThrow(RangeError);
  });

  it("rejects an unknown mission or taille", () => {
    expect(() => simulateFinancing({ taille: "T1", missions: ["NOPE" as MissionCode] })).toThrow(RangeError);
    expect(() => simulateFinancing({ taille: "T9" as "T1", missions: [] })).toThrow(RangeError);
  });
});

describe("compareToMaximum", () => {
  it.each<[Parameters<typeof compareToMaximum>[0], number, RegExp | null]>([
    ["T4", 580_000, null],
    ["T4", 600_000, /avenant\u00a02 pour la taille\u00a04 \(580\u202f000\u00a0€\)/],
    ["T4", 500_000, null],
    ["T1", 220_000, null],
    ["T1", 230_000, /ACI 2019 pour la taille\u00a01 \(220\u202f000\u00a0€\)/],
    ["T2", 300_000, /287\u202f000/],
  ])("%s with %i → %s", (taille, total, expected) => {
    const note = compareToMaximum(taille, total);
    if (expected === null) expect(note).toBeNull();
    else expect(note).toMatch(expected);
  });
});

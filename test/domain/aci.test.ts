import { describe, expect, it } from "vitest";
import aciJson from "../../src/domain/data/aci.json" with { type: "json" };
import {
  ACI_DATA,
  MISSION_CODES,
  TAILLES,
  type Taille,
  checkPopulation,
  tailleBoundaryRule,
  tailleFromPopulation,
} from "../../src/domain/aci.js";
import { isValidIsoDate } from "../../src/domain/calendar.js";

const NBSP = "\u00a0";
const VERSION_DATES: Record<string, string> = { ACI_2019: "2019-08-25", AVENANT_2: "2022-03-31" };
const CONFIANCES = ["confirme", "source_unique", "incertain"];

/** Every object held in a top-level array of aci.json is an entry. */
function entries(): { section: string; entry: Record<string, unknown> }[] {
  const out: { section: string; entry: Record<string, unknown> }[] = [];
  for (const [section, value] of Object.entries(aciJson)) {
    if (!Array.isArray(value)) continue;
    for (const entry of value as Record<string, unknown>[]) out.push({ section, entry });
  }
  return out;
}

function allStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) allStrings(v, out);
  else if (value && typeof value === "object") for (const v of Object.values(value)) allStrings(v, out);
  return out;
}

describe("tailleFromPopulation", () => {
  it.each<[number, Taille]>([
    [0, "T1"],
    [19_999, "T1"],
    [39_999, "T1"],
    [40_000, "T2"],
    [79_999, "T2"],
    [80_000, "T3"],
    [175_000, "T3"],
    [175_001, "T4"],
    [2_000_000, "T4"],
  ])("%i habitants → %s", (population, taille) => {
    expect(tailleFromPopulation(population)).toBe(taille);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])("rejects %s", (population) => {
    expect(() => tailleFromPopulation(population)).toThrow(RangeError);
  });

  it("documents the threshold rule as uncertain, with sources", () => {
    const rule = tailleBoundaryRule();
    expect(rule.confiance).toBe("incertain");
    expect(rule.note).toMatch(/seuil/);
    expect(rule.source.length).toBeGreaterThan(0);
  });
});

describe("checkPopulation", () => {
  it.each([40_000, 80_000, 175_000])("warns that %i sits on a threshold", (population) => {
    const codes = checkPopulation(population).map((f) => f.code);
    expect(codes).toContain("aci.taille-seuil");
  });

  it("warns, without blocking, under the single-source 20 000 floor", () => {
    const findings = checkPopulation(19_999);
    expect(findings.map((f) => f.code)).toEqual(["aci.population-faible"]);
    expect(findings.every((f) => f.severity === "avertissement")).toBe(true);
    expect(tailleFromPopulation(19_999)).toBe("T1");
  });

  it("says nothing for an ordinary population", () => {
    expect(checkPopulation(120_000)).toEqual([]);
  });
});

describe("aci.json", () => {
  it("gives every entry a source, a valid_from and a confiance", () => {
    const list = entries();
    expect(list.length).toBeGreaterThan(30);
    for (const { section, entry } of list) {
      const where = `${section} ${JSON.stringify(entry).slice(0, 80)}`;
      expect(Array.isArray(entry.source), where).toBe(true);
      const sources = entry.source as unknown[];
      expect(sources.length, where).toBeGreaterThan(0);
      for (const s of sources) {
        expect(typeof s, where).toBe("string");
        expect((s as string).trim().length, where).toBeGreaterThan(0);
        if ((s as string).startsWith("http")) expect(() => new URL(s as string), where).not.toThrow();
      }
      expect(typeof entry.valid_from, where).toBe("string");
      expect(isValidIsoDate(entry.valid_from as string), where).toBe(true);
      expect(CONFIANCES, where).toContain(entry.confiance);
      if (typeof entry.version === "string") {
        expect(entry.valid_from, where).toBe(VERSION_DATES[entry.version]);
      }
    }
  });

  it("holds per-mission amounts for taille 3 only", () => {
    const perMission = aciJson.missions_montants;
    expect(perMission.length).toBe(6);
    expect(new Set(perMission.map((e) => e.taille))).toEqual(new Set(["T3"]));
    for (const taille of ["T1", "T2", "T4"] as const) {
      for (const code of MISSION_CODES) {
        const { fixe, variable } = ACI_DATA.missionAmounts(taille, code);
        expect(fixe.montant).toBeNull();
        expect(variable.montant).toBeNull();
        expect(fixe.origine).toBe("inconnu");
        expect(variable.origine).toBe("inconnu");
      }
    }
  });

  it("uses French typography in its texts", () => {
    for (const text of allStrings(aciJson)) {
      if (text.startsWith("http")) continue;
      expect(text, text).not.toMatch(/ [:;?!]/);
      expect(text, text).not.toMatch(/'/);
      expect(text, text).not.toMatch(/«(?!\u00a0)|(?<!\u00a0)»/);
      expect(text, text).not.toMatch(/\d \d{3}/);
    }
  });
});

describe("ACI_DATA figures", () => {
  it.each<[Taille, number]>([
    ["T1", 50_000],
    ["T2", 60_000],
    ["T3", 75_000],
    ["T4", 90_000],
  ])("fonctionnement %s = %i, ACI 2019, confirmed", (taille, montant) => {
    const f = ACI_DATA.fonctionnement(taille);
    expect(f).toMatchObject({ montant, origine: "reference", confiance: "confirme", valid_from: "2019-08-25" });
  });

  it.each(TAILLES)("amorçage %s = fonctionnement + 75 %%, eligibility uncertain", (taille) => {
    const a = ACI_DATA.amorcage(taille);
    const f = ACI_DATA.fonctionnement(taille);
    expect(a.montant).toBe((f.montant ?? 0) * 1.75);
    expect(a.valid_from).toBe("2022-03-31");
    expect(a.confiance).toBe("incertain");
    expect(a.condition).toBeDefined();
  });

  it.each<[Taille, number, string]>([
    ["T1", 15_000, "confirme"],
    ["T2", 17_500, "incertain"],
    ["T3", 25_000, "incertain"],
    ["T4", 30_000, "confirme"],
  ])("start-up amount at LI validation %s = %i (%s)", (taille, montant, confiance) => {
    const d = ACI_DATA.demarrageLettreIntention(taille);
    expect(d).toMatchObject({ montant, confiance, origine: "reference" });
    expect(d.note).toBeDefined();
  });

  it("keeps the alternative start-up values in the notes", () => {
    expect(ACI_DATA.demarrageLettreIntention("T3").note).toContain(`20${"\u202f"}000`);
    expect(ACI_DATA.demarrageLettreIntention("T4").note).toContain(`25${"\u202f"}000`);
  });

  it.each<[Taille, number, number | null]>([
    ["T1", 220_000, null],
    ["T2", 287_000, null],
    ["T3", 370_000, null],
    ["T4", 450_000, 580_000],
  ])("maximum %s: 2019 = %i, avenant 2 = %s", (taille, max2019, maxAv2) => {
    expect(ACI_DATA.maximum(taille, "ACI_2019")).toMatchObject({ montant: max2019, confiance: "confirme" });
    const av2 = ACI_DATA.maximum(taille, "AVENANT_2");
    expect(av2.montant).toBe(maxAv2);
    expect(av2.origine).toBe(maxAv2 === null ? "inconnu" : "reference");
  });

  it.each<[(typeof MISSION_CODES)[number], number, number]>([
    ["ACCES", 90_000, 35_000],
    ["PARCOURS", 45_000, 45_000],
    ["PREVENTION", 17_500, 17_500],
    ["CRISE", 22_500, 67_500],
    ["QUALITE", 15_000, 15_000],
    ["ACCOMPAGNEMENT", 10_000, 10_000],
  ])("taille 3 %s: fixe %i, variable %i, observed in two contracts", (code, fixe, variable) => {
    const amounts = ACI_DATA.missionAmounts("T3", code);
    expect(amounts.fixe).toMatchObject({ montant: fixe, origine: "reference", confiance: "source_unique" });
    expect(amounts.variable).toMatchObject({ montant: variable, origine: "reference", confiance: "source_unique" });
    expect(amounts.fixe.note).toMatch(/deux contrats/);
    expect(amounts.fixe.note).toMatch(/pas dans le texte de l’ACI/);
    if (code === "CRISE") expect(amounts.variable.condition).toMatch(/crise sanitaire grave est reconnue par l’ARS/);
    else expect(amounts.variable.condition).toBeUndefined();
  });

  it("exposes the payment rules as sourced French sentences", () => {
    const codes = ACI_DATA.reglesVersement().map((r) => r.code);
    expect(codes).toEqual(
      expect.arrayContaining(["FONCTIONNEMENT_SIGNATURE", "FONCTIONNEMENT_ANNUEL", "MISSION_PART_FIXE", "MISSION_PART_VARIABLE"]),
    );
    expect(ACI_DATA.regleVersement("FONCTIONNEMENT_SIGNATURE").texte).toMatch(/en totalité à la signature/);
    expect(ACI_DATA.regleVersement("FONCTIONNEMENT_ANNUEL").texte).toContain(`75${NBSP}%`);
    expect(ACI_DATA.regleVersement("MISSION_PART_FIXE").texte).toMatch(/démarrage/);
  });

  it("exposes the calendar rules", () => {
    expect(ACI_DATA.regleCalendrier("VALIDATION_TACITE_PDS")).toMatchObject({ delai_mois: 2, point_de_depart: "reception_ars" });
    expect(ACI_DATA.regleCalendrier("PLAN_CRISE")).toMatchObject({ delai_mois: 12, point_de_depart: "signature_aci" });
    expect(ACI_DATA.dureeContratAnnees()).toBe(5);
    expect(() => ACI_DATA.regleCalendrier("INCONNUE")).toThrow(RangeError);
  });
});

import { describe, expect, it } from "vitest";
import { getTerritoryData, populationLabel, resolveTerritory, summarizeTerritory } from "../../src/territory/index.js";
import { expectFrenchTypography, only, rawCommunes, rawPopulation } from "./helpers.js";

const data = getTerritoryData();

function summaryOf(values: string[]) {
  const resolved = resolveTerritory(values, { path: "territoire.communes" });
  expect(resolved.findings.filter((f) => f.severity === "erreur")).toEqual([]);
  const summary = summarizeTerritory(resolved.communes, { path: "territoire" });
  expectFrenchTypography(summary.findings);
  return summary;
}

describe("a whole département: Dordogne (24)", () => {
  const summary = summaryOf(["24"]);
  const expected = rawCommunes().filter((c) => c.departement === "24" && c.type === "commune-actuelle");

  it(`${expected.length} communes, one région, its ARS and CPAM`, () => {
    expect(summary.communeCount).toBe(expected.length);
    expect(summary.population).toBe(expected.reduce((total, c) => total + (c.population ?? 0), 0));
    expect(summary.departments).toEqual([{ code: "24", name: "Dordogne" }]);
    expect(summary.regions).toEqual([{ code: "75", name: "Nouvelle-Aquitaine" }]);
    expect(summary.ars.map((a) => a.nom)).toEqual(["ARS Nouvelle-Aquitaine"]);
    expect(summary.ars[0]!.code_ans).toBe("ARS-75");
    expect(summary.cpam.map((c) => c.nom)).toEqual(["CPAM de la Dordogne"]);
    expect(summary.findings).toEqual([]);
  });

  it("says which census year the population is", () => {
    expect(summary.populationLabel).toBe(populationLabel(data.source.population));
    if (data.source.version === "6.0.0") {
      expect(summary.populationYear).toBe(2023);
      expect(summary.populationLabel).toBe("population municipale, données 2023");
    }
  });
});

describe("Paris", () => {
  it("Paris 11e: its own population, ARS Île-de-France, CPAM de Paris", () => {
    const summary = summaryOf(["Paris 11e"]);
    expect(summary.communes).toEqual([
      expect.objectContaining({ code: "75111", name: "Paris 11e Arrondissement", kind: "arrondissement" }),
    ]);
    expect(summary.population).toBe(rawPopulation("75111"));
    expect(summary.population).toBeGreaterThan(100_000);
    expect(summary.ars.map((a) => a.nom)).toEqual(["ARS Île-de-France"]);
    expect(summary.cpam.map((c) => c.nom)).toEqual(["CPAM de Paris"]);
    expect(summary.findings).toEqual([]);
  });

  it("three arrondissements add up", () => {
    const summary = summaryOf(["75111", "75112", "75120"]);
    expect(summary.communeCount).toBe(3);
    expect(summary.population).toBe(rawPopulation("75111") + rawPopulation("75112") + rawPopulation("75120"));
    expect(summary.findings).toEqual([]);
  });

  it("never counts an arrondissement and the whole commune twice", () => {
    const summary = summaryOf(["75111", "75056"]);
    expect(summary.communes.map((c) => c.code)).toEqual(["75056"]);
    expect(summary.population).toBe(rawPopulation("75056"));
    const f = only(summary.findings, "territoire.arrondissement");
    expect(f).toMatchObject({ severity: "avertissement", path: "territoire.communes[0]" });
    expect(f.message).toContain("Paris 11e Arrondissement (75111) fait partie de Paris (75056)");
  });
});

describe("warnings about the territory", () => {
  it("several départements: the signing CPAM is not set by the texts", () => {
    const summary = summaryOf(["Bergerac", "Agen"]);
    expect(summary.departments.map((d) => d.code).sort()).toEqual(["24", "47"]);
    expect(summary.regions).toHaveLength(1);
    expect(summary.cpam.map((c) => c.nom).sort()).toEqual(["CPAM de Lot-et-Garonne", "CPAM de la Dordogne"]);
    const f = only(summary.findings, "territoire.plusieurs-departements");
    expect(f).toMatchObject({ severity: "avertissement", path: "territoire" });
    expect(f.message).toContain("la CPAM signataire n’est pas fixée par les textes");
    expect(f.message).toContain("CPAM de la Dordogne");
    expect(f.message).toContain("à confirmer auprès de l’ARS");
    expect(summary.findings.map((x) => x.code)).not.toContain("territoire.plusieurs-regions");
  });

  it("several régions: several ARS", () => {
    const summary = summaryOf(["Bergerac", "Toulouse"]);
    expect(summary.regions.map((r) => r.name).sort()).toEqual(["Nouvelle-Aquitaine", "Occitanie"]);
    expect(summary.ars.map((a) => a.nom).sort()).toEqual(["ARS Nouvelle-Aquitaine", "ARS Occitanie"]);
    const f = only(summary.findings, "territoire.plusieurs-regions");
    expect(f.message).toContain("2 régions");
    expect(f.message).toContain("ARS Occitanie");
    only(summary.findings, "territoire.plusieurs-departements");
  });

  it("fewer than 20 000 inhabitants: a warning, not an error", () => {
    const summary = summaryOf(["Saint-Laurent-des-Vignes (24)", "Lembras"]);
    expect(summary.population).toBe(rawPopulation("24437") + rawPopulation("24237"));
    expect(summary.population).toBeLessThan(20_000);
    const f = only(summary.findings, "territoire.population-faible");
    expect(f.severity).toBe("avertissement");
    expect(f.message).toContain("une source mentionne un plancher de 20\u202f000 habitants");
    expect(summary.findings.some((x) => x.severity === "erreur")).toBe(false);
  });

  it("no floor warning at 20 000 and above", () => {
    expect(summaryOf(["200070647"]).findings).toEqual([]);
  });

  it("an uncertain CPAM (Nord) is flagged", () => {
    const summary = summaryOf(["Lille"]);
    expect(summary.cpam[0]).toMatchObject({ departement: "59", confiance: "incertain" });
    const f = only(summary.findings, "territoire.cpam-incertaine");
    expect(f.message).toContain("plusieurs caisses primaires");
  });

  it("Saint-Barthélemy and the Guadeloupe share one ARS and one fund: no warning about several", () => {
    const summary = summaryOf(["97101", "97701"]);
    expect(summary.ars.map((a) => a.code_ans)).toEqual(["ARS-01"]);
    const codes = summary.findings.map((f) => f.code);
    expect(codes).not.toContain("territoire.plusieurs-regions");
    expect(codes).not.toContain("territoire.plusieurs-departements");
  });

  it("Mayotte's populations are from another census: an information", () => {
    const summary = summaryOf(["97611"]);
    expect(summary.ars.map((a) => a.nom)).toEqual(["ARS Mayotte"]);
    expect(summary.cpam.map((c) => c.nom)).toEqual(["CSS de Mayotte"]);
    if (data.source.version === "6.0.0") {
      expect(only(summary.findings, "territoire.population-annee")).toMatchObject({ severity: "info" });
    }
  });

  it("a collectivité without ARS is flagged", () => {
    const summary = summaryOf(["97502"]);
    expect(summary.ars).toEqual([]);
    expect(only(summary.findings, "territoire.hors-ars").message).toContain("Saint-Pierre-et-Miquelon (975)");
  });
});

describe("input problems in the list of codes", () => {
  it("unknown and duplicate codes, with the path of each item", () => {
    const summary = summarizeTerritory(
      [
        { code: "24037", path: "territoire.communes[0]" },
        { code: "99999", path: "territoire.communes[1]" },
        { code: "24037", path: "territoire.communes[2]" },
        "24437",
      ],
      { path: "territoire" },
    );
    expect(summary.communes.map((c) => c.code)).toEqual(["24037", "24437"]);
    expect(summary.population).toBe(rawPopulation("24037") + rawPopulation("24437"));
    expect(only(summary.findings, "territoire.inconnu")).toMatchObject({ severity: "erreur", path: "territoire.communes[1]" });
    const duplicate = only(summary.findings, "territoire.doublon");
    expect(duplicate).toMatchObject({ severity: "avertissement", path: "territoire.communes[2]" });
    expect(duplicate.message).toContain("déjà en territoire.communes[0]");
    expectFrenchTypography(summary.findings);
  });

  it("a commune déléguée in the list is replaced by its commune actuelle", () => {
    const summary = summarizeTerritory(["24013"]);
    expect(summary.communes.map((c) => c.code)).toEqual(["24053"]);
    only(summary.findings, "territoire.commune-deleguee");
  });

  it("an empty list gives an empty summary and no finding", () => {
    const summary = summarizeTerritory([]);
    expect(summary).toMatchObject({ communeCount: 0, population: 0, departments: [], regions: [], ars: [], cpam: [], findings: [] });
  });
});

import { describe, expect, it } from "vitest";
import { getTerritoryData, resolveItem, resolveTerritory, summarizeTerritory } from "../../src/territory/index.js";
import { codes, expectFrenchTypography, only, q, rawCommunes, rawPopulation } from "./helpers.js";

const data = getTerritoryData();

describe("CA Bergeracoise (EPCI 200070647)", () => {
  const bySiren = resolveTerritory(["200070647"], { path: "territoire.epci" });
  const population = summarizeTerritory(bySiren.communes).population;

  it(`resolves by SIREN to its 38 communes, ${population} inhabitants in the data (published: 64 455)`, () => {
    expect(bySiren.findings).toEqual([]);
    expect(bySiren.items).toHaveLength(1);
    expect(bySiren.items[0]).toMatchObject({ kind: "epci", code: "200070647", name: "CA Bergeracoise" });
    expect(bySiren.communes).toHaveLength(38);
    expect(bySiren.communes.map((c) => c.code)).toContain("24037");
    expect(bySiren.communes.every((c) => c.path === "territoire.epci[0]")).toBe(true);

    const sum = bySiren.communes.reduce((total, c) => total + rawPopulation(c.code), 0);
    expect(population).toBe(sum);
    expect(population).toBeGreaterThan(40_000);
    expect(population).toBeLessThan(80_000);
    if (data.source.version === "6.0.0") expect(population).toBe(61_915);
  });

  it.each(["CA Bergeracoise", "ca bergeracoise", "Communauté d'agglomération Bergeracoise", "Communauté d’agglomération bergeracoise"])(
    "resolves by name « %s »",
    (name) => {
      const r = resolveItem({ value: name, kind: "epci" });
      expect(r.findings).toEqual([]);
      expect(r.item?.code).toBe("200070647");
      expect(r.item?.communes).toHaveLength(38);
    },
  );
});

describe("communes by code and by name", () => {
  it("accepts INSEE codes, including Corsica", () => {
    expect(resolveItem("24037").item).toMatchObject({ kind: "commune", code: "24037", name: "Bergerac" });
    expect(resolveItem("2a004").item).toMatchObject({ code: "2A004", name: "Ajaccio" });
  });

  it.each([
    ["BERGERAC", "24037"],
    ["bergerac", "24037"],
    ["saint-laurent-des-vignes", "24437"],
    ["Saint Laurent des Vignes", "24437"],
    ["ST-LAURENT-DES-VIGNES", "24437"],
    ["Périgueux", "24322"],
    ["perigueux", "24322"],
    ["Saint-Laurent-des-Vignes (24)", "24437"],
  ])("« %s » → %s", (name, code) => {
    const r = resolveItem({ value: name, kind: "commune" });
    expect(r.findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(r.item?.code).toBe(code);
  });

  it("reports an ambiguous name with every candidate, its département and code", () => {
    const r = resolveItem({ value: "Saint-Laurent", kind: "commune", path: "territoire.communes[2]" });
    expect(r.item).toBeNull();
    const f = only(r.findings, "territoire.ambigu");
    expect(f.severity).toBe("erreur");
    expect(f.path).toBe("territoire.communes[2]");
    const expected = rawCommunes().filter((c) => c.nom === "Saint-Laurent" && c.type === "commune-actuelle");
    expect(expected.length).toBeGreaterThan(1);
    for (const c of expected) expect(f.message).toContain(c.code);
    expect(f.message).toContain("Saint-Laurent (Haute-Savoie, 74244)");
    expect(f.message).toContain("Saint-Laurent (08)");
    expectFrenchTypography(r.findings);
  });

  it.each(["Saint-Laurent (74)", "Saint-Laurent (Haute-Savoie)", "saint laurent (74)"])("« %s » picks the Haute-Savoie one", (value) => {
    const r = resolveItem(value);
    expect(r.findings).toEqual([]);
    expect(r.item).toMatchObject({ code: "74244", name: "Saint-Laurent" });
  });

  it("says where a name exists when the département given has none", () => {
    const r = resolveItem("Saint-Laurent (24)");
    expect(r.item).toBeNull();
    const f = only(r.findings, "territoire.inconnu");
    expect(f.message).toContain("dans le département Dordogne (24)");
    expect(f.message).toContain("74244");
  });

  it("suggests close names for an unknown one", () => {
    const r = resolveItem({ value: "Bergera", kind: "commune" });
    expect(r.item).toBeNull();
    expect(only(r.findings, "territoire.inconnu").message).toContain("Bergerac (Dordogne, 24037)");
  });

  it("asks which one is meant when a name is both a département and a commune", () => {
    const r = resolveItem("Vienne");
    expect(r.item).toBeNull();
    const f = only(r.findings, "territoire.ambigu");
    expect(f.message).toContain("Vienne (86)");
    expect(f.message).toContain("38544");
    expect(resolveItem({ value: "Vienne", kind: "departement" }).item?.code).toBe("86");
    expect(resolveItem({ value: "Vienne", kind: "commune" }).item?.code).toBe("38544");
    expect(resolveItem("Vienne (38)").item?.code).toBe("38544");
    expect(resolveItem({ value: "Vienne (86)", kind: "departement" }).item?.code).toBe("86");
  });
});

describe("départements", () => {
  const communesOf24 = rawCommunes().filter((c) => c.departement === "24" && c.type === "commune-actuelle");

  it.each(["24", "Dordogne", "dordogne"])("« %s » gives every commune actuelle of the Dordogne", (value) => {
    const r = resolveItem(value);
    expect(r.findings).toEqual([]);
    expect(r.item).toMatchObject({ kind: "departement", code: "24", name: "Dordogne" });
    expect(r.item?.communes).toHaveLength(communesOf24.length);
    expect(new Set(r.item?.communes)).toEqual(new Set(communesOf24.map((c) => c.code)));
  });

  it("accepts 2A, 971 and a single digit", () => {
    expect(resolveItem("2A").item?.name).toBe("Corse-du-Sud");
    expect(resolveItem("971").item?.name).toBe("Guadeloupe");
    expect(resolveItem({ value: "1", kind: "departement" }).item?.name).toBe("Ain");
    expect(resolveItem("Côte-d'Or").item?.code).toBe("21");
  });

  it("explains that Corsica is 2A and 2B", () => {
    const r = resolveItem("20");
    expect(only(r.findings, "territoire.inconnu").message).toContain(q("2A"));
  });
});

describe("Paris, Lyon and Marseille", () => {
  it.each(["75111", "Paris 11e", "Paris 11e Arrondissement", "paris 11", "PARIS 11E ARRONDISSEMENT", "Paris 11ème"])(
    "« %s » → Paris 11e Arrondissement",
    (value) => {
      const r = resolveItem(value);
      expect(r.findings).toEqual([]);
      expect(r.item).toMatchObject({ kind: "arrondissement", code: "75111", name: "Paris 11e Arrondissement", communes: ["75111"] });
    },
  );

  it("accepts the arrondissements of Lyon and Marseille and the whole of Paris", () => {
    expect(resolveItem("Lyon 3e").item?.code).toBe("69383");
    expect(resolveItem("Marseille 1er").item?.code).toBe("13201");
    expect(resolveItem("69389").item?.name).toBe("Lyon 9e Arrondissement");
    expect(resolveItem("75056").item).toMatchObject({ kind: "commune", name: "Paris" });
    expect(resolveItem("Paris").item).toMatchObject({ kind: "commune", code: "75056" });
  });

  it("rejects an arrondissement that does not exist", () => {
    const r = resolveItem("Paris 21e");
    expect(r.item).toBeNull();
    expect(only(r.findings, "territoire.inconnu").message).toContain("Paris compte 20 arrondissements");
  });
});

describe("communes déléguées, associées and former codes", () => {
  it("maps a commune déléguée (by code) to its commune actuelle with a warning", () => {
    const r = resolveTerritory(["24013"], { path: "territoire.communes" });
    expect(r.communes).toEqual([{ code: "24053", path: "territoire.communes[0]" }]);
    const f = only(r.findings, "territoire.commune-deleguee");
    expect(f.severity).toBe("avertissement");
    expect(f.path).toBe("territoire.communes[0]");
    expect(f.message).toContain("Atur (24013) est une commune déléguée de Boulazac Isle Manoire, remplacée par Boulazac Isle Manoire");
    expectFrenchTypography(r.findings);
  });

  it("maps a commune associée and a déléguée given by name", () => {
    const associee = resolveItem("01120");
    expect(associee.item?.code).toBe("01262");
    expect(only(associee.findings, "territoire.commune-deleguee").message).toContain("commune associée de Montluel");
    const byName = resolveItem("Atur");
    expect(byName.item?.code).toBe("24053");
    expect(codes(byName.findings)).toEqual(["territoire.commune-deleguee"]);
  });

  it("keeps the commune actuelle when a déléguée shares its code", () => {
    const r = resolveItem("01015");
    expect(r.findings).toEqual([]);
    expect(r.item?.name).toBe("Arboys en Bugey");
  });

  it("maps the former code of a merged commune", () => {
    const r = resolveItem("24003");
    expect(r.item?.code).toBe("24082");
    expect(only(r.findings, "territoire.ancien-code").message).toContain("Carsac-Aillac (Dordogne, 24082)");
  });
});

describe("bad input gives findings, never exceptions", () => {
  it("flags malformed and unknown codes as errors", () => {
    const r = resolveTerritory(["2403", "99999", "24037"], { path: "territoire.communes" });
    expect(r.communes.map((c) => c.code)).toEqual(["24037"]);
    const malformed = only(r.findings, "territoire.code-invalide");
    expect(malformed).toMatchObject({ severity: "erreur", path: "territoire.communes[0]" });
    expect(malformed.message).toContain(q("2403"));
    const unknown = only(r.findings, "territoire.inconnu");
    expect(unknown).toMatchObject({ severity: "erreur", path: "territoire.communes[1]" });
    expect(unknown.message).toContain(`Code INSEE inconnu ${q("99999")}`);
    expectFrenchTypography(r.findings);
  });

  it("recognises a postal code given instead of an INSEE code", () => {
    const r = resolveItem("75011");
    expect(r.item).toBeNull();
    const f = only(r.findings, "territoire.code-postal");
    expect(f.severity).toBe("erreur");
    expect(f.message).toContain("Paris 11e Arrondissement (Paris, 75111)");
    // 75011 was also the code of Bonneuil-sur-Marne before the Seine was split (1968).
    expect(f.message).toContain("ancien code INSEE de Bonneuil-sur-Marne");
  });

  it("accepts an INSEE code that is also a postal code elsewhere, with a note", () => {
    const r = resolveItem("24100");
    expect(r.item?.code).toBe("24100");
    const f = only(r.findings, "territoire.code-postal");
    expect(f.severity).toBe("info");
    expect(f.message).toContain("Bergerac (Dordogne, 24037)");
  });

  it("suggests the leading zero lost by YAML", () => {
    const r = resolveItem("1053");
    expect(only(r.findings, "territoire.code-invalide").message).toContain(`${q("01053")} (Bourg-en-Bresse, Ain)`);
  });

  it("rejects a value of the wrong kind", () => {
    const r = resolveTerritory([
      { value: "24037", kind: "epci", path: "territoire.epci[0]" },
      { value: "200070647", kind: "commune", path: "territoire.communes[0]" },
    ]);
    expect(r.items).toEqual([]);
    expect(r.findings.map((f) => [f.code, f.path])).toEqual([
      ["territoire.type", "territoire.epci[0]"],
      ["territoire.type", "territoire.communes[0]"],
    ]);
    expect(r.findings[0]!.message).toContain("code INSEE de Bergerac");
    expect(r.findings[1]!.message).toContain("SIREN de la CA Bergeracoise");
  });

  it.each(["", "   ", "!!!", "(24)", "Paris (99)", "123456789", "Nulle-Part-sur-Mer", "2C004"])("« %s »", (value) => {
    const r = resolveItem(value);
    expect(r.item).toBeNull();
    expect(r.findings.some((f) => f.severity === "erreur")).toBe(true);
    expectFrenchTypography(r.findings);
  });
});

describe("duplicates", () => {
  it("keeps a commune listed twice once, with a warning on the second", () => {
    const r = resolveTerritory(["24037", "Bergerac"], { path: "territoire.communes" });
    expect(r.communes).toEqual([{ code: "24037", path: "territoire.communes[0]" }]);
    const f = only(r.findings, "territoire.doublon");
    expect(f).toMatchObject({ severity: "avertissement", path: "territoire.communes[1]" });
    expect(f.message).toContain("déjà en territoire.communes[0]");
  });

  it("keeps a commune already inside an EPCI once", () => {
    const r = resolveTerritory([
      { value: "200070647", kind: "epci", path: "territoire.epci[0]" },
      { value: "24037", kind: "commune", path: "territoire.communes[0]" },
    ]);
    expect(r.communes).toHaveLength(38);
    const f = only(r.findings, "territoire.doublon");
    expect(f.path).toBe("territoire.communes[0]");
    expect(f.message).toContain("Bergerac (24037) fait déjà partie de CA Bergeracoise (territoire.epci[0])");
    expectFrenchTypography(r.findings);
  });

  it("counts the overlap of an EPCI and its département once", () => {
    const r = resolveTerritory(["24", "200070647"]);
    expect(r.communes).toHaveLength(rawCommunes().filter((c) => c.departement === "24" && c.type === "commune-actuelle").length);
    expect(only(r.findings, "territoire.doublon").message).toContain("Les 38 communes de la CA Bergeracoise figurent déjà");
  });
});

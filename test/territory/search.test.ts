import { describe, expect, it } from "vitest";
import { searchTerritory, type SearchResult } from "../../src/territory/index.js";
import { nameKey } from "../../src/territory/index.js";

const names = (results: SearchResult[]) => results.map((r) => r.name);

describe("searchTerritory (autocomplete)", () => {
  it("finds a commune whatever the case and accents", () => {
    for (const query of ["Bergerac", "BERGERAC", "bergerac"]) {
      const [first] = searchTerritory(query);
      expect(first).toMatchObject({ kind: "commune", code: "24037", name: "Bergerac", department: "24", departmentName: "Dordogne" });
      expect(first!.population).toBeGreaterThan(20_000);
    }
    expect(searchTerritory("perigueux")[0]).toMatchObject({ code: "24322", name: "Périgueux" });
  });

  it("ranks exact names, then prefixes, then words, then substrings", () => {
    const results = searchTerritory("saint-laurent", { limit: 40, kinds: ["commune"] });
    const keys = results.map((r) => nameKey(r.name));
    const tier = (key: string) => (key === "saint laurent" ? 0 : key.startsWith("saint laurent") ? 1 : key.includes(" saint laurent") ? 2 : 3);
    const tiers = keys.map(tier);
    expect(tiers).toEqual([...tiers].sort((a, b) => a - b));
    expect(tiers[0]).toBe(0);
    expect(tiers).toContain(1);
  });

  it("puts larger populations first within a rank", () => {
    const exact = searchTerritory("Saint-Laurent", { limit: 20, kinds: ["commune"] }).filter((r) => r.name === "Saint-Laurent");
    expect(exact.length).toBeGreaterThan(1);
    const populations = exact.map((r) => r.population ?? -1);
    expect(populations).toEqual([...populations].sort((a, b) => b - a));
  });

  it("returns communes and EPCI, at most the limit asked", () => {
    const results = searchTerritory("berg", { limit: 5 });
    expect(results).toHaveLength(5);
    expect(names(results)).toContain("Bergerac");
    expect(names(results)).toContain("CA Bergeracoise");
    const epci = results.find((r) => r.kind === "epci")!;
    expect(epci).toMatchObject({ code: "200070647", epciType: "CA", department: "24" });
    expect(epci.population).toBeGreaterThan(40_000);
  });

  it("filters by kind and by département in parentheses", () => {
    expect(searchTerritory("bergerac", { kinds: ["epci"] }).map((r) => r.code)).toEqual(["200070647"]);
    const inDordogne = searchTerritory("st laurent (24)");
    expect(inDordogne.length).toBeGreaterThan(0);
    expect(inDordogne.every((r) => r.department === "24")).toBe(true);
    expect(inDordogne[0]!.name.startsWith("Saint-Laurent")).toBe(true);
  });

  it("shows communes déléguées with their commune actuelle, after the others", () => {
    const results = searchTerritory("Atur", { kinds: ["commune", "deleguee"] });
    const atur = results.find((r) => r.code === "24013")!;
    expect(atur).toMatchObject({ kind: "deleguee", population: null, parent: { code: "24053", name: "Boulazac Isle Manoire" } });
  });

  it("finds arrondissements and départements", () => {
    expect(searchTerritory("Paris 11e")[0]).toMatchObject({ kind: "arrondissement", code: "75111" });
    expect(searchTerritory("dordogne")[0]).toMatchObject({ kind: "departement", code: "24" });
  });

  it("matches codes: INSEE, SIREN, postal codes", () => {
    expect(searchTerritory("24037")[0]).toMatchObject({ code: "24037", name: "Bergerac" });
    expect(searchTerritory("200070647")[0]).toMatchObject({ kind: "epci", code: "200070647" });
    const postal = searchTerritory("24100");
    expect(postal[0]!.code).toBe("24100"); // the commune whose INSEE code is 24100
    expect(postal.map((r) => r.code)).toContain("24037"); // Bergerac, postal code 24100
    expect(searchTerritory("2A0").every((r) => r.code.startsWith("2A0"))).toBe(true);
  });

  it("gives nothing for an empty or meaningless query", () => {
    expect(searchTerritory("")).toEqual([]);
    expect(searchTerritory("  -- ")).toEqual([]);
    expect(searchTerritory("zzzzqqq")).toEqual([]);
    expect(searchTerritory("berg", { limit: 0 })).toEqual([]);
  });
});

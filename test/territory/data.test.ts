import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeIndex } from "../../src/territory/build-index.js";
import { buildIndex } from "../../src/territory/package-index.js";
import type { IndexCatalogue } from "../../src/territory/index-format.js";
import { ARS, CPAM, OUTSIDE_ARS, getTerritoryData, loadTerritoryData, resolveTerritory, summarizeTerritory } from "../../src/territory/index.js";
import { packageData } from "./helpers.js";

interface RawDepartement {
  code: string;
  nom: string;
  region: string;
  zone: string;
}
const departements = packageData<RawDepartement[]>("departements.json");
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const URL_PATTERN = /^https?:\/\/\S+$/;

describe("src/territory/data/ars.json", () => {
  it("has exactly the 18 ARS, each with a source and a valid_from date", () => {
    expect(ARS).toHaveLength(18);
    expect(new Set(ARS.map((a) => a.code_ans)).size).toBe(18);
    for (const a of ARS) {
      expect(a.source, a.code_ans).toMatch(URL_PATTERN);
      expect(a.valid_from, a.code_ans).toMatch(ISO_DATE);
      expect(a.nom, a.code_ans).toMatch(/^ARS /);
    }
  });

  it("covers every département of the package data exactly once", () => {
    const covered = new Map<string, string[]>();
    const mark = (code: string, by: string) => covered.set(code, [...(covered.get(code) ?? []), by]);
    for (const a of ARS) {
      for (const d of a.departements) mark(d, a.code_ans);
      for (const d of a.collectivites ?? []) mark(d, a.code_ans);
    }
    for (const o of OUTSIDE_ARS) mark(o.departement, "hors ARS");
    for (const d of departements) expect(covered.get(d.code), `${d.code} ${d.nom}`).toHaveLength(1);
    expect([...covered.keys()].sort()).toEqual(departements.map((d) => d.code).sort());
    // Every département proper (not a collectivité d'outre-mer) has an ARS.
    for (const d of departements.filter((x) => x.zone !== "com")) {
      expect(ARS.some((a) => a.departements.includes(d.code)), d.code).toBe(true);
    }
  });

  it("agrees with the package on the région of each département", () => {
    for (const a of ARS) {
      const expected = departements.filter((d) => d.region === a.region).map((d) => d.code).sort();
      expect([...a.departements].sort(), a.nom).toEqual(expected);
    }
  });

  it("gives every collectivité without ARS a source and a reason", () => {
    for (const o of OUTSIDE_ARS) {
      expect(o.source).toMatch(URL_PATTERN);
      expect(o.valid_from).toMatch(ISO_DATE);
      expect(o.note.length).toBeGreaterThan(20);
    }
  });
});

describe("src/territory/data/cpam.json", () => {
  const byCode = new Map(CPAM.map((c) => [c.departement, c]));

  it("has one entry per département code of the package, each with a source and valid_from", () => {
    expect(CPAM).toHaveLength(departements.length);
    for (const d of departements) {
      const entry = byCode.get(d.code);
      expect(entry, d.code).toBeDefined();
      expect(entry!.source, d.code).toMatch(URL_PATTERN);
      expect(entry!.valid_from, d.code).toMatch(ISO_DATE);
    }
  });

  it.each([
    ["24", "CPAM de la Dordogne"],
    ["01", "CPAM de l’Ain"],
    ["14", "CPAM du Calvados"],
    ["13", "CPAM des Bouches-du-Rhône"],
    ["28", "CPAM d’Eure-et-Loir"],
    ["35", "CPAM d’Ille-et-Vilaine"],
    ["47", "CPAM de Lot-et-Garonne"],
    ["75", "CPAM de Paris"],
    ["21", "CPAM de la Côte-d’Or"],
    ["48", "CCSS de la Lozère"],
    ["971", "CGSS de la Guadeloupe"],
    ["972", "CGSS de la Martinique"],
    ["973", "CGSS de la Guyane"],
    ["974", "CGSS de La Réunion"],
    ["976", "CSS de Mayotte"],
  ])("%s → %s", (code, name) => {
    expect(byCode.get(code)?.nom).toBe(name);
  });

  it("writes every name with the right French article and typographic apostrophes", () => {
    for (const c of CPAM) {
      if (c.nom === null) continue;
      expect(c.nom).toMatch(/^(CPAM|CGSS|CSS|CCSS|CPS) (de la |de La |du |des |de l’|d’|de )\S/);
      expect(c.nom).not.toContain("'");
      // Saint-Barthélemy and Saint-Martin are served by the fund of the Guadeloupe.
      if (c.departement !== "977" && c.departement !== "978") expect(c.nom).toContain(c.departement_nom.replace(/^La /, ""));
    }
  });

  it("marks Nord, which has several CPAM, as uncertain", () => {
    const nord = byCode.get("59")!;
    expect(nord.confiance).toBe("incertain");
    expect(nord.note).toBeTruthy();
    expect(nord.caisses_connues?.length).toBeGreaterThan(1);
  });
});

describe("the compact index", () => {
  const dir = mkdtempSync(join(tmpdir(), "cpts-territory-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("records the census year of the populations and how it was established", () => {
    const { source } = getTerritoryData();
    expect(source.package).toBe("@etalab/decoupage-administratif");
    if (source.version === "6.0.0") {
      expect(source.population).toMatchObject({ year: 2023, effectiveFrom: "2026-01-01", measure: "population municipale" });
      expect(source.population.evidence).toContain("8680726");
      expect(source.cogYear).toBe(2026);
    }
  });

  it("written to a file and read back, gives the same answers as the package", () => {
    const file = join(dir, "index.json");
    writeIndex(file);
    const fromFile = loadTerritoryData({ indexFile: file });
    expect(fromFile.origin).toBe("index");
    const fromPackage = getTerritoryData();
    expect(fromPackage.origin).toBe("package"); // no index beside src/territory
    const territory = ["200070647", "Paris 11e", "Saint-Laurent (74)", "24013", "2A"];
    const a = summarizeTerritory(resolveTerritory(territory, { data: fromFile }).communes, { data: fromFile });
    const b = summarizeTerritory(resolveTerritory(territory, { data: fromPackage }).communes, { data: fromPackage });
    expect(a).toEqual(b);
    expect(a.population).toBeGreaterThan(100_000);
  });

  it("is ignored when built from another version of the package", () => {
    const index = JSON.parse(readFileSync(join(dir, "index.json"), "utf8")) as IndexCatalogue;
    index.source.version = "0.0.1";
    const stale = join(dir, "stale.json");
    writeFileSync(stale, JSON.stringify(index));
    expect(loadTerritoryData({ indexFile: stale }).origin).toBe("package");
    expect(loadTerritoryData({ indexFile: join(dir, "missing.json") }).origin).toBe("package");
  });

  it("holds every commune of the package, sorted by code", () => {
    const index = buildIndex();
    const raw = packageData<{ code: string }[]>("communes.json");
    expect(index.communes.count).toBe(raw.length);
    expect(index.communes.codes.length).toBe(raw.length * 5);
    const codes = index.communes.codes.match(/.{5}/g)!;
    expect(codes).toEqual([...codes].sort());
    expect(index.epci.count).toBe(packageData<unknown[]>("epci.json").length + packageData<unknown[]>("ept.json").length);
  });
});

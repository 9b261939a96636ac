import { cpSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeIndex } from "../../src/territory/build-index.js";
import { buildIndex, findPackageDir } from "../../src/territory/package-index.js";
import { TerritoryData, loadTerritoryData } from "../../src/territory/data.js";
import { NAME_FILE, asciiJson, partFileOf, partsDirOf, readCatalogue, readNames, readPart } from "../../src/territory/index-files.js";
import { INDEX_FORMAT, partKey, type IndexCatalogue, type IndexPart } from "../../src/territory/index-format.js";
import { getTerritoryData, resolveItem, resolveTerritory, summarizeTerritory } from "../../src/territory/index.js";
import { communesOfDepartment, communesWithPostalCode, departmentsOfEpci, epciCoreKey, epciKey, epciPopulation } from "../../src/territory/names.js";
import { searchTerritory } from "../../src/territory/search.js";
import { nameKey } from "../../src/territory/text.js";
import { digest, splitIndex } from "../../src/territory/split-index.js";
import { packageData, rawCommunes, type RawCommune } from "../territory/helpers.js";

interface RawGroup {
  code: string;
  nom: string;
  type: string;
  membres: { code: string }[];
}

const KIND: Record<string, string> = {
  "commune-actuelle": "commune",
  "commune-deleguee": "deleguee",
  "commune-associee": "associee",
  "arrondissement-municipal": "arrondissement",
};
const typographic = (name: string) => name.replace(/'/g, "’");

// Built while the tests are collected: the per-part cases are named after the parts.
const dir = mkdtempSync(join(tmpdir(), "cpts-territory-parts-"));
const indexFile = join(dir, "index.json");
writeIndex(indexFile);
const catalogue: IndexCatalogue = readCatalogue(indexFile)!;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Data read from the built files through a loader of the test's own, which records each part it reads. */
function recordedData(file = indexFile): { data: TerritoryData; reads: string[] } {
  const cat = readCatalogue(file)!;
  const reads: string[] = [];
  const data = new TerritoryData(
    cat,
    (p) => {
      const key = cat.parts.keys[p]!;
      reads.push(key);
      return readPart(partsDirOf(file), key)!;
    },
    "index",
    () => readNames(partsDirOf(file)),
  );
  return { data, reads };
}

const BERGERAC = [
  { value: "200070647", kind: "epci" as const, path: "territoire.epci[0]" },
  { value: "24037", kind: "commune" as const, path: "territoire.communes[0]" },
  { value: "24437", kind: "commune" as const, path: "territoire.communes[1]" },
];

function territoryOf(queries: typeof BERGERAC, data: TerritoryData) {
  const resolved = resolveTerritory(queries, { data });
  return { resolved, summary: summarizeTerritory(resolved.communes, { data, path: "territoire" }) };
}

describe("a project that lists codes reads only the parts of its communes", () => {
  it("Bergerac's EPCI and communes: the catalogue and the part of the 24… codes", () => {
    const { data, reads } = recordedData();
    const { resolved, summary } = territoryOf(BERGERAC, data);
    expect(resolved.items.map((i) => i.code)).toEqual(["200070647", "24037", "24437"]);
    expect(summary.communeCount).toBe(38);
    expect(reads).toEqual(["24"]);
    expect(data.loadedParts).toEqual(["24"]);
  });

  it("the same through loadTerritoryData and its own count of parts read", () => {
    const data = loadTerritoryData({ indexFile });
    expect(data.origin).toBe("index");
    expect(data.loadedParts).toEqual([]);
    territoryOf(BERGERAC, data);
    expect(data.loadedParts).toEqual(["24"]);
  });

  it("Grand Chambéry (73) and a commune of Corsica (2A) read their own parts", () => {
    const { data, reads } = recordedData();
    const r = resolveTerritory([{ value: "200069110", kind: "epci" }, { value: "2A004", kind: "commune" }], { data });
    expect(r.findings).toEqual([]);
    summarizeTerritory(r.communes, { data });
    expect(reads).toEqual(["73", "2A"]);
  });

  it("gives the same answers as the data built in memory from the package", () => {
    const { data } = recordedData();
    const fromFiles = territoryOf(BERGERAC, data);
    const fromPackage = territoryOf(BERGERAC, getTerritoryData());
    expect(getTerritoryData().origin).toBe("package");
    expect(fromFiles).toEqual(fromPackage);
  });

  it("a département named by its code reads its part only", () => {
    const { data, reads } = recordedData();
    expect(resolveItem("24", { data }).item?.communes).toHaveLength(rawCommunes().filter((c) => c.departement === "24" && c.type === "commune-actuelle").length);
    expect(reads).toEqual(["24"]);
  });

  it("a postal code reads the parts of the communes it serves", () => {
    const { data, reads } = recordedData();
    const r = resolveItem({ value: "24000", kind: "commune" }, { data });
    expect(r.item).toBeNull();
    expect(r.findings.map((f) => f.code)).toEqual(["territoire.code-postal"]);
    expect(reads).toEqual(["24"]);
  });
});

describe("the parts agree with the package, département by département", () => {
  const raw = rawCommunes();
  const rawByCode = new Map<string, RawCommune[]>();
  for (const c of raw) rawByCode.set(c.code, [...(rawByCode.get(c.code) ?? []), c]);

  it("cover every entry once, in code order, and every key of the data", () => {
    const index = buildIndex();
    const parts = catalogue.parts.keys.map((key) => readPart(partsDirOf(indexFile), key)!);
    expect(parts.map((p) => p.communes.codes).join("")).toBe(index.communes.codes);
    expect(parts.reduce((n, p) => n + p.communes.count, 0)).toBe(raw.length);
    parts.forEach((part, p) => {
      expect(part.start, part.key).toBe(catalogue.parts.starts[p]);
      expect(part.communes.count, part.key).toBe(catalogue.parts.counts[p]);
      for (const code of part.communes.codes.match(/.{5}/g) ?? []) expect(partKey(code), code).toBe(part.key);
    });
    expect(readdirSync(partsDirOf(indexFile)).sort()).toEqual([...catalogue.parts.keys.map((k) => `${k}.json`), NAME_FILE].sort());
    // Corsica and the overseas codes: their own parts, never a « 20 » or « 97 » of communes.
    expect(catalogue.parts.keys).toEqual(expect.arrayContaining(["2A", "2B", "971", "974", "976", "987"]));
    expect(catalogue.parts.keys).not.toContain("97");
  });

  it.each(catalogue.parts.keys)("part %s: its codes give the package's entries, reading only their parts and those of their communes actuelles", (key) => {
    const { data, reads } = recordedData();
    const part = readPart(partsDirOf(indexFile), key)!;
    const expectedReads = new Set([key]);
    for (const code of new Set(part.communes.codes.match(/.{5}/g) ?? [])) {
      const entries = rawByCode.get(code)!;
      const current = entries.find((c) => c.type === "commune-actuelle" || c.type === "arrondissement-municipal");
      const found = data.commune(code);
      if (current) {
        expect(found, code).toBeDefined();
        expect({
          code: found!.code,
          name: found!.name,
          kind: found!.kind,
          department: found!.department.code,
          population: found!.population,
          parent: found!.parent?.code ?? null,
          postalCodes: [...found!.postalCodes],
        }).toEqual({
          code,
          name: typographic(current.nom),
          kind: KIND[current.type],
          department: current.departement,
          population: current.population ?? null,
          parent: current.type === "arrondissement-municipal" ? current.commune : null,
          postalCodes: current.codesPostaux ?? [],
        });
      } else expect(found, code).toBeUndefined();
      const former = entries.filter((c) => c.type === "commune-deleguee" || c.type === "commune-associee");
      expect(
        data.formerCommunes(code).map((c) => [c.code, c.name, c.kind, c.department.code, c.population, c.parent?.code]),
        code,
      ).toEqual(former.map((c) => [c.code, typographic(c.nom), KIND[c.type], c.departement, null, c.chefLieu]));
      for (const c of [...data.formerCommunes(code), ...(found?.parent ? [found] : [])]) expectedReads.add(partKey(c.parent!.code));
    }
    // A part without entries (former or postal codes only) is read by no commune lookup.
    expect(new Set(reads), key).toEqual(part.communes.count > 0 ? expectedReads : new Set());
    if (part.communes.count > 0) expect(reads[0]).toBe(key);
  });

  it("give the same entries whatever the order the parts are read in", () => {
    const reference = getTerritoryData();
    const { data, reads } = recordedData();
    // isPostalCode reads the part of its code's key, whether or not the code is a postal code.
    for (const key of [...catalogue.parts.keys].reverse()) data.isPostalCode(`${key}000`.slice(0, 5));
    expect(reads).toEqual([...catalogue.parts.keys].reverse());
    const entry = (d: TerritoryData, i: number) => [d.codeAt(i), d.nameAt(i), d.kindAt(i), d.departmentAt(i).code, d.populationAt(i), d.parentIndexAt(i)];
    for (let i = 0; i < data.size; i++) expect(entry(data, i), String(i)).toEqual(entry(reference, i));
  });

  it("every département has the communes actuelles of the package, and reads only the parts holding them", () => {
    for (const [code] of catalogue.departements) {
      const { data, reads } = recordedData();
      const expected = raw
        .filter((c) => c.departement === code && c.type === "commune-actuelle")
        .map((c) => c.code)
        .sort();
      expect(communesOfDepartment(data, code).map((c) => c.code), code).toEqual(expected);
      const holding = new Set(raw.filter((c) => c.departement === code).map((c) => partKey(c.code)));
      expect(new Set(reads), code).toEqual(holding);
    }
  });

  it("every EPCI and EPT has the package's members, in the package's order, with their populations", () => {
    const { data } = recordedData();
    const groups = [...packageData<RawGroup[]>("epci.json"), ...packageData<RawGroup[]>("ept.json")];
    expect(data.epcis).toHaveLength(groups.length);
    const population = new Map(raw.filter((c) => c.type === "commune-actuelle").map((c) => [c.code, c.population ?? null]));
    for (const g of groups) {
      const e = data.epci(g.code);
      expect(e, g.code).toBeDefined();
      expect([e!.name, e!.type], g.code).toEqual([typographic(g.nom), g.type]);
      expect(e!.members.map((m) => m.code), g.code).toEqual(g.membres.map((m) => m.code));
      expect(e!.members.map((m) => m.population), g.code).toEqual(g.membres.map((m) => population.get(m.code)));
    }
  });

  it("every postal code gives the communes the package lists for it", () => {
    const { data } = recordedData();
    const served = new Map<string, string[]>();
    for (const c of [...raw].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))) {
      if (c.type !== "commune-actuelle" && c.type !== "arrondissement-municipal") continue;
      for (const cp of c.codesPostaux ?? []) served.set(cp, [...(served.get(cp) ?? []), c.code]);
    }
    for (const [cp, communes] of served) {
      expect(data.isPostalCode(cp), cp).toBe(true);
      expect(communesWithPostalCode(data, cp).map((c) => c.code), cp).toEqual(communes);
    }
    expect(data.isPostalCode("24037")).toBe(false);
  });

  it("every former code leads to the commune that absorbed it", () => {
    const { data } = recordedData();
    const current = new Set(raw.map((c) => c.code));
    let checked = 0;
    for (const c of raw) {
      if (c.type !== "commune-actuelle") continue;
      for (const old of c.anciensCodes ?? []) {
        if (current.has(old)) continue;
        // A code may have been given to several communes over time; the first one keeps it.
        const absorbed = data.absorbedBy(old);
        expect(absorbed, old).toBeDefined();
        expect(raw.some((x) => x.code === absorbed!.code && x.anciensCodes?.includes(old)), old).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});

describe("the name file", () => {
  const QUERIES = [
    "berg", "saint laurent", "paris 11", "24100", "st lau (24)", "dordogne", "sa", "a", "2", "2A", "2a0", "97", "971",
    "9", "75", "751", "13055", "69381", "lyon", "marseille 1er", "CA", "cc du pays", "200070647", "2000", "le", "réunion",
    "corse", "20000", "974", "ile", "val", "Saint-Pierre", "mayotte", "0", "12345", "agglomération", "métropole",
    "annecy (74)", "bourg (01)", "pays foyen", "les", "x",
  ];

  it("holds the keys and figures the lookups compute", () => {
    const reference = getTerritoryData();
    const names = readNames(partsDirOf(indexFile))!;
    expect(names.stamp).toBe(catalogue.stamp);
    const keys = names.communes.split("\n");
    expect(keys).toHaveLength(reference.size);
    for (let i = 0; i < reference.size; i++) expect(keys[i], String(i)).toBe(nameKey(reference.nameAt(i)));
    const epci = names.epci.split("\n");
    const departments = names.epciDepartments.split(" ");
    reference.epcis.forEach((e, k) => {
      expect(epci.slice(3 * k, 3 * k + 3), e.code).toEqual([epciKey(e.name), nameKey(e.name), epciCoreKey(e.name)]);
      expect(departments[k], e.code).toBe(departmentsOfEpci(reference, e)[0]?.code ?? "");
      expect(names.epciPopulations[k], e.code).toBe(epciPopulation(reference, e));
    });
    [...reference.departments.values()].forEach((d, k) => {
      const population = communesOfDepartment(reference, d.code).reduce((sum, c) => sum + (c.population ?? 0), 0);
      expect(names.departmentPopulations[k], d.code).toBe(population);
    });
  });

  it("lets a name be resolved reading only the parts of the places it names", () => {
    const { data, reads } = recordedData();
    expect(resolveItem({ value: "Bergerac", kind: "commune" }, { data }).item?.code).toBe("24037");
    expect(reads).toEqual(["24"]);
    const laurent = resolveItem("Saint-Laurent (74)", { data });
    expect(laurent).toEqual(resolveItem("Saint-Laurent (74)", { data: getTerritoryData() }));
    expect(laurent.item?.code).toMatch(/^74/);
    // Every commune named Saint-Laurent is looked at before the département narrows them down.
    const named = rawCommunes().filter((c) => nameKey(c.nom) === "saint laurent").map((c) => partKey(c.code));
    expect(new Set(reads)).toEqual(new Set(["24", ...named]));
  });

  it("gives the search the same results as the data built in memory, reading only the parts of its matches", () => {
    const { data, reads } = recordedData();
    const reference = getTerritoryData();
    expect(searchTerritory("berg", { data })).toEqual(searchTerritory("berg", { data: reference }));
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.length).toBeLessThan(catalogue.parts.keys.length / 2);
    for (const query of QUERIES) {
      for (const limit of [3, 15]) {
        expect(searchTerritory(query, { data, limit }), `${query} (${limit})`).toEqual(searchTerritory(query, { data: reference, limit }));
      }
    }
  });

  it("is computed from the parts when missing or from another build, with the same results", () => {
    const copy = join(dir, "no-names", "index.json");
    cpSync(indexFile, copy);
    cpSync(partsDirOf(indexFile), partsDirOf(copy), { recursive: true });
    unlinkSync(join(partsDirOf(copy), NAME_FILE));
    const missing = loadTerritoryData({ indexFile: copy });
    expect(missing.nameFile()).toEqual(readNames(partsDirOf(indexFile)));
    const foreign = readNames(partsDirOf(indexFile))!;
    foreign.stamp = "0000000000000000";
    foreign.epciPopulations = foreign.epciPopulations.map(() => 0);
    writeFileSync(join(partsDirOf(copy), NAME_FILE), JSON.stringify(foreign));
    const other = loadTerritoryData({ indexFile: copy });
    expect(searchTerritory("bergeracoise", { data: other })).toEqual(searchTerritory("bergeracoise", { data: getTerritoryData() }));
  });
});

describe("the built files", () => {
  it("are the same bytes from one build to the next", () => {
    const other = join(dir, "again", "index.json");
    writeIndex(other);
    // Compared as text: the same bytes, with a readable difference when they are not.
    expect(readFileSync(other, "utf8")).toBe(readFileSync(indexFile, "utf8"));
    const names = readdirSync(partsDirOf(indexFile)).sort();
    expect(readdirSync(partsDirOf(other)).sort()).toEqual(names);
    for (const name of names) {
      expect(readFileSync(join(partsDirOf(other), name), "utf8") === readFileSync(join(partsDirOf(indexFile), name), "utf8"), name).toBe(true);
    }
  });

  it("replace the parts of an earlier build instead of mixing with them", () => {
    const again = join(dir, "replace", "index.json");
    writeIndex(again);
    writeFileSync(join(partsDirOf(again), "99.json"), "{}");
    writeIndex(again);
    expect(readdirSync(partsDirOf(again))).not.toContain("99.json");
    expect(readdirSync(join(dir, "replace")).sort()).toEqual(["index-parts", "index.json"]);
  });

  it("carry the build's stamp in every part", () => {
    expect(catalogue.format).toBe(INDEX_FORMAT);
    expect(catalogue.stamp).toMatch(/^[0-9a-f]{16}$/);
    for (const key of catalogue.parts.keys) expect(readPart(partsDirOf(indexFile), key)!.stamp, key).toBe(catalogue.stamp);
    expect(splitIndex(buildIndex()).catalogue.stamp).toBe(catalogue.stamp);
  });

  it("are plain ASCII, read back as the same data", () => {
    const files = [indexFile, ...catalogue.parts.keys.map((key) => partFileOf(indexFile, key))];
    for (const file of files) expect(/^[\x20-\x7e]*$/.test(readFileSync(file, "utf8")), file).toBe(true);
    const { catalogue: built, parts } = splitIndex(buildIndex());
    expect(catalogue).toEqual(built);
    expect(readPart(partsDirOf(indexFile), "2A")).toEqual(parts[catalogue.parts.keys.indexOf("2A")]);
    const tricky = { name: "L’Haÿ-les-Roses, Œuf, 😀, \u007f, \"quoted\" \\" };
    expect(JSON.parse(asciiJson(tricky))).toEqual(tricky);
  });

  it("keep the catalogue small: it holds no commune", () => {
    expect(readFileSync(indexFile).length).toBeLessThan(100_000);
    expect(readFileSync(partFileOf(indexFile, "24")).length).toBeLessThan(60_000);
  });
});

describe("parts that cannot be used", () => {
  const copy = (name: string) => {
    const target = join(dir, name, "index.json");
    cpSync(indexFile, target);
    cpSync(partsDirOf(indexFile), partsDirOf(target), { recursive: true });
    return target;
  };
  const bergeracWith = (file: string) => {
    const data = loadTerritoryData({ indexFile: file });
    return { data, result: territoryOf(BERGERAC, data) };
  };

  it("a missing part, or one from another build, is taken from the package", () => {
    const expected = territoryOf(BERGERAC, getTerritoryData());
    const missing = copy("missing-part");
    unlinkSync(partFileOf(missing, "24"));
    const a = bergeracWith(missing);
    expect(a.data.origin).toBe("index");
    expect(a.result).toEqual(expected);

    const foreign = copy("foreign-part");
    const part = JSON.parse(readFileSync(partFileOf(foreign, "24"), "utf8")) as IndexPart;
    part.stamp = "0000000000000000";
    part.communes.pop = part.communes.pop.map(() => 1);
    writeFileSync(partFileOf(foreign, "24"), JSON.stringify(part));
    expect(bergeracWith(foreign).result).toEqual(expected);

    const broken = copy("broken-part");
    writeFileSync(partFileOf(broken, "24"), "{");
    expect(bergeracWith(broken).result).toEqual(expected);
  });

  it("a part the package cannot replace stops the command with a message", () => {
    const mixed = copy("mixed");
    const cat = JSON.parse(readFileSync(mixed, "utf8")) as IndexCatalogue;
    cat.stamp = "0123456789abcdef";
    writeFileSync(mixed, JSON.stringify(cat));
    const data = loadTerritoryData({ indexFile: mixed });
    expect(() => data.epci("200070647")!.members).toThrow(/^index du territoire incomplet ou mélangé \(partie «\u00a024\u00a0» de .*\)\u00a0: reconstruisez-le/);
  });

  it("a catalogue in another format is ignored", () => {
    const old = copy("old-format");
    const cat = JSON.parse(readFileSync(old, "utf8")) as IndexCatalogue;
    cat.format = INDEX_FORMAT - 1;
    writeFileSync(old, JSON.stringify(cat));
    expect(loadTerritoryData({ indexFile: old }).origin).toBe("package");
    writeFileSync(old, "not json");
    expect(loadTerritoryData({ indexFile: old }).origin).toBe("package");
  });
});

describe("digest", () => {
  it("changes with any character and with the boundaries between texts", () => {
    const base = digest(["abc", "def"]);
    expect(base).toMatch(/^[0-9a-f]{16}$/);
    expect(digest(["abc", "def"])).toBe(base);
    expect(digest(["abc", "deg"])).not.toBe(base);
    expect(digest(["abcd", "ef"])).not.toBe(base);
    expect(digest(["abcdef"])).not.toBe(base);
  });
});

describe("findPackageDir", () => {
  it("finds the package Node's resolver finds", () => {
    const byNode = dirname(createRequire(import.meta.url).resolve("@etalab/decoupage-administratif/package.json"));
    expect(realpathSync(findPackageDir())).toBe(realpathSync(byNode));
  });
});

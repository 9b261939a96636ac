import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { MultiPolygon, Polygon, Position } from "geojson";
import { afterAll, describe, expect, it } from "vitest";
import { buildContours, findSource, reconcileCodes, sourceFiles, writeContourFiles, writeContours, type RawCommuneRecord } from "../../src/build/contours.js";
import { Contours, ContoursUnavailableError, CONTOUR_QUANTUM } from "../../src/territory/contours.js";
import { FIXTURE_SOURCE, gridFixture, square, writeGridContours } from "./contours-fixture.js";

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "cpts-contours-"));
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const COMMUNES: RawCommuneRecord[] = [
  { code: "24037", type: "commune-actuelle", departement: "24" },
  { code: "24534", type: "commune-actuelle", departement: "24", anciensCodes: ["24181"] },
  { code: "24259", type: "commune-actuelle", departement: "24" },
  { code: "24259", type: "commune-deleguee", departement: "24", chefLieu: "24259" },
  { code: "24431", type: "commune-deleguee", departement: "24", chefLieu: "24259" },
  { code: "33001", type: "commune-actuelle", departement: "33" },
  { code: "14666", type: "commune-actuelle", departement: "14" },
];

function rings(geometry: Polygon | MultiPolygon): Position[][] {
  return geometry.type === "Polygon" ? geometry.coordinates : geometry.coordinates.flat();
}

function area(ring: Position[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += ring[j]![0]! * ring[i]![1]! - ring[i]![0]! * ring[j]![1]!;
  return Math.abs(a / 2);
}

describe("contour codes brought to the current commune list", () => {
  it("keeps current codes, sends former communes to their commune nouvelle, and reports the rest", () => {
    const result = reconcileCodes(["24037", "24181", "24431", "24259", "99999"], COMMUNES);
    expect(Object.fromEntries(result.currentCode)).toEqual({ "24037": "24037", "24181": "24534", "24431": "24259", "24259": "24259" });
    expect(result.unplaced).toEqual(["99999"]);
    // Current communes that no source shape reaches (e.g. re-established since the source's year).
    expect(result.missing).toEqual(["14666", "33001"]);
  });
});

describe("contour build", () => {
  const fixture = gridFixture();
  const dir = tempDir();
  writeGridContours(dir, fixture);
  const contours = Contours.open(dir);

  it("writes one part per département, with the source and the commune list it was brought to", () => {
    expect(Object.keys(contours.index.parts).sort()).toEqual(["24", "33"]);
    expect(contours.index.parts["33"]!.communes).toBe(16);
    expect(contours.index.source).toEqual(FIXTURE_SOURCE);
    expect(contours.index.communes.package).toBe("@etalab/decoupage-administratif");
    expect(contours.index.unplaced).toEqual([]);
  });

  it("merges a commune merged since the contours' year into its commune nouvelle", () => {
    const sigoules = contours.commune("24534", "24")!;
    expect(contours.commune("24181", "24")).toBeUndefined();
    // Two cells merged into one polygon: twice the area of a cell, one outer ring.
    const cell = 0.05 * 0.04;
    expect(rings(sigoules.feature.geometry).reduce((t, r) => t + area(r), 0)).toBeCloseTo(2 * cell, 6);
    expect(sigoules.feature.geometry.type === "Polygon" || sigoules.feature.geometry.coordinates.length === 1).toBe(true);
    // A commune déléguée's shape goes to its commune nouvelle too.
    const eyraud = contours.commune("24259", "24")!;
    expect(rings(eyraud.feature.geometry).reduce((t, r) => t + area(r), 0)).toBeCloseTo(2 * cell, 6);
  });

  it("puts the two sides of a département boundary on the same points", () => {
    const onBoundary = (code: string, part: string) =>
      rings(contours.commune(code, part)!.feature.geometry)
        .flat()
        .filter((p) => Math.abs(p[0]! - 0.3) < CONTOUR_QUANTUM)
        .map((p) => p.join(","))
        .filter((p, i, all) => all.indexOf(p) === i)
        .sort();
    // Row 3: the Gironde cell of column 1 and the Dordogne cell of column 2 share the meridian 0.3°.
    const left = fixture.cells.get("3,1")!;
    const right = fixture.cells.get("3,2")!;
    expect(onBoundary(left, "33")).toEqual(onBoundary(right, "24"));
    expect(onBoundary(left, "33")).toHaveLength(2);
  });

  it("keeps the département boundary as lines, without the outer edge", () => {
    const lines = contours.border("24").geometry.coordinates.flat();
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((p) => Math.abs(p[0]! - 0.3) < CONTOUR_QUANTUM)).toBe(true);
    expect(contours.border("33").geometry.coordinates.flat().map((p) => p.join(",")).sort()).toEqual(lines.map((p) => p.join(",")).sort());
  });

  it("gives a label point inside each commune", () => {
    for (const code of ["24037", "24534"]) {
      const shape = contours.commune(code, "24")!;
      const [x, y] = shape.labelPoint;
      expect(x > shape.bbox[0] && x < shape.bbox[2] && y > shape.bbox[1] && y < shape.bbox[3], code).toBe(true);
    }
  });

  it("never lets a small commune vanish in the simplification", () => {
    // A 150 m wide commune on the edge of a large one, with detailed boundaries (many points).
    const big = square(0.5, 44.8, 0.1, 0.1);
    const small = square(0.6, 44.85, 0.002, 0.0013);
    const wiggly = (polygon: Polygon): Polygon => {
      const ring = polygon.coordinates[0]!;
      const out: Position[] = [];
      for (let i = 0; i < ring.length - 1; i += 1) {
        const [a, b] = [ring[i]!, ring[i + 1]!];
        for (let k = 0; k < 20; k += 1) out.push([a[0]! + ((b[0]! - a[0]!) * k) / 20, a[1]! + ((b[1]! - a[1]!) * k) / 20]);
      }
      out.push(out[0]!);
      return { type: "Polygon", coordinates: [out] };
    };
    const build = buildContours(
      [
        { type: "Feature", properties: { code: "24037" }, geometry: wiggly(big) },
        { type: "Feature", properties: { code: "24534" }, geometry: wiggly(small) },
      ],
      COMMUNES,
      FIXTURE_SOURCE,
      "test",
    );
    const out = tempDir();
    writeContourFiles(out, build);
    const shape = Contours.open(out).commune("24534", "24")!;
    const ring = rings(shape.feature.geometry)[0]!;
    expect(ring.length).toBeGreaterThanOrEqual(4);
    expect(area(ring)).toBeGreaterThan(0.002 * 0.0013 * 0.3);
  });

  it("gives the same bytes for the same source", () => {
    const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
    const a = buildContours(fixture.features, COMMUNES.concat(), FIXTURE_SOURCE, "x");
    const b = buildContours(fixture.features, COMMUNES.concat(), FIXTURE_SOURCE, "x");
    expect([...a.parts.values()].map(sha)).toEqual([...b.parts.values()].map(sha));
  });

  it("rebuilds from a france-geojson folder only when the source or the script changed", () => {
    const source = tempDir();
    const dep = join(source, "departements", "24-dordogne");
    mkdirSync(dep, { recursive: true });
    const collection = { type: "FeatureCollection", features: fixture.features.filter((f) => f.properties.code.startsWith("24")) };
    writeFileSync(join(dep, "communes-24-dordogne.geojson"), JSON.stringify(collection));
    writeFileSync(join(source, "README.md"), "* [IGN / Admin Express COG](http://professionnels.ign.fr/adminexpress) pour les tracés (édition 2018)\n");
    expect(sourceFiles(source)).toHaveLength(1);
    expect(findSource(undefined, { CPTS_CONTOURS_SOURCE: source })).toBe(source);
    const out = join(tempDir(), "contours");
    const log: string[] = [];
    expect(writeContours(source, out, (l) => log.push(l))).toBe("written");
    expect(log[0]).toMatch(/^Contours des communes écrits dans .* : 1 départements, 0,\d Mo \(ADMIN EXPRESS COG 2018, codes de @etalab\/decoupage-administratif 6\.0\.0\)\.$/);
    expect(writeContours(source, out, () => undefined)).toBe("unchanged");
    writeFileSync(join(source, "README.md"), "tracés (édition 2024)\n");
    expect(() => writeContours(source, out, () => undefined)).toThrow(/ne mentionne plus « édition 2018 »/);
  });
});

describe("contours not installed", () => {
  it("says in French that the map cannot be drawn and how the contours are built", () => {
    const empty = tempDir();
    expect(() => Contours.open(empty)).toThrow(ContoursUnavailableError);
    expect(() => Contours.open(empty)).toThrow(/contours des communes absents .*index\.json.*\u00a0: .*npm run build.*france-geojson.*README/);
  });
});

/**
 * Made-up contours for the map tests, built by the real build code (src/build/contours.ts): a
 * grid of square "communes" near Bergerac carrying real INSEE codes, so that names, populations
 * and départements come from the real commune data.
 *
 * - columns 0–1: communes of the Gironde (33), the rest of the Dordogne (24): a département
 *   boundary runs between columns 1 and 2;
 * - rows 1–6 × columns 3–10: the 38 communes of the CA Bergeracoise, plus Flaugeac (24181),
 *   merged into Sigoulès-et-Flaugeac (24534) in 2019 and given here under its old code, beside
 *   the Sigoulès cell;
 * - the rest of that block: Saint-Julien-de-Crempse (24431), commune déléguée of
 *   Eyraud-Crempse-Maurens (24259) since 2019, beside the Eyraud cell, then other communes;
 * - elsewhere, other Dordogne communes.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Feature, Polygon } from "geojson";
import { buildContours, writeContourFiles } from "../../src/build/contours.js";
import { getTerritoryData } from "../../src/territory/index.js";
import { rawCommunes } from "./helpers.js";

export const CELL = { west: 0.2, north: 45.1, width: 0.05, height: 0.04, columns: 12, rows: 8 };

export const FIXTURE_SOURCE = {
  producer: "IGN",
  product: "ADMIN EXPRESS COG",
  year: 2018,
  licence: "Licence Ouverte / Etalab",
  via: "données de test",
};

export interface GridFixture {
  /** Source code of each cell, by "row,column". */
  cells: Map<string, string>;
  /** Centre [lon, lat] of the cell of each source code. */
  centres: Map<string, [number, number]>;
  /** The 38 current codes of the CA Bergeracoise. */
  territory: string[];
  gironde: string[];
  dordogne: string[];
  features: Feature<Polygon, { code: string }>[];
}

/** A square cell, its ring clockwise in (longitude, latitude) as d3-geo wants exterior rings. */
export function square(west: number, south: number, width: number, height: number): Polygon {
  // Rounded as the source files are (5 decimals there), so that neighbours share exact points.
  const r = (x: number) => Math.round(x * 1e6) / 1e6;
  [west, south] = [r(west), r(south)];
  const east = r(west + width);
  const north = r(south + height);
  return {
    type: "Polygon",
    coordinates: [
      [
        [west, south],
        [west, north],
        [east, north],
        [east, south],
        [west, south],
      ],
    ],
  };
}

export function gridFixture(): GridFixture {
  const data = getTerritoryData();
  const territory = data
    .epci("200070647")!
    .members.map((c) => c.code)
    .sort();
  const actual = rawCommunes().filter((c) => c.type === "commune-actuelle");
  const gironde = actual.filter((c) => c.departement === "33").map((c) => c.code).sort();
  const reserved = new Set([...territory, "24181", "24259", "24431"]);
  const dordogne = actual
    .filter((c) => c.departement === "24" && !reserved.has(c.code))
    .map((c) => c.code)
    .sort();

  // Sigoulès (24534) and its former commune Flaugeac (24181) side by side in the territory block.
  const territoryCells = territory.filter((c) => c !== "24534");
  territoryCells.splice(20, 0, "24534", "24181");
  const others = [...dordogne];
  const blockRest = ["24259", "24431"];

  const cells = new Map<string, string>();
  let t = 0;
  let o = 0;
  let g = 0;
  for (let row = 0; row < CELL.rows; row += 1) {
    for (let column = 0; column < CELL.columns; column += 1) {
      let code: string;
      if (column < 2) code = gironde[g++]!;
      else if (row >= 1 && row <= 6 && column >= 3 && column <= 10) code = t < territoryCells.length ? territoryCells[t++]! : (blockRest.shift() ?? others[o++]!);
      else code = others[o++]!;
      cells.set(`${row},${column}`, code);
    }
  }
  const features: Feature<Polygon, { code: string }>[] = [];
  const centres = new Map<string, [number, number]>();
  for (const [key, code] of cells) {
    const [row, column] = key.split(",").map(Number) as [number, number];
    const west = CELL.west + column * CELL.width;
    const south = CELL.north - (row + 1) * CELL.height;
    features.push({ type: "Feature", properties: { code }, geometry: square(west, south, CELL.width, CELL.height) });
    centres.set(code, [west + CELL.width / 2, south + CELL.height / 2]);
  }
  return { cells, centres, territory, gironde: gironde.slice(0, g), dordogne: dordogne.slice(0, o), features };
}

/** Builds the fixture's contours into `dir` with the real build code; returns the fixture. */
export function writeGridContours(dir: string, fixture = gridFixture()): GridFixture {
  const build = buildContours(fixture.features, rawCommunes(), FIXTURE_SOURCE, "test");
  writeContourFiles(dir, build);
  return fixture;
}

/**
 * Writes the fixture as a france-geojson folder (`departements/NN-nom/communes-NN-nom.geojson`,
 * and a README naming the edition), the source `npm run build` reads: for tests that run the
 * build on made-up data.
 */
export function writeFranceGeojsonFixture(dir: string, fixture = gridFixture()): GridFixture {
  const byDepartment = new Map<string, Feature<Polygon, { code: string }>[]>();
  for (const f of fixture.features) {
    const department = f.properties.code.slice(0, 2);
    byDepartment.set(department, [...(byDepartment.get(department) ?? []), f]);
  }
  for (const [department, features] of byDepartment) {
    const folder = join(dir, "departements", `${department}-test`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `communes-${department}-test.geojson`), JSON.stringify({ type: "FeatureCollection", features }));
  }
  writeFileSync(join(dir, "README.md"), "Contours inventés pour les tests (forme de france-geojson, ADMIN EXPRESS COG (édition 2018)).\n");
  return fixture;
}

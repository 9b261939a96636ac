/**
 * The map of a territory as the documents show it: the territory's selection (src/territory/
 * map-data.ts) drawn by the generic map renderer (src/render/map.ts), on made-up contours built
 * by the real build code (contours-fixture.ts). The same with the built tool, and across
 * processes, is checked in test/e2e/images.test.ts.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PNG } from "pngjs";
import { afterAll, describe, expect, it } from "vitest";
import { measureText } from "../../src/render/chart-text.js";
import { NBSP, NNBSP } from "../../src/french/index.js";
import { drawMap, MAP_COLOURS, type MapImage } from "../../src/render/map.js";
import { Contours, ContoursUnavailableError } from "../../src/territory/contours.js";
import { territoryMapAltText, territoryMapData, type TerritoryMapOptions } from "../../src/territory/map-data.js";
import { gridFixture, writeGridContours } from "./contours-fixture.js";

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "cpts-map-"));
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function rgb(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** The territory's map data drawn, as the generate command composes them. */
async function drawTerritory(codes: readonly string[], options: TerritoryMapOptions) {
  const data = territoryMapData(codes, options);
  const map = await drawMap(data);
  return { ...map, data, altText: territoryMapAltText(data, map) };
}

/** The colour of the PNG pixel under a point given in CSS px of the image. */
function pixelAt(map: MapImage, image: PNG, [x, y]: readonly [number, number]): [number, number, number] {
  const scale = map.pixelWidth / map.width;
  const i = (Math.floor(y * scale) * image.width + Math.floor(x * scale)) * 4;
  return [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!];
}

/** Boxes of the names written (fill layer), from the SVG: [x0, y0, x1, y1] in CSS px. */
function nameBoxes(svg: string): { name: string; box: [number, number, number, number] }[] {
  const out: { name: string; box: [number, number, number, number] }[] = [];
  const pattern = /<text text-anchor="(start|middle|end)" transform="translate\(([\d.-]+),([\d.-]+)\)"[^>]*font-size="([\d.]+)px" font-weight="(\d+)" fill="#1A1A1A" opacity="1">([^<]+)<\/text>/g;
  for (const m of svg.matchAll(pattern)) {
    const [, anchor, x, y, size, weight, name] = m;
    const width = measureText(name!, Number(size), weight === "600" ? "600" : "400");
    const left = anchor === "start" ? Number(x) : anchor === "middle" ? Number(x) - width / 2 : Number(x) - width;
    out.push({ name: name!, box: [left, Number(y) - Number(size) * 0.75, left + width, Number(y) + Number(size) * 0.25] });
  }
  return out;
}

describe("territory map (made-up contours near Bergerac)", () => {
  const dir = tempDir();
  const fixture = writeGridContours(dir, gridFixture());
  const contours = Contours.open(dir);

  it("fills every commune of the territory, greys the neighbours, and cuts nothing out", async () => {
    const map = await drawTerritory(fixture.territory, { contours, labels: 0, departmentNames: false });
    const image = PNG.sync.read(Buffer.from(map.png));
    expect(map.data.drawn).toEqual(fixture.territory);
    expect(map.data.missing).toEqual([]);
    for (const code of fixture.territory) expect(pixelAt(map, image, map.interiorPoints.get(code)!), code).toEqual(rgb(MAP_COLOURS.focus));
    // Every cell of the grid inside the frame is drawn: the territory's in colour, the others in grey.
    expect(map.context.length).toBeGreaterThanOrEqual(20);
    for (const code of map.context) {
      const point = map.interiorPoints.get(code);
      // A neighbour cut by the frame may have its inner point outside the picture.
      if (point) expect(pixelAt(map, image, point), code).toEqual(rgb(MAP_COLOURS.context));
    }
    expect([...map.interiorPoints.keys()].filter((c) => map.context.includes(c)).length).toBeGreaterThanOrEqual(7);
  });

  it("draws a commune merged since the contours' year with its commune nouvelle", async () => {
    const map = await drawTerritory(fixture.territory, { contours, labels: 0, departmentNames: false });
    const image = PNG.sync.read(Buffer.from(map.png));
    // Flaugeac (24181) is in the contours under its 2018 code; since 2019 it is part of Sigoulès-et-Flaugeac (24534).
    expect(pixelAt(map, image, map.project(fixture.centres.get("24181")!)!)).toEqual(rgb(MAP_COLOURS.focus));
    expect(pixelAt(map, image, map.project(fixture.centres.get("24534")!)!)).toEqual(rgb(MAP_COLOURS.focus));
    // Saint-Julien-de-Crempse (24431), now part of Eyraud-Crempse-Maurens (24259), a neighbour.
    expect(pixelAt(map, image, map.project(fixture.centres.get("24431")!)!)).toEqual(rgb(MAP_COLOURS.context));
    expect(map.context).toContain("24259");
    expect(map.context).not.toContain("24431");
  });

  it("draws the boundary between two départements, across a territory that spans both", async () => {
    // Rows 3–4 of columns 1 (Gironde) and 2 (Dordogne): the boundary is the meridian 0.3°.
    const codes = ["3,1", "3,2", "4,1", "4,2"].map((cell) => fixture.cells.get(cell)!);
    const map = await drawTerritory(codes, { contours, labels: 0, departmentNames: false });
    const image = PNG.sync.read(Buffer.from(map.png));
    const grey = rgb(MAP_COLOURS.boundary);
    // Samples along the meridian (slanted in the conic projection), 200 m apart.
    const darkAlong = (lon: number) => {
      let n = 0;
      for (let lat = 44.86; lat < 44.98; lat += 0.002) {
        const [r, g, b] = pixelAt(map, image, map.project([lon, lat])!);
        if (Math.abs(r - grey[0]) + Math.abs(g - grey[1]) + Math.abs(b - grey[2]) < 60) n += 1;
      }
      return n;
    };
    // Dashes of 6 px every 9 px, anti-aliased: about half of the 60 samples fall on one.
    expect(darkAlong(0.3)).toBeGreaterThan(20);
    expect(darkAlong(0.325)).toBe(0);
    expect(map.altText).toContain("4\u00a0communes (Dordogne et Gironde)");
  });

  it("names the most populous communes, the largest in bold, without two names overlapping", async () => {
    const map = await drawTerritory(fixture.territory, { contours });
    expect(map.labelled[0]).toBe("24037");
    expect(map.labelled.length).toBeGreaterThanOrEqual(6);
    expect(map.svg).toMatch(/font-weight="600" fill="#1A1A1A" opacity="1">Bergerac</);
    const boxes = nameBoxes(map.svg);
    expect(boxes.map((b) => b.name)).toEqual(expect.arrayContaining(["Bergerac", "Prigonrieux"]));
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const overlap = a.box[0] < b.box[2] && b.box[0] < a.box[2] && a.box[1] < b.box[3] && b.box[1] < a.box[3];
        expect(overlap, `${a.name} / ${b.name}`).toBe(false);
      }
      expect(a.box[0] >= 0 && a.box[2] <= map.width, a.name).toBe(true);
    }
  });

  it("writes the legend, a scale bar and the sources, and describes the map in its text alternative", async () => {
    const map = await drawTerritory(fixture.territory, { contours });
    const texts = [...map.svg.matchAll(/<text[^>]*>([^<]+)<\/text>/g)].map((m) => m[1]);
    expect(texts).toEqual(expect.arrayContaining(["Communes du territoire (38)", "Communes voisines", "Limite de département", `${map.scaleKm}${NBSP}km`]));
    expect([1, 2, 5, 10, 20]).toContain(map.scaleKm);
    expect(map.data.source).toBe(
      `Sources${NBSP}: IGN – ADMIN EXPRESS COG 2018, Licence Ouverte / Etalab (contours simplifiés)${NBSP}; ` +
        `INSEE, code officiel géographique, communes au 1er${NBSP}janvier 2026.`,
    );
    expect(texts.join(" ")).toContain("Sources");
    expect(map.altText).toMatch(/^Carte du territoire\u00a0: 38\u00a0communes \(Dordogne\), en couleur, entourées des communes voisines en gris\u00a0; communes nommées\u00a0: Bergerac \(27\u202f\d{3} habitants\), /);
    expect(map.altText).toContain(`échelle de ${map.scaleKm}${NBSP}km. ${map.data.source}`);
    expect(map.altText).not.toContain(`${NNBSP}undefined`);
  });

  it("measures the scale bar on the ground", async () => {
    const map = await drawTerritory(fixture.territory, { contours });
    // 0.05° of longitude at 44.9° N is 3.94 km on the ground.
    const [a] = map.project([0.4, 44.9])!;
    const [b] = map.project([0.45, 44.9])!;
    const kmPerPx = 3.94 / (b - a);
    const bar = /<line transform="translate\(([\d.]+),[\d.]+\)" x2="([\d.]+)" y2="0" stroke="#1A1A1A"/.exec(map.svg);
    expect(bar).not.toBeNull();
    expect(Number(bar![2]) * kmPerPx).toBeCloseTo(map.scaleKm, 1);
  });

  it("lists the communes it has no contour for, and still draws the others", async () => {
    const map = await drawTerritory([...fixture.territory, "75056"], { contours, labels: 0 });
    expect(map.data.missing).toEqual(["75056"]);
    expect(map.data.drawn).toHaveLength(38);
    await expect(drawTerritory(["75056"], { contours })).rejects.toThrow(/no commune of the territory has a contour/);
  });

  it("gives the same PNG bytes twice in a process", async () => {
    const first = await drawTerritory(fixture.territory, { contours });
    const again = await drawTerritory(fixture.territory, { contours });
    expect(Buffer.from(again.png).equals(Buffer.from(first.png))).toBe(true);
  });

  it("reports contours missing from the folder CPTS_CONTOURS_DIR names", () => {
    const missing = join(tempDir(), "absent");
    const saved = process.env.CPTS_CONTOURS_DIR;
    process.env.CPTS_CONTOURS_DIR = missing;
    try {
      expect(() => territoryMapData(fixture.territory)).toThrow(ContoursUnavailableError);
    } finally {
      if (saved === undefined) delete process.env.CPTS_CONTOURS_DIR;
      else process.env.CPTS_CONTOURS_DIR = saved;
    }
  });
});


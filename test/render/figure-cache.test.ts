/**
 * The figure cache (src/render/figure-cache.ts): a figure whose inputs did not change is taken
 * from memory or from its folder instead of being drawn, with the very bytes a drawing gives; a
 * figure whose inputs changed is drawn; an entry that is not exactly what was written is drawn
 * again, never trusted.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { cachedChart, comparisonBarChart } from "../../src/render/charts.js";
import { FigureCache, MAX_ENTRIES, type CachedImage, type Json } from "../../src/render/figure-cache.js";
import { cachedMap, drawMap } from "../../src/render/map.js";
import { Contours } from "../../src/territory/contours.js";
import { territoryMapData } from "../../src/territory/map-data.js";
import { gridFixture, writeGridContours } from "../territory/contours-fixture.js";
import { ELDERLY } from "./chart-fixtures.js";
import { tempDir } from "./support.js";

/** A PNG of `width` × 1 grey pixels: a valid image, small, different for each width. */
function png(width: number): Uint8Array {
  const image = new PNG({ width, height: 1 });
  image.data.fill(128);
  return new Uint8Array(PNG.sync.write(image));
}

/** A drawing that counts its calls and returns `png(width)`, said to be shown at `width` × 10 CSS px. */
function counted(width: number, data: Json = null) {
  const calls = { n: 0 };
  const draw = async (): Promise<CachedImage> => {
    calls.n += 1;
    return { png: png(width), width: width / 3, height: 10 / 3, pixelWidth: width, pixelHeight: 1, data };
  };
  return { calls, draw };
}

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** The key of the one entry of a cache folder. */
function onlyEntry(dir: string): string {
  const keys = [...new Set(readdirSync(dir).map((name) => name.replace(/\.(png|json)$/, "")))];
  expect(keys).toHaveLength(1);
  return keys[0]!;
}

describe("figure cache", () => {
  it("draws a figure once: the same input is taken from memory, then from the folder by another process, with the same bytes", async () => {
    const dir = path.join(await tempDir(), "sortie", ".cpts-figures");
    const { calls, draw } = counted(30, { placed: ["24037"], km: 5 });
    const cache = new FigureCache({ salt: ["outil 1"] });
    const first = await cache.folder(dir).image("graphique", "spec A", draw);
    expect(calls.n).toBe(1);
    // Another project of the same batch, another folder: from memory, and kept in that folder too.
    const other = path.join(await tempDir(), ".cpts-figures");
    const again = await cache.folder(other).image("graphique", "spec A", draw);
    expect(calls.n).toBe(1);
    expect(again).toBe(first);
    expect(readdirSync(other).sort()).toEqual(readdirSync(dir).sort());
    // A new process: from the folder, byte for byte, with what the drawing returned besides.
    const read = await new FigureCache({ salt: ["outil 1"] }).folder(dir).image("graphique", "spec A", draw);
    expect(calls.n).toBe(1);
    expect(read).toEqual(first);
    expect(sha(read.png)).toBe(sha(png(30)));
    // Readable by its owner only, the folder above left as the user's.
    const key = onlyEntry(dir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(dir, `${key}.png`)).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(dir, `${key}.json`)).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(dir)).mode & 0o777).not.toBe(0o700);
    // The versions of what draws are part of the key, and said in the entry.
    const version = (name: string) => JSON.parse(readFileSync(path.join("node_modules", name, "package.json"), "utf8")).version as string;
    expect(JSON.parse(readFileSync(path.join(dir, `${key}.json`), "utf8")).dessin).toEqual([
      `${process.platform} ${process.arch}`,
      `vega ${version("vega")}`,
      `vega-lite ${version("vega-lite")}`,
      `@resvg/resvg-js ${version("@resvg/resvg-js")}`,
      `@expo-google-fonts/source-sans-3 ${version("@expo-google-fonts/source-sans-3")}`,
    ]);
  });

  it("draws again when the input, the kind or the tool changed", async () => {
    const dir = path.join(await tempDir(), ".cpts-figures");
    const { calls, draw } = counted(30);
    await new FigureCache({ salt: ["outil 1"] }).folder(dir).image("graphique", "spec A", draw);
    await new FigureCache({ salt: ["outil 1"] }).folder(dir).image("graphique", "spec B", draw);
    await new FigureCache({ salt: ["outil 1"] }).folder(dir).image("carte", "spec A", draw);
    await new FigureCache({ salt: ["outil 2"] }).folder(dir).image("graphique", "spec A", draw);
    expect(calls.n).toBe(4);
    expect(readdirSync(dir).filter((n) => n.endsWith(".json"))).toHaveLength(4);
  });

  /** Each way an entry may be wrong, applied to the entry of `key` in `dir`. */
  const CORRUPTIONS: [string, (dir: string, key: string) => void][] = [
    ["a truncated PNG", (dir, key) => writeFileSync(path.join(dir, `${key}.png`), readFileSync(path.join(dir, `${key}.png`)).subarray(0, 40))],
    ["another valid PNG in its place", (dir, key) => writeFileSync(path.join(dir, `${key}.png`), png(31))],
    ["a PNG of the same length with one byte changed", (dir, key) => {
      const bytes = readFileSync(path.join(dir, `${key}.png`));
      bytes[bytes.length - 20] = bytes[bytes.length - 20]! ^ 0xff;
      writeFileSync(path.join(dir, `${key}.png`), bytes);
    }],
    ["its record made to match a PNG without the PNG signature", (dir, key) => {
      const bytes = readFileSync(path.join(dir, `${key}.png`));
      bytes[1] = 0x51;
      writeFileSync(path.join(dir, `${key}.png`), bytes);
      const record = JSON.parse(readFileSync(path.join(dir, `${key}.json`), "utf8"));
      record.png.sha256 = sha(bytes);
      writeFileSync(path.join(dir, `${key}.json`), JSON.stringify(record));
    }],
    ["its record made to match but with another pixel size than the PNG's", (dir, key) => {
      const record = JSON.parse(readFileSync(path.join(dir, `${key}.json`), "utf8"));
      record.png.largeur = 60;
      writeFileSync(path.join(dir, `${key}.json`), JSON.stringify(record));
    }],
    ["a record that is not JSON", (dir, key) => writeFileSync(path.join(dir, `${key}.json`), "{ pas du JSON")],
    ["a record of another format", (dir, key) => {
      const record = JSON.parse(readFileSync(path.join(dir, `${key}.json`), "utf8"));
      writeFileSync(path.join(dir, `${key}.json`), JSON.stringify({ ...record, format: "cpts figure, clé 0" }));
    }],
    ["no PNG", (dir, key) => writeFileSync(path.join(dir, `${key}.png`), "")],
  ];

  it.each(CORRUPTIONS)("ignores an entry with %s, draws the figure again and rewrites the entry", async (_label, corrupt) => {
    const dir = path.join(await tempDir(), ".cpts-figures");
    const { calls, draw } = counted(30);
    const drawn = await new FigureCache().folder(dir).image("graphique", "spec A", draw);
    const key = onlyEntry(dir);
    corrupt(dir, key);
    const again = await new FigureCache().folder(dir).image("graphique", "spec A", draw);
    expect(calls.n).toBe(2);
    expect(sha(again.png)).toBe(sha(drawn.png));
    // Rewritten whole: the next process takes it without drawing.
    await new FigureCache().folder(dir).image("graphique", "spec A", draw);
    expect(calls.n).toBe(2);
    expect(readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  it("does not take the entry of another figure copied under this figure's key", async () => {
    const dir = path.join(await tempDir(), ".cpts-figures");
    const a = counted(30);
    const b = counted(45);
    await new FigureCache().folder(dir).image("graphique", "spec A", a.draw);
    const keyA = onlyEntry(dir);
    const other = path.join(await tempDir(), ".cpts-figures");
    await new FigureCache().folder(other).image("graphique", "spec B", b.draw);
    const keyB = onlyEntry(other);
    // B's whole entry (a PNG and its matching record) put in the place of A's.
    writeFileSync(path.join(dir, `${keyA}.png`), readFileSync(path.join(other, `${keyB}.png`)));
    writeFileSync(path.join(dir, `${keyA}.json`), readFileSync(path.join(other, `${keyB}.json`)));
    const image = await new FigureCache().folder(dir).image("graphique", "spec A", a.draw);
    expect(a.calls.n).toBe(2);
    expect(image.pixelWidth).toBe(30);
  });

  it("uses no folder that is a symbolic link", async () => {
    const root = await tempDir();
    const elsewhere = path.join(root, "ailleurs");
    mkdirSync(elsewhere);
    const dir = path.join(root, ".cpts-figures");
    symlinkSync(elsewhere, dir);
    const { calls, draw } = counted(30);
    await new FigureCache().folder(dir).image("graphique", "spec A", draw);
    await new FigureCache().folder(dir).image("graphique", "spec A", draw);
    expect(calls.n).toBe(2);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it("draws the figure when its folder cannot be made, and keeps it in memory", async () => {
    const root = await tempDir();
    writeFileSync(path.join(root, "documents"), "un fichier, pas un dossier");
    const cache = new FigureCache();
    const { calls, draw } = counted(30);
    const image = await cache.folder(path.join(root, "documents", ".cpts-figures")).image("graphique", "spec A", draw);
    expect(image.pixelWidth).toBe(30);
    await cache.folder(path.join(root, "documents", ".cpts-figures")).image("graphique", "spec A", draw);
    expect(calls.n).toBe(1);
  });

  it("keeps no more PNG bytes in memory than it is allowed, the least recently used going first", async () => {
    const cache = new FigureCache({ memoryBytes: png(30).byteLength * 2 + 10 });
    const store = cache.folder(undefined);
    const draws = [30, 30, 30].map(() => counted(30));
    for (const [i, d] of draws.entries()) await store.image("graphique", `spec ${i}`, d.draw);
    await store.image("graphique", "spec 1", draws[1]!.draw); // recent again
    await store.image("graphique", "spec 2", draws[2]!.draw);
    await store.image("graphique", "spec 0", draws[0]!.draw); // the oldest: gone, drawn again
    expect(draws.map((d) => d.calls.n)).toEqual([2, 1, 1]);
  });

  it("removes the oldest entries beyond the limit after a project, never one the project used", async () => {
    const dir = path.join(await tempDir(), ".cpts-figures");
    const old = new FigureCache().folder(dir);
    for (let i = 0; i < MAX_ENTRIES + 5; i += 1) await old.image("graphique", `ancien ${i}`, counted(30).draw);
    // Entry i was last used i minutes ago, oldest last.
    const names = readdirSync(dir).filter((n) => n.endsWith(".json"));
    expect(names).toHaveLength(MAX_ENTRIES + 5);
    const cache = new FigureCache();
    const keys = Array.from({ length: MAX_ENTRIES + 5 }, (_, i) => cache.key("graphique", `ancien ${i}`));
    const now = Date.now() / 1000;
    keys.forEach((key, i) => utimesSync(path.join(dir, `${key}.json`), now - 60 * i, now - 60 * i));
    const store = cache.folder(dir);
    // This project uses the very oldest entry and a new one.
    await store.image("graphique", `ancien ${MAX_ENTRIES + 4}`, counted(30).draw);
    await store.image("graphique", "nouveau", counted(30).draw);
    await store.prune();
    const left = new Set(readdirSync(dir).map((n) => n.replace(/\.(png|json)$/, "")));
    expect(left.size).toBe(MAX_ENTRIES);
    expect(left.has(keys[MAX_ENTRIES + 4]!)).toBe(true);
    expect(left.has(cache.key("graphique", "nouveau"))).toBe(true);
    // Gone: the oldest of those this project did not use.
    for (const i of [MAX_ENTRIES + 3, MAX_ENTRIES + 2, MAX_ENTRIES + 1, MAX_ENTRIES, MAX_ENTRIES - 1, MAX_ENTRIES - 2]) expect(left.has(keys[i]!), `ancien ${i}`).toBe(false);
    expect(left.has(keys[0]!)).toBe(true);
  });
});

describe("charts through the cache", () => {
  it("gives the very chart a drawing gives, then the same from the folder; a changed value is drawn", async () => {
    const dir = path.join(await tempDir(), ".cpts-figures");
    const fresh = await comparisonBarChart(ELDERLY);
    const cached = await cachedChart({ kind: "comparison", chart: ELDERLY }, new FigureCache().folder(dir));
    const { svg: _svg, ...withoutSvg } = fresh;
    expect(cached).toEqual(withoutSvg);
    const fromFolder = await cachedChart({ kind: "comparison", chart: ELDERLY }, new FigureCache().folder(dir));
    expect(sha(fromFolder.png)).toBe(sha(fresh.png));
    expect(fromFolder).toEqual(withoutSvg);

    const changedInput = { ...ELDERLY, bars: ELDERLY.bars.map((b, i) => (i === 0 ? { ...b, value: 14.2 } : b)) };
    const changed = await cachedChart({ kind: "comparison", chart: changedInput }, new FigureCache().folder(dir));
    expect(sha(changed.png)).not.toBe(sha(fresh.png));
    expect(sha(changed.png)).toBe(sha((await comparisonBarChart(changedInput)).png));
    expect(readdirSync(dir).filter((n) => n.endsWith(".json"))).toHaveLength(2);
    expect(existsSync(dir)).toBe(true);
  });
});

describe("maps through the cache", () => {
  it("gives the very map a drawing gives, with the names placed and the scale, then the same from the folder", async () => {
    const contoursDir = await tempDir();
    const fixture = writeGridContours(contoursDir, gridFixture());
    const input = { ...territoryMapData(fixture.territory, { contours: Contours.open(contoursDir) }), maxHeight: 455 };
    const fresh = await drawMap(input);
    const dir = path.join(await tempDir(), ".cpts-figures");
    const expected = { png: fresh.png, width: fresh.width, height: fresh.height, pixelWidth: fresh.pixelWidth, pixelHeight: fresh.pixelHeight, labelled: fresh.labelled, scaleKm: fresh.scaleKm };
    expect(fresh.labelled.length).toBeGreaterThan(0);
    expect(await cachedMap(input, new FigureCache().folder(dir))).toEqual(expected);
    expect(await cachedMap(input, new FigureCache().folder(dir))).toEqual(expected);
    // An entry whose record says something else than names and a scale is drawn again.
    const [record] = readdirSync(dir).filter((n) => n.endsWith(".json"));
    const json = JSON.parse(readFileSync(path.join(dir, record!), "utf8"));
    writeFileSync(path.join(dir, record!), JSON.stringify({ ...json, donnees: { labelled: 3, scaleKm: "loin" } }));
    expect(await cachedMap(input, new FigureCache().folder(dir))).toEqual(expected);
    // A higher frame is another map.
    const taller = await cachedMap({ ...input, maxHeight: 620 }, new FigureCache().folder(dir));
    expect(sha(taller.png)).toBe(sha((await drawMap({ ...input, maxHeight: 620 })).png));
    expect(readdirSync(dir).filter((n) => n.endsWith(".json"))).toHaveLength(2);
  });
});

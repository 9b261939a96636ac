import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { generateFontMetrics, METRICS_PATH } from "../../src/build/font-metrics.js";
import { CHART_FONT_FAMILY } from "../../src/render/chart-font-files.js";
import { measureText, unsupportedCharacters, wrapText } from "../../src/render/chart-text.js";
import {
  ageStructureChart,
  comparisonBarChart,
  DEFAULT_CHART_WIDTH,
  groupedBarChart,
  SERIES_COLOURS,
} from "../../src/render/charts.js";
import { NBSP, NNBSP } from "../../src/french/index.js";
import { svgToPng } from "../../src/render/raster.js";
import { ELDERLY } from "./chart-fixtures.js";

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

const DENSITIES = {
  title: "Densité de professionnels de santé libéraux",
  unit: "pour 10 000 habitants",
  source: "CartoSanté",
  year: 2017,
  categories: ["Médecin généraliste", "Infirmier", "Sage-femme"],
  series: ["CA bergeracoise", "Dordogne", "Nouvelle-Aquitaine", "France"],
  values: [
    [8.6, 8.4, 9.8, 8.9],
    [19.1, 17.3, 16.5, 14.5],
    [1.3, 1.2, null, 1.0],
  ],
};

function decode(png: Uint8Array): PNG {
  return PNG.sync.read(Buffer.from(png));
}

/** How many pixels of the image have exactly the colour `hex`. */
function countColour(image: PNG, hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    if (image.data[i] === r && image.data[i + 1] === g && image.data[i + 2] === b) n += 1;
  }
  return n;
}

/** Text content of the SVG's <text> and <tspan> elements. */
function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<(?:text|tspan)[^>]*>([^<]+)</g)].map((m) => m[1]!);
}

describe("comparison bar chart", () => {
  it("writes each value the French way in the image and in its text alternative", async () => {
    const chart = await comparisonBarChart({ ...ELDERLY, bars: [...ELDERLY.bars, { label: "Ensemble", value: 1190.5 }].slice(1) });
    const texts = svgTexts(chart.svg);
    expect(texts).toContain(`13,9${NBSP}%`);
    expect(texts).toContain(`1${NNBSP}190,5${NBSP}%`);
    expect(texts).toContain(`9,3${NBSP}%`);
    expect(chart.svg).not.toMatch(/>\s*13\.9/);
    expect(chart.altText).toBe(
      `Graphique en barres horizontales. Part des 75 ans et plus dans la population (%). Dordogne${NBSP}: 13,9${NBSP}%${NBSP}; ` +
        `Nouvelle-Aquitaine${NBSP}: 11,7${NBSP}%${NBSP}; France${NBSP}: 9,3${NBSP}%${NBSP}; Ensemble${NBSP}: 1${NNBSP}190,5${NBSP}%. ` +
        `Source${NBSP}: INSEE, recensement de la population, 2016.`,
    );
  });

  it("draws labels holding a line or paragraph separator (pasted from a word processor) or named like a JavaScript property", async () => {
    for (const label of ["valueOf", "constructor", "__proto__"]) {
      const named = await ageStructureChart({ title: "Âges", source: "INSEE", bands: [label, "75 ans ou plus"], series: [{ label, values: [12, 14] }, { label: "France", values: [10, 9] }] });
      expect(named.altText).toContain(`${label}\u00a0: ${label} 12`);
    }
    const chart = await comparisonBarChart({ ...ELDERLY, bars: ELDERLY.bars.map((b, i) => (i === 0 ? { ...b, label: "Dordogne\u2028nord" } : b)) });
    expect(chart.png.length).toBeGreaterThan(0);
    const grouped = await groupedBarChart({ ...DENSITIES, categories: DENSITIES.categories.map((c, i) => (i === 0 ? `${c}\u2029libéraux` : c)), series: ["CPTS\u2028du Val", ...DENSITIES.series.slice(1)] });
    expect(grouped.png.length).toBeGreaterThan(0);
  });

  it("gives every label of a chart the same number of decimals", async () => {
    const chart = await comparisonBarChart({ ...ELDERLY, bars: [{ label: "A", value: 5 }, { label: "B", value: 4.94 }] });
    expect(svgTexts(chart.svg)).toEqual(expect.arrayContaining([`5,0${NBSP}%`, `4,9${NBSP}%`]));
    const whole = await comparisonBarChart({ ...ELDERLY, unit: "patients", bars: [{ label: "A", value: 27110 }, { label: "B", value: 412 }] });
    expect(svgTexts(whole.svg)).toEqual(expect.arrayContaining([`27${NNBSP}110`, "412"]));
  });

  it("returns a PNG at three pixels per CSS px of a 16 cm wide image, with caption and source", async () => {
    const chart = await comparisonBarChart(ELDERLY);
    const image = decode(chart.png);
    expect(chart.width).toBe(DEFAULT_CHART_WIDTH);
    expect([image.width, image.height]).toEqual([chart.pixelWidth, chart.pixelHeight]);
    expect(image.width).toBe(chart.width * 3);
    expect(chart.pixelHeight).toBe(Math.round(chart.height * 3));
    expect(chart.caption).toBe("Part des 75 ans et plus dans la population (%)");
    expect(chart.source).toBe(`Source${NBSP}: INSEE, recensement de la population, 2016`);
    // The source is drawn under the bars.
    expect(svgTexts(chart.svg)).toContain(chart.source);
    // The long territory name is wrapped, not cut.
    expect(svgTexts(chart.svg)).toEqual(expect.arrayContaining(["Communauté d’agglomération", "bergeracoise"]));
  });

  it("says after the source and year that the figures are an illustration, in the image and its text alternative", async () => {
    const chart = await comparisonBarChart({ ...ELDERLY, note: "donnée d’exemple" });
    expect(chart.source).toBe(`Source${NBSP}: INSEE, recensement de la population, 2016 — donnée d’exemple`);
    expect(svgTexts(chart.svg).join(" ")).toContain("donnée d’exemple");
    expect(chart.altText).toMatch(/2016 — donnée d’exemple\.$/);
  });

  it("does not repeat a year the source already names", async () => {
    const chart = await comparisonBarChart({ ...ELDERLY, source: "INSEE, recensement 2016" });
    expect(chart.source).toBe(`Source${NBSP}: INSEE, recensement 2016`);
  });

  it("draws each bar in its series colour, the territory darkest", async () => {
    const image = decode((await comparisonBarChart(ELDERLY)).png);
    for (const colour of SERIES_COLOURS) expect(countColour(image, colour), colour).toBeGreaterThan(1000);
    // Bars are drawn proportionally: Dordogne (13,9) is longer than France (9,3).
    expect(countColour(image, SERIES_COLOURS[1])).toBeGreaterThan(countColour(image, SERIES_COLOURS[3]) * 1.3);
  });

  it("puts the labels of negative values left of their bars", async () => {
    const chart = await comparisonBarChart({ ...ELDERLY, title: "Évolution annuelle", bars: [{ label: "A", value: -0.3 }, { label: "B", value: 0.4 }] });
    expect(chart.svg).toMatch(/text-anchor="end"[^>]*>-0,3\u00a0%</);
    expect(chart.svg).toMatch(/text-anchor="start"[^>]*>0,4\u00a0%</);
  });

  it("refuses a chart without source, without bars or with a value that is not a number", async () => {
    await expect(comparisonBarChart({ ...ELDERLY, source: " " })).rejects.toThrow(/no source/);
    await expect(comparisonBarChart({ ...ELDERLY, bars: [] })).rejects.toThrow(/at least one bar/);
    await expect(comparisonBarChart({ ...ELDERLY, bars: [{ label: "A", value: Number.NaN }] })).rejects.toThrow(/« A »/);
  });
});

describe("grouped bar chart", () => {
  it("draws one bar per known value, « n.d. » for a missing one, and a legend of the series", async () => {
    const chart = await groupedBarChart(DENSITIES);
    const texts = svgTexts(chart.svg);
    expect(texts).toEqual(expect.arrayContaining([...DENSITIES.series, ...DENSITIES.categories, "n.d.", "19,1", "1,0"]));
    const image = decode(chart.png);
    for (const colour of SERIES_COLOURS) expect(countColour(image, colour), colour).toBeGreaterThan(300);
    expect(chart.altText).toContain(`Sage-femme${NBSP}: CA bergeracoise 1,3, Dordogne 1,2, Nouvelle-Aquitaine n.d., France 1,0`);
    expect(chart.caption).toBe("Densité de professionnels de santé libéraux (pour 10 000 habitants)");
  });

  it("fits twelve categories of four series within a page height", async () => {
    const twelve = Array.from({ length: 12 }, (_, i) => `Profession ${i + 1}`);
    const chart = await groupedBarChart({ ...DENSITIES, categories: twelve, values: twelve.map(() => [1, 2, 3, 4]) });
    // 24.7 cm of text height on A4 with 2.5 cm margins: room is left for a caption.
    expect(chart.height).toBeLessThan((24.7 / 2.54) * 96 * 0.75);
  });

  it("refuses values that do not match the categories and series, or more series than colours", async () => {
    await expect(groupedBarChart({ ...DENSITIES, values: DENSITIES.values.slice(1) })).rejects.toThrow(/one row per category/);
    await expect(groupedBarChart({ ...DENSITIES, series: [...DENSITIES.series, "Autre"], values: DENSITIES.values.map((r) => [...r, 1]) })).rejects.toThrow(
      /1 to 4 series/,
    );
  });
});

describe("age structure chart", () => {
  const input = {
    title: "Population par tranche d’âge",
    unit: "%",
    source: "INSEE, recensement de la population",
    year: 2021,
    bands: ["0 à 14 ans", "15 à 29 ans", "30 à 59 ans", "60 à 74 ans", "75 ans ou plus"],
    series: [
      { label: "CA bergeracoise", values: [14.2, 13.1, 36.2, 22.1, 14.4] },
      { label: "France", values: [17.5, 17.3, 38.2, 17.0, 10.0] },
    ],
  };

  it("puts the oldest band at the top, as an age pyramid does, and lists the bands youngest first in the alternative", async () => {
    const chart = await ageStructureChart(input);
    const y = (label: string) => Number(new RegExp(`translate\\(-?[\\d.]+,([\\d.]+)\\)"[^>]*>${label}<`).exec(chart.svg)?.[1]);
    expect(y("75 ans ou plus")).toBeLessThan(y("0 à 14 ans"));
    expect(chart.altText).toMatch(/^Graphique de la structure par âge\. Population par tranche d’âge \(%\)\. 0 à 14 ans\u00a0: CA bergeracoise 14,2\u00a0%, France 17,5\u00a0%/);
  });

  it("draws a single series without legend", async () => {
    const chart = await ageStructureChart({ ...input, unit: "habitants", series: [{ label: "CA bergeracoise", values: [8790, 8110, 22410, 13680, 8925] }] });
    expect(svgTexts(chart.svg)).not.toContain("CA bergeracoise");
    expect(svgTexts(chart.svg)).toContain(`22${NNBSP}410`);
    expect(chart.altText).toContain(`30 à 59 ans${NBSP}: 22${NNBSP}410`);
  });
});

describe("chart images are reproducible", () => {
  // In other processes, time zones and locales: test/e2e/images.test.ts.
  it("gives the same SVG and PNG bytes twice in a process, another chart drawn in between", async () => {
    const first = await comparisonBarChart(ELDERLY);
    await groupedBarChart(DENSITIES);
    const again = await comparisonBarChart(ELDERLY);
    expect(again.svg).toBe(first.svg);
    expect(sha(again.png)).toBe(sha(first.png));
  });
});

describe("chart font", () => {
  it("measures text as the rasteriser draws it", () => {
    for (const [text, size] of [
      ["Communauté d’agglomération bergeracoise", 12],
      [`1${NNBSP}190,5${NBSP}%`, 12],
      ["Masseur-kinésithérapeute", 10.5],
    ] as const) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="60"><text x="10" y="40" font-family="${CHART_FONT_FAMILY}" font-size="${size}">${text}</text></svg>`;
      const drawn = inkWidth(svgToPng(svg, 1).png);
      // Ink is a little narrower than the advance widths (side bearings).
      expect(drawn, text).toBeGreaterThan(measureText(text, size) * 0.9);
      expect(drawn, text).toBeLessThanOrEqual(measureText(text, size) + 1);
    }
  });

  it("wraps at spaces, never inside a word or at a no-break space", () => {
    const line = measureText("Communauté d’agglomération", 12);
    expect(wrapText("Communauté d’agglomération bergeracoise", line + 1, 12)).toEqual(["Communauté d’agglomération", "bergeracoise"]);
    expect(wrapText("Communauté d’agglomération bergeracoise", line - 1, 12)).toEqual(["Communauté", "d’agglomération bergeracoise"]);
    expect(wrapText(`25${NBSP}%`, 1, 12)).toEqual([`25${NBSP}%`]);
    expect(unsupportedCharacters("Médecin ≠ 漢字")).toEqual(["漢", "字"]);
  });

  it("has up-to-date metrics for the font files of the installed package", async () => {
    expect(await generateFontMetrics()).toBe(readFileSync(METRICS_PATH, "utf8"));
  });
});

describe("palette", () => {
  it("keeps at least 14 points of CIE lightness between series colours, so they stay distinct in grey", () => {
    const lightness = (hex: string) => {
      const linear = [1, 3, 5].map((i) => {
        const c = parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      const y = 0.2126 * linear[0]! + 0.7152 * linear[1]! + 0.0722 * linear[2]!;
      return y > 0.008856 ? 116 * Math.cbrt(y) - 16 : 903.3 * y;
    };
    const steps = SERIES_COLOURS.map(lightness);
    for (let i = 1; i < steps.length; i += 1) expect(steps[i]! - steps[i - 1]!).toBeGreaterThanOrEqual(14);
  });
});

/** Width in px of the non-white pixels of a PNG rendered at scale 1. */
function inkWidth(png: Uint8Array): number {
  const image = decode(png);
  let min = Infinity;
  let max = -Infinity;
  for (let y = 0; y < image.height; y += 1) {
    for (let x = 0; x < image.width; x += 1) {
      const i = (y * image.width + x) * 4;
      if (image.data[i]! < 200) {
        min = Math.min(min, x);
        max = Math.max(max, x);
      }
    }
  }
  return max - min + 1;
}

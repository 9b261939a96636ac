/**
 * Advance widths of the chart font, so that Vega lays out text as the rasteriser will draw it.
 * Vega measures text with a canvas when one is installed and otherwise guesses 0.8 em per
 * character, which is about 60 % too wide for Source Sans 3 (labels pushed aside, map names
 * judged to overlap when they do not). `npm run build && node dist/build/font-metrics.js`
 * rewrites `src/render/chart-font-metrics.generated.ts` from the font files of the installed
 * package; a test fails when the committed file differs from what the fonts give.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PACKAGE_ROOT } from "../project/index.js";
import { imageRenderer } from "../render/index.js";

export const METRICS_PATH = join(PACKAGE_ROOT, "src", "render", "chart-font-metrics.generated.ts");

// Latin, Greek, Cyrillic, punctuation and currency: what French labels and names can hold.
// Beyond that the font has no glyph either.
const LAST_CODE_POINT = 0x2e00;

/** Runs of consecutive code points: `[first, [advance, advance, …]]`, in font units. */
type Runs = [number, number[]][];

async function fontRuns(file: string): Promise<{ unitsPerEm: number; runs: Runs }> {
  const { default: opentype } = await import("opentype.js");
  const bytes = readFileSync(file);
  const font = opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const map: Record<string, number> = font.tables.cmap.glyphIndexMap;
  const codePoints = Object.keys(map)
    .map(Number)
    .filter((cp) => cp < LAST_CODE_POINT)
    .sort((a, b) => a - b);
  const runs: Runs = [];
  for (const cp of codePoints) {
    const advance = font.glyphs.get(map[cp]!).advanceWidth as number;
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1].length === cp) last[1].push(advance);
    else runs.push([cp, [advance]]);
  }
  return { unitsPerEm: font.unitsPerEm as number, runs };
}

export async function generateFontMetrics(): Promise<string> {
  const { CHART_FONT_FILES } = await imageRenderer();
  const weights = Object.keys(CHART_FONT_FILES) as (keyof typeof CHART_FONT_FILES)[];
  const lines = [
    "/* Generated from the chart font files by `node dist/build/font-metrics.js` (src/build/font-metrics.ts). Do not edit by hand. */",
    "",
    "/** Advance widths in font units, as runs of consecutive code points: `[first, [advance, …]]`. */",
    "export const CHART_FONT_METRICS = {",
  ];
  for (const weight of weights) {
    const { unitsPerEm, runs } = await fontRuns(CHART_FONT_FILES[weight]);
    lines.push(`  ${weight}: {`, `    unitsPerEm: ${unitsPerEm},`, "    runs: [");
    for (const [first, advances] of runs) lines.push(`      [${first}, [${advances.join(", ")}]],`);
    lines.push("    ] as [number, number[]][],", "  },");
  }
  lines.push("} as const;", "");
  return lines.join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(METRICS_PATH, await generateFontMetrics());
  console.log(`Métriques de la police écrites : ${METRICS_PATH}`);
}

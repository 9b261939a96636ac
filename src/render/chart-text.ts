/**
 * Text measurement with the chart font's own advance widths (generated table, no font parsing
 * at run time). Kerning is ignored, so a measured width is at most a few per cent wider than
 * the drawn text: layouts err on the roomy side.
 */
import { CHART_FONT_METRICS } from "./chart-font-metrics.generated.js";
import type { ChartFontWeight } from "./chart-font-files.js";

type AdvanceTable = Map<number, number>;

const tables = new Map<ChartFontWeight, { unitsPerEm: number; advances: AdvanceTable; fallback: number }>();

function table(weight: ChartFontWeight) {
  let t = tables.get(weight);
  if (!t) {
    const { unitsPerEm, runs } = CHART_FONT_METRICS[weight];
    const advances: AdvanceTable = new Map();
    for (const [first, widths] of runs) widths.forEach((w, i) => advances.set(first + i, w));
    // A character the font lacks is drawn as the font's empty box, about as wide as an "M".
    t = { unitsPerEm, advances, fallback: advances.get(0x4d) ?? unitsPerEm };
    tables.set(weight, t);
  }
  return t;
}

/** The weight the rasteriser will pick among the shipped ones for a CSS/Vega font weight. */
export function chartWeight(weight: unknown): ChartFontWeight {
  if (weight === "bold" || weight === "bolder") return "600";
  const n = typeof weight === "number" ? weight : typeof weight === "string" ? Number(weight) : NaN;
  return Number.isFinite(n) && n >= 500 ? "600" : "400";
}

/** Width in px of `text` set in the chart font at `fontSize` px. */
export function measureText(text: string, fontSize: number, weight: ChartFontWeight = "400"): number {
  const { unitsPerEm, advances, fallback } = table(weight);
  let units = 0;
  for (const ch of text) units += advances.get(ch.codePointAt(0)!) ?? fallback;
  return (units * fontSize) / unitsPerEm;
}

/** Characters of `text` the chart font cannot draw (each once, in order of appearance). */
export function unsupportedCharacters(text: string): string[] {
  const { advances } = table("400");
  const out: string[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x20 && !advances.has(cp) && !out.includes(ch)) out.push(ch);
  }
  return out;
}

/**
 * Splits `text` at spaces into lines no wider than `maxWidth` px. A word wider than the line
 * stays whole on its own line (hyphenating French correctly is not a job for a chart).
 * No-break spaces (U+00A0, U+202F) never split.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, weight: ChartFontWeight = "400"): string[] {
  const words = text.split(/ +/).filter((w) => w !== "");
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measureText(candidate, fontSize, weight) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

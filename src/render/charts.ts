/**
 * Charts as PNG images for the documents: bars comparing one value across places, groups of bars
 * (one value per category and series, e.g. densities per profession against references), and a
 * population's age structure. Generic: labels, values, units and sources come from the caller.
 *
 * How they are drawn: a Vega-Lite specification, compiled to Vega, rendered to SVG by Vega
 * without a browser, rasterised by resvg with the chart font shipped in a package. Numbers are
 * written by format.ts (decimal comma, narrow no-break space between thousands), not by Vega's
 * d3-format or `Intl`. Bars carry their value as a label, so the chart reads without a scale and
 * in black and white; the series colours are four lightness steps of viridis (readable with the
 * common colour-vision deficiencies, and still four distinct greys on a black-and-white print).
 *
 * Same input → same SVG and same PNG bytes, in any process, time zone or locale.
 */
import type { TopLevelSpec } from "vega-lite";
import { frenchNumber, NBSP } from "../french/index.js";
import { CHART_FONT_FAMILY } from "./chart-font-files.js";
import { measureText, wrapText } from "./chart-text.js";
import type { FigureStore } from "./figure-cache.js";
import { DEFAULT_RASTER_SCALE, svgToPng } from "./raster.js";
import { vegaToSvg } from "./vega-svg.js";

/** 16 cm, the text width of an A4 page with 2.5 cm margins, in CSS px (96 per inch). */
export const DEFAULT_CHART_WIDTH = 605;

/**
 * Series colours, darkest first: viridis at 0.15, 0.4, 0.62 and 0.85 (CIE L* ≈ 30, 50, 67, 83).
 * The first series (the territory, in the documents) is the darkest, so it stands out.
 */
export const SERIES_COLOURS = ["#443A83", "#26828E", "#3FBC73", "#B8DE29"] as const;

/** Colour of bars that are not highlighted when a comparison has more bars than colours. */
export const OTHER_BAR_COLOUR = "#A6A6A6";

const TEXT_COLOUR = "#1A1A1A";
const SOURCE_COLOUR = "#4D4D4D";
const LABEL_SIZE = 12; // 9 pt once the image is printed 16 cm wide
const VALUE_SIZE_DENSE = 10.5; // 8 pt
const SOURCE_SIZE = 10.5;
const LINE_HEIGHT = 14;
const VALUE_GAP = 4;

export interface ChartImage {
  /** PNG bytes, `scale` device pixels per CSS px. */
  png: Uint8Array;
  svg: string;
  /** Size to display the image at, in CSS px (96 per inch): 605 px = 16 cm. */
  width: number;
  height: number;
  /** Size of the PNG in pixels. */
  pixelWidth: number;
  pixelHeight: number;
  /** Text alternative for screen readers: what the chart shows, with every value. */
  altText: string;
  /** Title and unit, for a caption beside the image (the title is not drawn in the image). */
  caption: string;
  /** « Source : …, année », drawn under the chart and given here for the caption if wanted. */
  source: string;
}

interface CommonInput {
  /** What is measured, e.g. « Part des 75 ans et plus dans la population ». */
  title: string;
  /** « % », « pour 10 000 habitants », « habitants »…; « % » is also written after each value. */
  unit?: string;
  /** Who published the figures, e.g. « INSEE, recensement de la population ». Required. */
  source: string;
  /** Year of the figures, added to the source line unless the source already names it. */
  year?: number | string;
  /** Said after the source and year, e.g. that the figures are an illustration. */
  note?: string;
  /** Decimals of the value labels, all written with as many (1, or 0 when every value is whole). */
  decimals?: number;
  /** Display width in CSS px (605 by default). */
  width?: number;
  /** Device pixels per CSS px of the PNG (3 by default). */
  scale?: number;
}

export interface ComparisonChartInput extends CommonInput {
  /** One bar per place, top to bottom, e.g. territory, département, région, France. */
  bars: readonly { label: string; value: number }[];
}

export interface GroupedChartInput extends CommonInput {
  /** One group of bars per category, top to bottom (e.g. professions). */
  categories: readonly string[];
  /** One bar per series in each group, in this order, with a legend (at most four). */
  series: readonly string[];
  /** `values[category][series]`; null where the figure is not known (no bar, « n.d. »). */
  values: readonly (readonly (number | null)[])[];
}

export interface AgeStructureInput extends CommonInput {
  /** Age bands from the youngest to the oldest, e.g. « 0 à 14 ans », …, « 75 ans ou plus ». */
  bands: readonly string[];
  /** One or more series (the territory, then references) with one value per band. */
  series: readonly { label: string; values: readonly (number | null)[] }[];
}

/** Bars comparing one figure across places, the first bar in the darkest colour. */
export async function comparisonBarChart(input: ComparisonChartInput): Promise<ChartImage> {
  return drawChart(comparisonPlan(input));
}

/** Groups of bars, one group per category and one bar per series, with a legend. */
export async function groupedBarChart(input: GroupedChartInput): Promise<ChartImage> {
  return drawChart(groupedPlan(input));
}

/**
 * The population by age band, oldest band at the top as in an age pyramid, one bar per series
 * in each band (give shares, not counts, when comparing with references).
 */
export async function ageStructureChart(input: AgeStructureInput): Promise<ChartImage> {
  return drawChart(agePlan(input));
}

/** A chart as the cache gives it: everything but the SVG, which is not kept. */
export type CachedChart = Omit<ChartImage, "svg">;

export type ChartRequest =
  | { kind: "comparison"; chart: ComparisonChartInput }
  | { kind: "grouped"; chart: GroupedChartInput }
  | { kind: "ages"; chart: AgeStructureInput };

/**
 * A chart from `store` when one was drawn from the same specification (same data, labels, sizes)
 * and raster scale, else drawn and kept there: same bytes either way. The specification is made
 * without Vega; Vega, Vega-Lite and resvg load only when the chart must be drawn.
 */
export async function cachedChart(request: ChartRequest, store: FigureStore): Promise<CachedChart> {
  const plan = request.kind === "comparison" ? comparisonPlan(request.chart) : request.kind === "ages" ? agePlan(request.chart) : groupedPlan(request.chart);
  const image = await store.image(
    "graphique Vega-Lite",
    JSON.stringify({ spec: plan.spec, scale: plan.scale }),
    async () => {
      const { png, width, height, pixelWidth, pixelHeight } = await drawChart(plan);
      return { png, width, height, pixelWidth, pixelHeight, data: null };
    },
    (data): data is null => data === null,
  );
  const { png, width, height, pixelWidth, pixelHeight } = image;
  return { png, width, height, pixelWidth, pixelHeight, altText: plan.altText, caption: plan.caption, source: plan.source };
}

// ---------------------------------------------------------------------------------------------

/** A chart ready to be drawn: its Vega-Lite specification and the texts that go with the image. */
interface ChartPlan {
  spec: TopLevelSpec;
  /** Device pixels per CSS px of the PNG. */
  scale: number;
  altText: string;
  caption: string;
  source: string;
}

function comparisonPlan(input: ComparisonChartInput): ChartPlan {
  if (input.bars.length === 0) throw new RangeError("a comparison chart needs at least one bar");
  const colours = input.bars.map((_, i) => (input.bars.length <= SERIES_COLOURS.length ? SERIES_COLOURS[i]! : i === 0 ? SERIES_COLOURS[0] : OTHER_BAR_COLOUR));
  const rows: BarRow[] = input.bars.map((bar, i) => ({ category: i, series: 0, value: checkValue(bar.value, bar.label), colour: colours[i]! }));
  const decimals = chartDecimals(input, input.bars.map((b) => b.value));
  const spec = horizontalBars(input, decimals, rows, input.bars.map((b) => b.label), null);
  const altValues = input.bars.map((b) => `${b.label}${NBSP}: ${valueText(b.value, input, decimals)}`).join(`${NBSP}; `);
  return plan(input, spec, `Graphique en barres horizontales. ${caption(input)}. ${altValues}.`);
}

function groupedPlan(input: GroupedChartInput): ChartPlan {
  checkGrid(input.categories.length, input.series.length, input.values);
  const rows: BarRow[] = [];
  input.categories.forEach((category, c) =>
    input.series.forEach((series, s) => {
      const value = input.values[c]![s]!;
      rows.push({ category: c, series: s, value: value === null ? null : checkValue(value, `${category}, ${series}`), colour: SERIES_COLOURS[s]! });
    }),
  );
  const decimals = chartDecimals(input, input.values.flat());
  // One series needs no legend: the caption says what the bars are.
  const spec = horizontalBars(input, decimals, rows, input.categories, input.series.length > 1 ? input.series : null);
  const altValues = input.categories
    .map((category, c) => `${category}${NBSP}: ${input.series.map((series, s) => `${input.series.length > 1 ? `${series} ` : ""}${valueText(input.values[c]![s]!, input, decimals)}`).join(", ")}`)
    .join(`${NBSP}; `);
  return plan(input, spec, `Graphique en barres groupées. ${caption(input)}. ${altValues}.`);
}

function agePlan(input: AgeStructureInput): ChartPlan {
  const bands = [...input.bands].reverse();
  const values = bands.map((_, b) => input.series.map((s) => s.values[input.bands.length - 1 - b] ?? null));
  if (input.series.some((s) => s.values.length !== input.bands.length)) {
    throw new RangeError("each series of an age structure needs one value per band");
  }
  const grouped: GroupedChartInput = { ...input, categories: bands, series: input.series.map((s) => s.label), values };
  checkGrid(bands.length, input.series.length, values);
  const rows: BarRow[] = [];
  bands.forEach((band, c) =>
    input.series.forEach((series, s) => {
      const value = values[c]![s]!;
      rows.push({ category: c, series: s, value: value === null ? null : checkValue(value, `${band}, ${series.label}`), colour: SERIES_COLOURS[s]! });
    }),
  );
  const decimals = chartDecimals(input, values.flat());
  const spec = horizontalBars(grouped, decimals, rows, bands, input.series.length > 1 ? grouped.series : null);
  const altValues = input.bands
    .map((band, b) => `${band}${NBSP}: ${input.series.map((s) => `${input.series.length > 1 ? `${s.label} ` : ""}${valueText(s.values[b] ?? null, input, decimals)}`).join(", ")}`)
    .join(`${NBSP}; `);
  return plan(input, spec, `Graphique de la structure par âge. ${caption(input)}. ${altValues}.`);
}

interface BarRow {
  category: number;
  series: number;
  value: number | null;
  colour: string;
}

function checkValue(value: number, what: string): number {
  if (!Number.isFinite(value)) throw new RangeError(`chart value of « ${what} » is not a finite number: ${value}`);
  return value;
}

function checkGrid(categories: number, series: number, values: readonly (readonly unknown[])[]): void {
  if (categories === 0) throw new RangeError("a grouped chart needs at least one category");
  if (series === 0 || series > SERIES_COLOURS.length) throw new RangeError(`a grouped chart takes 1 to ${SERIES_COLOURS.length} series, not ${series}`);
  if (values.length !== categories || values.some((row) => row.length !== series)) {
    throw new RangeError("values must hold one row per category and one value per series");
  }
}

function isPercent(unit: string | undefined): boolean {
  return unit?.trim() === "%";
}

/**
 * A value as its label reads: « 13,1 % », « 5,0 », « 27 110 »; « n.d. » when unknown. Every
 * label of a chart has the same number of decimals, so that « 5 » never stands beside « 4,9 ».
 */
function valueText(value: number | null, input: CommonInput, decimals: number): string {
  if (value === null) return "n.d.";
  const text = frenchNumber(value, decimals, decimals);
  return isPercent(input.unit) ? `${text}${NBSP}%` : text;
}

function chartDecimals(input: CommonInput, values: readonly (number | null)[]): number {
  if (input.decimals !== undefined) {
    if (!Number.isInteger(input.decimals) || input.decimals < 0 || input.decimals > 6) throw new RangeError(`decimals out of range: ${input.decimals}`);
    return input.decimals;
  }
  return values.every((v) => v === null || Number.isInteger(v)) ? 0 : 1;
}

function caption(input: CommonInput): string {
  const unit = input.unit?.trim();
  return unit ? `${input.title} (${unit})` : input.title;
}

function sourceLine(input: CommonInput): string {
  const source = input.source.trim();
  if (!source) throw new RangeError(`the chart « ${input.title} » has no source`);
  const year = input.year === undefined ? "" : String(input.year).trim();
  const note = input.note?.trim() ? ` — ${input.note.trim()}` : "";
  return `Source${NBSP}: ${source}${year && !source.includes(year) ? `, ${year}` : ""}${note}`;
}

/**
 * Horizontal bars: one row per category (its label wrapped on the left), one bar per series in
 * the row, the value written after each bar. Space for the longest value label is kept at the
 * right end of the scale so that no label leaves the image.
 */
function horizontalBars(input: CommonInput, decimals: number, rows: BarRow[], categories: readonly string[], legend: readonly string[] | null): TopLevelSpec {
  const width = input.width ?? DEFAULT_CHART_WIDTH;
  const seriesCount = Math.max(1, ...rows.map((r) => r.series + 1));
  const wrapped = categories.map((label) => wrapText(label, width * 0.36, LABEL_SIZE));
  const labelColumn = Math.max(...wrapped.flat().map((line) => measureText(line, LABEL_SIZE)));
  const lines = Math.max(...wrapped.map((w) => w.length));
  const texts = rows.map((r) => valueText(r.value, input, decimals));
  // Thinner bars and smaller value labels when four series share a row, so that twelve
  // categories still fit on a page.
  const valueSize = seriesCount > 2 ? VALUE_SIZE_DENSE : LABEL_SIZE;
  const valueColumn = Math.max(...texts.map((t) => measureText(t, valueSize))) + VALUE_GAP + 6;
  const barThickness = seriesCount === 1 ? 20 : seriesCount === 2 ? 15 : 11;
  const rowHeight = Math.max(seriesCount * barThickness + 8, lines * LINE_HEIGHT + 10);

  const known = rows.flatMap((r) => (r.value === null ? [] : [r.value]));
  const low = Math.min(0, ...known);
  const high = Math.max(0, ...known);
  // Plot width as Vega will lay it out: the image less the labels column and padding.
  const plot = Math.max(80, width - labelColumn - 8 - 4);
  const perPx = (high - low || 1) / Math.max(20, plot - valueColumn * (high > 0 ? 1 : 0) - valueColumn * (low < 0 ? 1 : 0));
  const domain = [low < 0 ? low - valueColumn * perPx : 0, high > 0 ? high + valueColumn * perPx : 0];

  const data = rows.map((r, i) => ({
    category: String(r.category),
    label: wrapped[r.category]!.join("\n"),
    series: String(r.series),
    value: r.value ?? 0,
    known: r.value !== null,
    negative: (r.value ?? 0) < 0,
    text: texts[i],
    colour: r.colour,
  }));


  const categoryLabels = Object.fromEntries(wrapped.map((w, i) => [String(i), w]));
  const position = {
    y: {
      field: "category",
      type: "nominal",
      sort: null,
      scale: { paddingInner: 0.18, paddingOuter: 0.09 },
      axis: {
        title: null,
        domain: false,
        ticks: false,
        labelPadding: 8,
        labelFontSize: LABEL_SIZE,
        labelColor: TEXT_COLOUR,
        labelLimit: 0,
        labelLineHeight: LINE_HEIGHT,
        labelExpr: "categoryLabels[datum.value]",
      },
    },
    ...(seriesCount > 1 ? { yOffset: { field: "series", type: "nominal" as const, sort: null, scale: { paddingInner: 0.08 } } } : {}),
    x: { field: "value", type: "quantitative", axis: null, scale: { domain, nice: false, zero: true } },
  } as const;
  const spec: TopLevelSpec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    // The labels are signal values, not text inside an expression: Vega's expression parser takes a
    // string literal such as « valueOf » or one holding U+2028 for something else, and fails.
    params: [
      { name: "categoryLabels", value: categoryLabels },
      { name: "seriesLabels", value: Object.fromEntries((legend ?? []).map((l, i) => [String(i), l])) },
    ],
    width,
    height: { step: rowHeight, for: "position" },
    autosize: { type: "fit-x", contains: "padding" },
    padding: { left: 2, right: 2, top: legend ? 4 : 6, bottom: 4 },
    background: "white",
    data: { values: data },
    title: {
      text: sourceLine(input),
      orient: "bottom",
      anchor: "start",
      frame: "bounds",
      fontSize: SOURCE_SIZE,
      fontWeight: "normal",
      color: SOURCE_COLOUR,
      offset: 10,
    },
    layer: [
      {
        mark: { type: "bar", cornerRadius: 0 },
        encoding: {
          ...position,
          color: legend
            ? {
                field: "series",
                type: "nominal",
                sort: null,
                scale: { domain: legend.map((_, i) => String(i)), range: SERIES_COLOURS.slice(0, legend.length) as unknown as string[] },
                legend: {
                  title: null,
                  orient: "top",
                  direction: "horizontal",
                  labelExpr: "seriesLabels[datum.value]",
                  labelFontSize: LABEL_SIZE,
                  labelColor: TEXT_COLOUR,
                  labelLimit: 0,
                  symbolType: "square",
                  symbolSize: 120,
                  symbolStrokeWidth: 0,
                  columnPadding: 14,
                  offset: 8,
                },
              }
            : { field: "colour", type: "nominal", scale: null, legend: null },
        },
      },
      {
        transform: [{ filter: "!datum.negative" }],
        mark: { type: "text", align: "left", baseline: "middle", dx: VALUE_GAP, fontSize: valueSize, color: TEXT_COLOUR },
        encoding: { ...position, text: { field: "text" } },
      },
      {
        transform: [{ filter: "datum.negative" }],
        mark: { type: "text", align: "right", baseline: "middle", dx: -VALUE_GAP, fontSize: valueSize, color: TEXT_COLOUR },
        encoding: { ...position, text: { field: "text" } },
      },
      ...(low < 0
        ? [{ mark: { type: "rule" as const, color: "#4D4D4D", strokeWidth: 1 }, encoding: { x: { datum: 0, type: "quantitative" as const, scale: { domain, nice: false, zero: true }, axis: null } } }]
        : []),
    ],
    config: {
      // The PNG carries no SVG semantics; the text alternative is returned with the image.
      aria: false,
      font: CHART_FONT_FAMILY,
      view: { stroke: null },
      legend: { labelFont: CHART_FONT_FAMILY },
    },
  };
  return spec;
}

/** Vega-Lite's notes on dropped defaults are not the reader's business; errors still throw. */
const QUIET = {
  level(): number {
    return 0;
  },
  error(...args: readonly unknown[]): never {
    throw new Error(args.map(String).join(" "));
  },
  warn() {
    return QUIET;
  },
  info() {
    return QUIET;
  },
  debug() {
    return QUIET;
  },
} as const;

function plan(input: CommonInput, spec: TopLevelSpec, altText: string): ChartPlan {
  const source = sourceLine(input);
  return { spec, scale: input.scale ?? DEFAULT_RASTER_SCALE, altText: `${altText} ${source}.`, caption: caption(input), source };
}

async function drawChart({ spec, scale, altText, caption, source }: ChartPlan): Promise<ChartImage> {
  const { compile } = await import("vega-lite");
  const { svg, width, height } = await vegaToSvg(compile(spec, { logger: QUIET }).spec);
  const { png, pixelWidth, pixelHeight } = svgToPng(svg, scale);
  return { png, svg, width, height, pixelWidth, pixelHeight, altText, caption, source };
}

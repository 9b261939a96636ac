/**
 * Vega specifications → SVG, on the server, without a canvas or a browser. Vega is loaded on
 * first use (about half a second cold); text is measured with the chart font's own metrics
 * (chart-text.ts) instead of Vega's 0.8 em guess, so layouts match what the rasteriser draws.
 */
import type { Spec } from "vega";
import { chartWeight, measureText } from "./chart-text.js";

type VegaModule = typeof import("vega");

interface TextItem {
  fontSize?: number | string;
  fontWeight?: number | string;
}

/** The part of vega-scenegraph's `textMetrics` that Vega lets a host replace (as vl-convert does). */
interface TextMetrics {
  width: (item: TextItem, text: unknown) => number;
}

let loading: Promise<VegaModule> | undefined;

function loadVega(): Promise<VegaModule> {
  loading ??= import("vega").then((vega) => {
    const metrics = (vega as unknown as { textMetrics: TextMetrics }).textMetrics;
    metrics.width = (item, text) => {
      const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
      const line = text == null ? "" : String(text).trim();
      return size <= 0 || !line ? 0 : measureText(line, size, chartWeight(item.fontWeight));
    };
    return vega;
  });
  return loading;
}

/** A d3-geo projection as Vega builds it (only what the maps use). */
export interface GeoProjection {
  (point: [number, number]): [number, number] | null;
  invert(point: [number, number]): [number, number] | null;
  scale(): number;
  scale(k: number): GeoProjection;
  translate(): [number, number];
  translate(t: [number, number]): GeoProjection;
  rotate(angles: [number, number] | [number, number, number]): GeoProjection;
  parallels?(p: [number, number]): GeoProjection;
  fitExtent(extent: [[number, number], [number, number]], object: object): GeoProjection;
  fitSize(size: [number, number], object: object): GeoProjection;
}

/**
 * A new projection of Vega's registry (`"conicConformal"`, `"transverseMercator"`, …): the very
 * code Vega draws `geoshape` marks with, so positions computed here fall where Vega draws.
 */
export async function vegaProjection(type: string): Promise<GeoProjection> {
  const vega = await loadVega();
  const factory = (vega.projection as unknown as (type: string) => (() => GeoProjection) | undefined)(type);
  if (!factory) throw new Error(`unknown Vega projection ${type}`);
  return factory();
}

export interface SvgImage {
  svg: string;
  /** Size in CSS px (96 per inch), from the root element. */
  width: number;
  height: number;
  /** Items of the marks named in `options.marks`, as laid out (e.g. after label placement). */
  marks: Record<string, MarkItem[]>;
}

export interface MarkItem {
  datum: Record<string, unknown>;
  x: number;
  y: number;
  opacity: number;
}

export interface SvgOptions {
  /** Names of marks whose laid-out items to return. */
  marks?: readonly string[];
}

/**
 * Renders a Vega specification to an SVG string. Same specification → same string: the ids
 * Vega numbers across the whole process (clip paths, gradients) restart for each image.
 */
export function vegaToSvg(spec: Spec, options: SvgOptions = {}): Promise<SvgImage> {
  // One image at a time: the id counters are shared by every view of the process.
  const result = queue.then(() => renderSvg(spec, options));
  queue = result.catch(() => undefined);
  return result;
}

let queue: Promise<unknown> = Promise.resolve();

async function renderSvg(spec: Spec, options: SvgOptions): Promise<SvgImage> {
  const vega = await loadVega();
  // Vega logs a dataflow error and draws on: here it stops the image instead, and nothing of Vega's
  // reaches the user's terminal.
  const errors: unknown[] = [];
  const silent = vega.logger(vega.None);
  const logger = Object.assign(Object.create(silent) as typeof silent, {
    error(...args: unknown[]) {
      errors.push(args.find((a) => a instanceof Error) ?? args.join(" "));
      return logger;
    },
  });
  const view = new vega.View(vega.parse(spec), { renderer: "none", logger });
  try {
    await view.runAsync();
    (vega as unknown as { resetSVGDefIds(): void }).resetSVGDefIds();
    const svg = await view.toSVG();
    if (errors.length) throw errors[0] instanceof Error ? errors[0] : new Error(`Vega: ${String(errors[0])}`);
    const root = /^<svg[^>]*\swidth="([\d.]+)"\s+height="([\d.]+)"/.exec(svg);
    if (!root) throw new Error("Vega returned an SVG without width and height");
    const marks: Record<string, MarkItem[]> = {};
    for (const name of options.marks ?? []) marks[name] = findMarkItems((view.scenegraph() as unknown as { root: SceneNode }).root, name);
    return { svg, width: Number(root[1]), height: Number(root[2]), marks };
  } finally {
    view.finalize();
  }
}

interface SceneNode {
  name?: string;
  marktype?: string;
  items?: SceneNode[];
  datum?: Record<string, unknown>;
  x?: number;
  y?: number;
  opacity?: number;
}

/** Items of the mark named `name`, anywhere in the scenegraph (marks hold items, groups hold marks). */
function findMarkItems(node: SceneNode, name: string): MarkItem[] {
  if (node.marktype && node.name === name) {
    return (node.items ?? []).map((item) => ({ datum: item.datum ?? {}, x: item.x ?? 0, y: item.y ?? 0, opacity: item.opacity ?? 1 }));
  }
  for (const child of node.items ?? []) {
    const found = findMarkItems(child, name);
    if (found.length) return found;
  }
  return [];
}

/**
 * A map as PNG for the documents: areas in focus (filled, outlined), the areas around them (grey,
 * cut at the frame), boundary lines, names placed without overlap, a legend, a scale bar and
 * the sources. Generic: what the areas are, their names and the legend's words come from the
 * caller, as GeoJSON geometries in degrees.
 *
 * Drawn as a Vega specification (geoshape marks, Vega's label transform) rendered to SVG by
 * vega-svg.ts, then rasterised by raster.ts. The frame is fitted to the focus areas; its height
 * follows their shape, within `maxHeight`. Same input → same SVG and PNG bytes.
 */
import type { Mark, Spec } from "vega";
import { formatNumber, NBSP } from "../french/index.js";
import { CHART_FONT_FAMILY } from "./chart-font-files.js";
import { measureText, wrapText } from "./chart-text.js";
import type { FigureStore } from "./figure-cache.js";
import { DEFAULT_RASTER_SCALE, svgToPng } from "./raster.js";
import { vegaProjection, vegaToSvg, type GeoProjection } from "./vega-svg.js";

/** 16 cm, the text width of an A4 page with 2.5 cm margins, in CSS px (96 per inch). */
export const DEFAULT_MAP_WIDTH = 605;

export const MAP_COLOURS = {
  focus: "#6FA8B8",
  focusEdge: "#FFFFFF",
  outline: "#1F3F4A",
  context: "#E4E4E4",
  contextEdge: "#FFFFFF",
  boundary: "#7A7A7A",
  text: "#1A1A1A",
  halo: "#FFFFFF",
  note: "#4D4D4D",
  areaName: "#666666",
} as const;

type Point = [number, number];
type Box = [number, number, number, number];

/** A polygon or multipolygon in degrees (GeoJSON order: longitude, latitude; exterior rings clockwise). */
export interface MapGeometry {
  type: "Polygon" | "MultiPolygon";
  coordinates: number[][][] | number[][][][];
}

export interface MapArea {
  id: string;
  geometry: MapGeometry;
  /** A point inside the area, far from its edges: [longitude, latitude]. */
  labelPoint: Point;
  /** [west, south, east, north] in degrees. */
  bbox: Box;
}

export interface MapLayer {
  /** Words of the legend for this layer. */
  legend: string;
  areas: readonly MapArea[];
}

export interface MapLabel {
  id: string;
  text: string;
  /** [longitude, latitude]. */
  at: Point;
  /** Written larger and in semibold (the main place). */
  main?: boolean;
}

/** A name for a group of areas around the focus, placed at one of its points, away from the focus. */
export interface MapAreaLabel {
  id: string;
  text: string;
  candidates: readonly Point[];
}

/** d3-geo projections by their Vega names; a transverse Mercator is centred on the focus. */
export type MapProjection = { type: "conicConformal"; parallels: [number, number]; rotate: [number, number] } | { type: "transverseMercator" };

export interface MapInput {
  projection: MapProjection;
  /** The frame is fitted to these areas. */
  focus: MapLayer;
  /** Drawn where they meet the frame. */
  context: MapLayer;
  boundaries: { legend: string; lines: readonly { type: "MultiLineString"; coordinates: number[][][] }[] };
  /** Most important first: a name that cannot be placed without overlap is left out. */
  labels: readonly MapLabel[];
  areaLabels: readonly MapAreaLabel[];
  /** Written under the map. */
  source: string;
  /** Display width in CSS px (605 = 16 cm by default). */
  width?: number;
  /** Largest height of the frame in CSS px (620 by default, about 16.5 cm). */
  maxHeight?: number;
  /** Device pixels per CSS px of the PNG (3 by default). */
  scale?: number;
}

export interface MapImage {
  svg: string;
  png: Uint8Array;
  /** Size to display the image at, in CSS px (96 per inch). */
  width: number;
  height: number;
  pixelWidth: number;
  pixelHeight: number;
  /** Ids of the labels and area labels written. */
  labelled: string[];
  /** Ids of the context areas drawn (at least partly inside the frame). */
  context: string[];
  /** For each area drawn whose label point is inside the frame, that point in CSS px of the image. */
  interiorPoints: ReadonlyMap<string, Point>;
  /** Length of the scale bar, in km. */
  scaleKm: number;
  /** Where a point [longitude, latitude] falls in the image, in CSS px; null if not projectable. */
  project(point: Point): Point | null;
}

const LABEL_SIZE = 11.5;
const MAIN_LABEL_SIZE = 13;
const NOTE_SIZE = 10.5;
const LEGEND_SIZE = 11;
const AREA_LABEL_SIZE = 11;

interface PlacedLabel {
  id: string;
  name: string;
  x: number;
  y: number;
  size: number;
  weight: number;
  colour: string;
}

interface Frame {
  projection: GeoProjection;
  params: Record<string, unknown>;
  width: number;
  height: number;
  /** The frame's extent in degrees. */
  box: Box;
}

/** Draws the map. Throws RangeError when there is no focus area. */
export async function drawMap(input: MapInput): Promise<MapImage> {
  if (input.focus.areas.length === 0) throw new RangeError("a map needs at least one focus area");
  const frame = await fitFrame(input);
  const { projection, width, height } = frame;
  const context = input.context.areas.filter((a) => intersects(a.bbox, frame.box));
  const labels = [...pointLabels(input.labels, projection), ...areaLabels(input.areaLabels, frame, input.focus.areas)];

  const kmPerPx = groundKmPerPx(projection, width / 2, height / 2);
  const scaleKm = niceLength(kmPerPx * width * 0.2);
  const spec = mapSpec(input, frame, context, labels, scaleKm, scaleKm / kmPerPx);
  const { svg, height: drawnHeight, marks } = await vegaToSvg(spec, { marks: ["placed"] });
  // Vega's label placement hides (opacity 0) a name it cannot place without overlap.
  const placed = new Set(marks.placed!.filter((item) => item.opacity > 0).map((item) => String(item.datum.id)));
  const interiorPoints = new Map<string, Point>();
  for (const area of [...input.focus.areas, ...context]) {
    const p = projection(area.labelPoint);
    if (p && p[0] >= 0 && p[0] <= width && p[1] >= 0 && p[1] <= height) interiorPoints.set(area.id, [p[0], p[1]]);
  }
  const { png, pixelWidth, pixelHeight } = svgToPng(svg, input.scale ?? DEFAULT_RASTER_SCALE);
  return {
    svg,
    png,
    width,
    height: drawnHeight,
    pixelWidth,
    pixelHeight,
    labelled: labels.filter((l) => placed.has(l.id)).map((l) => l.id),
    context: context.map((a) => a.id),
    interiorPoints,
    scaleKm,
    project: (point) => projection(point),
  };
}

/** A map as the cache gives it: the image and what a text alternative needs to say of it. */
export type CachedMap = Pick<MapImage, "png" | "width" | "height" | "pixelWidth" | "pixelHeight" | "labelled"> & {
  /** Length of the scale bar, in km. */
  scaleKm: number;
};

/**
 * The map from `store` when one was drawn from the same input (areas, names, sizes, scale),
 * else drawn and kept there: same bytes either way, and Vega and resvg load only to draw.
 */
export async function cachedMap(input: MapInput, store: FigureStore): Promise<CachedMap> {
  const image = await store.image(
    "carte",
    JSON.stringify(input),
    async () => {
      const { png, width, height, pixelWidth, pixelHeight, labelled, scaleKm } = await drawMap(input);
      return { png, width, height, pixelWidth, pixelHeight, data: { labelled, scaleKm } };
    },
    (data): data is { labelled: string[]; scaleKm: number } => {
      const d = data as { labelled?: unknown; scaleKm?: unknown } | null;
      return Array.isArray(d?.labelled) && d.labelled.every((id) => typeof id === "string") && typeof d.scaleKm === "number" && d.scaleKm > 0;
    },
  );
  const { labelled, scaleKm } = image.data;
  return { png: image.png, width: image.width, height: image.height, pixelWidth: image.pixelWidth, pixelHeight: image.pixelHeight, labelled, scaleKm };
}

/** The projection fitted to the focus areas, and a frame as tall as their shape asks. */
async function fitFrame(input: MapInput): Promise<Frame> {
  const width = input.width ?? DEFAULT_MAP_WIDTH;
  const maxHeight = input.maxHeight ?? 620;
  const margin = Math.round(width * 0.05);
  const areas = input.focus.areas;
  const projection = await vegaProjection(input.projection.type);
  let params: Record<string, unknown>;
  if (input.projection.type === "conicConformal") {
    params = { parallels: input.projection.parallels, rotate: input.projection.rotate };
    projection.parallels!(input.projection.parallels).rotate(input.projection.rotate);
  } else {
    params = { rotate: rotationTo(areas) };
    projection.rotate(params.rotate as Point);
  }
  const collection = { type: "FeatureCollection", features: areas.map((a) => ({ type: "Feature", properties: {}, geometry: a.geometry })) };
  projection.fitExtent(
    [
      [margin, margin],
      [width - margin, maxHeight - margin],
    ],
    collection,
  );
  const box = projectedBox(projection, areas);
  const height = Math.round(Math.min(maxHeight, Math.max(width * 0.6, box[3] - box[1] + 2 * margin)));
  const [tx, ty] = projection.translate();
  projection.translate([tx + width / 2 - (box[0] + box[2]) / 2, ty + height / 2 - (box[1] + box[3]) / 2]);
  return { projection, params, width, height, box: frameBox(projection, width, height) };
}

function pointLabels(labels: readonly MapLabel[], projection: GeoProjection): PlacedLabel[] {
  return labels.flatMap((label) => {
    const p = projection(label.at);
    if (!p) return [];
    const size = label.main ? MAIN_LABEL_SIZE : LABEL_SIZE;
    return [{ id: label.id, name: label.text, x: p[0], y: p[1], size, weight: label.main ? 600 : 400, colour: MAP_COLOURS.text }];
  });
}

/**
 * Area names (in capitals) where at least three of their points are seen inside the frame and
 * off the focus's edge, at the point nearest to those points' centre: the name sits among the
 * areas it names. Placed after the point labels, so that it gives way to them.
 */
function areaLabels(labels: readonly MapAreaLabel[], frame: Frame, focus: readonly MapArea[]): PlacedLabel[] {
  const { projection, width, height } = frame;
  const edge = labels.length ? projectedVertices(projection, focus) : [];
  return labels.flatMap((label) => {
    const name = label.text.toUpperCase();
    const halfWidth = measureText(name, AREA_LABEL_SIZE) / 2 + 6;
    const points = label.candidates
      .map((c) => projection(c))
      .filter((p): p is Point => !!p && p[0] > halfWidth && p[0] < width - halfWidth && p[1] > 16 && p[1] < height - 16)
      .filter((p) => edge.every((v) => Math.abs(v[0] - p[0]) > halfWidth || Math.abs(v[1] - p[1]) > 12));
    if (points.length < 3) return [];
    const cx = points.reduce((t, p) => t + p[0], 0) / points.length;
    const cy = points.reduce((t, p) => t + p[1], 0) / points.length;
    const [x, y] = points.reduce((best, p) => (Math.hypot(p[0] - cx, p[1] - cy) < Math.hypot(best[0] - cx, best[1] - cy) ? p : best));
    return [{ id: label.id, name, x, y, size: AREA_LABEL_SIZE, weight: 400, colour: MAP_COLOURS.areaName }];
  });
}

function mapSpec(input: MapInput, frame: Frame, context: readonly MapArea[], labels: readonly PlacedLabel[], scaleKm: number, scalePx: number): Spec {
  const { width, height, projection } = frame;
  const sourceLines = wrapText(input.source, width - 8, NOTE_SIZE);
  const legendY = height + 16;
  const sourceY = legendY + 26;
  const feature = (a: MapArea) => ({ type: "Feature", properties: { id: a.id }, geometry: a.geometry });
  return {
    $schema: "https://vega.github.io/schema/vega/v6.json",
    width,
    height: Math.ceil(sourceY + sourceLines.length * 13 + 4),
    padding: 0,
    autosize: "none",
    background: "white",
    config: { text: { font: CHART_FONT_FAMILY }, aria: false } as never,
    projections: [
      {
        name: "map",
        type: input.projection.type,
        ...frame.params,
        scale: projection.scale(),
        translate: projection.translate(),
        // Shapes are cut at the frame by d3-geo, not by an SVG clip path (which costs resvg
        // about a second at print resolution).
        clipExtent: [
          [0, 0],
          [width, height],
        ],
      },
    ],
    data: [
      { name: "context", values: context.map(feature) },
      { name: "focus", values: input.focus.areas.map(feature) },
      { name: "boundaries", values: input.boundaries.lines.map((geometry) => ({ type: "Feature", properties: {}, geometry })) },
      { name: "labels", values: labels },
    ],
    marks: [
      { type: "group", encode: { enter: { x: { value: 0 }, y: { value: 0 }, width: { value: width }, height: { value: height } } }, marks: frameMarks(width, height) },
      { type: "rule", encode: { enter: { x: { value: 0 }, x2: { value: width }, y: { value: height + 0.5 }, stroke: { value: "#BDBDBD" }, strokeWidth: { value: 1 } } } },
      ...legendMarks(input, legendY),
      ...scaleBarMarks(width - 4 - scalePx, legendY, scalePx, scaleKm),
      ...sourceLines.map((line, i) => noteText(line, 2, sourceY + i * 13, NOTE_SIZE, MAP_COLOURS.note)),
    ],
  };
}

/** What is drawn inside the frame: areas, boundaries, then the names over them. */
function frameMarks(width: number, height: number): Mark[] {
  return [
    shapeMark("context", { fill: MAP_COLOURS.context, stroke: MAP_COLOURS.contextEdge, strokeWidth: 0.6 }),
    // Drawn twice: a wide dark stroke, then the fill over its inner half, which leaves the
    // focus's outline only, wherever its areas meet others.
    shapeMark("focus", { fill: "transparent", stroke: MAP_COLOURS.outline, strokeWidth: 4, strokeJoin: "round" }),
    shapeMark("focus", { fill: MAP_COLOURS.focus, stroke: MAP_COLOURS.focusEdge, strokeWidth: 0.7 }),
    // Over the focus too: a focus across a boundary shows where it runs.
    shapeMark("boundaries", { fill: "transparent", stroke: MAP_COLOURS.boundary, strokeWidth: 1.1, strokeDash: [6, 3] }),
    {
      type: "text",
      name: "placed",
      from: { data: "labels" },
      encode: {
        enter: {
          x: { field: "x" },
          y: { field: "y" },
          text: { field: "name" },
          fontSize: { field: "size" },
          fontWeight: { field: "weight" },
          // The placed items are drawn by the two marks below; these carry the colour.
          fill: { field: "colour" },
          fillOpacity: { value: 0 },
        },
      },
      transform: [
        {
          type: "label",
          size: [width, height],
          anchor: ["middle", "top", "bottom", "right", "left", "top-right", "top-left", "bottom-right", "bottom-left"],
          offset: [0, 2, 2, 3, 3, 2, 2, 2, 2],
          padding: 0,
        },
      ],
    } as never,
    labelText("placed", { stroke: MAP_COLOURS.halo, strokeWidth: 3, strokeJoin: "round" }),
    labelText("placed", {}),
  ];
}

function shapeMark(data: string, style: Record<string, unknown>): Mark {
  const enter: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(style)) enter[key] = { value };
  return { type: "shape", from: { data }, encode: { enter }, transform: [{ type: "geoshape", projection: "map" }] } as Mark;
}

function labelText(from: string, style: Record<string, unknown>): Mark {
  const enter: Record<string, unknown> = {
    x: { field: "x" },
    y: { field: "y" },
    text: { field: "text" },
    fontSize: { field: "fontSize" },
    fontWeight: { field: "fontWeight" },
    align: { field: "align" },
    baseline: { field: "baseline" },
    opacity: { field: "opacity" },
    fill: { field: "fill" },
  };
  for (const [key, value] of Object.entries(style)) enter[key] = { value };
  return { type: "text", from: { data: from }, encode: { enter } } as Mark;
}

function noteText(text: string, x: number, y: number, size: number, colour: string, align = "left"): Mark {
  return {
    type: "text",
    encode: {
      enter: {
        x: { value: x },
        y: { value: y },
        text: { value: text },
        fontSize: { value: size },
        fill: { value: colour },
        align: { value: align },
        baseline: { value: "middle" },
      },
    },
  } as Mark;
}

function legendMarks(input: MapInput, y: number): Mark[] {
  const items = [
    { label: input.focus.legend, fill: MAP_COLOURS.focus, stroke: MAP_COLOURS.outline },
    { label: input.context.legend, fill: MAP_COLOURS.context, stroke: "#BDBDBD" },
    { label: input.boundaries.legend, fill: null, stroke: MAP_COLOURS.boundary },
  ];
  const out: Mark[] = [];
  let x = 2;
  for (const item of items) {
    if (item.fill) {
      const strokeWidth = item.stroke === MAP_COLOURS.outline ? 1.6 : 0.8;
      out.push({
        type: "rect",
        encode: { enter: { x: { value: x }, y: { value: y - 6 }, width: { value: 16 }, height: { value: 12 }, fill: { value: item.fill }, stroke: { value: item.stroke }, strokeWidth: { value: strokeWidth } } },
      } as Mark);
    } else {
      out.push({
        type: "rule",
        encode: { enter: { x: { value: x }, x2: { value: x + 18 }, y: { value: y }, stroke: { value: item.stroke }, strokeWidth: { value: 1.3 }, strokeDash: { value: [6, 3] } } },
      } as Mark);
    }
    out.push(noteText(item.label, x + 22, y, LEGEND_SIZE, MAP_COLOURS.text));
    x += 22 + measureText(item.label, LEGEND_SIZE) + 16;
  }
  return out;
}

function scaleBarMarks(x: number, y: number, length: number, km: number): Mark[] {
  const rule = (x1: number, y1: number, x2: number, y2: number, w = 1.3): Mark =>
    ({
      type: "rule",
      encode: { enter: { x: { value: x1 }, y: { value: y1 }, x2: { value: x2 }, y2: { value: y2 }, stroke: { value: MAP_COLOURS.text }, strokeWidth: { value: w } } },
    }) as Mark;
  return [
    rule(x, y + 3, x + length, y + 3),
    rule(x, y - 2, x, y + 3),
    rule(x + length, y - 2, x + length, y + 3),
    noteText(`${formatNumber(km)}${NBSP}km`, x + length / 2, y - 7, LEGEND_SIZE, MAP_COLOURS.text, "center"),
  ];
}

/** A rotation that centres a transverse Mercator on the areas. */
function rotationTo(areas: readonly MapArea[]): Point {
  const lon = areas.reduce((s, x) => s + x.labelPoint[0], 0) / areas.length;
  const lat = areas.reduce((s, x) => s + x.labelPoint[1], 0) / areas.length;
  return [-lon, -lat];
}

/** The exterior rings of a geometry. */
function outerRings(geometry: MapGeometry): number[][][] {
  return geometry.type === "Polygon" ? [(geometry.coordinates as number[][][])[0]!] : (geometry.coordinates as number[][][][]).map((polygon) => polygon[0]!);
}

/** Every vertex of the areas' outer rings, projected. */
function projectedVertices(projection: GeoProjection, areas: readonly MapArea[]): Point[] {
  const out: Point[] = [];
  for (const area of areas) {
    for (const ring of outerRings(area.geometry)) {
      for (const [lon, lat] of ring) {
        const p = projection([lon!, lat!]);
        if (p) out.push(p);
      }
    }
  }
  return out;
}

/** Bounding box [x0, y0, x1, y1] in px of the areas' vertices. */
function projectedBox(projection: GeoProjection, areas: readonly MapArea[]): Box {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of projectedVertices(projection, areas)) {
    box[0] = Math.min(box[0], p[0]);
    box[1] = Math.min(box[1], p[1]);
    box[2] = Math.max(box[2], p[0]);
    box[3] = Math.max(box[3], p[1]);
  }
  return box;
}

/** The frame's extent in degrees [west, south, east, north], from its edges' points. */
function frameBox(projection: GeoProjection, width: number, height: number): Box {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i <= 8; i += 1) {
    for (const [x, y] of [
      [(width * i) / 8, 0],
      [(width * i) / 8, height],
      [0, (height * i) / 8],
      [width, (height * i) / 8],
    ] as const) {
      const p = projection.invert([x, y]);
      if (!p) continue;
      box[0] = Math.min(box[0], p[0]);
      box[1] = Math.min(box[1], p[1]);
      box[2] = Math.max(box[2], p[0]);
      box[3] = Math.max(box[3], p[1]);
    }
  }
  return box;
}

function intersects(a: readonly number[], b: readonly number[]): boolean {
  return a[0]! <= b[2]! && a[2]! >= b[0]! && a[1]! <= b[3]! && a[3]! >= b[1]!;
}

/** Kilometres on the ground per px at (x, y), measured along 100 px by the haversine formula. */
function groundKmPerPx(projection: GeoProjection, x: number, y: number): number {
  const a = projection.invert([x - 50, y])!;
  const b = projection.invert([x + 50, y])!;
  const rad = Math.PI / 180;
  const h = Math.sin(((b[1] - a[1]) * rad) / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(((b[0] - a[0]) * rad) / 2) ** 2;
  return (2 * 6371.0088 * Math.asin(Math.sqrt(h))) / 100;
}

/** The round length (1, 2 or 5 × 10ⁿ km) nearest below `km`. */
function niceLength(km: number): number {
  const power = 10 ** Math.floor(Math.log10(km));
  const step = [5, 2, 1].find((s) => s * power <= km) ?? 1;
  return step * power;
}

/**
 * The map of a territory: its communes filled, the neighbouring communes in grey, département
 * boundaries, the names of its most populous communes, a scale bar, a legend and the sources.
 *
 * Drawn as a Vega specification (geoshape marks, Vega's label placement so that names do not
 * overlap) rendered to SVG by render/vega-svg.ts, then rasterised by render/raster.ts. The
 * projection is d3-geo's conformal conic with the parameters of Lambert-93 (standard parallels
 * 44° N and 49° N, central meridian 3° E) on a sphere, for metropolitan France; a transverse
 * Mercator centred on the territory overseas. At the scale of a département the sphere differs
 * from Lambert-93's ellipsoid by well under a millimetre on the page.
 *
 * Contours come from contours.ts (IGN ADMIN EXPRESS COG, see src/build/contours.ts); commune
 * names, populations and départements from the territory data. Same input → same SVG and PNG.
 */
import type { Mark, Spec } from "vega";
import { formatNumber, joinFr, NBSP, plural } from "../french/index.js";
import { CHART_FONT_FAMILY } from "../render/chart-font-files.js";
import { measureText, wrapText } from "../render/chart-text.js";
import { DEFAULT_RASTER_SCALE, svgToPng } from "../render/raster.js";
import { vegaProjection, vegaToSvg, type GeoProjection } from "../render/vega-svg.js";
import { Contours, type CommuneShape } from "./contours.js";
import { getTerritoryData, type Commune, type TerritoryData } from "./data.js";

/** 16 cm, the text width of an A4 page with 2.5 cm margins, in CSS px (96 per inch). */
export const DEFAULT_MAP_WIDTH = 605;

export const MAP_COLOURS = {
  territory: "#6FA8B8",
  territoryEdge: "#FFFFFF",
  outline: "#1F3F4A",
  neighbour: "#E4E4E4",
  neighbourEdge: "#FFFFFF",
  department: "#7A7A7A",
  text: "#1A1A1A",
  halo: "#FFFFFF",
  note: "#4D4D4D",
  departmentName: "#666666",
} as const;

export interface TerritoryMapOptions {
  /** Display width in CSS px (605 = 16 cm by default). */
  width?: number;
  /** Largest height of the map frame in CSS px (620 by default, about 16.5 cm). */
  maxHeight?: number;
  /** How many commune names to write at most, most populous first (10 by default). */
  labels?: number;
  /** Whether to write the names of the départements in the frame (true by default). */
  departmentNames?: boolean;
  /** Device pixels per CSS px of the PNG (3 by default). */
  scale?: number;
  /** Territory data (the package's, read once, by default). */
  data?: TerritoryData;
  /** Contours (those built beside the module by default). */
  contours?: Contours;
}

export interface TerritoryMap {
  svg: string;
  /** Size to display the image at, in CSS px (96 per inch). */
  width: number;
  height: number;
  /** Text alternative for screen readers. */
  altText: string;
  /** Sources of the contours and of the commune list, also drawn under the map. */
  source: string;
  /** Territory codes drawn, and those without a contour (not drawn). */
  drawn: string[];
  missing: string[];
  /** Codes of the communes whose names were written. */
  labelled: string[];
  /** For each territory commune drawn and each neighbour, a point inside it, in CSS px of the image. */
  interiorPoints: ReadonlyMap<string, [number, number]>;
  /** Codes of the neighbouring communes drawn (at least partly inside the frame). */
  neighbours: string[];
  /** Length of the scale bar, in km. */
  scaleKm: number;
  /** Where a point [longitude, latitude] falls in the image, in CSS px; null if not projectable. */
  project(point: [number, number]): [number, number] | null;
}

export interface TerritoryMapImage extends TerritoryMap {
  png: Uint8Array;
  pixelWidth: number;
  pixelHeight: number;
}

const LABEL_SIZE = 11.5;
const MAIN_LABEL_SIZE = 13;
const NOTE_SIZE = 10.5;
const LEGEND_SIZE = 11;
const DEPARTMENT_LABEL_SIZE = 11;

interface MapLabel {
  code: string;
  name: string;
  x: number;
  y: number;
  size: number;
  weight: number;
  colour: string;
}

/** The map as SVG. Throws ContoursUnavailableError when the contours are not installed. */
export async function territoryMapSvg(codes: readonly string[], options: TerritoryMapOptions = {}): Promise<TerritoryMap> {
  const data = options.data ?? getTerritoryData();
  const contours = options.contours ?? Contours.open();
  const width = options.width ?? DEFAULT_MAP_WIDTH;
  const maxHeight = options.maxHeight ?? 620;
  const margin = Math.round(width * 0.05);

  // 1. The territory's communes and their shapes.
  const communes: Commune[] = [];
  const missing: string[] = [];
  const shapes: CommuneShape[] = [];
  for (const code of [...new Set(codes)].sort()) {
    const commune = data.commune(code);
    const shape = commune ? contours.commune(code, commune.department.code) : undefined;
    if (commune && shape) {
      communes.push(commune);
      shapes.push(shape);
    } else {
      missing.push(code);
    }
  }
  if (shapes.length === 0) throw new RangeError(`no commune of the territory has a contour: ${codes.join(", ")}`);
  const inTerritory = new Set(shapes.map((s) => s.code));
  const territory = { type: "FeatureCollection", features: shapes.map((s) => s.feature) };

  // 2. Projection fitted to the territory, frame as tall as the territory's shape asks.
  const overseas = shapes.every((s) => s.part.startsWith("97"));
  const projection = await vegaProjection(overseas ? "transverseMercator" : "conicConformal");
  const params: Record<string, unknown> = overseas ? { rotate: rotationTo(shapes) } : { parallels: [44, 49], rotate: [-3, 0] };
  if (overseas) projection.rotate(params.rotate as [number, number]);
  else projection.parallels!([44, 49]).rotate([-3, 0]);
  projection.fitExtent(
    [
      [margin, margin],
      [width - margin, maxHeight - margin],
    ],
    territory,
  );
  const box = projectedBox(projection, shapes);
  const height = Math.round(Math.min(maxHeight, Math.max(width * 0.6, box[3] - box[1] + 2 * margin)));
  const [tx, ty] = projection.translate();
  projection.translate([tx + width / 2 - (box[0] + box[2]) / 2, ty + height / 2 - (box[1] + box[3]) / 2]);

  // 3. Neighbours: every commune of the parts the frame meets, inside the frame.
  const frame = frameBox(projection, width, height);
  const parts = new Set([...contours.partsWithin(frame), ...shapes.map((s) => s.part)]);
  const neighbourShapes = [...parts]
    .sort()
    .flatMap((p) => contours.part(p))
    .filter((s) => !inTerritory.has(s.code) && intersects(s.bbox, frame));
  const borders = [...parts].sort().map((p) => contours.border(p));

  // 4. Names of the most populous communes.
  const labelCount = options.labels ?? 10;
  const ranked = communes
    .map((c, i) => ({ commune: c, shape: shapes[i]! }))
    .sort((a, b) => (b.commune.population ?? 0) - (a.commune.population ?? 0) || a.commune.code.localeCompare(b.commune.code))
    .slice(0, labelCount);
  const labels: MapLabel[] = ranked.map(({ commune, shape }, i) => {
    const [x, y] = projection(shape.labelPoint)!;
    return { code: commune.code, name: commune.name, x, y, size: i === 0 ? MAIN_LABEL_SIZE : LABEL_SIZE, weight: i === 0 ? 600 : 400, colour: MAP_COLOURS.text };
  });
  // Names of the départements in the frame, in capitals, where many of their communes are seen;
  // placed after the communes' names, so they give way to them.
  const edge = options.departmentNames === false ? [] : projectedVertices(projection, shapes);
  for (const part of options.departmentNames === false ? [] : [...parts].sort()) {
    const department = data.departments.get(part);
    if (!department) continue;
    const name = department.name.toUpperCase();
    const halfWidth = measureText(name, DEPARTMENT_LABEL_SIZE) / 2 + 6;
    // Inside the frame and off the territory's edge, so that the name sits among the neighbours.
    const points = contours
      .part(part)
      .filter((s) => !inTerritory.has(s.code))
      .map((s) => projection(s.labelPoint))
      .filter((p): p is [number, number] => !!p && p[0] > halfWidth && p[0] < width - halfWidth && p[1] > 16 && p[1] < height - 16)
      .filter((p) => edge.every((v) => Math.abs(v[0] - p[0]) > halfWidth || Math.abs(v[1] - p[1]) > 12));
    if (points.length < 3) continue;
    const cx = points.reduce((t, p) => t + p[0], 0) / points.length;
    const cy = points.reduce((t, p) => t + p[1], 0) / points.length;
    const [x, y] = points.reduce((best, p) => (Math.hypot(p[0] - cx, p[1] - cy) < Math.hypot(best[0] - cx, best[1] - cy) ? p : best));
    labels.push({ code: `département ${part}`, name, x, y, size: DEPARTMENT_LABEL_SIZE, weight: 400, colour: MAP_COLOURS.departmentName });
  }

  // 5. Scale bar, legend and sources under the frame.
  const kmPerPx = groundKmPerPx(projection, width / 2, height / 2);
  const scaleKm = niceLength(kmPerPx * width * 0.2);
  const scalePx = scaleKm / kmPerPx;
  const source = sourceLine(contours, data);
  const sourceLines = wrapText(source, width - 8, NOTE_SIZE);
  const legendY = height + 16;
  const sourceY = legendY + 26;
  const totalHeight = Math.ceil(sourceY + sourceLines.length * 13 + 4);
  const legend = legendItems(communes.length);

  const spec: Spec = {
    $schema: "https://vega.github.io/schema/vega/v6.json",
    width,
    height: totalHeight,
    padding: 0,
    autosize: "none",
    background: "white",
    config: { text: { font: CHART_FONT_FAMILY }, aria: false } as never,
    projections: [
      {
        name: "map",
        type: overseas ? "transverseMercator" : "conicConformal",
        ...params,
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
      { name: "neighbours", values: neighbourShapes.map((s) => s.feature) },
      { name: "territory", values: shapes.map((s) => s.feature) },
      { name: "borders", values: borders },
      { name: "labels", values: labels },
    ],
    marks: [
      {
        type: "group",
        encode: { enter: { x: { value: 0 }, y: { value: 0 }, width: { value: width }, height: { value: height } } },
        marks: [
          shapeMark("neighbours", { fill: MAP_COLOURS.neighbour, stroke: MAP_COLOURS.neighbourEdge, strokeWidth: 0.6 }),
          // Drawn twice: a wide dark stroke, then the fill over its inner half, which leaves the
          // territory's outline only, wherever its communes meet others (other parts included).
          shapeMark("territory", { fill: "transparent", stroke: MAP_COLOURS.outline, strokeWidth: 4, strokeJoin: "round" }),
          shapeMark("territory", { fill: MAP_COLOURS.territory, stroke: MAP_COLOURS.territoryEdge, strokeWidth: 0.7 }),
          // Over the territory too: a territory across two départements shows where they meet.
          shapeMark("borders", { fill: "transparent", stroke: MAP_COLOURS.department, strokeWidth: 1.1, strokeDash: [6, 3] }),
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
        ],
      },
      { type: "rule", encode: { enter: { x: { value: 0 }, x2: { value: width }, y: { value: height + 0.5 }, stroke: { value: "#BDBDBD" }, strokeWidth: { value: 1 } } } },
      ...legend.marks(legendY),
      ...scaleBarMarks(width - 4 - scalePx, legendY, scalePx, scaleKm),
      ...sourceLines.map((line, i) => noteText(line, 2, sourceY + i * 13, NOTE_SIZE, MAP_COLOURS.note)),
    ],
  };

  const { svg, height: drawnHeight, marks } = await vegaToSvg(spec, { marks: ["placed"] });
  // Vega's label placement hides (opacity 0) a name it cannot place without overlap.
  const placed = new Set(marks.placed!.filter((item) => item.opacity > 0).map((item) => String(item.datum.code)));
  const interiorPoints = new Map<string, [number, number]>();
  for (const s of [...shapes, ...neighbourShapes]) {
    const p = projection(s.labelPoint);
    if (p && p[0] >= 0 && p[0] <= width && p[1] >= 0 && p[1] <= height) interiorPoints.set(s.code, [p[0], p[1]]);
  }

  const departments = [...new Set(communes.map((c) => c.department.name))];
  const named = communes.filter((c) => placed.has(c.code)).sort((a, b) => (b.population ?? 0) - (a.population ?? 0));
  const altText =
    `Carte du territoire${NBSP}: ${plural(communes.length, "commune")} (${joinFr(departments)}), en couleur, entourées des communes voisines en gris` +
    (named.length ? `${NBSP}; communes nommées${NBSP}: ${named.map((c) => (c.population ? `${c.name} (${formatNumber(c.population)} habitants)` : c.name)).join(", ")}` : "") +
    `${NBSP}; limites de départements en tirets${NBSP}; échelle de ${scaleKm}${NBSP}km. ${source}`;

  return {
    svg,
    width,
    height: drawnHeight,
    altText,
    source,
    drawn: shapes.map((s) => s.code),
    missing,
    labelled: labels.filter((l) => inTerritory.has(l.code) && placed.has(l.code)).map((l) => l.code),
    interiorPoints,
    neighbours: neighbourShapes.map((s) => s.code),
    scaleKm,
    project: (point) => projection(point),
  };
}

/** The map as PNG (and SVG). Throws ContoursUnavailableError when the contours are not installed. */
export async function territoryMapPng(codes: readonly string[], options: TerritoryMapOptions = {}): Promise<TerritoryMapImage> {
  const map = await territoryMapSvg(codes, options);
  const { png, pixelWidth, pixelHeight } = svgToPng(map.svg, options.scale ?? DEFAULT_RASTER_SCALE);
  return { ...map, png, pixelWidth, pixelHeight };
}

// ---------------------------------------------------------------------------------------------

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

function legendItems(count: number) {
  const items = [
    { label: `Communes du territoire (${formatNumber(count)})`, fill: MAP_COLOURS.territory, stroke: MAP_COLOURS.outline, dash: null },
    { label: "Communes voisines", fill: MAP_COLOURS.neighbour, stroke: "#BDBDBD", dash: null },
    { label: "Limite de département", fill: null, stroke: MAP_COLOURS.department, dash: [6, 3] },
  ];
  return {
    marks(y: number): Mark[] {
      const out: Mark[] = [];
      let x = 2;
      for (const item of items) {
        if (item.fill) {
          out.push({
            type: "rect",
            encode: {
              enter: {
                x: { value: x },
                y: { value: y - 6 },
                width: { value: 16 },
                height: { value: 12 },
                fill: { value: item.fill },
                stroke: { value: item.stroke },
                strokeWidth: { value: item.stroke === MAP_COLOURS.outline ? 1.6 : 0.8 },
              },
            },
          } as Mark);
        } else {
          out.push({
            type: "rule",
            encode: {
              enter: { x: { value: x }, x2: { value: x + 18 }, y: { value: y }, stroke: { value: item.stroke }, strokeWidth: { value: 1.3 }, strokeDash: { value: item.dash } },
            },
          } as Mark);
        }
        out.push(noteText(item.label, x + 22, y, LEGEND_SIZE, MAP_COLOURS.text));
        x += 22 + measureText(item.label, LEGEND_SIZE) + 16;
      }
      return out;
    },
  };
}

function scaleBarMarks(x: number, y: number, length: number, km: number): Mark[] {
  const rule = (x1: number, y1: number, x2: number, y2: number, w = 1.3): Mark => ({
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

function sourceLine(contours: Contours, data: TerritoryData): string {
  const s = contours.index.source;
  const cog = data.source.cogYear;
  return (
    `Sources${NBSP}: ${s.producer} – ${s.product}, édition ${s.year}, ${s.licence} (contours simplifiés)` +
    `${NBSP}; INSEE, code officiel géographique${cog ? `, communes au 1er${NBSP}janvier ${cog}` : ""}.`
  );
}

/** A rotation that centres a transverse Mercator on the shapes (overseas territories). */
function rotationTo(shapes: readonly CommuneShape[]): [number, number] {
  const lon = shapes.reduce((s, x) => s + x.labelPoint[0], 0) / shapes.length;
  const lat = shapes.reduce((s, x) => s + x.labelPoint[1], 0) / shapes.length;
  return [-lon, -lat];
}

/** Bounding box [x0, y0, x1, y1] in px of the shapes' vertices. */
function projectedBox(projection: GeoProjection, shapes: readonly CommuneShape[]): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const s of shapes) {
    const polygons = s.feature.geometry.type === "Polygon" ? [s.feature.geometry.coordinates] : s.feature.geometry.coordinates;
    for (const polygon of polygons) {
      for (const [lon, lat] of polygon[0]!) {
        const p = projection([lon!, lat!]);
        if (!p) continue;
        box[0] = Math.min(box[0], p[0]);
        box[1] = Math.min(box[1], p[1]);
        box[2] = Math.max(box[2], p[0]);
        box[3] = Math.max(box[3], p[1]);
      }
    }
  }
  return box;
}

/** Every vertex of the shapes' outer rings, projected. */
function projectedVertices(projection: GeoProjection, shapes: readonly CommuneShape[]): [number, number][] {
  const out: [number, number][] = [];
  for (const s of shapes) {
    const polygons = s.feature.geometry.type === "Polygon" ? [s.feature.geometry.coordinates] : s.feature.geometry.coordinates;
    for (const polygon of polygons) {
      for (const [lon, lat] of polygon[0]!) {
        const p = projection([lon!, lat!]);
        if (p) out.push(p);
      }
    }
  }
  return out;
}

/** The frame's extent in degrees [west, south, east, north], from its edges' points. */
function frameBox(projection: GeoProjection, width: number, height: number): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
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

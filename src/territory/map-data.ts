/**
 * What the map of a territory shows, as plain data for a map renderer (src/render/map.ts draws
 * it; the generate command puts the two together): the territory's communes, the communes
 * around them, the boundaries between départements, the names of the most populous communes
 * and of the départements around, the projection, the legend's words and the sources.
 *
 * Projection: d3-geo's conformal conic with the parameters of Lambert-93 (standard parallels
 * 44° N and 49° N, central meridian 3° E) on a sphere, for metropolitan France; a transverse
 * Mercator centred on the territory overseas. At the scale of a département the sphere differs
 * from Lambert-93's ellipsoid by well under a millimetre on the page.
 *
 * Contours come from contours.ts (IGN ADMIN EXPRESS COG, see src/build/contours.ts); names,
 * populations and départements from the territory data.
 */
import { formatNumber, joinFr, NBSP, plural } from "../french/index.js";
import { Contours, type CommuneShape } from "./contours.js";
import { getTerritoryData, type Commune, type TerritoryData } from "./data.js";

type Point = [number, number];

export interface MapArea {
  id: string;
  geometry: CommuneShape["feature"]["geometry"];
  labelPoint: Point;
  bbox: [number, number, number, number];
}

export interface TerritoryMapOptions {
  /** How many commune names to write at most, most populous first (10 by default). */
  labels?: number;
  /** Whether to name the départements around (true by default). */
  departmentNames?: boolean;
  /** Territory data (the package's, read once, by default). */
  data?: TerritoryData;
  /** Contours (those found by `defaultContoursDir()` by default). */
  contours?: Contours;
}

/** The map's content, shaped as src/render/map.ts's `MapInput` (without sizes). */
export interface TerritoryMapData {
  projection: { type: "conicConformal"; parallels: [number, number]; rotate: [number, number] } | { type: "transverseMercator" };
  focus: { legend: string; areas: MapArea[] };
  /** Every commune of the départements near the territory; the renderer keeps those in its frame. */
  context: { legend: string; areas: MapArea[] };
  boundaries: { legend: string; lines: { type: "MultiLineString"; coordinates: number[][][] }[] };
  labels: { id: string; text: string; at: Point; main?: boolean }[];
  areaLabels: { id: string; text: string; candidates: Point[] }[];
  source: string;
  /** Territory codes drawn, and those without a contour (not drawn). */
  drawn: string[];
  missing: string[];
  /** The communes drawn, for the text alternative. */
  communes: readonly Commune[];
}

/**
 * The map data of the communes `codes`. Throws ContoursUnavailableError when the contours are
 * not installed, RangeError when no commune of `codes` has a contour.
 */
export function territoryMapData(codes: readonly string[], options: TerritoryMapOptions = {}): TerritoryMapData {
  const data = options.data ?? getTerritoryData();
  const contours = options.contours ?? Contours.open();
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
  const parts = [...new Set([...contours.partsWithin(surroundings(shapes)), ...shapes.map((s) => s.part)])].sort();
  const overseas = shapes.every((s) => s.part.startsWith("97"));
  return {
    projection: overseas ? { type: "transverseMercator" } : { type: "conicConformal", parallels: [44, 49], rotate: [-3, 0] },
    focus: { legend: `Communes du territoire (${formatNumber(shapes.length)})`, areas: shapes.map(area) },
    context: {
      legend: "Communes voisines",
      areas: parts.flatMap((p) => contours.part(p).filter((s) => !inTerritory.has(s.code)).map(area)),
    },
    boundaries: { legend: "Limite de département", lines: parts.map((p) => contours.border(p).geometry) },
    labels: mainCommunes(communes, shapes, options.labels ?? 10),
    areaLabels:
      options.departmentNames === false
        ? []
        : parts.flatMap((p) => {
            const department = data.departments.get(p);
            if (!department) return [];
            const candidates = contours
              .part(p)
              .filter((s) => !inTerritory.has(s.code))
              .map((s) => s.labelPoint);
            return [{ id: `département ${p}`, text: department.name, candidates }];
          }),
    source: sourceLine(contours, data),
    drawn: shapes.map((s) => s.code),
    missing,
    communes,
  };
}

/**
 * The text alternative of a drawn map: what it shows, the names written (`labelled`, ids of
 * the labels the renderer could place) and the scale.
 */
export function territoryMapAltText(map: TerritoryMapData, drawn: { labelled: readonly string[]; scaleKm: number }): string {
  const placed = new Set(drawn.labelled);
  const departments = [...new Set(map.communes.map((c) => c.department.name))];
  const named = map.communes.filter((c) => placed.has(c.code)).sort((a, b) => (b.population ?? 0) - (a.population ?? 0));
  const names = named.map((c) => (c.population ? `${c.name} (${formatNumber(c.population)} habitants)` : c.name)).join(", ");
  return (
    `Carte du territoire${NBSP}: ${plural(map.communes.length, "commune")} (${joinFr(departments)}), en couleur, entourées des communes voisines en gris` +
    (named.length ? `${NBSP}; communes nommées${NBSP}: ${names}` : "") +
    `${NBSP}; limites de départements en tirets${NBSP}; échelle de ${formatNumber(drawn.scaleKm)}${NBSP}km. ${map.source}`
  );
}

function area(shape: CommuneShape): MapArea {
  return { id: shape.code, geometry: shape.feature.geometry, labelPoint: shape.labelPoint, bbox: shape.bbox };
}

/** Names of the most populous communes, the first one as the main place. */
function mainCommunes(communes: readonly Commune[], shapes: readonly CommuneShape[], count: number): TerritoryMapData["labels"] {
  return communes
    .map((commune, i) => ({ commune, shape: shapes[i]! }))
    .sort((a, b) => (b.commune.population ?? 0) - (a.commune.population ?? 0) || a.commune.code.localeCompare(b.commune.code))
    .slice(0, count)
    .map(({ commune, shape }, i) => ({ id: commune.code, text: commune.name, at: shape.labelPoint, ...(i === 0 ? { main: true } : {}) }));
}

/**
 * A box around the territory that holds any frame a renderer fits to it: centred on it, as wide
 * and as tall (on the ground) as 1.5 times its larger side. The frame is at most its larger side
 * plus margins, whatever the page's proportions.
 */
function surroundings(shapes: readonly CommuneShape[]): [number, number, number, number] {
  const west = Math.min(...shapes.map((s) => s.bbox[0]));
  const south = Math.min(...shapes.map((s) => s.bbox[1]));
  const east = Math.max(...shapes.map((s) => s.bbox[2]));
  const north = Math.max(...shapes.map((s) => s.bbox[3]));
  const [lon, lat] = [(west + east) / 2, (south + north) / 2];
  const k = Math.cos((lat * Math.PI) / 180);
  const half = (0.75 * Math.max((east - west) * k, north - south)) || 0.05;
  return [lon - half / k, lat - half, lon + half / k, lat + half];
}

function sourceLine(contours: Contours, data: TerritoryData): string {
  const s = contours.index.source;
  const cog = data.source.cogYear;
  return (
    `Sources${NBSP}: ${s.producer} – ${s.product} ${s.year}, ${s.licence} (contours simplifiés)` +
    `${NBSP}; INSEE, code officiel géographique${cog ? `, communes au 1er${NBSP}janvier ${cog}` : ""}.`
  );
}

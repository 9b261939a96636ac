/**
 * Commune contours for the territory map, read from the files src/build/contours.ts writes
 * (`dist/territory/contours/`: `index.json` and one gzipped TopoJSON per département). Each
 * part is read and decoded the first time a map needs it, then kept for the process.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import type { Feature, MultiLineString, MultiPolygon, Polygon, Position } from "geojson";
import type { GeometryCollection, MultiLineString as TopoMultiLineString, Topology } from "topojson-specification";

export const CONTOUR_FORMAT = 2;

/** Grid of the quantised coordinates, in degrees (5e-5° ≈ 5.5 m of latitude), the same for every part. */
export const CONTOUR_QUANTUM = 5e-5;

export interface ContourSource {
  producer: string;
  product: string;
  year: number;
  licence: string;
  /** Who converted and simplified the files the build read. */
  via: string;
}

export interface ContourIndex {
  format: number;
  /** Hash of the build's inputs. */
  stamp: string;
  source: ContourSource;
  /** The commune list the codes were brought to. */
  communes: { package: string; version: string };
  quantum: number;
  /** One part per département: bounding box [west, south, east, north] in degrees, number of communes. */
  parts: Record<string, { bbox: [number, number, number, number]; communes: number }>;
  /** Current communes without a shape in the source. */
  missing: string[];
  /** Source codes that match no current commune. */
  unplaced: string[];
}

export interface CommuneShape {
  /** INSEE code of the commune actuelle. */
  code: string;
  /** Département part it was read from. */
  part: string;
  /** A point inside the commune, far from its edges: [longitude, latitude]. */
  labelPoint: [number, number];
  /** [west, south, east, north] in degrees. */
  bbox: [number, number, number, number];
  feature: Feature<Polygon | MultiPolygon, { code: string }>;
}

/** The contours are not installed (built without their source): the map cannot be drawn. */
export class ContoursUnavailableError extends Error {
  override readonly name = "ContoursUnavailableError";
  constructor(
    readonly dir: string,
    state = "absents",
  ) {
    super(
      `contours des communes ${state} (${join(dir, "index.json")})\u00a0: ils sont construits par « npm run build » ` +
        "à partir des fichiers de france-geojson (IGN – ADMIN EXPRESS COG), qui ne sont pas livrés avec l’outil " +
        "(README, « La carte du territoire »)",
    );
  }
}

const here = dirname(fileURLToPath(import.meta.url));

type TopojsonClient = typeof import("topojson-client");
let topojson: TopojsonClient | undefined;

/** topojson-client, loaded when a part is first read: importing this module stays cheap. */
function client(): TopojsonClient {
  topojson ??= createRequire(import.meta.url)("topojson-client") as TopojsonClient;
  return topojson;
}

/** The folder named by CPTS_CONTOURS_DIR (contours built elsewhere with `--out`), if any. */
export function contoursDirFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dir = env.CPTS_CONTOURS_DIR?.trim();
  return dir ? resolve(dir) : undefined;
}

/**
 * Where the contours are: CPTS_CONTOURS_DIR when set, else beside this module once built
 * (`dist/territory/contours`), else in the build output when running from the sources (tests).
 */
export function defaultContoursDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = contoursDirFromEnv(env);
  if (fromEnv) return fromEnv;
  const beside = join(here, "contours");
  if (existsSync(join(beside, "index.json"))) return beside;
  return resolve(here, "..", "..", "dist", "territory", "contours");
}

/** Whether contours are installed in `dir`. */
export function hasContours(dir = defaultContoursDir()): boolean {
  return existsSync(join(dir, "index.json"));
}

type PartTopology = Topology<{ communes: GeometryCollection<{ code: string; p: [number, number] }>; borders: TopoMultiLineString }>;

export class Contours {
  private readonly parts = new Map<string, CommuneShape[]>();
  private readonly topologies = new Map<string, PartTopology>();
  private readonly byCode = new Map<string, CommuneShape>();

  constructor(
    readonly dir: string,
    readonly index: ContourIndex,
  ) {}

  /** Reads the index of `dir`; throws ContoursUnavailableError when there is none. */
  static open(dir = defaultContoursDir()): Contours {
    const file = join(dir, "index.json");
    if (!existsSync(file)) throw new ContoursUnavailableError(dir);
    const index = JSON.parse(readFileSync(file, "utf8")) as ContourIndex;
    if (index.format !== CONTOUR_FORMAT) throw new ContoursUnavailableError(dir, "d’un format périmé");
    return new Contours(dir, index);
  }

  /** The communes of one part (département), read on first use; empty for an unknown part. */
  part(key: string): readonly CommuneShape[] {
    let shapes = this.parts.get(key);
    if (!shapes) {
      shapes = this.index.parts[key] ? this.readPart(key) : [];
      this.parts.set(key, shapes);
      for (const s of shapes) this.byCode.set(s.code, s);
    }
    return shapes;
  }

  /** The shape of a commune actuelle, reading its département's part (`department` code). */
  commune(code: string, department: string): CommuneShape | undefined {
    this.part(department);
    return this.byCode.get(code);
  }

  /** The boundary of a part (a département) with the other départements, as lines. */
  border(key: string): Feature<MultiLineString, { part: string }> {
    this.part(key);
    const topo = this.topologies.get(key);
    const geometry = topo ? (client().feature(topo, topo.objects.borders).geometry as MultiLineString) : { type: "MultiLineString" as const, coordinates: [] };
    return { type: "Feature", properties: { part: key }, geometry };
  }

  /** Parts whose bounding box meets `[west, south, east, north]`. */
  partsWithin(box: readonly [number, number, number, number]): string[] {
    return Object.entries(this.index.parts)
      .filter(([, p]) => p.bbox[0] <= box[2] && p.bbox[2] >= box[0] && p.bbox[1] <= box[3] && p.bbox[3] >= box[1])
      .map(([key]) => key);
  }

  private readPart(key: string): CommuneShape[] {
    const topo = JSON.parse(gunzipSync(readFileSync(join(this.dir, `${key}.json.gz`))).toString("utf8")) as PartTopology;
    this.topologies.set(key, topo);
    const collection = client().feature(topo, topo.objects.communes);
    return collection.features.map((f) => {
      const geometry = f.geometry as Polygon | MultiPolygon;
      return {
        code: f.properties.code,
        part: key,
        labelPoint: f.properties.p,
        bbox: bboxOf(geometry),
        feature: { type: "Feature", properties: { code: f.properties.code }, geometry },
      };
    });
  }
}

function bboxOf(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const polygons: Position[][][] = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons) {
    for (const [x, y] of polygon[0]!) {
      if (x! < box[0]) box[0] = x!;
      if (y! < box[1]) box[1] = y!;
      if (x! > box[2]) box[2] = x!;
      if (y! > box[3]) box[3] = y!;
    }
  }
  return box;
}

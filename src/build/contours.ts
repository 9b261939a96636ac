/**
 * Commune contours for the territory map (src/territory/map-data.ts), derived from IGN's ADMIN
 * EXPRESS COG as published, already converted to GeoJSON and lightly simplified, by the
 * france-geojson repository (one `departements/NN-nom/communes-NN-nom.geojson` per département).
 *
 * `npm run build` runs `node dist/build/contours.js`, which writes `dist/territory/contours/`:
 * `index.json` (source, year, licence, bounding box of each part, codes without a shape) and one
 * gzipped TopoJSON part per département (`24.json.gz`). The source files are not part of this
 * repository: the script reads them from `--source DIR`, `CPTS_CONTOURS_SOURCE`, or
 * `shared/data/france-geojson` in a parent folder; without them it says so and writes nothing.
 * It skips the work when the output was made from the same source by the same script version.
 *
 * What it does, with topojson-server/-simplify/-client (TopoJSON shares each boundary between
 * the two communes it separates, so simplifying it once keeps neighbours gap-free):
 * 1. Codes are brought to the commune list the tool uses (@etalab/decoupage-administratif):
 *    a commune merged since the contours' year is drawn as part of its commune nouvelle (found
 *    through the old commune's `chefLieu` as commune déléguée/associée, or the new commune's
 *    `anciensCodes`), and the shapes of one current commune are merged into one.
 * 2. Visvalingam simplification on the sphere down to about 200 m² × 200 m of "area", which is
 *    under a tenth of a millimetre on a 16 cm wide map of a 60 km wide territory; no ring is
 *    allowed to collapse (small communes and islands keep at least a quadrilateral).
 * 3. A label point per commune (polylabel: the interior point farthest from the edges).
 * 4. One TopoJSON per département, quantised on one grid for the whole of France (5e-5°, about
 *    5 m) so that the parts meet exactly, gzipped (about 3 MB for France, DROM included).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync, strToU8 } from "fflate";
import polylabel from "polylabel";
import { feature, mergeArcs, mesh, quantize } from "topojson-client";
import { topology } from "topojson-server";
import { presimplify, simplify, sphericalTriangleArea } from "topojson-simplify";
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import type { GeometryCollection, GeometryObject, MultiPolygon as TopoMultiPolygon, Polygon as TopoPolygon, Topology } from "topojson-specification";
import { PACKAGE_ROOT } from "../project/index.js";
import { CONTOUR_FORMAT, CONTOUR_QUANTUM, type ContourIndex, type ContourSource, type RawCommune } from "../territory/index.js";

/** Bumped when the output changes for the same source: forces a rebuild. */
const SCRIPT_VERSION = 1;

/** Minimum Visvalingam weight, in steradians (1e-9 sr ≈ 40 000 m² of triangle on the Earth). */
export const MIN_WEIGHT = 1e-9;

/** What france-geojson's README says of its commune files (checked when the README is there). */
export const FRANCE_GEOJSON: ContourSource = {
  producer: "IGN",
  product: "ADMIN EXPRESS COG",
  year: 2018,
  licence: "Licence Ouverte / Etalab",
  via: "france-geojson (Grégoire David), tracés simplifiés",
};

const DEFAULT_OUT = join(PACKAGE_ROOT, "dist", "territory", "contours");

/** What the build reads of each entry of the package's `communes.json`. */
export type RawCommuneRecord = Pick<RawCommune, "code" | "type" | "departement" | "chefLieu" | "anciensCodes">;

export interface Reconciliation {
  /** Current code of each source code that could be placed. */
  currentCode: Map<string, string>;
  /** Source codes with no current commune (neither current, merged, nor former). */
  unplaced: string[];
  /** Current communes without any source shape (e.g. re-established since the contours' year). */
  missing: string[];
}

/**
 * Brings the contours' codes to the commune list of `communes` (decoupage-administratif's
 * `communes.json`): current code → itself; a former commune → its commune nouvelle.
 */
export function reconcileCodes(sourceCodes: Iterable<string>, communes: readonly RawCommuneRecord[]): Reconciliation {
  const current = new Set<string>();
  const formerOf = new Map<string, string>();
  const parentOf = new Map<string, string>();
  for (const c of communes) {
    if (c.type === "commune-actuelle") {
      current.add(c.code);
      for (const old of c.anciensCodes ?? []) formerOf.set(old, c.code);
    } else if ((c.type === "commune-deleguee" || c.type === "commune-associee") && c.chefLieu) {
      parentOf.set(c.code, c.chefLieu);
    }
  }
  const currentCode = new Map<string, string>();
  const unplaced: string[] = [];
  for (const code of sourceCodes) {
    const target = current.has(code) ? code : (formerOf.get(code) ?? parentOf.get(code));
    if (target && current.has(target)) currentCode.set(code, target);
    else unplaced.push(code);
  }
  const drawn = new Set(currentCode.values());
  const missing = [...current].filter((code) => !drawn.has(code)).sort();
  return { currentCode, unplaced: unplaced.sort(), missing };
}

/** The commune files of a france-geojson folder, in a stable order. */
export function sourceFiles(sourceDir: string): string[] {
  const root = join(sourceDir, "departements");
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .sort()
    .flatMap((dep) => {
      const file = readdirSync(join(root, dep)).find((f) => f.startsWith("communes-") && f.endsWith(".geojson"));
      return file ? [join(root, dep, file)] : [];
    });
}

type CommuneFeature = Feature<Polygon | MultiPolygon, { code: string }>;

export interface ContourBuild {
  index: ContourIndex;
  /** Gzipped TopoJSON of each part, by part key (département code). */
  parts: Map<string, Uint8Array>;
}

/**
 * Builds the index and parts from GeoJSON commune features (`properties.code` = INSEE code of
 * the source's year). Pure: the caller reads and writes the files.
 */
export function buildContours(features: readonly CommuneFeature[], communes: readonly RawCommuneRecord[], source: ContourSource, stamp: string): ContourBuild {
  const rec = reconcileCodes(
    features.map((f) => f.properties.code),
    communes,
  );
  const placed = features.filter((f) => rec.currentCode.has(f.properties.code));
  const topo = topology({ communes: { type: "FeatureCollection", features: placed } as FeatureCollection }) as unknown as Topology<{
    communes: GeometryCollection<{ code: string }>;
  }>;

  const weighted = presimplify(topo as never, sphericalTriangleArea) as unknown as Topology<{ communes: GeometryCollection<{ code: string }> }>;
  keepRings(weighted, MIN_WEIGHT);
  const simple = simplify(weighted as never, MIN_WEIGHT) as unknown as Topology<{ communes: GeometryCollection<{ code: string }> }>;

  // One geometry per current commune: the shapes of its former communes merged.
  const byCurrent = new Map<string, GeometryObject[]>();
  for (const g of simple.objects.communes.geometries) {
    const code = rec.currentCode.get((g.properties as { code: string }).code)!;
    const list = byCurrent.get(code) ?? [];
    list.push(g);
    byCurrent.set(code, list);
  }
  const departmentOf = new Map(communes.filter((c) => c.type === "commune-actuelle").map((c) => [c.code, c.departement]));
  const partFeatures = new Map<string, CommuneFeature[]>();
  const mergedGeometries: (TopoPolygon | TopoMultiPolygon)[] = [];
  for (const code of [...byCurrent.keys()].sort()) {
    const geometries = byCurrent.get(code)!;
    const part = departmentOf.get(code)!;
    const merged = {
      ...(geometries.length === 1 ? geometries[0] : mergeArcs(simple as never, geometries as never)),
      properties: { code, part },
    } as TopoPolygon | TopoMultiPolygon;
    mergedGeometries.push(merged);
    const shape = feature(simple as never, merged as never) as unknown as CommuneFeature;
    const list = partFeatures.get(part) ?? [];
    list.push({ type: "Feature", properties: { code, p: labelPoint(shape.geometry) } as { code: string }, geometry: shape.geometry });
    partFeatures.set(part, list);
  }

  const parts = new Map<string, Uint8Array>();
  const index: ContourIndex = {
    format: CONTOUR_FORMAT,
    stamp,
    source,
    communes: { package: "@etalab/decoupage-administratif", version: decoupageVersion() },
    quantum: CONTOUR_QUANTUM,
    parts: {},
    missing: rec.missing,
    unplaced: rec.unplaced,
  };
  const all = { type: "GeometryCollection", geometries: mergedGeometries } as const;
  const partOf = (g: { properties?: unknown }) => (g.properties as { part: string }).part;
  for (const key of [...partFeatures.keys()].sort()) {
    const list = partFeatures.get(key)!;
    // The part's boundary with other départements only: not the coast nor the national border,
    // which only one commune touches.
    const borders = mesh(simple as never, all as never, (a, b) => a !== b && (partOf(a) === key) !== (partOf(b) === key));
    const partTopo = topology({ communes: { type: "FeatureCollection", features: list } as FeatureCollection, borders });
    const q = quantize(partTopo as never, { scale: [CONTOUR_QUANTUM, CONTOUR_QUANTUM], translate: [-180, -90] });
    delete (q as { bbox?: unknown }).bbox;
    parts.set(key, gzipSync(strToU8(JSON.stringify(q)), { level: 9, mtime: 0 }));
    index.parts[key] = { bbox: bboxOf(list), communes: list.length };
  }
  return { index, parts };
}

/**
 * Marks enough points of each ring to keep it a polygon after simplification: a ring left with
 * fewer than four points (a commune between two others, an island) would vanish.
 */
function keepRings(topo: Topology<{ communes: GeometryCollection<{ code: string }> }>, minWeight: number): void {
  const arcs = topo.arcs as unknown as [number, number, number][][];
  const survivors = (arc: [number, number, number][]) => arc.filter((p, i) => i === 0 || i === arc.length - 1 || p[2] >= minWeight).length;
  const protect = (arc: [number, number, number][], count: number) => {
    const inner = arc.slice(1, -1).sort((a, b) => b[2] - a[2]);
    for (const p of inner.slice(0, count)) p[2] = Infinity;
  };
  const rings: number[][] = [];
  for (const g of topo.objects.communes.geometries) {
    if (g.type === "Polygon") rings.push(...(g as TopoPolygon).arcs);
    else if (g.type === "MultiPolygon") for (const polygon of (g as TopoMultiPolygon).arcs) rings.push(...polygon);
  }
  for (const ring of rings) {
    const ringArcs = ring.map((a) => arcs[a < 0 ? ~a : a]!);
    // Points of the ring once simplified: each arc's survivors, less the point shared with the next arc.
    const points = ringArcs.reduce((n, arc) => n + survivors(arc) - 1, 0);
    if (points >= 4) continue;
    for (const arc of ringArcs) protect(arc, ringArcs.length === 1 ? 3 : 2);
  }
}

/** The interior point farthest from the edges of the largest polygon, to 0.001° (≈ 100 m). */
function labelPoint(geometry: Polygon | MultiPolygon): [number, number] {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  let best = polygons[0]!;
  let bestArea = -1;
  for (const polygon of polygons) {
    const area = Math.abs(ringArea(polygon[0]!));
    if (area > bestArea) [best, bestArea] = [polygon, area];
  }
  // polylabel works in the plane: stretch longitudes by cos(latitude) so distances are even.
  const k = Math.cos((best[0]![0]![1]! * Math.PI) / 180);
  const [x, y] = polylabel(
    best.map((ring) => ring.map((p) => [p[0]! * k, p[1]!])),
    0.001,
  );
  return [round5(x / k), round5(y)];
}

function ringArea(ring: Position[]): number {
  let area = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) area += ring[j]![0]! * ring[i]![1]! - ring[i]![0]! * ring[j]![1]!;
  return area / 2;
}

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

function bboxOf(features: readonly CommuneFeature[]): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (p: Position) => {
    box[0] = Math.min(box[0], p[0]!);
    box[1] = Math.min(box[1], p[1]!);
    box[2] = Math.max(box[2], p[0]!);
    box[3] = Math.max(box[3], p[1]!);
  };
  for (const f of features) {
    const polygons = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const polygon of polygons) for (const ring of polygon) ring.forEach(visit);
  }
  return [round5(box[0]), round5(box[1]), round5(box[2]), round5(box[3])];
}

const require = createRequire(import.meta.url);

function decoupageCommunes(): RawCommuneRecord[] {
  return require("@etalab/decoupage-administratif/data/communes.json") as RawCommuneRecord[];
}

function decoupageVersion(): string {
  return (require("@etalab/decoupage-administratif/package.json") as { version: string }).version;
}

/** The source folder: `--source`, then CPTS_CONTOURS_SOURCE, then shared/data/france-geojson above the package. */
export function findSource(arg: string | undefined, env: NodeJS.ProcessEnv = process.env): string | null {
  if (arg) return resolve(arg);
  if (env.CPTS_CONTOURS_SOURCE) return resolve(env.CPTS_CONTOURS_SOURCE);
  for (let dir = PACKAGE_ROOT, i = 0; i < 4; i += 1, dir = dirname(dir)) {
    const candidate = join(dirname(dir), "shared", "data", "france-geojson");
    if (sourceFiles(candidate).length > 0) return candidate;
  }
  return null;
}

/** Hash of what the output depends on: this script's version, the commune list, the source files. */
function stampOf(files: readonly string[]): string {
  const hash = createHash("sha256").update(`contours ${SCRIPT_VERSION} ${CONTOUR_FORMAT} ${MIN_WEIGHT} ${decoupageVersion()}\n`);
  for (const file of files) hash.update(file.slice(file.lastIndexOf("departements"))).update(readFileSync(file));
  return hash.digest("hex").slice(0, 16);
}

/** Checks france-geojson's README (when present) still describes the edition this script names. */
function checkEdition(sourceDir: string): void {
  const readme = join(sourceDir, "README.md");
  if (!existsSync(readme)) return;
  const text = readFileSync(readme, "utf8");
  if (!text.includes(`(édition ${FRANCE_GEOJSON.year})`)) {
    throw new Error(`${readme} ne mentionne plus « édition ${FRANCE_GEOJSON.year} » : mettez à jour FRANCE_GEOJSON dans src/build/contours.ts.`);
  }
}

/**
 * Writes the index and parts into `outDir`, replacing what was there: written beside, then
 * swapped in, so a reader never sees half a set of parts. Returns the size of the parts.
 */
export function writeContourFiles(outDir: string, { index, parts }: ContourBuild): number {
  const tmp = `${outDir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  let bytes = 0;
  for (const [key, data] of parts) {
    writeFileSync(join(tmp, `${key}.json.gz`), data);
    bytes += data.length;
  }
  writeFileSync(join(tmp, "index.json"), `${JSON.stringify(index, null, 1)}\n`);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(dirname(outDir), { recursive: true });
  renameSync(tmp, outDir);
  return bytes;
}

/** The first codes of a list, enough to recognise it (the whole list is in index.json). */
function someCodes(codes: readonly string[]): string {
  return codes.length <= 30 ? codes.join(", ") : `${codes.slice(0, 30).join(", ")}… (liste complète dans index.json)`;
}

export function writeContours(sourceDir: string, outDir: string, log: (line: string) => void): "written" | "unchanged" {
  const files = sourceFiles(sourceDir);
  checkEdition(sourceDir);
  const stamp = stampOf(files);
  const indexFile = join(outDir, "index.json");
  if (existsSync(indexFile) && (JSON.parse(readFileSync(indexFile, "utf8")) as ContourIndex).stamp === stamp) return "unchanged";

  const features: CommuneFeature[] = [];
  for (const file of files) {
    const collection = JSON.parse(readFileSync(file, "utf8")) as FeatureCollection<Polygon | MultiPolygon, { code: string }>;
    for (const f of collection.features) {
      if (f.geometry) features.push({ type: "Feature", properties: { code: f.properties.code }, geometry: f.geometry });
    }
  }
  const build = buildContours(features, decoupageCommunes(), FRANCE_GEOJSON, stamp);
  const { index, parts } = build;
  const bytes = writeContourFiles(outDir, build);
  log(
    `Contours des communes écrits dans ${outDir} : ${parts.size} départements, ${(bytes / 1e6).toFixed(1).replace(".", ",")} Mo` +
      ` (${FRANCE_GEOJSON.product} ${FRANCE_GEOJSON.year}, codes de ${index.communes.package} ${index.communes.version}).`,
  );
  if (index.missing.length) log(`Communes sans contour (${index.missing.length}) : ${someCodes(index.missing)}.`);
  if (index.unplaced.length) log(`Codes des contours sans commune actuelle (${index.unplaced.length}) : ${someCodes(index.unplaced)}.`);
  return "written";
}

function main(argv: readonly string[]): number {
  let sourceArg: string | undefined;
  let outDir = DEFAULT_OUT;
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === "--source" && argv[i + 1]) sourceArg = argv[++i];
    else if (argv[i] === "--out" && argv[i + 1]) outDir = resolve(argv[++i]!);
    else {
      process.stderr.write("Usage\u00a0: node dist/build/contours.js [--source DOSSIER] [--out DOSSIER]\n");
      return 2;
    }
  }
  const sourceDir = findSource(sourceArg);
  if (!sourceDir || sourceFiles(sourceDir).length === 0) {
    process.stdout.write(
      "Contours des communes non construits\u00a0: source absente (dossier france-geojson avec departements/*/communes-*.geojson ; " +
        "--source, CPTS_CONTOURS_SOURCE ou shared/data/france-geojson). La carte du territoire ne pourra pas être dessinée.\n",
    );
    return sourceArg ? 2 : 0;
  }
  const result = writeContours(sourceDir, outDir, (line) => process.stdout.write(`${line}\n`));
  if (result === "unchanged") process.stdout.write(`Contours des communes à jour (${outDir}).\n`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  process.exitCode = main(process.argv.slice(2));
}

// Load time of the territory data: the package's full JSON files against the index built by
// `npm run build` (catalogue dist/territory/index.json, parts dist/territory/index-parts/*.json).
// Each case runs in a fresh Node process (what a CLI command pays), several times; medians are
// printed, nothing is asserted.
//
//   npm run build && node bench/territory-load.mjs [runs]
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, "..", "dist", "territory");
const indexFile = join(dist, "index.json");
const partsDir = join(dist, "index-parts");
const nameFile = join(partsDir, "names.json");
const partFiles = () => readdirSync(partsDir).filter((f) => f !== "names.json");
const packageDir = dirname(createRequire(import.meta.url).resolve("@etalab/decoupage-administratif/package.json"));

const CASES = {
  /** Parse the package files the tool needs (communes, EPCI, EPT, départements, régions). */
  "package-json": async () => {
    for (const f of ["communes", "epci", "ept", "departements", "regions"]) {
      JSON.parse(readFileSync(join(packageDir, "data", `${f}.json`), "utf8"));
    }
  },
  /** The in-memory fallback used when no index is built: parse the package and build the index. */
  "package-build-index": async () => {
    const { buildIndex } = await import(pathToFileURL(join(dist, "package-index.js")).href);
    buildIndex();
  },
  /** Parse the catalogue only. */
  "catalogue-json": async () => {
    JSON.parse(readFileSync(indexFile, "utf8"));
  },
  /** Read and parse every part. */
  "parts-json": async () => {
    for (const f of partFiles()) JSON.parse(readFileSync(join(partsDir, f), "utf8"));
  },
  /** Read and parse the name file (what a name lookup or a search reads first). */
  "names-json": async () => {
    JSON.parse(readFileSync(nameFile, "utf8"));
  },
  /** What the CLI pays first: read the catalogue, check its package version, build the lookup objects. */
  "index-load": async () => {
    const { loadTerritoryData } = await import(pathToFileURL(join(dist, "data.js")).href);
    const data = loadTerritoryData();
    if (data.origin !== "index") throw new Error("dist/territory/index.json was not used");
  },
  /** Load + read every part. */
  "index-load-all": async () => {
    const { loadTerritoryData } = await import(pathToFileURL(join(dist, "data.js")).href);
    loadTerritoryData().loadAll();
  },
  /** Load + resolve and summarise the CA Bergeracoise (first real use of the data: reads part 24). */
  "index-load-resolve-summary": async () => {
    const t = await import(pathToFileURL(join(dist, "index.js")).href);
    const resolved = t.resolveTerritory(["200070647"]);
    t.summarizeTerritory(resolved.communes);
  },
  /** What `cpts valider` asks of the territory for examples/bergerac: projectTerritory (module loaded beforehand). */
  "project-territory-bergerac": async (imported) => {
    imported.projectTerritory({ territoire: { epci: ["200070647"], population: { valeur: 61915 }, taille: "T2" } });
  },
  /** Load + a lookup by name (name file, then the parts of the communes so named). */
  "index-load-resolve-by-name": async () => {
    const t = await import(pathToFileURL(join(dist, "index.js")).href);
    t.resolveTerritory(["Bergerac", "Saint-Laurent (74)"]);
  },
};

/** Modules a case needs loaded before its clock starts. */
const PRELOAD = {
  "project-territory-bergerac": () => import(pathToFileURL(join(dist, "project.js")).href),
};

async function runCase(name) {
  const imported = await PRELOAD[name]?.();
  const t0 = performance.now();
  await CASES[name](imported);
  process.stdout.write(JSON.stringify({ ms: performance.now() - t0 }));
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function searchTimes() {
  const t = await import(pathToFileURL(join(dist, "index.js")).href);
  t.getTerritoryData();
  const first = performance.now();
  t.searchTerritory("berg");
  const firstMs = performance.now() - first;
  const queries = ["berg", "saint laurent", "paris 11", "24100", "st lau (24)", "dordogne", "sa", "a"];
  const perQuery = {};
  for (const q of queries) {
    const times = [];
    for (let i = 0; i < 50; i++) {
      const t0 = performance.now();
      t.searchTerritory(q, { limit: 10 });
      times.push(performance.now() - t0);
    }
    perQuery[q] = median(times);
  }
  return { firstMs, perQuery };
}

const arg = process.argv[2];
if (arg === "--case") {
  await runCase(process.argv[3]);
} else {
  const runs = Number(arg ?? 7);
  const mb = (f) => (statSync(f).size / 1e6).toFixed(1);
  const parts = partFiles().map((f) => statSync(join(partsDir, f)).size);
  console.log(`Node ${process.version}, ${runs} fresh processes per case (medians, ms)`);
  console.log(
    `package communes.json ${mb(join(packageDir, "data", "communes.json"))} MB + epci.json ${mb(join(packageDir, "data", "epci.json"))} MB; ` +
      `catalogue index.json ${(statSync(indexFile).size / 1e3).toFixed(0)} kB, ${parts.length} parts ` +
      `(${(parts.reduce((a, b) => a + b, 0) / 1e6).toFixed(1)} MB, largest ${(Math.max(...parts) / 1e3).toFixed(0)} kB, ` +
      `24.json ${(statSync(join(partsDir, "24.json")).size / 1e3).toFixed(0)} kB), names.json ${(statSync(nameFile).size / 1e3).toFixed(0)} kB`,
  );
  for (const name of Object.keys(CASES)) {
    const times = [];
    for (let i = 0; i < runs; i++) {
      const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), "--case", name], { encoding: "utf8" });
      times.push(JSON.parse(out).ms);
    }
    console.log(`${name.padEnd(28)} median ${median(times).toFixed(1).padStart(7)}  (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)})`);
  }
  const search = await searchTimes();
  console.log(`search: first query (reads the name file, builds the search index) ${search.firstMs.toFixed(1)} ms; then median per query:`);
  for (const [q, ms] of Object.entries(search.perQuery)) console.log(`  ${JSON.stringify(q).padEnd(16)} ${ms.toFixed(2)} ms`);
}

// Cost of the document images: time per chart and per territory map, cold (a new process:
// loading Vega, Vega-Lite, resvg and the font, then one image) and warm (median of further
// images in the same process), and the disk space the packages they need take in node_modules.
// Figures are printed, nothing is asserted.
//
//   npm run bench:images            (builds, then runs this file)
//   node bench/images.mjs [--runs N] (after npm run build; N warm images of each kind, default 10)
//
// The map needs the commune contours built by `npm run build` (src/build/contours.ts), or those
// of the folder CPTS_CONTOURS_DIR names; without them its lines say so.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = join(ROOT, "dist");
const NBSP = "\u00a0";
const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 10;
if (!Number.isInteger(RUNS) || RUNS < 1) {
  console.error(`--runs : nombre entier positif attendu, trouvé « ${process.argv[runsArg + 1] ?? ""} ».`);
  process.exit(2);
}
if (!existsSync(join(DIST, "render", "charts.js"))) {
  console.error("dist/ absent : lancez d’abord `npm run build`.");
  process.exit(2);
}

// What each kind of image is drawn from (the Bergerac example's figures).
const CASES = {
  comparaison: `({ comparisonBarChart }) => comparisonBarChart({ title: "Part des 75 ans et plus dans la population", unit: "%", source: "INSEE, recensement de la population", year: 2016,
    bars: [{ label: "Communauté d’agglomération bergeracoise", value: 13.1 }, { label: "Dordogne", value: 13.9 }, { label: "Nouvelle-Aquitaine", value: 11.7 }, { label: "France", value: 9.3 }] })`,
  densites: `({ groupedBarChart }) => groupedBarChart({ title: "Densité de professionnels de santé libéraux", unit: "pour 10 000 habitants", source: "CartoSanté", year: 2017,
    categories: ["Médecin généraliste", "Chirurgien-dentiste", "Sage-femme", "Pharmacien", "Infirmier", "Masseur-kinésithérapeute", "Orthophoniste", "Pédicure-podologue", "Orthoptiste", "Psychologue", "Biologiste", "Médecin spécialiste"],
    series: ["CA bergeracoise", "Dordogne", "Nouvelle-Aquitaine", "France"],
    values: Array.from({ length: 12 }, (_, i) => [8.6 + i, 8.4 + i, 9.8 + i, 8.9 + i]) })`,
  ages: `({ ageStructureChart }) => ageStructureChart({ title: "Population par tranche d’âge", unit: "%", source: "INSEE, recensement de la population", year: 2021,
    bands: ["0 à 14 ans", "15 à 29 ans", "30 à 44 ans", "45 à 59 ans", "60 à 74 ans", "75 ans ou plus"],
    series: [{ label: "CA bergeracoise", values: [14.2, 13.1, 15.8, 20.4, 22.1, 14.4] }, { label: "France", values: [17.5, 17.3, 18.6, 19.6, 17.0, 10.0] }] })`,
};

const MAP = `async (m) => {
  const { getTerritoryData } = await import(${JSON.stringify(join(DIST, "territory", "data.js"))});
  const { territoryMapData } = await import(${JSON.stringify(join(DIST, "territory", "map-data.js"))});
  const codes = getTerritoryData().epci("200070647").members.map((c) => c.code);
  return m.drawMap(territoryMapData(codes));
}`;

/** Runs one kind of image in a new process: the first image (cold), then RUNS more (warm). */
function measure(module, draw) {
  const script = `
    const t0 = performance.now();
    const m = await import(${JSON.stringify(module)});
    const draw = ${draw};
    const first = await draw(m);
    const cold = performance.now() - t0;
    const warm = [];
    for (let i = 0; i < ${RUNS}; i += 1) { const t = performance.now(); await draw(m); warm.push(performance.now() - t); }
    warm.sort((a, b) => a - b);
    process.stdout.write(JSON.stringify({ cold, warm: warm[Math.floor(warm.length / 2)], bytes: first.png.length, size: [first.pixelWidth, first.pixelHeight] }));
  `;
  return JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: ROOT, encoding: "utf8" }));
}

const ms = (x) => `${Math.round(x).toLocaleString("fr-FR").replace(/\s/g, NBSP)}${NBSP}ms`;
const mb = (bytes) => `${(bytes / 1e6).toFixed(1).replace(".", ",")}${NBSP}Mo`;

console.log(`Images des documents — Node ${process.version}, ${RUNS} images à chaud par sorte (médiane).\n`);
console.log("| Image | À froid (nouveau processus) | À chaud | PNG |");
console.log("|:--|--:|--:|--:|");
for (const [name, draw] of Object.entries(CASES)) {
  const r = measure(join(DIST, "render", "charts.js"), draw);
  console.log(`| graphique « ${name} » | ${ms(r.cold)} | ${ms(r.warm)} | ${r.size.join(" × ")} px, ${Math.round(r.bytes / 1000)}${NBSP}ko |`);
}
const CONTOURS = process.env.CPTS_CONTOURS_DIR || join(DIST, "territory", "contours");
if (existsSync(join(CONTOURS, "index.json"))) {
  const r = measure(join(DIST, "render", "map.js"), MAP);
  console.log(`| carte du territoire (Bergerac, 38 communes) | ${ms(r.cold)} | ${ms(r.warm)} | ${r.size.join(" × ")} px, ${Math.round(r.bytes / 1000)}${NBSP}ko |`);
} else {
  console.log("| carte du territoire | contours absents (voir src/build/contours.ts) | | |");
}

// Disk space: the runtime packages the images need, with their whole dependency trees, as
// installed (du), and the contours built beside dist/territory.
function du(path) {
  return Number(execFileSync("du", ["-sk", path], { encoding: "utf8" }).split("\t")[0]) * 1024;
}
function packageDir(name) {
  return join(ROOT, "node_modules", ...name.split("/"));
}
const ROOTS = ["vega", "vega-lite", "@resvg/resvg-js", "@expo-google-fonts/source-sans-3", "topojson-client"];
const seen = new Set();
const queue = [...ROOTS];
while (queue.length) {
  const name = queue.shift();
  if (seen.has(name) || !existsSync(packageDir(name))) continue;
  seen.add(name);
  const pkg = JSON.parse(readFileSync(join(packageDir(name), "package.json"), "utf8"));
  queue.push(...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.optionalDependencies ?? {}));
}
// Packages the rest of the tool needs too are not counted as added.
const others = new Set();
const otherQueue = Object.keys(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).dependencies).filter((d) => !ROOTS.includes(d));
while (otherQueue.length) {
  const name = otherQueue.shift();
  if (others.has(name) || !existsSync(packageDir(name))) continue;
  others.add(name);
  const pkg = JSON.parse(readFileSync(join(packageDir(name), "package.json"), "utf8"));
  otherQueue.push(...Object.keys(pkg.dependencies ?? {}));
}
const added = [...seen].filter((n) => !others.has(n));
const sizes = added.map((n) => [n, du(packageDir(n))]).sort((a, b) => b[1] - a[1]);
const total = sizes.reduce((t, [, b]) => t + b, 0);
console.log(`\nPaquets ajoutés pour les images (installés, du) : ${added.length} paquets, ${mb(total)} en tout ; les plus gros :`);
for (const [name, bytes] of sizes.slice(0, 8)) console.log(`- ${name} : ${mb(bytes)}`);
console.log(`- node_modules entier (dépendances de développement comprises) : ${mb(du(join(ROOT, "node_modules")))}`);
if (existsSync(CONTOURS)) {
  const bytes = readdirSync(CONTOURS).reduce((t, f) => t + statSync(join(CONTOURS, f)).size, 0);
  console.log(`- contours des communes (${CONTOURS}) : ${mb(bytes)}`);
}

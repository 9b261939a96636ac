/**
 * Startup guard: `cpts --help` must stay close to bare Node startup, and each command must load
 * only what it needs. That holds while the heavy packages are imported lazily, inside the command
 * that needs them (see src/cli/main.ts), and while the bundle (src/build/bundle.ts) keeps them in
 * separate chunks. A wall-clock threshold would be flaky on a busy 2-core machine, so this test
 * checks what was loaded instead.
 *
 * The built CLI runs under `node --import <preload>`. The preload registers a module `resolve`
 * hook (`module.register()`, Node ≥ 20.6) that appends every ESM resolution to a log file. On
 * Node 20 those hooks do not see `require()` (handlebars and the standalone validator are loaded
 * with `createRequire`), so the preload also writes the CommonJS module cache when the process
 * exits; and it logs the files read with `fs.readFileSync` (data files such as the territory index).
 *
 * bin/cpts runs the bundle, whose chunks hold the packages: `dist/bundle/meta.json` (esbuild's
 * metafile) says which packages each chunk contains, so a loaded chunk counts as loading them.
 */
import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { BIN, EXAMPLES, ROOT, runCli, tempDir } from "../helpers.js";

const HOOKS = `
import { appendFileSync } from "node:fs";
let log;
export function initialize(data) { log = data.log; }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(log, "esm " + specifier + " -> " + result.url + "\\n");
  return result;
}
`;

const PRELOAD = `
import fs, { appendFileSync } from "node:fs";
import { createRequire, register, syncBuiltinESMExports } from "node:module";
const log = process.env.CPTS_MODULE_LOG;
register(new URL("./hooks.mjs", import.meta.url), { data: { log } });
const Module = createRequire(import.meta.url)("node:module");
process.on("exit", () => {
  const names = Object.keys(Module._cache ?? {});
  appendFileSync(log, names.map((n) => "cjs " + n + "\\n").join(""));
});
const readFileSync = fs.readFileSync;
fs.readFileSync = function (file, ...rest) {
  if (typeof file === "string" || file instanceof URL) appendFileSync(log, "read " + String(file) + "\\n");
  return readFileSync.call(this, file, ...rest);
};
syncBuiltinESMExports();
`;

/** Package name → how it shows among the package names of a loaded module. */
const PACKAGES: Record<string, (name: string) => boolean> = {
  handlebars: (n) => n === "handlebars",
  marked: (n) => n === "marked",
  ajv: (n) => n === "ajv" || n.startsWith("ajv-"),
  "@inquirer/*": (n) => n.startsWith("@inquirer/"),
  yaml: (n) => n === "yaml",
  fflate: (n) => n === "fflate",
  docx: (n) => n === "docx",
  commander: (n) => n === "commander",
  exceljs: (n) => n === "exceljs",
  vega: (n) => n === "vega" || n.startsWith("vega-"),
  "vega-lite": (n) => n === "vega-lite",
  "@resvg/*": (n) => n.startsWith("@resvg/"),
};

const HEAVY_FOR_HELP = ["handlebars", "marked", "ajv", "@inquirer/*", "yaml", "fflate", "docx", "exceljs"];
const HEAVY_FOR_VALIDATION = ["handlebars", "marked", "@inquirer/*", "fflate", "docx", "exceljs"];
/** Documents found up to date are checked from bytes and the manifest alone. */
const HEAVY_FOR_UP_TO_DATE = ["yaml", "ajv", "handlebars", "marked", "docx", "fflate", "@inquirer/*", "exceljs"];

/** The package a file of node_modules belongs to (`@scope/name` or `name`), or null. */
function packageOf(path: string): string | null {
  const parts = path.split(/[\\/]/);
  const at = parts.lastIndexOf("node_modules");
  if (at < 0 || at + 1 >= parts.length) return null;
  const first = parts[at + 1]!;
  return first.startsWith("@") ? `${first}/${parts[at + 2] ?? ""}` : first;
}

const BUNDLE_DIR = join(ROOT, "dist", "bundle");
/** The schema compiled by the build (src/build/validator.ts). */
const VALIDATOR = join(ROOT, "dist", "project", "validate-project.cjs");

/** Absolute path of each bundle output → the packages bundled into it. */
let chunkPackages: Map<string, Set<string>>;

beforeAll(() => {
  const meta = JSON.parse(readFileSync(join(BUNDLE_DIR, "meta.json"), "utf8")) as {
    outputs: Record<string, { inputs: Record<string, unknown> }>;
  };
  chunkPackages = new Map(
    Object.entries(meta.outputs).map(([output, { inputs }]) => [
      join(ROOT, output),
      new Set(Object.keys(inputs).flatMap((input) => packageOf(input) ?? [])),
    ]),
  );
});

interface Traced {
  code: number;
  stdout: string;
  stderr: string;
  /** Resolved URLs (ESM) and file paths (CommonJS) of every module the process loaded. */
  modules: string[];
  /** Files read with `fs.readFileSync`. */
  reads: string[];
}

/** Runs `bin/cpts` with the recording preload and returns what it loaded. */
function traced(args: string[]): Promise<Traced> {
  const dir = tempDir();
  writeFileSync(join(dir, "hooks.mjs"), HOOKS);
  writeFileSync(join(dir, "preload.mjs"), PRELOAD);
  const log = join(dir, "modules.log");
  writeFileSync(log, "");
  const path = (entry: string) => (entry.startsWith("file:") ? decodeURIComponent(new URL(entry).pathname) : entry);
  return new Promise((done) => {
    execFile(
      process.execPath,
      ["--import", pathToFileURL(join(dir, "preload.mjs")).href, BIN, ...args],
      { cwd: ROOT, env: { ...process.env, CI: "true", NO_COLOR: "1", FORCE_COLOR: "", CPTS_MODULE_LOG: log } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        const lines = readFileSync(log, "utf8").split("\n").filter(Boolean);
        const modules = lines
          .filter((line) => line.startsWith("esm ") || line.startsWith("cjs "))
          .map((line) => path(line.replace(/^esm .* -> /, "").replace(/^cjs /, "")));
        const reads = lines.filter((line) => line.startsWith("read ")).map((line) => path(line.slice("read ".length)));
        done({ code, stdout, stderr, modules, reads });
      },
    );
  });
}

/** The packages of the loaded modules: those bundled in the loaded chunks, and those loaded from node_modules. */
function loadedPackages(modules: readonly string[]): string[] {
  const names = new Set<string>();
  for (const m of modules) {
    for (const name of chunkPackages.get(m) ?? []) names.add(name);
    const own = packageOf(m);
    if (own) names.add(own);
  }
  return Object.entries(PACKAGES)
    .filter(([, matches]) => [...names].some(matches))
    .map(([group]) => group);
}

/** Modules of the tsc output (dist/cli, dist/project, …) loaded beside the bundle: code loaded twice. */
function unbundledModules(modules: readonly string[]): string[] {
  const dist = join(ROOT, "dist") + sep;
  return modules.filter((m) => m.startsWith(dist) && !m.startsWith(BUNDLE_DIR + sep) && /\.m?js$/.test(m));
}

describe("startup: what each command loads", () => {
  it("`cpts --help` loads the bundle's commander chunk and none of the heavy packages", async () => {
    const r = await traced(["--help"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Utilisation");
    // The hook works and bin/cpts runs the bundle: its entry was seen, with commander inside.
    expect(r.modules).toContain(join(BUNDLE_DIR, "main.js"));
    expect(unbundledModules(r.modules)).toEqual([]);
    const loaded = loadedPackages(r.modules);
    expect(loaded).toContain("commander");
    for (const heavy of HEAVY_FOR_HELP) {
      expect(loaded, `--help a chargé ${heavy}`).not.toContain(heavy);
    }
    expect(r.modules).not.toContain(VALIDATOR);
  });

  /** The minimal example, valid as is, or with a number where a text is expected. */
  const VALIDATION_CASES: [label: string, edit: (source: string) => string, exit: number][] = [
    ["a valid project", (source) => source, 0],
    ["a project with errors", (source) => source.replace(/^(\s*nom:).*$/m, "$1 42"), 1],
  ];

  it.each(VALIDATION_CASES)("`cpts valider` on %s loads yaml and the validator prepared by the build, nothing of the documents or the prompts", async (_label, edit, exit) => {
    const dir = tempDir();
    const file = join(dir, "cpts.yaml");
    writeFileSync(file, edit(readFileSync(join(EXAMPLES, "minimal", "cpts.yaml"), "utf8")));
    const r = await traced(["valider", file]);
    expect(r.code, r.stdout + r.stderr).toBe(exit);
    expect(unbundledModules(r.modules)).toEqual([]);
    const loaded = loadedPackages(r.modules);
    // yaml is only inside a chunk: seeing it proves the chunk → package mapping works.
    expect(loaded).toContain("yaml");
    for (const heavy of HEAVY_FOR_VALIDATION) {
      expect(loaded, `valider a chargé ${heavy}`).not.toContain(heavy);
    }
    // Paths computed from import.meta.url must survive bundling: a wrong one silently falls back
    // to compiling the schema with ajv (about +0.7 s). The prebuilt validator needs only two of
    // ajv's run-time helpers, never its compiler.
    expect(r.modules).toContain(VALIDATOR);
    expect(r.modules.filter((m) => /[\\/]node_modules[\\/]ajv[\\/]dist[\\/](?!runtime[\\/])/.test(m))).toEqual([]);
  });

  it("`cpts generer` on documents already up to date loads nothing that reads, validates or renders", async () => {
    const out = tempDir();
    const project = join(EXAMPLES, "bergerac", "cpts.yaml");
    expect((await runCli(["generer", project, "--sortie", out])).code).toBe(0);
    const r = await traced(["generer", project, "--sortie", out]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain("Documents à jour");
    expect(unbundledModules(r.modules)).toEqual([]);
    const loaded = loadedPackages(r.modules);
    for (const heavy of HEAVY_FOR_UP_TO_DATE) {
      expect(loaded, `generer a chargé ${heavy}`).not.toContain(heavy);
    }
    // Nor the territory: the documents are not made again.
    expect(r.reads.filter((f) => f.startsWith(join(ROOT, "dist", "territory") + sep))).toEqual([]);

    // The same check loads them all once a document must be made again: the trace sees them.
    const again = await traced(["generer", project, "--sortie", out, "--forcer"]);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(loadedPackages(again.modules)).toEqual(expect.arrayContaining(["yaml", "handlebars", "marked", "fflate"]));
  });

  it("`cpts generer` draws figures with Vega, Vega-Lite and resvg, and loads none of them when every figure was kept", async () => {
    const out = tempDir();
    const project = join(EXAMPLES, "bergerac", "cpts.yaml");
    const drawing = await traced(["generer", project, "--document", "diagnostic", "--sortie", out]);
    expect(drawing.code, drawing.stdout + drawing.stderr).toBe(0);
    // vega and vega-lite are only inside chunks: seeing them proves they sit in chunks loaded on demand.
    expect(loadedPackages(drawing.modules)).toEqual(expect.arrayContaining(["vega", "vega-lite", "@resvg/*"]));
    const kept = await traced(["generer", project, "--document", "diagnostic", "--sortie", out, "--forcer"]);
    expect(kept.code, kept.stdout + kept.stderr).toBe(0);
    expect(kept.stdout).toContain("diagnostic.docx (inchangé");
    expect(unbundledModules(kept.modules)).toEqual([]);
    const loaded = loadedPackages(kept.modules);
    expect(loaded).toContain("docx");
    for (const heavy of ["vega", "vega-lite", "@resvg/*"]) expect(loaded, `generer a chargé ${heavy}`).not.toContain(heavy);
  });

  it("`cpts generer` loads docx for DOCX only: the Markdown twins are written without it", async () => {
    const project = join(EXAMPLES, "minimal", "cpts.yaml");
    const md = await traced(["generer", project, "--brouillon", "--format", "md", "--sortie", tempDir()]);
    expect(md.code, md.stdout + md.stderr).toBe(0);
    expect(unbundledModules(md.modules)).toEqual([]);
    expect(loadedPackages(md.modules)).not.toContain("docx");
    const docx = await traced(["generer", project, "--brouillon", "--sortie", tempDir()]);
    expect(docx.code, docx.stdout + docx.stderr).toBe(0);
    // docx is only inside a chunk: seeing it proves it sits in a chunk loaded on demand.
    expect(loadedPackages(docx.modules)).toContain("docx");
  });

  it("`cpts diagnostic importer` loads exceljs for a workbook only, not for a CSV", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "cpts.yaml"), readFileSync(join(EXAMPLES, "minimal", "cpts.yaml"), "utf8"));
    const template = await traced(["diagnostic", "modele", join(dir, "i.xlsx")]);
    expect(template.code, template.stdout + template.stderr).toBe(0);
    expect(unbundledModules(template.modules)).toEqual([]);
    // exceljs is only inside a chunk: seeing it proves it sits in a chunk loaded on demand.
    expect(loadedPackages(template.modules)).toContain("exceljs");
    writeFileSync(join(dir, "i.csv"), "indicateur;valeur;unite;annee;source;territoire_de_reference\nTaux;3;%;2024;INSEE;\n");
    const csv = await traced(["diagnostic", "importer", join(dir, "i.csv"), "--projet", join(dir, "cpts.yaml")]);
    expect(csv.code, csv.stdout + csv.stderr).toBe(0);
    expect(loadedPackages(csv.modules)).not.toContain("exceljs");
  });

  it("`cpts valider` reads only the territory data the project names, from the index built ahead", async () => {
    // A wrong path after bundling would silently rebuild the index from the package (about +0.5 s).
    const r = await traced(["valider", join(EXAMPLES, "bergerac", "cpts.yaml")]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.reads).toContain(join(ROOT, "dist", "territory", "index.json"));
    const parts = r.reads.filter((f) => f.startsWith(join(ROOT, "dist", "territory", "index-parts") + sep));
    expect(parts).toEqual([join(ROOT, "dist", "territory", "index-parts", "24.json")]);
    expect(r.reads.filter((f) => /[\\/]decoupage-administratif[\\/]data[\\/]/.test(f))).toEqual([]);
  });
});

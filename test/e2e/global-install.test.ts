/**
 * The package as a user receives it: `npm pack`, the tarball installed globally into a private
 * prefix, then `cpts` found on the PATH and run from folders outside the sources. It proves that
 * the tarball holds what the commands read at run time (bundle chunks, territory data, templates,
 * schemas, examples) and that hints name the command the user typed: `cpts …` after a global
 * install, `npx cpts …` through npx. The install reads npm's cache first (`--prefer-offline`),
 * filled by `npm ci`; on a clean machine npm fetches what is missing.
 */
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join, relative, resolve } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { docxText } from "../document-text.js";
import { ROOT } from "../helpers.js";

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

const INSTALL_TIMEOUT = 600_000;
const COMMAND_TIMEOUT = 180_000;
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };

let work = "";
let prefix = "";
let packed: string[] = [];
let bin = "";

/** Runs `file` (looked up on `env.PATH`) with `args`; never throws, the result says how it ended. */
function exec(file: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Result> {
  return new Promise((done) => {
    execFile(file, [...args], { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/**
 * A user's shell: npm's variables gone (this test may itself run under `npm test` or npx), the
 * install's bin folder first on the PATH, then the Node that runs the tests.
 */
function userEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  env.PATH = [join(prefix, "bin"), dirname(process.execPath), process.env.PATH ?? ""].join(delimiter);
  return { ...env, NO_COLOR: "1", FORCE_COLOR: "", ...extra };
}

/** `cpts …` as typed in a terminal, in `cwd`. */
function cpts(args: readonly string[], cwd: string): Promise<Result> {
  return exec("cpts", args, cwd, userEnv());
}

/** A new folder outside the sources, as a user's. */
function folder(name: string): string {
  const dir = join(work, "utilisateur", name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Hints name the installed command: never npx, never the sources' launcher. */
function expectPlainHints(text: string): void {
  expect(text).not.toContain("npx cpts");
  expect(text).not.toMatch(/node (\S*\/)?bin\/cpts/);
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "cpts-installation-"));
  prefix = join(work, "prefixe");
  // npm's own variables from a parent `npm test` (prefix, lifecycle) must not steer these two.
  const npmEnv: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_(lifecycle|package|config_(global_)?prefix)/i.test(k)) npmEnv[k] = v;
  const pack = await exec("npm", ["pack", "--json", "--pack-destination", work], ROOT, npmEnv);
  expect(pack.code, pack.stderr).toBe(0);
  const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string; mode: number }[] }[];
  packed = info!.files.map((f) => f.path);
  expect(info!.files.find((f) => f.path === "bin/cpts")!.mode & 0o111, "bin/cpts is executable").not.toBe(0);
  const install = await exec(
    "npm",
    ["install", "--global", "--prefix", prefix, "--prefer-offline", "--no-audit", "--no-fund", join(work, info!.filename)],
    work,
    npmEnv,
  );
  expect(install.code, install.stderr).toBe(0);
  bin = join(prefix, "bin", "cpts");
  expect(existsSync(bin)).toBe(true);
}, INSTALL_TIMEOUT);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("npm pack", () => {
  it("ships the launcher, every bundle chunk, the data, templates, schemas and examples, and no sources or tests", () => {
    const inRepo = (dir: string): string[] =>
      readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => relative(ROOT, join(e.parentPath, e.name)).split("\\").join("/"));
    for (const dir of ["dist/bundle", "templates", "schemas", "examples"]) {
      const missing = inRepo(dir).filter((f) => !packed.includes(f));
      expect(missing, dir).toEqual([]);
    }
    for (const file of ["bin/cpts", "package.json", "README.md", "dist/territory/index.json", "dist/project/validate-project.cjs", "dist/render/precompiled-templates.cjs"])
      expect(packed, file).toContain(file);
    expect(packed.some((f) => f.startsWith("dist/territory/index-parts/"))).toBe(true);
    expect(packed.filter((f) => /^(src|test|bench|node_modules)\//.test(f))).toEqual([]);
  });
});

describe("cpts installed globally, run from another folder", () => {
  it("answers --help and -V with the installed command's name and the package's version", async () => {
    const dir = folder("aide");
    const version = await cpts(["-V"], dir);
    expect(version).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: "" });
    const help = await cpts(["--help"], dir);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Utilisation[ \u00a0]: cpts \[options\] <commande>$/m);
    expect(help.stdout).toMatch(/^ {2}cpts init ma-cpts\s/m);
    expectPlainHints(help.stdout);
  }, COMMAND_TIMEOUT);

  it("creates a project whose $schema line resolves, then validates it, finds it from a sub-folder and generates its documents", async () => {
    const dir = folder("ma-cpts");
    const init = await cpts(["init", "--nom", "CPTS du Val de l’Isle"], dir);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain("« cpts assistant »");
    expectPlainHints(init.stdout);

    // The line points at the copy beside the project, equal to the schema of the installed package.
    const first = readFileSync(join(dir, "cpts.yaml"), "utf8").split("\n")[0]!;
    expect(first).toBe("# yaml-language-server: $schema=.cpts/cpts-project.schema.json");
    const copy = readFileSync(resolve(dir, first.slice(first.indexOf("=") + 1)), "utf8");
    expect(copy).toBe(readFileSync(join(prefix, "lib", "node_modules", "cpts", "schemas", "cpts-project.schema.json"), "utf8"));
    expect(copy).toBe(readFileSync(join(ROOT, "schemas", "cpts-project.schema.json"), "utf8"));

    const valider = await cpts(["valider"], dir);
    expect(valider.code, valider.stderr).toBe(0);
    expect(valider.stdout).toContain("cpts.yaml est valide");
    expect(valider.stdout).toMatch(/: cpts valider --tout$/m);
    expect(valider.stdout + valider.stderr).not.toContain("$schema");
    expectPlainHints(valider.stdout + valider.stderr);

    // From a sub-folder, the project is found in a parent, as git finds its repository.
    const sub = join(dir, "notes", "reunions");
    mkdirSync(sub, { recursive: true });
    const etat = await cpts(["etat", "--json"], sub);
    expect(etat.code, etat.stderr).toBe(0);
    expect(etat.stderr).toMatch(/trouvé dans un dossier parent/);
    const envelope = JSON.parse(etat.stdout) as { commande: string; fichier: string; prochaines_commandes: { commande: string }[] };
    expect(envelope.commande).toBe("etat");
    expect(realpathSync(resolve(sub, envelope.fichier))).toBe(realpathSync(join(dir, "cpts.yaml")));
    expect(envelope.prochaines_commandes.length).toBeGreaterThan(0);
    for (const c of envelope.prochaines_commandes) expect(c.commande).toMatch(/^cpts assistant --etape \S+/);

    // The output schema, shipped in the package, describes that envelope.
    const sortie = await cpts(["schema", "--sortie"], sub);
    expect(sortie.code).toBe(0);
    const schemaPath = sortie.stdout.trim();
    expect(realpathSync(schemaPath)).toBe(realpathSync(join(prefix, "lib", "node_modules", "cpts", "schemas", "cpts-sortie.schema.json")));
    const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
    (addFormats as unknown as (a: Ajv2020) => void)(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")) as object);
    expect(validate(envelope), ajv.errorsText(validate.errors)).toBe(true);

    const generer = await cpts(["generer", "--brouillon"], sub);
    expect(generer.code, generer.stderr).toBe(0);
    expectPlainHints(generer.stdout + generer.stderr);
    const written = readdirSync(join(dir, "documents")).filter((f) => f.endsWith(".docx"));
    expect(written).toContain("lettre-intention.docx");
    expect(docxText(readFileSync(join(dir, "documents", "lettre-intention.docx")))).toContain("CPTS du Val de l’Isle");
  }, COMMAND_TIMEOUT);

  it("writes the diagnostic's workbook to fill", async () => {
    const dir = folder("diagnostic");
    const r = await cpts(["diagnostic", "modele"], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/: cpts diagnostic importer indicateurs\.xlsx$/m);
    expectPlainHints(r.stdout);
    expect(readFileSync(join(dir, "indicateurs.xlsx")).subarray(0, 4)).toEqual(Buffer.from("PK\x03\x04", "latin1"));
  }, COMMAND_TIMEOUT);

  it("generates the complete example shipped in the package, figures included", async () => {
    const dir = folder("bergerac");
    cpSync(join(prefix, "lib", "node_modules", "cpts", "examples", "bergerac"), dir, { recursive: true });
    const r = await cpts(["generer"], dir);
    expect(r.code, r.stderr).toBe(0);
    const written = readdirSync(join(dir, "documents")).filter((f) => f.endsWith(".docx"));
    expect(written).toEqual(expect.arrayContaining(["diagnostic.docx", "lettre-intention.docx", "statuts.docx", "projet-sante.docx"]));
    const diagnostic = readFileSync(join(dir, "documents", "diagnostic.docx"));
    expect(docxText(diagnostic)).toContain("Diagnostic territorial");
    // Charts drawn by the installed Vega and resvg.
    expect(Object.keys(unzipSync(diagnostic)).some((name) => /^word\/media\/.+\.png$/.test(name))).toBe(true);
  }, COMMAND_TIMEOUT);
});

describe("cpts run through npx", () => {
  it("names `npx cpts` in its hints, its help and its JSON", async () => {
    const dir = folder("par-npx");
    expect((await cpts(["init", "--nom", "CPTS de la Vallée"], dir)).code).toBe(0);
    // npx finds the package in the global prefix and runs its bin, as after `npm install -g`.
    const npx = (args: string[]) => exec("npx", ["--no-install", "cpts", ...args], dir, userEnv({ npm_config_prefix: prefix }));
    const etat = await npx(["etat"]);
    expect(etat.code, etat.stderr).toBe(0);
    expect(etat.stdout).toMatch(/: npx cpts assistant --etape \S+$/m);
    expect(etat.stdout).not.toMatch(/(?<!npx )cpts assistant/);
    const help = await npx(["--help"]);
    expect(help.stdout).toMatch(/^Utilisation[ \u00a0]: npx cpts \[options\] <commande>$/m);
    const json = await npx(["etat", "--json"]);
    expect(json.code).toBe(0);
    const commands = (JSON.parse(json.stdout) as { prochaines_commandes: { commande: string }[] }).prochaines_commandes;
    for (const c of commands) expect(c.commande).toMatch(/^npx cpts assistant --etape /);
  }, COMMAND_TIMEOUT);
});

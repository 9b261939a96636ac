/**
 * Startup guard: `cpts --help` must stay close to bare Node startup, which only holds while the
 * heavy packages are imported lazily, inside the command that needs them (see src/cli/main.ts).
 * A wall-clock threshold would be flaky on a busy 2-core machine, so this test checks what was
 * loaded instead.
 *
 * The built CLI runs under `node --import <preload>`. The preload registers a module `resolve`
 * hook (`module.register()`, Node ≥ 20.6) that appends every ESM resolution to a log file. On
 * Node 20 those hooks do not see `require()` (ajv and the standalone validator are loaded with
 * `createRequire`), so the preload also writes the CommonJS module cache when the process exits.
 */
import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { BIN, EXAMPLES, ROOT, tempDir } from "../helpers.js";

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
import { appendFileSync } from "node:fs";
import { createRequire, register } from "node:module";
const log = process.env.CPTS_MODULE_LOG;
register(new URL("./hooks.mjs", import.meta.url), { data: { log } });
const Module = createRequire(import.meta.url)("node:module");
process.on("exit", () => {
  const names = Object.keys(Module._cache ?? {});
  appendFileSync(log, names.map((n) => "cjs " + n + "\\n").join(""));
});
`;

/** Package name → how it shows in a resolved URL or a CommonJS cache path. */
const PACKAGES: Record<string, RegExp> = {
  docx: /[\\/]node_modules[\\/]docx[\\/]/,
  handlebars: /[\\/]node_modules[\\/]handlebars[\\/]/,
  marked: /[\\/]node_modules[\\/]marked[\\/]/,
  ajv: /[\\/]node_modules[\\/]ajv(-formats)?[\\/]|[\\/]validate-project\.cjs$/,
  "@inquirer/*": /[\\/]node_modules[\\/]@inquirer[\\/]/,
  yaml: /[\\/]node_modules[\\/]yaml[\\/]/,
  fflate: /[\\/]node_modules[\\/]fflate[\\/]/,
  commander: /[\\/]node_modules[\\/]commander[\\/]/,
};

interface Traced {
  code: number;
  stdout: string;
  stderr: string;
  /** Resolved URLs (ESM) and file paths (CommonJS) of every module the process loaded. */
  modules: string[];
}

/** Runs `bin/cpts` with the recording preload and returns what it loaded. */
function traced(args: string[]): Promise<Traced> {
  const dir = tempDir();
  writeFileSync(join(dir, "hooks.mjs"), HOOKS);
  writeFileSync(join(dir, "preload.mjs"), PRELOAD);
  const log = join(dir, "modules.log");
  writeFileSync(log, "");
  return new Promise((done) => {
    execFile(
      process.execPath,
      ["--import", pathToFileURL(join(dir, "preload.mjs")).href, BIN, ...args],
      { cwd: ROOT, env: { ...process.env, CI: "true", NO_COLOR: "1", FORCE_COLOR: "", CPTS_MODULE_LOG: log } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        const modules = readFileSync(log, "utf8")
          .split("\n")
          .filter(Boolean)
          .map((line) => line.replace(/^esm .* -> /, "").replace(/^cjs /, ""))
          .map((entry) => (entry.startsWith("file:") ? decodeURIComponent(new URL(entry).pathname) : entry));
        done({ code, stdout, stderr, modules });
      },
    );
  });
}

function loadedPackages(modules: readonly string[]): string[] {
  return Object.entries(PACKAGES)
    .filter(([, pattern]) => modules.some((m) => pattern.test(m)))
    .map(([name]) => name);
}

describe("startup: what each command loads", () => {
  it("`cpts --help` loads commander and none of the heavy packages", async () => {
    const r = await traced(["--help"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Utilisation");
    const loaded = loadedPackages(r.modules);
    // The hook works: the CLI itself and commander were seen.
    expect(r.modules.some((m) => m.endsWith(join("dist", "cli", "main.js")))).toBe(true);
    expect(loaded).toContain("commander");
    for (const heavy of ["docx", "handlebars", "marked", "ajv", "@inquirer/*", "yaml", "fflate"]) {
      expect(loaded, `--help a chargé ${heavy}`).not.toContain(heavy);
    }
  });

  it("`cpts valider` loads yaml but nothing of the documents or the prompts", async () => {
    const r = await traced(["valider", join(EXAMPLES, "minimal", "cpts.yaml")]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const loaded = loadedPackages(r.modules);
    expect(loaded).toContain("yaml");
    for (const heavy of ["docx", "handlebars", "marked", "@inquirer/*", "fflate"]) {
      expect(loaded, `valider a chargé ${heavy}`).not.toContain(heavy);
    }
  });
});

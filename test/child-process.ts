/**
 * Runs source modules in a separate `node` process, to check that output does not depend on
 * the process (counters, caches, time zone, locale): the chosen folders of src/ are transpiled
 * to plain JavaScript beside a link to node_modules, then a script importing them is run.
 */
import { execFile } from "node:child_process";
import { mkdir, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import ts from "typescript";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

async function sourceFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(ROOT, "src", dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sourceFiles(rel)));
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) out.push(rel);
    else if (entry.name.endsWith(".json")) out.push(rel);
  }
  return out;
}

/** Transpiles `src/<folder>` for each folder into `out` (same layout), so a child `node` can import it. */
export async function transpileSources(out: string, folders: readonly string[]): Promise<void> {
  for (const folder of folders) {
    for (const file of await sourceFiles(folder)) {
      const text = await readFile(path.join(ROOT, "src", file), "utf8");
      await mkdir(path.join(out, path.dirname(file)), { recursive: true });
      if (file.endsWith(".json")) {
        await writeFile(path.join(out, file), text);
        continue;
      }
      const { outputText } = ts.transpileModule(text, {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
      });
      await writeFile(path.join(out, file.replace(/\.ts$/, ".js")), outputText);
    }
  }
  await writeFile(path.join(out, "package.json"), '{ "type": "module" }\n');
  await symlink(path.join(ROOT, "node_modules"), path.join(out, "node_modules"), "dir");
}

/** Runs the ES module `source` (written in `dir`) with `env` added to this process's environment; returns its stdout. */
export async function runModule(dir: string, source: string, env: Record<string, string> = {}): Promise<string> {
  const script = path.join(dir, `child-${Object.values(env).join("-").replace(/[^\w-]/g, "_") || "default"}.mjs`);
  await writeFile(script, source);
  const { stdout } = await promisify(execFile)(process.execPath, [script], { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

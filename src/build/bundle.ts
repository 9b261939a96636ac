/**
 * Bundles the built CLI (`dist/cli/main.js` and everything it imports, packages included) into
 * `dist/bundle/`, which `bin/cpts` runs. Node then reads a few dozen files instead of several
 * hundred, which was about a third of the time of `cpts valider`. Run by `npm run build`, after
 * tsc and the other build steps.
 *
 * - Code splitting keeps the lazy `await import()` of each command (src/cli/main.ts): `--help`
 *   loads commander only, and each command loads only the chunks it reaches.
 * - `import.meta.url`, `import.meta.dirname` and `import.meta.filename` are rewritten to the
 *   location of the module's own file (`dist/<dossier>/<fichier>.js`), so every path computed
 *   from them (schemas/, templates/, the territory index, the standalone validator, handlebars
 *   through `createRequire`) is the one the unbundled build uses. Large data stays in files
 *   read at run time; only the small `src/domain/data/*.json` and
 *   `src/territory/data/*.json` are inlined by their imports.
 * - `dist/bundle/meta.json` is esbuild's metafile: which chunk holds which module (used by
 *   test/e2e/startup.test.ts).
 * - The output is deterministic: same input, same bytes (relative paths only, hashed chunk names).
 * - `dist/build-id` is then the SHA-256 of every other file of dist/ (code, territory index,
 *   compiled validator and templates): `cpts generer` counts it among the inputs of the
 *   documents, so that a rebuilt tool regenerates them even when its version number is the same.
 */
import { build, type Plugin } from "esbuild";
import { createHash } from "node:crypto";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const BUNDLE_DIR = join("dist", "bundle");
export const BUNDLE_ENTRY = join("dist", "cli", "main.js");
export const BUNDLE_META = join(BUNDLE_DIR, "meta.json");
/** Read by src/cli/generer.ts. */
export const BUILD_ID = join("dist", "build-id");

// Bundled CommonJS packages (commander, …) call `require()` for Node's modules; ESM has none.
const BANNER = 'import { createRequire as __cptsCreateRequire } from "node:module"; const require = __cptsCreateRequire(import.meta.url);';

/** The expression that gives, from a chunk of `outdir`, what `import.meta.<key>` gave in `file`. */
function moduleMeta(key: string, file: string, outdir: string): string {
  const url = `new URL(${JSON.stringify(relative(outdir, file).split(sep).join("/"))}, import.meta.url)`;
  if (key === "url") return `${url}.href`;
  if (key === "filename") return `__cptsFileURLToPath(${url})`;
  return `__cptsDirname(__cptsFileURLToPath(${url}))`;
}

/** Rewrites `import.meta.*` so that each module keeps its own location once bundled. */
function keepModuleLocation(outdir: string): Plugin {
  return {
    name: "cpts-keep-module-location",
    setup(b) {
      b.onLoad({ filter: /\.m?js$/ }, async (args) => {
        const source = await readFile(args.path, "utf8");
        if (!source.includes("import.meta")) return undefined;
        const known = /\bimport\.meta\.(url|dirname|filename)\b/g;
        const other = source.split("\n").findIndex((line) => /\bimport\.meta\b/.test(line.replace(known, "")));
        if (other >= 0) {
          return {
            errors: [{ text: "import.meta used otherwise than .url, .dirname or .filename: the bundle cannot keep its meaning", location: { file: args.path, line: other + 1 } }],
          };
        }
        const used = new Set<string>();
        let contents = source.replace(known, (_, key: string) => {
          used.add(key);
          return moduleMeta(key, args.path, outdir);
        });
        const imports: string[] = [];
        if (used.has("filename") || used.has("dirname")) imports.push('import { fileURLToPath as __cptsFileURLToPath } from "node:url";');
        if (used.has("dirname")) imports.push('import { dirname as __cptsDirname } from "node:path";');
        // Same line count: the imports go on the first line.
        if (imports.length) contents = `${imports.join(" ")} ${contents}`;
        return { contents, loader: "js", resolveDir: dirname(args.path) };
      });
    },
  };
}

/**
 * commander requires `node:child_process` when it loads, for subcommands run as separate programs,
 * which cpts has none of; Node then loads its process and network modules on every start. The
 * bundle gives commander a stand-in that loads the real module on first use.
 */
const LAZY_CHILD_PROCESS = `const load = () => require("node:child_process");
module.exports = new Proxy({}, { get: (_, key) => load()[key], has: (_, key) => key in load() });`;

function lazyChildProcessForCommander(): Plugin {
  return {
    name: "cpts-lazy-child-process",
    setup(b) {
      b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
        /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: "lazy-child-process", namespace: "cpts-lazy" } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: "cpts-lazy" }, () => ({ contents: LAZY_CHILD_PROCESS, loader: "js" }));
    },
  };
}

async function packageVersion(root: string): Promise<string> {
  return (JSON.parse(await readFile(join(root, "package.json"), "utf8")) as { version: string }).version;
}

/** Builds the bundle; returns the number of files written and their total size in bytes. */
export async function bundle(root: string = ROOT): Promise<{ files: number; bytes: number }> {
  const outdir = join(root, BUNDLE_DIR);
  await rm(outdir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: [BUNDLE_ENTRY],
    outdir: BUNDLE_DIR,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20.19",
    charset: "utf8",
    // No keepNames: it wraps every function, closures included, in a naming call at run time;
    // the source maps already give `--debug` traces their names.
    // For `cpts --debug` only: bin/cpts turns source maps on then, so traces name dist/<dossier>/*.js.
    sourcemap: "linked",
    sourcesContent: false,
    banner: { js: BANNER },
    metafile: true,
    logLevel: "warning",
    define: { CPTS_VERSION: JSON.stringify(await packageVersion(root)) },
    plugins: [keepModuleLocation(outdir), lazyChildProcessForCommander()],
  });
  await writeFile(join(root, BUNDLE_META), `${JSON.stringify(result.metafile, null, 1)}\n`);
  await writeFile(join(root, BUILD_ID), `${await buildId(root)}\n`);
  const outputs = Object.values(result.metafile.outputs);
  return { files: outputs.length, bytes: outputs.reduce((sum, o) => sum + o.bytes, 0) };
}

/** The SHA-256 of the paths and contents of every file of dist/ but the build id itself. */
async function buildId(root: string): Promise<string> {
  const dist = join(root, "dist");
  const files = (await readdir(dist, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dist, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .filter((file) => file !== "build-id")
    .sort();
  const hash = createHash("sha256");
  for (const file of files) {
    const bytes = await readFile(join(dist, file));
    hash.update(`${file}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest("hex");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const { files, bytes } = await bundle();
    console.log(`CLI regroupée dans ${BUNDLE_DIR} : ${files} fichiers, ${Math.round(bytes / 1024)} kio.`);
  } catch {
    // esbuild has printed the errors already.
    process.exitCode = 1;
  }
}

/**
 * Compiles the built-in templates ahead of time into `dist/render/precompiled-templates.cjs`,
 * keyed by the SHA-256 of each template's text: compiling the eighteen templates and partials
 * costs about a quarter of a second on a fresh process, more than writing the documents.
 * Run by `npm run build`. A template whose text has no entry (a consultant's own, or a built-in
 * one edited after the build) is compiled at run time as before, so the file can never be stale.
 */
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { TEMPLATES_DIR } from "../project/index.js";
import { documentPipeline } from "../render/index.js";

const { PRECOMPILED_TEMPLATES, precompileSource, readTemplate, sourceKey, TEMPLATE_EXTENSION } = await documentPipeline();

function templateFiles(): string[] {
  const top = readdirSync(TEMPLATES_DIR).filter((f) => f.endsWith(TEMPLATE_EXTENSION));
  const partials = readdirSync(join(TEMPLATES_DIR, "partials"))
    .filter((f) => f.endsWith(TEMPLATE_EXTENSION))
    .map((f) => join("partials", f));
  return [...top, ...partials].sort();
}

/** The CommonJS module: `{ "<sha256>": <template spec>, … }`, in file order, so the build is reproducible. */
export function precompiledModule(): string {
  const entries = templateFiles().map((file) => {
    const source = readTemplate(join(TEMPLATES_DIR, file));
    return `// ${file.replace(/\\/g, "/")}\n${JSON.stringify(sourceKey(source))}: ${precompileSource(source)}`;
  });
  return `"use strict";\nmodule.exports = {\n${entries.join(",\n")}\n};\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(PRECOMPILED_TEMPLATES, precompiledModule());
  console.log(`Modèles précompilés : ${PRECOMPILED_TEMPLATES}`);
}

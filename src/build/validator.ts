/**
 * Compiles the project schema ahead of time into `dist/project/validate-project.cjs` (ajv
 * standalone code), so that `cpts valider` does not spend most of a second compiling it at
 * every run. Run by `npm run build`; without the file, the validator is compiled at run time.
 */
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { projectFiles } from "../project/index.js";

const { STANDALONE_VALIDATOR, createAjv, readSchema } = await projectFiles();

export function standaloneValidatorSource(): string {
  const require = createRequire(import.meta.url);
  const standaloneCode = (require("ajv/dist/standalone/index.js") as { default: (ajv: unknown, fn: unknown) => string }).default;
  const ajv = createAjv(true);
  return standaloneCode(ajv, ajv.compile(readSchema()));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = join(dirname(fileURLToPath(import.meta.url)), "..", "project", STANDALONE_VALIDATOR);
  writeFileSync(out, standaloneValidatorSource());
  console.log(`Validateur du schéma compilé : ${out}`);
}

/**
 * TypeScript types of the project file are generated from the JSON Schema, so code and schema
 * cannot drift: `npm run gen:types` rewrites `src/project/types.generated.ts`, and a test
 * (test/project/schema-contract.test.ts) fails when the committed file differs from what the
 * schema gives.
 *
 * `npm run gen:types` bundles this file alone with esbuild (into dist/build/, two levels below the
 * root like src/build/, so `PACKAGE_ROOT` holds) and runs it: no type-check of the whole project
 * first, which would fail exactly when code already uses a field the old types lack.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PACKAGE_ROOT, SCHEMA_PATH } from "../project/index.js";

export const TYPES_PATH = join(PACKAGE_ROOT, "src", "project", "types.generated.ts");

export async function generateTypes(schemaText: string): Promise<string> {
  const { compile } = await import("json-schema-to-typescript");
  const schema = JSON.parse(schemaText);
  const body = await compile(schema, "Project", {
    bannerComment:
      "/* Generated from schemas/cpts-project.schema.json by `npm run gen:types`. Do not edit by hand. */",
    additionalProperties: false,
    unreachableDefinitions: true,
    strictIndexSignatures: true,
    style: { singleQuote: false, printWidth: 110 },
    format: true,
    cwd: join(PACKAGE_ROOT, "schemas"),
  });
  return body;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = await generateTypes(readFileSync(SCHEMA_PATH, "utf8"));
  writeFileSync(TYPES_PATH, text);
  console.log(`Types écrits\u00a0: ${TYPES_PATH}`);
}

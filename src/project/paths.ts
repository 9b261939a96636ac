import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The package root: `dist/project/paths.js` and `src/project/paths.ts` both sit two levels
 * below it, so the same code finds `schemas/` and `templates/` from the build and from the
 * sources under test.
 */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

export const SCHEMA_PATH = join(PACKAGE_ROOT, "schemas", "cpts-project.schema.json");
export const TEMPLATES_DIR = join(PACKAGE_ROOT, "templates");
export const DEFAULT_PROJECT_FILE = "cpts.yaml";
export const MODELINE_PREFIX = "# yaml-language-server: $schema=";

/** A short name for messages: relative to the working folder when it is inside it. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith("..") && !rel.startsWith(sep) ? rel : path;
}

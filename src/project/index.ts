/**
 * The project file: its types, where it lives, what can be wrong in it, and the errors every
 * layer may raise; the lock files its writers take turns under, which output folders use too
 * (`holdLock`). Reading, checking, editing and saving it load `yaml` (and the schema
 * validator on first use): that part comes on demand, `const { loadProject } = await
 * projectFiles()`, so the commands that read no project file (`--help`, `schema`,
 * `financement --taille`) never load it.
 */
export { EXIT, UserError } from "./errors.js";
export { SEVERITY_ORDER, formatPath, hasErrors, type Finding, type Severity } from "./findings.js";
export {
  DEFAULT_PROJECT_FILE,
  MODELINE_PREFIX,
  PACKAGE_ROOT,
  SCHEMA_PATH,
  TEMPLATES_DIR,
  displayPath,
} from "./paths.js";
export { closest, editDistance, foldAccents } from "./suggest.js";
export { SCHEMA_COPY_REF, SIDE_FOLDER, modelineRef, refreshSchemaCopy, schemaCopyOutdated, schemaLink, writeSchemaCopy, type SchemaLink } from "./schema-link.js";
export { MAX_PROJECT_BYTES, readProjectBytes, refuseIrregular, type ProjectBytes } from "./read.js";
export type * from "./types.js";
export type { ProjectFile } from "./file.js";
export { describeHolder, holdLock, isAlive, releaseLocksSync, type LockOptions, type LockProtocol } from "./lock.js";
export type { UpdateOptions, Updated } from "./save.js";
export type { TextFormat } from "./layout.js";
export type { LoadedProject } from "./load.js";
export type { MigrationResult } from "./migrate.js";

/** Reading, checking, editing and saving project files (src/project/files.ts), loaded on first call. */
export async function projectFiles() {
  return import("./files.js");
}

/**
 * The part of src/project that reads, checks, edits and writes project files. It loads `yaml`
 * (and the compiled schema validator on first use), so other folders reach it on demand through
 * `projectFiles()` of index.ts.
 *
 * It gives index.ts's exports too, so `await projectFiles()` is the whole project API. That also
 * keeps index.ts in the bundle chunk of the modules it re-exports (esbuild groups modules by the
 * entry points that reach them): `cpts --help` reads one file fewer.
 */
export * from "./index.js";
export { anonymiseForReuse } from "./clone.js";
export { readDrafts, writeDraft } from "./drafts.js";
export { appendIn, blockSeqAt } from "./edit.js";
export { nodeAt, parseProjectSource, projectBytes, projectText, readProjectFile } from "./file.js";
export { loadProject } from "./load.js";
export { locate, parsePath } from "./locate.js";
export { CURRENT_VERSION, migrate } from "./migrate.js";
export { checkProject, checkedBytes, createProjectFile, updateProjectFile } from "./save.js";
export { createAjv, LONG_TEXT, projectSchema, readSchema, STANDALONE_VALIDATOR, validateProject } from "./schema.js";
export { skeleton } from "./skeleton.js";

/**
 * The `# yaml-language-server: $schema=…` line that lets editors describe and complete the
 * project file. A path into the tool's installation breaks as soon as the project moves or the
 * tool is run another way (npx's cache, a global or a local install), so cpts writes a copy of
 * the schema beside the project, `.cpts/cpts-project.schema.json`, and points the line at it:
 * the folder moves with the project, and each save or generation through cpts keeps the copy
 * equal to the schema of the running version. `cpts schema --lier` writes that line into a
 * project that has another one; `cpts valider` says when the line leads nowhere.
 */
import { existsSync } from "node:fs";
import { mkdir, open, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { MODELINE_PREFIX, SCHEMA_PATH } from "./paths.js";

/** The folder beside the project where cpts keeps what editors and the wizard need. */
export const SIDE_FOLDER = ".cpts";
/** The modeline's reference to the copy, relative to the project's folder. */
export const SCHEMA_COPY_REF = `${SIDE_FOLDER}/cpts-project.schema.json`;

/** The `$schema=` reference of the leading comment lines of a project's text, if any. */
export function modelineRef(text: string): string | undefined {
  for (const raw of text.replace(/^\uFEFF/, "").split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "") continue;
    if (!line.startsWith("#")) return undefined;
    if (line.startsWith(MODELINE_PREFIX)) return line.slice(MODELINE_PREFIX.length).trim() || undefined;
  }
  return undefined;
}

export interface SchemaLink {
  /** What the line says, when there is one. */
  ref?: string;
  /** The file it leads to (undefined for a web address or no line). */
  target?: string;
  /** False when the line is missing or leads to no file. A web address counts as leading somewhere. */
  resolves: boolean;
  /** True when the line points at the copy cpts keeps in `.cpts/`. */
  toCopy: boolean;
}

const isCopyRef = (ref: string) => ref.replace(/^\.\//, "") === SCHEMA_COPY_REF;

/** Where the project's modeline leads, from the first bytes of the file (cheap: no YAML read). */
export async function schemaLink(projectPath: string): Promise<SchemaLink> {
  let head = "";
  try {
    const handle = await open(projectPath, "r");
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0);
      head = buffer.subarray(0, bytesRead).toString("utf8");
    } finally {
      await handle.close();
    }
  } catch {
    return { resolves: false, toCopy: false };
  }
  const ref = modelineRef(head);
  if (ref === undefined) return { resolves: false, toCopy: false };
  if (/^https?:\/\//i.test(ref)) return { ref, resolves: true, toCopy: false };
  let target: string;
  try {
    target = /^file:/i.test(ref) ? fileURLToPath(ref) : resolve(dirname(projectPath), ref);
  } catch {
    return { ref, resolves: false, toCopy: false };
  }
  return { ref, target, resolves: existsSync(target), toCopy: isCopyRef(ref) };
}

/** Folders whose copy was found or made equal to this version's schema in this process. */
const current = new Set<string>();

/**
 * Writes the schema of this version of cpts to `<folder>/.cpts/cpts-project.schema.json`
 * unless it is already there, byte for byte (a temporary file renamed into place: an editor
 * never reads half a schema). Returns true when it wrote.
 */
export async function writeSchemaCopy(projectFolder: string): Promise<boolean> {
  const folder = join(projectFolder, SIDE_FOLDER);
  if (current.has(folder)) return false;
  const schema = await readFile(SCHEMA_PATH);
  const target = join(folder, "cpts-project.schema.json");
  const existing = await readFile(target).catch(() => undefined);
  if (existing && Buffer.compare(existing, schema) === 0) {
    current.add(folder);
    return false;
  }
  await mkdir(folder, { recursive: true });
  const temporary = join(folder, `.cpts-project.schema.json.${process.pid}.tmp`);
  try {
    await writeFile(temporary, schema);
    await rename(temporary, target);
  } finally {
    await rm(temporary, { force: true });
  }
  current.add(folder);
  return true;
}

/**
 * After a save or a generation: when the project's line points at the copy in `.cpts/`, makes
 * that copy this version's schema. Never fails the command that calls it: an editor aid that
 * cannot be written (read-only folder) is reported by `cpts valider`, not by a save.
 */
export async function refreshSchemaCopy(projectPath: string): Promise<void> {
  try {
    const link = await schemaLink(projectPath);
    if (link.toCopy) await writeSchemaCopy(dirname(projectPath));
  } catch {
    // See above: the line then leads nowhere and `cpts valider` says so.
  }
}

/** True when the copy the line points at differs from this version's schema. */
export async function schemaCopyOutdated(link: SchemaLink): Promise<boolean> {
  if (!link.toCopy || !link.target || !link.resolves) return false;
  const [copy, schema] = await Promise.all([readFile(link.target).catch(() => undefined), readFile(SCHEMA_PATH)]);
  return copy === undefined || Buffer.compare(copy, schema) !== 0;
}

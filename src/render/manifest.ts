/**
 * Generated files and their manifest: a file edited by hand is never overwritten silently.
 *
 * `.cpts-manifeste.json` in the output folder records, for each generated file, its path
 * relative to that folder (with `/`) and the SHA-256 of the bytes last written:
 *
 *     { "version": 1, "fichiers": { "lettre-intention.docx": "9f86d0…", … },
 *       "generation": { "lettre-intention.docx": { "cle": "5e2b…", "a_completer": ["…"] }, … } }
 *
 * keys sorted, two-space indentation, final newline: the same content gives the same bytes.
 * `generation` says what each file was made from: `cle` is a key of its inputs (see
 * `inputsKey`; the caller decides what they are) and `a_completer` its placeholders, so that a
 * later run can tell, from bytes alone, that the files are up to date and report them without
 * generating anything (`upToDateFiles`).
 * A file whose current hash differs from the recorded one was changed since the last
 * generation; a file that exists but is not recorded is treated the same way (it is not ours).
 * Writes are atomic (temporary file in the same folder, then rename); a path that escapes the
 * output folder (`..`, absolute, through a symbolic link) is refused.
 */
import { createHash } from "node:crypto";
import { lstat, mkdir, open, readFile, realpath, rename, rm } from "node:fs/promises";
import * as path from "node:path";

export const MANIFEST_NAME = ".cpts-manifeste.json";

export type FileState =
  /** No file there yet. */
  | "absent"
  /** The file is the one last generated. */
  | "unchanged"
  /** The file changed since it was generated (edited by hand). */
  | "edited"
  /** A file is there that the manifest does not know. */
  | "untracked";

export class UnsafePathError extends Error {
  override readonly name = "UnsafePathError";
  readonly code = "sortie.chemin-refuse";
  constructor(
    readonly relPath: string,
    reason: string,
  ) {
    super(`chemin de sortie refusé « ${relPath} » : ${reason}`);
  }
}

/** What a generated file was made from. */
export interface GenerationRecord {
  /** The key of the inputs it was generated from (`inputsKey`). */
  cle: string;
  /** The labels of its placeholders: what the document still needs. */
  a_completer: string[];
}

/** The files a generation that chose them itself was asked to write, written or not. */
export interface AskedFiles {
  cle: string;
  fichiers: string[];
}

export interface Manifest {
  version: 1;
  fichiers: Record<string, string>;
  /** Per generated file; files written before keys were recorded have none. */
  generation?: Record<string, GenerationRecord>;
  /** The last generation whose caller chose the files from the inputs (see `askedFiles`). */
  demande?: AskedFiles;
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * A key of several inputs, texts or bytes: the SHA-256 of each part's length and content in
 * turn, so that two different lists of parts never give the same key.
 */
export function inputsKey(parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash("sha256");
  for (const part of parts) {
    const bytes = typeof part === "string" ? Buffer.from(part, "utf8") : part;
    hash.update(`${bytes.length}:`);
    hash.update(bytes);
  }
  return hash.digest("hex");
}

/** Stable JSON of a manifest: sorted keys, two-space indentation, final newline. */
export function serializeManifest(manifest: Manifest): string {
  const fichiers: Record<string, string> = {};
  for (const key of Object.keys(manifest.fichiers).sort()) fichiers[key] = manifest.fichiers[key]!;
  const generation: Record<string, GenerationRecord> = {};
  for (const key of Object.keys(manifest.generation ?? {}).sort()) {
    const { cle, a_completer } = manifest.generation![key]!;
    generation[key] = { cle, a_completer };
  }
  const data: Record<string, unknown> = Object.keys(generation).length > 0 ? { version: 1, fichiers, generation } : { version: 1, fichiers };
  if (manifest.demande) data.demande = { cle: manifest.demande.cle, fichiers: [...manifest.demande.fichiers] };
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** Reads the manifest of `dir`; a missing or unreadable manifest is an empty one. */
export async function readManifest(dir: string): Promise<Manifest> {
  return (await loadManifest(dir)).manifest;
}

/** The manifest of `dir`, and whether a manifest file was there to read. */
async function loadManifest(dir: string): Promise<{ manifest: Manifest; found: boolean }> {
  let text: string;
  try {
    text = await readFile(path.join(dir, MANIFEST_NAME), "utf8");
  } catch {
    return { manifest: { version: 1, fichiers: {}, generation: {} }, found: false };
  }
  const fichiers: Record<string, string> = {};
  const generation: Record<string, GenerationRecord> = {};
  let demande: AskedFiles | undefined;
  try {
    const data = JSON.parse(text) as { fichiers?: unknown; generation?: unknown; demande?: Partial<AskedFiles> } | null;
    const asked = data?.demande;
    if (typeof asked?.cle === "string" && Array.isArray(asked.fichiers) && asked.fichiers.every((f) => typeof f === "string")) {
      demande = { cle: asked.cle, fichiers: asked.fichiers };
    }
    if (data && typeof data.fichiers === "object" && data.fichiers !== null) {
      for (const [k, v] of Object.entries(data.fichiers)) if (typeof v === "string") fichiers[k] = v;
    }
    if (data && typeof data.generation === "object" && data.generation !== null) {
      for (const [k, v] of Object.entries(data.generation as Record<string, unknown>)) {
        const record = v as Partial<GenerationRecord> | null;
        if (typeof record?.cle === "string" && Array.isArray(record.a_completer) && record.a_completer.every((l) => typeof l === "string")) {
          generation[k] = { cle: record.cle, a_completer: record.a_completer };
        }
      }
    }
  } catch {
    // Not JSON: read as empty, so every existing document counts as not made by cpts.
  }
  return { manifest: { version: 1, fichiers, generation, ...(demande ? { demande } : {}) }, found: true };
}

/**
 * The files the last generation of key `key` was asked to write, when its caller chose them from
 * its inputs (the documents a project needs): with the same inputs, the same files are wanted.
 * Undefined when no such generation is recorded with that key.
 */
export async function askedFiles(dir: string, key: string): Promise<string[] | undefined> {
  let root: string;
  try {
    root = await realpath(dir);
  } catch {
    return undefined;
  }
  const { manifest } = await loadManifest(root);
  return manifest.demande?.cle === key ? [...manifest.demande.fichiers] : undefined;
}

/** A file that `upToDateFiles` found as it was generated. */
export interface UpToDateFile {
  /** Path in the output folder (with `/`). */
  relPath: string;
  absolutePath: string;
  sha256: string;
  /** The placeholders recorded when it was generated. */
  a_completer: string[];
}

/**
 * The files `relPaths` of `dir`, when every one of them is exactly as generated from inputs of
 * key `key`: recorded in the manifest with that key, and its bytes still hashing to the recorded
 * hash. Undefined when the folder, its manifest or a file is missing, when a file was edited
 * since, or was made from other inputs (or before keys were recorded). Reads the manifest and
 * those files, nothing else.
 */
export async function upToDateFiles(dir: string, relPaths: readonly string[], key: string): Promise<UpToDateFile[] | undefined> {
  let root: string;
  try {
    root = await realpath(dir);
  } catch {
    return undefined;
  }
  const { manifest, found } = await loadManifest(root);
  if (!found) return undefined;
  const files = await Promise.all(
    relPaths.map(async (relPath): Promise<UpToDateFile | undefined> => {
      const recorded = manifest.fichiers[relPath];
      const generation = manifest.generation?.[relPath];
      if (recorded === undefined || generation?.cle !== key) return undefined;
      const absolutePath = path.join(root, ...relPath.split("/"));
      const bytes = await readIfExists(absolutePath).catch(() => undefined);
      if (bytes === undefined || sha256(bytes) !== recorded) return undefined;
      return { relPath, absolutePath, sha256: recorded, a_completer: generation.a_completer };
    }),
  );
  return files.every((f) => f !== undefined) ? files : undefined;
}

function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

/**
 * Checks `relPath` and returns its normalised key (with `/`) and absolute path. Refuses empty,
 * absolute and `..` paths, and any path whose existing part leads outside `dir` through a
 * symbolic link.
 */
export async function safeTarget(dir: string, relPath: string): Promise<{ key: string; absolute: string }> {
  if (relPath === "" || relPath.includes("\0")) throw new UnsafePathError(relPath, "chemin vide ou invalide");
  if (path.isAbsolute(relPath) || path.win32.isAbsolute(relPath) || /^[a-zA-Z]:/.test(relPath)) {
    throw new UnsafePathError(relPath, "chemin absolu");
  }
  const segments = relPath.split(/[\\/]+/).filter((s) => s !== "" && s !== ".");
  if (segments.length === 0) throw new UnsafePathError(relPath, "chemin vide ou invalide");
  if (segments.includes("..")) throw new UnsafePathError(relPath, "il sort du dossier de sortie (..)");
  if (segments[segments.length - 1] === MANIFEST_NAME) throw new UnsafePathError(relPath, "nom réservé");

  const root = await realpath(dir);
  const absolute = path.join(root, ...segments);
  // Walk the existing part of the path: every component must stay inside the real folder.
  let current = root;
  for (const segment of segments) {
    current = path.join(current, segment);
    let stat;
    try {
      stat = await lstat(current);
    } catch {
      break; // does not exist yet: nothing below can be a link
    }
    if (stat.isSymbolicLink()) {
      const real = await realpath(current).catch(() => undefined);
      if (real === undefined || !isInside(root, real)) {
        throw new UnsafePathError(relPath, "un lien symbolique mène hors du dossier de sortie");
      }
    }
  }
  return { key: segments.join("/"), absolute };
}

async function readIfExists(file: string): Promise<Uint8Array | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** Whether the file at `relPath` in `dir` is absent, as generated, edited by hand, or unknown. */
export async function checkOverwrite(dir: string, relPath: string): Promise<FileState> {
  const { key, absolute } = await safeTarget(dir, relPath);
  return stateOf(await readIfExists(absolute), (await readManifest(dir)).fichiers[key]);
}

function stateOf(existing: Uint8Array | undefined, recorded: string | undefined): FileState {
  if (existing === undefined) return "absent";
  if (recorded === undefined) return "untracked";
  return sha256(existing) === recorded ? "unchanged" : "edited";
}

let tempCounter = 0;

/** Writes `bytes` to `file` atomically: a temporary file beside it, flushed, then renamed. */
export async function writeAtomic(file: string, bytes: Uint8Array | string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${++tempCounter}.tmp`);
  const handle = await open(temp, "wx");
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** `statuts.docx` → `statuts.nouveau.docx`, `a/b.md` → `a/b.nouveau.md`. */
export function besidePath(relPath: string): string {
  const ext = path.posix.extname(relPath);
  return `${relPath.slice(0, relPath.length - ext.length)}.nouveau${ext}`;
}

export interface WriteResult {
  /** Path written, relative to the output folder (with `/`). */
  written: string;
  /** Absolute path written. */
  absolutePath: string;
  /** State of the requested file before writing. */
  previous: FileState;
  /** `created`, `updated` (or same bytes: `unchanged`), or `beside` when the hand-edited file was kept. */
  outcome: "created" | "updated" | "unchanged" | "beside";
  /** SHA-256 of the content, as recorded in the manifest. */
  sha256: string;
  /** A French sentence for the user when something needs attention (`beside`, forced overwrite). */
  message?: string;
}

/** One file for `writeGeneratedFiles`: its path in the output folder, its content, what it was made from. */
export interface GeneratedContent {
  relPath: string;
  bytes: Uint8Array | string;
  /** Recorded in the manifest when the file is written in its place (not beside an edited one). */
  generation?: GenerationRecord;
}

/**
 * Writes generated files into `dir` and records their hashes in the manifest, as
 * `writeGenerated` does for one. The files are flushed to disk together and the manifest is
 * written once, and only when it changed: a regeneration that changes nothing writes nothing.
 */
export async function writeGeneratedFiles(
  dir: string,
  files: readonly GeneratedContent[],
  { force = false, demande }: { force?: boolean; demande?: AskedFiles } = {},
): Promise<WriteResult[]> {
  await mkdir(dir, { recursive: true });
  const { manifest, found } = await loadManifest(dir);
  const before = serializeManifest(manifest);
  if (demande) manifest.demande = { cle: demande.cle, fichiers: [...demande.fichiers] };
  const generation = (manifest.generation ??= {});
  const results: WriteResult[] = [];
  const writes: { file: string; bytes: Uint8Array | string }[] = [];
  for (const { relPath, bytes, generation: made } of files) {
    const target = await safeTarget(dir, relPath);
    const existing = await readIfExists(target.absolute);
    const previous = stateOf(existing, manifest.fichiers[target.key]);
    const hash = sha256(bytes);
    const same = existing !== undefined && sha256(existing) === hash;

    if ((previous === "edited" || previous === "untracked") && !force && !same) {
      const other = await safeTarget(dir, besidePath(target.key));
      writes.push({ file: other.absolute, bytes });
      manifest.fichiers[other.key] = hash;
      // The file in place is the user's now: nothing recorded says it is up to date.
      delete generation[target.key];
      delete generation[other.key];
      results.push({
        written: other.key,
        absolutePath: other.absolute,
        previous,
        outcome: "beside",
        sha256: hash,
        message:
          `${target.key} ${previous === "edited" ? "a été modifié à la main depuis la dernière génération" : "n’a pas été créé par cpts"} : ` +
          `il est conservé et la nouvelle version est écrite dans ${other.key} (--forcer pour le remplacer).`,
      });
      continue;
    }
    if (!same) writes.push({ file: target.absolute, bytes });
    manifest.fichiers[target.key] = hash;
    if (made) generation[target.key] = { cle: made.cle, a_completer: [...made.a_completer] };
    else delete generation[target.key];
    const result: WriteResult = {
      written: target.key,
      absolutePath: target.absolute,
      previous,
      outcome: previous === "absent" ? "created" : same ? "unchanged" : "updated",
      sha256: hash,
    };
    if ((previous === "edited" || previous === "untracked") && !same) {
      result.message = `${target.key} ${previous === "edited" ? "avait été modifié à la main" : "n’avait pas été créé par cpts"} : remplacé (--forcer).`;
    }
    results.push(result);
  }
  // Flushed together, the files cost the disk about one wait instead of one each.
  await Promise.all(writes.map((w) => writeAtomic(w.file, w.bytes)));
  const after = serializeManifest(manifest);
  if (after !== before || !found)
    await writeAtomic(path.join(await realpath(dir), MANIFEST_NAME), after);
  return results;
}

/**
 * Writes a generated file `relPath` into `dir` and records its hash in the manifest.
 * When the existing file was edited by hand (or is unknown to the manifest) and `force` is
 * false, the new version is written beside it as `<nom>.nouveau.<ext>` and the edited file is
 * kept; `outcome: "beside"` and `message` say so. Throws `UnsafePathError` on a path that
 * escapes `dir`.
 */
export async function writeGenerated(
  dir: string,
  relPath: string,
  bytes: Uint8Array | string,
  options: { force?: boolean } = {},
): Promise<WriteResult> {
  return (await writeGeneratedFiles(dir, [{ relPath, bytes }], options))[0]!;
}

/**
 * Generated files and their manifest: a file edited by hand is never overwritten silently.
 *
 * `.cpts-manifeste.json` in the output folder records, for each generated file, its path
 * relative to that folder (with `/`) and the SHA-256 of the bytes last written:
 *
 *     { "version": 1, "fichiers": { "lettre-intention.docx": "9f86d0…", … },
 *       "generation": { "lettre-intention.docx": { "cle": "5e2b…", "a_completer": ["…"], "cle_contenu": "07c4…" }, … } }
 *
 * keys sorted, two-space indentation, final newline: the same content gives the same bytes.
 * `generation` says what each file was made from: `cle` is a key of its inputs (see
 * `inputsKey`; the caller decides what they are) and `a_completer` its placeholders, so that a
 * later run can tell, from bytes alone, that the files are up to date and report them without
 * generating anything (`upToDateFiles`). `cle_contenu`, when recorded, is a key of what this one
 * file is made from (for a DOCX: its Markdown, its document options and the tool), so that a run
 * which must generate can still keep a file whose own inputs did not change (`keptFile`).
 * A file whose current hash differs from the recorded one was changed since the last
 * generation; a file that exists but is not recorded is treated the same way (it is not ours).
 * Writes are atomic (temporary file in the same folder, then rename); a path that escapes the
 * output folder (`..`, absolute, through a symbolic link) is refused.
 *
 * The manifest tells the truth at every moment of a run, whatever stops it (disk full, Ctrl-C,
 * kill): before any file is written, `en_cours` records the hash each one is about to get; after
 * each file, the manifest moves it to `fichiers`. A run killed in between leaves files that are
 * either the old ones or the new ones, and the manifest knows both: the next reading takes a file
 * whose bytes hash to its `en_cours` entry as written. Temporary files of a killed run are removed
 * by the next one. Ctrl-C (or SIGTERM, SIGHUP) while files are written stops the run between two
 * steps, its temporary file removed and the manifest written, with `WriteInterrupted`; a second
 * signal, or a run still going 3 s later, ends the process at once. Runs writing into the same
 * folder take turns under a lock beside the manifest (the project file's protocol, src/project
 * `holdLock`), so none loses another's entries.
 */
import { createHash, randomBytes } from "node:crypto";
import { unlinkSync } from "node:fs";
import { lstat, mkdir, open, readdir, readFile, realpath, rename, rm, unlink } from "node:fs/promises";
import * as path from "node:path";
import { describeHolder, holdLock, isAlive, releaseLocksSync, type LockProtocol } from "../project/index.js";

export const MANIFEST_NAME = ".cpts-manifeste.json";
/** The lock file of an output folder, beside its manifest. */
export const LOCK_NAME = `${MANIFEST_NAME}.verrou`;
/** How long a run waits for another one writing into the same folder before giving up. */
const LOCK_WAIT_MS = 60_000;
/** A folder's lock this old was left by a stopped process: writing a project's documents takes seconds. */
const LOCK_STALE_MS = 120_000;

export class FolderLockTimeout extends Error {
  override readonly name = "FolderLockTimeout";
  constructor(
    readonly lockPath: string,
    readonly holder: string,
  ) {
    super(`dossier verrouillé par une autre génération (${holder}) : ${lockPath}`);
  }
}

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
  /** The key of this file's own inputs (`keptFile`); absent in manifests written before it. */
  cle_contenu?: string;
}

/** A file about to be written: the hash it will have, and what it is made from. */
export interface PendingWrite {
  sha256: string;
  generation?: GenerationRecord;
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
  /** Files a run is writing (present only while it writes, or after it was killed). */
  en_cours?: Record<string, PendingWrite>;
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
    generation[key] = copyRecord(manifest.generation![key]!);
  }
  const enCours: Record<string, PendingWrite> = {};
  for (const key of Object.keys(manifest.en_cours ?? {}).sort()) {
    const { sha256: hash, generation: made } = manifest.en_cours![key]!;
    enCours[key] = made ? { sha256: hash, generation: copyRecord(made) } : { sha256: hash };
  }
  const data = {
    version: 1,
    fichiers,
    ...(Object.keys(generation).length > 0 ? { generation } : {}),
    ...(Object.keys(enCours).length > 0 ? { en_cours: enCours } : {}),
    ...(manifest.demande ? { demande: { cle: manifest.demande.cle, fichiers: [...manifest.demande.fichiers] } } : {}),
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}

const isRecord = (r: unknown): r is GenerationRecord =>
  typeof (r as GenerationRecord | null)?.cle === "string" &&
  Array.isArray((r as GenerationRecord).a_completer) &&
  (r as GenerationRecord).a_completer.every((l) => typeof l === "string");

/** A copy of a generation record with only its known fields (`cle_contenu` when it is a string). */
const copyRecord = ({ cle, a_completer, cle_contenu }: GenerationRecord): GenerationRecord => ({
  cle,
  a_completer: [...a_completer],
  ...(typeof cle_contenu === "string" ? { cle_contenu } : {}),
});

/**
 * Files a killed run was writing: one whose bytes hash to its pending entry was written, and is
 * recorded as such; for the others, the previous entry still holds.
 */
async function settlePending(dir: string, pending: unknown, manifest: Manifest): Promise<void> {
  if (typeof pending !== "object" || pending === null) return;
  for (const [key, entry] of Object.entries(pending as Record<string, unknown>)) {
    const hash = (entry as PendingWrite | null)?.sha256;
    if (typeof hash !== "string" || key.split("/").includes("..") || path.isAbsolute(key)) continue;
    const bytes = await readIfExists(path.join(dir, ...key.split("/"))).catch(() => undefined);
    if (bytes === undefined || sha256(bytes) !== hash) continue;
    manifest.fichiers[key] = hash;
    const made = (entry as PendingWrite).generation;
    if (isRecord(made)) manifest.generation![key] = copyRecord(made);
    else delete manifest.generation![key];
  }
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
  let pending: unknown;
  let demande: AskedFiles | undefined;
  try {
    const data = JSON.parse(text) as { fichiers?: unknown; generation?: unknown; en_cours?: unknown; demande?: Partial<AskedFiles> } | null;
    const asked = data?.demande;
    if (typeof asked?.cle === "string" && Array.isArray(asked.fichiers) && asked.fichiers.every((f) => typeof f === "string")) {
      demande = { cle: asked.cle, fichiers: asked.fichiers };
    }
    if (data && typeof data.fichiers === "object" && data.fichiers !== null) {
      for (const [k, v] of Object.entries(data.fichiers)) if (typeof v === "string") fichiers[k] = v;
    }
    if (data && typeof data.generation === "object" && data.generation !== null) {
      for (const [k, v] of Object.entries(data.generation as Record<string, unknown>)) {
        if (isRecord(v)) generation[k] = copyRecord(v);
      }
    }
    pending = data?.en_cours;
  } catch {
    // Not JSON: read as empty, so every existing document counts as not made by cpts.
  }
  const manifest: Manifest = { version: 1, fichiers, generation, ...(demande ? { demande } : {}) };
  await settlePending(dir, pending, manifest);
  return { manifest, found: true };
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
  const root = await realpath(dir).catch(() => undefined);
  if (root === undefined) return undefined;
  const { manifest, found } = await loadManifest(root);
  if (!found) return undefined;
  const files = await Promise.all(
    relPaths.map(async (relPath): Promise<UpToDateFile | undefined> => {
      const file = await recordedFile(root, manifest, relPath);
      if (file?.state !== "unchanged" || file.cle !== key) return undefined;
      return { relPath, absolutePath: file.absolutePath, sha256: file.sha256, a_completer: file.a_completer };
    }),
  );
  return files.every((f) => f !== undefined) ? files : undefined;
}

/** A file the manifest records, as it is on disk now. */
export interface RecordedFile {
  /** Path in the output folder (with `/`). */
  relPath: string;
  absolutePath: string;
  /** The hash recorded when it was written. */
  sha256: string;
  /** `unchanged` as written, `edited` since, or `absent` (removed). */
  state: "unchanged" | "edited" | "absent";
  /** The key of the inputs it was made from (`inputsKey`); absent for files written before keys were recorded. */
  cle?: string;
  a_completer: string[];
}

/** What the manifest records of `relPath`, checked against the file's bytes; undefined when not recorded. */
async function recordedFile(root: string, manifest: Manifest, relPath: string): Promise<RecordedFile | undefined> {
  const recorded = manifest.fichiers[relPath];
  if (recorded === undefined || relPath.split("/").includes("..") || path.isAbsolute(relPath)) return undefined;
  const generation = manifest.generation?.[relPath];
  const absolutePath = path.join(root, ...relPath.split("/"));
  const bytes = await readIfExists(absolutePath).catch(() => undefined);
  const state = bytes === undefined ? "absent" : sha256(bytes) === recorded ? "unchanged" : "edited";
  return { relPath, absolutePath, sha256: recorded, state, ...(generation ? { cle: generation.cle } : {}), a_completer: generation?.a_completer ?? [] };
}

/**
 * Every file the manifest of `dir` records, in path order, each with its state on disk and the
 * key it was made from. Empty when the folder or its manifest is missing. Reads nothing else.
 */
export async function recordedFiles(dir: string): Promise<RecordedFile[]> {
  const root = await realpath(dir).catch(() => undefined);
  if (root === undefined) return [];
  const { manifest } = await loadManifest(root);
  const files = await Promise.all(Object.keys(manifest.fichiers).sort().map((relPath) => recordedFile(root, manifest, relPath)));
  return files.filter((f): f is RecordedFile => f !== undefined);
}

/** A generated file that `keptFile` found as it was made from the same inputs. */
export interface KeptFile {
  bytes: Uint8Array;
  /** The placeholders recorded when it was generated. */
  a_completer: string[];
}

/**
 * The file `relPath` of `dir` as it is, when it was generated from inputs of key `contentKey`
 * (`cle_contenu` in the manifest) and has not changed since: its bytes hash to the recorded
 * hash. The caller can then write these bytes again instead of making them anew. Undefined when
 * the manifest, the record or the file is missing, or the file was edited.
 */
export async function keptFile(dir: string, relPath: string, contentKey: string): Promise<KeptFile | undefined> {
  const root = await realpath(dir).catch(() => undefined);
  if (root === undefined) return undefined;
  const { manifest } = await loadManifest(root);
  const recorded = manifest.fichiers[relPath];
  const generation = manifest.generation?.[relPath];
  if (recorded === undefined || generation?.cle_contenu !== contentKey) return undefined;
  const bytes = await readIfExists(path.join(root, ...relPath.split("/"))).catch(() => undefined);
  if (bytes === undefined || sha256(bytes) !== recorded) return undefined;
  return { bytes, a_completer: generation.a_completer };
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

/** A run stopped by a signal between two steps of its writes; what was written is recorded. */
export class WriteInterrupted extends Error {
  override readonly name = "WriteInterrupted";
  constructor(readonly signal: NodeJS.Signals) {
    super(`écriture interrompue (${signal})`);
  }
}

/** Temporary files this process is writing: a second signal removes them before the process ends. */
const inFlight = new Set<string>();
/** The signal received while files were being written, if any. */
let interruptedBy: NodeJS.Signals | undefined;
let forceExit: NodeJS.Timeout | undefined;

function checkInterrupted(): void {
  if (interruptedBy) throw new WriteInterrupted(interruptedBy);
}
/** `.statuts.docx.<pid>-<12 hex>.tmp`: the pid says whose, the random part makes it unguessable. */
const TEMPORARY = /^\..+\.(\d+)-[0-9a-f]{12}\.tmp$/;

/**
 * Writes `bytes` to `file` atomically: a temporary file beside it, flushed, then renamed. Throws
 * `WriteInterrupted` instead, its temporary file removed, once a signal asked to stop (unless
 * `evenIfInterrupted`: the manifest's last word).
 */
export async function writeAtomic(file: string, bytes: Uint8Array | string, { evenIfInterrupted = false } = {}): Promise<void> {
  const check = evenIfInterrupted ? () => undefined : checkInterrupted;
  check();
  await mkdir(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${randomBytes(6).toString("hex")}.tmp`);
  inFlight.add(temp);
  try {
    const handle = await open(temp, "wx");
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    check();
    await rename(temp, file);
  } catch (error) {
    // A full disk, a folder in the way: nothing half-written stays behind.
    await rm(temp, { force: true });
    throw error;
  } finally {
    inFlight.delete(temp);
  }
}

/** Removes the temporary files of runs that were killed (their process is gone) in `dirs`. */
async function removeOrphanTemporaries(dirs: Iterable<string>): Promise<void> {
  for (const dir of dirs) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      const pid = Number(TEMPORARY.exec(name)?.[1]);
      if (!Number.isInteger(pid) || pid === process.pid || isAlive(pid)) continue;
      const file = path.join(dir, name);
      if ((await lstat(file).catch(() => undefined))?.isFile()) await unlink(file).catch(() => undefined);
    }
  }
}

/**
 * Ctrl-C or a termination request while files are written. The first asks the run to stop at its
 * next step (a file being created by the system at this very moment could not be removed from
 * here). A second one, or a run that has not stopped 3 s later, removes what it can and lets the
 * signal end the process; the manifest needs nothing, it already tells which files are written.
 */
function onSignal(signal: NodeJS.Signals): void {
  if (!interruptedBy) {
    interruptedBy = signal;
    forceExit = setTimeout(() => onSignal(signal), 3000);
    forceExit.unref();
    return;
  }
  for (const temp of inFlight) {
    try {
      unlinkSync(temp);
    } catch {
      // renamed or never created
    }
  }
  inFlight.clear();
  releaseLocksSync();
  watching = 1; // however many writes are under way: the process ends
  stopWatchingSignals();
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

const SIGNALS: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];
let watching = 0;
function watchSignals(): void {
  if (watching++ === 0) for (const signal of SIGNALS) process.on(signal, onSignal);
}
function stopWatchingSignals(): void {
  if (--watching > 0) return;
  watching = 0;
  for (const signal of SIGNALS) process.removeListener(signal, onSignal);
  clearTimeout(forceExit);
  interruptedBy = undefined;
}

/**
 * `statuts.docx` → `statuts.nouveau.docx`, then `statuts.nouveau-2.docx`… for the `n`-th place
 * beside it; `a/b.md` → `a/b.nouveau.md`.
 */
export function besidePath(relPath: string, n = 1): string {
  const ext = path.posix.extname(relPath);
  return `${relPath.slice(0, relPath.length - ext.length)}.nouveau${n > 1 ? `-${n}` : ""}${ext}`;
}

/** Places beside a protected file tried before giving up. */
const MAX_BESIDE = 20;

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

/** What `writeGeneratedFiles` may be told. */
export interface WriteOptions {
  /** Replace files edited by hand instead of writing beside them. */
  force?: boolean;
  /** Called once when another run holds the folder for more than a second, with who holds it. */
  onWait?: (holder: string) => void;
  /** The files the caller chose from the project's inputs, recorded for `askedFiles`. */
  demande?: AskedFiles;
}

/** A file to write, where, and what its manifest entry will be. */
interface PlannedWrite {
  key: string;
  absolute: string;
  bytes: Uint8Array | string;
  hash: string;
  made?: GenerationRecord;
}

/**
 * The first place beside `key` that is free or holds a file cpts wrote and nobody touched since
 * (or the same bytes); the protected places passed on the way are returned too.
 */
async function besideTarget(dir: string, key: string, hash: string, manifest: Manifest, taken: ReadonlySet<string>) {
  const kept: string[] = [];
  for (let n = 1; n <= MAX_BESIDE; n++) {
    const target = await safeTarget(dir, besidePath(key, n));
    if (taken.has(target.key)) continue;
    const existing = await readIfExists(target.absolute);
    const state = stateOf(existing, manifest.fichiers[target.key]);
    if (state === "absent" || state === "unchanged" || (existing !== undefined && sha256(existing) === hash)) return { target, kept };
    kept.push(target.key);
  }
  throw new UnsafePathError(key, `${MAX_BESIDE} versions à côté de ce fichier sont déjà modifiées à la main ou étrangères à cpts ; faites le tri`);
}

function besideMessage(key: string, previous: FileState, written: string, kept: readonly string[]): string {
  const why = previous === "edited" ? "a été modifié à la main depuis la dernière génération" : "n’a pas été créé par cpts";
  const others = kept.length ? ` ; ${kept.join(", ")} ${kept.length > 1 ? "sont aussi conservés" : "est aussi conservé"} (modifié à la main ou étranger à cpts)` : "";
  return `${key} ${why} : il est conservé et la nouvelle version est écrite dans ${written}${others} (--forcer pour le remplacer).`;
}

/**
 * Writes generated files into `dir` and records their hashes in the manifest, as
 * `writeGenerated` does for one, holding the folder's lock. A file written only because the
 * bytes changed; the manifest updated before the writes (what is about to be written), after
 * each one, or once when nothing is written and it changed. A regeneration that changes nothing
 * writes nothing.
 */
export async function writeGeneratedFiles(dir: string, files: readonly GeneratedContent[], { force = false, onWait, demande }: WriteOptions = {}): Promise<WriteResult[]> {
  await mkdir(dir, { recursive: true });
  const root = await realpath(dir);
  watchSignals();
  try {
    const lockPath = path.join(root, LOCK_NAME);
    const protocol: LockProtocol = {
      waitMs: LOCK_WAIT_MS,
      staleMs: LOCK_STALE_MS,
      onWait: (holder) => onWait?.(describeHolder(holder)),
      timeout: (holder) => new FolderLockTimeout(lockPath, describeHolder(holder)),
      stop: checkInterrupted,
      releaseOnExit: true,
    };
    return await holdLock(lockPath, protocol, () => writeLocked(root, files, force, demande));
  } finally {
    stopWatchingSignals();
  }
}

async function writeLocked(root: string, files: readonly GeneratedContent[], force: boolean, demande: AskedFiles | undefined): Promise<WriteResult[]> {
  const targets = await Promise.all(files.map((f) => safeTarget(root, f.relPath)));
  await removeOrphanTemporaries(new Set([root, ...targets.map((t) => path.dirname(t.absolute))]));
  const { manifest, found } = await loadManifest(root);
  const before = serializeManifest(manifest);
  if (demande) manifest.demande = { cle: demande.cle, fichiers: [...demande.fichiers] };
  const generation = (manifest.generation ??= {});
  const results: WriteResult[] = [];
  const writes: PlannedWrite[] = [];
  const taken = new Set(targets.map((t) => t.key));
  for (const [i, { bytes, generation: made }] of files.entries()) {
    const target = targets[i]!;
    const existing = await readIfExists(target.absolute);
    const previous = stateOf(existing, manifest.fichiers[target.key]);
    const hash = sha256(bytes);
    const same = existing !== undefined && sha256(existing) === hash;

    if ((previous === "edited" || previous === "untracked") && !force && !same) {
      const { target: other, kept } = await besideTarget(root, target.key, hash, manifest, taken);
      taken.add(other.key);
      writes.push({ key: other.key, absolute: other.absolute, bytes, hash });
      // The file in place is the user's now: nothing recorded says it is up to date.
      delete generation[target.key];
      results.push({ written: other.key, absolutePath: other.absolute, previous, outcome: "beside", sha256: hash, message: besideMessage(target.key, previous, other.key, kept) });
      continue;
    }
    if (same) {
      manifest.fichiers[target.key] = hash;
      if (made) generation[target.key] = copyRecord(made);
      else delete generation[target.key];
    } else writes.push({ key: target.key, absolute: target.absolute, bytes, hash, ...(made ? { made } : {}) });
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
  if (writes.length) await writeRecorded(root, manifest, writes);
  else if (serializeManifest(manifest) !== before || !found) await writeAtomic(path.join(root, MANIFEST_NAME), serializeManifest(manifest));
  return results;
}

/** Writes the files one by one, the manifest saying before and after each what is on disk. */
async function writeRecorded(root: string, manifest: Manifest, writes: readonly PlannedWrite[]): Promise<void> {
  const manifestPath = path.join(root, MANIFEST_NAME);
  const generation = manifest.generation!;
  const pending: Record<string, PendingWrite> = (manifest.en_cours = {});
  for (const w of writes) pending[w.key] = { sha256: w.hash, ...(w.made ? { generation: w.made } : {}) };
  await writeAtomic(manifestPath, serializeManifest(manifest));
  try {
    for (const w of writes) {
      await writeAtomic(w.absolute, w.bytes);
      manifest.fichiers[w.key] = w.hash;
      if (w.made) generation[w.key] = copyRecord(w.made);
      else delete generation[w.key];
      delete pending[w.key];
      await writeAtomic(manifestPath, serializeManifest(manifest));
    }
  } catch (error) {
    // What could not be written is not pending any more: the manifest says what is on disk.
    delete manifest.en_cours;
    await writeAtomic(manifestPath, serializeManifest(manifest), { evenIfInterrupted: true }).catch(() => undefined);
    throw error;
  }
  delete manifest.en_cours;
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

/**
 * Where the built territory index lives and how it is read and written: the catalogue at the
 * path given to the build (`dist/territory/index.json`) and, in a folder beside it, the parts
 * (`dist/territory/index-parts/24.json`, …) and the name file (`index-parts/names.json`).
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
import type { IndexCatalogue, IndexNames, IndexPart } from "./index-format.js";
import type { SplitIndex } from "./split-index.js";

/** Folder of the parts of the catalogue `indexFile`: `index.json` → `index-parts`. */
export function partsDirOf(indexFile: string): string {
  return join(dirname(indexFile), `${basename(indexFile, ".json")}-parts`);
}

export function partFileOf(indexFile: string, key: string): string {
  return join(partsDirOf(indexFile), `${key}.json`);
}

/** File name of the name file in the parts folder (no part key is « names »). */
export const NAME_FILE = "names.json";

/**
 * JSON text with every character beyond ASCII escaped (« é » as `\u00e9`). Node then reads the
 * file into a string half the size of a text with accents (one byte per character): less for
 * the young heap's collections to go through when many parts are read.
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Parsed JSON of `file`; null when it is missing or unreadable (the caller falls back). */
function readJson<T>(file: string): T | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return null;
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

/** The catalogue as stored; its format and source are the caller's to check. */
export function readCatalogue(indexFile: string): IndexCatalogue | null {
  return readJson<IndexCatalogue>(indexFile);
}

/**
 * Part `key` of the folder `partsDir` (see {@link partsDirOf}) as stored; whether it belongs to
 * the catalogue is the caller's to check.
 */
export function readPart(partsDir: string, key: string): IndexPart | null {
  // Concatenated, not joined: path.join, run cold for each of a hundred parts, cost milliseconds.
  return readJson<IndexPart>(`${partsDir}${sep}${key}.json`);
}

/** The name file of the folder `partsDir`, as stored; whether it belongs to the catalogue is the caller's to check. */
export function readNames(partsDir: string): IndexNames | null {
  return readJson<IndexNames>(`${partsDir}${sep}${NAME_FILE}`);
}

/**
 * Writes the parts and the name file, then the catalogue. The parts folder is replaced as a whole (parts of an
 * older build never linger beside the new ones) and the catalogue last, by renaming: a reader
 * never sees a half-written file, and one that starts in between finds parts whose stamp is not
 * its catalogue's and does not use them.
 */
export function writeIndexFiles(outFile: string, split: SplitIndex, names: IndexNames): void {
  const target = resolve(outFile);
  const dir = partsDirOf(target);
  mkdirSync(dirname(target), { recursive: true });
  const fresh = `${dir}.${process.pid}.tmp`;
  const previous = `${dir}.${process.pid}.old`;
  rmSync(fresh, { recursive: true, force: true });
  mkdirSync(fresh);
  for (const part of split.parts) writeFileSync(join(fresh, `${part.key}.json`), asciiJson(part));
  writeFileSync(join(fresh, NAME_FILE), asciiJson(names));
  rmSync(previous, { recursive: true, force: true });
  try {
    renameSync(dir, previous);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  renameSync(fresh, dir);
  rmSync(previous, { recursive: true, force: true });
  const tmp = `${target}.${process.pid}.tmp`;
  writeFileSync(tmp, asciiJson(split.catalogue));
  renameSync(tmp, target);
}

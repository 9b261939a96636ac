/**
 * Figures drawn once: a chart or a map whose inputs did not change is not drawn again, neither by
 * the next project of a batch nor by the next run. Drawing is what costs (Vega, Vega-Lite and resvg
 * take about 0.4 s to load, then 70–350 ms per chart and more for a map); reading a PNG back costs
 * a file read and a hash.
 *
 * The key of a figure is made of what its bytes depend on: what the caller draws (a Vega-Lite
 * specification with its data, a map's areas and names), the raster scale, the versions of vega,
 * vega-lite, @resvg/resvg-js and the chart font, the platform (resvg is a native binary per
 * platform), and the parts the caller adds (`salt`: the tool's own identity, so that a rebuilt
 * tool draws again). Same key, same bytes: a figure taken from the cache is byte for byte the one a
 * new drawing gives.
 *
 * Two levels:
 * - in memory, for one process: a batch of projects with identical figures (reference series,
 *   copies of a project) draws each once. Bounded by `memoryBytes`, least recently used first out,
 *   so that a batch of projects with different figures does not keep every PNG;
 * - on disk, in the folder given to `folder()`: `<key>.png` (the image, exactly as drawn) and
 *   `<key>.json` (its sizes, its SHA-256 and what the drawing returned besides the image). The
 *   JSON is written after the PNG and is what makes an entry: an entry is used only when the PNG
 *   has the PNG signature, the pixel size written in its IHDR chunk, the length and the SHA-256
 *   the JSON records, and when the JSON names the same key. Anything else (a torn write, a file
 *   edited or copied from another entry, a JSON from another version) is ignored and the figure
 *   drawn again, its entry rewritten.
 *
 * Files are written as the manifest's are: a temporary file in the same folder, then a rename,
 * so an entry is whole or absent; they are not flushed to the disk one by one (a cache file lost
 * in a crash is detected by its hash and drawn again, and 24 flushes per project would cost more
 * than the figures they save). Entries are readable by their owner only (files 600, folder 700),
 * like the project's side files: figures may show the project's own figures. A folder that is a
 * symbolic link is not used. A folder that cannot be written leaves the figures drawn, not cached.
 *
 * The folder keeps the entries of the last runs: after each project, those the project did not
 * use are removed, oldest first, beyond `MAX_ENTRIES` (an entry read again is made recent).
 */
import { createHash, randomBytes } from "node:crypto";
import { constants as fsConstants, readFileSync } from "node:fs";
import { lstat, mkdir, open, readdir, rename, rm, stat, utimes } from "node:fs/promises";
import { createRequire } from "node:module";
import * as path from "node:path";
import { isAlive } from "../project/index.js";
import { inputsKey } from "./manifest.js";

/** The folder of the cached figures, in the output folder beside the manifest (see generer). */
export const FIGURE_CACHE_FOLDER = ".cpts-figures";

/** Names the parts of a key and the format of an entry: change it when either changes. */
const KEY_FORMAT = "cpts figure, clé 1";

/** Entries a folder keeps beyond those of the last project: a few generations of a large project. */
export const MAX_ENTRIES = 100;

/**
 * PNG bytes kept in memory by default: about a hundred charts. Within a project each figure is
 * asked for once (src/cli/figures.ts); across projects only identical figures are found again, so
 * a larger budget would mostly hold images no other project shows, at the cost of the batch's memory.
 */
const MEMORY_BYTES = 16 * 1024 * 1024;

/** The packages whose code draws the figures: their versions are part of every key. */
const RENDERER_PACKAGES = ["vega", "vega-lite", "@resvg/resvg-js", "@expo-google-fonts/source-sans-3"] as const;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** An image as drawn: its PNG and its sizes. */
export interface DrawnImage {
  png: Uint8Array;
  /** Size to display the image at, in CSS px (96 per inch). */
  width: number;
  height: number;
  /** Size of the PNG in pixels. */
  pixelWidth: number;
  pixelHeight: number;
}

/** An image and what its drawing said besides (a map's placed names, its scale): plain JSON. */
export interface CachedImage<T extends Json = Json> extends DrawnImage {
  data: T;
}

/** Where one project's figures are looked for and kept. */
export interface FigureStore {
  /**
   * The image of `kind` drawn from `input` (a text that says all the drawing depends on, such as
   * a specification's JSON), from the cache when there, else drawn by `draw` and kept. `isData`
   * checks what an entry read from disk says besides the image (an entry failing it is drawn again).
   */
  image<T extends Json>(kind: string, input: string, draw: () => Promise<CachedImage<T>>, isData?: (data: Json) => data is T): Promise<CachedImage<T>>;
  /** Removes the old entries of the folder beyond `MAX_ENTRIES`; none used by this store. */
  prune(): Promise<void>;
}

export interface FigureCacheOptions {
  /** Parts of every key besides the drawing's input: what else the images depend on. */
  salt?: readonly (string | Uint8Array)[];
  /** PNG bytes kept in memory at most (16 MiB by default). */
  memoryBytes?: number;
}

interface Remembered {
  image: Promise<CachedImage>;
  bytes: number;
}

/** The figures of one process: in memory, and on disk in the folders given to `folder()`. */
export class FigureCache {
  readonly #salt: readonly (string | Uint8Array)[];
  readonly #memoryBytes: number;
  readonly #memory = new Map<string, Remembered>();
  #held = 0;
  #versions: string[] | undefined;

  constructor({ salt = [], memoryBytes = MEMORY_BYTES }: FigureCacheOptions = {}) {
    this.#salt = salt;
    this.#memoryBytes = memoryBytes;
  }

  /** The key of a figure of `kind` drawn from `input`. */
  key(kind: string, input: string): string {
    return inputsKey([KEY_FORMAT, `${process.platform} ${process.arch}`, ...this.renderer(), ...this.#salt, kind, input]);
  }

  /** What draws the figures, part of every key: « vega 6.4.0 », … (read once). */
  renderer(): readonly string[] {
    this.#versions ??= RENDERER_PACKAGES.map((name) => `${name} ${packageVersion(name)}`);
    return this.#versions;
  }

  /** A store that keeps its entries in `dir` (created when first written), or in memory only. */
  folder(dir: string | undefined): FigureStore {
    return new Store(this, dir);
  }

  /** The image of `key`, remembered or from `find` (which is then remembered). */
  remembered(key: string, find: () => Promise<CachedImage>): Promise<CachedImage> {
    const known = this.#memory.get(key);
    if (known) {
      // Most recently used last, so that the oldest go first.
      this.#memory.delete(key);
      this.#memory.set(key, known);
      return known.image;
    }
    const entry: Remembered = { image: find(), bytes: 0 };
    this.#memory.set(key, entry);
    entry.image.then(
      (image) => {
        if (this.#memory.get(key) !== entry) return;
        entry.bytes = image.png.byteLength;
        this.#held += entry.bytes;
        this.#evict();
      },
      () => {
        if (this.#memory.get(key) === entry) this.#memory.delete(key);
      },
    );
    return entry.image;
  }

  #evict(): void {
    for (const [key, entry] of this.#memory) {
      if (this.#held <= this.#memoryBytes) break;
      if (entry.bytes === 0) continue; // still being drawn
      this.#memory.delete(key);
      this.#held -= entry.bytes;
    }
  }
}

class Store implements FigureStore {
  readonly #used = new Set<string>();
  /** Keys whose entry this store read from its folder or wrote there. */
  readonly #present = new Set<string>();
  #usable: Promise<boolean> | undefined;
  #made: Promise<boolean> | undefined;

  constructor(
    readonly cache: FigureCache,
    readonly dir: string | undefined,
  ) {}

  async image<T extends Json>(kind: string, input: string, draw: () => Promise<CachedImage<T>>, isData?: (data: Json) => data is T): Promise<CachedImage<T>> {
    const key = this.cache.key(kind, input);
    this.#used.add(key);
    const image = await this.cache.remembered(key, async () => {
      let read = await this.#read(key);
      if (read && isData && !isData(read.data)) read = undefined;
      if (read) this.#present.add(key);
      return read ?? (await draw());
    });
    // Drawn, or remembered from another project's folder: this folder keeps it too.
    if (!this.#present.has(key)) {
      this.#present.add(key);
      await this.#write(key, image);
    }
    return image as CachedImage<T>;
  }

  /** Whether the folder can hold entries: absent (created on first write) or a real folder. */
  #folderUsable(): Promise<boolean> {
    this.#usable ??= this.dir === undefined ? Promise.resolve(false) : lstat(this.dir).then((s) => s.isDirectory(), (error: NodeJS.ErrnoException) => error.code === "ENOENT");
    return this.#usable;
  }

  async #read(key: string): Promise<CachedImage | undefined> {
    if (!(await this.#folderUsable())) return undefined;
    const record = await readNoFollow(path.join(this.dir!, `${key}.json`));
    if (!record) return undefined;
    let entry: EntryRecord;
    try {
      entry = JSON.parse(Buffer.from(record).toString("utf8")) as EntryRecord;
    } catch {
      return undefined;
    }
    if (!isEntryRecord(entry, key)) return undefined;
    const png = await readNoFollow(path.join(this.dir!, `${key}.png`));
    if (!png || !pngMatches(png, entry)) return undefined;
    // Recently used: the last entry pruning would remove.
    await utimes(path.join(this.dir!, `${key}.json`), new Date(), new Date()).catch(() => undefined);
    return { png, width: entry.affichage.largeur, height: entry.affichage.hauteur, pixelWidth: entry.png.largeur, pixelHeight: entry.png.hauteur, data: entry.donnees };
  }

  async #write(key: string, image: CachedImage): Promise<void> {
    if (!(await this.#folderUsable())) return;
    const entry: EntryRecord = {
      format: KEY_FORMAT,
      cle: key,
      // Said for whoever looks at the folder; the key already holds them.
      dessin: [`${process.platform} ${process.arch}`, ...this.cache.renderer()],
      png: { octets: image.png.byteLength, sha256: createHash("sha256").update(image.png).digest("hex"), largeur: image.pixelWidth, hauteur: image.pixelHeight },
      affichage: { largeur: image.width, hauteur: image.height },
      donnees: image.data,
    };
    try {
      if (!(await (this.#made ??= this.#makeFolder()))) return;
      // The PNG first: the JSON, written last, is what makes the entry.
      await writeWhole(path.join(this.dir!, `${key}.png`), image.png);
      await writeWhole(path.join(this.dir!, `${key}.json`), `${JSON.stringify(entry, null, 2)}\n`);
    } catch {
      // A folder that cannot be written (read-only, full disk): the figure was drawn, it is only not kept.
    }
  }

  /** Creates the folder if needed; false when it is not a real folder once there. */
  async #makeFolder(): Promise<boolean> {
    const dir = this.dir!;
    // Only the cache's own folder is 700: the folders above it are the user's (documents/…).
    await mkdir(path.dirname(dir), { recursive: true });
    await mkdir(dir, { mode: 0o700 }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "EEXIST") throw error;
    });
    // Something else may have been put there since it was first looked at.
    return (await lstat(dir)).isDirectory();
  }

  async prune(): Promise<void> {
    if (this.#used.size === 0 || !(await this.#folderUsable())) return;
    const dir = this.dir!;
    const names = await readdir(dir).catch(() => [] as string[]);
    const entries = new Map<string, string[]>();
    for (const name of names) {
      const temporary = TEMPORARY.exec(name);
      if (temporary) {
        const pid = Number(temporary[1]);
        if (pid !== process.pid && !isAlive(pid)) await rm(path.join(dir, name), { force: true });
        continue;
      }
      const entry = ENTRY_FILE.exec(name);
      if (entry) entries.set(entry[1]!, [...(entries.get(entry[1]!) ?? []), name]);
    }
    if (entries.size <= MAX_ENTRIES) return;
    const others = [...entries.keys()].filter((key) => !this.#used.has(key));
    const times = await Promise.all(others.map(async (key) => ({ key, time: (await stat(path.join(dir, entries.get(key)!.sort()[0]!)).catch(() => undefined))?.mtimeMs ?? 0 })));
    times.sort((a, b) => a.time - b.time || (a.key < b.key ? -1 : 1));
    for (const { key } of times.slice(0, entries.size - MAX_ENTRIES)) {
      for (const name of entries.get(key)!) await rm(path.join(dir, name), { force: true });
    }
  }
}

/** The JSON beside a cached PNG. */
interface EntryRecord {
  format: string;
  cle: string;
  dessin: string[];
  png: { octets: number; sha256: string; largeur: number; hauteur: number };
  affichage: { largeur: number; hauteur: number };
  donnees: Json;
}

const ENTRY_FILE = /^([0-9a-f]{64})\.(?:png|json)$/;
/** `.<key>.png.<pid>-<12 hex>.tmp`, as the manifest names its temporary files. */
const TEMPORARY = /^\.[0-9a-f]{64}\.(?:png|json)\.(\d+)-[0-9a-f]{12}\.tmp$/;

const isSize = (n: unknown): n is number => typeof n === "number" && Number.isFinite(n) && n > 0;

function isEntryRecord(entry: unknown, key: string): entry is EntryRecord {
  const e = entry as Partial<EntryRecord> | null;
  return (
    typeof e === "object" &&
    e !== null &&
    e.format === KEY_FORMAT &&
    e.cle === key &&
    Number.isInteger(e.png?.octets) &&
    typeof e.png?.sha256 === "string" &&
    Number.isInteger(e.png.largeur) &&
    Number.isInteger(e.png.hauteur) &&
    isSize(e.affichage?.largeur) &&
    isSize(e.affichage?.hauteur) &&
    "donnees" in e
  );
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The PNG signature, an IHDR chunk first with the recorded pixel size, the recorded length and SHA-256. */
function pngMatches(png: Uint8Array, entry: EntryRecord): boolean {
  if (png.byteLength !== entry.png.octets || png.byteLength < 33) return false;
  if (PNG_SIGNATURE.some((byte, i) => png[i] !== byte)) return false;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  if (view.getUint32(8) !== 13 || Buffer.from(png.subarray(12, 16)).toString("latin1") !== "IHDR") return false;
  if (view.getUint32(16) !== entry.png.largeur || view.getUint32(20) !== entry.png.hauteur) return false;
  return createHash("sha256").update(png).digest("hex") === entry.png.sha256;
}

/** The bytes of `file`, not through a symbolic link; undefined when it cannot be read. */
async function readNoFollow(file: string): Promise<Uint8Array | undefined> {
  let handle;
  try {
    handle = await open(file, fsConstants.O_RDONLY | fsConstants.O_NOFOLLOW);
    return new Uint8Array(await handle.readFile());
  } catch {
    return undefined;
  } finally {
    await handle?.close();
  }
}

/** `bytes` into `file` whole or not at all: a temporary file (mode 600) in the same folder, then a rename. */
async function writeWhole(file: string, bytes: Uint8Array | string): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${randomBytes(6).toString("hex")}.tmp`);
  try {
    const handle = await open(temporary, "wx", 0o600);
    try {
      await handle.writeFile(bytes);
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

const require = createRequire(import.meta.url);

/**
 * The version of an installed package, from its package.json, read as a file (requiring it
 * would count as loading the package): found where the package resolves it, else above its
 * entry point (vega and vega-lite do not export their package.json). "?" when absent.
 */
function packageVersion(name: string): string {
  const versionIn = (file: string): string | undefined => {
    try {
      const json = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
      return json.name === name ? json.version : undefined;
    } catch {
      return undefined;
    }
  };
  try {
    return versionIn(require.resolve(`${name}/package.json`)) ?? "?";
  } catch {
    // not exported: look above the entry point
  }
  try {
    for (let dir = path.dirname(require.resolve(name)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      const version = versionIn(path.join(dir, "package.json"));
      if (version) return version;
    }
  } catch {
    // not installed
  }
  return "?";
}

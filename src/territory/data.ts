/**
 * Runtime access to the territory data. Nothing is read when this module is imported: the
 * first call to {@link getTerritoryData} reads the catalogue of the index built beside this
 * module (`dist/territory/index.json`: régions, départements, EPCI) and then each part
 * (`index-parts/24.json`: the communes whose code starts with 24) the first time one of its
 * entries is asked for, so a command about one département reads one part; name lookups and
 * the search first read the name file (`index-parts/names.json`: every name key). When there is
 * no built index (running from `src/` under vitest) or it was built from another version of the
 * package, the same catalogue and parts are built in memory from `@etalab/decoupage-administratif`.
 * Commune objects are created only when asked for.
 */
import { fileURLToPath } from "node:url";
import { partsDirOf, readCatalogue, readNames, readPart } from "./index-files.js";
import {
  CODE_WIDTH,
  INDEX_FORMAT,
  SEPARATOR,
  SIREN_WIDTH,
  findCode,
  lowerBound,
  partKey,
  type IndexCatalogue,
  type IndexNames,
  type IndexPart,
} from "./index-format.js";
import { PartView } from "./index-part.js";
import { buildNameFile } from "./name-file.js";
import { buildIndex, findPackageDir, installedPackageVersion, type IndexSource } from "./package-index.js";
import { splitIndex, type SplitIndex } from "./split-index.js";
import { displayName } from "./text.js";

export type CommuneKind = "commune" | "deleguee" | "associee" | "arrondissement";

export interface Region {
  code: string;
  name: string;
}

export interface Department {
  code: string;
  name: string;
  region: Region;
}

export interface Commune {
  /** Position in the data (stable for one loaded data set). */
  index: number;
  /** INSEE code (5 characters, `2A`/`2B` in Corsica). */
  code: string;
  /** Official name, with a typographic apostrophe. */
  name: string;
  /**
   * `commune` for a commune actuelle, `arrondissement` for an arrondissement municipal of
   * Paris, Lyon or Marseille, `deleguee`/`associee` for a former commune merged into another.
   */
  kind: CommuneKind;
  department: Department;
  /** Population municipale; null for déléguées, associées and the few uninhabited communes. */
  population: number | null;
  /** Commune actuelle of a déléguée or associée, whole commune of an arrondissement; else null. */
  parent: Commune | null;
  readonly postalCodes: readonly string[];
}

export interface Epci {
  /** SIREN (9 digits). */
  code: string;
  name: string;
  /** CC, CA, CU, METRO, MET69 (Métropole de Lyon) or EPT. */
  type: string;
  /** Indexes of the member communes (see {@link TerritoryData.communeAt}), read on first access. */
  readonly memberIndexes: readonly number[];
  /** Member communes (created on first access). */
  readonly members: readonly Commune[];
}

/** Kind of an entry by the character code of its letter in the index (see IndexPart.communes.kinds). */
const KIND_BY_CHAR: CommuneKind[] = [];
KIND_BY_CHAR["c".charCodeAt(0)] = "commune";
KIND_BY_CHAR["d".charCodeAt(0)] = "deleguee";
KIND_BY_CHAR["a".charCodeAt(0)] = "associee";
KIND_BY_CHAR["m".charCodeAt(0)] = "arrondissement";
const CURRENT = "c".charCodeAt(0);

/** Gives part `p` of the catalogue (read from disk or taken from memory). */
export type PartLoader = (p: number) => IndexPart;

/** Gives the name file of the catalogue's build, or null to have it computed from the data. */
export type NamesLoader = () => IndexNames | null;

/** The loaded territory data. Lookups are cheap; whole lists are built on first access. */
export class TerritoryData {
  readonly source: IndexSource;
  /** `index` when read from a built index, `package` when built in memory. */
  readonly origin: "index" | "package";
  readonly regions: ReadonlyMap<string, Region>;
  readonly departments: ReadonlyMap<string, Department>;
  /** Number of entries (communes actuelles, déléguées, associées, arrondissements). */
  readonly size: number;

  private readonly catalogue: IndexCatalogue;
  private readonly loadPart: PartLoader;
  private readonly loadNames: NamesLoader;
  private names: IndexNames | undefined;
  private readonly parts: (PartView | undefined)[];
  private readonly partByKey: Map<string, number>;
  private readonly loaded: string[] = [];
  /** Part of each entry. */
  private readonly partIndex: Uint16Array;
  // Columns of every entry, filled part by part as the parts load: a scan over the whole of
  // France (name search) then reads plain arrays, as fast as it did from one index file. The
  // kind column holds the character code of the entry's letter, 0 until its part is loaded.
  private readonly kinds: Uint8Array;
  private readonly depIndexes: Uint16Array;
  private readonly populations: Int32Array;
  /** Names of each part, split on first use (copying them into one column would cost more than it saves). */
  private readonly partNames: (string[] | undefined)[];
  private readonly departmentList: Department[];
  private readonly departmentIndex: Map<string, number>;
  private readonly cache: (Commune | undefined)[];
  private readonly epciCache: (Epci | undefined)[];
  private epciNames: string[] | undefined;
  private epciTypes: string[] | undefined;
  private allEpcis: Epci[] | undefined;
  private allCommunes: Commune[] | undefined;

  constructor(catalogue: IndexCatalogue, loadPart: PartLoader, origin: "index" | "package", loadNames: NamesLoader = () => null) {
    this.catalogue = catalogue;
    this.loadPart = loadPart;
    this.loadNames = loadNames;
    this.source = catalogue.source;
    this.origin = origin;
    const regions = new Map<string, Region>();
    for (const [code, name] of catalogue.regions) regions.set(code, { code, name: displayName(name) });
    this.departmentList = catalogue.departements.map(([code, name, regionCode]) => {
      const region = regions.get(regionCode);
      if (!region) throw new Error(`Territory index: département ${code} has unknown région ${regionCode}`);
      return { code, name: displayName(name), region };
    });
    this.regions = regions;
    this.departments = new Map(this.departmentList.map((d) => [d.code, d]));
    this.departmentIndex = new Map(this.departmentList.map((d, k) => [d.code, k]));
    this.size = catalogue.count;
    this.kinds = new Uint8Array(this.size);
    this.depIndexes = new Uint16Array(this.size);
    this.populations = new Int32Array(this.size);
    this.partIndex = new Uint16Array(this.size);
    catalogue.parts.starts.forEach((start, p) => this.partIndex.fill(p, start, start + catalogue.parts.counts[p]!));
    this.partNames = new Array<string[] | undefined>(catalogue.parts.keys.length);
    this.cache = new Array<Commune | undefined>(this.size);
    this.parts = new Array<PartView | undefined>(catalogue.parts.keys.length);
    this.partByKey = new Map(catalogue.parts.keys.map((k, p) => [k, p]));
    this.epciCache = new Array<Epci | undefined>(catalogue.epci.count);
  }

  /**
   * Reads every part not read yet. For a scan over the whole of France (computing the name file
   * in memory, {@link communes}): reading them all before it was measured faster than one by one
   * as the scan reaches them, its own code then running uninterrupted.
   */
  loadAll(): void {
    for (let p = 0; p < this.parts.length; p++) this.part(p);
  }

  /**
   * Name keys and search figures of every place (see IndexNames), read from the built name file
   * on first call, or computed from every part when there is none.
   */
  nameFile(): IndexNames {
    this.names ??= this.loadNames() ?? buildNameFile(this, this.catalogue.stamp);
    return this.names;
  }

  /** Keys of the parts loaded so far, in the order they were loaded (each is loaded once). */
  get loadedParts(): readonly string[] {
    return this.loaded;
  }

  private part(p: number): PartView {
    let view = this.parts[p];
    if (!view) {
      const raw = this.loadPart(p);
      view = new PartView(raw);
      const { start } = view;
      const c = raw.communes;
      for (let j = 0; j < c.count; j++) this.kinds[start + j] = c.kinds.charCodeAt(j);
      this.depIndexes.set(c.dep, start);
      this.populations.set(c.pop, start);
      this.parts[p] = view;
      this.loaded.push(view.key);
    }
    return view;
  }

  /** The part holding codes with this key; undefined when no code has it. */
  private partWithKey(key: string): PartView | undefined {
    const p = this.partByKey.get(key);
    return p === undefined ? undefined : this.part(p);
  }

  /** The part holding entry `i`. */
  private partOf(i: number): PartView {
    return this.part(this.partIndex[i]!);
  }

  /** INSEE code of entry `i`. */
  codeAt(i: number): string {
    const part = this.partOf(i);
    return part.codeAt(i - part.start);
  }

  // The column readers load the entry's part when its kind is still 0.

  /** Official name of entry `i` (typographic apostrophe). */
  nameAt(i: number): string {
    const p = this.partIndex[i]!;
    if (this.kinds[i] === 0) this.part(p);
    const names = (this.partNames[p] ??= this.parts[p]!.splitNames());
    return displayName(names[i - this.catalogue.parts.starts[p]!]!);
  }

  kindAt(i: number): CommuneKind {
    if (this.kinds[i] === 0) this.partOf(i);
    return KIND_BY_CHAR[this.kinds[i]!]!;
  }

  populationAt(i: number): number | null {
    if (this.kinds[i] === 0) this.partOf(i);
    const pop = this.populations[i]!;
    return pop < 0 ? null : pop;
  }

  departmentAt(i: number): Department {
    if (this.kinds[i] === 0) this.partOf(i);
    return this.departmentList[this.depIndexes[i]!]!;
  }

  postalCodesAt(i: number): readonly string[] {
    const part = this.partOf(i);
    return part.postalCodesAt(i - part.start);
  }

  /** True when `code` is the postal code of at least one entry. */
  isPostalCode(code: string): boolean {
    return this.partWithKey(partKey(code))?.postalCodeParts(code) !== undefined;
  }

  /** Positions of the entries (of any kind) served by postal code `code`, in order. */
  indexesWithPostalCode(code: string): number[] {
    const out: number[] = [];
    for (const p of this.partWithKey(partKey(code))?.postalCodeParts(code) ?? []) {
      const part = this.part(p);
      for (let i = 0; i < part.count; i++) {
        if (part.postalCodesAt(i).includes(code)) out.push(part.start + i);
      }
    }
    return out;
  }

  /** Positions of the entries (of any kind) of a département, in order. */
  indexesOfDepartment(code: string): number[] {
    const d = this.departmentIndex.get(code);
    if (d === undefined) return [];
    const out: number[] = [];
    for (const p of this.catalogue.departements[d]![3]) {
      const { start, count } = this.part(p);
      for (let i = start; i < start + count; i++) {
        if (this.depIndexes[i] === d) out.push(i);
      }
    }
    return out;
  }

  /** Index of the commune actuelle of entry `i` (déléguée, associée, arrondissement); -1 otherwise. */
  parentIndexAt(i: number): number {
    const part = this.partOf(i);
    return this.kinds[i] === CURRENT ? -1 : part.parentAt(i - part.start);
  }

  /** Entry `i` as an object (created once, then reused). */
  communeAt(i: number): Commune {
    const hit = this.cache[i];
    if (hit) return hit;
    const p = this.parentIndexAt(i);
    let postalCodes: readonly string[] | undefined;
    const data = this;
    const commune: Commune = {
      index: i,
      code: this.codeAt(i),
      name: this.nameAt(i),
      kind: this.kindAt(i),
      department: this.departmentAt(i),
      population: this.populationAt(i),
      parent: p < 0 ? null : this.communeAt(p),
      // Read on demand: splitting the postal-code column costs more than everything else here.
      get postalCodes() {
        postalCodes ??= data.postalCodesAt(i);
        return postalCodes;
      },
    };
    this.cache[i] = commune;
    return commune;
  }

  /** Positions [start, end) of the entries whose INSEE code starts with `prefix`. */
  codeRange(prefix: string): [number, number] {
    // The parts that may hold such codes: a key that starts with the prefix (« 9 » → 971…) or
    // that the prefix starts with (« 241 » → 24). Their entries follow one another.
    let start = -1;
    let end = -1;
    this.catalogue.parts.keys.forEach((key, p) => {
      if (!key.startsWith(prefix) && !prefix.startsWith(key)) return;
      const part = this.part(p);
      let i = part.lowerBound(prefix);
      if (i >= part.count || !part.codeAt(i).startsWith(prefix)) return;
      if (start < 0) start = part.start + i;
      while (i < part.count && part.codeAt(i).startsWith(prefix)) i++;
      end = part.start + i;
    });
    return start < 0 ? [0, 0] : [start, end];
  }

  /** Positions [start, end) in {@link epcis} of the EPCI whose SIREN starts with `prefix`. */
  epciRange(prefix: string): [number, number] {
    const e = this.catalogue.epci;
    const start = lowerBound(e.codes, SIREN_WIDTH, e.count, prefix);
    let end = start;
    while (end < e.count && e.codes.slice(end * SIREN_WIDTH, end * SIREN_WIDTH + SIREN_WIDTH).startsWith(prefix)) end++;
    return [start, end];
  }

  /** Positions of the entries with this INSEE code (commune actuelle or arrondissement first). */
  indexesOf(code: string): number[] {
    const out: number[] = [];
    const part = code.length === CODE_WIDTH ? this.partWithKey(partKey(code)) : undefined;
    if (!part) return out;
    for (let i = part.lowerBound(code); i < part.count && part.codeAt(i) === code; i++) out.push(part.start + i);
    return out;
  }

  /** The commune actuelle or arrondissement municipal with this INSEE code. */
  commune(code: string): Commune | undefined {
    const first = this.indexesOf(code)[0];
    if (first === undefined) return undefined;
    const kind = this.kindAt(first);
    return kind === "commune" || kind === "arrondissement" ? this.communeAt(first) : undefined;
  }

  /** Communes déléguées and associées with this code (a chef-lieu shares its commune's code). */
  formerCommunes(code: string): Commune[] {
    return this.indexesOf(code)
      .filter((i) => {
        const kind = this.kindAt(i);
        return kind === "deleguee" || kind === "associee";
      })
      .map((i) => this.communeAt(i));
  }

  /** The commune actuelle that absorbed the commune whose former code is `code`. */
  absorbedBy(code: string): Commune | undefined {
    const part = code.length === CODE_WIDTH ? this.partWithKey(partKey(code)) : undefined;
    const i = part ? part.absorbedBy(code) : -1;
    return i < 0 ? undefined : this.communeAt(i);
  }

  /** EPCI number `k` (SIREN order), created on first access; its members are read when asked for. */
  private epciAt(k: number): Epci {
    const hit = this.epciCache[k];
    if (hit) return hit;
    const e = this.catalogue.epci;
    this.epciNames ??= e.names.split(SEPARATOR);
    this.epciTypes ??= e.types.split(SEPARATOR);
    const data = this;
    let memberIndexes: number[] | undefined;
    let members: Commune[] | undefined;
    const epci: Epci = {
      code: e.codes.slice(k * SIREN_WIDTH, k * SIREN_WIDTH + SIREN_WIDTH),
      name: displayName(this.epciNames[k]!),
      type: this.epciTypes[k]!,
      get memberIndexes() {
        memberIndexes ??= data.membersOf(k);
        return memberIndexes;
      },
      get members() {
        members ??= this.memberIndexes.map((m) => data.communeAt(m));
        return members;
      },
    };
    this.epciCache[k] = epci;
    return epci;
  }

  /** Entry numbers of the members of EPCI `k`, in the package's order, from the parts holding them. */
  private membersOf(k: number): number[] {
    const { partOffsets, parts: all } = this.catalogue.epci;
    const parts = all.slice(partOffsets[k]!, partOffsets[k + 1]!);
    if (parts.length === 1) return this.part(parts[0]!).epciMembers(k);
    const out: number[] = [];
    for (const p of parts) {
      const pairs = this.part(p).epciMembers(k);
      for (let j = 0; j < pairs.length; j += 2) out[pairs[j]!] = pairs[j + 1]!;
    }
    return out;
  }

  /** Every EPCI and EPT, sorted by SIREN. */
  get epcis(): readonly Epci[] {
    if (!this.allEpcis) {
      const all: Epci[] = [];
      for (let k = 0; k < this.catalogue.epci.count; k++) all.push(this.epciAt(k));
      this.allEpcis = all;
    }
    return this.allEpcis;
  }

  /** The EPCI or EPT with this SIREN. */
  epci(siren: string): Epci | undefined {
    const k = siren.length === SIREN_WIDTH ? findCode(this.catalogue.epci.codes, SIREN_WIDTH, siren) : -1;
    return k < 0 ? undefined : this.epciAt(k);
  }

  /** Every entry as objects (built on first access: about 37 600 objects, every part read). */
  get communes(): readonly Commune[] {
    if (!this.allCommunes) {
      this.loadAll();
      const all: Commune[] = new Array<Commune>(this.size);
      for (let i = 0; i < this.size; i++) all[i] = this.communeAt(i);
      this.allCommunes = all;
    }
    return this.allCommunes;
  }
}

/** Path of the index built by `npm run build`, beside this module. */
export function defaultIndexFile(): string {
  return fileURLToPath(new URL("./index.json", import.meta.url));
}

export interface LoadOptions {
  /** Index file (catalogue) to read; null forces the in-memory build from the package. */
  indexFile?: string | null;
  /** Skip the check that the index was built from the installed package version. */
  trustIndex?: boolean;
}

/** The catalogue and parts built in memory from the installed package. */
function buildFromPackage(): SplitIndex {
  return splitIndex(buildIndex());
}

/**
 * Reads each part from disk when first asked for. A part that is missing, unreadable or from
 * another build than the catalogue is taken from the index built in memory instead, which is
 * only possible when that build has the catalogue's stamp (same package version, same layout).
 */
function fileLoader(file: string, catalogue: IndexCatalogue): PartLoader {
  let rebuilt: SplitIndex | undefined;
  const dir = partsDirOf(file);
  return (p) => {
    const key = catalogue.parts.keys[p]!;
    const part = readPart(dir, key);
    if (part && part.format === INDEX_FORMAT && part.stamp === catalogue.stamp && part.key === key) return part;
    rebuilt ??= buildFromPackage();
    if (rebuilt.catalogue.stamp !== catalogue.stamp) {
      throw new Error(
        `index du territoire incomplet ou mélangé (partie «\u00a0${key}\u00a0» de ${file})\u00a0: ` +
          "reconstruisez-le («\u00a0npm run build\u00a0») ou réinstallez cpts",
      );
    }
    return rebuilt.parts[p]!;
  };
}

/**
 * Loads the data without caching (for benchmarks and tests; the CLI uses
 * {@link getTerritoryData}). An index in another format, or built from another version of the
 * package than the installed one, is ignored and the data is rebuilt from the package. Only the
 * catalogue is read here; each part is read when first needed.
 */
export function loadTerritoryData(options: LoadOptions = {}): TerritoryData {
  const file = options.indexFile === undefined ? defaultIndexFile() : options.indexFile;
  if (file !== null) {
    const catalogue = readCatalogue(file);
    if (
      catalogue?.format === INDEX_FORMAT &&
      (options.trustIndex || catalogue.source.version === installedPackageVersion(findPackageDir()))
    ) {
      return new TerritoryData(catalogue, fileLoader(file, catalogue), "index", () => {
        const names = readNames(partsDirOf(file));
        return names?.format === INDEX_FORMAT && names.stamp === catalogue.stamp ? names : null;
      });
    }
  }
  const { catalogue, parts } = buildFromPackage();
  return new TerritoryData(catalogue, (p) => parts[p]!, "package");
}

let cached: TerritoryData | undefined;

/** The territory data, loaded on first call and kept for the life of the process. */
export function getTerritoryData(): TerritoryData {
  cached ??= loadTerritoryData();
  return cached;
}

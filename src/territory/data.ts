/**
 * Runtime access to the territory data. Nothing is read when this module is imported: the
 * first call to {@link getTerritoryData} reads the compact index built beside this module
 * (`dist/territory/index.json`) or, when there is none (running from `src/` under vitest) or it
 * was built from another version of the package, builds the same index in memory from
 * `@etalab/decoupage-administratif`. Commune objects are created only when asked for, so a
 * command that looks up forty communes does not pay for thirty-seven thousand.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  buildIndex,
  CODE_WIDTH,
  findPackageDir,
  INDEX_FORMAT,
  installedPackageVersion,
  SEPARATOR,
  SIREN_WIDTH,
  type CompactIndex,
  type IndexSource,
} from "./build-index.js";
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
  /** Indexes of the member communes (see {@link TerritoryData.communeAt}). */
  memberIndexes: readonly number[];
  /** Member communes (created on first access). */
  readonly members: readonly Commune[];
}

const KIND_BY_LETTER: Record<string, CommuneKind> = { c: "commune", d: "deleguee", a: "associee", m: "arrondissement" };

/** First position in a packed code string whose code is not below `code` (binary search). */
function lowerBound(packed: string, width: number, count: number, code: string): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (packed.slice(mid * width, mid * width + width) < code) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The loaded territory data. Lookups are cheap; whole lists are built on first access. */
export class TerritoryData {
  readonly source: IndexSource;
  /** `index` when read from a built index file, `package` when built in memory. */
  readonly origin: "index" | "package";
  readonly regions: ReadonlyMap<string, Region>;
  readonly departments: ReadonlyMap<string, Department>;
  /** Number of entries (communes actuelles, déléguées, associées, arrondissements). */
  readonly size: number;

  private readonly raw: CompactIndex;
  private readonly departmentList: Department[];
  private readonly cache: (Commune | undefined)[];
  private names: string[] | undefined;
  private postal: string[] | undefined;
  private parentOf: Map<number, number> | undefined;
  private epciCache: Epci[] | undefined;
  private allCommunes: Commune[] | undefined;

  constructor(index: CompactIndex, origin: "index" | "package") {
    this.raw = index;
    this.source = index.source;
    this.origin = origin;
    const regions = new Map<string, Region>();
    for (const [code, name] of index.regions) regions.set(code, { code, name: displayName(name) });
    this.departmentList = index.departements.map(([code, name, regionCode]) => {
      const region = regions.get(regionCode);
      if (!region) throw new Error(`Territory index: département ${code} has unknown région ${regionCode}`);
      return { code, name: displayName(name), region };
    });
    this.regions = regions;
    this.departments = new Map(this.departmentList.map((d) => [d.code, d]));
    this.size = index.communes.count;
    this.cache = new Array<Commune | undefined>(this.size);
  }

  /** INSEE code of entry `i`. */
  codeAt(i: number): string {
    return this.raw.communes.codes.slice(i * CODE_WIDTH, i * CODE_WIDTH + CODE_WIDTH);
  }

  /** Official name of entry `i` (typographic apostrophe). */
  nameAt(i: number): string {
    this.names ??= this.raw.communes.names.split(SEPARATOR);
    return displayName(this.names[i]!);
  }

  kindAt(i: number): CommuneKind {
    return KIND_BY_LETTER[this.raw.communes.kinds[i]!]!;
  }

  populationAt(i: number): number | null {
    const pop = this.raw.communes.pop[i]!;
    return pop < 0 ? null : pop;
  }

  departmentAt(i: number): Department {
    return this.departmentList[this.raw.communes.dep[i]!]!;
  }

  postalCodesAt(i: number): readonly string[] {
    this.postal ??= this.raw.communes.postalCodes.split(SEPARATOR);
    const cp = this.postal[i]!;
    return cp === "" ? [] : cp.split(" ");
  }

  /** True when `code` is the postal code of at least one commune (binary search). */
  isPostalCode(code: string): boolean {
    const list = this.raw.communes.postalCodeList;
    const count = list.length / CODE_WIDTH;
    const i = lowerBound(list, CODE_WIDTH, count, code);
    return i < count && list.slice(i * CODE_WIDTH, i * CODE_WIDTH + CODE_WIDTH) === code;
  }

  /** Index of the commune actuelle of entry `i` (déléguée, associée, arrondissement); -1 otherwise. */
  parentIndexAt(i: number): number {
    if (this.raw.communes.kinds[i] === "c") return -1;
    if (!this.parentOf) {
      const pairs = this.raw.communes.parents;
      this.parentOf = new Map();
      for (let k = 0; k < pairs.length; k += 2) this.parentOf.set(pairs[k]!, pairs[k + 1]!);
    }
    return this.parentOf.get(i) ?? -1;
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
    const c = this.raw.communes;
    const start = lowerBound(c.codes, CODE_WIDTH, c.count, prefix);
    let end = start;
    while (end < c.count && this.codeAt(end).startsWith(prefix)) end++;
    return [start, end];
  }

  /** Positions [start, end) in {@link epcis} of the EPCI whose SIREN starts with `prefix`. */
  epciRange(prefix: string): [number, number] {
    const e = this.raw.epci;
    const start = lowerBound(e.codes, SIREN_WIDTH, e.count, prefix);
    let end = start;
    while (end < e.count && e.codes.slice(end * SIREN_WIDTH, end * SIREN_WIDTH + SIREN_WIDTH).startsWith(prefix)) end++;
    return [start, end];
  }

  /** Positions of the entries with this INSEE code (commune actuelle or arrondissement first). */
  indexesOf(code: string): number[] {
    const c = this.raw.communes;
    const out: number[] = [];
    for (let i = lowerBound(c.codes, CODE_WIDTH, c.count, code); i < c.count && this.codeAt(i) === code; i++) out.push(i);
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
    const old = this.raw.oldCodes;
    const count = old.communes.length;
    const i = lowerBound(old.codes, CODE_WIDTH, count, code);
    if (i >= count || old.codes.slice(i * CODE_WIDTH, i * CODE_WIDTH + CODE_WIDTH) !== code) return undefined;
    return this.communeAt(old.communes[i]!);
  }

  /** Every EPCI and EPT, sorted by SIREN. */
  get epcis(): readonly Epci[] {
    if (this.epciCache) return this.epciCache;
    const e = this.raw.epci;
    const names = e.names.split(SEPARATOR);
    const types = e.types.split(SEPARATOR);
    const list: Epci[] = [];
    for (let i = 0; i < e.count; i++) {
      const memberIndexes = e.members.slice(e.offsets[i]!, e.offsets[i + 1]!);
      let members: Commune[] | undefined;
      const data = this;
      list.push({
        code: e.codes.slice(i * SIREN_WIDTH, i * SIREN_WIDTH + SIREN_WIDTH),
        name: displayName(names[i]!),
        type: types[i]!,
        memberIndexes,
        get members() {
          members ??= memberIndexes.map((m) => data.communeAt(m));
          return members;
        },
      });
    }
    this.epciCache = list;
    return list;
  }

  /** The EPCI or EPT with this SIREN. */
  epci(siren: string): Epci | undefined {
    const e = this.raw.epci;
    const i = lowerBound(e.codes, SIREN_WIDTH, e.count, siren);
    if (i >= e.count || e.codes.slice(i * SIREN_WIDTH, i * SIREN_WIDTH + SIREN_WIDTH) !== siren) return undefined;
    return this.epcis[i];
  }

  /** Every entry as objects (built on first access: about 37 600 objects). */
  get communes(): readonly Commune[] {
    if (!this.allCommunes) {
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

function readIndexFile(file: string): CompactIndex | null {
  if (!existsSync(file)) return null;
  const index = JSON.parse(readFileSync(file, "utf8")) as CompactIndex;
  return index.format === INDEX_FORMAT ? index : null;
}

export interface LoadOptions {
  /** Index file to read; null forces the in-memory build from the package. */
  indexFile?: string | null;
  /** Skip the check that the index was built from the installed package version. */
  trustIndex?: boolean;
}

/**
 * Loads the data without caching (for benchmarks and tests; the CLI uses
 * {@link getTerritoryData}). An index in another format, or built from another version of the
 * package than the installed one, is ignored and the data is rebuilt from the package.
 */
export function loadTerritoryData(options: LoadOptions = {}): TerritoryData {
  const file = options.indexFile === undefined ? defaultIndexFile() : options.indexFile;
  if (file !== null) {
    const index = readIndexFile(file);
    if (index && (options.trustIndex || index.source.version === installedPackageVersion(findPackageDir()))) {
      return new TerritoryData(index, "index");
    }
  }
  return new TerritoryData(buildIndex(), "package");
}

let cached: TerritoryData | undefined;

/** The territory data, loaded on first call and kept for the life of the process. */
export function getTerritoryData(): TerritoryData {
  cached ??= loadTerritoryData();
  return cached;
}

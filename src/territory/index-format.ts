/**
 * Layout of the built territory index: a small catalogue (`index.json`: sources, régions,
 * départements, EPCI) and one part per leading digits of the INSEE codes (`index-parts/24.json`
 * holds every code starting with 24), so that a command looking up the communes of one
 * département reads that département's part and nothing else. Types and helpers shared by the
 * build (split-index.ts, index-files.ts) and the reader (data.ts, index-part.ts); nothing here
 * touches the disk.
 */
import type { IndexSource } from "./package-index.js";

/** Bumped whenever the layout of {@link IndexCatalogue} or {@link IndexPart} changes. */
export const INDEX_FORMAT = 7;

/** Width of an INSEE commune code and of a SIREN in the packed code strings. */
export const CODE_WIDTH = 5;
export const SIREN_WIDTH = 9;
/** Separator of the packed text columns (never found in official names). */
export const SEPARATOR = "|";
/** Separator of the name keys in {@link IndexNames}; no key holds one (keys are letters, digits and spaces). */
export const KEY_SEPARATOR = "\n";

/**
 * Key of the part holding an INSEE code, a former code or a postal code: its first two
 * characters (`01`…`95`, `2A`, `2B`), three for the overseas codes (`971`…`989`). No key is the
 * beginning of another, so the parts follow one another in code order.
 */
export function partKey(code: string): string {
  return code.startsWith("97") || code.startsWith("98") ? code.slice(0, 3) : code.slice(0, 2);
}

/** First position in a packed code string whose code is not below `code` (binary search). */
export function lowerBound(packed: string, width: number, count: number, code: string): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (packed.slice(mid * width, mid * width + width) < code) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Position of `code` in a packed, sorted code string; -1 when absent. */
export function findCode(packed: string, width: number, code: string): number {
  const count = packed.length / width;
  const i = lowerBound(packed, width, count, code);
  return i < count && packed.slice(i * width, i * width + width) === code ? i : -1;
}

/**
 * What every lookup needs, read first. Entries (communes actuelles, déléguées, associées,
 * arrondissements municipaux) are numbered across the whole of France in INSEE code order;
 * part `p` holds entries `parts.starts[p]` to `parts.starts[p] + parts.counts[p] - 1`.
 */
export interface IndexCatalogue {
  format: number;
  /** Digest of the whole build, repeated in every part: a part from another build is refused. */
  stamp: string;
  source: IndexSource;
  /** [code, nom] */
  regions: [string, string][];
  /** [code, nom, code région, parts holding its entries] */
  departements: [string, string, string, number[]][];
  /** Number of entries in all parts. */
  count: number;
  /** Parts sorted by key (code order). A part may hold no entry, only former or postal codes. */
  parts: { keys: string[]; starts: number[]; counts: number[] };
  /** EPCI à fiscalité propre and EPT of the Métropole du Grand Paris, sorted by SIREN. */
  epci: {
    count: number;
    /** SIREN, {@link SIREN_WIDTH} characters each, sorted. */
    codes: string;
    /** Official names joined by {@link SEPARATOR}. */
    names: string;
    /** CC, CA, CU, METRO, MET69 or EPT, joined by {@link SEPARATOR}. */
    types: string;
    /**
     * Parts holding the members of EPCI k, in increasing order: `parts[partOffsets[k]] …
     * parts[partOffsets[k + 1] - 1]` (flat: one array instead of a thousand small ones to parse).
     */
    partOffsets: number[];
    parts: number[];
  };
}

/** The entries, former codes and postal codes of one key. Positions are local to the part. */
export interface IndexPart {
  format: number;
  /** {@link IndexCatalogue.stamp} of the build that wrote it. */
  stamp: string;
  key: string;
  /** Number of the first entry (as in {@link IndexCatalogue.parts}). */
  start: number;
  communes: {
    count: number;
    /** INSEE codes, {@link CODE_WIDTH} characters each, sorted (commune actuelle or arrondissement first). */
    codes: string;
    /** Official names joined by {@link SEPARATOR}. */
    names: string;
    /** One letter per entry: c (actuelle), d (déléguée), a (associée), m (arrondissement municipal). */
    kinds: string;
    /** Index into {@link IndexCatalogue.departements}. */
    dep: number[];
    /** Population municipale; -1 when the data has none (déléguées, associées, uninhabited). */
    pop: number[];
    /** Flat pairs [local position, entry number of its commune actuelle] (it may lie in another part). */
    parents: number[];
    /** Postal codes of each entry separated by a space; entries joined by {@link SEPARATOR}. */
    postalCodes: string;
  };
  /** Former INSEE codes with this key that are no longer the code of any entry (sorted), with the entry number that absorbed each. */
  oldCodes: { codes: string; communes: number[] };
  /**
   * Postal codes with this key in use (sorted) and the parts holding the entries that postal
   * code j serves: `parts[offsets[j]] … parts[offsets[j + 1] - 1]`.
   */
  postalCodes: { codes: string; offsets: number[]; parts: number[] };
  /**
   * Members of EPCI in this part: EPCI `ids[k]` (position in {@link IndexCatalogue.epci}, ids
   * increasing) has `members[offsets[k]] … members[offsets[k + 1] - 1]`: the entry numbers of
   * its members in the package's order or, for an EPCI whose members lie in several parts,
   * flat pairs [rank in its member list, entry number], the rank restoring that order.
   */
  epci: { ids: number[]; offsets: number[]; members: number[] };
}

/**
 * What name lookups and the search need about every place, computed at build time from the
 * parts (name-file.ts) so that they read one file instead of every part: the matching key of
 * each name and the figures the search ranks EPCI and départements by.
 */
export interface IndexNames {
  format: number;
  /** {@link IndexCatalogue.stamp} of the build that wrote it. */
  stamp: string;
  /** Name key (text.ts `nameKey`) of every entry, in entry order, joined by {@link KEY_SEPARATOR}. */
  communes: string;
  /** Three keys per EPCI, in SIREN order: `epciKey`, `nameKey` and `epciCoreKey` of its name (names.ts), joined by {@link KEY_SEPARATOR}. */
  epci: string;
  /** Per EPCI: the département holding most of its members (names.ts `departmentsOfEpci`), "" when none; joined by " ". */
  epciDepartments: string;
  /** Per EPCI: population of its members (names.ts `epciPopulation`). */
  epciPopulations: number[];
  /** Per département of {@link IndexCatalogue.departements}, in its order: population of its communes actuelles. */
  departmentPopulations: number[];
}

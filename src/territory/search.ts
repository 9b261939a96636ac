/**
 * Search as the user types (the wizard's autocomplete): communes, arrondissements municipaux,
 * communes déléguées, EPCI and départements whose name — or code — matches what was typed.
 */
import { getTerritoryData, type CommuneKind, type Department, type Epci, type TerritoryData } from "./data.js";
import { communeIndexesWithPostalCode, departmentKeys, nameIndexes } from "./names.js";
import { nameKey } from "./text.js";

export type SearchKind = CommuneKind | "epci" | "departement";

export interface SearchResult {
  kind: SearchKind;
  /** INSEE code, SIREN or département code. */
  code: string;
  name: string;
  /** Département code (for an EPCI, the one holding most of its communes). */
  department: string;
  departmentName: string;
  /** Population municipale (sum of the communes for an EPCI or a département); null if unknown. */
  population: number | null;
  /** For a commune déléguée or associée, the commune actuelle it belongs to. */
  parent?: { code: string; name: string };
  /** For an EPCI: CC, CA, CU, METRO, MET69 or EPT. */
  epciType?: string;
}

export interface SearchOptions {
  /** Maximum number of results (default 10). */
  limit?: number;
  /** Kinds to return (default: all). */
  kinds?: readonly SearchKind[];
  data?: TerritoryData;
}

/** An EPCI or a département (communes are read straight from the data by position). */
interface Group {
  ref: Epci | Department;
  kind: "epci" | "departement";
  department: Department | undefined;
  population: number;
  keys: readonly string[];
}

/**
 * Candidates are numbered: 0 … size-1 are the data's communes, then the EPCI (in SIREN order),
 * then the départements.
 */
interface SearchIndex {
  size: number;
  groups: Group[];
  /** Every key of every candidate, each preceded by "\n": one string scanned with indexOf. */
  haystack: string;
  /** Offset in `haystack` of the first character of each key (increasing). */
  starts: Int32Array;
  lengths: Int32Array;
  /** Candidate of each key. */
  owners: Int32Array;
}

const ALL_KINDS: readonly SearchKind[] = ["commune", "arrondissement", "deleguee", "associee", "epci", "departement"];

const indexCache = new WeakMap<TerritoryData, SearchIndex>();

function searchIndex(data: TerritoryData): SearchIndex {
  const hit = indexCache.get(data);
  if (hit) return hit;
  const { communeKeys, epciKeys } = nameIndexes(data);
  // Départements and populations of EPCI and départements come from the name file: no part is
  // read before the matches are known.
  const file = data.nameFile();
  const epciDepartments = file.epciDepartments.split(" ");
  const groups: Group[] = [];
  data.epcis.forEach((e, k) => {
    groups.push({
      ref: e,
      kind: "epci",
      department: data.departments.get(epciDepartments[k]!),
      population: file.epciPopulations[k]!,
      keys: [...new Set(epciKeys[k])],
    });
  });
  [...data.departments.values()].forEach((d, k) => {
    groups.push({ ref: d, kind: "departement", department: d, population: file.departmentPopulations[k]!, keys: departmentKeys(d.name) });
  });
  const parts: string[] = [];
  const starts: number[] = [];
  const lengths: number[] = [];
  const owners: number[] = [];
  let offset = 0;
  const addKey = (key: string, owner: number) => {
    parts.push("\n", key);
    starts.push(offset + 1);
    lengths.push(key.length);
    owners.push(owner);
    offset += key.length + 1;
  };
  for (let i = 0; i < data.size; i++) addKey(communeKeys[i]!, i);
  groups.forEach((g, k) => g.keys.forEach((key) => addKey(key, data.size + k)));
  const built: SearchIndex = {
    size: data.size,
    groups,
    haystack: parts.join(""),
    starts: Int32Array.from(starts),
    lengths: Int32Array.from(lengths),
    owners: Int32Array.from(owners),
  };
  indexCache.set(data, built);
  return built;
}

/** Index of the key containing haystack offset `pos` (binary search over `starts`). */
function slotAt(starts: Int32Array, pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

// Created on first use: loading the French locale data costs tens of milliseconds.
let collator: Intl.Collator | undefined;

interface Hit {
  id: number;
  tier: number;
  population: number;
  name: string;
}

function better(a: Hit, b: Hit): boolean {
  if (a.tier !== b.tier) return a.tier < b.tier;
  if (a.population !== b.population) return a.population > b.population;
  collator ??= new Intl.Collator("fr");
  return collator.compare(a.name, b.name) < 0;
}

/** Keeps the `limit` best hits, best first (insertion into a short sorted list). */
function keepBest(best: Hit[], hit: Hit, limit: number): void {
  if (best.length === limit && !better(hit, best[limit - 1]!)) return;
  let i = best.length;
  while (i > 0 && better(hit, best[i - 1]!)) i--;
  best.splice(i, 0, hit);
  if (best.length > limit) best.pop();
}

function toResult(data: TerritoryData, index: SearchIndex, id: number): SearchResult {
  if (id < index.size) {
    const c = data.communeAt(id);
    const result: SearchResult = {
      kind: c.kind,
      code: c.code,
      name: c.name,
      department: c.department.code,
      departmentName: c.department.name,
      population: c.population,
    };
    if (c.parent && (c.kind === "deleguee" || c.kind === "associee")) result.parent = { code: c.parent.code, name: c.parent.name };
    return result;
  }
  const g = index.groups[id - index.size]!;
  return {
    kind: g.kind,
    code: g.ref.code,
    name: g.ref.name,
    department: g.department?.code ?? "",
    departmentName: g.department?.name ?? "",
    population: g.population,
    ...("type" in g.ref ? { epciType: g.ref.type } : {}),
  };
}

/**
 * Up to `limit` places whose name matches `query` — accents, case and punctuation ignored,
 * « st » read as « saint » — ranked: exact name first, then names starting with the query, then
 * a word of the name starting with it, then the query anywhere in the name (from three
 * characters on); within a rank, larger population first (communes déléguées, which have none,
 * last). A query of digits (or 2A/2B…) matches codes instead: the INSEE code, SIREN or
 * département number itself, then communes with that postal code, then codes starting with it.
 * A trailing « (24) » keeps the places of that département. An empty query gives no result.
 * Below a millisecond for most queries once loaded; the first query builds the name keys of
 * every commune (a few hundred milliseconds).
 */
export function searchTerritory(query: string, options: SearchOptions = {}): SearchResult[] {
  const limit = options.limit ?? 10;
  if (limit <= 0) return [];
  const kinds = new Set(options.kinds ?? ALL_KINDS);
  const data = options.data ?? getTerritoryData();
  let text = query.trim();
  let department: string | undefined;
  const m = /^(.*\S)\s*\(\s*(\d{1,3}|2[abAB])\s*\)$/.exec(text);
  if (m) {
    text = m[1]!;
    const code = m[2]!.toUpperCase();
    department = code.length === 1 ? `0${code}` : code;
  }
  const compact = text.replace(/[\s\u00a0\u202f]/g, "").toUpperCase();
  const byCode = /^[0-9]+$|^2[AB][0-9]*$/.test(compact);
  const key = byCode ? compact : nameKey(text);
  if (key === "") return [];

  const index = searchIndex(data);
  const kindOf = (id: number): SearchKind => (id < index.size ? data.kindAt(id) : index.groups[id - index.size]!.kind);
  const departmentOf = (id: number): string | undefined =>
    id < index.size ? data.departmentAt(id).code : index.groups[id - index.size]!.department?.code;
  const populationOf = (id: number): number =>
    id < index.size ? (data.populationAt(id) ?? -1) : index.groups[id - index.size]!.population;
  const nameOf = (id: number): string => (id < index.size ? data.nameAt(id) : index.groups[id - index.size]!.ref.name);

  // Best tier of each candidate that matched (-1: no match), and the candidates touched.
  const tiers = new Int8Array(index.size + index.groups.length).fill(-1);
  const touched: number[] = [];
  const note = (id: number, tier: number) => {
    const previous = tiers[id]!;
    if (previous < 0) touched.push(id);
    if (previous < 0 || tier < previous) tiers[id] = tier;
  };
  if (byCode) {
    const [cs, ce] = data.codeRange(key);
    for (let i = cs; i < ce; i++) note(i, data.codeAt(i) === key ? 0 : 2);
    if (key.length === 5) for (const i of communeIndexesWithPostalCode(data, key)) note(i, 1);
    const [es, ee] = data.epciRange(key);
    for (let k = es; k < ee; k++) note(index.size + k, data.epcis[k]!.code === key ? 0 : 2);
    index.groups.forEach((g, k) => {
      if (g.kind === "departement" && g.ref.code.startsWith(key)) note(index.size + k, g.ref.code === key ? 0 : 2);
    });
  } else {
    // 0 exact, 1 prefix, 2 start of a word, 3 anywhere; with one or two letters only 0–2
    // (otherwise nearly every name matches).
    const { haystack, starts, lengths, owners } = index;
    const patterns = key.length < 3 ? [`\n${key}`, ` ${key}`] : [key];
    for (const pattern of patterns) {
      const shift = pattern.length - key.length;
      for (let at = haystack.indexOf(pattern); at >= 0; at = haystack.indexOf(pattern, at + 1)) {
        const pos = at + shift;
        const slot = slotAt(starts, pos);
        const start = starts[slot]!;
        note(owners[slot]!, pos === start ? (key.length === lengths[slot]! ? 0 : 1) : haystack[pos - 1] === " " ? 2 : 3);
      }
    }
  }

  const best: Hit[] = [];
  for (const id of touched) {
    const tier = tiers[id]!;
    if (!kinds.has(kindOf(id))) continue;
    if (department && departmentOf(id) !== department) continue;
    const hit: Hit = { id, tier, population: populationOf(id), name: "" };
    if (best.length === limit) {
      const last = best[limit - 1]!;
      if (last.tier < tier || (last.tier === tier && last.population > hit.population)) continue;
    }
    hit.name = nameOf(id);
    keepBest(best, hit, limit);
  }
  return best.map((h) => toResult(data, index, h.id));
}

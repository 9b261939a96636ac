/**
 * Name indexes over the territory data (built on first use, once per loaded data set) and the
 * wording used to name places in French messages.
 */
import type { Commune, Department, Epci, TerritoryData } from "./data.js";
import { KEY_SEPARATOR } from "./index-format.js";
import { nameKey } from "./text.js";

export interface NameIndexes {
  /** Name key of every entry (same order as the data). */
  communeKeys: readonly string[];
  /** Keys of each EPCI (same order as `data.epcis`): {@link epciKey}, `nameKey` and {@link epciCoreKey} of its name. */
  epciKeys: readonly (readonly [string, string, string])[];
  /** Entries (communes actuelles, arrondissements, déléguées, associées) by name key. */
  communesByKey: ReadonlyMap<string, readonly number[]>;
  /** EPCI by full key (type spelled out or abbreviated) and by key without the type. */
  epcisByKey: ReadonlyMap<string, readonly Epci[]>;
  epcisByCoreKey: ReadonlyMap<string, readonly Epci[]>;
  departmentsByKey: ReadonlyMap<string, Department>;
}

const EPCI_TYPE_WORDS: [RegExp, string][] = [
  [/^communaute d agglomeration /, "ca "],
  [/^communaute de communes /, "cc "],
  [/^communaute urbaine /, "cu "],
  [/^etablissement public territorial /, ""],
];

/** Key of an EPCI name: « Communauté d’agglomération bergeracoise » and « CA Bergeracoise » agree. */
export function epciKey(name: string): string {
  let key = nameKey(name);
  for (const [long, short] of EPCI_TYPE_WORDS) key = key.replace(long, short);
  return key;
}

/** EPCI key without its type and leading article: « CC du Pays Foyen » → `pays foyen`. */
export function epciCoreKey(name: string): string {
  return epciKey(name)
    .replace(/^(ca|cc|cu) /, "")
    .replace(/^(du|des|de la|de l|de|d) /, "");
}

/** Département key; « La Réunion » is also found as « Réunion ». */
export function departmentKeys(name: string): string[] {
  const key = nameKey(name);
  const bare = key.replace(/^(la|le|les|l) /, "");
  return bare === key ? [key] : [key, bare];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

const nameCache = new WeakMap<TerritoryData, NameIndexes>();

/**
 * Name indexes of `data`, built on first call from the keys of its name file (no part is read)
 * and cached.
 */
export function nameIndexes(data: TerritoryData): NameIndexes {
  const hit = nameCache.get(data);
  if (hit) return hit;
  const file = data.nameFile();
  const communeKeys = file.communes.split(KEY_SEPARATOR);
  const communesByKey = new Map<string, number[]>();
  for (let i = 0; i < communeKeys.length; i++) push(communesByKey, communeKeys[i]!, i);
  const keys = file.epci.split(KEY_SEPARATOR);
  const epciKeys: [string, string, string][] = [];
  const epcisByKey = new Map<string, Epci[]>();
  const epcisByCoreKey = new Map<string, Epci[]>();
  data.epcis.forEach((e, k) => {
    const [typed, plain, core] = [keys[3 * k]!, keys[3 * k + 1]!, keys[3 * k + 2]!];
    epciKeys.push([typed, plain, core]);
    push(epcisByKey, plain, e);
    push(epcisByKey, typed, e);
    push(epcisByCoreKey, core, e);
  });
  const departmentsByKey = new Map<string, Department>();
  for (const d of data.departments.values()) {
    for (const key of departmentKeys(d.name)) departmentsByKey.set(key, d);
  }
  const built: NameIndexes = { communeKeys, epciKeys, communesByKey, epcisByKey, epcisByCoreKey, departmentsByKey };
  nameCache.set(data, built);
  return built;
}

/** Positions found once per territory data and key: each lookup below reads index parts. */
type PositionCache = WeakMap<TerritoryData, Map<string, readonly number[]>>;

function cachedPositions(cache: PositionCache, data: TerritoryData, key: string, find: () => readonly number[]): readonly number[] {
  let byKey = cache.get(data);
  if (!byKey) {
    byKey = new Map();
    cache.set(data, byKey);
  }
  let list = byKey.get(key);
  if (!list) {
    list = find();
    byKey.set(key, list);
  }
  return list;
}

const departmentCache: PositionCache = new WeakMap();

/** Positions of the communes actuelles of a département, in code order (reads its parts only). */
export function communeIndexesOfDepartment(data: TerritoryData, code: string): readonly number[] {
  return cachedPositions(departmentCache, data, code, () => data.indexesOfDepartment(code).filter((i) => data.kindAt(i) === "commune"));
}

/** Communes actuelles of a département, in code order (arrondissements excluded). */
export function communesOfDepartment(data: TerritoryData, code: string): Commune[] {
  return communeIndexesOfDepartment(data, code).map((i) => data.communeAt(i));
}

const postalCache: PositionCache = new WeakMap();

/**
 * Positions of the communes actuelles and arrondissements municipaux served by a postal code
 * (reads the parts holding them only).
 */
export function communeIndexesWithPostalCode(data: TerritoryData, postalCode: string): readonly number[] {
  return cachedPositions(postalCache, data, postalCode, () =>
    data.indexesWithPostalCode(postalCode).filter((i) => {
      const kind = data.kindAt(i);
      return kind === "commune" || kind === "arrondissement";
    }),
  );
}

/** Communes actuelles and arrondissements municipaux served by a postal code. */
export function communesWithPostalCode(data: TerritoryData, postalCode: string): Commune[] {
  return communeIndexesWithPostalCode(data, postalCode).map((i) => data.communeAt(i));
}

const VOWEL_START = /^[aeiouyàâäéèêëîïôöùûüœh]/i;

/**
 * « de Bergerac », « d’Arboys en Bugey », « du Havre » (for « Le Havre »), « des Eyzies »,
 * « de la CA Bergeracoise ».
 */
export function ofName(name: string): string {
  if (/^(CA|CC|CU|Communauté|Métropole) /.test(name)) return `de la ${name}`;
  if (name.startsWith("Le ")) return `du ${name.slice(3)}`;
  if (name.startsWith("Les ")) return `des ${name.slice(4)}`;
  if (VOWEL_START.test(name)) return `d’${name}`;
  return `de ${name}`;
}

/** « Saint-Laurent (Ardennes, 08385) » */
export function describeCommune(c: Commune): string {
  return `${c.name} (${c.department.name}, ${c.code})`;
}

/** Départements an EPCI's members belong to, most members first. */
export function departmentsOfEpci(data: TerritoryData, e: Epci): Department[] {
  const counts = new Map<Department, number>();
  for (const m of e.memberIndexes) {
    const d = data.departmentAt(m);
    counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].code.localeCompare(b[0].code)).map(([d]) => d);
}

/** « CA Bergeracoise (SIREN 200070647, Dordogne) » */
export function describeEpci(data: TerritoryData, e: Epci): string {
  return `${e.name} (SIREN ${e.code}, ${departmentsOfEpci(data, e)
    .map((d) => d.name)
    .join(", ")})`;
}

/** « Dordogne (24) » */
export function describeDepartment(d: Department): string {
  return `${d.name} (${d.code})`;
}

/** Sum of the populations of the communes an EPCI groups (unknown populations count as 0). */
export function epciPopulation(data: TerritoryData, e: Epci): number {
  let total = 0;
  for (const m of e.memberIndexes) total += data.populationAt(m) ?? 0;
  return total;
}

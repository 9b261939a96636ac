/**
 * Cuts the whole-France index built by build-index.ts into the catalogue and the parts described
 * in index-format.ts. Pure and deterministic: the same index gives the same parts, the same
 * stamp and, once written, the same bytes.
 */
import type { CompactIndex } from "./package-index.js";
import {
  CODE_WIDTH,
  INDEX_FORMAT,
  SEPARATOR,
  partKey,
  type IndexCatalogue,
  type IndexPart,
} from "./index-format.js";

export interface SplitIndex {
  catalogue: IndexCatalogue;
  /** In the order of `catalogue.parts`. */
  parts: IndexPart[];
}

/**
 * 64-bit digest of texts (cyrb53's mixing over two 32-bit lanes), as 16 hex digits. It tells one
 * build from another; it is no protection against tampering.
 */
export function digest(texts: readonly string[]): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    // Text boundaries count: ["ab", "c"] and ["a", "bc"] differ.
    h1 = Math.imul(h1 ^ 0x10000, 2654435761);
    h2 = Math.imul(h2 ^ 0x10000, 1597334677);
  }
  const a = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  const b = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  return (b >>> 0).toString(16).padStart(8, "0") + (a >>> 0).toString(16).padStart(8, "0");
}

function codeAt(packed: string, i: number): string {
  return packed.slice(i * CODE_WIDTH, i * CODE_WIDTH + CODE_WIDTH);
}

/** Groups sorted packed codes by part key, keeping their positions. */
function groupByKey(packed: string): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (let i = 0; i < packed.length / CODE_WIDTH; i++) {
    const key = partKey(codeAt(packed, i));
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  }
  return groups;
}

/** Cuts `index` into parts by the key of each code (see {@link partKey}). */
export function splitIndex(index: CompactIndex): SplitIndex {
  const c = index.communes;
  const keyOf: string[] = new Array<string>(c.count);
  for (let i = 0; i < c.count; i++) keyOf[i] = partKey(codeAt(c.codes, i));
  const names = c.names.split(SEPARATOR);
  const postal = c.postalCodes.split(SEPARATOR);

  // Parts: every key of an entry, a former code or a postal code.
  const postalCodes = [...new Set(postal.flatMap((cp) => (cp === "" ? [] : cp.split(" "))))].sort();
  const oldByKey = groupByKey(index.oldCodes.codes);
  const keys = [...new Set([...keyOf, ...oldByKey.keys(), ...postalCodes.map(partKey)])].sort();
  const partIndex = new Map(keys.map((k, p) => [k, p]));
  const starts: number[] = [];
  const counts: number[] = [];
  let next = 0;
  for (const key of keys) {
    // Entries are sorted by code and no key begins another: each key's entries follow one another.
    let end = next;
    while (end < c.count && keyOf[end] === key) end++;
    starts.push(next);
    counts.push(end - next);
    next = end;
  }
  if (next !== c.count) throw new Error(`Territory index: entries are not grouped by part key (stopped at ${codeAt(c.codes, next)})`);
  const partOf = (i: number) => partIndex.get(keyOf[i]!)!;

  const parentOf = new Map<number, number>();
  for (let k = 0; k < c.parents.length; k += 2) parentOf.set(c.parents[k]!, c.parents[k + 1]!);

  // Which parts serve each postal code, and hold each département's entries.
  const postalParts = new Map<string, Set<number>>();
  const departmentParts = index.departements.map(() => new Set<number>());
  for (let i = 0; i < c.count; i++) {
    const p = partOf(i);
    departmentParts[c.dep[i]!]!.add(p);
    if (postal[i] === "") continue;
    for (const cp of postal[i]!.split(" ")) {
      const set = postalParts.get(cp);
      if (set) set.add(p);
      else postalParts.set(cp, new Set([p]));
    }
  }
  const sortedParts = (set: Set<number> | undefined) => [...(set ?? [])].sort((a, b) => a - b);
  /** Lists packed one after another, with the offset of each. */
  const flat = (lists: readonly number[][]) => {
    const offsets = [0];
    for (const list of lists) offsets.push(offsets[offsets.length - 1]! + list.length);
    return { offsets, values: lists.flat() };
  };

  // EPCI members, by the part of each member; with their rank in the EPCI's list when the
  // EPCI spans several parts.
  const epciMembers = keys.map(() => new Map<number, number[]>());
  const epciParts: number[][] = [];
  for (let k = 0; k < index.epci.count; k++) {
    const first = index.epci.offsets[k]!;
    const members = index.epci.members.slice(first, index.epci.offsets[k + 1]!);
    const parts = sortedParts(new Set(members.map(partOf)));
    members.forEach((member, rank) => {
      const byEpci = epciMembers[partOf(member)]!;
      const list = byEpci.get(k) ?? [];
      if (parts.length > 1) list.push(rank);
      list.push(member);
      byEpci.set(k, list);
    });
    epciParts.push(parts);
  }

  const parts: IndexPart[] = keys.map((key, p) => {
    const start = starts[p]!;
    const end = start + counts[p]!;
    const parents: number[] = [];
    for (let i = start; i < end; i++) {
      const parent = parentOf.get(i);
      if (parent !== undefined) parents.push(i - start, parent);
    }
    const old = oldByKey.get(key) ?? [];
    const ownPostal = postalCodes.filter((cp) => partKey(cp) === key);
    const served = flat(ownPostal.map((cp) => sortedParts(postalParts.get(cp))));
    const byEpci = epciMembers[p]!;
    const ids = [...byEpci.keys()].sort((a, b) => a - b);
    const offsets = [0];
    const members: number[] = [];
    for (const id of ids) {
      members.push(...byEpci.get(id)!);
      offsets.push(members.length);
    }
    return {
      format: INDEX_FORMAT,
      stamp: "",
      key,
      start,
      communes: {
        count: end - start,
        codes: c.codes.slice(start * CODE_WIDTH, end * CODE_WIDTH),
        names: names.slice(start, end).join(SEPARATOR),
        kinds: c.kinds.slice(start, end),
        dep: c.dep.slice(start, end),
        pop: c.pop.slice(start, end),
        parents,
        postalCodes: postal.slice(start, end).join(SEPARATOR),
      },
      oldCodes: {
        codes: old.map((o) => codeAt(index.oldCodes.codes, o)).join(""),
        communes: old.map((o) => index.oldCodes.communes[o]!),
      },
      postalCodes: { codes: ownPostal.join(""), offsets: served.offsets, parts: served.values },
      epci: { ids, offsets, members },
    };
  });

  const epciPartList = flat(epciParts);
  const catalogue: IndexCatalogue = {
    format: INDEX_FORMAT,
    stamp: "",
    source: index.source,
    regions: index.regions,
    departements: index.departements.map(([code, nom, region], d) => [code, nom, region, sortedParts(departmentParts[d])]),
    count: c.count,
    parts: { keys, starts, counts },
    epci: {
      count: index.epci.count,
      codes: index.epci.codes,
      names: index.epci.names,
      types: index.epci.types,
      partOffsets: epciPartList.offsets,
      parts: epciPartList.values,
    },
  };
  // The stamp is the digest of everything else (stamps still empty): any change of content or
  // of layout gives another one.
  const stamp = digest([JSON.stringify(catalogue), ...parts.map((part) => JSON.stringify(part))]);
  catalogue.stamp = stamp;
  for (const part of parts) part.stamp = stamp;
  return { catalogue, parts };
}

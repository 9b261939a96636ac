/**
 * Lookups in one loaded part of the territory index (see index-format.ts): codes, postal codes,
 * former codes, parents and EPCI members. Positions are local to the part unless named entry
 * numbers. The text columns are split on first use, for this part only.
 */
import { CODE_WIDTH, SEPARATOR, findCode, lowerBound, type IndexPart } from "./index-format.js";

export class PartView {
  readonly key: string;
  /** Entry number of the first entry. */
  readonly start: number;
  readonly count: number;
  /** The part as stored; data.ts copies its per-entry columns into its own when it loads it. */
  readonly raw: IndexPart;
  private postal: string[] | undefined;
  private parentOf: Map<number, number> | undefined;

  constructor(raw: IndexPart) {
    this.raw = raw;
    this.key = raw.key;
    this.start = raw.start;
    this.count = raw.communes.count;
  }

  codeAt(i: number): string {
    return this.raw.communes.codes.slice(i * CODE_WIDTH, i * CODE_WIDTH + CODE_WIDTH);
  }

  postalCodesAt(i: number): readonly string[] {
    this.postal ??= this.raw.communes.postalCodes.split(SEPARATOR);
    const cp = this.postal[i]!;
    return cp === "" ? [] : cp.split(" ");
  }

  /** Entry number of the commune actuelle of a déléguée, associée or arrondissement; -1 otherwise. */
  parentAt(i: number): number {
    if (!this.parentOf) {
      const pairs = this.raw.communes.parents;
      this.parentOf = new Map();
      for (let k = 0; k < pairs.length; k += 2) this.parentOf.set(pairs[k]!, pairs[k + 1]!);
    }
    return this.parentOf.get(i) ?? -1;
  }

  /** First position whose code is not below `code`. */
  lowerBound(code: string): number {
    return lowerBound(this.raw.communes.codes, CODE_WIDTH, this.count, code);
  }

  /** Entry number of the commune that absorbed the former code `code`; -1 when it is not one. */
  absorbedBy(code: string): number {
    const i = findCode(this.raw.oldCodes.codes, CODE_WIDTH, code);
    return i < 0 ? -1 : this.raw.oldCodes.communes[i]!;
  }

  /** Parts holding the entries served by postal code `code`; undefined when no entry has it. */
  postalCodeParts(code: string): readonly number[] | undefined {
    const i = findCode(this.raw.postalCodes.codes, CODE_WIDTH, code);
    return i < 0 ? undefined : this.raw.postalCodes.parts[i];
  }

  /** Members of EPCI `id` found in this part, as stored (see {@link IndexPart.epci}); a new array. */
  epciMembers(id: number): number[] {
    const e = this.raw.epci;
    let lo = 0;
    let hi = e.ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (e.ids[mid]! < id) lo = mid + 1;
      else hi = mid;
    }
    return e.ids[lo] === id ? e.members.slice(e.offsets[lo]!, e.offsets[lo + 1]!) : [];
  }
}

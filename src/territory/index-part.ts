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
  // Only what the lookups below use is kept: the per-entry columns (kind, département,
  // population) are copied by data.ts, and dropping the parsed ones at once spares the garbage
  // collector from moving them when every part is loaded.
  private readonly codes: string;
  private readonly names: string;
  private readonly postalText: string;
  private readonly parents: readonly number[];
  private readonly oldCodes: IndexPart["oldCodes"];
  private readonly postalCodes: IndexPart["postalCodes"];
  private readonly epci: IndexPart["epci"];
  private postal: string[] | undefined;
  private parentOf: Map<number, number> | undefined;

  constructor(raw: IndexPart) {
    this.key = raw.key;
    this.start = raw.start;
    this.count = raw.communes.count;
    this.codes = raw.communes.codes;
    this.names = raw.communes.names;
    this.postalText = raw.communes.postalCodes;
    this.parents = raw.communes.parents;
    this.oldCodes = raw.oldCodes;
    this.postalCodes = raw.postalCodes;
    this.epci = raw.epci;
  }

  codeAt(i: number): string {
    return this.codes.slice(i * CODE_WIDTH, i * CODE_WIDTH + CODE_WIDTH);
  }

  /** Official names as stored (straight apostrophes), split: a new array. */
  splitNames(): string[] {
    return this.names.split(SEPARATOR);
  }

  postalCodesAt(i: number): readonly string[] {
    this.postal ??= this.postalText.split(SEPARATOR);
    const cp = this.postal[i]!;
    return cp === "" ? [] : cp.split(" ");
  }

  /** Entry number of the commune actuelle of a déléguée, associée or arrondissement; -1 otherwise. */
  parentAt(i: number): number {
    if (!this.parentOf) {
      const pairs = this.parents;
      this.parentOf = new Map();
      for (let k = 0; k < pairs.length; k += 2) this.parentOf.set(pairs[k]!, pairs[k + 1]!);
    }
    return this.parentOf.get(i) ?? -1;
  }

  /** First position whose code is not below `code`. */
  lowerBound(code: string): number {
    return lowerBound(this.codes, CODE_WIDTH, this.count, code);
  }

  /** Entry number of the commune that absorbed the former code `code`; -1 when it is not one. */
  absorbedBy(code: string): number {
    const i = findCode(this.oldCodes.codes, CODE_WIDTH, code);
    return i < 0 ? -1 : this.oldCodes.communes[i]!;
  }

  /** Parts holding the entries served by postal code `code`; undefined when no entry has it. */
  postalCodeParts(code: string): readonly number[] | undefined {
    const { codes, offsets, parts } = this.postalCodes;
    const i = findCode(codes, CODE_WIDTH, code);
    return i < 0 ? undefined : parts.slice(offsets[i]!, offsets[i + 1]!);
  }

  /** Members of EPCI `id` found in this part, as stored (see {@link IndexPart.epci}); a new array. */
  epciMembers(id: number): number[] {
    const e = this.epci;
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

import { describe, expect, it } from "vitest";
import {
  FormatError,
  formatAmount,
  formatDate,
  formatDateShort,
  formatNumber,
  formatPercent,
  joinFr,
  parseIsoDate,
  plural,
} from "../../src/render/format.js";

const NNBSP = "\u202F";
const NBSP = "\u00A0";

describe("dates", () => {
  it("writes the first day of a month as « 1er »", () => {
    expect(formatDate("2026-03-01")).toBe("1er mars 2026");
  });

  it("writes other days as numbers, with the month in words", () => {
    expect(formatDate("2026-11-23")).toBe("23 novembre 2026");
    expect(formatDate("2025-01-15")).toBe("15 janvier 2025");
    expect(formatDate("2026-12-31")).toBe("31 décembre 2026");
  });

  it("writes the short form with two-digit day and month", () => {
    expect(formatDateShort("2026-03-01")).toBe("01/03/2026");
  });

  it("refuses dates that do not exist, with a typed French error", () => {
    expect(parseIsoDate("2026-02-30")).toBeNull();
    expect(parseIsoDate("2026-13-01")).toBeNull();
    expect(parseIsoDate("01/03/2026")).toBeNull();
    expect(parseIsoDate("2024-02-29")).toEqual({ year: 2024, month: 2, day: 29 });
    expect(() => formatDate("2026-02-30")).toThrow(FormatError);
    expect(() => formatDate("2026-02-30")).toThrow(/date invalide « 2026-02-30 »/);
  });

  it("gives the same day whatever the machine's time zone (the format is fixed to Europe/Paris)", () => {
    // Midnight UTC would be the previous day in America; noon UTC stays the same day in Paris.
    expect(formatDate("2026-07-01")).toBe("1er juillet 2026");
  });
});

describe("amounts", () => {
  it("prints whole euros with a narrow no-break space between thousands and a no-break space before €", () => {
    expect(formatAmount(50000)).toBe(`50${NNBSP}000${NBSP}€`);
    expect(formatAmount(1234567)).toBe(`1${NNBSP}234${NNBSP}567${NBSP}€`);
  });

  it("prints cents with two decimals only when there are cents", () => {
    expect(formatAmount(1234.5)).toBe(`1${NNBSP}234,50${NBSP}€`);
    expect(formatAmount(99.999)).toBe(`100${NBSP}€`);
    expect(formatAmount("50000")).toBe(`50${NNBSP}000${NBSP}€`);
  });

  it("refuses what is not a number", () => {
    expect(() => formatAmount(Number.NaN)).toThrow(FormatError);
    expect(() => formatAmount("beaucoup")).toThrow(/nombre invalide/);
  });
});

describe("numbers, percentages, plurals, lists", () => {
  it("groups thousands like French readers expect", () => {
    expect(formatNumber(64455)).toBe(`64${NNBSP}455`);
    expect(formatNumber(2.5)).toBe("2,5");
  });

  it("prints a ratio as a percentage", () => {
    expect(formatPercent(0.255)).toBe(`25,5${NBSP}%`);
    expect(formatPercent(1)).toBe(`100${NBSP}%`);
  });

  it("keeps 0 and 1 singular, as French does", () => {
    expect(plural(38, "commune", "communes")).toBe(`38${NBSP}communes`);
    expect(plural(1, "commune", "communes")).toBe(`1${NBSP}commune`);
    expect(plural(0, "commune", "communes")).toBe(`0${NBSP}commune`);
    expect(plural(2, "professionnel")).toBe(`2${NBSP}professionnels`);
    expect(plural(1200, "habitant")).toBe(`1${NNBSP}200${NBSP}habitants`);
  });

  it("joins lists with commas and a final « et »", () => {
    expect(joinFr(["a", "b", "c"])).toBe("a, b et c");
    expect(joinFr(["a", "b"])).toBe("a et b");
    expect(joinFr(["a"])).toBe("a");
    expect(joinFr([])).toBe("");
    expect(joinFr(["a", "b", "c"], "ou")).toBe("a, b ou c");
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  FormatError,
  formatAmount,
  formatDate,
  formatDateShort,
  formatNumber,
  formatPercent,
  frenchNumber,
  isSingular,
  joinFr,
  parseIsoDate,
  plural,
} from "../../src/french/index.js";

const NNBSP = "\u202F";
const NBSP = "\u00A0";

describe("dates", () => {
  it("writes the first day of a month as « 1er »", () => {
    expect(formatDate("2026-03-01")).toBe("1er\u00a0mars 2026");
  });

  it("writes other days as numbers, with the month in words", () => {
    expect(formatDate("2026-11-23")).toBe("23\u00a0novembre 2026");
    expect(formatDate("2025-01-15")).toBe("15\u00a0janvier 2025");
    expect(formatDate("2026-12-31")).toBe("31\u00a0décembre 2026");
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

  it("writes every day of the calendar as Intl does for fr-FR, the day and month held by a no-break space", () => {
    const long = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    const short = new Intl.DateTimeFormat("fr-FR", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" });
    for (let t = Date.UTC(2023, 0, 1); t <= Date.UTC(2028, 11, 31); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      expect(formatDate(iso)).toBe(long.format(t).replace(/^1 /, "1er ").replace(" ", "\u00a0"));
      expect(formatDateShort(iso)).toBe(short.format(t));
    }
  });

  it("knows leap years before year 100, which Date.UTC would read as 19xx", () => {
    expect(parseIsoDate("0000-02-29")).toEqual({ year: 0, month: 2, day: 29 });
    expect(parseIsoDate("1900-02-29")).toBeNull();
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

  it("writes numbers, percentages and euros exactly as Intl.NumberFormat does for fr-FR", () => {
    const intl = (options: Intl.NumberFormatOptions) => new Intl.NumberFormat("fr-FR", options);
    const decimals = [0, 1, 2, 3];
    const formats = decimals.map((max) => ({
      number: intl({ maximumFractionDigits: max }),
      percent: intl({ style: "percent", maximumFractionDigits: max }),
      euros: intl({ style: "currency", currency: "EUR", minimumFractionDigits: Math.min(max, 2), maximumFractionDigits: max }),
    }));
    const values = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: -10_000_000, max: 10_000_000 }).map((n) => n / 1000),
      fc.integer({ min: -2_000_000, max: 2_000_000 }).map((n) => n + 0.5),
      fc.constantFrom(0, -0, 0.005, 1.005, 2.675, 0.0005, 999.9995, 99_999.5, 1e21, 1.5e-7, 123_456_789),
    );
    fc.assert(
      fc.property(values, fc.constantFrom(...decimals), (value, max) => {
        const f = formats[max]!;
        expect(frenchNumber(value, max)).toBe(f.number.format(value));
        expect(`${frenchNumber(value, max, 0, 2)}${NBSP}%`).toBe(f.percent.format(value));
        expect(`${frenchNumber(value, max, Math.min(max, 2))}${NBSP}€`).toBe(f.euros.format(value));
      }),
      { numRuns: 20_000 },
    );
  });

  it("chooses singular and plural with CLDR's French rule", () => {
    const rules = new Intl.PluralRules("fr-FR");
    for (const n of [0, 0.5, 1, 1.5, 1.99, 2, 2.5, 10, 1000, 1e6, 2e6, -1, -1.5, -2]) {
      expect(isSingular(n), String(n)).toBe(rules.select(n) === "one");
    }
  });

  it("joins lists with commas and a final « et »", () => {
    expect(joinFr(["a", "b", "c"])).toBe("a, b et c");
    expect(joinFr(["a", "b"])).toBe("a et b");
    expect(joinFr(["a"])).toBe("a");
    expect(joinFr([])).toBe("");
    expect(joinFr(["a", "b", "c"], "ou")).toBe("a, b ou c");
  });
});

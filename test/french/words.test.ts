import { describe, expect, it } from "vitest";
import { ordinalInWords } from "../../src/french/index.js";

describe("ordinals in words", () => {
  it("numbers the resolutions of a procès-verbal as a French minute does", () => {
    expect([1, 2, 3, 4, 5, 9, 11, 16, 17, 21].map((n) => ordinalInWords(n, true))).toEqual([
      "première",
      "deuxième",
      "troisième",
      "quatrième",
      "cinquième",
      "neuvième",
      "onzième",
      "seizième",
      "dix-septième",
      "vingt et unième",
    ]);
    expect(ordinalInWords(1)).toBe("premier");
    expect([35, 80, 99].map((n) => ordinalInWords(n))).toEqual(["trente-cinquième", "quatre-vingtième", "quatre-vingt-dix-neuvième"]);
    expect(ordinalInWords(101)).toBe("101e");
  });
});

import { describe, expect, it } from "vitest";
import { NBSP, wrapText } from "../../src/french/index.js";

const URL = "https://medecine-generale.lequotidiendumedecin.fr/actus-medicales/politique-de-sante/missions-financement-montants-le-ba-ba";
const columns = (text: string) => text.split("\n").map((l) => [...l].length);

describe("wrapText", () => {
  it("wraps at ordinary spaces only: a no-break space keeps its words on one line", () => {
    const text = `Montant annuel maximal${NBSP}: 287${NBSP}000${NBSP}€, versé chaque année de contrat`;
    const out = wrapText(text, 30, "  ");
    expect(out.split("\n")).toEqual([`Montant annuel maximal${NBSP}:`, `  287${NBSP}000${NBSP}€, versé chaque`, "  année de contrat"]);
  });

  it("counts the line's own leading spaces on continuation lines when no indent is given", () => {
    const out = wrapText("    un deux trois quatre cinq six", 16);
    expect(out.split("\n")).toEqual(["    un deux", "    trois quatre", "    cinq six"]);
    expect(Math.max(...columns(out))).toBeLessThanOrEqual(16);
  });

  it("leaves a word longer than the line whole unless asked to break it", () => {
    expect(wrapText(`[1] ${URL}`, 80, "    ").split("\n")).toEqual(["[1]", `    ${URL}`]);
  });

  it("breaks a long web address after a slash, and its pieces put end to end give it back", () => {
    const out = wrapText(`[1] ${URL}`, 80, "    ", { breakLongWords: true });
    expect(out.split("\n")).toEqual([
      "[1] https://medecine-generale.lequotidiendumedecin.fr/actus-medicales/",
      "    politique-de-sante/missions-financement-montants-le-ba-ba",
    ]);
    for (let width = 20; width <= 90; width++) {
      const text = `Source${NBSP}: ${URL} (consultée)`;
      const wrapped = wrapText(text, width, "  ", { breakLongWords: true });
      expect(Math.max(...columns(wrapped)), `width ${width}`).toBeLessThanOrEqual(width);
      expect(wrapped.replace(/\s+/g, "")).toBe(text.replace(/\s+/g, ""));
    }
  });

  it("cuts a word with no separator at the width", () => {
    const out = wrapText("x".repeat(25), 10, "", { breakLongWords: true });
    expect(out.split("\n")).toEqual(["x".repeat(10), "x".repeat(10), "x".repeat(5)]);
  });
});

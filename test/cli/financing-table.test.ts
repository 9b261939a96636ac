import { describe, expect, it } from "vitest";
import { formatFinancingTable } from "../../src/cli/financing-table.js";
import type { MissionCode } from "../../src/domain/aci.js";
import { MENTION_INCONNU, MENTION_OBSERVE, simulateFinancing } from "../../src/domain/financing.js";

const NNBSP = "\u202f";
const NBSP = "\u00a0";
const BERGERAC: MissionCode[] = ["ACCES", "PARCOURS", "PREVENTION", "QUALITE", "ACCOMPAGNEMENT"];
const SOCLE: MissionCode[] = ["ACCES", "PARCOURS", "PREVENTION", "CRISE"];

describe("formatFinancingTable", () => {
  const t3 = simulateFinancing({ taille: "T3", missions: [...BERGERAC, "CRISE"] });
  const t2 = simulateFinancing({ taille: "T2", missions: SOCLE });

  it("prints French amounts and groups identical years", () => {
    const text = formatFinancingTable(t3, { color: false });
    expect(text).toContain(`75${NNBSP}000${NBSP}€`);
    expect(text).toContain(`397${NNBSP}500${NBSP}€`);
    expect(text).toContain(`Total sur 5${NBSP}années${NBSP}: 1${NNBSP}987${NNBSP}500${NBSP}€`);
    expect(text).toContain(`Année${NBSP}1`);
    expect(text).toContain("Années 2 à 5");
    expect(text).toContain("(hors total)");
    expect(text).toContain(MENTION_OBSERVE);
    expect(text).not.toContain("\x1b[");
  });

  it("shows unknowns and the incomplete total", () => {
    const text = formatFinancingTable(t2, { color: false });
    expect(text).toContain("inconnu");
    expect(text).toContain(MENTION_INCONNU);
    expect(text).toContain(`60${NNBSP}000${NBSP}€ +${NBSP}?`);
    expect(text).toContain("(incomplet)");
  });

  it("uses ANSI colours only when asked", () => {
    expect(formatFinancingTable(t2, { color: true })).toContain("\x1b[");
  });

  it("keeps the columns aligned", () => {
    const text = formatFinancingTable(t3, { color: false });
    const lines = text.split("\n");
    const ruleLines = lines.filter((l) => l.startsWith("─"));
    expect(ruleLines.length).toBe(2);
    const header = lines.find((l) => l.startsWith("Ligne"));
    expect(header).toBeDefined();
    const firstAmount = lines.find((l) => l.startsWith("Fonctionnement"));
    const total = lines.find((l) => l.startsWith("Total annuel"));
    // The year-1 column ends at the same position on each row.
    const end = (l: string | undefined) => (l ?? "").indexOf("€");
    expect(end(firstAmount)).toBe(end(total));
  });
});

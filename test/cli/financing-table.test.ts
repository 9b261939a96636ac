import { describe, expect, it } from "vitest";
import { formatFinancingTable } from "../../src/cli/financing-table.js";
import type { MissionCode, Taille } from "../../src/domain/aci.js";
import { MENTION_INCONNU, MENTION_OBSERVE, simulateFinancing, type FinancingInput, type FinancingResult } from "../../src/domain/financing.js";

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
    expect(text).toContain(`(hors${NBSP}total)`);
    expect(text.replace(/\n {4}/g, " ")).toContain(MENTION_OBSERVE);
    expect(text).not.toContain("\x1b[");
  });

  it("shows unknowns and the incomplete total", () => {
    const text = formatFinancingTable(t2, { color: false });
    expect(text).toContain("inconnu");
    expect(text.replace(/\n {4}/g, " ")).toContain(MENTION_INCONNU);
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

/** Every source a simulation cites: its lines, the amounts before the contract and the maximums. */
function sourcesOf(r: FinancingResult): Set<string> {
  // The avenant 2 maximum where it is known, else the ACI 2019 one and the unknown avenant 2 one.
  const { aci_2019, avenant_2 } = r.maximum;
  const maxima = avenant_2.montant !== null ? [avenant_2] : [aci_2019, avenant_2];
  const figures = [...r.par_annee.flatMap((y) => y.lignes), ...r.avant_contrat, ...maxima];
  return new Set(figures.flatMap((f) => f.source ?? []));
}

/** The simulations a user can ask for: every taille, mission set, contract length and date rule, with and without a contract. */
function inputs(): FinancingInput[] {
  const out: FinancingInput[] = [];
  const tailles: Taille[] = ["T1", "T2", "T3", "T4"];
  const contract = { fonctionnement: 1_234_567, missions: { ACCES: { fixe: 987_654, variable: 876_543 }, CRISE: { fixe: 100_000, variable: 300_000 } } };
  for (const taille of tailles)
    for (const missions of [SOCLE, [...BERGERAC, "CRISE"] as MissionCode[], ["ACCES"] as MissionCode[]])
      for (const annees of [1, 5, 10])
        for (const signature of [undefined, "2019-10-01", "2020-04-15", "2021-12-01", "2024-06-30"]) {
          const base: FinancingInput = { taille, missions, annees, ...(signature ? { signature } : {}) };
          out.push(base, { ...base, contrat: contract }, { ...base, existante: true }, { ...base, validation_lettre: "2023-02-01" });
        }
  return out;
}

const ANSI = /\u001b\[\d+m[\ue000-\uf8ff]*/g;
const compact = (text: string) => text.replace(/\s+/g, "");

describe("formatFinancingTable within 80 columns", () => {
  it("keeps every line within 80 columns, notes and sources included, coloured or not", () => {
    for (const input of inputs()) {
      const result = simulateFinancing(input);
      for (const color of [false, true]) {
        const text = formatFinancingTable(result, { color }).replace(ANSI, "");
        const long = text.split("\n").filter((l) => [...l].length > 80);
        expect(long, JSON.stringify(input)).toEqual([]);
      }
    }
  });

  it("lists every source the simulation cites, numbered, and cites them from the notes", () => {
    for (const input of inputs()) {
      const result = simulateFinancing(input);
      const text = formatFinancingTable(result, { color: false });
      const sources = [...sourcesOf(result)];
      expect(sources.length).toBeGreaterThan(0);
      const listed = text.slice(text.indexOf("\nSources\n"));
      expect(text.indexOf("\nSources\n"), JSON.stringify(input)).toBeGreaterThan(0);
      // A web address cut at the end of a line reads back whole once the line breaks are taken out.
      for (const source of sources) expect(compact(listed)).toContain(compact(source));
      for (let n = 1; n <= sources.length; n++) {
        expect(listed).toMatch(new RegExp(`^\\[${n}\\] `, "m"));
        expect(text.slice(0, text.indexOf("\nSources\n"))).toContain(`[${n}]`);
      }
    }
  });

  it("wraps a long label inside its column and breaks no no-break space", () => {
    const text = formatFinancingTable(simulateFinancing({ taille: "T3", missions: SOCLE, signature: "2020-04-15" }), { color: false });
    const lines = text.split("\n");
    const amorcage = lines.findIndex((l) => l.startsWith("Crédits d’amorçage éventuels"));
    expect(amorcage).toBeGreaterThan(0);
    expect(lines[amorcage]).toMatch(/€/);
    expect(lines[amorcage + 1]).toMatch(/^ {2}\S.*\(hors\u00a0total\)$/);
    expect(lines[amorcage + 1]).not.toMatch(/€|—/);
    // Lines never start with what a no-break space ties to the word before.
    for (const line of lines) expect(line).not.toMatch(/^\s*[:;?!€»]/);
    expect(text).toMatch(/^Les adresses coupées en fin de ligne sont entières dans la sortie --json\.$/m);
  });
});

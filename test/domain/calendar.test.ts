import { describe, expect, it } from "vitest";
import {
  type Milestone,
  addMonths,
  compareIsoDates,
  computeDeadlines,
  isValidIsoDate,
  upcoming,
} from "../../src/domain/calendar.js";

function byCode(list: Milestone[], code: string): Milestone {
  const found = list.find((m) => m.code === code);
  if (!found) throw new Error(`missing milestone ${code}`);
  return found;
}

describe("addMonths", () => {
  it.each<[string, number, string]>([
    ["2026-08-31", 6, "2027-02-28"],
    ["2027-08-31", 6, "2028-02-29"],
    ["2024-02-29", 12, "2025-02-28"],
    ["2024-02-29", 48, "2028-02-29"],
    ["2026-01-31", 1, "2026-02-28"],
    ["2024-01-31", 1, "2024-02-29"],
    ["2026-03-31", 1, "2026-04-30"],
    ["2026-03-31", -1, "2026-02-28"],
    ["2026-12-15", 1, "2027-01-15"],
    ["2026-01-15", -1, "2025-12-15"],
    ["2026-05-15", 0, "2026-05-15"],
    ["2000-02-29", 12, "2001-02-28"],
    ["2096-02-29", 48, "2100-02-28"],
    ["2027-01-15", 60, "2032-01-15"],
  ])("%s + %i months = %s", (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected);
  });

  it("rejects an invalid date or a fractional month count", () => {
    expect(() => addMonths("2026-02-30", 1)).toThrow(RangeError);
    expect(() => addMonths("2026-01-01", 1.5)).toThrow(RangeError);
  });
});

describe("isValidIsoDate", () => {
  it.each<[string, boolean]>([
    ["2026-02-28", true],
    ["2026-02-30", false],
    ["2024-02-29", true],
    ["2025-02-29", false],
    ["2000-02-29", true],
    ["2100-02-29", false],
    ["2026-04-31", false],
    ["2026-13-01", false],
    ["2026-00-10", false],
    ["2026-1-01", false],
    ["2026-01-01T00:00", false],
    ["", false],
  ])("%s → %s", (date, valid) => {
    expect(isValidIsoDate(date)).toBe(valid);
  });

  it("compares dates", () => {
    expect(compareIsoDates("2026-01-02", "2026-01-10")).toBeLessThan(0);
    expect(compareIsoDates("2026-01-10", "2026-01-10")).toBe(0);
  });
});

describe("computeDeadlines — tacit validation of the projet de santé", () => {
  it("is 2 months after receipt by the ARS", () => {
    const m = byCode(computeDeadlines({ reception_ars: "2026-09-15", missions: [] }), "VALIDATION_TACITE_PDS");
    expect(m.date).toBe("2026-11-15");
    expect(m.estimation).toBeUndefined();
    expect(m.source.some((s) => s.includes("l1434-12"))).toBe(true);
  });

  it("clamps to the month end", () => {
    const m = byCode(computeDeadlines({ reception_ars: "2026-12-31", missions: [] }), "VALIDATION_TACITE_PDS");
    expect(m.date).toBe("2027-02-28");
  });

  it("is an estimate when only the sending date is known", () => {
    const m = byCode(computeDeadlines({ depot_projet_sante: "2026-09-01", missions: [] }), "VALIDATION_TACITE_PDS");
    expect(m.date).toBe("2026-11-01");
    expect(m.estimation).toBe(true);
    expect(m.note).toMatch(/date d’envoi/);
  });

  it("prefers the receipt date over the sending date", () => {
    const m = byCode(
      computeDeadlines({ depot_projet_sante: "2026-09-01", reception_ars: "2026-09-04", missions: [] }),
      "VALIDATION_TACITE_PDS",
    );
    expect(m.date).toBe("2026-11-04");
    expect(m.estimation).toBeUndefined();
  });

  it("has no date without either", () => {
    const m = byCode(computeDeadlines({ missions: [] }), "VALIDATION_TACITE_PDS");
    expect(m.date).toBeNull();
    expect(m.note).toBeDefined();
  });
});

describe("computeDeadlines — after the ACI signature", () => {
  const signature = "2027-01-15";
  const list = computeDeadlines({ signature_aci: signature, missions: ["ACCES", "PARCOURS", "PREVENTION", "CRISE"] });

  it.each<[string, string]>([
    ["DEMARRAGE_ACCES", "2027-07-15"],
    ["DEPLOIEMENT_ACCES", "2028-07-15"],
    ["DEMARRAGE_PARCOURS", "2028-01-15"],
    ["DEPLOIEMENT_PARCOURS", "2029-01-15"],
    ["DEMARRAGE_PREVENTION", "2028-01-15"],
    ["DEPLOIEMENT_PREVENTION", "2029-01-15"],
    ["DEMARRAGE_CRISE", "2027-07-15"],
    ["DEPLOIEMENT_CRISE", "2028-07-15"],
    ["PLAN_CRISE", "2028-01-15"],
    ["FIN_CONTRAT", "2032-01-15"],
  ])("%s = %s", (code, date) => {
    const m = byCode(list, code);
    expect(m.date).toBe(date);
    expect(m.source.length).toBeGreaterThan(0);
    expect(m.libelle.length).toBeGreaterThan(0);
  });

  it("clamps mission deadlines from a month-end signature", () => {
    const fromMonthEnd = computeDeadlines({ signature_aci: "2026-08-31", missions: [] });
    expect(byCode(fromMonthEnd, "DEMARRAGE_ACCES").date).toBe("2027-02-28");
    expect(byCode(fromMonthEnd, "DEPLOIEMENT_ACCES").date).toBe("2028-02-29");
  });

  it("always lists the socle missions and the crisis plan", () => {
    const none = computeDeadlines({ signature_aci: signature, missions: [] });
    for (const code of ["ACCES", "PARCOURS", "PREVENTION", "CRISE"]) {
      expect(none.some((m) => m.code === `DEMARRAGE_${code}`)).toBe(true);
    }
    expect(byCode(none, "PLAN_CRISE").date).toBe("2028-01-15");
    expect(none.some((m) => m.mission === "QUALITE")).toBe(false);
  });

  it("leaves optional missions undated: the CPTS chooses in the contract", () => {
    const withOptional = computeDeadlines({ signature_aci: signature, missions: ["QUALITE", "ACCOMPAGNEMENT"] });
    for (const code of ["DEMARRAGE_QUALITE", "DEPLOIEMENT_QUALITE", "DEMARRAGE_ACCOMPAGNEMENT", "DEPLOIEMENT_ACCOMPAGNEMENT"]) {
      const m = byCode(withOptional, code);
      expect(m.date).toBeNull();
      expect(m.libelle).toContain("délai choisi par la CPTS, fixé dans le contrat");
    }
  });

  it("has no mission dates before the signature is known", () => {
    const unsigned = computeDeadlines({ reception_ars: "2026-09-15", missions: ["ACCES"] });
    expect(byCode(unsigned, "DEMARRAGE_ACCES").date).toBeNull();
    expect(byCode(unsigned, "DEMARRAGE_ACCES").note).toMatch(/signature/);
    expect(byCode(unsigned, "FIN_CONTRAT").date).toBeNull();
  });

  it("sorts by date, undated milestones last", () => {
    const all = computeDeadlines({ reception_ars: "2026-09-15", signature_aci: signature, missions: ["QUALITE"] });
    const dates = all.map((m) => m.date);
    const dated = dates.filter((d): d is string => d !== null);
    expect(dated).toEqual([...dated].sort());
    const firstNull = dates.indexOf(null);
    expect(firstNull).toBeGreaterThan(0);
    expect(dates.slice(firstNull).every((d) => d === null)).toBe(true);
    expect(all[0]?.code).toBe("VALIDATION_TACITE_PDS");
  });

  it("marks past milestones when today is given", () => {
    const withToday = computeDeadlines({ signature_aci: signature, missions: [], today: "2028-01-15" });
    expect(byCode(withToday, "DEMARRAGE_ACCES").passee).toBe(true);
    expect(byCode(withToday, "PLAN_CRISE").passee).toBe(false);
    expect(byCode(withToday, "FIN_CONTRAT").passee).toBe(false);
  });

  it("rejects invalid input dates and mission codes", () => {
    expect(() => computeDeadlines({ signature_aci: "2027-02-30", missions: [] })).toThrow(RangeError);
    expect(() => computeDeadlines({ missions: ["NOPE" as never] })).toThrow(RangeError);
  });
});

describe("upcoming", () => {
  const list = computeDeadlines({ reception_ars: "2026-09-15", signature_aci: "2027-01-15", missions: ["QUALITE"] });

  it("returns the next n dated milestones from today, earliest first", () => {
    const next = upcoming(list, "2027-07-15", 3);
    expect(next.map((m) => m.date)).toEqual(["2027-07-15", "2027-07-15", "2028-01-15"]);
  });

  it("sorts unsorted input and skips undated milestones", () => {
    const shuffled = [...list].reverse();
    const next = upcoming(shuffled, "2026-01-01", 100);
    expect(next.every((m) => m.date !== null)).toBe(true);
    const dates = next.map((m) => m.date ?? "");
    expect(dates).toEqual([...dates].sort());
    expect(next[0]?.code).toBe("VALIDATION_TACITE_PDS");
  });

  it("is empty after the end of the contract or for n = 0", () => {
    expect(upcoming(list, "2032-01-16", 5)).toEqual([]);
    expect(upcoming(list, "2026-01-01", 0)).toEqual([]);
  });
});

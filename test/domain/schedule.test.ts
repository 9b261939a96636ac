import { describe, expect, it } from "vitest";
import { contractStatus, pdsValidation, projectDeadlines } from "../../src/domain/schedule.js";
import { financingDateRules, simulateFinancing } from "../../src/domain/financing.js";
import { buildModel } from "../../src/domain/model/index.js";
import type { Project } from "../../src/project/types.js";

const base = (calendrier: Project["calendrier"], missions: Project["missions"] = [{ code: "ACCES" }, { code: "CRISE" }]): Project => ({
  version: 1,
  cpts: { nom: "CPTS du Val" },
  missions,
  calendrier,
});

const validations = (p: Project) => projectDeadlines(p).filter((m) => m.code === "VALIDATION_PDS" || m.code === "VALIDATION_TACITE_PDS");

describe("one validation of the projet de santé", () => {
  it("is a decision of the ARS for a projet received before the loi du 24\u00a0juillet 2019, never tacit", () => {
    const p = base({ depot_projet_sante: "2018-03-12", reception_projet_sante: "2018-03-14" });
    const v = validations(p);
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ code: "VALIDATION_PDS", date: null });
    expect(v[0]!.note).toContain("calendrier.validation_projet_sante");
    expect(pdsValidation(p).regle).toContain("décision de l’ARS");
  });

  it("is tacit two months after the receipt once the law applies", () => {
    const v = validations(base({ reception_projet_sante: "2024-01-31" }));
    expect(v).toEqual([expect.objectContaining({ code: "VALIDATION_TACITE_PDS", date: "2024-03-31" })]);
  });

  it("is the ARS decision the file dates, and then no tacit one beside it", () => {
    const v = validations(base({ reception_projet_sante: "2024-01-31", validation_projet_sante: { date: "2024-03-01", mode: "decision" } }));
    expect(v).toEqual([expect.objectContaining({ code: "VALIDATION_PDS", date: "2024-03-01" })]);
  });

  it("is the tacit validation the file states, once", () => {
    const v = validations(base({ depot_projet_sante: "2024-05-10", validation_projet_sante: { date: "2024-07-15", mode: "tacite" } }));
    expect(v).toEqual([expect.objectContaining({ code: "VALIDATION_TACITE_PDS", date: "2024-07-15" })]);
    expect(v[0]!.estimation).toBeUndefined();
  });

  it("is estimated from the sending when the receipt is not dated, and says so", () => {
    const [v] = validations(base({ depot_projet_sante: "2024-05-10" }));
    expect(v).toMatchObject({ code: "VALIDATION_TACITE_PDS", date: "2024-07-10", estimation: true });
  });
});

describe("mission deadlines by the rules of the signature", () => {
  it("counts the crisis mission's deadlines only for a contract signed once it existed", () => {
    const before = projectDeadlines(base({ signature_aci: "2020-03-15" })).map((m) => m.code);
    expect(before).toContain("DEMARRAGE_ACCES");
    expect(before.filter((c) => c.includes("CRISE"))).toEqual([]);
    const after = projectDeadlines(base({ signature_aci: "2023-01-10" })).map((m) => m.code);
    expect(after).toEqual(expect.arrayContaining(["DEMARRAGE_CRISE", "PLAN_CRISE"]));
  });
});

describe("the contract's end and its renewal", () => {
  it("is known once the signature is dated, and says when the renewal is due", () => {
    expect(contractStatus(base({}), "2026-01-01")).toBeNull();
    const running = contractStatus(base({ signature_aci: "2023-06-30" }), "2026-01-01")!;
    expect(running).toMatchObject({ fin: "2028-06-30", etat: "en_cours" });
    expect(running.renouvellement).toContain("avant le 30\u00a0juin 2028");
    const ended = contractStatus(base({ signature_aci: "2020-03-15" }), "2026-01-01")!;
    expect(ended.etat).toBe("termine");
    expect(ended.texte).toContain("arrivé à échéance le 15\u00a0mars 2025");
  });
});

describe("the lettre d'intention's calendar", () => {
  it("looks forward from the letter's date and never states the letter's own validation", () => {
    const p = base({
      envoi_lettre_intention: "2024-01-15",
      validation_lettre_intention: "2024-03-01",
      reception_projet_sante: "2024-10-01",
      signature_aci: "2025-02-01",
      jalons: [
        { libelle: "Réunion de lancement", date: "2023-11-20" },
        { libelle: "Réunion publique", date: "2024-05-15" },
      ],
    });
    p.lettre_intention = { date: "2024-01-15" };
    const steps = buildModel(p, {}).calendrier.etapes_lettre;
    const labels = steps.map((s) => s.libelle);
    expect(labels[0]).toBe("Réunion d’examen de la lettre d’intention par l’ARS, avec l’Assurance Maladie et les URPS");
    expect(labels).toContain("Réunion publique");
    expect(labels).not.toContain("Réunion de lancement");
    expect(labels.join(" | ")).not.toMatch(/Validation de la lettre|Envoi de la lettre/);
    expect(labels.filter((l) => /Validation .*projet de santé/.test(l))).toHaveLength(1);
    expect(steps.find((s) => s.code === "diagnostic")?.date_texte).toBe("après l’examen de la lettre");
  });
});

describe("ACI amounts of the date", () => {
  it("shows the avenant 2 amorçage apart only for a contract signed in the window of the negotiation texts, and says why", () => {
    expect(financingDateRules("T2", ["ACCES"], "2020-03-15").amorcage).toBe("montre");
    const late = financingDateRules("T2", ["ACCES"], "2023-01-10");
    expect(late.amorcage).toBe("masque");
    expect(late.raisons.join(" ")).toContain("signé après");
    expect(simulateFinancing({ taille: "T2", missions: ["ACCES"], signature: "2023-01-10" }).par_annee[0]!.lignes.some((l) => l.code === "AMORCAGE")).toBe(false);
    expect(financingDateRules("T2", ["ACCES"]).amorcage).toBe("conditionnel");
  });

  it("hides the amorçage when the lettre d'intention was validated after that window: the contract comes later still", () => {
    const recent = simulateFinancing({ taille: "T1", missions: ["ACCES"], validation_lettre: "2025-07-10" });
    expect(recent.par_annee[0]!.lignes.some((l) => l.code === "AMORCAGE")).toBe(false);
    expect(recent.notes.join(" ")).toMatch(/suit la validation de sa lettre d’intention, le 10.juillet 2025/);
    // A letter validated inside the window leaves the amorçage possible.
    expect(financingDateRules("T1", ["ACCES"], undefined, "2021-06-01").amorcage).toBe("conditionnel");
  });

  it("shows the start-up payment of the lettre d'intention only for a letter validated under avenant 2", () => {
    const old = simulateFinancing({ taille: "T1", missions: ["ACCES"], validation_lettre: "2021-05-01" });
    expect(old.avant_contrat).toEqual([]);
    expect(old.notes.join(" ")).toContain("n’existait pas encore");
    const recent = simulateFinancing({ taille: "T1", missions: ["ACCES"], validation_lettre: "2023-05-01" });
    expect(recent.avant_contrat[0]).toMatchObject({ code: "DEMARRAGE_LETTRE_INTENTION", montant: 15_000 });
    expect(simulateFinancing({ taille: "T1", missions: ["ACCES"], existante: true }).avant_contrat).toEqual([]);
  });

  it("pays the crisis mission from the first contract year that starts once it applies", () => {
    const r = simulateFinancing({ taille: "T3", missions: ["ACCES", "CRISE"], signature: "2020-03-15" });
    const crisis = r.par_annee.map((y) => y.lignes.some((l) => l.code === "CRISE_FIXE"));
    expect(crisis).toEqual([false, false, false, true, true]);
  });
});

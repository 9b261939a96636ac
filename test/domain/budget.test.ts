import { describe, expect, it } from "vitest";
import { computeBudget } from "../../src/domain/budget.js";
import { budgetFindings } from "../../src/domain/substance.js";
import { budgetView } from "../../src/domain/model/budget-view.js";
import type { Project } from "../../src/project/types.js";
import { loadExample } from "../examples.js";

const NBSP = "\u00a0";
const TERRITORY = { resolved: true, communes: 10, population: 60_000 };

function project(budget: Project["budget"], extra: Partial<Project> = {}): Project {
  return { version: 1, cpts: { nom: "CPTS du Val" }, missions: [{ code: "ACCES" }], budget, ...extra };
}

const line = (montant: number) => ({ libelle: "ligne", montant, source: "devis" });

describe("computeBudget", () => {
  it("computes coordination from FTE, gross salary and employer costs, year by year", () => {
    const b = computeBudget(
      project({ coordination: { etp_par_annee: [0.5, 1], salaire_brut_annuel: 40_000, charges_patronales_pourcentage: 45 }, annees: 2 }),
      { taille: "T2", missions: ["ACCES"] },
    );
    expect(b.charges.find((r) => r.code === "COORDINATION")!.montants).toEqual([29_000, 58_000]);
    expect(b.charges.find((r) => r.code === "COORDINATION")!.calcul).toContain(`0,5${NBSP}ETP (année${NBSP}1), 1${NBSP}ETP (année${NBSP}2)`);
  });

  it("keeps an amount nobody gave unknown, and the balance of that year unknown, never zero", () => {
    const b = computeBudget(project({ locaux: line(6000) }), { taille: "T2", missions: ["ACCES"] });
    const y = b.par_annee[0]!;
    expect(b.charges.find((r) => r.code === "SYSTEME_INFORMATION")!.montants[0]).toBeNull();
    expect(y.charges.montant).toBeNull();
    expect(y.charges.connu).toBe(6000);
    expect(y.solde).toBeNull();
    expect(y.etat).toBe("inconnu");
    // The taille 2 mission amounts are not in the sources: the ACI missions line is unknown too.
    expect(b.produits.find((r) => r.code === "ACI_MISSIONS")!.montants[0]).toBeNull();
    expect(y.produits.inconnus).toContain("ACI, missions");
  });

  it("balances each year when produits equal charges, and says which years are in deficit", () => {
    const p = project(
      {
        annees: 2,
        coordination: { etp: 1, salaire_brut_annuel: 30_000, charges_patronales_pourcentage: 50 },
        indemnisation: { par_annee: [10_000, 20_000] },
        systeme_information: line(0),
        locaux: line(0),
        communication: line(0),
        comptabilite: line(0),
        fir: line(0),
        cotisations: { montant: 0 },
      },
      { financement: { contrat: { fonctionnement: 55_000, missions: { ACCES: { fixe: 0, variable: 0 } } } } },
    );
    const b = computeBudget(p, { taille: "T2", missions: ["ACCES"] });
    expect(b.par_annee.map((y) => [y.solde, y.etat])).toEqual([
      [0, "equilibre"],
      [-10_000, "deficit"],
    ]);
    expect(budgetView(b).soldes).toEqual(["équilibré", `−10\u202f000${NBSP}€`]);
    expect(budgetFindings(p, TERRITORY).map((f) => f.message)).toContain(
      `l’année 2 du budget est en déficit de 10\u202f000${NBSP}€ : les charges dépassent les produits`,
    );
  });

  it("counts the variable parts at the expected share, and the cotisations from the association's fee", () => {
    const p = project(
      { aci_part_variable_pourcentage: 50, cotisations: { membres: 100 } },
      { association: { cotisation: { montant: 30 } }, financement: { contrat: { fonctionnement: 50_000, missions: { ACCES: { fixe: 10_000, variable: 8000 } } } } },
    );
    const b = computeBudget(p, { taille: "T1", missions: ["ACCES"] });
    expect(b.produits.find((r) => r.code === "ACI_MISSIONS")!.montants[0]).toBe(14_000);
    expect(b.produits.find((r) => r.code === "ACI_MISSIONS")!.source).toBe("contrat ACI signé");
    expect(b.produits.find((r) => r.code === "COTISATIONS")!.montants[0]).toBe(3000);
  });

  it("counts the members who pay the cotisation when the statuts exempt some categories", () => {
    const categories = [
      { nom: "membres actifs", description: "professionnels" },
      { nom: "membres d’honneur", description: "nommés", dispensee_de_cotisation: true },
    ];
    const p = project({ cotisations: { membres: 100 } }, { association: { cotisation: { montant: 30 }, membres: { categories } } });
    const row = () => computeBudget(p, { taille: "T1", missions: ["ACCES"] }).produits.find((r) => r.code === "COTISATIONS")!;
    expect(row().calcul).toBe(`100${NBSP}membres cotisants × 30${NBSP}€`);
    delete categories[1]!.dispensee_de_cotisation;
    expect(row().calcul).toBe(`100${NBSP}membres × 30${NBSP}€`);
  });

  it("compares the most paid to one professional with the yearly cap of D1434-44, where the cap is known", () => {
    const p = project({ indemnisation: { montant: 100_000, maximum_par_professionnel: 50_000 } }, { calendrier: { signature_aci: "2023-01-10" } });
    const b = computeBudget(p, { taille: "T2", missions: ["ACCES"] });
    expect(b.plafond_indemnisation.annees[0]).toEqual({ annee: 1, annee_civile: 2023, plafond: 43_992, depasse: true });
    // 2024 is not in the sources: unknown, not guessed.
    expect(b.plafond_indemnisation.annees[1]).toEqual({ annee: 2, annee_civile: 2024, plafond: null, depasse: null });
    const finding = budgetFindings(p, TERRITORY).find((f) => f.code === "budget.plafond-indemnisation")!;
    expect(finding.severity).toBe("erreur");
    expect(finding.message).toContain("article D1434-44");
  });

  it("does not print, in a document, the plafond of a year after the document's date", () => {
    const p = project({ indemnisation: { par_annee: [1000, 1000], maximum_par_professionnel: 5000 }, annees: 2 }, { calendrier: { signature_aci: "2022-01-10" } });
    const later = computeBudget(p, { taille: "T2", missions: ["ACCES"], documentDate: "2022-09-15" });
    expect(later.plafond_indemnisation.annees[1]).toMatchObject({ annee_civile: 2023, plafond: null });
    expect(budgetView(later).plafond_texte).toContain("Les plafonds de 2022 et 2023 sont à vérifier");
    const then = computeBudget(p, { taille: "T2", missions: ["ACCES"], documentDate: "2023-02-01" });
    expect(then.plafond_indemnisation.annees[1]).toMatchObject({ annee_civile: 2023, plafond: 43_992 });
  });

  it("says the statutory auditor threshold is unknown unless the project gives it with its text", () => {
    const unknown = computeBudget(project({ fir: line(200_000) }), { taille: "T2", missions: [] });
    expect(unknown.commissaire_aux_comptes.seuil).toBeNull();
    expect(unknown.commissaire_aux_comptes.requis).toBeNull();
    expect(budgetView(unknown).commissaire_texte).toContain("restent à vérifier");
    const p = project({ fir: line(200_000), seuil_commissaire_aux_comptes: { montant: 100_000, source: "texte cité par le projet" } });
    const known = computeBudget(p, { taille: "T2", missions: [] });
    expect(known.commissaire_aux_comptes.requis).toBe(true);
    expect(known.commissaire_aux_comptes.texte).toContain("(texte cité par le projet)");
    expect(budgetFindings(p, TERRITORY).map((f) => f.code)).toContain("budget.commissaire");
    // Public subsidies without the threshold: the validator asks for it; without subsidies, nothing to compare.
    expect(budgetFindings(project({ fir: line(12_000) }), TERRITORY).map((f) => f.code)).toContain("budget.seuil-commissaire");
    expect(budgetFindings(project({ fir: line(0) }), TERRITORY).map((f) => f.code)).not.toContain("budget.seuil-commissaire");
  });

  it("reminds that example amounts are to replace, wherever they are in the budget", () => {
    const codes = (b: Project["budget"]) => budgetFindings(project(b), TERRITORY).map((f) => f.code);
    expect(codes({ locaux: line(6000) })).not.toContain("budget.donnees-exemple");
    expect(codes({ subventions: [{ ...line(4000), exemple: true }] })).toContain("budget.donnees-exemple");
  });

  it("reports a project without budget, and a renewal budgets the next contract, not the first one", () => {
    expect(budgetFindings(project(undefined), TERRITORY).map((f) => f.code)).toEqual(["budget.absent"]);
    const renewal = computeBudget(
      project({}, { calendrier: { signature_aci: "2020-03-15", actualisation_projet_sante: { date: "2025-01-10", motif: "renouvellement_contrat" } } }),
      { taille: "T3", missions: ["ACCES"] },
    );
    expect(renewal.par_annee[0]!.debut).toBeNull();
    expect(renewal.notes.join(" ")).toContain("Renouvellement du contrat");
  });
});

describe("the examples' budgets", () => {
  it.each(["bergerac", "chambery"] as const)("%s balances every year of the contract", async (name) => {
    const [p] = await loadExample(name);
    const missions = (p.missions ?? []).map((m) => m.code) as never;
    const b = computeBudget(p, { taille: p.territoire!.taille, missions });
    expect(b.par_annee).toHaveLength(5);
    expect(b.par_annee.every((y) => y.etat === "equilibre")).toBe(true);
  });
});

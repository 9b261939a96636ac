import { describe, expect, it } from "vitest";
import { formatBudgetTable } from "../../src/cli/budget-table.js";
import { run } from "../../src/cli/main.js";
import { computeBudget } from "../../src/domain/budget.js";
import type { Project } from "../../src/project/types.js";
import { memoryIo } from "../helpers.js";
import { examplePath, loadExample } from "../examples.js";

const width = (text: string) => Math.max(...text.split("\n").map((l) => [...l].length));

describe("formatBudgetTable", () => {
  it("fits in 80 columns, and names each source and example figure under the table", async () => {
    const [p] = await loadExample("bergerac");
    const text = formatBudgetTable(computeBudget(p, { taille: "T2", missions: (p.missions ?? []).map((m) => m.code) as never }), {
      color: false,
      titre: p.cpts.nom,
    });
    expect(width(text)).toBeLessThanOrEqual(80);
    expect(text).toMatch(/^Solde +équilibré +équilibré +équilibré +équilibré +équilibré$/m);
    expect(text).toContain("Sources et calculs");
    expect(text).toMatch(/\(1\) Coordination — salaire brut et charges patronales, 0,5\u00a0ETP/);
    expect(text).toContain("source\u00a0: contrat ACI signé\u00a0; donnée d’exemple");
    // A « ; » stays with the word before it: no note line starts with one.
    expect(text).not.toMatch(/^\s*;/m);
    expect(text).not.toContain("\x1b[");
  });

  it("prints an unknown amount as « inconnu » and the balance of its year as not computable", () => {
    const p: Project = { version: 1, cpts: { nom: "CPTS du Val" }, budget: { locaux: { libelle: "Bureau", montant: 6000 } } };
    const text = formatBudgetTable(computeBudget(p, { taille: "T2", missions: [] }), { color: false, titre: "CPTS du Val" });
    expect(text).toMatch(/^ {2}Système d’information +inconnu +inconnu/m);
    expect(text).toMatch(/^Solde +inconnu +inconnu/m);
    expect(text).toContain("Année\u00a01\u00a0: solde non calculable, montants inconnus");
    expect(width(text)).toBeLessThanOrEqual(80);
  });
});

describe("cpts financement --budget", () => {
  it("prints the project's budget, and JSON with --json", async () => {
    const io = memoryIo(process.cwd());
    expect(await run(["financement", "--budget", examplePath("chambery")], io)).toBe(0);
    expect(io.out).toContain("Budget prévisionnel\u00a0: CPTS Chambéry agglo");
    const json = memoryIo(process.cwd());
    expect(await run(["financement", "--budget", "--json", examplePath("chambery")], json)).toBe(0);
    const parsed = (JSON.parse(json.out) as { budget: { par_annee: { etat: string }[] } }).budget;
    expect(parsed.par_annee.map((y) => y.etat)).toEqual(["equilibre", "equilibre", "equilibre", "equilibre", "equilibre"]);
  });

  it("refuses --taille with --budget, which reads the project's own figures", async () => {
    const io = memoryIo(process.cwd());
    expect(await run(["financement", "--budget", "--taille", "T2", examplePath("chambery")], io)).toBe(2);
    expect(io.err).toContain("--budget lit le budget du fichier projet");
  });
});

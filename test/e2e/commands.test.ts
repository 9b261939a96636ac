import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLES, runCli, tempDir } from "../helpers.js";

const BERGERAC = join(EXAMPLES, "bergerac", "cpts.yaml");
const CHAMBERY = join(EXAMPLES, "chambery", "cpts.yaml");

async function freshProject(name = "CPTS Test"): Promise<string> {
  const dir = tempDir();
  const r = await runCli(["init", "--nom", name], { cwd: dir });
  expect(r.code).toBe(0);
  return dir;
}

describe("cpts territoire", () => {
  it("summarises the Bergerac territory from official data, in JSON", async () => {
    const r = await runCli(["territoire", BERGERAC, "--json"]);
    expect(r.code).toBe(0);
    const t = JSON.parse(r.stdout);
    expect(t.nombre_communes).toBe(38);
    expect(t.population).toBeGreaterThan(40000);
    expect(t.population).toBeLessThan(80000);
    expect(t.taille).toBe("T2");
    expect(t.ars.map((a: { nom: string }) => a.nom)).toEqual(["ARS Nouvelle-Aquitaine"]);
    expect(t.cpam.map((c: { nom: string }) => c.nom)).toEqual(["CPAM de la Dordogne"]);
    expect(t.modifie).toBe(false);
  });

  it("sets an EPCI by name, stores population and taille, and keeps the file's comments", async () => {
    const dir = await freshProject();
    const before = readFileSync(join(dir, "cpts.yaml"), "utf8");
    const r = await runCli(["territoire", "--epci", "CA Bergeracoise", "--ajouter", "Lalinde,Mouleydier"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Territoire mis à jour/);
    expect(r.stdout).toMatch(/Taille ACI\u00a0: T2/);
    const after = readFileSync(join(dir, "cpts.yaml"), "utf8");
    expect(after).toContain('epci: ["200070647"]');
    expect(after).toContain('communes: ["24223"]');
    expect(r.stdout).toMatch(/24296 fait déjà partie de .* n’est pas ajoutée une seconde fois/);
    expect(after).toMatch(/population:\n\s+valeur: \d+\n\s+annee: 2023/);
    for (const line of before.split("\n").filter((l) => l.trim().startsWith("#"))) expect(after).toContain(line.trim());
    expect(readFileSync(join(dir, "cpts.yaml.bak"), "utf8")).toBe(before);
    const v = await runCli(["valider", "--json"], { cwd: dir });
    expect(JSON.parse(v.stdout).constats.filter((f: { code: string }) => f.code.startsWith("territoire"))).toEqual([]);
  });

  it("refuses an unknown commune without touching the file", async () => {
    const dir = await freshProject();
    const before = readFileSync(join(dir, "cpts.yaml"), "utf8");
    const r = await runCli(["territoire", "--communes", "24037,99999"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/99999/);
    expect(r.stderr).toMatch(/n’a pas été touché/);
    expect(readFileSync(join(dir, "cpts.yaml"), "utf8")).toBe(before);
  });

  it("reports in valider a stored population that disagrees with the data", async () => {
    const dir = tempDir();
    copyFileSync(BERGERAC, join(dir, "cpts.yaml"));
    const text = readFileSync(join(dir, "cpts.yaml"), "utf8").replace(/(population:\n\s+valeur: )\d+/, "$164455");
    writeFileSync(join(dir, "cpts.yaml"), text);
    const r = await runCli(["valider"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/territoire\.population\.valeur\u00a0: population enregistrée 64\u202f455, population calculée/);
  });
});

describe("cpts financement", () => {
  it("simulates a T2 CPTS without a project and never invents a per-mission amount", async () => {
    const r = await runCli(["financement", "--taille", "T2", "--missions", "ACCES,PREVENTION", "--json"]);
    expect(r.code).toBe(0);
    const f = JSON.parse(r.stdout).financement;
    expect(f.taille).toBe("T2");
    const lines = f.par_annee[0].lignes;
    expect(lines.find((l: { code: string }) => l.code === "FONCTIONNEMENT").montant).toBe(60000);
    for (const l of lines.filter((x: { mission?: string }) => x.mission)) {
      expect(l.montant).toBeNull();
      expect(l.mention).toBe("montant fixé par le contrat, à confirmer auprès de la CPAM");
    }
    expect(f.par_annee[0].total.complet).toBe(false);
  });

  it("prints a table for the project's own taille and missions", async () => {
    const r = await runCli(["financement", BERGERAC]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/taille\u00a02/);
    expect(r.stdout).toMatch(/Fonctionnement\s+60\u202f000\u00a0€/);
    // Bergerac copies its signed contract's figures, and the amounts are those of its signature date.
    expect(r.stdout).toMatch(/^Fonctionnement\s+60\u202f000\u00a0€\s+60\u202f000\u00a0€\s+\(1\)$/m);
    expect(r.stdout).toMatch(/^\(1\) Origine\u00a0: contrat, donnée d’exemple\.$/m);
    expect(r.stdout).toMatch(/Contrat signé le 15\smars 2020\s: montants de l’ACI de 2019 au départ/);
  });

  it("rejects a bad taille with exit code 2", async () => {
    const r = await runCli(["financement", "--taille", "T9"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/T1, T2, T3 ou T4 attendu, trouvé «\u00a0T9\u00a0»/);
  });
});

describe("cpts etat", () => {
  it("shows steps, documents, next actions and deadlines for a half-way project", async () => {
    const r = await runCli(["etat", CHAMBERY, "--date", "2026-11-23"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/où en est le projet\u00a0\? \(23\u00a0novembre 2026\)/);
    // The CPTS exists and updates its projet de santé: its creation steps are behind it.
    expect(r.stdout).toMatch(/Lettre d’intention\s+fait\s+étape passée/);
    expect(r.stdout).toMatch(/Association\s+fait\s+étape passée\u00a0: l’association qui porte la CPTS est fondée/);
    // Its documents are the updated diagnostic and projet de santé, nothing of a creation.
    expect(r.stdout).toMatch(/\nDocuments\n  Diagnostic territorial +prêt[^\n]*\n  Projet de santé actualisé +\d+\séléments à compléter\n\n/);
    expect(r.stdout).not.toMatch(/Statuts|Procès-verbal|Déclaration|document non requis/);
    expect(r.stdout).toMatch(/Projet de santé actualisé\s+en cours/);
    expect(r.stdout).toMatch(/Projet de santé actualisé\s+\d+\séléments à compléter/);
    // Actions written as the command that does them.
    expect(r.stdout).toMatch(/Prochaines actions\n  1\. .+\u00a0: cpts assistant \S*chambery\/cpts\.yaml --etape [a-z-]+\n/);
    expect(r.stdout).toMatch(/31\u00a0mars 2027\s+Envoi à l’ARS du projet de santé actualisé/);
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it("Chambéry in JSON: the two documents of an update, and generer refuses a creation document with the reason", async () => {
    const r = await runCli(["etat", CHAMBERY, "--json", "--date", "2026-11-23"]);
    expect(r.code).toBe(0);
    expect(Object.keys(JSON.parse(r.stdout).documents)).toEqual(["diagnostic", "projet-sante"]);
    const out = tempDir();
    const g = await runCli(["generer", CHAMBERY, "--sortie", out, "--format", "md", "--brouillon", "--document", "lettre-intention,statuts,projet-sante"]);
    expect(g.code).toBe(1);
    expect(g.stderr).toContain(
      "--document lettre-intention ne concerne pas ce projet (Lettre d’intention), car une CPTS qui actualise son projet de santé a passé l’étape de la lettre d’intention, et le fichier ne la date pas (lettre_intention.date)\u00a0; ses documents sont diagnostic, projet-sante.",
    );
    expect(g.stderr).toMatch(/--document statuts ne concerne pas ce projet \(Statuts de l’association\), car une CPTS qui actualise son projet de santé a déjà fondé son association/);
    expect(readdirSync(out).filter((f) => !f.startsWith(".")).sort()).toEqual(["projet-sante.md"]);
    const all = await runCli(["generer", CHAMBERY, "--sortie", out, "--format", "md", "--brouillon"]);
    expect(all.code).toBe(0);
    expect(readdirSync(out).filter((f) => !f.startsWith(".")).sort()).toEqual(["diagnostic.md", "projet-sante.md"]);
  });

  it("gives the same picture in JSON, with deadlines after an ACI signature", async () => {
    const dir = tempDir();
    const text = readFileSync(BERGERAC, "utf8").replace(/signature_aci: \S+/, "signature_aci: 2026-06-30");
    writeFileSync(join(dir, "cpts.yaml"), text);
    const r = await runCli(["etat", "--json", "--date", "2026-11-23"], { cwd: dir });
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.etapes.map((e: { id: string }) => e.id)).toEqual(["diagnostic", "lettre-intention", "association", "projet-sante", "aci"]);
    expect(s.echeances[0]).toMatchObject({ date: "2026-12-30" });
    expect(s.echeances.map((m: { libelle: string }) => m.libelle).join("\n")).toMatch(/crise/i);
  });
});

describe("cpts diagnostic importer", () => {
  it("imports a CSV into the project and keeps the file's comments", async () => {
    const dir = await freshProject();
    writeFileSync(
      join(dir, "indicateurs.csv"),
      "indicateur;valeur;unite;annee;source;territoire_de_reference\nPart des 75 ans et plus;12,4;%;2021;INSEE;\nPart des 75 ans et plus;11,1;%;2021;INSEE;departement\n",
    );
    const r = await runCli(["diagnostic", "importer", "indicateurs.csv", "--json"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ commande: "diagnostic importer", valide: true, ajoutes: 1 });
    const text = readFileSync(join(dir, "cpts.yaml"), "utf8");
    expect(text).toMatch(/libelle: Part des 75 ans et plus\n\s+valeur: 12\.4/);
    expect(text).toMatch(/departement: 11\.1/);
    expect(text).toContain("# Le diagnostic territorial");
  });

  it("writes nothing when one row is bad, and says which line", async () => {
    const dir = await freshProject();
    const before = readFileSync(join(dir, "cpts.yaml"), "utf8");
    writeFileSync(join(dir, "i.csv"), "indicateur;valeur;unite;annee;source;territoire_de_reference\nA;1;%;2021;INSEE;\nB;un;%;2021;INSEE;\n");
    const r = await runCli(["diagnostic", "importer", "i.csv"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/i\.csv:3 colonne valeur\u00a0: nombre attendu, trouvé «\u00a0un\u00a0»/);
    expect(r.stderr).toMatch(/Aucun indicateur n’a été importé/);
    expect(readFileSync(join(dir, "cpts.yaml"), "utf8")).toBe(before);
  });
});

describe("cpts schema --sortie", () => {
  it("gives the path of the --json schema shipped with the tool, and its content", async () => {
    const path = await runCli(["schema", "--sortie"]);
    expect(path.code).toBe(0);
    expect(path.stdout.trim()).toMatch(/schemas[/\\]cpts-sortie\.schema\.json$/);
    expect(existsSync(path.stdout.trim())).toBe(true);
    const content = await runCli(["schema", "--sortie", "--contenu"]);
    expect(JSON.parse(content.stdout)).toMatchObject({ title: "Sortie --json de cpts", required: ["version", "commande", "fichier", "valide", "documents", "constats"] });
  });
});

/**
 * `cpts diagnostic modele` then `cpts diagnostic importer` on a workbook, as a founder does it:
 * the template written (never over a file), filled in Excel (here with exceljs), imported; the
 * messages of a badly filled one name the sheet and the cell.
 */
import ExcelJS from "exceljs";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { run } from "../../src/cli/main.js";
import { expectClean, sha256 } from "../bad-inputs.js";
import { memoryIo, ROOT, tempDir } from "../helpers.js";

const MINIMAL = join(ROOT, "examples", "minimal", "cpts.yaml");

function project(): string {
  const dir = tempDir();
  writeFileSync(join(dir, "cpts.yaml"), readFileSync(MINIMAL, "utf8"));
  return dir;
}

async function cpts(dir: string, ...args: string[]) {
  const io = memoryIo(dir);
  const code = await run(args, io);
  return { code, out: `${io.out}${io.err}`, stdout: io.out };
}

/** The template `file` of `dir`, its example rows emptied, then `rows` written from row 2 on. */
async function fill(dir: string, file: string, rows: ExcelJS.CellValue[][], edit?: (ws: ExcelJS.Worksheet) => void) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, file));
  const ws = wb.getWorksheet("Indicateurs")!;
  for (const line of [2, 3]) ws.getRow(line).values = [];
  rows.forEach((values, i) => {
    ws.getRow(2 + i).values = values;
  });
  edit?.(ws);
  await wb.xlsx.writeFile(join(dir, file));
}

const indicators = (dir: string) => (parse(readFileSync(join(dir, "cpts.yaml"), "utf8")) as { diagnostic: { indicateurs: Record<string, unknown>[] } }).diagnostic.indicateurs;

describe("diagnostic modele", () => {
  it("writes indicateurs.xlsx, then refuses to write over it", async () => {
    const dir = project();
    const first = await cpts(dir, "diagnostic", "modele");
    expectClean(first, [0]);
    expect(first.out).toMatch(/✓ Modèle écrit\u00a0: indicateurs\.xlsx \(8\u00a0colonnes, 2\u00a0lignes d’exemple, et une feuille «\u00a0Aide\u00a0»\)[^]*cpts diagnostic importer indicateurs\.xlsx/);
    const before = sha256(join(dir, "indicateurs.xlsx"));
    const again = await cpts(dir, "diagnostic", "modele", "indicateurs.xlsx");
    expectClean(again, [2]);
    expect(again.out).toMatch(/^indicateurs\.xlsx existe déjà\u00a0: il n’a pas été modifié\. Donnez un autre nom/);
    expect(sha256(join(dir, "indicateurs.xlsx"))).toBe(before);
  });

  it("writes a CSV the import reads when the name ends in .csv, and refuses other names", async () => {
    const dir = project();
    expectClean(await cpts(dir, "diagnostic", "modele", "Donnees.CSV"), [0]);
    const text = readFileSync(join(dir, "Donnees.CSV"), "utf8");
    expect(text.split("\r\n")).toEqual([
      "\ufeffindicateur;valeur;unite;annee;source;territoire_de_reference;theme;commentaire",
      "Exemple : part des 75 ans et plus;11,2;%;2021;INSEE, recensement de la population;territoire;population;Ligne d’exemple : remplacez-la par vos chiffres.",
      "Exemple : part des 75 ans et plus;10,4;%;2021;INSEE, recensement de la population;departement;;",
      "",
    ]);
    const refused = await cpts(dir, "diagnostic", "importer", "Donnees.CSV");
    expectClean(refused, [1]);
    expect(refused.out).toMatch(/Donnees\.CSV:2 colonne indicateur\u00a0: ligne d’exemple du modèle/);
    for (const [name, message] of [
      ["indicateurs.ods", /indicateurs\.ods\u00a0: le modèle s’écrit en classeur Excel ou en CSV/],
      ["absent/indicateurs.xlsx", /le dossier où l’écrire n’existe pas/],
    ] as const) {
      const r = await cpts(dir, "diagnostic", "modele", name);
      expectClean(r, [2]);
      expect(r.out).toMatch(message);
      expect(existsSync(join(dir, name))).toBe(false);
    }
  });
});

describe("diagnostic importer, workbook", () => {
  it("imports the filled template: percentages as shown, French decimals, formulas, empty rows skipped", async () => {
    const dir = project();
    await cpts(dir, "diagnostic", "modele");
    await fill(
      dir,
      "indicateurs.xlsx",
      [
        ["Part des 75 ans et plus", 0.131, "%", 2021, "INSEE, recensement", "territoire", "population", "En hausse."],
        [],
        ["Part des 75 ans et plus", "10,4", "%", 2021, "INSEE, recensement", "departement"],
        ["Densité de médecins généralistes", { formula: "81/10", result: 8.1 }, "pour 10 000 habitants", 2022, "Rézone CPTS"],
      ],
      (ws) => {
        ws.getCell("B2").numFmt = "0.0%";
      },
    );
    const r = await cpts(dir, "diagnostic", "importer", "indicateurs.xlsx");
    expectClean(r, [0]);
    expect(r.out).toMatch(/✓ 2\u00a0indicateurs lus dans indicateurs\.xlsx \(feuille Indicateurs\)\u00a0: 2\u00a0ajoutés[^]*\+ Part des 75 ans et plus \(ligne 2\)\n {2}\+ Densité de médecins généralistes \(ligne 5\)/);
    expect(indicators(dir)).toEqual([
      { libelle: "Part des 75 ans et plus", valeur: 13.1, unite: "%", annee: 2021, source: "INSEE, recensement", theme: "population", commentaire: "En hausse.", references: { departement: 10.4 } },
      { libelle: "Densité de médecins généralistes", valeur: 8.1, unite: "pour 10 000 habitants", annee: 2022, source: "Rézone CPTS" },
    ]);
    expectClean(await cpts(dir, "valider"), [0]);
  });

  it("names the sheet and the cell of each error, in text and in JSON, and writes nothing", async () => {
    const dir = project();
    await cpts(dir, "diagnostic", "modele", "i.xlsx");
    await fill(dir, "i.xlsx", [
      ["A", "beaucoup", "%", 2021, "INSEE", ""],
      ["B", 3, "%", 2021, { formula: "1/0", result: { error: "#DIV/0!" } }, ""],
    ]);
    const before = sha256(join(dir, "cpts.yaml"));
    const text = await cpts(dir, "diagnostic", "importer", "i.xlsx");
    expectClean(text, [1]);
    expect(text.out).toContain(
      "Erreurs dans i.xlsx (2)\n  i.xlsx, feuille Indicateurs, cellule B2\u00a0: nombre attendu, trouvé «\u00a0beaucoup\u00a0»\n" +
        "  i.xlsx, feuille Indicateurs, cellule E3\u00a0: la cellule affiche l’erreur #DIV/0!\u00a0: corrigez sa formule ou saisissez la valeur\n",
    );
    expect(text.out).toMatch(/Aucun indicateur n’a été importé\u00a0: corrigez ces cellules puis relancez la commande\.\n$/);
    await cpts(dir, "diagnostic", "modele", "j.xlsx");
    await fill(dir, "j.xlsx", [["A", "beaucoup", "%", 21, "INSEE", ""]]);
    const json = await cpts(dir, "diagnostic", "importer", "j.xlsx", "--json");
    const data = JSON.parse(json.stdout);
    expect(data).toMatchObject({ commande: "diagnostic importer", valide: false, source: "j.xlsx", feuille: "Indicateurs", encodage: null, modifie: false });
    expect(data.constats).toEqual([
      { chemin: "valeur", code: "xlsx", colonne: 2, document: null, fichier: "j.xlsx", gravite: "erreur", ligne: 2, message: "nombre attendu, trouvé « beaucoup »" },
      { chemin: "annee", code: "xlsx", colonne: 4, document: null, fichier: "j.xlsx", gravite: "erreur", ligne: 2, message: "année sur 4 chiffres attendue, trouvé « 21 »" },
    ]);
    expect(sha256(join(dir, "cpts.yaml"))).toBe(before);
    expect(existsSync(join(dir, "cpts.yaml.bak"))).toBe(false);
  });
});

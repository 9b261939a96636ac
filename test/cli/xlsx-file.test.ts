/**
 * Reading an indicators workbook: each cell as the CSV path would read it, what Excel shows
 * (percentages, formula results, merged cells), the sheet chosen, and the files that are not
 * workbooks. The workbooks are made here with exceljs, the library cpts reads them with.
 */
import ExcelJS from "exceljs";
import { zipSync, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, INDICATOR_TEMPLATE, importIndicatorRows, importIndicators, type CsvRow } from "../../src/domain/index.js";
import { columnLetters, readWorkbook, templateWorkbook, type SheetRead } from "../../src/cli/xlsx-file.js";

const HEADER = [...CSV_COLUMNS];

/** A workbook of one sheet per entry, each filled by its function. */
async function workbook(sheets: Record<string, (ws: ExcelJS.Worksheet) => void>, hidden: string[] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, fill] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name, hidden.includes(name) ? { state: "hidden" } : {});
    fill(ws);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function rowsOf(read: SheetRead): { sheet: string; rows: CsvRow[] } {
  if ("message" in read) throw new Error(read.message);
  expect(read.problems).toEqual([]);
  return { sheet: read.sheet, rows: read.rows };
}

describe("columnLetters", () => {
  it("names columns as Excel does", () => {
    expect([0, 2, 25, 26, 27, 51, 52, 701, 702].map(columnLetters)).toEqual(["A", "C", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
  });
});

describe("cells", () => {
  it("reads numbers as numbers, percentages as shown, French text as the CSV path does, and skips empty rows", async () => {
    const bytes = await workbook({
      Indicateurs: (ws) => {
        ws.addRow(HEADER);
        ws.addRow(["Part des 75 ans et plus", 0.131, "%", 2021, "INSEE", "territoire"]);
        ws.getCell("B2").numFmt = "0.0%";
        ws.addRow([]);
        ws.addRow(["  ", "", null]);
        ws.addRow(["Part des 75 ans et plus", "13,1", "%", 2021, "INSEE", "departement"]);
        ws.addRow(["Densité", 0.1 + 0.2, "", 2022, "Rézone CPTS", ""]);
        // A percent sign inside quotes is text: the value is not multiplied.
        ws.addRow(["Taux", 4.5, "", 2022, "ORS", ""]);
        ws.getCell("B7").numFmt = '0.0" %"';
      },
    });
    const { sheet, rows } = rowsOf(await readWorkbook(bytes));
    expect(sheet).toBe("Indicateurs");
    expect(rows.map((r) => r.line)).toEqual([1, 2, 5, 6, 7]);
    expect(rows.map((r) => r.cells[1])).toEqual(["valeur", "13.1", "13,1", "0.3", "4.5"]);
    const result = importIndicatorRows(rows);
    expect(result.errors).toEqual([]);
    expect(result.indicators[0]).toMatchObject({ libelle: "Part des 75 ans et plus", valeur: 13.1, annee: 2021, references: { departement: 13.1 } });
    expect(result.indicators[1]!.valeur).toBe(0.3);
    expect(result.lines).toEqual([2, 6, 7]);
  });

  it("takes a formula's last result, a merged cell's value, rich text, a link's text and a date as jj/mm/aaaa", async () => {
    const bytes = await workbook({
      Indicateurs: (ws) => {
        ws.addRow([...HEADER, "commentaire"]);
        ws.addRow(["Densité", null, null, 2022, null, ""]);
        ws.getCell("B2").value = { formula: "81/10", result: 8.1 };
        ws.getCell("C2").value = { richText: [{ text: "pour 10 000 " }, { text: "habitants", font: { bold: true } }] };
        ws.getCell("E2").value = { text: "Rézone CPTS", hyperlink: "https://rezone.example" };
        ws.getCell("G2").value = new Date(Date.UTC(2024, 2, 5));
        ws.addRow(["Densité", 9.2, null, 2022, null, "departement"]);
        ws.mergeCells("E2:E3");
      },
    });
    const { rows } = rowsOf(await readWorkbook(bytes));
    expect(rows[1]!.cells).toEqual(["Densité", "8.1", "pour 10 000 habitants", "2022", "Rézone CPTS", "", "05/03/2024"]);
    expect(rows[2]!.cells[4]).toBe("Rézone CPTS");
    const result = importIndicatorRows(rows);
    expect(result.errors).toEqual([]);
    expect(result.indicators).toEqual([
      { libelle: "Densité", valeur: 8.1, unite: "pour 10 000 habitants", annee: 2022, source: "Rézone CPTS", commentaire: "05/03/2024", references: { departement: 9.2 } },
    ]);
  });

  it("reports an error value and a formula never computed with their cell", async () => {
    const bytes = await workbook({
      Indicateurs: (ws) => {
        ws.addRow(HEADER);
        ws.addRow(["A", { formula: "1/0", result: { error: "#DIV/0!" } }, "%", 2021, "INSEE", ""]);
        ws.addRow(["B", 3, "%", { formula: "C1+1" }, "INSEE", ""]);
      },
    });
    const read = await readWorkbook(bytes);
    expect("problems" in read && read.problems).toEqual([
      { line: 2, cell: 1, message: expect.stringMatching(/^la cellule affiche l’erreur #DIV\/0! : corrigez sa formule/) },
      { line: 3, cell: 3, message: expect.stringMatching(/^formule dont le résultat n’a pas été enregistré/) },
    ]);
  });

  it("gives the same rules' errors with the cell of each", async () => {
    const bytes = await workbook({
      Feuil1: (ws) => {
        ws.addRow(["", ...HEADER]);
        ws.addRow(["", "A", "beaucoup", "%", 21, "INSEE", "commune"]);
      },
    });
    const { rows } = rowsOf(await readWorkbook(bytes));
    expect(importIndicatorRows(rows).errors).toEqual([
      { line: 2, column: "valeur", cell: 2, message: "nombre attendu, trouvé « beaucoup »" },
      { line: 2, column: "annee", cell: 4, message: "année sur 4 chiffres attendue, trouvé « 21 »" },
      { line: 2, column: "territoire_de_reference", cell: 6, message: expect.stringMatching(/^« commune » inconnu/) },
    ]);
  });
});

describe("sheets", () => {
  it("reads the sheet named Indicateurs wherever it is, else the first one shown", async () => {
    const fill = (name: string) => (ws: ExcelJS.Worksheet) => ws.addRow([name]);
    const named = await workbook({ Notes: fill("notes"), INDICATEURS: fill("indicateurs") });
    expect(rowsOf(await readWorkbook(named)).rows[0]!.cells).toEqual(["indicateurs"]);
    const first = await workbook({ Cachée: fill("cachée"), Données: fill("données") }, ["Cachée"]);
    expect(rowsOf(await readWorkbook(first))).toEqual({ sheet: "Données", rows: [{ line: 1, cells: ["données"] }] });
  });

  it("an empty sheet says what its first row must be", async () => {
    const { rows } = rowsOf(await readWorkbook(await workbook({ Indicateurs: () => undefined })));
    expect(importIndicatorRows(rows).errors).toEqual([{ line: 1, message: expect.stringMatching(/^feuille vide : la première ligne doit être l’en-tête/) }]);
  });
});

describe("files that are not workbooks", () => {
  const message = async (bytes: Uint8Array) => {
    const read = await readWorkbook(bytes);
    return "message" in read ? read.message : `lu : ${JSON.stringify(read)}`;
  };
  const ole = (extra: Buffer) => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), extra]);

  it("names what each one is and how to save it as .xlsx", async () => {
    const real = await workbook({ Indicateurs: (ws) => ws.addRow(HEADER) });
    expect(await message(Buffer.from(`${HEADER.join(";")}\nA;1;%;2021;INSEE;\n`))).toMatch(/^fichier texte \(un CSV \?\) nommé \.xlsx : renommez-le en \.csv/);
    expect(await message(ole(Buffer.from("EncryptedPackage", "utf16le")))).toMatch(/^classeur protégé par un mot de passe : enregistrez-en une copie sans mot de passe/);
    expect(await message(ole(Buffer.from("Workbook", "utf16le")))).toMatch(/^classeur Excel 97-2003 \(\.xls\), que cpts ne lit pas/);
    expect(await message(real.subarray(0, real.length >> 1))).toMatch(/^classeur endommagé ou qui n’est pas au format \.xlsx/);
    expect(await message(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 0xff)]))).toMatch(/^classeur endommagé/);
    expect(await message(Buffer.from(zipSync({ "a.txt": strToU8("bonjour") })))).toMatch(/^le classeur n’a aucune feuille de calcul/);
    expect(await message(Buffer.from(zipSync({ mimetype: strToU8("application/vnd.oasis.opendocument.spreadsheet") }, { level: 0 })))).toMatch(/^classeur OpenDocument \(\.ods\)/);
    expect(await message(new Uint8Array())).toMatch(/^fichier vide, pas un classeur/);
    expect(await message(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 0xff]))).toMatch(/^ce n’est pas un classeur Excel \(\.xlsx\)/);
  });
});

describe("template", () => {
  it("has every column the import reads, a help sheet, and two example rows the import refuses", async () => {
    const bytes = await templateWorkbook();
    const { sheet, rows } = rowsOf(await readWorkbook(bytes));
    expect(sheet).toBe("Indicateurs");
    expect(rows[0]!.cells).toEqual(INDICATOR_TEMPLATE.columns.map((c) => c.name));
    expect(rows).toHaveLength(3);
    const refused = importIndicatorRows(rows).errors;
    expect(refused).toEqual([2, 3].map((line) => ({ line, column: "indicateur", cell: 0, message: "ligne d’exemple du modèle, à remplacer par vos chiffres ou à supprimer" })));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Indicateurs", "Aide"]);
    expect(wb.getWorksheet("Aide")!.getColumn(1).values).toEqual(expect.arrayContaining(INDICATOR_TEMPLATE.columns.map((c) => c.name)));
  });

  it("once its examples are replaced, imports the same indicators as the same rows in CSV", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await templateWorkbook()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Indicateurs")!;
    for (const line of [2, 3]) ws.getCell(`A${line}`).value = "Part des 75 ans et plus";
    const { rows } = rowsOf(await readWorkbook(Buffer.from(await wb.xlsx.writeBuffer())));
    const csv = rows.map((r) => r.cells.map((c) => (/^\d+\.\d+$/.test(c) ? c.replace(".", ",") : c)).join(";")).join("\n");
    const fromSheet = importIndicatorRows(rows);
    expect(fromSheet.errors).toEqual([]);
    expect(fromSheet.indicators).toEqual(importIndicators(csv).indicators);
    expect(fromSheet.indicators[0]).toMatchObject({ valeur: INDICATOR_TEMPLATE.examples[0]![1], references: { departement: INDICATOR_TEMPLATE.examples[1]![1] } });
  });
});

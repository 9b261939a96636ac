/**
 * Reading the indicators sheet of an Excel workbook (.xlsx), and writing the template to fill.
 * exceljs does the reading and the writing; it is loaded only by the commands that open a
 * workbook (`await import`), so that the others do not pay for it.
 *
 * Each cell becomes the text the CSV path would have read, so that both formats go through the
 * same rules (src/domain/indicators-csv.ts): a number cell gives its number (rounded to the 15
 * significant digits Excel shows), a percent-formatted one the percentage shown (0,131 → 13,1), a
 * formula its last computed result, a date « jj/mm/aaaa ». What no text can stand for (an error
 * such as #DIV/0!, a formula never computed) is reported with its cell.
 */
import type { Cell, CellValue, Workbook, Worksheet } from "exceljs";
import { CSV_COLUMNS, INDICATOR_TEMPLATE, type CsvRow } from "../domain/index.js";
import { formatDateShort, visibleControls } from "../french/index.js";
import { foldAccents } from "../project/index.js";
import { decodeCsv } from "./csv-file.js";

/**
 * exceljs is CommonJS: Node gives its exports as `default` only, where its types declare them as
 * named exports.
 */
async function excelJs(): Promise<typeof import("exceljs")> {
  return ((await import("exceljs")) as unknown as { default: typeof import("exceljs") }).default;
}

/** The sheet read when a workbook has several (the template's name). */
export const SHEET_NAME = "Indicateurs";
const HELP_SHEET_NAME = "Aide";

/** A cell whose content cannot be read as a value. */
export interface CellProblem {
  line: number;
  /** 0-based column: 0 is A. */
  cell: number;
  message: string;
}

export type SheetRead = { sheet: string; rows: CsvRow[]; problems: CellProblem[] } | { message: string };

/** The letters of a 0-based column: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const SAVE_AS_XLSX = "ouvrez-le dans le tableur et enregistrez-le en « Classeur Excel (.xlsx) », ou en CSV";

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Why bytes that are not a zip archive cannot be a workbook: Excel keeps a workbook protected by
 * a password in an OLE container (a stream named « EncryptedPackage »), as it did the .xls of
 * Excel 97-2003; a text file renamed .xlsx decodes as CSV.
 */
function notAWorkbook(bytes: Uint8Array): string {
  if (startsWith(bytes, OLE)) {
    const encrypted = Buffer.from(bytes).includes(Buffer.from("EncryptedPackage", "utf16le"));
    return encrypted
      ? "classeur protégé par un mot de passe : enregistrez-en une copie sans mot de passe (Fichier › Informations › Protéger le classeur › Chiffrer avec mot de passe, puis effacez-le) et importez cette copie"
      : `classeur Excel 97-2003 (.xls), que cpts ne lit pas : ${SAVE_AS_XLSX}`;
  }
  if (bytes.length === 0) return `fichier vide, pas un classeur : ${SAVE_AS_XLSX}`;
  if ("text" in decodeCsv(bytes)) return "fichier texte (un CSV ?) nommé .xlsx : renommez-le en .csv pour l’importer comme CSV, ou enregistrez-le depuis le tableur en « Classeur Excel (.xlsx) »";
  return `ce n’est pas un classeur Excel (.xlsx) : fichier endommagé ou d’un autre format ; ${SAVE_AS_XLSX}`;
}

/** A format that multiplies by 100: a « % » outside quoted text, escapes and [brackets]. */
function isPercentFormat(format: string | undefined): boolean {
  return !!format && format.replace(/"[^"]*"/g, "").replace(/\\./g, "").replace(/\[[^\]]*\]/g, "").includes("%");
}

/** A number as Excel shows it at most: 15 significant digits, so 0,1 + 0,2 is 0,3. */
const shownNumber = (n: number) => String(Number(n.toPrecision(15)));

function dateText(date: Date): string | { problem: string } {
  const iso = Number.isNaN(date.getTime()) ? "" : date.toISOString().slice(0, 10);
  try {
    return formatDateShort(iso);
  } catch {
    return { problem: "date illisible : saisissez la valeur comme un nombre ou un texte" };
  }
}

/** The text a CSV would hold for this value, or why there is none. */
function valueText(value: CellValue, format: string | undefined): string | { problem: string } {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return isPercentFormat(format) ? shownNumber(value * 100) : shownNumber(value);
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "VRAI" : "FAUX";
  if (value instanceof Date) return dateText(value);
  if ("error" in value) return { problem: `la cellule affiche l’erreur ${value.error} : corrigez sa formule ou saisissez la valeur` };
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    if (value.result === undefined)
      return { problem: "formule dont le résultat n’a pas été enregistré : ouvrez le classeur dans le tableur, enregistrez-le, puis relancez l’import" };
    return valueText(value.result, format);
  }
  // A hyperlink's text may itself be formatted text.
  if ("hyperlink" in value) return valueText(value.text as CellValue, format);
  return { problem: "contenu de cellule non reconnu : saisissez la valeur comme un nombre ou un texte" };
}

/** The sheet to read: the one named like the template's, or else the first one shown. */
function pickSheet(workbook: Workbook): Worksheet | undefined {
  const sheets = workbook.worksheets;
  const named = sheets.find((s) => foldAccents(s.name.trim()) === foldAccents(SHEET_NAME));
  return named ?? sheets.find((s) => s.state === "visible") ?? sheets[0];
}

function readSheet(sheet: Worksheet): { rows: CsvRow[]; problems: CellProblem[] } {
  const rows: CsvRow[] = [];
  const problems: CellProblem[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    let filled = false;
    row.eachCell({ includeEmpty: false }, (cell: Cell, column: number) => {
      // A merged cell shows its first cell's value on every cell it covers.
      const text = valueText(cell.value, cell.numFmt);
      // A cell without a value is read as empty by the rules, and reported here with its reason.
      if (typeof text !== "string") problems.push({ line, cell: column - 1, message: text.problem });
      cells[column - 1] = typeof text === "string" ? text : "";
      filled ||= typeof text !== "string" || text.trim() !== "";
    });
    if (filled) rows.push({ line, cells: Array.from(cells, (c) => c ?? "") });
  });
  return { rows, problems };
}

/** The rows of a workbook's indicators sheet, or why the bytes are not a workbook cpts can read. */
export async function readWorkbook(bytes: Uint8Array): Promise<SheetRead> {
  if (startsWith(bytes, EMPTY_ZIP)) return { message: `archive zip vide, pas un classeur : ${SAVE_AS_XLSX}` };
  if (!startsWith(bytes, ZIP)) return { message: notAWorkbook(bytes) };
  // An OpenDocument file starts with its media type, stored uncompressed.
  if (Buffer.from(bytes.subarray(30, 100)).toString("latin1").startsWith("mimetypeapplication/vnd.oasis.opendocument"))
    return { message: `classeur OpenDocument (.ods) : enregistrez-le depuis LibreOffice ou le tableur en « Classeur Excel (.xlsx) », ou en CSV` };
  const ExcelJS = await excelJs();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return { message: `classeur endommagé ou qui n’est pas au format .xlsx : ${SAVE_AS_XLSX}` };
  }
  const sheet = pickSheet(workbook);
  if (!sheet) return { message: `le classeur n’a aucune feuille de calcul : ${SAVE_AS_XLSX}` };
  // The name is printed in every message: a hostile file could put an escape sequence in it.
  return { sheet: visibleControls(sheet.name), ...readSheet(sheet) };
}

/**
 * The template to fill, as .xlsx bytes: the « Indicateurs » sheet with the header, the two
 * example rows in grey italics and a column per field, and an « Aide » sheet that says what
 * each column holds.
 */
export async function templateWorkbook(): Promise<Buffer> {
  const ExcelJS = await excelJs();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "cpts";
  const { columns, examples } = INDICATOR_TEMPLATE;
  const sheet = workbook.addWorksheet(SHEET_NAME, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.name, key: c.name, width: c.name === "indicateur" || c.name === "source" || c.name === "commentaire" ? 40 : Math.max(12, c.name.length + 2) }));
  sheet.getRow(1).font = { bold: true };
  columns.forEach((c, i) => {
    sheet.getRow(1).getCell(i + 1).note = `${c.required ? "À remplir" : "Peut rester vide"} : ${c.help}`;
  });
  for (const example of examples) sheet.addRow(example).font = { italic: true, color: { argb: "FF808080" } };
  const help = workbook.addWorksheet(HELP_SHEET_NAME);
  help.columns = [
    { header: "colonne", width: 26 },
    { header: "à remplir", width: 12 },
    { header: "ce qu’elle contient", width: 100 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of columns) help.addRow([c.name, c.required ? "oui" : "non", c.help]);
  help.addRow([]);
  help.addRow(["", "", `L’en-tête garde au moins les colonnes ${CSV_COLUMNS.join(", ")}, même quand leurs cellules restent vides.`]);
  help.addRow(["", "", "Une ligne par indicateur du territoire, et une ligne par valeur de comparaison (département, région, France) du même indicateur."]);
  help.addRow(["", "", "Les deux lignes qui commencent par « Exemple : » sont à remplacer : l’import les refuse tant qu’elles sont là."]);
  help.addRow(["", "", "Import : cpts diagnostic importer indicateurs.xlsx (la feuille « Indicateurs » est lue ; les lignes vides sont ignorées)."]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

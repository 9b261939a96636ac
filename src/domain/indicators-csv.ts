/**
 * Import of diagnostic indicators from a CSV file (separator « ; », first line = header):
 *   indicateur;valeur;unite;annee;source;territoire_de_reference
 * `territoire_de_reference` says whose value the row gives: empty or « territoire » for the CPTS's
 * territory, « departement », « region » or « france » for a comparison value of the same indicator.
 * Optional extra columns: `theme`, `commentaire`. Every bad row is reported with its line number;
 * the caller writes nothing when there is any error.
 *
 * The text comes already decoded (the CLI reads the bytes and knows their encoding). It is read
 * by csv-parse, strictly: a quote left open, a quote inside an unquoted cell or a row with more
 * or fewer cells than the header is an error with the line where its row starts, never a guess.
 *
 * A spreadsheet's rows (read by the CLI, one row per line, each cell as its text) go through the
 * same rules with `importIndicatorRows`.
 */
import { parse } from "csv-parse/sync";
import { firstControl } from "../french/index.js";
import { foldAccents, type IndicateurDiagnostic } from "../project/index.js";

export const CSV_COLUMNS = ["indicateur", "valeur", "unite", "annee", "source", "territoire_de_reference"] as const;
const OPTIONAL = ["theme", "commentaire"] as const;
const THEMES = ["population", "etat_de_sante", "precarite", "offre_de_soins", "acces_aux_soins", "prevention", "autre"];
type Level = "territoire" | "departement" | "region" | "france";
const LEVEL_ALIASES: Record<string, Level> = {
  "": "territoire",
  territoire: "territoire",
  cpts: "territoire",
  departement: "departement",
  region: "region",
  france: "france",
  national: "france",
};
const LEVEL_WORDS: Record<Level, string> = { territoire: "le territoire", departement: "le département", region: "la région", france: "la France" };
/** Beyond this, an indicator's value is not one a person reads: a unit or a separator went wrong. */
const MAX_MAGNITUDE = 1e15;

export interface CsvError {
  line: number;
  /** The header's name of the column. */
  column?: string;
  /** 0-based position of the cell in its row (a spreadsheet names it « C4 »). */
  cell?: number;
  message: string;
}

export interface CsvRow {
  /** Line where the row starts (a quoted cell may hold line breaks). */
  line: number;
  cells: string[];
}

export interface CsvImport {
  /** The indicators as the CSV gives them: optional fields only when the CSV has them. */
  indicators: IndicateurDiagnostic[];
  /** The line of each indicator's territory row, in the same order. */
  lines: number[];
  errors: CsvError[];
}

const fold = (s: string) => foldAccents(s.trim());
const lineBreaks = (s: string) => s.match(/\n/g)?.length ?? 0;

/** csv-parse's error, as much of it as the messages use. */
interface ParseFailure {
  code?: string;
  record?: string[];
  column?: number;
}

/**
 * Splits CSV text into rows of cells, each with the line where it starts. Blank rows (nothing or
 * only separators) are skipped. A row that cannot be read ends the reading with one error at
 * the line where that row starts.
 */
export function parseCsv(text: string, separator = ";"): { rows: CsvRow[]; error?: CsvError } {
  // One line ending for the parser and the line numbers; line breaks in quoted cells become \n.
  const src = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const rows: CsvRow[] = [];
  try {
    parse(src, {
      delimiter: separator,
      record_delimiter: "\n",
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      on_record: (record: string[], context: { lines: number }) => {
        // `lines` counts the lines read when the record ends; its start is before its line breaks.
        rows.push({ line: context.lines - record.reduce((n, cell) => n + lineBreaks(cell), 0), cells: record });
        return null;
      },
    });
  } catch (error) {
    const lines = src.split("\n");
    let line = rows.length ? rows[rows.length - 1]!.line + rows[rows.length - 1]!.cells.reduce((n, c) => n + lineBreaks(c), 0) + 1 : 1;
    while (line < lines.length && lines[line - 1]!.split(separator).every((c) => c.trim() === "")) line++;
    return { rows, error: { line, message: syntaxMessage(error as ParseFailure, rows[0]?.cells.length) } };
  }
  return { rows };
}

function syntaxMessage(error: ParseFailure, expected: number | undefined): string {
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return "guillemet ouvert dans cette ligne et jamais refermé : le fichier se termine avant le guillemet fermant (vérifiez les « \" » de cette ligne)";
    case "INVALID_OPENING_QUOTE":
      return `guillemet « " » au milieu d’une cellule${error.column !== undefined ? ` (cellule ${error.column + 1})` : ""} : entourez toute la cellule de guillemets et doublez celui-ci (""), ou retirez-le`;
    case "CSV_INVALID_CLOSING_QUOTE":
      return "texte collé après le guillemet fermant d’une cellule : un guillemet dans le texte s’écrit doublé (\"\")";
    case "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH":
      return (
        `${error.record?.length ?? "?"} cellules au lieu de ${expected ?? "?"} comme l’en-tête : un « ; » en trop ou manquant ` +
        "(une cellule qui contient « ; » s’écrit entre guillemets)"
      );
    default:
      return `ligne illisible en CSV (${error.code ?? "erreur inconnue"})`;
  }
}

/** A number written the French or the English way, or the reason it is not one a value can be. */
function parseNumber(raw: string): { value: number } | { error: string } {
  const s = raw.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  if (!/^[-+]?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(s)) return { error: `nombre attendu, trouvé « ${raw} »` };
  const value = Number(s);
  if (!Number.isFinite(value) || Math.abs(value) >= MAX_MAGNITUDE)
    return { error: `nombre trop grand « ${raw} » : une valeur d’indicateur a moins de 16 chiffres avant la virgule (unité ou séparateur erroné ?)` };
  if (value === 0 && /[1-9]/.test(s.replace(/e.*$/i, ""))) return { error: `nombre trop petit « ${raw} » : il serait enregistré comme 0` };
  return { value };
}

const CONTROL_NAMES: Record<string, string> = { "\u001b": "ÉCHAP, début d’une séquence d’échappement de terminal", "\u009b": "CSI, début d’une séquence d’échappement de terminal", "\u0000": "octet nul", "\u0007": "bip" };

function controlError(line: number, ch: string, column?: string): CsvError {
  const code = `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
  return {
    line,
    ...(column ? { column } : {}),
    message: `caractère de contrôle ${code}${CONTROL_NAMES[ch] ? ` (${CONTROL_NAMES[ch]})` : ""} dans la cellule : retirez-le, il ne peut être ni affiché ni imprimé`,
  };
}

/**
 * Control characters, with the line where each is. Read rows name the column (cells may span
 * lines); when the text could not be read as CSV (an escape sequence may hold « ; »), its lines.
 */
function controlErrors(text: string, rows: readonly CsvRow[] | undefined, header: readonly string[], cellLines: boolean): CsvError[] {
  const errors: CsvError[] = [];
  if (!rows) {
    text.split(/\r\n?|\n/).forEach((content, i) => {
      const ch = firstControl(content);
      if (ch !== undefined) errors.push(controlError(i + 1, ch));
    });
    return errors;
  }
  for (const { line, cells } of rows) {
    let at = line;
    cells.forEach((cell, i) => {
      const ch = firstControl(cell);
      if (ch !== undefined && cellLines) errors.push(controlError(at + lineBreaks(cell.slice(0, cell.indexOf(ch))), ch, header[i]));
      else if (ch !== undefined) errors.push({ ...controlError(line, ch, header[i] || undefined), cell: i });
      at += lineBreaks(cell);
    });
  }
  return errors;
}

interface Reference {
  line: number;
  name: string;
  level: Exclude<Level, "territoire">;
  value: number;
}

/** Reads one data row: the territory's indicator or a comparison value, or the row's errors. */
function readRow(
  line: number,
  get: (column: string) => string,
): { errors: CsvError[] } | { indicator: IndicateurDiagnostic } | { reference: Reference } {
  const errors: CsvError[] = [];
  const name = get("indicateur");
  if (!name) errors.push({ line, column: "indicateur", message: "nom de l’indicateur vide" });
  const value = parseNumber(get("valeur"));
  if ("error" in value) errors.push({ line, column: "valeur", message: value.error });
  const yearText = get("annee");
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
  if (year === undefined || year < 1900 || year > 2100) errors.push({ line, column: "annee", message: `année sur 4 chiffres attendue, trouvé « ${yearText} »` });
  const source = get("source");
  if (!source) errors.push({ line, column: "source", message: "source vide : indiquez d’où vient la donnée (par exemple « Rézone CPTS »)" });
  const level = LEVEL_ALIASES[fold(get("territoire_de_reference"))];
  if (!level)
    errors.push({ line, column: "territoire_de_reference", message: `« ${get("territoire_de_reference")} » inconnu ; valeurs possibles : territoire (ou vide), departement, region, france` });
  const theme = fold(get("theme"));
  if (theme && !THEMES.includes(theme)) errors.push({ line, column: "theme", message: `thème « ${get("theme")} » inconnu ; valeurs possibles : ${THEMES.join(", ")}` });
  if (errors.length || "error" in value) return { errors };
  if (level !== "territoire") return { reference: { line, name, level: level!, value: value.value } };
  // In the schema's order, which is the order the project file shows them in.
  const unit = get("unite");
  const indicator: IndicateurDiagnostic = { libelle: name, valeur: value.value, ...(unit ? { unite: unit } : {}), annee: year!, source };
  if (theme) indicator.theme = theme as IndicateurDiagnostic["theme"];
  const comment = get("commentaire");
  if (comment) indicator.commentaire = comment;
  return { indicator };
}

/** Reads indicators from CSV text; groups the reference rows with their indicator. */
export function importIndicators(text: string): CsvImport {
  const { rows, error } = parseCsv(text);
  if (rows.length === 0 && !error) return failed([{ line: 1, message: `fichier vide : la première ligne doit être l’en-tête ${CSV_COLUMNS.join(";")}` }]);
  // Cells that could drive a terminal come first: the other messages may quote a cell.
  if (error) {
    const controls = controlErrors(text, undefined, [], true);
    return failed(controls.length ? controls : [error]);
  }
  return indicatorsFromRows(rows, true);
}

/**
 * Reads indicators from a spreadsheet's rows: `cells[0]` is column A, each row is one line
 * (`line` is the sheet's row number), rows with only blank cells are already left out.
 */
export function importIndicatorRows(rows: readonly CsvRow[]): CsvImport {
  if (rows.length === 0) return failed([{ line: 1, message: `feuille vide : la première ligne doit être l’en-tête, une colonne par cellule : ${[...CSV_COLUMNS, ...OPTIONAL].join(", ")}` }]);
  return indicatorsFromRows(rows, false);
}

const failed = (errors: CsvError[]): CsvImport => ({ indicators: [], lines: [], errors });

/** An example row of the template (`cpts diagnostic modele`) left in the file. */
const isExample = (name: string) => /^exemple\s*[:\-\u2013\u2014]/.test(fold(name));

/** The rules shared by both formats, on rows whose first one is the header. */
function indicatorsFromRows(rows: readonly CsvRow[], cellLines: boolean): CsvImport {
  const header = rows[0]!.cells.map(fold);
  const controls = controlErrors("", rows, header, cellLines);
  if (controls.length) return failed(controls);
  const index: Record<string, number> = {};
  for (const col of [...CSV_COLUMNS, ...OPTIONAL]) {
    const i = header.indexOf(col);
    if (i >= 0) index[col] = i;
  }
  const missing = CSV_COLUMNS.filter((c) => index[c] === undefined);
  if (missing.length) {
    const s = missing.length > 1 ? "s" : "";
    const expected = cellLines ? CSV_COLUMNS.join(";") : CSV_COLUMNS.join(", ");
    return failed([{ line: rows[0]!.line, message: `colonne${s} manquante${s} dans l’en-tête : ${missing.join(", ")} (en-tête attendu : ${expected})` }]);
  }
  const errors: CsvError[] = [];
  const byName = new Map<string, { line: number; indicator: IndicateurDiagnostic }>();
  const references: Reference[] = [];
  for (const { line, cells } of rows.slice(1)) {
    const row = readRow(line, (c) => (index[c] === undefined ? "" : (cells[index[c]!] ?? "").trim()));
    if ("errors" in row) errors.push(...row.errors);
    else if (isExample("reference" in row ? row.reference.name : row.indicator.libelle))
      errors.push({ line, column: "indicateur", message: "ligne d’exemple du modèle, à remplacer par vos chiffres ou à supprimer" });
    else if ("reference" in row) references.push(row.reference);
    else {
      const first = byName.get(fold(row.indicator.libelle));
      if (first) errors.push({ line, column: "indicateur", message: `l’indicateur « ${row.indicator.libelle} » a deux lignes pour le territoire (lignes ${first.line} et ${line})` });
      else byName.set(fold(row.indicator.libelle), { line, indicator: row.indicator });
    }
  }
  const seen = new Map<string, number>();
  for (const ref of references) {
    const indicator = byName.get(fold(ref.name))?.indicator;
    const twice = seen.get(`${fold(ref.name)}\n${ref.level}`);
    if (twice !== undefined)
      errors.push({ line: ref.line, column: "territoire_de_reference", message: `deux valeurs pour ${LEVEL_WORDS[ref.level]} pour « ${ref.name} » (lignes ${twice} et ${ref.line}) : gardez-en une` });
    else if (!indicator) errors.push({ line: ref.line, column: "indicateur", message: `valeur de référence pour « ${ref.name} », qui n’a pas de ligne pour le territoire` });
    else indicator.references = { ...indicator.references, [ref.level]: ref.value };
    seen.set(`${fold(ref.name)}\n${ref.level}`, twice ?? ref.line);
  }
  // A spreadsheet's messages name the cell (« C4 »); a CSV's name the column, as they always did.
  const located = (e: CsvError): CsvError => (!cellLines && e.column && index[e.column] !== undefined ? { ...e, cell: index[e.column] } : e);
  if (errors.length) return failed(errors.sort((a, b) => a.line - b.line).map(located));
  const found = [...byName.values()];
  return { indicators: found.map((f) => f.indicator), lines: found.map((f) => f.line), errors: [] };
}

/** One column of the template: its header, whether each row must fill it, and what to write in it. */
export interface TemplateColumn {
  name: string;
  /** Every row fills it; the header names the first six columns even when their cells may stay empty. */
  required: boolean;
  help: string;
}

/**
 * What `cpts diagnostic modele` writes: every column the import reads, what goes in each, and
 * two rows marked as examples (the import refuses them until they are replaced): an indicator of
 * the territory and a comparison value for it.
 */
export const INDICATOR_TEMPLATE: { columns: TemplateColumn[]; examples: (string | number)[][] } = {
  columns: [
    { name: "indicateur", required: true, help: "nom de l’indicateur, écrit de la même façon sur ses lignes de comparaison" },
    { name: "valeur", required: true, help: "un nombre : 13,1 ou 13.1 ; une cellule au format pourcentage donne le pourcentage affiché (13,1 pour 13,1 %)" },
    { name: "unite", required: false, help: "unité affichée après la valeur (%, pour 10 000 habitants…) ; peut rester vide" },
    { name: "annee", required: true, help: "année de la donnée, sur 4 chiffres" },
    { name: "source", required: true, help: "d’où vient la donnée (Rézone CPTS, INSEE, ORS, CPAM…)" },
    {
      name: "territoire_de_reference",
      required: false,
      help: "vide ou « territoire » pour la valeur du territoire de la CPTS ; « departement », « region » ou « france » pour une valeur de comparaison du même indicateur",
    },
    { name: "theme", required: false, help: `facultatif, sur la ligne du territoire : ${THEMES.join(", ")}` },
    { name: "commentaire", required: false, help: "facultatif, sur la ligne du territoire : ce que le chiffre montre" },
  ],
  examples: [
    ["Exemple : part des 75 ans et plus", 11.2, "%", 2021, "INSEE, recensement de la population", "territoire", "population", "Ligne d’exemple : remplacez-la par vos chiffres."],
    ["Exemple : part des 75 ans et plus", 10.4, "%", 2021, "INSEE, recensement de la population", "departement", "", ""],
  ],
};

/** A field of an indicator that an import may change, as the user reads it. */
export type IndicatorField = "valeur" | "unite" | "annee" | "source" | "theme" | "commentaire" | "references.departement" | "references.region" | "references.france";

export interface IndicatorChange {
  field: IndicatorField;
  /** Undefined when the field was not there. */
  before?: string | number;
  after: string | number;
}

const MERGED_FIELDS = ["valeur", "unite", "annee", "source", "theme", "commentaire"] as const;
const LEVELS = ["departement", "region", "france"] as const;

/**
 * What importing `incoming` over the project's `existing` indicator of the same name changes:
 * each field the CSV gives and that differs. What the CSV does not give (an empty unit, no theme
 * or comment column, a comparison level without a row) stays as it is; the name keeps the
 * project's spelling.
 */
export function indicatorChanges(existing: IndicateurDiagnostic, incoming: IndicateurDiagnostic): IndicatorChange[] {
  const changes: IndicatorChange[] = [];
  for (const field of MERGED_FIELDS) {
    const after = incoming[field];
    if (after !== undefined && after !== existing[field]) changes.push({ field, ...(existing[field] !== undefined ? { before: existing[field] } : {}), after });
  }
  for (const level of LEVELS) {
    const after = incoming.references?.[level];
    const before = existing.references?.[level];
    if (after !== undefined && after !== before) changes.push({ field: `references.${level}`, ...(before !== undefined ? { before } : {}), after });
  }
  return changes;
}

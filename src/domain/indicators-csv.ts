/**
 * Import of diagnostic indicators from a CSV file (separator « ; », UTF-8, first line = header):
 *   indicateur;valeur;unite;annee;source;territoire_de_reference
 * `territoire_de_reference` says whose value the row gives: empty or « territoire » for the CPTS's
 * territory, « departement », « region » or « france » for a comparison value of the same indicator.
 * Optional extra columns: `theme`, `commentaire`. Every bad row is reported with its line number;
 * the caller writes nothing when there is any error.
 */
import { foldAccents, type IndicateurDiagnostic } from "../project/index.js";

export const CSV_COLUMNS = ["indicateur", "valeur", "unite", "annee", "source", "territoire_de_reference"] as const;
const OPTIONAL = ["theme", "commentaire"] as const;
const THEMES = ["population", "etat_de_sante", "precarite", "offre_de_soins", "acces_aux_soins", "prevention", "autre"];
const LEVEL_ALIASES: Record<string, "territoire" | "departement" | "region" | "france"> = {
  "": "territoire",
  territoire: "territoire",
  cpts: "territoire",
  departement: "departement",
  region: "region",
  france: "france",
  national: "france",
};

export interface CsvError {
  line: number;
  column?: string;
  message: string;
}

export interface CsvImport {
  indicators: IndicateurDiagnostic[];
  errors: CsvError[];
}

const fold = (s: string) => foldAccents(s.trim());

/** Splits CSV text into rows of cells, with the 1-based line where each row starts. */
export function parseCsv(text: string, separator = ";"): { line: number; cells: string[] }[] {
  const src = text.replace(/^\uFEFF/, "");
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === "\n") line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell.trim() === "") {
      quoted = true;
      cell = "";
    } else if (ch === separator) {
      cells.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && src[i + 1] === "\n") i++;
      cells.push(cell);
      if (cells.some((c) => c.trim() !== "")) rows.push({ line: rowLine, cells });
      cells = [];
      cell = "";
      line++;
      rowLine = line;
    } else cell += ch;
  }
  cells.push(cell);
  if (cells.some((c) => c.trim() !== "")) rows.push({ line: rowLine, cells });
  return rows;
}

function parseNumber(raw: string): number | undefined {
  const s = raw.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(s)) return undefined;
  return Number(s);
}

/** Reads indicators from CSV text; groups the reference rows with their indicator. */
export function importIndicators(text: string): CsvImport {
  const errors: CsvError[] = [];
  const rows = parseCsv(text);
  if (rows.length === 0) return { indicators: [], errors: [{ line: 1, message: "fichier vide : la première ligne doit être l’en-tête " + CSV_COLUMNS.join(";") }] };
  const header = rows[0]!.cells.map(fold);
  const index: Record<string, number> = {};
  for (const col of [...CSV_COLUMNS, ...OPTIONAL]) {
    const i = header.indexOf(col);
    if (i >= 0) index[col] = i;
  }
  const missing = CSV_COLUMNS.filter((c) => index[c] === undefined);
  if (missing.length)
    return {
      indicators: [],
      errors: [{ line: rows[0]!.line, message: `colonne${missing.length > 1 ? "s" : ""} manquante${missing.length > 1 ? "s" : ""} dans l’en-tête : ${missing.join(", ")} (en-tête attendu : ${CSV_COLUMNS.join(";")})` }],
    };
  const byName = new Map<string, IndicateurDiagnostic>();
  const references: { line: number; name: string; level: "departement" | "region" | "france"; value: number }[] = [];
  for (const { line, cells } of rows.slice(1)) {
    const get = (c: string) => (index[c] === undefined ? "" : (cells[index[c]!] ?? "").trim());
    const name = get("indicateur");
    const rowErrors: CsvError[] = [];
    if (!name) rowErrors.push({ line, column: "indicateur", message: "nom de l’indicateur vide" });
    const value = parseNumber(get("valeur"));
    if (value === undefined) rowErrors.push({ line, column: "valeur", message: `nombre attendu, trouvé « ${get("valeur")} »` });
    const yearText = get("annee");
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
    if (year === undefined || year < 1900 || year > 2100) rowErrors.push({ line, column: "annee", message: `année sur 4 chiffres attendue, trouvé « ${yearText} »` });
    const source = get("source");
    if (!source) rowErrors.push({ line, column: "source", message: "source vide : indiquez d’où vient la donnée (par exemple « Rézone CPTS »)" });
    const levelRaw = fold(get("territoire_de_reference"));
    const level = LEVEL_ALIASES[levelRaw];
    if (!level)
      rowErrors.push({ line, column: "territoire_de_reference", message: `« ${get("territoire_de_reference")} » inconnu ; valeurs possibles : territoire (ou vide), departement, region, france` });
    const theme = fold(get("theme"));
    if (theme && !THEMES.includes(theme)) rowErrors.push({ line, column: "theme", message: `thème « ${get("theme")} » inconnu ; valeurs possibles : ${THEMES.join(", ")}` });
    if (rowErrors.length) {
      errors.push(...rowErrors);
      continue;
    }
    if (level === "territoire") {
      if (byName.has(fold(name))) {
        errors.push({ line, column: "indicateur", message: `l’indicateur « ${name} » apparaît deux fois pour le territoire` });
        continue;
      }
      const indicator: IndicateurDiagnostic = { libelle: name, valeur: value!, source, annee: year! };
      const unit = get("unite");
      if (unit) indicator.unite = unit;
      if (theme) indicator.theme = theme as IndicateurDiagnostic["theme"];
      const comment = get("commentaire");
      if (comment) indicator.commentaire = comment;
      byName.set(fold(name), indicator);
    } else references.push({ line, name, level: level as "departement" | "region" | "france", value: value! });
  }
  for (const ref of references) {
    const indicator = byName.get(fold(ref.name));
    if (!indicator) {
      errors.push({ line: ref.line, column: "indicateur", message: `valeur de référence pour « ${ref.name} », qui n’a pas de ligne pour le territoire` });
      continue;
    }
    indicator.references = { ...indicator.references, [ref.level]: ref.value };
  }
  errors.sort((a, b) => a.line - b.line);
  return { indicators: [...byName.values()], errors };
}

import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import {
  INDICATOR_TEMPLATE,
  importIndicatorRows,
  importIndicators,
  indicatorChanges,
  type CsvError,
  type CsvImport,
  type IndicatorChange,
  type IndicatorField,
} from "../domain/index.js";
import { NBSP, formatNumber } from "../french/index.js";
import { EXIT, UserError, displayPath, foldAccents, hasErrors, projectFiles, type IndicateurDiagnostic, type Project } from "../project/index.js";
import { ENCODING_NAMES, decodeCsv, readCsvBytes, type CsvEncoding } from "./csv-file.js";
import { formatFindingGroups } from "./findings-output.js";
import { frenchTextIo, type Io } from "./io.js";
import { envelope } from "./json-envelope.js";
import { changeProject, resolveProjectPath } from "./project-context.js";
import { style, type Style } from "./style.js";
import { columnLetters, readWorkbook, templateWorkbook } from "./xlsx-file.js";

const fold = (s: string) => foldAccents(s.trim());
const plural = (n: number, word: string) => `${n}${NBSP}${word}${n > 1 ? "s" : ""}`;

const FIELD_WORDS: Record<IndicatorField, string> = {
  valeur: "valeur",
  unite: "unité",
  annee: "année",
  source: "source",
  theme: "thème",
  commentaire: "commentaire",
  "references.departement": "référence département",
  "references.region": "référence région",
  "references.france": "référence France",
};

/** What importing one indicator does to the project. */
interface Outcome {
  libelle: string;
  line: number;
  status: "ajoute" | "mis_a_jour" | "inchange";
  changes: IndicatorChange[];
}

/** The file imported, as the messages name it: a CSV has an encoding, a workbook the sheet read. */
interface Source {
  name: string;
  encoding?: CsvEncoding;
  sheet?: string;
}

/** A problem of the file: at a line (and column or cell) of it, or of the whole file. */
type Problem = Omit<CsvError, "line"> & { line?: number };

/** « i.csv:3 colonne valeur », « i.xlsx, feuille Indicateurs, cellule B3 », or the file alone. */
function place(source: Source, e: Problem): string {
  if (e.line === undefined) return source.name;
  if (source.sheet === undefined) return `${source.name}:${e.line}${e.column ? ` colonne ${e.column}` : ""}`;
  return `${source.name}, feuille ${source.sheet}, ${e.cell !== undefined ? `cellule ${columnLetters(e.cell)}${e.line}` : `ligne ${e.line}`}`;
}

/** What the --json output of an import says besides the envelope: the file read, and its changes. */
function importKeys(source: Source, counts: { ajoutes: number; mis_a_jour: number; inchanges: number; modifie: boolean }, changements: unknown[], indicateurs: unknown[]) {
  return { source: source.name, encodage: source.encoding ?? null, feuille: source.sheet ?? null, ...counts, changements, indicateurs };
}

const NOTHING = { ajoutes: 0, mis_a_jour: 0, inchanges: 0, modifie: false };

function reportErrors(source: Source, projectName: string | null, errors: readonly Problem[], opts: { json?: boolean }, io: Io, s: Style): number {
  if (opts.json) {
    // The column's name goes in `chemin`; a workbook's cell is its line and column number (B2: 2, 2).
    const findings = errors.map((e) => ({
      path: e.column ?? "",
      ...(e.line !== undefined ? { line: e.line } : {}),
      ...(source.sheet !== undefined && e.cell !== undefined ? { column: e.cell + 1 } : {}),
      message: e.message,
      severity: "erreur" as const,
      code: source.sheet === undefined ? "csv" : "xlsx",
      file: source.name,
    }));
    io.stdout(envelope("diagnostic importer", { fichier: projectName, valide: false, constats: findings }, importKeys(source, NOTHING, [], [])));
  } else {
    io.stderr(s.red(s.bold(`Erreurs dans ${source.name} (${errors.length})`)) + "\n");
    for (const e of errors) io.stderr(`  ${place(source, e)}${NBSP}: ${e.message}\n`);
    const what = errors.every((e) => e.line === undefined) ? "" : source.sheet === undefined ? " : corrigez ces lignes puis relancez la commande" : " : corrigez ces cellules puis relancez la commande";
    io.stderr(`Aucun indicateur n’a été importé${what}.\n`);
  }
  return EXIT.projectErrors;
}

function changeText(c: IndicatorChange): string {
  const shown = (v: string | number) => (c.field === "annee" ? String(v) : typeof v === "number" ? formatNumber(v, 6) : `« ${v} »`);
  return `${FIELD_WORDS[c.field]} ${c.before === undefined ? `${shown(c.after)} (ajoutée)` : `${shown(c.before)} → ${shown(c.after)}`}`;
}

/**
 * Applies the imported indicators to the project document: a new name is appended, a known one
 * gets only the fields the CSV gives and that differ, set one by one so that the comments and
 * every other field of the item stay as they are.
 */
function applyIndicators(
  doc: import("yaml").Document,
  existing: readonly IndicateurDiagnostic[],
  imported: { indicators: IndicateurDiagnostic[]; lines: number[] },
  appendIn: (doc: import("yaml").Document, path: (string | number)[], value: unknown) => void,
): Outcome[] {
  const names = existing.map((i) => fold(i.libelle));
  return imported.indicators.map((indicator, i) => {
    const line = imported.lines[i]!;
    const at = names.indexOf(fold(indicator.libelle));
    if (at < 0) {
      appendIn(doc, ["diagnostic", "indicateurs"], indicator);
      names.push(fold(indicator.libelle));
      return { libelle: indicator.libelle, line, status: "ajoute", changes: [] };
    }
    const changes = indicatorChanges(existing[at]!, indicator);
    for (const c of changes) doc.setIn(["diagnostic", "indicateurs", at, ...c.field.split(".")], c.after);
    return { libelle: existing[at]!.libelle, line, status: changes.length ? "mis_a_jour" : "inchange", changes };
  });
}

function summary(outcomes: readonly Outcome[], projectName: string, source: Source, written: boolean, s: Style): string {
  const count = (status: Outcome["status"]) => outcomes.filter((o) => o.status === status).length;
  const from = source.sheet === undefined ? source.name : `${source.name} (feuille ${source.sheet})`;
  const lines = [
    `${s.green("✓")} ${plural(outcomes.length, "indicateur")} lu${outcomes.length > 1 ? "s" : ""} dans ${from} : ` +
      `${plural(count("ajoute"), "ajouté")}, ${count("mis_a_jour")}${NBSP}mis à jour, ${plural(count("inchange"), "inchangé")}.`,
  ];
  for (const o of outcomes) {
    if (o.status === "ajoute") lines.push(`  + ${o.libelle} (ligne ${o.line})`);
    if (o.status === "mis_a_jour") lines.push(`  ~ ${o.libelle} (ligne ${o.line})${NBSP}: ${o.changes.map(changeText).join(" ; ")}`);
  }
  if (count("mis_a_jour") + count("inchange") > 0)
    lines.push(`  Ce que ${source.sheet === undefined ? "le CSV" : "le classeur"} ne donne pas (thème, commentaire, unité ou références absents) est gardé tel quel.`);
  lines.push(written ? `${projectName} enregistré (version précédente dans ${projectName}.bak).` : `${projectName} est déjà à jour : il n’a pas été modifié.`);
  if (source.encoding !== undefined && source.encoding !== "utf-8") lines.unshift(`${source.name} est encodé en ${ENCODING_NAMES[source.encoding]} : converti en UTF-8 pour l’import.`);
  return `${lines.join("\n")}\n`;
}

/** Workbooks by their name; Excel 97-2003 and OpenDocument ones get a message saying how to save them. */
const WORKBOOK = /\.(xlsx|xlsm|xls|ods)$/i;

/** The indicators of the file, or the problems that stop the import. */
async function readIndicators(path: string, name: string): Promise<{ source: Source; result: CsvImport } | { source: Source; problems: Problem[] }> {
  if (WORKBOOK.test(path)) {
    const read = await readWorkbook(await readCsvBytes(path, name, "classeur Excel (.xlsx)"));
    if ("message" in read) return { source: { name }, problems: [{ message: read.message }] };
    const source = { name, sheet: read.sheet };
    const result = importIndicatorRows(read.rows);
    if (!read.problems.length) return { source, result };
    // The rules read a cell without a value as empty: its own reason replaces theirs.
    const reported = new Set(read.problems.map((p) => `${p.line}:${p.cell}`));
    const others = result.errors.filter((e) => !reported.has(`${e.line}:${e.cell}`));
    return { source, problems: [...read.problems, ...others].sort((a, b) => a.line - b.line || (a.cell ?? 0) - (b.cell ?? 0)) };
  }
  const decoded = decodeCsv(await readCsvBytes(path, name));
  if ("message" in decoded) return { source: { name }, problems: [decoded] };
  return { source: { name, encoding: decoded.encoding }, result: importIndicators(decoded.text) };
}

/**
 * `cpts diagnostic importer fichier.csv|fichier.xlsx`: adds the file's indicators to the project
 * and updates those of the same name with what the file gives. Nothing is written when any row
 * is bad, when the file has no indicator, or when it changes nothing.
 */
export async function importCommand(fileArg: string, opts: { projet?: string; json?: boolean }, io: Io): Promise<number> {
  if (!opts.json) io = frenchTextIo(io);
  const path = resolve(io.cwd, fileArg);
  const s = style(io.color);
  const read = await readIndicators(path, displayPath(path, io.cwd));
  const { source } = read;
  const projectPath = resolveProjectPath(opts.projet, io.cwd, io);
  const projectName = displayPath(projectPath, io.cwd);
  if ("problems" in read) return reportErrors(source, projectName, read.problems, opts, io, s);
  const { result } = read;
  if (result.errors.length) return reportErrors(source, projectName, result.errors, opts, io, s);

  if (result.indicators.length === 0) {
    if (opts.json) io.stdout(envelope("diagnostic importer", { fichier: projectName, valide: true }, importKeys(source, NOTHING, [], [])));
    else io.stdout(`Aucun indicateur dans ${source.name} (seulement l’en-tête) : ${projectName} n’a pas été modifié.\n`);
    return EXIT.ok;
  }
  const { appendIn, loadProject } = await projectFiles();
  const loaded = await loadProject(projectPath, projectName);
  if (hasErrors(loaded.findings)) {
    io.stderr(formatFindingGroups(loaded.findings, s));
    throw new UserError(`${projectName} contient des erreurs : corrigez-les avant d’importer (rien n’a été écrit).`, EXIT.projectErrors);
  }
  // Applied to the project as read again under its lock: indicators another command saved
  // meanwhile stay, and nothing is written when the file changes nothing.
  const { value: outcomes, written } = await changeProject(projectPath, projectName, io, (file) =>
    applyIndicators(file.doc, (file.data as Project).diagnostic?.indicateurs ?? [], result, appendIn),
  );
  if (opts.json) {
    const count = (status: Outcome["status"]) => outcomes.filter((o) => o.status === status).length;
    const changements = outcomes.map((o) => ({ indicateur: o.libelle, ligne: o.line, statut: o.status, champs: o.changes.map((c) => ({ champ: c.field, avant: c.before ?? null, apres: c.after })) }));
    const counts = { ajoutes: count("ajoute"), mis_a_jour: count("mis_a_jour"), inchanges: count("inchange"), modifie: written };
    io.stdout(envelope("diagnostic importer", { fichier: projectName, valide: true }, importKeys(source, counts, changements, result.indicators)));
  } else io.stdout(summary(outcomes, projectName, source, written, s));
  return EXIT.ok;
}

/** The template as CSV: UTF-8 with a BOM (so that Excel reads its accents), « ; » between cells. */
function templateCsv(): string {
  const cell = (v: string | number) => (typeof v === "number" ? String(v).replace(".", ",") : v);
  const rows = [INDICATOR_TEMPLATE.columns.map((c) => c.name), ...INDICATOR_TEMPLATE.examples];
  return `\uFEFF${rows.map((r) => r.map(cell).join(";")).join("\r\n")}\r\n`;
}

/**
 * `cpts diagnostic modele [fichier]`: writes the file to fill, a workbook unless its name ends in
 * .csv, never over an existing file.
 */
export async function templateCommand(fileArg: string | undefined, _opts: unknown, io: Io): Promise<number> {
  io = frenchTextIo(io);
  const path = resolve(io.cwd, fileArg ?? "indicateurs.xlsx");
  const name = displayPath(path, io.cwd);
  const csv = /\.csv$/i.test(path);
  if (!csv && !/\.xlsx$/i.test(path))
    throw new UserError(`${name} : le modèle s’écrit en classeur Excel ou en CSV ; donnez un nom qui finit par .xlsx ou .csv (par exemple indicateurs.xlsx).`);
  const bytes = csv ? templateCsv() : await templateWorkbook();
  try {
    // « wx »: refused when the file exists, even one created between a check and the write.
    await writeFile(path, bytes, { flag: "wx" });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new UserError(`${name} existe déjà : il n’a pas été modifié. Donnez un autre nom (cpts diagnostic modele autre-nom.xlsx) ou déplacez ce fichier.`);
    if (code === "ENOENT") throw new UserError(`${name} : le dossier où l’écrire n’existe pas.`);
    if (code === "EISDIR") throw new UserError(`${name} est un dossier : donnez un nom de fichier (par exemple ${name}/indicateurs.xlsx).`);
    if (code === "EACCES" || code === "EPERM" || code === "EROFS") throw new UserError(`${name} : écriture interdite (droits insuffisants).`);
    throw new UserError(`${name} : écriture impossible (${code}).`);
  }
  const s = style(io.color);
  io.stdout(
    `${s.green("✓")} Modèle écrit : ${name} (${INDICATOR_TEMPLATE.columns.length}${NBSP}colonnes, ${INDICATOR_TEMPLATE.examples.length}${NBSP}lignes d’exemple${csv ? "" : ", et une feuille « Aide »"}).\n` +
      `Remplacez les lignes « Exemple : » par vos chiffres, puis : cpts diagnostic importer ${name}\n`,
  );
  return EXIT.ok;
}

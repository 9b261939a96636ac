import { resolve } from "node:path";
import { importIndicators, indicatorChanges, type CsvError, type IndicatorChange, type IndicatorField } from "../domain/index.js";
import { NBSP, formatNumber } from "../french/index.js";
import { EXIT, UserError, displayPath, foldAccents, hasErrors, projectFiles, type IndicateurDiagnostic, type Project } from "../project/index.js";
import { ENCODING_NAMES, decodeCsv, readCsvBytes, type CsvEncoding } from "./csv-file.js";
import { formatFindingGroups } from "./findings-output.js";
import type { Io } from "./io.js";
import { envelope } from "./json-envelope.js";
import { changeProject, resolveProjectPath } from "./project-context.js";
import { style, type Style } from "./style.js";

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

/** What the --json output of an import says besides the envelope, nothing imported. */
const NOTHING = { ajoutes: 0, mis_a_jour: 0, inchanges: 0, modifie: false, changements: [], indicateurs: [] };

function reportErrors(csvName: string, projectName: string | null, errors: readonly CsvError[], opts: { json?: boolean }, io: Io, s: Style): number {
  if (opts.json) {
    // A CSV's column is a name, not a number: it goes in `chemin`.
    const findings = errors.map((e) => ({ path: e.column ?? "", line: e.line, message: e.message, severity: "erreur" as const, code: "csv", file: csvName }));
    io.stdout(envelope("diagnostic importer", { fichier: projectName, valide: false, constats: findings }, { csv: csvName, encodage: null, ...NOTHING }));
  } else {
    io.stderr(s.red(s.bold(`Erreurs dans ${csvName} (${errors.length})`)) + "\n");
    for (const e of errors) io.stderr(`  ${csvName}:${e.line}${e.column ? ` colonne ${e.column}` : ""}${NBSP}: ${e.message}\n`);
    io.stderr("Aucun indicateur n’a été importé : corrigez ces lignes puis relancez la commande.\n");
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

function summary(outcomes: readonly Outcome[], projectName: string, csvName: string, encoding: CsvEncoding, written: boolean, s: Style): string {
  const count = (status: Outcome["status"]) => outcomes.filter((o) => o.status === status).length;
  const lines = [
    `${s.green("✓")} ${plural(outcomes.length, "indicateur")} lu${outcomes.length > 1 ? "s" : ""} dans ${csvName} : ` +
      `${plural(count("ajoute"), "ajouté")}, ${count("mis_a_jour")}${NBSP}mis à jour, ${plural(count("inchange"), "inchangé")}.`,
  ];
  for (const o of outcomes) {
    if (o.status === "ajoute") lines.push(`  + ${o.libelle} (ligne ${o.line})`);
    if (o.status === "mis_a_jour") lines.push(`  ~ ${o.libelle} (ligne ${o.line})${NBSP}: ${o.changes.map(changeText).join(" ; ")}`);
  }
  if (count("mis_a_jour") + count("inchange") > 0)
    lines.push("  Ce que le CSV ne donne pas (thème, commentaire, unité ou références absents) est gardé tel quel.");
  lines.push(written ? `${projectName} enregistré (version précédente dans ${projectName}.bak).` : `${projectName} est déjà à jour : il n’a pas été modifié.`);
  if (encoding !== "utf-8") lines.unshift(`${csvName} est encodé en ${ENCODING_NAMES[encoding]} : converti en UTF-8 pour l’import.`);
  return `${lines.join("\n")}\n`;
}

/**
 * `cpts diagnostic importer fichier.csv`: adds the CSV's indicators to the project and updates
 * those of the same name with what the CSV gives. Nothing is written when any row is bad, when
 * the CSV has no indicator, or when it changes nothing.
 */
export async function importCommand(csvArg: string, opts: { projet?: string; json?: boolean }, io: Io): Promise<number> {
  const csvPath = resolve(io.cwd, csvArg);
  const csvName = displayPath(csvPath, io.cwd);
  const s = style(io.color);
  const decoded = decodeCsv(await readCsvBytes(csvPath, csvName));
  const projectPath = resolveProjectPath(opts.projet, io.cwd, io);
  const projectName = displayPath(projectPath, io.cwd);
  if ("message" in decoded) return reportErrors(csvName, projectName, [decoded], opts, io, s);
  const result = importIndicators(decoded.text);
  if (result.errors.length) return reportErrors(csvName, projectName, result.errors, opts, io, s);

  if (result.indicators.length === 0) {
    if (opts.json) io.stdout(envelope("diagnostic importer", { fichier: projectName, valide: true }, { csv: csvName, encodage: decoded.encoding, ...NOTHING }));
    else io.stdout(`Aucun indicateur dans ${csvName} (seulement l’en-tête) : ${projectName} n’a pas été modifié.\n`);
    return EXIT.ok;
  }
  const { appendIn, loadProject } = await projectFiles();
  const loaded = await loadProject(projectPath, projectName);
  if (hasErrors(loaded.findings)) {
    io.stderr(formatFindingGroups(loaded.findings, s));
    throw new UserError(`${projectName} contient des erreurs : corrigez-les avant d’importer (rien n’a été écrit).`, EXIT.projectErrors);
  }
  // Applied to the project as read again under its lock: indicators another command saved
  // meanwhile stay, and nothing is written when the CSV changes nothing.
  const { value: outcomes, written } = await changeProject(projectPath, projectName, io, (file) =>
    applyIndicators(file.doc, (file.data as Project).diagnostic?.indicateurs ?? [], result, appendIn),
  );
  if (opts.json) {
    const count = (status: Outcome["status"]) => outcomes.filter((o) => o.status === status).length;
    const changements = outcomes.map((o) => ({ indicateur: o.libelle, ligne: o.line, statut: o.status, champs: o.changes.map((c) => ({ champ: c.field, avant: c.before ?? null, apres: c.after })) }));
    const own = { csv: csvName, encodage: decoded.encoding, ajoutes: count("ajoute"), mis_a_jour: count("mis_a_jour"), inchanges: count("inchange"), modifie: written, changements, indicateurs: result.indicators };
    io.stdout(envelope("diagnostic importer", { fichier: projectName, valide: true }, own));
  } else io.stdout(summary(outcomes, projectName, csvName, decoded.encoding, written, s));
  return EXIT.ok;
}

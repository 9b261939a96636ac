import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { importIndicators } from "../domain/index.js";
import { EXIT, UserError, displayPath, foldAccents, hasErrors, projectFiles, type Project } from "../project/index.js";
import { formatFindingGroups } from "./findings-output.js";
import type { Io } from "./io.js";
import { changeProject, resolveProjectPath } from "./project-context.js";
import { style } from "./style.js";

const fold = (s: string) => foldAccents(s.trim());

/**
 * `cpts diagnostic importer fichier.csv`: adds the CSV's indicators to the project (an indicator
 * of the same name is replaced). Nothing is written when any row is bad.
 */
export async function importCommand(csvArg: string, opts: { projet?: string; json?: boolean }, io: Io): Promise<number> {
  const csvPath = resolve(io.cwd, csvArg);
  const csvName = displayPath(csvPath, io.cwd);
  let text: string;
  try {
    text = await readFile(csvPath, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(code === "ENOENT" ? `${csvName} : fichier introuvable.` : code === "EISDIR" ? `${csvName} est un dossier, pas un fichier CSV.` : `${csvName} : lecture impossible (${code}).`);
  }
  const result = importIndicators(text);
  const s = style(io.color);
  if (result.errors.length) {
    if (opts.json) io.stdout(`${JSON.stringify({ ok: false, erreurs: result.errors.map((e) => ({ fichier: csvName, ...e })) }, null, 2)}\n`);
    else {
      io.stderr(s.red(s.bold(`Erreurs dans ${csvName} (${result.errors.length})`)) + "\n");
      for (const e of result.errors) io.stderr(`  ${csvName}:${e.line}${e.column ? ` colonne ${e.column}` : ""}\u00a0: ${e.message}\n`);
      io.stderr("Aucun indicateur n’a été importé : corrigez ces lignes puis relancez la commande.\n");
    }
    return EXIT.projectErrors;
  }
  const projectPath = resolveProjectPath(opts.projet, io.cwd);
  const projectName = displayPath(projectPath, io.cwd);
  const { appendIn, blockSeqAt, loadProject } = await projectFiles();
  const loaded = await loadProject(projectPath, projectName);
  if (hasErrors(loaded.findings)) {
    io.stderr(formatFindingGroups(loaded.findings, s));
    throw new UserError(`${projectName} contient des erreurs : corrigez-les avant d’importer (rien n’a été écrit).`, EXIT.projectErrors);
  }
  // Applied to the project as read under its lock: indicators another command saved meanwhile stay.
  const { value: counts } = await changeProject(projectPath, projectName, io, (file) => {
    const doc = file.doc;
    const existing = ((file.data as Project).diagnostic?.indicateurs ?? []).map((i) => fold(i.libelle));
    let added = 0;
    let replaced = 0;
    for (const indicator of result.indicators) {
      const at = existing.indexOf(fold(indicator.libelle));
      if (at >= 0) {
        blockSeqAt(doc, ["diagnostic", "indicateurs"]).items[at] = doc.createNode(indicator) as never;
        replaced++;
      } else {
        appendIn(doc, ["diagnostic", "indicateurs"], indicator);
        existing.push(fold(indicator.libelle));
        added++;
      }
    }
    return { added, replaced };
  });
  const { added, replaced } = counts;
  if (opts.json) io.stdout(`${JSON.stringify({ ok: true, ajoutes: added, remplaces: replaced, indicateurs: result.indicators }, null, 2)}\n`);
  else
    io.stdout(
      `${s.green("✓")} ${result.indicators.length} indicateur${result.indicators.length > 1 ? "s" : ""} importé${result.indicators.length > 1 ? "s" : ""} dans ${projectName}` +
        ` (${added} ajouté${added > 1 ? "s" : ""}, ${replaced} remplacé${replaced > 1 ? "s" : ""}).\n`,
    );
  return EXIT.ok;
}

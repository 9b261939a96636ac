import { projectConsistency, projectTerritory, readiness } from "../domain/index.js";
import { EXIT, displayPath, hasErrors, projectFiles, type Finding } from "../project/index.js";
import { mapFinding } from "./map-status.js";
import { formatFinding, formatFindingGroups, findingsJson, summaryLine } from "./findings-output.js";
import type { Io } from "./io.js";
import { resolveProjectPath } from "./project-context.js";
import { projectSummary } from "./summary.js";
import { style, type Style } from "./style.js";

export interface ValidateOptions {
  json?: boolean;
}

/**
 * `cpts valider [fichier]`: schema errors, then checks against official data (territory), then
 * what each document still needs. Exit 1 only for errors in the file itself; what is still to
 * complete is listed but does not fail validation.
 */
export async function validateCommand(fileArg: string | undefined, opts: ValidateOptions, io: Io): Promise<number> {
  const path = resolveProjectPath(fileArg, io.cwd);
  const name = displayPath(path, io.cwd);
  const { loadProject, locate } = await projectFiles();
  const loaded = await loadProject(path, name);
  const findings: Finding[] = [...loaded.findings];
  let territory;
  if (loaded.project) {
    territory = projectTerritory(loaded.project);
    findings.push(...locate(territory.findings, loaded.file, name));
    findings.push(...locate(projectConsistency(loaded.project), loaded.file, name));
    for (const r of readiness(loaded.project, territory.facts)) findings.push(...locate(r.findings, loaded.file, name));
    const map = territory.facts.resolved ? mapFinding(io.env) : undefined;
    if (map) findings.push(...locate([map], loaded.file, name));
  }
  const failed = hasErrors(findings.filter((f) => !f.document));
  if (opts.json) {
    io.stdout(`${JSON.stringify(findingsJson(findings), null, 2)}\n`);
    return failed ? EXIT.projectErrors : EXIT.ok;
  }
  const s = style(io.color);
  const own = findings.filter((f) => !f.document);
  if (own.length) io.stdout(`${formatFindingGroups(own, s)}\n`);
  const todo = findings.filter((f) => f.document);
  if (todo.length) io.stdout(`${formatTodo(todo, s)}\n`);
  io.stdout(`${summaryLine(own, name, s)}${todo.length ? ` ${todoCount(todo)}` : ""}\n`);
  if (loaded.project) io.stdout(`\n${projectSummary(loaded.project, s, territory)}\n`);
  return failed ? EXIT.projectErrors : EXIT.ok;
}

function todoCount(todo: readonly Finding[]): string {
  const blocking = todo.filter((f) => f.severity === "erreur").length;
  return blocking ? `${blocking} point${blocking > 1 ? "s" : ""} bloquant${blocking > 1 ? "s" : ""} pour les documents (« cpts etat » pour le détail).` : "";
}

/** What is still to complete, grouped by document; blocking points first. */
function formatTodo(todo: readonly Finding[], s: Style): string {
  const out: string[] = [s.bold(`À compléter pour les documents (${todo.length})`)];
  const docs = [...new Set(todo.map((f) => f.document!))];
  for (const doc of docs) {
    const group = todo.filter((f) => f.document === doc).sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "erreur" ? -1 : 1));
    for (const f of group) {
      const mark = f.severity === "erreur" ? s.red("■") : s.yellow("□");
      out.push(`  ${mark} ${formatFinding(f)}`);
    }
  }
  out.push(`  ${s.red("■")} bloque le document  ${s.yellow("□")} conseillé`);
  return out.join("\n");
}

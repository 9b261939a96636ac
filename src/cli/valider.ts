import { EXIT } from "../project/errors.js";
import { hasErrors } from "../project/findings.js";
import { loadProject } from "../project/load.js";
import { displayPath, resolveProjectPath } from "../project/paths.js";
import { formatFindingGroups, findingsJson, summaryLine } from "./findings-output.js";
import type { Io } from "./io.js";
import { projectSummary } from "./summary.js";
import { style } from "./style.js";

export interface ValidateOptions {
  json?: boolean;
}

/** `cpts valider [fichier]`: every finding, grouped, then a summary line; exit 1 on errors. */
export async function validateCommand(fileArg: string | undefined, opts: ValidateOptions, io: Io): Promise<number> {
  const path = resolveProjectPath(fileArg, io.cwd);
  const name = displayPath(path, io.cwd);
  const loaded = await loadProject(path, name);
  const { findings } = loaded;
  if (opts.json) {
    io.stdout(`${JSON.stringify(findingsJson(findings), null, 2)}\n`);
    return hasErrors(findings) ? EXIT.projectErrors : EXIT.ok;
  }
  const s = style(io.color);
  if (findings.length) io.stdout(`${formatFindingGroups(findings, s)}\n`);
  io.stdout(`${summaryLine(findings, name, s)}\n`);
  if (loaded.project) io.stdout(`\n${projectSummary(loaded.project, s)}\n`);
  return hasErrors(findings) ? EXIT.projectErrors : EXIT.ok;
}

import {
  DOCUMENT_IDS,
  documentGaps,
  documentTitle,
  notNeededReason,
  gapsLabel,
  nextActions,
  openDocuments,
  progress,
  projectConsistency,
  projectTerritory,
  type DocumentId,
  type DocumentReadiness,
} from "../domain/index.js";
import { frenchSpacing } from "../french/index.js";
import { EXIT, displayPath, hasErrors, projectFiles, type Finding, type Project } from "../project/index.js";
import { mapFinding } from "./map-status.js";
import { formatFinding, formatFindingGroups, summaryLine } from "./findings-output.js";
import { documentEntries, envelope } from "./json-envelope.js";
import type { Io } from "./io.js";
import { nextActionLines, commandFor } from "./next-steps.js";
import { resolveProjectPath, today } from "./project-context.js";
import { schemaLinkFindings } from "./schema-link-check.js";
import { projectSummary } from "./summary.js";
import { style, type Style } from "./style.js";
import { checkedList } from "./suggest.js";

export interface ValidateOptions {
  /** Every point to complete, document by document, instead of the summary. */
  tout?: boolean;
  json?: boolean;
  /** Documents that must be ready (`--exiger statuts,lettre-intention`): otherwise exit code 1. */
  exiger?: string[];
}

/**
 * `cpts valider [fichier]`: schema errors, then checks against official data (territory), then
 * what each document still needs. Exit 1 only for errors in the file itself; what is still to
 * complete does not fail validation. The text shows the file's own findings in full, then one
 * line per document and where to start; `--tout` lists every point, `--json` every finding.
 * `--exiger` makes a document that is not ready fail too, for continuous integration.
 */
export async function validateCommand(fileArg: string | undefined, opts: ValidateOptions, io: Io): Promise<number> {
  const required = checkedList(opts.exiger, DOCUMENT_IDS, "--exiger") ?? [];
  const path = resolveProjectPath(fileArg, io.cwd, io);
  const name = displayPath(path, io.cwd);
  const { loadProject, locate } = await projectFiles();
  const loaded = await loadProject(path, name);
  const findings: Finding[] = [...loaded.findings, ...(await schemaLinkFindings(path, name))];
  let territory;
  let documents: DocumentReadiness[] = [];
  // The documents of the stages not done yet (as in `cpts etat`): where the next step is found.
  let open = new Set<string>();
  if (loaded.project) {
    territory = projectTerritory(loaded.project);
    findings.push(...locate(territory.findings, loaded.file, name));
    findings.push(...locate(projectConsistency(loaded.project), loaded.file, name));
    // Stages compare the calendar's dates with today; without such dates any day gives the same
    // stages, and the time zone data that today's date needs costs more than this command.
    const c = loaded.project.calendrier ?? {};
    const dated = Boolean(c.envoi_lettre_intention || c.validation_lettre_intention || c.depot_projet_sante || c.signature_aci);
    const state = progress(loaded.project, territory.facts, dated ? today(undefined, io.env) : "1970-01-01");
    documents = state.documents.map((r) => ({ ...r, findings: locate(r.findings, loaded.file, name) }));
    for (const r of documents) findings.push(...r.findings);
    open = new Set(openDocuments(state).map((d) => d.document));
    const map = territory.facts.resolved ? mapFinding(io.env, documents.some((d) => d.document === "lettre-intention")) : undefined;
    if (map) findings.push(...locate([map], loaded.file, name));
  }
  const invalid = hasErrors(findings.filter((f) => !f.document));
  const exiges = required.map((id) => ({ document: id, pret: loaded.project !== undefined && documents.some((d) => d.document === id && documentGaps(d).pret) }));
  for (const e of exiges) if (!e.pret && loaded.project) io.stderr(`${requirementMessage(e.document, documents, loaded.project, fileArg !== undefined ? name : undefined)}\n`);
  const failed = invalid || exiges.some((e) => !e.pret);
  if (opts.json) {
    io.stdout(envelope("valider", { fichier: name, valide: !failed, documents: documentEntries(documents), constats: findings }, { exiges }));
    return failed ? EXIT.projectErrors : EXIT.ok;
  }
  const s = style(io.color);
  const own = findings.filter((f) => !f.document);
  if (own.length) io.stdout(frenchSpacing(`${formatFindingGroups(own, s)}\n`));
  const todo = findings.filter((f) => f.document);
  if (opts.tout) {
    if (todo.length) io.stdout(frenchSpacing(`${formatTodo(todo, s)}\n`));
    io.stdout(`${summaryLine(own, name, s)}\n`);
    if (loaded.project) io.stdout(frenchSpacing(`\n${projectSummary(loaded.project, s, territory)}\n`));
    return failed ? EXIT.projectErrors : EXIT.ok;
  }
  io.stdout(`${summaryLine(own, name, s)}\n`);
  if (documents.length) io.stdout(frenchSpacing(`\n${documentsSummary(documents, s)}\n`));
  io.stdout(frenchSpacing(`\n${whereToStart(documents.filter((d) => open.has(d.document)), invalid, fileArg !== undefined ? name : undefined, s)}\n`));
  return failed ? EXIT.projectErrors : EXIT.ok;
}

/** Why a document asked for by `--exiger` is not ready, and what to run. */
function requirementMessage(id: DocumentId, documents: readonly DocumentReadiness[], project: Project, projectArg: string | undefined): string {
  const doc = documents.find((d) => d.document === id);
  if (!doc) {
    const reason = notNeededReason(id, project);
    return `--exiger ${id} : ce projet ne produit pas le document « ${documentTitle(id)} »${reason ? `, car ${reason}` : ""}\u00a0; ses documents sont ${documents.map((d) => d.document).join(", ")}.`;
  }
  return `--exiger ${id} : le document « ${doc.titre} » n’est pas prêt (${gapsLabel(documentGaps(doc))})\u00a0; « ${commandFor("cpts valider --tout", projectArg)} » dit quoi compléter.`;
}

/** One line per document: ready, or how many points block it. */
export function documentsSummary(documents: readonly DocumentReadiness[], s: Style): string {
  const width = Math.max(...documents.map((d) => d.titre.length));
  const lines = documents.map((d) => {
    const gaps = documentGaps(d);
    const label = gapsLabel(gaps);
    return `  ${gaps.pret ? s.green("✓") : s.red("✗")} ${d.titre.padEnd(width)}  ${gaps.pret ? s.green(label) : label}`;
  });
  return [s.bold("Documents"), ...lines].join("\n");
}

/** The first thing to do, as a command; and how to see everything. */
function whereToStart(documents: readonly DocumentReadiness[], failed: boolean, projectArg: string | undefined, s: Style): string {
  const title = s.bold("Prochaine étape\u00a0:");
  if (failed) return `${title} corrigez les erreurs ci-dessus (fichier:ligne:colonne), puis relancez « ${commandFor("cpts valider", projectArg)} ».`;
  const first = nextActions(documents, 1);
  const lines = [title, ...nextActionLines(first, projectArg, s, false)];
  if (first[0]?.etape !== "generer") lines.push(`Tout ce qui manque, document par document\u00a0: ${commandFor("cpts valider --tout", projectArg)}`);
  return lines.join("\n");
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

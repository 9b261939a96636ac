import { existsSync, realpathSync } from "node:fs";
import { stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import {
  DOCUMENT_IDS,
  buildModel,
  documentDate,
  documentGaps,
  documentLayout,
  documentOrganisation,
  documentTitle,
  notNeededReason,
  modelForDocument,
  projectDocuments,
  projectTerritory,
  readiness,
  type DocumentId,
  type DocumentModel,
  type ModelOptions,
} from "../domain/index.js";
import { EXIT, UserError, displayPath, projectFiles, type Finding, type Project } from "../project/index.js";
import {
  askedFiles,
  FolderLockTimeout,
  TemplateLinkError,
  checkTemplateFolder,
  documentPipeline,
  FIGURE_CACHE_FOLDER,
  FigureCache,
  inputsKey,
  keptFile,
  UnsafePathError,
  upToDateFiles,
  writeGeneratedFiles,
  WriteInterrupted,
  type AskedFiles,
  type DocOptions,
  type FigureSource,
  type GeneratedContent,
  type MarkdownResult,
  type RenderResult,
  type TemplateEnv,
  type UpToDateFile,
  type WriteResult,
} from "../render/index.js";
import { projectFigures } from "./figures.js";
import { mapAvailable } from "./map-status.js";
import { formatFinding } from "./findings-output.js";
import { documentsDateNote, refusedNote, writtenNote } from "./generer-notes.js";
import { frenchTextIo, type Io } from "./io.js";
import { requireValidProject, resolveProjectPath } from "./project-context.js";
import { style, type Style } from "./style.js";
import { documentEntries, envelope, type DocumentEntry } from "./json-envelope.js";
import { checkedList } from "./suggest.js";
import { generationKey, projectTemplateDirs, toolIdentity } from "./generation-key.js";

export interface GenerateOptions {
  document?: string[];
  sortie?: string;
  format?: string;
  forcer?: boolean;
  brouillon?: boolean;
  modeles?: string;
  json?: boolean;
  ouvrir?: boolean;
  /** Print nothing but what went wrong (on standard error). */
  quiet?: boolean;
}

export interface GeneratedFile {
  projet: string;
  document: DocumentId;
  format: Format;
  fichier: string | null;
  statut: "cree" | "mis_a_jour" | "inchange" | "a_jour" | "a_cote" | "refuse" | "erreur" | "non_converti";
  sha256?: string;
  a_completer: string[];
  message?: string;
}

const OUTCOME = { created: "cree", updated: "mis_a_jour", unchanged: "inchange", beside: "a_cote" } as const;
const WORDS = { cree: "créé", mis_a_jour: "mis à jour", inchange: "inchangé", a_jour: "à jour", a_cote: "écrit à côté", refuse: "non généré", erreur: "modèle incorrect", non_converti: "PDF non produit" } as const;
const FORMATS = ["docx", "md", "pdf"] as const;
type Format = (typeof FORMATS)[number];

async function isDirectory(path: string): Promise<boolean | undefined> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return undefined;
  }
}

/**
 * What makes documents and reads the project (Handlebars, marked, docx, yaml, the validator),
 * loaded only when a project's documents are not up to date.
 */
async function loadPipeline() {
  const [renderer, { locate }] = await Promise.all([documentPipeline(), projectFiles()]);
  return { ...renderer, locate };
}

type Pipeline = Awaited<ReturnType<typeof loadPipeline>>;

/** Names the list of parts of `documentKey`: change it when they change. */
const DOCUMENT_KEY_FORMAT = "cpts generer, DOCX, clé 2";

/**
 * The key of what one DOCX is made from: its Markdown (its blocks are read from that text and
 * nothing else), the figures it may show (what each one draws: its numbers, its communes), its
 * document options (title page, sommaire, organisation, date…), SOURCE_DATE_EPOCH (the date of a
 * document without one) and the tool. The same key gives the same bytes, so when a project
 * changed in a way that leaves a document's Markdown and figures as they were, its DOCX is kept
 * (`keptFile`) instead of being made again.
 */
function documentKey(tool: readonly Uint8Array[], markdown: string, figures: string, docOptions: DocOptions, env: NodeJS.ProcessEnv): string {
  const options = Object.fromEntries(Object.entries(docOptions).sort(([a], [b]) => (a < b ? -1 : 1)));
  return inputsKey([DOCUMENT_KEY_FORMAT, ...tool, markdown, figures, JSON.stringify(options), env.SOURCE_DATE_EPOCH?.trim() ?? ""]);
}

/** The placeholder of `--sortie` replaced by the name of each project's folder. */
const PROJECT_PLACEHOLDER = "{projet}";

/** The command's options, checked: documents, formats, output and template folders. */
async function checkedOptions(files: string[], opts: GenerateOptions, io: Io) {
  // Without --document, each project writes the documents its founding path needs.
  const documents = checkedList(opts.document, DOCUMENT_IDS, "--document");
  const formats = checkedList(opts.format ?? "docx", FORMATS, "--format")!;
  if (formats.length === 0) throw new UserError("--format : indiquez docx, md, pdf ou plusieurs séparés par des virgules (docx,pdf).");
  const sortie = opts.sortie;
  const unknown = sortie?.match(/\{[^{}]*\}/g)?.find((p) => p !== PROJECT_PLACEHOLDER);
  if (unknown) throw new UserError(`--sortie ${sortie} : « ${unknown} » n’est pas reconnu ; seul ${PROJECT_PLACEHOLDER} est remplacé, par le nom du dossier de chaque projet (--sortie sorties/${PROJECT_PLACEHOLDER}).`);
  const pattern = sortie?.includes(PROJECT_PLACEHOLDER) ?? false;
  if (sortie !== undefined && !pattern && files.length > 1)
    throw new UserError(
      `--sortie sans ${PROJECT_PLACEHOLDER} ne peut servir qu’avec un seul projet : chaque projet écrit ses documents dans son propre dossier documents/, ` +
        `ou dans le dossier que donne un modèle comme --sortie sorties/${PROJECT_PLACEHOLDER} (${PROJECT_PLACEHOLDER} : le nom du dossier du projet).`,
    );
  const userTemplates = opts.modeles === undefined ? undefined : resolve(io.cwd, opts.modeles);
  if (userTemplates && (await isDirectory(userTemplates)) !== true) throw new UserError(`--modeles ${opts.modeles} : dossier introuvable.`);
  const outRoot = sortie === undefined || pattern ? undefined : resolve(io.cwd, sortie);
  return { documents, formats, sortie, outRoot, userTemplates };
}

/** A project of the command line: its file, the folder its documents go to, its template folders. */
interface ProjectPlan {
  fileArg: string | undefined;
  projectPath: string;
  outDir: string;
  templateDirs: string[];
}

/** `path` with its links resolved as far as it exists, so that two names of one folder compare equal. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realPath(parent), path.slice(parent.length + 1));
  }
}

/** The folder of a project's documents: `--sortie`, its pattern filled in, or documents/ beside the project. */
function outputFolder(projectPath: string, sortie: string | undefined, cwd: string): string {
  if (sortie === undefined) return join(dirname(projectPath), "documents");
  return resolve(cwd, sortie.replaceAll(PROJECT_PLACEHOLDER, basename(dirname(projectPath))));
}

/** Why two projects cannot write into one folder, and what to do instead. */
function sharedOutputMessage(first: string, second: string, outDir: string, sortie: string | undefined, cwd: string): string {
  const both = `${displayPath(first, cwd)} et ${displayPath(second, cwd)}`;
  const shown = displayPath(outDir, cwd);
  if (sortie?.includes(PROJECT_PLACEHOLDER))
    return (
      `--sortie ${sortie} : ${both} sont dans deux dossiers du même nom « ${basename(dirname(second))} » ; leurs documents iraient tous dans ${shown}, ` +
      "ceux du second remplaçant ceux du premier. Rien n’a été écrit. Renommez l’un des dossiers, ou générez ces projets séparément."
    );
  return (
    `${both} écriraient leurs documents dans le même dossier ${shown} : les documents du second remplaceraient ceux du premier. Rien n’a été écrit. ` +
    `Placez chaque projet dans son propre dossier (ses documents vont dans le dossier documents/ à côté de lui), ou utilisez --sortie sorties/${PROJECT_PLACEHOLDER}.`
  );
}

/**
 * Where each project's documents go and which templates it uses, checked before anything is
 * read or written: two projects never share an output folder (the second would overwrite the
 * first's documents), no output folder is a file, and no template folder of the user holds a
 * link leading outside it.
 */
async function projectPlans(files: string[], sortie: string | undefined, userTemplates: string | undefined, io: Io): Promise<ProjectPlan[]> {
  const plans: ProjectPlan[] = [];
  const byOutput = new Map<string, ProjectPlan>();
  for (const fileArg of files.length ? files : [undefined]) {
    const projectPath = resolveProjectPath(fileArg, io.cwd, io);
    if (plans.some((p) => realPath(p.projectPath) === realPath(projectPath))) continue; // the same project twice
    const outDir = outputFolder(projectPath, sortie, io.cwd);
    const other = byOutput.get(realPath(outDir));
    if (other) throw new UserError(sharedOutputMessage(other.projectPath, projectPath, outDir, sortie, io.cwd));
    if (sortie !== undefined && (await isDirectory(outDir)) === false)
      throw new UserError(`--sortie ${displayPath(outDir, io.cwd)} : c’est un fichier, pas un dossier ; indiquez un dossier (il sera créé s’il n’existe pas).`);
    const { custom, dirs } = await projectTemplateDirs(projectPath, userTemplates);
    if (custom) {
      try {
        checkTemplateFolder(custom);
      } catch (error) {
        if (error instanceof TemplateLinkError) throw new UserError(`${displayPath(error.file, io.cwd)} : ${error.reason}. Rien n’a été écrit.`);
        throw error;
      }
    }
    const plan = { fileArg, projectPath, outDir, templateDirs: dirs };
    byOutput.set(realPath(outDir), plan);
    plans.push(plan);
  }
  return plans;
}

/** Writes a project's documents, holding its output folder; says so when another run holds it. */
async function writeDocuments(outDir: string, contents: GeneratedContent[], { force, demande }: { force: boolean; demande?: AskedFiles }, io: Io): Promise<WriteResult[]> {
  const shown = displayPath(outDir, io.cwd);
  try {
    return await writeGeneratedFiles(outDir, contents, {
      force,
      ...(demande ? { demande } : {}),
      onWait: (holder) => io.stderr(`${shown} : une autre génération écrit dans ce dossier (${holder}) ; attente de la fin…\n`),
    });
  } catch (error) {
    if (error instanceof UnsafePathError) throw new UserError(`${shown} : ${error.message}`);
    if (error instanceof WriteInterrupted)
      throw new UserError(`\nInterrompu : les documents déjà écrits sont notés dans ${shown}/.cpts-manifeste.json ; relancez « cpts generer » pour finir.`, EXIT.interrupted);
    if (error instanceof FolderLockTimeout)
      throw new UserError(
        `${shown} : une autre génération (${error.holder}) occupe ce dossier depuis plus d’une minute ; rien n’a été écrit. ` +
          `Si aucune commande cpts n’est en cours, supprimez ${displayPath(error.lockPath, io.cwd)} puis relancez.`,
      );
    throw outputError(error, shown);
  }
}

/**
 * The files asked for, when every one is as generated from inputs of key `key`; undefined
 * otherwise. Which documents a project needs is known once it is read: without --document, the
 * check made from bytes alone takes the files the last generation of the same inputs was asked for.
 */
async function freshFiles(outDir: string, key: string, documents: DocumentId[] | undefined, formats: readonly Format[]) {
  const wantedDocuments = documents ?? (await askedFiles(outDir, key))?.map((f) => f.slice(0, f.lastIndexOf(".")) as DocumentId);
  if (wantedDocuments === undefined) return undefined;
  const wanted = [...new Set(wantedDocuments)].flatMap((document) => formats.map((format) => ({ document, format, relPath: `${document}.${format}` })));
  const fresh = await upToDateFiles(outDir, wanted.map((w) => w.relPath), key);
  return fresh && wanted.map((w, i) => ({ ...w, ...fresh[i]! }));
}

/** Says which documents of --document the project does not need (its founding path); true if any. */
function refuseForeign(asked: readonly DocumentId[], needed: readonly DocumentId[], project: Project, projectName: string, io: Io): boolean {
  const foreign = asked.filter((id) => !needed.includes(id));
  for (const id of foreign) {
    const reason = notNeededReason(id, project);
    io.stderr(
      `${projectName}\u00a0: --document ${id} ne concerne pas ce projet (${documentTitle(id, project)})${reason ? `, car ${reason}` : ""}\u00a0; ses documents sont ${needed.join(", ")}.\n`,
    );
  }
  return foreign.length > 0;
}

/** What a run collects as it goes, project after project, and how it prints. */
interface RunState {
  opts: GenerateOptions;
  io: Io;
  s: Style;
  /** Per-document lines: one project, neither --json nor --quiet. */
  detailed: boolean;
  results: GeneratedFile[];
  /** For --json: each project, valid or not, and its documents. */
  projets: { fichier: string; valide: boolean; documents: Record<string, DocumentEntry> }[];
  findings: Finding[];
  failed: boolean;
  templateFailed: boolean;
  unconverted: boolean;
  pdfProblem?: string;
  mapProblem?: string;
}

/** What every project of a run shares: the options, the tool's identity, the compiled templates. */
interface Shared {
  documents: DocumentId[] | undefined;
  formats: Format[];
  tool: Uint8Array[];
  several: boolean;
  pipeline?: Pipeline;
  // Projects that share template folders share their compiled templates: a batch compiles each once.
  envs: Map<string, TemplateEnv>;
  /** Figures already drawn, in memory for the whole run and on disk in each output folder. */
  figures: FigureCache;
}

/**
 * `cpts generer [fichiers…]`: writes the documents of one or several projects. A document whose
 * readiness has blocking points is not written unless `--brouillon` (its gaps then show as
 * highlighted placeholders). Files edited by hand are kept (see src/render/manifest.ts). When
 * every asked file is as generated from the same inputs (`generationKey`), nothing is rendered
 * nor written, and the documents are reported up to date; `--forcer` renders them anyway.
 * Several projects give one line each and a total; `--quiet` prints only what went wrong.
 */
export async function generateCommand(files: string[], opts: GenerateOptions, io: Io): Promise<number> {
  if (!opts.json) io = frenchTextIo(io);
  const { documents, formats, sortie, outRoot, userTemplates } = await checkedOptions(files, opts, io);
  const plans = await projectPlans(files, sortie, userTemplates, io);
  const s = style(io.color);
  const brief = !opts.json && !opts.quiet && plans.length > 1;
  const run: RunState = { opts, io, s, detailed: !opts.json && !opts.quiet && plans.length === 1, results: [], projets: [], findings: [], failed: false, templateFailed: false, unconverted: false };
  const tool = await toolIdentity(io.env);
  // The tool's identity is part of each figure's key: a rebuilt tool may draw differently.
  const shared: Shared = { documents, formats, tool, several: files.length > 1, envs: new Map(), figures: new FigureCache({ salt: tool }) };
  const problems: (string | undefined)[] = [];
  for (const plan of plans) {
    const before = run.results.length;
    const problem = await generateProject(plan, shared, run);
    problems.push(problem);
    if (brief) io.stdout(`${projectLine(displayPath(plan.projectPath, io.cwd), run.results.slice(before), problem, s)}\n`);
  }
  if (brief) io.stdout(`${totalLine(plans.length, run.results, problems.filter(Boolean).length)}\n`);
  if (opts.json) {
    const one = run.projets.length === 1 && plans.length === 1 ? run.projets[0] : undefined;
    const fichiers = run.results.map((r) => ({ ...r, sha256: r.sha256 ?? null, message: r.message ?? null }));
    io.stdout(envelope("generer", { fichier: one?.fichier ?? null, valide: !run.failed, documents: one?.documents ?? {}, constats: run.findings }, { fichiers, projets: run.projets }));
  }
  if (run.pdfProblem) io.stderr(`${run.pdfProblem}\n`);
  // Said in text mode only: `--json` gives the report alone (the documents carry the note).
  if (run.mapProblem && !opts.json && !opts.quiet) io.stderr(`Carte du territoire non dessinée\u00a0: ${run.mapProblem}. Une note la remplace dans les documents.\n`);
  if (opts.ouvrir) await openResults(run.results, outRoot, io);
  return run.templateFailed ? EXIT.usage : run.failed ? EXIT.projectErrors : run.unconverted ? EXIT.unavailable : EXIT.ok;
}

const PLURAL_WORDS: Record<GeneratedFile["statut"], string> = {
  cree: "créés",
  mis_a_jour: "mis à jour",
  inchange: "inchangés",
  a_jour: "à jour",
  a_cote: "écrits à côté",
  refuse: "non générés",
  erreur: "modèles incorrects",
  non_converti: "PDF non produits",
};

/** « ✓ a/cpts.yaml : 2 créés, 2 à jour » — one project of several. */
function projectLine(name: string, results: readonly GeneratedFile[], problem: string | undefined, s: Style): string {
  if (problem) return `${s.red("✗")} ${name}\u00a0: ${problem}`;
  const parts = (Object.keys(WORDS) as GeneratedFile["statut"][]).flatMap((statut) => {
    const n = results.filter((r) => r.statut === statut).length;
    return n ? [`${n}\u00a0${n > 1 ? PLURAL_WORDS[statut] : WORDS[statut]}`] : [];
  });
  const bad = results.some((r) => r.statut === "refuse" || r.statut === "erreur" || r.statut === "non_converti");
  return `${bad ? s.red("✗") : s.green("✓")} ${name}\u00a0: ${parts.join(", ") || "aucun document demandé"}`;
}

/** « Total : 3 projets, 8 fichiers écrits ou à jour, 1 document non généré. » */
function totalLine(projects: number, results: readonly GeneratedFile[], failedProjects: number): string {
  const plural = (n: number, one: string, many: string) => `${n}\u00a0${n > 1 ? many : one}`;
  const done = results.filter((r) => r.fichier !== null).length;
  const refused = results.filter((r) => r.statut === "refuse" || r.statut === "erreur").length;
  const parts = [plural(projects, "projet", "projets"), plural(done, "fichier écrit ou à jour", "fichiers écrits ou à jour")];
  if (refused) parts.push(plural(refused, "document non généré", "documents non générés"));
  if (failedProjects) parts.push(plural(failedProjects, "projet en erreur", "projets en erreur"));
  return `Total\u00a0: ${parts.join(", ")}.`;
}

/** The documents of a project for --json when it was not read (found up to date from bytes alone). */
async function projectReport(fileArg: string | undefined, run: RunState): Promise<void> {
  const loaded = await requireValidProject(fileArg, run.io, true).catch(() => undefined);
  if (!loaded) return;
  const ready = readiness(loaded.project, projectTerritory(loaded.project).facts);
  run.projets.push({ fichier: displayPath(loaded.path, run.io.cwd), valide: true, documents: documentEntries(ready) });
}

/**
 * One project: its documents up to date, or rendered and written. Returns why nothing was
 * written when the project itself is wrong (with several projects: the others go on).
 */
async function generateProject(plan: ProjectPlan, shared: Shared, run: RunState): Promise<string | undefined> {
  const { fileArg, projectPath, outDir, templateDirs } = plan;
  const { opts, io } = run;
  const key = await generationKey(projectPath, templateDirs, Boolean(opts.brouillon), io.env, shared.tool);
  const fresh = key === undefined || opts.forcer ? undefined : await freshFiles(outDir, key, shared.documents, shared.formats);
  if (fresh) {
    reportUpToDate(displayPath(projectPath, io.cwd), fresh, run);
    if (opts.json) await projectReport(fileArg, run);
    return undefined;
  }
  const pipeline = (shared.pipeline ??= await loadPipeline());
  let loaded;
  try {
    loaded = await requireValidProject(fileArg, io, opts.json || (!run.detailed && shared.several));
  } catch (error) {
    if (!shared.several || !(error instanceof UserError)) throw error;
    io.stderr(`${error.message}\n`);
    run.failed = true;
    run.findings.push(...error.findings);
    run.projets.push({ fichier: displayPath(projectPath, io.cwd), valide: false, documents: {} });
    return "projet en erreur, aucun document écrit (« cpts valider » dit lesquelles)";
  }
  const projectName = displayPath(loaded.path, io.cwd);
  const project = loaded.project;
  const envKey = templateDirs.join("\n");
  const env = shared.envs.get(envKey) ?? pipeline.createTemplateEnv(templateDirs);
  shared.envs.set(envKey, env);
  const territory = projectTerritory(project);
  const territoryErrors = pipeline.locate(territory.findings.filter((f) => f.severity === "erreur"), loaded.file, projectName);
  const ready = readiness(project, territory.facts);
  run.projets.push({ fichier: projectName, valide: territoryErrors.length === 0, documents: documentEntries(ready) });
  if (territoryErrors.length) {
    run.failed = true;
    run.findings.push(...territoryErrors);
    if (!opts.json) for (const f of territoryErrors) io.stderr(`${formatFinding(f)}\n`);
    io.stderr(`${projectName} : territoire incorrect, aucun document écrit. Corrigez-le (« cpts territoire ») puis relancez.\n`);
    return "territoire incorrect, aucun document écrit";
  }
  const date = project.documents?.date ?? sourceDate(io.env);
  const modelOptions = { ...(date ? { date } : {}), mapAvailable: mapAvailable(io.env) };
  const model = buildModel(project, modelOptions);
  // The figures drawn for a project are kept in its output folder, beside the manifest, rather
  // than in the project's .cpts/: the output folder is writable wherever documents can be made,
  // while a project may sit in a read-only place (the examples of an installed tool); a run into
  // a temporary --sortie (tests, benches, trials) leaves the project's folder as it was; and the
  // figures are those of the documents there, so deleting the folder deletes both.
  const figureStore = shared.figures.folder(join(outDir, FIGURE_CACHE_FOLDER));
  const figures = projectFigures(model.figures.liste, io.env, figureStore);
  const needed = projectDocuments(project);
  const asked = shared.documents ?? needed;
  if (refuseForeign(asked, needed, project, projectName, io)) run.failed = true;
  // Render every document first, then write them together (one flush, one manifest update),
  // then report in document order.
  const items = await renderProject(asked.filter((d) => needed.includes(d)), {
    project,
    ready,
    brouillon: Boolean(opts.brouillon),
    shared: { pipeline, model, templateDirs, env, figures },
    modelOptions,
    date,
    formats: shared.formats,
    keep: { outDir, tool: shared.tool, forcer: Boolean(opts.forcer), env: io.env, figures: JSON.stringify(model.figures.liste) },
  });
  // Every project's PDFs are converted (or marked unconverted); the reason is said once.
  run.pdfProblem ??= await convertPdfItems(items, io.env);
  const toWrite = items.filter((item) => "bytes" in item) as Extract<Item, { bytes: unknown }>[];
  const written = await writeDocuments(
    outDir,
    toWrite.map((item) => ({
      relPath: `${item.id}.${item.format}`,
      bytes: item.bytes,
      ...(key === undefined ? {} : { generation: { cle: key, a_completer: item.placeholders, ...(item.contentKey ? { cle_contenu: item.contentKey } : {}) } }),
    })),
    { force: Boolean(opts.forcer), ...(key !== undefined && shared.documents === undefined ? { demande: { cle: key, fichiers: asked.flatMap((d) => shared.formats.map((f) => `${d}.${f}`)) } } : {}) },
    io,
  );
  run.mapProblem ??= figures.mapProblem();
  await figureStore.prune();
  reportItems(items, written, toWrite, { projectName, project, ready, locate: (f) => pipeline.locate(f, loaded.file, projectName) }, run);
  const dateNote = documentsDateNote(project.documents?.date, date);
  if (dateNote && run.detailed && toWrite.length) io.stdout(`${dateNote}\n`);
  return undefined;
}

/** What `reportItems` says of a project. */
interface ProjectInfo {
  projectName: string;
  project: Project;
  ready: ReturnType<typeof readiness>;
  locate: (findings: Finding[]) => Finding[];
}

/** Records each document of a project in the run's results and prints its line. */
function reportItems(items: readonly Item[], written: readonly WriteResult[], toWrite: readonly Item[], p: ProjectInfo, run: RunState): void {
  const { io, s, detailed, results } = run;
  const out = (text: string) => detailed && io.stdout(text);
  const projet = p.projectName;
  for (const item of items) {
    if ("refused" in item) {
      run.failed = true;
      const located = p.locate(item.refused);
      run.findings.push(...located);
      results.push({ projet, document: item.id, format: "docx", fichier: null, statut: "refuse", a_completer: item.refused.map((f) => f.message) });
      const line = `${s.red("✗")} ${documentTitle(item.id, p.project)} : ${refusedNote(item.refused.length)} (--brouillon pour le générer quand même)\n`;
      if (detailed) {
        io.stdout(line);
        for (const f of located) io.stdout(`    ${formatFinding(f)}\n`);
      } else if (!run.opts.json) io.stderr(`${projet} : ${line}`);
      continue;
    }
    if ("unconverted" in item) {
      run.unconverted = true;
      results.push({ projet, document: item.id, format: "pdf", fichier: null, statut: "non_converti", a_completer: [], message: item.unconverted });
      out(`${s.red("✗")} ${documentTitle(item.id, p.project)} (PDF) : non produit\n`);
      continue;
    }
    if ("broken" in item) {
      run.templateFailed = true;
      results.push({ projet, document: item.id, format: item.format, fichier: null, statut: "erreur", a_completer: [], message: item.broken });
      const line = `${s.red("✗")} ${documentTitle(item.id, p.project)} : non généré, modèle incorrect\n    ${item.broken}\n`;
      if (detailed) io.stdout(line);
      else if (!run.opts.json) io.stderr(`${projet} : ${line}`);
      continue;
    }
    const outcome = written[toWrite.indexOf(item)]!;
    const statut = OUTCOME[outcome.outcome];
    const fichier = displayPath(outcome.absolutePath, io.cwd);
    results.push({ projet, document: item.id, format: item.format, fichier, statut, sha256: outcome.sha256, a_completer: item.placeholders, ...(outcome.message ? { message: outcome.message } : {}) });
    const gaps = documentGaps(p.ready.find((r) => r.document === item.id)!);
    out(`${statut === "a_cote" ? s.yellow("!") : s.green("✓")} ${fichier} ${s.dim(`(${writtenNote(WORDS[statut], gaps, item.placeholders.length)})`)}\n`);
    if (outcome.message) out(`    ${outcome.message}\n`);
  }
}

/** What `renderProject` needs of a project: its answers, its readiness, the shared model and options. */
interface ProjectRender {
  project: Project;
  ready: ReturnType<typeof readiness>;
  brouillon: boolean;
  shared: Omit<RenderContext, "docOptions">;
  modelOptions: ModelOptions;
  date: string | undefined;
  formats: readonly Format[];
  keep: KeepContext;
}

/**
 * Each document of `ids` in each format asked for, or why it is not written: blocking points
 * (unless --brouillon) or a template the user can fix. Each document carries its own date (its
 * meeting, its sending), in its text and its properties.
 */
async function renderProject(ids: readonly DocumentId[], p: ProjectRender): Promise<Item[]> {
  const items: Item[] = [];
  for (const id of ids) {
    const blocking: Finding[] = p.ready.find((r) => r.document === id)!.findings.filter((f) => f.severity === "erreur");
    if (blocking.length && !p.brouillon) {
      items.push({ id, refused: blocking });
      continue;
    }
    const own = documentDate(p.project, id)?.date ?? p.date;
    const docOptions = { ...documentLayout(id, p.project), organisation: documentOrganisation(id, p.project), ...(own ? { date: own } : {}) };
    const model = modelForDocument(p.shared.model, p.project, p.modelOptions, id);
    items.push(...(await renderFormats(id, p.formats, { ...p.shared, model, docOptions }, p.keep)));
  }
  return items;
}

/** A document of a project once rendered: refused, broken, not converted to PDF, or its bytes. */
type Item =
  | { refused: Finding[]; id: DocumentId }
  | { broken: string; id: DocumentId; format: Format }
  | { unconverted: string; id: DocumentId; format: "pdf" }
  | { id: DocumentId; format: Format; bytes: Uint8Array | string; placeholders: string[]; contentKey?: string };

interface RenderContext {
  pipeline: Pipeline;
  model: DocumentModel;
  templateDirs: string[];
  env: TemplateEnv;
  docOptions: DocOptions;
  figures: FigureSource;
}

/**
 * One document in each format asked for: the DOCX is rendered once for both DOCX and PDF (the
 * PDF is converted from it later). A template the user can fix gives a `broken` item; the
 * other documents are still written.
 */
async function renderFormats(id: DocumentId, formats: readonly Format[], render: RenderContext, keep: KeepContext): Promise<Item[]> {
  const { pipeline, model, templateDirs, env, figures } = render;
  const items: Item[] = [];
  let docx: Promise<RenderResult & { contentKey: string }> | undefined;
  for (const format of formats) {
    let rendered: MarkdownResult | RenderResult;
    try {
      rendered =
        format === "md"
          ? pipeline.renderMarkdownOnly({ templateName: id, model, templateDirs, env, figures })
          : await (docx ??= docxOf(render, id, keep));
    } catch (error) {
      if (!(error instanceof pipeline.TemplateError || error instanceof pipeline.MarkdownError)) throw error;
      const source = templateDirs.map((d) => join(d, `${id}.md.hbs`)).find((f) => existsSync(f));
      const broken =
        error instanceof pipeline.MarkdownError ? `Markdown produit par ${source ? pipeline.formatPosition(source) : `${id}.md.hbs`}, ${error.message}` : error.message;
      items.push({ id, format, broken });
      break; // the other formats come from the same template
    }
    if (format === "md") items.push({ id, format, bytes: rendered.markdown, placeholders: rendered.placeholders });
    else {
      const { docx: bytes, placeholders, contentKey } = rendered as RenderResult & { contentKey: string };
      // A PDF is converted from these bytes later: only the DOCX file itself can be kept next time.
      items.push({ id, format, bytes, placeholders, ...(format === "docx" ? { contentKey } : {}) });
    }
  }
  return items;
}

/**
 * Converts the DOCX bytes of the PDF items to PDF with LibreOffice, in one run for the project.
 * When it cannot (not installed, failed), those items become `unconverted` and the reason is
 * returned, to be printed once.
 */
async function convertPdfItems(items: Item[], env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const pending = items.flatMap((item, index) => ("bytes" in item && item.format === "pdf" ? [{ item, index }] : []));
  if (pending.length === 0) return undefined;
  const { docxToPdf, findSoffice, INSTALL_LIBREOFFICE, PdfError } = await import("./pdf.js");
  const soffice = findSoffice(env);
  let problem: string | undefined = soffice ? undefined : INSTALL_LIBREOFFICE;
  if (soffice) {
    try {
      const pdfs = await docxToPdf(soffice, new Map(pending.map(({ item }) => [item.id, item.bytes as Uint8Array])));
      for (const { item } of pending) item.bytes = pdfs.get(item.id)!;
    } catch (error) {
      if (!(error instanceof PdfError)) throw error;
      problem = `${error.message}\u00a0; les autres formats sont écrits.`;
    }
  }
  if (problem) for (const { item, index } of pending) items[index] = { unconverted: problem.split("\n")[0]!, id: item.id, format: "pdf" };
  return problem;
}

/** `--ouvrir`: the one document written, or the folder of the documents. */
async function openResults(results: readonly GeneratedFile[], outRoot: string | undefined, io: Io): Promise<void> {
  const files = results.filter((r) => r.fichier !== null).map((r) => r.fichier!);
  if (files.length === 0) return;
  const folders = [...new Set(files.map((f) => dirname(resolve(io.cwd, f))))];
  const target = files.length === 1 ? resolve(io.cwd, files[0]!) : (outRoot ?? folders[0]!);
  const { openWithViewer } = await import("./open.js");
  io.stderr(`${await openWithViewer(target, displayPath(target, io.cwd), io.env)}\n`);
}

/** What lets `docxOf` keep the DOCX of the last generation. */
interface KeepContext {
  outDir: string;
  tool: readonly Uint8Array[];
  forcer: boolean;
  env: NodeJS.ProcessEnv;
  /** What the project's figures draw (their numbers, their communes), as text: one key part for every document. */
  figures: string;
}

/**
 * One document as DOCX: the template's Markdown, then the DOCX of the last generation when it
 * was made from the same Markdown, figures and options and is unchanged (`documentKey`), else a
 * new one. --forcer makes a new one in every case.
 */
async function docxOf(render: RenderContext, id: DocumentId, keep: KeepContext): Promise<RenderResult & { contentKey: string }> {
  const { pipeline, model, templateDirs, env, docOptions, figures } = render;
  const markdown = env.render(id, model);
  const contentKey = documentKey(keep.tool, markdown, keep.figures, docOptions, keep.env);
  const kept = keep.forcer ? undefined : await keptFile(keep.outDir, `${id}.docx`, contentKey);
  if (kept) return { markdown, placeholders: kept.a_completer, docx: kept.bytes, contentKey };
  return { ...(await pipeline.renderDocument({ templateName: id, model, templateDirs, env, docOptions, figures, markdown })), contentKey };
}

/** Reports the documents of a project found up to date: nothing was rendered nor written. */
function reportUpToDate(projectName: string, fresh: readonly (UpToDateFile & { document: DocumentId; format: Format })[], run: RunState): void {
  const { io, s, detailed } = run;
  for (const file of fresh) {
    const fichier = displayPath(file.absolutePath, io.cwd);
    run.results.push({ projet: projectName, document: file.document, format: file.format, fichier, statut: "a_jour", sha256: file.sha256, a_completer: file.a_completer });
    if (detailed) io.stdout(`${s.green("✓")} ${fichier} ${s.dim(`(${writtenNote(WORDS.a_jour, undefined, file.a_completer.length)})`)}\n`);
  }
  if (detailed) {
    io.stdout(
      `Documents à jour\u00a0: le projet, les modèles, les options et la version de cpts sont ceux de la dernière génération\u00a0; ` +
        `rien n’a été écrit (--forcer pour régénérer).\n`,
    );
  }
}

/** An output folder that cannot be written becomes a French message; anything else stays a bug. */
function outputError(error: unknown, dir: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    ENOTDIR: "un élément du chemin est un fichier, pas un dossier",
    EEXIST: "un fichier porte déjà ce nom",
    EACCES: "droits insuffisants pour y écrire",
    EPERM: "écriture interdite dans ce dossier",
    EROFS: "le disque est en lecture seule",
    ENOSPC: "le disque est plein",
    EISDIR: "un dossier porte le nom du document",
    EFBIG: "fichier trop gros pour la limite de taille des fichiers",
    EDQUOT: "quota de disque dépassé",
  };
  const reason = code ? reasons[code] : undefined;
  return reason ? new UserError(`${dir} : écriture impossible (${reason}). Choisissez un autre dossier avec --sortie.`) : error;
}

function sourceDate(env: NodeJS.ProcessEnv): string | undefined {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (!epoch || !/^\d+$/.test(epoch.trim())) return undefined;
  return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
}

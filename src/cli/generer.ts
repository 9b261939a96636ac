import { existsSync, realpathSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import { DOCUMENT_IDS, buildModel, documentGaps, documentLayout, documentTitle, projectTerritory, readiness, type DocumentId } from "../domain/index.js";
import { EXIT, PACKAGE_ROOT, TEMPLATES_DIR, UserError, displayPath, projectFiles, type Finding } from "../project/index.js";
import {
  FolderLockTimeout,
  TemplateLinkError,
  checkTemplateFolder,
  documentPipeline,
  inputsKey,
  UnsafePathError,
  upToDateFiles,
  writeGeneratedFiles,
  WriteInterrupted,
  type GeneratedContent,
  type UpToDateFile,
  type WriteResult,
} from "../render/index.js";
import { formatFinding } from "./findings-output.js";
import { documentsDateNote, refusedNote, writtenNote } from "./generer-notes.js";
import type { Io } from "./io.js";
import { requireValidProject, resolveProjectPath } from "./project-context.js";
import { style } from "./style.js";
import { didYouMean } from "./suggest.js";

export interface GenerateOptions {
  document?: string[];
  sortie?: string;
  format?: string;
  forcer?: boolean;
  brouillon?: boolean;
  modeles?: string;
  json?: boolean;
}

export interface GeneratedFile {
  projet: string;
  document: DocumentId;
  format: "docx" | "md";
  fichier: string | null;
  statut: "cree" | "mis_a_jour" | "inchange" | "a_jour" | "a_cote" | "refuse" | "erreur";
  sha256?: string;
  a_completer: string[];
  message?: string;
}

const OUTCOME = { created: "cree", updated: "mis_a_jour", unchanged: "inchange", beside: "a_cote" } as const;
const WORDS = { cree: "créé", mis_a_jour: "mis à jour", inchange: "inchangé", a_jour: "à jour", a_cote: "écrit à côté", refuse: "non généré", erreur: "modèle incorrect" } as const;

function parseList<T extends string>(raw: string[] | string | undefined, allowed: readonly T[], option: string): T[] | undefined {
  if (raw === undefined) return undefined;
  const items = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
  const bad = items.filter((i) => !(allowed as readonly string[]).includes(i));
  if (bad.length)
    throw new UserError(
      `${option} : valeur${bad.length > 1 ? "s" : ""} inconnue${bad.length > 1 ? "s" : ""} ${bad.map((b) => `« ${b} »`).join(", ")}${didYouMean(bad[0]!, allowed) || "."} Valeurs possibles : ${allowed.join(", ")}.`,
    );
  return [...new Set(items)] as T[];
}

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

/** Names the list of parts below: change it when they change, so older keys never match. */
const KEY_FORMAT = "cpts generer, clé 1";

/** Where the build writes its identity (src/build/bundle.ts). */
const BUILD_ID = join(PACKAGE_ROOT, "dist", "build-id");

/**
 * The files of a template folder and of its subfolders (`partials/`, and whatever else templates
 * may use), as `[relative path, bytes]`, in path order.
 */
async function folderFiles(dir: string): Promise<[string, Uint8Array][]> {
  const names = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  const files = await Promise.all(
    names.sort().map(async (name) => {
      const bytes = await readFile(join(dir, name)).catch(() => undefined); // folders fail here
      return bytes && ([name.split(sep).join("/"), bytes] as [string, Uint8Array]);
    }),
  );
  return files.filter((f): f is [string, Uint8Array] => f !== undefined);
}

/**
 * The key of everything a project's documents are made from, each document and format alike:
 * the project file, every file of the template folders in their order (partials included), the
 * options that change what is written (--brouillon, SOURCE_DATE_EPOCH for documents without a
 * date), and the tool itself (package.json and the build's identity, so a rebuilt tool counts
 * as a new one). Made from bytes alone, without reading YAML or compiling a template, so that
 * finding documents up to date costs about a start of the tool. Undefined when the project
 * file cannot be read (the full run reports why).
 */
async function generationKey(
  projectPath: string,
  templateDirs: readonly string[],
  brouillon: boolean,
  env: NodeJS.ProcessEnv,
): Promise<string | undefined> {
  const project = await readFile(projectPath).catch(() => undefined);
  if (project === undefined) return undefined;
  // Without a build (sources under test), the package.json alone stands for the tool.
  const tool = await Promise.all([join(PACKAGE_ROOT, "package.json"), BUILD_ID].map((f) => readFile(f).catch(() => new Uint8Array())));
  const parts: (string | Uint8Array)[] = [KEY_FORMAT, ...tool, project, brouillon ? "brouillon" : "", env.SOURCE_DATE_EPOCH?.trim() ?? ""];
  for (const [i, files] of (await Promise.all(templateDirs.map(folderFiles))).entries()) {
    parts.push(`modèles ${i} : ${files.length}`);
    for (const [name, bytes] of files) parts.push(name, bytes);
  }
  return inputsKey(parts);
}

/** The command's options, checked: documents, formats, output and template folders. */
async function checkedOptions(files: string[], opts: GenerateOptions, io: Io) {
  const documents = parseList(opts.document, DOCUMENT_IDS, "--document") ?? [...DOCUMENT_IDS];
  const formats = parseList(opts.format ?? "docx", ["docx", "md"] as const, "--format")!;
  if (formats.length === 0) throw new UserError("--format : indiquez docx, md ou docx,md.");
  if (opts.sortie !== undefined && files.length > 1)
    throw new UserError("--sortie ne peut servir qu’avec un seul projet : chaque projet écrit ses documents dans son propre dossier documents/.");
  const outRoot = opts.sortie === undefined ? undefined : resolve(io.cwd, opts.sortie);
  if (outRoot && (await isDirectory(outRoot)) === false)
    throw new UserError(`--sortie ${opts.sortie} : c’est un fichier, pas un dossier ; indiquez un dossier (il sera créé s’il n’existe pas).`);
  const userTemplates = opts.modeles === undefined ? undefined : resolve(io.cwd, opts.modeles);
  if (userTemplates && (await isDirectory(userTemplates)) !== true) throw new UserError(`--modeles ${opts.modeles} : dossier introuvable.`);
  return { documents, formats, outRoot, userTemplates };
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

/**
 * Where each project's documents go and which templates it uses, checked before anything is
 * read or written: two projects never share an output folder (the second would overwrite the
 * first's documents), and no template folder of the user holds a link leading outside it.
 */
async function projectPlans(files: string[], outRoot: string | undefined, userTemplates: string | undefined, io: Io): Promise<ProjectPlan[]> {
  const plans: ProjectPlan[] = [];
  const byOutput = new Map<string, ProjectPlan>();
  for (const fileArg of files.length ? files : [undefined]) {
    const projectPath = resolveProjectPath(fileArg, io.cwd, io);
    if (plans.some((p) => realPath(p.projectPath) === realPath(projectPath))) continue; // the same project twice
    const outDir = outRoot ?? join(dirname(projectPath), "documents");
    const other = byOutput.get(realPath(outDir));
    if (other)
      throw new UserError(
        `${displayPath(other.projectPath, io.cwd)} et ${displayPath(projectPath, io.cwd)} écriraient leurs documents dans le même dossier ` +
          `${displayPath(outDir, io.cwd)} : les documents du second remplaceraient ceux du premier. Rien n’a été écrit. ` +
          "Placez chaque projet dans son propre dossier (ses documents vont dans le dossier documents/ à côté de lui), ou générez-les un par un avec --sortie.",
      );
    const localTemplates = join(dirname(projectPath), "modeles");
    const custom = userTemplates ?? ((await isDirectory(localTemplates)) ? localTemplates : undefined);
    if (custom) {
      try {
        checkTemplateFolder(custom);
      } catch (error) {
        if (error instanceof TemplateLinkError) throw new UserError(`${displayPath(error.file, io.cwd)} : ${error.reason}. Rien n’a été écrit.`);
        throw error;
      }
    }
    const plan = { fileArg, projectPath, outDir, templateDirs: [custom, TEMPLATES_DIR].filter((d): d is string => d !== undefined) };
    byOutput.set(realPath(outDir), plan);
    plans.push(plan);
  }
  return plans;
}

/** Writes a project's documents, holding its output folder; says so when another run holds it. */
async function writeDocuments(outDir: string, contents: GeneratedContent[], force: boolean, io: Io): Promise<WriteResult[]> {
  const shown = displayPath(outDir, io.cwd);
  try {
    return await writeGeneratedFiles(outDir, contents, {
      force,
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
 * `cpts generer [fichiers…]`: writes the documents of one or several projects. A document whose
 * readiness has blocking points is not written unless `--brouillon` (its gaps then show as
 * highlighted placeholders). Files edited by hand are kept (see src/render/manifest.ts). When
 * every asked file is as generated from the same inputs (`generationKey`), nothing is rendered
 * nor written, and the documents are reported up to date; `--forcer` renders them anyway.
 */
export async function generateCommand(files: string[], opts: GenerateOptions, io: Io): Promise<number> {
  const { documents, formats, outRoot, userTemplates } = await checkedOptions(files, opts, io);
  const plans = await projectPlans(files, outRoot, userTemplates, io);

  const s = style(io.color);
  const results: GeneratedFile[] = [];
  let pipeline: Pipeline | undefined;
  // Projects that share template folders share their compiled templates: a batch compiles each once.
  const envs = new Map<string, ReturnType<Pipeline["createTemplateEnv"]>>();
  let failed = false;
  let templateFailed = false;
  const wanted = documents.flatMap((document) => formats.map((format) => ({ document, format, relPath: `${document}.${format}` })));
  for (const { fileArg, projectPath, outDir, templateDirs } of plans) {
    const key = await generationKey(projectPath, templateDirs, Boolean(opts.brouillon), io.env);
    const fresh = key === undefined || opts.forcer ? undefined : await upToDateFiles(outDir, wanted.map((w) => w.relPath), key);
    if (fresh) {
      const projectName = displayPath(projectPath, io.cwd);
      if (files.length > 1 && !opts.json) io.stdout(s.bold(`${projectName}\n`));
      reportUpToDate(projectName, wanted.map((w, i) => ({ ...w, ...fresh[i]! })), opts, io, results);
      continue;
    }
    pipeline ??= await loadPipeline();
    const { renderDocument, renderMarkdownOnly, createTemplateEnv, TemplateError, formatPosition, MarkdownError, locate } = pipeline;
    let loaded;
    try {
      loaded = await requireValidProject(fileArg, io, opts.json);
    } catch (error) {
      if (files.length > 1 && error instanceof UserError) {
        io.stderr(`${error.message}\n`);
        failed = true;
        continue;
      }
      throw error;
    }
    const projectName = displayPath(loaded.path, io.cwd);
    const project = loaded.project;
    const envKey = templateDirs.join("\n");
    const env = envs.get(envKey) ?? createTemplateEnv(templateDirs);
    envs.set(envKey, env);
    const territory = projectTerritory(project);
    const territoryErrors = locate(territory.findings.filter((f) => f.severity === "erreur"), loaded.file, projectName);
    if (territoryErrors.length) {
      failed = true;
      if (!opts.json) for (const f of territoryErrors) io.stderr(`${formatFinding(f)}\n`);
      io.stderr(`${projectName} : territoire incorrect, aucun document écrit. Corrigez-le (« cpts territoire ») puis relancez.\n`);
      continue;
    }
    const ready = readiness(project, territory.facts);
    const date = project.documents?.date ?? sourceDate(io.env);
    const model = buildModel(project, date ? { date } : {});
    if (files.length > 1 && !opts.json) io.stdout(s.bold(`${projectName}\n`));
    // Render every document first, then write them together (one flush, one manifest update),
    // then report in document order.
    type Item =
      | { refused: Finding[]; id: DocumentId }
      | { broken: string; id: DocumentId; format: "docx" | "md" }
      | { id: DocumentId; format: "docx" | "md"; bytes: Uint8Array | string; placeholders: string[] };
    const items: Item[] = [];
    for (const id of documents) {
      const blocking: Finding[] = ready.find((r) => r.document === id)!.findings.filter((f) => f.severity === "erreur");
      if (blocking.length && !opts.brouillon) {
        items.push({ id, refused: blocking });
        continue;
      }
      const layout = documentLayout(id);
      const docOptions = { ...layout, organisation: project.cpts.nom, ...(date ? { date } : {}) };
      for (const format of formats) {
        let rendered: { markdown: string; placeholders: string[]; docx?: Uint8Array };
        try {
          rendered =
            format === "docx"
              ? await renderDocument({ templateName: id, model, templateDirs, env, docOptions })
              : renderMarkdownOnly({ templateName: id, model, templateDirs, env });
        } catch (error) {
          // A template the user can fix: the other documents are still written.
          if (!(error instanceof TemplateError || error instanceof MarkdownError)) throw error;
          const source = templateDirs.map((d) => join(d, `${id}.md.hbs`)).find((f) => existsSync(f));
          const broken = error instanceof MarkdownError ? `Markdown produit par ${source ? formatPosition(source) : `${id}.md.hbs`}, ${error.message}` : error.message;
          items.push({ id, format, broken });
          break; // the other format comes from the same template
        }
        items.push({ id, format, bytes: rendered.docx ?? rendered.markdown, placeholders: rendered.placeholders });
      }
    }
    const toWrite = items.filter((item) => "bytes" in item) as Extract<Item, { bytes: unknown }>[];
    const written = await writeDocuments(
      outDir,
      toWrite.map((item) => ({
        relPath: `${item.id}.${item.format}`,
        bytes: item.bytes,
        ...(key === undefined ? {} : { generation: { cle: key, a_completer: item.placeholders } }),
      })),
      Boolean(opts.forcer),
      io,
    );
    for (const item of items) {
      if ("refused" in item) {
        const blocking = item.refused;
        failed = true;
        results.push({ projet: projectName, document: item.id, format: "docx", fichier: null, statut: "refuse", a_completer: blocking.map((f) => f.message) });
        if (!opts.json) {
          io.stdout(`${s.red("✗")} ${documentTitle(item.id)} : ${refusedNote(blocking.length)} (--brouillon pour le générer quand même)\n`);
          for (const f of locate(blocking, loaded.file, projectName)) io.stdout(`    ${formatFinding(f)}\n`);
        }
        continue;
      }
      if ("broken" in item) {
        templateFailed = true;
        results.push({ projet: projectName, document: item.id, format: item.format, fichier: null, statut: "erreur", a_completer: [], message: item.broken });
        if (!opts.json) io.stdout(`${s.red("✗")} ${documentTitle(item.id)} : non généré, modèle incorrect\n    ${item.broken}\n`);
        continue;
      }
      const outcome = written[toWrite.indexOf(item)]!;
      const statut = OUTCOME[outcome.outcome];
      const fichier = displayPath(outcome.absolutePath, io.cwd);
      results.push({
        projet: projectName,
        document: item.id,
        format: item.format,
        fichier,
        statut,
        sha256: outcome.sha256,
        a_completer: item.placeholders,
        ...(outcome.message ? { message: outcome.message } : {}),
      });
      if (!opts.json) {
        const gaps = documentGaps(ready.find((r) => r.document === item.id)!);
        io.stdout(`${statut === "a_cote" ? s.yellow("!") : s.green("✓")} ${fichier} ${s.dim(`(${writtenNote(WORDS[statut], gaps, item.placeholders.length)})`)}\n`);
        if (outcome.message) io.stdout(`    ${outcome.message}\n`);
      }
    }
    const dateNote = documentsDateNote(project.documents?.date, date);
    if (dateNote && !opts.json && toWrite.length) io.stdout(`${dateNote}\n`);
  }
  if (opts.json) io.stdout(`${JSON.stringify(results, null, 2)}\n`);
  return templateFailed ? EXIT.usage : failed ? EXIT.projectErrors : EXIT.ok;
}

/** Reports the documents of a project found up to date: nothing was rendered nor written. */
function reportUpToDate(
  projectName: string,
  fresh: readonly (UpToDateFile & { document: DocumentId; format: "docx" | "md" })[],
  opts: GenerateOptions,
  io: Io,
  results: GeneratedFile[],
): void {
  const s = style(io.color);
  for (const file of fresh) {
    const fichier = displayPath(file.absolutePath, io.cwd);
    results.push({
      projet: projectName,
      document: file.document,
      format: file.format,
      fichier,
      statut: "a_jour",
      sha256: file.sha256,
      a_completer: file.a_completer,
    });
    if (!opts.json) {
      io.stdout(`${s.green("✓")} ${fichier} ${s.dim(`(${writtenNote(WORDS.a_jour, undefined, file.a_completer.length)})`)}\n`);
    }
  }
  if (!opts.json) {
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

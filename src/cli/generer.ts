import { existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { DOCUMENT_IDS, buildModel, documentLayout, documentTitle, projectTerritory, readiness, type DocumentId } from "../domain/index.js";
import { EXIT, TEMPLATES_DIR, UserError, displayPath, projectFiles, type Finding } from "../project/index.js";
import { formatFinding } from "./findings-output.js";
import type { Io } from "./io.js";
import { requireValidProject } from "./project-context.js";
import { style } from "./style.js";

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
  statut: "cree" | "mis_a_jour" | "inchange" | "a_cote" | "refuse" | "erreur";
  sha256?: string;
  a_completer: string[];
  message?: string;
}

const OUTCOME = { created: "cree", updated: "mis_a_jour", unchanged: "inchange", beside: "a_cote" } as const;
const WORDS = { cree: "créé", mis_a_jour: "mis à jour", inchange: "inchangé", a_cote: "écrit à côté", refuse: "non généré", erreur: "modèle incorrect" } as const;

function parseList<T extends string>(raw: string[] | string | undefined, allowed: readonly T[], option: string): T[] | undefined {
  if (raw === undefined) return undefined;
  const items = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
  const bad = items.filter((i) => !(allowed as readonly string[]).includes(i));
  if (bad.length) throw new UserError(`${option} : valeur${bad.length > 1 ? "s" : ""} inconnue${bad.length > 1 ? "s" : ""} ${bad.map((b) => `« ${b} »`).join(", ")} ; valeurs possibles : ${allowed.join(", ")}.`);
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
 * `cpts generer [fichiers…]`: writes the documents of one or several projects. A document whose
 * readiness has blocking points is not written unless `--brouillon` (its gaps then show as
 * highlighted placeholders). Files edited by hand are kept (see src/render/manifest.ts).
 */
export async function generateCommand(files: string[], opts: GenerateOptions, io: Io): Promise<number> {
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

  const { renderDocument, renderMarkdownOnly, createTemplateEnv, TemplateError, formatPosition, MarkdownError, writeGeneratedFiles, UnsafePathError } =
    await import("../render/index.js");
  const { locate } = await projectFiles();

  const s = style(io.color);
  const results: GeneratedFile[] = [];
  // Projects that share template folders share their compiled templates: a batch compiles each once.
  const envs = new Map<string, ReturnType<typeof createTemplateEnv>>();
  let failed = false;
  let templateFailed = false;
  for (const fileArg of files.length ? files : [undefined]) {
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
    const outDir = outRoot ?? join(dirname(loaded.path), "documents");
    const localTemplates = join(dirname(loaded.path), "modeles");
    const templateDirs = [userTemplates ?? ((await isDirectory(localTemplates)) ? localTemplates : undefined), TEMPLATES_DIR].filter(
      (d): d is string => d !== undefined,
    );
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
    let written;
    try {
      written = await writeGeneratedFiles(
        outDir,
        toWrite.map((item) => ({ relPath: `${item.id}.${item.format}`, bytes: item.bytes })),
        { force: Boolean(opts.forcer) },
      );
    } catch (error) {
      if (error instanceof UnsafePathError) throw new UserError(`${displayPath(outDir, io.cwd)} : ${error.message}`);
      throw outputError(error, displayPath(outDir, io.cwd));
    }
    for (const item of items) {
      if ("refused" in item) {
        const blocking = item.refused;
        failed = true;
        results.push({ projet: projectName, document: item.id, format: "docx", fichier: null, statut: "refuse", a_completer: blocking.map((f) => f.message) });
        if (!opts.json) {
          io.stdout(`${s.red("✗")} ${documentTitle(item.id)} : non généré, ${blocking.length} point${blocking.length > 1 ? "s" : ""} bloquant${blocking.length > 1 ? "s" : ""} (--brouillon pour le générer quand même)\n`);
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
        const gaps = item.placeholders.length;
        io.stdout(
          `${statut === "a_cote" ? s.yellow("!") : s.green("✓")} ${fichier} ${s.dim(`(${WORDS[statut]}${gaps ? `, ${gaps} élément${gaps > 1 ? "s" : ""} à compléter` : ""})`)}\n`,
        );
        if (outcome.message) io.stdout(`    ${outcome.message}\n`);
      }
    }
  }
  if (opts.json) io.stdout(`${JSON.stringify(results, null, 2)}\n`);
  return templateFailed ? EXIT.usage : failed ? EXIT.projectErrors : EXIT.ok;
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
  };
  const reason = code ? reasons[code] : undefined;
  return reason ? new UserError(`${dir} : écriture impossible (${reason}). Choisissez un autre dossier avec --sortie.`) : error;
}

function sourceDate(env: NodeJS.ProcessEnv): string | undefined {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (!epoch || !/^\d+$/.test(epoch.trim())) return undefined;
  return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
}

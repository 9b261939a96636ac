/**
 * The one entry point of the document pipeline:
 *
 *   template (Handlebars, templates.ts) → Markdown → blocks (markdown.ts) → DOCX (docx.ts)
 *
 * `renderMarkdownOnly` stops after Handlebars: its Markdown is the `.md` twin written beside a
 * DOCX so reviewers can diff documents as text (figures stay there as their `figure:`
 * references). docx is loaded only when a DOCX is asked for.
 *
 * Figures: the Markdown's `![…](figure:nom)` references are checked against the names the
 * caller's `FigureSource` offers (an unknown one is a `TemplateError` at the template line that
 * wrote it), and only the figures a document shows are asked for, once each.
 */
import { figureReferences, markdownToBlocks, placeholdersOf, type FigureReference, type FigureResolution } from "./markdown.js";
import { createTemplateEnv, TemplateError, type TemplateEnv, type TemplateSource } from "./templates.js";
import type { DocOptions } from "./docx.js";

export type { DocOptions } from "./docx.js";

/** The figures a document may show, by name; each drawn when first asked for. */
export interface FigureSource {
  names: readonly string[];
  get(name: string): Promise<FigureResolution>;
}

export interface MarkdownRequest {
  /** Template name without extension, e.g. `lettre-intention` (`lettre-intention.md.hbs`). */
  templateName: string;
  /** The view model the template reads. */
  model: unknown;
  /** Folders to look for templates and `partials/` in, the user's first, the built-in one last. */
  templateDirs: readonly string[];
  /** An environment to reuse across documents (otherwise one is made from `templateDirs`). */
  env?: TemplateEnv;
  /** The figures templates may place (none when absent). */
  figures?: FigureSource;
}

export interface RenderRequest extends MarkdownRequest {
  docOptions: DocOptions;
  /** The template's Markdown, when the caller has rendered it already (it is not rendered again). */
  markdown?: string;
}

export interface MarkdownResult {
  /** The Markdown produced by the template. */
  markdown: string;
  /** What the document still needs: the labels of its placeholders, in order, each once. */
  placeholders: string[];
}

export interface RenderResult extends MarkdownResult {
  docx: Uint8Array;
}

/**
 * Renders the template to Markdown and checks that the Markdown is in the supported subset and
 * names only known figures. Throws `TemplateError` (template problem, with file:line:column) or
 * `MarkdownError`.
 */
export function renderMarkdownOnly(request: MarkdownRequest): MarkdownResult {
  const env = request.env ?? createTemplateEnv(request.templateDirs);
  const markdown = env.render(request.templateName, request.model);
  checkFigures(env, request, figureReferences(markdown));
  const blocks = markdownToBlocks(markdown); // fail here, not later, on Markdown the DOCX could not show
  return { markdown, placeholders: placeholdersOf(blocks) };
}

/** Renders the template to Markdown and to DOCX bytes (byte-reproducible). */
export async function renderDocument(request: RenderRequest): Promise<RenderResult> {
  const env = request.env ?? createTemplateEnv(request.templateDirs);
  const markdown = request.markdown ?? env.render(request.templateName, request.model);
  const references = figureReferences(markdown);
  checkFigures(env, request, references);
  const names = [...new Set(references.map((r) => r.name))];
  const drawn = await Promise.all(names.map((name) => request.figures!.get(name)));
  const blocks = markdownToBlocks(markdown, { figures: new Map(names.map((name, i) => [name, drawn[i]!])) });
  const { blocksToDocx } = await import("./docx.js");
  const docx = await blocksToDocx(blocks, request.docOptions);
  return { markdown, docx, placeholders: placeholdersOf(blocks) };
}

/** Throws a `TemplateError` at the first reference to a figure the source does not offer. */
function checkFigures(env: TemplateEnv, request: MarkdownRequest, references: readonly FigureReference[]): void {
  const known = new Set(request.figures?.names ?? []);
  const unknown = references.find((r) => !known.has(r.name));
  if (!unknown) return;
  const offered = [...known].sort();
  const detail =
    `figure inconnue « ${unknown.name} » (ligne ${unknown.line} du Markdown produit)\u00a0; ` +
    (offered.length ? `figures possibles\u00a0: ${offered.join(", ")}` : "aucune figure n’est possible dans ce document");
  const template = env.resolve(request.templateName);
  const at = locateFigure([template, ...env.partials.values()], unknown.name);
  throw new TemplateError("modele.figure-inconnue", at?.file ?? template.file, at?.line, at?.column, detail);
}

/**
 * Where a template writes the reference to figure `name`: the literal `(figure:name`, else the
 * first reference whose name is computed (`(figure:{{…}}`), in the template then its partials.
 */
function locateFigure(sources: readonly TemplateSource[], name: string): { file: string; line: number; column: number } | undefined {
  for (const needle of [`(figure:${name}`, "(figure:{{"]) {
    for (const source of sources) {
      const index = source.source.indexOf(needle);
      if (index < 0) continue;
      const before = source.source.slice(0, index + 1);
      const line = before.split("\n").length;
      return { file: source.file, line, column: index + 2 - before.lastIndexOf("\n") - 1 };
    }
  }
  return undefined;
}


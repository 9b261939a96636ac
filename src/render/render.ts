/**
 * The one entry point of the document pipeline:
 *
 *   template (Handlebars, templates.ts) → Markdown → blocks (markdown.ts) → DOCX (docx.ts)
 *
 * `renderMarkdownOnly` stops after Handlebars: its Markdown is the `.md` twin written beside a
 * DOCX so reviewers can diff documents as text. docx is loaded only when a DOCX is asked for.
 */
import { markdownToBlocks, placeholdersOf } from "./markdown.js";
import { createTemplateEnv, type TemplateEnv } from "./templates.js";
import type { DocOptions } from "./docx.js";

export type { DocOptions } from "./docx.js";

export interface MarkdownRequest {
  /** Template name without extension, e.g. `lettre-intention` (`lettre-intention.md.hbs`). */
  templateName: string;
  /** The view model the template reads. */
  model: unknown;
  /** Folders to look for templates and `partials/` in, the user's first, the built-in one last. */
  templateDirs: readonly string[];
  /** An environment to reuse across documents (otherwise one is made from `templateDirs`). */
  env?: TemplateEnv;
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
 * Renders the template to Markdown and checks that the Markdown is in the supported subset.
 * Throws `TemplateError` (template problem, with file:line:column) or `MarkdownError`.
 */
export function renderMarkdownOnly(request: MarkdownRequest): MarkdownResult {
  const env = request.env ?? createTemplateEnv(request.templateDirs);
  const markdown = env.render(request.templateName, request.model);
  const blocks = markdownToBlocks(markdown); // fail here, not later, on Markdown the DOCX could not show
  return { markdown, placeholders: placeholdersOf(blocks) };
}

/** Renders the template to Markdown and to DOCX bytes (byte-reproducible). */
export async function renderDocument(request: RenderRequest): Promise<RenderResult> {
  const markdown = request.markdown ?? (request.env ?? createTemplateEnv(request.templateDirs)).render(request.templateName, request.model);
  const blocks = markdownToBlocks(markdown);
  const { blocksToDocx } = await import("./docx.js");
  const docx = await blocksToDocx(blocks, request.docOptions);
  return { markdown, docx, placeholders: placeholdersOf(blocks) };
}

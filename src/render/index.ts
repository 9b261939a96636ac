/**
 * Documents from templates, knowing nothing of CPTS: a Handlebars template and a model give
 * Markdown, Markdown gives blocks, blocks give a DOCX; generated files are written beside a
 * manifest of their hashes and of the inputs they were made from.
 *
 * The manifest half is light and imported directly (finding documents up to date must cost
 * about a start of the tool); the half that makes documents (Handlebars, marked, docx) comes on
 * demand: `const { renderDocument } = await documentPipeline()`.
 */
export type { DocOptions, FigureSource, MarkdownRequest, MarkdownResult, RenderRequest, RenderResult } from "./render.js";
export type { Block, FigureResolution, ImageBlock, InlineRun } from "./markdown.js";
export type { TemplateEnv } from "./templates.js";
export { TemplateLinkError, checkTemplateFolder } from "./template-folder.js";
export {
  FolderLockTimeout,
  UnsafePathError,
  WriteInterrupted,
  inputsKey,
  keptFile,
  upToDateFiles,
  recordedFiles,
  askedFiles,
  writeGeneratedFiles,
  type AskedFiles,
  type GeneratedContent,
  type RecordedFile,
  type UpToDateFile,
  type WriteResult,
} from "./manifest.js";
export { FigureCache, FIGURE_CACHE_FOLDER, type FigureStore } from "./figure-cache.js";

/** Charts and maps as PNG (src/render/images.ts: Vega, Vega-Lite, resvg), loaded on first call. */
export async function imageRenderer() {
  return import("./images.js");
}

/** Templates, Markdown and the DOCX writer (src/render/pipeline.ts), loaded on first call. */
export async function documentPipeline() {
  return import("./pipeline.js");
}

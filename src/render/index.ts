/**
 * Documents from templates, knowing nothing of CPTS: a Handlebars template and a model give
 * Markdown, Markdown gives blocks, blocks give a DOCX; generated files are written beside a
 * manifest of their hashes. Heavy (Handlebars, marked, the DOCX writer): the commands that write
 * documents load this folder with `await import()`.
 */
export {
  renderDocument,
  renderMarkdownOnly,
  type DocOptions,
  type MarkdownRequest,
  type MarkdownResult,
  type RenderRequest,
  type RenderResult,
} from "./render.js";
export {
  PRECOMPILED_TEMPLATES,
  TEMPLATE_EXTENSION,
  TemplateEnv,
  TemplateError,
  createTemplateEnv,
  formatPosition,
  lintTemplate,
  precompileSource,
  readTemplate,
  sourceKey,
} from "./templates.js";
export { MarkdownError, markdownToBlocks, type Block, type InlineRun } from "./markdown.js";
export { UnsafePathError, writeGeneratedFiles, type GeneratedContent, type WriteResult } from "./manifest.js";

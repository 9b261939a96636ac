/**
 * The heavy half of src/render (Handlebars, marked, the DOCX writer), loaded through
 * `documentPipeline()` in index.ts so that commands which write nothing never load it.
 */
export { renderDocument, renderMarkdownOnly } from "./render.js";
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
export { MarkdownError, markdownToBlocks } from "./markdown.js";

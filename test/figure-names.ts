import type { DocumentModel } from "../src/domain/model/index.js";
import type { FigureSource } from "../src/render/render.js";

/**
 * The figures of a model by name, none drawn: what a Markdown twin needs (its figures stay
 * `figure:` references), and a DOCX whose text alone is read.
 */
export function figureNames(model: DocumentModel): FigureSource {
  return {
    names: model.figures.liste.map((f) => f.name),
    get: async () => ({ type: "none" }),
  };
}

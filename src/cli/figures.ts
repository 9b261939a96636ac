/**
 * The figures of a project's documents: the view model says what each shows (src/domain/model/
 * figures.ts), src/render draws charts and maps, src/territory gives the map its communes and
 * contours. Each figure is resolved the first time a document places it, then reused by the other
 * documents of the project; it is drawn only when the figure cache (src/render/figure-cache.ts)
 * has no image of the same inputs, and Vega and resvg are loaded only then.
 */
import type { FigureSpec } from "../domain/index.js";
import { UserError } from "../project/index.js";
import { FigureCache, imageRenderer, type FigureResolution, type FigureSource, type FigureStore } from "../render/index.js";
import { Contours, ContoursUnavailableError, defaultContoursDir, loadTerritoryMap } from "../territory/index.js";

/** Shown in the documents where the map would be. */
export const MAP_NOTE =
  "La carte du territoire n’a pas pu être dessinée\u00a0: les contours des communes (IGN – ADMIN EXPRESS COG) ne sont pas installés avec l’outil. Elle est à joindre au dossier.";

/** Largest height of the map's frame in the documents, in CSS px (12 cm). */
const MAP_MAX_HEIGHT = 455;

export interface ProjectFigures extends FigureSource {
  /** Why the map could not be drawn, once a document asked for it; undefined otherwise. */
  mapProblem(): string | undefined;
}

/**
 * The figures of a project, looked for in `store` and kept there (by default, in this process's
 * memory only).
 */
export function projectFigures(specs: readonly FigureSpec[], env: NodeJS.ProcessEnv, store: FigureStore = new FigureCache().folder(undefined)): ProjectFigures {
  const drawn = new Map<string, Promise<FigureResolution>>();
  let problem: string | undefined;
  const map = async (spec: Extract<FigureSpec, { kind: "map" }>): Promise<FigureResolution> => {
    const [{ territoryMapData, territoryMapAltText }, { cachedMap }] = await Promise.all([loadTerritoryMap(), imageRenderer()]);
    let data;
    try {
      data = territoryMapData(spec.communes, { contours: Contours.open(defaultContoursDir(env)) });
    } catch (error) {
      if (!(error instanceof ContoursUnavailableError || error instanceof RangeError)) throw error;
      problem = error instanceof ContoursUnavailableError ? error.message : "aucune commune du territoire n’a de contour dans les données de l’IGN";
      return { type: "note", text: MAP_NOTE };
    }
    // Low enough for the map to follow a page's first paragraphs instead of leaving them alone.
    const image = await cachedMap({ ...data, maxHeight: MAP_MAX_HEIGHT }, store);
    return { type: "image", png: image.png, width: image.width, height: image.height, alt: territoryMapAltText(data, image), caption: spec.caption };
  };
  const draw = async (spec: FigureSpec): Promise<FigureResolution> => {
    if (spec.kind === "none") return { type: "none" };
    if (spec.kind === "map") return map(spec);
    const chart = await (await imageRenderer()).cachedChart(spec, store);
    return { type: "image", png: chart.png, width: chart.width, height: chart.height, alt: chart.altText, caption: chart.caption };
  };
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  return {
    names: [...byName.keys()],
    get(name) {
      const spec = byName.get(name);
      if (!spec) throw new UserError(`figure inconnue « ${name} »`);
      let figure = drawn.get(name);
      if (!figure) drawn.set(name, (figure = draw(spec)));
      return figure;
    },
    mapProblem: () => problem,
  };
}

/**
 * SVG → PNG with resvg (Rust, shipped as a registry package with one prebuilt binary per
 * platform as optional dependencies; no browser, no canvas, no system library). Only the chart
 * font files are loaded, never the machine's fonts, so the same SVG gives the same PNG bytes on
 * every machine of the same platform. resvg writes no date, no text chunk, nothing variable.
 */
import { createRequire } from "node:module";
import { CHART_FONT_FAMILY, CHART_FONT_FILES } from "./chart-font-files.js";

type ResvgModule = typeof import("@resvg/resvg-js");

let resvg: ResvgModule | undefined;

function loadResvg(): ResvgModule {
  // A CommonJS package that loads a native addon: required, not imported, so that bundlers
  // and Node resolve it the same way.
  resvg ??= createRequire(import.meta.url)("@resvg/resvg-js") as ResvgModule;
  return resvg;
}

/** Pixel density of the PNG relative to the SVG's CSS px: 3 gives 288 dpi when printed at size. */
export const DEFAULT_RASTER_SCALE = 3;

export interface RasterImage {
  png: Uint8Array;
  /** Size of the PNG in pixels. */
  pixelWidth: number;
  pixelHeight: number;
}

/**
 * Draws `svg` on a white background at `scale` device pixels per CSS px. Text in any family is
 * set in the chart font (the only one loaded).
 */
export function svgToPng(svg: string, scale = DEFAULT_RASTER_SCALE): RasterImage {
  if (!(scale > 0 && scale <= 10)) throw new RangeError(`raster scale out of range: ${scale}`);
  const { Resvg } = loadResvg();
  const renderer = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    background: "#ffffff",
    font: {
      fontFiles: Object.values(CHART_FONT_FILES),
      loadSystemFonts: false,
      defaultFontFamily: CHART_FONT_FAMILY,
      sansSerifFamily: CHART_FONT_FAMILY,
      serifFamily: CHART_FONT_FAMILY,
      monospaceFamily: CHART_FONT_FAMILY,
    },
    logLevel: "off",
  });
  const image = renderer.render();
  return { png: new Uint8Array(image.asPng()), pixelWidth: image.width, pixelHeight: image.height };
}

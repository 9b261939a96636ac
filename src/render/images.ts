/**
 * The images of the documents (charts and maps), loaded through `imageRenderer()` in index.ts:
 * Vega, Vega-Lite and resvg come only when a document shows a figure.
 */
export { ageStructureChart, comparisonBarChart, DEFAULT_CHART_WIDTH, groupedBarChart, SERIES_COLOURS } from "./charts.js";
export type { AgeStructureInput, ChartImage, ComparisonChartInput, GroupedChartInput } from "./charts.js";
export { DEFAULT_MAP_WIDTH, drawMap, MAP_COLOURS } from "./map.js";
export type { MapArea, MapAreaLabel, MapGeometry, MapImage, MapInput, MapLabel, MapLayer, MapProjection } from "./map.js";
export { CHART_FONT_FAMILY, CHART_FONT_FILES } from "./chart-font-files.js";

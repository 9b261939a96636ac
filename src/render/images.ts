/**
 * The images of the documents (charts and maps), loaded through `imageRenderer()` in index.ts:
 * Vega, Vega-Lite and resvg come only when a figure must be drawn, not when it is cached
 * (`cachedChart`, `cachedMap`, figure-cache.ts).
 */
export { ageStructureChart, cachedChart, comparisonBarChart, DEFAULT_CHART_WIDTH, groupedBarChart, SERIES_COLOURS } from "./charts.js";
export type { AgeStructureInput, CachedChart, ChartImage, ChartRequest, ComparisonChartInput, GroupedChartInput } from "./charts.js";
export { cachedMap, DEFAULT_MAP_WIDTH, drawMap, MAP_COLOURS } from "./map.js";
export type { CachedMap, MapArea, MapAreaLabel, MapGeometry, MapImage, MapInput, MapLabel, MapLayer, MapProjection } from "./map.js";
export { CHART_FONT_FAMILY, CHART_FONT_FILES } from "./chart-font-files.js";

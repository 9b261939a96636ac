/**
 * The font charts and maps are drawn with: Source Sans 3 (Adobe, SIL Open Font License 1.1),
 * read from the `@expo-google-fonts/source-sans-3` package, so that the images do not depend
 * on the fonts of the machine. Only these files are given to the rasteriser.
 */
import { createRequire } from "node:module";

export const CHART_FONT_FAMILY = "Source Sans 3";

export type ChartFontWeight = "400" | "600";

const require = createRequire(import.meta.url);

export const CHART_FONT_FILES: Record<ChartFontWeight, string> = {
  "400": require.resolve("@expo-google-fonts/source-sans-3/400Regular/SourceSans3_400Regular.ttf"),
  "600": require.resolve("@expo-google-fonts/source-sans-3/600SemiBold/SourceSans3_600SemiBold.ttf"),
};

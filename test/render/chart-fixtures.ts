import type { ComparisonChartInput } from "../../src/render/charts.js";

/** A comparison chart as the Bergerac diagnostic draws one: the share of people aged 75 and over. */
export const ELDERLY: ComparisonChartInput = {
  title: "Part des 75 ans et plus dans la population",
  unit: "%",
  source: "INSEE, recensement de la population",
  year: 2016,
  bars: [
    { label: "Communauté d’agglomération bergeracoise", value: 13.1 },
    { label: "Dordogne", value: 13.9 },
    { label: "Nouvelle-Aquitaine", value: 11.7 },
    { label: "France", value: 9.3 },
  ],
};

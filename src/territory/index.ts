/**
 * The territory of a CPTS from official data (INSEE Code officiel géographique, DGCL EPCI,
 * INSEE populations, via `@etalab/decoupage-administratif`), with its ARS and CPAM.
 *
 * Typical use:
 * ```ts
 * const resolved = resolveTerritory([
 *   ...epci.map((value, i) => ({ value, kind: "epci" as const, path: `territoire.epci[${i}]` })),
 *   ...communes.map((value, i) => ({ value, kind: "commune" as const, path: `territoire.communes[${i}]` })),
 * ]);
 * const summary = summarizeTerritory(resolved.communes, { path: "territoire" });
 * const findings = [...resolved.findings, ...summary.findings];
 * ```
 * Data is read on the first call only. Nothing here throws on bad input: unknown, ambiguous or
 * duplicate items become findings (`erreur`, `avertissement`, `info`) with the item's path.
 */

/**
 * Resolves codes and names (communes, arrondissements of Paris/Lyon/Marseille, EPCI,
 * départements) into commune codes; errors for unknown, ambiguous or malformed items,
 * warnings for communes déléguées (replaced by their commune actuelle) and duplicates.
 */
export { resolveTerritory, resolveItem, lookupCommuneCode } from "./resolve.js";
export type {
  TerritoryKind,
  TerritoryQuery,
  ResolvedKind,
  ResolvedItem,
  CommuneRef,
  ResolveItemResult,
  ResolveResult,
  ResolveOptions,
  CommuneLookup,
} from "./resolve.js";

/**
 * Population (sum, never counting a commune and its arrondissements twice), départements,
 * régions, ARS and CPAM of a list of communes, with warnings (several régions or départements,
 * fewer than 20 000 inhabitants, uncertain CPAM, duplicates).
 */
export { summarizeTerritory, populationLabel, POPULATION_FLOOR_WARNING } from "./summary.js";
export type { TerritorySummary, CommuneSummary, PlaceRef, SummaryOptions } from "./summary.js";

/** Ranked autocomplete over communes, arrondissements, communes déléguées, EPCI and départements. */
export { searchTerritory } from "./search.js";
export type { SearchResult, SearchKind, SearchOptions } from "./search.js";

/** ARS and health-insurance fund of a département, from src/territory/data (with sources). */
export { ARS, CPAM, OUTSIDE_ARS, arsForDepartment, cpamForDepartment, outsideArs } from "./authorities.js";
export type { ArsEntry, CpamEntry, OutsideArsEntry } from "./authorities.js";

/**
 * The loaded data: {@link getTerritoryData} reads it once (compact index beside the built
 * module, or built in memory from the package when there is none or it is stale).
 */
export { getTerritoryData, loadTerritoryData } from "./data.js";
export type { TerritoryData, Commune, CommuneKind, Department, Region, Epci, LoadOptions } from "./data.js";
export type { PopulationSource, PopulationException, IndexSource } from "./package-index.js";

/** Matching key used for names (accents, case and punctuation ignored). */
export { nameKey } from "./text.js";

/**
 * What the map of a territory shows (its communes, those around, département boundaries, main
 * names, sources), as plain data for a map renderer; loaded on demand, with the contours:
 * `const { territoryMapData } = await loadTerritoryMap();`
 */
export const loadTerritoryMap = () => import("./map-data.js");
export type { MapArea, TerritoryMapData, TerritoryMapOptions } from "./map-data.js";
/** The commune contours the map is drawn from (index read on demand, parts on first use). */
export {
  CONTOUR_FORMAT,
  CONTOUR_QUANTUM,
  Contours,
  ContoursUnavailableError,
  contoursDirFromEnv,
  defaultContoursDir,
  hasContours,
} from "./contours.js";
export type { CommuneShape, ContourIndex, ContourSource } from "./contours.js";
export type { RawCommune } from "./package-index.js";

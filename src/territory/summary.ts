/**
 * Facts of a territory computed from its communes: population, départements, régions, ARS and
 * CPAM, with the warnings a founding team must see. The ACI taille is not computed here (the
 * domain module derives it from the population).
 */
import { formatNumber, joinFr, lowerFirst } from "../french/index.js";
import type { Finding, Severity } from "../project/index.js";
import { arsForDepartment, cpamForDepartment, outsideArs, type ArsEntry, type CpamEntry } from "./authorities.js";
import type { PopulationSource } from "./package-index.js";
import { getTerritoryData, type Commune, type TerritoryData } from "./data.js";
import { describeCommune } from "./names.js";
import { lookupCommuneCode, type CommuneRef } from "./resolve.js";
import { messageText } from "./text.js";

/** Below this population a warning is given (one source mentions it as a floor; not blocking). */
export const POPULATION_FLOOR_WARNING = 20_000;

export interface CommuneSummary {
  code: string;
  name: string;
  kind: "commune" | "arrondissement";
  department: string;
  region: string;
  /** Population municipale; null when the data has none (counted as 0, with a warning). */
  population: number | null;
  path?: string;
}

export interface PlaceRef {
  code: string;
  name: string;
}

export interface TerritorySummary {
  /** The communes counted, each once, in input order. */
  communes: CommuneSummary[];
  /** Number of communes counted (an arrondissement municipal counts as one). */
  communeCount: number;
  /** Sum of the populations municipales. */
  population: number;
  /** Census year of the populations; null when the data's year is not established. */
  populationYear: number | null;
  /** « population municipale, données 2023 », for documents. */
  populationLabel: string;
  populationSource: PopulationSource;
  /** Départements, the most populated part of the territory first. */
  departments: PlaceRef[];
  /** Régions, the most populated part first. */
  regions: PlaceRef[];
  /** ARS of the régions (usually one). */
  ars: ArsEntry[];
  /** Fund of each département (same order as `departments`), when one exists. */
  cpam: CpamEntry[];
  findings: Finding[];
}

export interface SummaryOptions {
  /** Path of the territory in the project file, for findings about the whole territory. */
  path?: string;
  data?: TerritoryData;
}

/** « population municipale, données 2023 » (or « année non établie »). */
export function populationLabel(source: PopulationSource): string {
  return source.year === null
    ? `${source.measure}, année des données non établie`
    : `${source.measure}, données ${source.year}`;
}

function makeFinding(severity: Severity, code: string, message: string, path: string | undefined): Finding {
  return { path: path ?? "", message: messageText(message), severity, code };
}

function rankByPopulation<K>(weights: Map<K, number>, code: (k: K) => string): K[] {
  return [...weights.entries()].sort((a, b) => b[1] - a[1] || code(a[0]).localeCompare(code(b[0]))).map(([k]) => k);
}

/** A commune of the territory and the path of the input it comes from. */
interface Kept {
  commune: Commune;
  path: string | undefined;
}

/** Step 1: every code looked up (errors for unknown ones), duplicates dropped with a warning. */
function lookUp(
  communes: readonly (string | CommuneRef)[],
  data: TerritoryData,
  here: string | undefined,
  findings: Finding[],
): { kept: Kept[]; seen: Map<string, string | undefined> } {
  const kept: Kept[] = [];
  const seen = new Map<string, string | undefined>();
  for (const item of communes) {
    const ref = typeof item === "string" ? { code: item } : item;
    const lookup = lookupCommuneCode(ref.code, { data, ...(ref.path === undefined ? {} : { path: ref.path }) });
    findings.push(...lookup.findings);
    const commune = lookup.commune;
    if (!commune) continue;
    if (seen.has(commune.code)) {
      const first = seen.get(commune.code);
      findings.push(
        makeFinding(
          "avertissement",
          "territoire.doublon",
          `${describeCommune(commune)} figure deux fois dans le territoire${first ? ` (déjà en ${first})` : ""} ; le doublon est ignoré.`,
          ref.path ?? here,
        ),
      );
      continue;
    }
    seen.set(commune.code, ref.path);
    kept.push({ commune, path: ref.path });
  }
  return { kept, seen };
}

/** Step 2: an arrondissement whose whole commune is listed is already counted. */
function withoutCoveredArrondissements(
  kept: readonly Kept[],
  seen: ReadonlyMap<string, string | undefined>,
  here: string | undefined,
  findings: Finding[],
): Kept[] {
  return kept.filter(({ commune, path }) => {
    if (commune.kind !== "arrondissement" || !commune.parent || !seen.has(commune.parent.code)) return true;
    const whole = commune.parent;
    const wholePath = seen.get(whole.code);
    findings.push(
      makeFinding(
        "avertissement",
        "territoire.arrondissement",
        `${commune.name} (${commune.code}) fait partie de ${whole.name} (${whole.code}), déjà compris en entier dans le ` +
          `territoire${wholePath ? ` (${wholePath})` : ""} : l’arrondissement n’est pas compté une seconde fois.`,
        path ?? here,
      ),
    );
    return false;
  });
}

/** Step 3: population, and départements and régions ranked by the population they hold. */
function totals(
  counted: readonly Kept[],
  data: TerritoryData,
  here: string | undefined,
  findings: Finding[],
): Pick<TerritorySummary, "population" | "departments" | "regions"> & { summaries: CommuneSummary[] } {
  let population = 0;
  const depWeight = new Map<string, number>();
  const regionWeight = new Map<string, number>();
  const summaries: CommuneSummary[] = [];
  for (const { commune, path } of counted) {
    const pop = commune.population;
    if (pop === null) {
      findings.push(
        makeFinding(
          "avertissement",
          "territoire.population-inconnue",
          `Les données n’indiquent pas la population de ${describeCommune(commune)} : elle est comptée pour 0 habitant.`,
          path ?? here,
        ),
      );
    }
    population += pop ?? 0;
    const dep = commune.department;
    depWeight.set(dep.code, (depWeight.get(dep.code) ?? 0) + (pop ?? 0));
    regionWeight.set(dep.region.code, (regionWeight.get(dep.region.code) ?? 0) + (pop ?? 0));
    summaries.push({
      code: commune.code,
      name: commune.name,
      kind: commune.kind === "arrondissement" ? "arrondissement" : "commune",
      department: dep.code,
      region: dep.region.code,
      population: pop,
      ...(path === undefined ? {} : { path }),
    });
  }
  const departments = rankByPopulation(depWeight, (c) => c).map((code) => ({ code, name: data.departments.get(code)!.name }));
  const regions = rankByPopulation(regionWeight, (c) => c).map((code) => ({ code, name: data.regions.get(code)!.name }));
  return { population, summaries, departments, regions };
}

/** Step 4: the ARS and the health-insurance funds of the départements. */
function authorities(
  departments: readonly PlaceRef[],
  here: string | undefined,
  findings: Finding[],
): { ars: ArsEntry[]; cpam: CpamEntry[] } {
  const ars: ArsEntry[] = [];
  const cpam: CpamEntry[] = [];
  for (const dep of departments) {
    const agency = arsForDepartment(dep.code);
    if (agency && !ars.includes(agency)) ars.push(agency);
    const outside = outsideArs(dep.code);
    if (outside) {
      findings.push(
        makeFinding("avertissement", "territoire.hors-ars", `${outside.nom} (${dep.code}) : ${lowerFirst(outside.note)}`, here),
      );
    }
    const fund = cpamForDepartment(dep.code);
    if (fund?.nom) {
      cpam.push(fund);
      if (fund.confiance === "incertain") {
        findings.push(
          makeFinding(
            "avertissement",
            "territoire.cpam-incertaine",
            `${dep.name} (${dep.code}) : ${fund.note ? lowerFirst(fund.note) : `la caisse « ${fund.nom} » est à vérifier.`}`,
            here,
          ),
        );
      }
    }
  }
  return { ars, cpam };
}

/**
 * Step 5: warnings when the territory spans several régions or départements. Saint-Barthélemy
 * and Saint-Martin are régions of their own in the data but share the ARS and the fund of the
 * Guadeloupe: the warnings are about agencies and funds, not labels.
 */
function authorityWarnings(
  summary: Pick<TerritorySummary, "regions" | "departments" | "ars" | "cpam">,
  here: string | undefined,
  findings: Finding[],
): void {
  const { regions, departments, ars, cpam } = summary;
  const funds = [...new Set(cpam.map((c) => c.nom!))];
  if (regions.length > 1 && ars.length !== 1) {
    findings.push(
      makeFinding(
        "avertissement",
        "territoire.plusieurs-regions",
        `Le territoire s’étend sur ${regions.length} régions (${joinFr(regions.map((r) => r.name))}) et relève donc ` +
          `de ${ars.length > 1 ? `${ars.length} ARS (${joinFr(ars.map((a) => a.nom))})` : "plusieurs ARS"} : ` +
          `l’ARS à qui adresser la lettre d’intention et avec qui signer le contrat est à confirmer auprès d’elles.`,
        here,
      ),
    );
  }
  if (departments.length > 1 && funds.length !== 1) {
    findings.push(
      makeFinding(
        "avertissement",
        "territoire.plusieurs-departements",
        `Le territoire s’étend sur ${departments.length} départements (${joinFr(departments.map((d) => `${d.name} (${d.code})`))}) : ` +
          `la CPAM signataire n’est pas fixée par les textes` +
          (funds.length > 1 ? ` (${joinFr(funds, "ou")})` : "") +
          ` ; à confirmer auprès de l’ARS.`,
        here,
      ),
    );
  }
}

/** Step 6: a population under the floor one source quotes, and the year of the population data. */
function populationWarnings(
  summary: Pick<TerritorySummary, "departments" | "population" | "communeCount">,
  data: TerritoryData,
  here: string | undefined,
  findings: Finding[],
): void {
  const { departments, population, communeCount } = summary;
  const source = data.source.population;
  const label = populationLabel(source);
  if (communeCount > 0 && population < POPULATION_FLOOR_WARNING) {
    findings.push(
      makeFinding(
        "avertissement",
        "territoire.population-faible",
        `Le territoire compte ${formatNumber(population, 0)} habitants (${label}) : une source mentionne un plancher de ` +
          `${formatNumber(POPULATION_FLOOR_WARNING, 0)} habitants pour une CPTS, les autres n’en fixent pas. Ce n’est pas bloquant ; ` +
          `vérifiez auprès de l’ARS que ce périmètre lui convient.`,
        here,
      ),
    );
  }
  if (communeCount > 0) {
    const depCodes = new Set(departments.map((d) => d.code));
    for (const exception of source.exceptions) {
      if (exception.departements.some((d) => depCodes.has(d))) {
        findings.push(makeFinding("info", "territoire.population-annee", exception.note, here));
      }
    }
    if (source.year === null) {
      findings.push(
        makeFinding(
          "info",
          "territoire.population-annee",
          `L’année des populations des données (${data.source.package} ${data.source.version}) n’est pas établie.`,
          here,
        ),
      );
    }
  }

}

/**
 * Summarises a list of INSEE codes (typically `resolveTerritory(...).communes`). Each item may
 * carry the path of the input it comes from; findings about that item point there. Unknown
 * codes give errors and are left out; communes déléguées or associées are replaced by their
 * commune actuelle; duplicates are counted once; an arrondissement municipal listed with its
 * whole commune (Paris 11e with Paris) is dropped. An empty list gives an empty summary without
 * findings (whether a territory is required is the caller's rule).
 */
export function summarizeTerritory(
  communes: readonly (string | CommuneRef)[],
  options: SummaryOptions = {},
): TerritorySummary {
  const data = options.data ?? getTerritoryData();
  const findings: Finding[] = [];
  const here = options.path;
  const { kept, seen } = lookUp(communes, data, here, findings);
  const counted = withoutCoveredArrondissements(kept, seen, here, findings);
  const { population, summaries, departments, regions } = totals(counted, data, here, findings);
  const { ars, cpam } = authorities(departments, here, findings);
  const source = data.source.population;
  authorityWarnings({ regions, departments, ars, cpam }, here, findings);
  populationWarnings({ departments, population, communeCount: summaries.length }, data, here, findings);
  return {
    communes: summaries,
    communeCount: summaries.length,
    population,
    populationYear: source.year,
    populationLabel: populationLabel(source),
    populationSource: source,
    departments,
    regions,
    ars,
    cpam,
    findings,
  };
}

/**
 * The territory of a project, computed from official data rather than trusted from the file:
 * resolution of its EPCI and communes and the summary (population, ARS, CPAM) by src/territory,
 * the ACI taille by the rule of aci.ts, and findings when the file stores a population or taille
 * that disagrees with them.
 */
import { formatNumber as fmt } from "../french/index.js";
import type { Finding, Project } from "../project/index.js";
import { resolveTerritory, summarizeTerritory, type TerritorySummary } from "../territory/index.js";
import { tailleFromPopulation, type Taille } from "./aci.js";
import type { TerritoryFacts } from "./readiness.js";

export interface ProjectTerritory {
  summary: TerritorySummary | null;
  taille: Taille | null;
  facts: TerritoryFacts;
  findings: Finding[];
}

/** The territory of `project`; no findings and a null summary when it names no commune or EPCI. */
export function projectTerritory(project: Project): ProjectTerritory {
  const t = project.territoire ?? {};
  const queries = [
    ...(t.epci ?? []).map((value, i) => ({ value, kind: "epci" as const, path: `territoire.epci[${i}]` })),
    ...(t.communes ?? []).map((value, i) => ({ value, kind: "commune" as const, path: `territoire.communes[${i}]` })),
  ];
  if (queries.length === 0) return { summary: null, taille: null, facts: { resolved: false, communes: 0 }, findings: [] };
  const resolved = resolveTerritory(queries);
  if (resolved.communes.length === 0)
    return { summary: null, taille: null, facts: { resolved: false, communes: 0 }, findings: resolved.findings };
  const summary = summarizeTerritory(resolved.communes, { path: "territoire" });
  const taille = tailleFromPopulation(summary.population);
  const findings = [...resolved.findings, ...summary.findings];
  const stored = t.population?.valeur;
  if (stored !== undefined && stored !== summary.population)
    findings.push({
      path: "territoire.population.valeur",
      code: "territoire.population-ecart",
      severity: "avertissement",
      message: `population enregistrée ${fmt(stored)}, population calculée ${fmt(summary.population)} (${summary.populationLabel}) ; mettez-la à jour avec « cpts territoire --maj »`,
    });
  if (t.taille !== undefined && t.taille !== taille)
    findings.push({
      path: "territoire.taille",
      code: "territoire.taille-ecart",
      severity: "avertissement",
      message: `taille enregistrée ${t.taille}, taille calculée ${taille} d’après la population (${fmt(summary.population)} habitants)`,
    });
  return {
    summary,
    taille,
    facts: {
      resolved: true,
      communes: summary.communeCount,
      population: summary.population,
      populationYear: summary.populationYear,
      codes: summary.communes.map((c) => c.code),
    },
    findings,
  };
}

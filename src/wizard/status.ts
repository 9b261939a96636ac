/**
 * What is done and what is missing: readiness of each document (domain rules) and the state of
 * each step of the wizard, from the paths it fills.
 */
import { readiness, type DocumentReadiness, projectTerritory, type ProjectTerritory } from "../domain/index.js";
import type { Finding, Project } from "../project/index.js";
import { getAt, isBlank, isUnder, parsePath, setAt } from "./path.js";

export interface ProjectStatus {
  documents: DocumentReadiness[];
  territory: ProjectTerritory;
}

export function projectStatus(project: Project): ProjectStatus {
  const territory = projectTerritory(project);
  return { territory, documents: readiness(project, territory.facts) };
}

export type StepState = "fait" | "en cours" | "à faire";

/** The part of a step definition this module needs. */
export interface StepScope {
  /** Paths of the project the step fills. */
  paths: readonly string[];
  /** Paths that do not count as a start (values the new file already has, like association.etat). */
  ignore?: readonly string[];
}

/** Readiness findings about the fields of a step, each with the document it is for. */
export function stepFindings(step: StepScope, status: ProjectStatus): Finding[] {
  return status.documents.flatMap((d) => d.findings.filter((f) => step.paths.some((p) => isUnder(f.path, p))));
}

export function stepStarted(step: StepScope, project: Project): boolean {
  const copy = structuredClone(project) as unknown as Record<string, unknown>;
  for (const path of step.ignore ?? []) setAt(copy, parsePath(path), undefined);
  return step.paths.some((p) => !isBlank(getAt(copy, parsePath(p))));
}

/**
 * « à faire » while none of the step's fields is answered, « fait » once no document lacks
 * anything from this step (warnings aside), « en cours » in between.
 */
export function stepState(step: StepScope, project: Project, status: ProjectStatus): StepState {
  if (!stepStarted(step, project)) return "à faire";
  return stepFindings(step, status).some((f) => f.severity === "erreur") ? "en cours" : "fait";
}

/** « lettre d’intention : aucun porteur… » → « aucun porteur… » (the document is shown apart). */
export function withoutDocumentPrefix(message: string): string {
  // « projet de santé, accès aux soins : … » names its own subject after the document’s name.
  const colon = message.indexOf("\u00a0: ");
  const comma = message.indexOf(", ");
  if (comma >= 0 && (colon < 0 || comma < colon)) return message.slice(comma + 2);
  return colon >= 0 ? message.slice(colon + 3) : message;
}

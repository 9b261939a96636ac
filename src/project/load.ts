import { readProjectFile, type ProjectFile } from "./file.js";
import { hasErrors, type Finding } from "./findings.js";
import { migrate, type MigrationResult } from "./migrate.js";
import { validateProject } from "./schema.js";
import type { Project } from "./types.js";

export interface LoadedProject {
  file: ProjectFile;
  displayName: string;
  /** Present only when the file parsed and passed the schema. */
  project?: Project;
  findings: Finding[];
  migration: MigrationResult;
}

/**
 * Reads, migrates (in memory) and validates a project file. I/O problems throw `UserError`;
 * everything wrong inside the file comes back as findings with positions.
 */
export async function loadProject(path: string, displayName: string): Promise<LoadedProject> {
  const file = await readProjectFile(path, displayName);
  const findings = [...file.findings];
  let migration: MigrationResult = { from: 0, to: 0, applied: [] };
  if (!hasErrors(findings)) {
    migration = migrate(file.doc, displayName);
    if (migration.applied.length) file.data = file.doc.toJS();
    findings.push(...validateProject(file, displayName));
  }
  const project = hasErrors(findings) ? undefined : (file.data as Project);
  return { file, displayName, findings, migration, ...(project ? { project } : {}) };
}

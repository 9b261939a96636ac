import type { Project } from "../project/index.js";

/** Départements where associations follow the code civil local (CSP L1434-12-1). */
export const DROIT_LOCAL_DEPARTEMENTS = ["57", "67", "68"] as const;
export const DROIT_LOCAL_MIN_FOUNDERS = 7;
export const MIN_DIRIGEANTS = 2;

/** The département of the siège, read from its postcode (57, 67, 68 are exact for these three). */
export function siegeDepartement(project: Project): string | undefined {
  const cp = project.association?.siege?.code_postal;
  if (!cp) return undefined;
  if (cp.startsWith("97")) return cp.slice(0, 3);
  if (cp.startsWith("20")) return Number(cp) < 20200 ? "2A" : "2B";
  return cp.slice(0, 2);
}

/** True when the siège is in Moselle, Bas-Rhin or Haut-Rhin: droit local applies to the statuts. */
export function isDroitLocal(project: Project): boolean {
  const dep = siegeDepartement(project);
  return dep !== undefined && (DROIT_LOCAL_DEPARTEMENTS as readonly string[]).includes(dep);
}

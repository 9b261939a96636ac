/**
 * The association of a project: where its siège is, which law governs it (loi de 1901, or the
 * code civil local in Moselle, Bas-Rhin and Haut-Rhin) and which founding path it follows. The
 * figures (départements, minimum of founders and signatories) live in data/founding.json.
 */
import { formatDate, joinFr } from "../french/index.js";
import type { Project } from "../project/index.js";
import { isValidIsoDate } from "./calendar.js";
import { regime, regimeForDepartement, type Parcours, type Regime } from "./founding.js";

/** The département of the siège, read from its postcode (57, 67, 68 are exact for these three). */
export function siegeDepartement(project: Project): string | undefined {
  const cp = project.association?.siege?.code_postal;
  if (!cp) return undefined;
  if (cp.startsWith("97")) return cp.slice(0, 3);
  if (cp.startsWith("20")) return Number(cp) < 20200 ? "2A" : "2B";
  return cp.slice(0, 2);
}

/** The law of the association: droit local when the siège is in Moselle, Bas-Rhin or Haut-Rhin. */
export function projectRegime(project: Project): Regime {
  return regimeForDepartement(siegeDepartement(project));
}

/** True when the siège is in Moselle, Bas-Rhin or Haut-Rhin: droit local applies to the statuts. */
export function isDroitLocal(project: Project): boolean {
  return projectRegime(project) === "droit_local";
}

/**
 * The founding path: a new association, or an existing one that becomes the CPTS. A file that
 * does not say is read as a new association, the only path older versions of the tool knew;
 * readiness asks for the answer.
 */
export function projectParcours(project: Project): Parcours {
  return project.association?.parcours ?? "nouvelle";
}

/** Fewest founders the regime allows (2 under the loi de 1901, 7 under droit local). */
export function minimumFounders(reg: Regime): number {
  return regime(reg).membres_min;
}

/** Fewest signatories of the statuts (two dirigeants, or seven founders under droit local). */
export function minimumSignatories(reg: Regime): number {
  return regime(reg).signataires_statuts_min;
}

/**
 * When the statuts were adopted and modified: a new association adopts them at its constitutive
 * assembly; an existing one adopted them long ago, perhaps amended them since, and amends them
 * again at its extraordinary assembly. ISO dates, earliest first; invalid dates are left out.
 */
export function statutsDates(project: Project): { adoption: string | undefined; modifications: string[] } {
  const a = project.association ?? {};
  const valid = (d: unknown): d is string => typeof d === "string" && isValidIsoDate(d);
  const constitutive = [a.ag_constitutive?.date, project.calendrier?.ag_constitutive].find(valid);
  if (projectParcours(project) === "nouvelle") return { adoption: constitutive, modifications: [] };
  const adoption = [a.statuts?.adoptes_le, constitutive].find(valid);
  const modifications = [...(a.statuts?.modifications ?? []).map((m) => m.date), a.ag_extraordinaire?.date].filter(valid).sort();
  return { adoption, modifications: [...new Set(modifications)] };
}

/** « Statuts adoptés le 22 mai 2014, modifiés le 27 avril 2017 »; undefined without an adoption date. */
export function statutsDatesText(project: Project): string | undefined {
  const { adoption, modifications } = statutsDates(project);
  if (!adoption) return undefined;
  const changed = modifications.length > 0 ? `, modifiés ${joinFr(modifications.map((d) => `le ${formatDate(d)}`))}` : "";
  return `Statuts adoptés le ${formatDate(adoption)}${changed}`;
}

/** The statuts an extraordinary assembly votes under, as far as the file tells them. */
export interface StatutsInForce {
  /** The date of that version: the one the file gives, else the last adoption or modification before the assembly. */
  date: string | undefined;
  /** The adoption and the modifications that make up that version, earliest first. */
  adoption: string | undefined;
  modifications: string[];
  /** The version the history of the statuts points to, whatever date the file gives. */
  fromHistory: string | undefined;
}

/**
 * The statuts in force on the day an existing association holds its extraordinary assembly:
 * those it amends, not those it adopts. Their version is the last adoption or modification the
 * history gives before the assembly, unless the file names it
 * (association.ag_extraordinaire.statuts_anterieurs.date).
 */
export function statutsInForceBefore(project: Project): StatutsInForce {
  const a = project.association ?? {};
  const valid = (d: unknown): d is string => typeof d === "string" && isValidIsoDate(d);
  const meeting = valid(a.ag_extraordinaire?.date) ? a.ag_extraordinaire!.date : undefined;
  const before = (d: string) => meeting === undefined || d < meeting;
  const adoption = valid(a.statuts?.adoptes_le) && before(a.statuts!.adoptes_le!) ? a.statuts!.adoptes_le : undefined;
  const modifications = [...new Set((a.statuts?.modifications ?? []).map((m) => m.date).filter(valid).filter(before))].sort();
  const fromHistory = modifications.at(-1) ?? adoption;
  const given = a.ag_extraordinaire?.statuts_anterieurs?.date;
  const date = valid(given) ? given : fromHistory;
  const upTo = (d: string) => date === undefined || d <= date;
  return {
    date,
    adoption: adoption !== undefined && upTo(adoption) ? adoption : undefined,
    modifications: modifications.filter(upTo),
    fromHistory,
  };
}

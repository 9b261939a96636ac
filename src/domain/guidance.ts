/**
 * What to tell a founder after each screen: how far each document is (one count, the same in
 * `valider`, `etat`, `generer` and the wizard) and what to do next, written as an action with
 * the command that does it. Pure: from readiness (src/domain/readiness.ts) to words.
 */
import type { Finding } from "../project/index.js";
import type { Progress } from "./progress.js";
import type { DocumentReadiness } from "./readiness.js";

/** How far a document is: what blocks it and what is only advised. */
export interface DocumentGaps {
  document: DocumentReadiness["document"];
  titre: string;
  /** Findings that keep `cpts generer` from writing the document (without --brouillon). */
  bloquants: Finding[];
  /** Findings worth fixing that do not block. */
  conseils: Finding[];
  pret: boolean;
}

/** The one way every screen counts what a document still needs. */
export function documentGaps(r: DocumentReadiness): DocumentGaps {
  const bloquants = r.findings.filter((f) => f.severity === "erreur");
  const conseils = r.findings.filter((f) => f.severity !== "erreur");
  return { document: r.document, titre: r.titre, bloquants, conseils, pret: bloquants.length === 0 };
}

const plural = (n: number, one: string, many: string) => `${n}\u00a0${n > 1 ? many : one}`;

/** « 3 éléments à compléter », the words every screen uses for the blocking count. */
export function missingLabel(count: number): string {
  return plural(count, "élément à compléter", "éléments à compléter");
}

/** « prêt », « prêt (2 conseils) » or « 3 éléments à compléter ». */
export function gapsLabel(g: DocumentGaps): string {
  if (!g.pret) return missingLabel(g.bloquants.length);
  return g.conseils.length ? `prêt (${plural(g.conseils.length, "conseil", "conseils")})` : "prêt";
}

/** A part of the project, in the order the wizard asks for them, with the fields it covers. */
export interface ProjectArea {
  /** The wizard's step (`cpts assistant --etape <etape>`). */
  etape: string;
  /** What to do, as an instruction. */
  action: string;
  /** Paths of the project this part fills (a test checks they are the wizard step's). */
  paths: readonly string[];
}

export const PROJECT_AREAS: readonly ProjectArea[] = [
  { etape: "porteurs", action: "Présentez le projet et ses porteurs", paths: ["cpts.nom", "cpts.sigle", "cpts.historique", "porteurs"] },
  { etape: "territoire", action: "Définissez le territoire", paths: ["territoire"] },
  { etape: "diagnostic", action: "Complétez le diagnostic territorial", paths: ["diagnostic"] },
  { etape: "acteurs", action: "Citez les acteurs engagés et ceux à associer", paths: ["acteurs"] },
  { etape: "missions", action: "Choisissez les missions et leurs fiches-actions", paths: ["missions"] },
  { etape: "lettre-intention", action: "Préparez la lettre d’intention", paths: ["lettre_intention"] },
  { etape: "association", action: "Préparez l’association (statuts, AG constitutive, dirigeants)", paths: ["association", "cpts.siren", "cpts.date_creation"] },
  {
    etape: "projet-sante",
    action: "Décrivez l’organisation du projet de santé",
    paths: ["organisation", "systeme_information", "communication", "evaluation", "cpts.site_internet"],
  },
  { etape: "calendrier", action: "Datez les grandes étapes", paths: ["calendrier"] },
  { etape: "generer", action: "Datez les documents", paths: ["documents"] },
];

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);

/** The part of the project a field belongs to, if the wizard asks for it. */
export function areaOf(path: string): ProjectArea | undefined {
  return PROJECT_AREAS.find((a) => a.paths.some((p) => under(path, p)));
}

export interface NextAction {
  /** « Définissez le territoire ». */
  action: string;
  /** The command that does it: `cpts assistant --etape territoire`. */
  commande: string;
  /** The wizard's step, when the action is one. */
  etape?: string;
  /** What it would complete: the blocking findings behind it. */
  manques: Finding[];
}

/**
 * The next things to do, as commands, in the wizard's order: one action per part of the project
 * that still blocks a document (fields outside the wizard's parts get « valider --tout »), or,
 * once nothing blocks, generating the documents.
 */
export function nextActions(documents: readonly DocumentReadiness[], count = 3): NextAction[] {
  const blocking = documents.flatMap((d) => documentGaps(d).bloquants);
  if (blocking.length === 0) return [{ action: "Générez les documents", commande: "cpts generer", etape: "generer", manques: [] }];
  const byArea = new Map<ProjectArea | undefined, Finding[]>();
  for (const f of blocking) {
    const area = areaOf(f.path);
    byArea.set(area, [...(byArea.get(area) ?? []), f]);
  }
  const actions: NextAction[] = PROJECT_AREAS.filter((a) => byArea.has(a)).map((a) => ({
    action: a.action,
    commande: `cpts assistant --etape ${a.etape}`,
    etape: a.etape,
    manques: byArea.get(a)!,
  }));
  const other = byArea.get(undefined);
  if (other) actions.push({ action: "Complétez le fichier projet", commande: "cpts valider --tout", manques: other });
  return actions.slice(0, count);
}

/** The documents still to work on: those of the stages not done yet (a letter sent is behind us). */
export function openDocuments(state: Pick<Progress, "etapes" | "documents">): DocumentReadiness[] {
  return state.documents.filter((d) => state.etapes.some((e) => e.etat !== "fait" && e.documents.includes(d.document)));
}

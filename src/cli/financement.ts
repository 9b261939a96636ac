import {
  isMissionCode,
  isTaille,
  projectTerritory,
  simulateFinancing,
  type FinancingInput,
  type MissionCode,
  type Taille,
} from "../domain/index.js";
import { EXIT, UserError } from "../project/index.js";
import { formatFinancingTable } from "./financing-table.js";
import type { Io } from "./io.js";
import { requireValidProject } from "./project-context.js";

export interface FinancingOptions {
  taille?: string;
  missions?: string;
  annees?: string;
  json?: boolean;
}

function parseMissions(raw: string): MissionCode[] {
  const codes = raw.split(/[,\s]+/).filter(Boolean).map((c) => c.toUpperCase());
  const bad = codes.filter((c) => !isMissionCode(c));
  if (bad.length) throw new UserError(`--missions : mission${bad.length > 1 ? "s" : ""} inconnue${bad.length > 1 ? "s" : ""} ${bad.map((b) => `« ${b} »`).join(", ")} ; codes possibles : ACCES, PARCOURS, PREVENTION, CRISE, QUALITE, ACCOMPAGNEMENT.`);
  return [...new Set(codes)] as MissionCode[];
}

/**
 * `cpts financement [fichier]` or `cpts financement --taille T2 --missions ACCES,PARCOURS`:
 * the ACI amounts per contract year, never an invented figure.
 */
export async function financingCommand(fileArg: string | undefined, opts: FinancingOptions, io: Io): Promise<number> {
  const annees = opts.annees === undefined ? undefined : Number(opts.annees);
  if (annees !== undefined && (!Number.isInteger(annees) || annees < 1 || annees > 10))
    throw new UserError(`--annees : nombre entier de 1 à 10 attendu, trouvé « ${opts.annees} ».`);
  let input: FinancingInput;
  if (opts.taille !== undefined || (fileArg === undefined && opts.missions !== undefined)) {
    const taille = opts.taille?.toUpperCase();
    if (!taille || !isTaille(taille)) throw new UserError(`--taille : T1, T2, T3 ou T4 attendu${opts.taille ? `, trouvé « ${opts.taille} »` : ""}.`);
    input = { taille: taille as Taille, missions: parseMissions(opts.missions ?? "ACCES,PARCOURS,PREVENTION,CRISE") };
  } else {
    const { project } = await requireValidProject(fileArg, io);
    const territory = projectTerritory(project);
    const taille = territory.taille ?? project.territoire?.taille;
    if (!taille)
      throw new UserError(
        "La taille de la CPTS est inconnue : ajoutez le territoire (« cpts territoire --epci … ») ou indiquez --taille T1 à T4.",
        EXIT.projectErrors,
      );
    const missions = opts.missions ? parseMissions(opts.missions) : ((project.missions ?? []).map((m) => m.code) as MissionCode[]);
    input = { taille, missions, ...(project.financement?.contrat ? { contrat: project.financement.contrat } : {}) };
  }
  if (annees !== undefined) input.annees = annees;
  const result = simulateFinancing(input);
  if (opts.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else io.stdout(`${formatFinancingTable(result, { color: io.color })}\n`);
  return EXIT.ok;
}

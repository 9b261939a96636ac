import {
  computeBudget,
  isMissionCode,
  isTaille,
  isValidIsoDate,
  projectTerritory,
  simulateFinancing,
  type FinancingInput,
  type MissionCode,
  type Taille,
} from "../domain/index.js";
import { EXIT, UserError, displayPath } from "../project/index.js";
import { formatBudgetTable } from "./budget-table.js";
import { formatFinancingTable } from "./financing-table.js";
import type { Io } from "./io.js";
import { envelope } from "./json-envelope.js";
import { requireValidProject } from "./project-context.js";

export interface FinancingOptions {
  taille?: string;
  missions?: string;
  annees?: string;
  signature?: string;
  budget?: boolean;
  json?: boolean;
}

function parseSignature(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const iso = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw.trim());
  const value = iso ? `${iso[3]}-${iso[2]!.padStart(2, "0")}-${iso[1]!.padStart(2, "0")}` : raw.trim();
  if (!isValidIsoDate(value)) throw new UserError(`--signature : date attendue au format AAAA-MM-JJ ou JJ/MM/AAAA, trouvé « ${raw} ».`);
  return value;
}

/** `cpts financement --budget [fichier]`: charges, produits and the balance of each contract year. */
async function budgetCommand(fileArg: string | undefined, opts: FinancingOptions, io: Io): Promise<number> {
  if (opts.taille !== undefined) throw new UserError("--budget lit le budget du fichier projet : --taille ne s’y applique pas.");
  const { project, path } = await requireValidProject(fileArg, io);
  const territory = projectTerritory(project);
  const taille = territory.taille ?? project.territoire?.taille;
  const missions = (project.missions ?? []).map((m) => m.code) as MissionCode[];
  const result = computeBudget(project, { taille, missions });
  if (opts.json) io.stdout(envelope("financement", { fichier: displayPath(path, io.cwd), valide: true }, { budget: result }));
  else io.stdout(formatBudgetTable(result, { color: io.color, titre: project.cpts.nom }));
  return EXIT.ok;
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
  const signature = parseSignature(opts.signature);
  if (opts.budget) return budgetCommand(fileArg, opts, io);
  let input: FinancingInput;
  let fichier: string | null = null;
  if (opts.taille !== undefined || (fileArg === undefined && opts.missions !== undefined)) {
    const taille = opts.taille?.toUpperCase();
    if (!taille || !isTaille(taille)) throw new UserError(`--taille : T1, T2, T3 ou T4 attendu${opts.taille ? `, trouvé « ${opts.taille} »` : ""}.`);
    input = { taille: taille as Taille, missions: parseMissions(opts.missions ?? "ACCES,PARCOURS,PREVENTION,CRISE") };
  } else {
    const { project, path } = await requireValidProject(fileArg, io);
    fichier = displayPath(path, io.cwd);
    const territory = projectTerritory(project);
    const taille = territory.taille ?? project.territoire?.taille;
    if (!taille)
      throw new UserError(
        "La taille de la CPTS est inconnue : ajoutez le territoire (« cpts territoire --epci … ») ou indiquez --taille T1 à T4.",
        EXIT.projectErrors,
      );
    const missions = opts.missions ? parseMissions(opts.missions) : ((project.missions ?? []).map((m) => m.code) as MissionCode[]);
    input = { taille, missions, ...(project.financement?.contrat ? { contrat: project.financement.contrat } : {}) };
    const c = project.calendrier ?? {};
    if (c.actualisation_projet_sante) input.existante = true;
    if (c.actualisation_projet_sante?.motif === "renouvellement_contrat") input.renouvellement = true;
    else if (c.signature_aci && isValidIsoDate(c.signature_aci)) input.signature = c.signature_aci;
    if (c.validation_lettre_intention && isValidIsoDate(c.validation_lettre_intention)) input.validation_lettre = c.validation_lettre_intention;
  }
  if (annees !== undefined) input.annees = annees;
  if (signature !== undefined) input.signature = signature;
  const result = simulateFinancing(input);
  if (opts.json) io.stdout(envelope("financement", { fichier, valide: true }, { financement: result }));
  else io.stdout(`${formatFinancingTable(result, { color: io.color })}\n`);
  return EXIT.ok;
}

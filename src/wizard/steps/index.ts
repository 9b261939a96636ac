/** The wizard's steps, in the order a CPTS is built. Adding a step means adding a line here. */
import type { StepDefinition, StepId } from "../step.js";
import { acteursStep } from "./acteurs.js";
import { associationStep } from "./association.js";
import { budgetStep } from "./budget.js";
import { calendrierStep } from "./calendrier.js";
import { diagnosticStep } from "./diagnostic.js";
import { genererStep } from "./generer.js";
import { lettreStep } from "./lettre.js";
import { missionsStep } from "./missions.js";
import { porteursStep } from "./porteurs.js";
import { projetSanteStep } from "./projet-sante.js";
import { territoireStep } from "./territoire.js";

export const STEPS: readonly StepDefinition[] = [
  porteursStep,
  territoireStep,
  diagnosticStep,
  acteursStep,
  missionsStep,
  lettreStep,
  associationStep,
  projetSanteStep,
  budgetStep,
  calendrierStep,
  genererStep,
];

export function stepById(id: StepId): StepDefinition {
  return STEPS.find((s) => s.id === id)!;
}

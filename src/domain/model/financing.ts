/** The financing section: the ACI simulation laid out for a document, the other funding and the budget prévisionnel. */
import { formatAmount } from "../../french/index.js";
import type { Project } from "../../project/index.js";
import { ACI_DATA, type MissionCode, type Taille } from "../aci.js";
import { computeBudget } from "../budget.js";
import { isValidIsoDate } from "../calendar.js";
import { budgetView, type BudgetView } from "./budget-view.js";
import { text } from "./common.js";
import { financingView, type FinancingView } from "./financing-view.js";

export interface FinancingSectionView {
  simulation: FinancingView | undefined;
  regles_versement: string[];
  autres: { origine: string; montant_texte: string; annee: number | undefined; objet: string | undefined }[];
  autres_total: string | undefined;
  budget: BudgetView;
}

const validDate = (v: unknown): string | undefined => (typeof v === "string" && isValidIsoDate(v) ? v : undefined);

/** The ACI financing of a CPTS of `taille` with the missions chosen (none without a taille), other funding and the budget as known on `documentDate`. */
export function financingSection(project: Project, taille: Taille | undefined, chosenCodes: MissionCode[], documentDate?: string): FinancingSectionView {
  const f = project.financement ?? {};
  const autres = (f.autres ?? []).map((x) => ({ origine: x.origine, montant_texte: formatAmount(x.montant), annee: x.annee, objet: text(x.objet) }));
  const autresSum = (f.autres ?? []).reduce((n, x) => n + x.montant, 0);
  const renewal = project.calendrier?.actualisation_projet_sante?.motif === "renouvellement_contrat";
  const signature = renewal ? undefined : validDate(project.calendrier?.signature_aci);
  const validation = validDate(project.calendrier?.validation_lettre_intention);
  const simulation = taille
    ? financingView(taille, chosenCodes, f.contrat as Parameters<typeof financingView>[2], {
          ...(signature ? { signature } : {}),
          ...(validation ? { validation_lettre: validation } : {}),
          ...(renewal ? { renouvellement: true } : {}),
          ...(project.calendrier?.actualisation_projet_sante ? { existante: true } : {}),
        })
    : undefined;
  const budget = budgetView(computeBudget(project, { taille, missions: chosenCodes, documentDate }));
  // The document shows the ACI detail right after the budget: a note both carry is said once, with the ACI amounts it explains.
  if (simulation) budget.notes = budget.notes.filter((n) => !simulation.notes.includes(n));
  return {
    simulation,
    regles_versement: ACI_DATA.reglesVersement().map((r) => r.texte),
    autres,
    autres_total: autres.length > 1 ? formatAmount(autresSum) : undefined,
    budget,
  };
}

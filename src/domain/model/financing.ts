/** The financing section: the ACI simulation laid out for a document, and the other funding. */
import { formatAmount } from "../../french/index.js";
import type { Project } from "../../project/index.js";
import { ACI_DATA, type MissionCode, type Taille } from "../aci.js";
import { text } from "./common.js";
import { financingView, type FinancingView } from "./financing-view.js";

export interface FinancingSectionView {
  simulation: FinancingView | undefined;
  regles_versement: string[];
  autres: { origine: string; montant_texte: string; annee: number | undefined; objet: string | undefined }[];
  autres_total: string | undefined;
}

/** The ACI financing of a CPTS of `taille` with the missions chosen (none without a taille), and other funding. */
export function financingSection(project: Project, taille: Taille | undefined, chosenCodes: MissionCode[]): FinancingSectionView {
  const f = project.financement ?? {};
  const autres = (f.autres ?? []).map((x) => ({ origine: x.origine, montant_texte: formatAmount(x.montant), annee: x.annee, objet: text(x.objet) }));
  const autresSum = (f.autres ?? []).reduce((n, x) => n + x.montant, 0);
  return {
    simulation: taille ? financingView(taille, chosenCodes, f.contrat as Parameters<typeof financingView>[2]) : undefined,
    regles_versement: ACI_DATA.reglesVersement().map((r) => r.texte),
    autres,
    autres_total: autres.length > 1 ? formatAmount(autresSum) : undefined,
  };
}

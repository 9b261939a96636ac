/**
 * The budget prévisionnel (budget.ts) laid out for a document: one column per contract year,
 * charges then produits, their totals and the balance of each year; the source and the way of
 * computing each line, and the « donnée d’exemple » mark, as numbered notes. Unknown amounts are
 * written « non connu », never estimated.
 */
import { NBSP, formatAmount, joinFr } from "../../french/index.js";
import type { BudgetResult, BudgetRow, BudgetTotal, BudgetYear } from "../budget.js";
import { DONNEE_EXEMPLE, lowerInitial } from "./common.js";

export interface BudgetRowView {
  libelle: string;
  montants: string[];
  /** « (1) (2) »: notes on the source, the computation, example data. */
  renvois: string;
}

export interface BudgetView {
  renseigne: boolean;
  colonnes: { libelle: string }[];
  charges: BudgetRowView[];
  total_charges: string[];
  produits: BudgetRowView[];
  total_produits: string[];
  soldes: string[];
  renvois: { numero: string; texte: string }[];
  /** Said once when a line is example data: what « donnée d’exemple » means. */
  exemple_texte: string | undefined;
  /** « Équilibré chaque année. », or what is unknown or in deficit. */
  equilibre_texte: string;
  plafond_texte: string;
  commissaire_texte: string;
  notes: string[];
}

export const NON_CONNU = "non connu";

export function amountOrUnknown(v: number | null | undefined): string {
  return v === null || v === undefined ? NON_CONNU : formatAmount(v);
}

export function totalText(t: BudgetTotal): string {
  return t.montant !== null ? formatAmount(t.montant) : t.connu > 0 ? `${formatAmount(t.connu)} + ${NON_CONNU}` : NON_CONNU;
}

export function balanceText(y: BudgetYear): string {
  if (y.solde === null) return "non calculable";
  if (y.solde === 0) return "équilibré";
  return y.solde > 0 ? `+${formatAmount(y.solde)}` : `−${formatAmount(-y.solde)}`;
}

/** Notes numbered in order of first use. */
export class Notes {
  readonly texts: string[] = [];
  ref(text: string): string {
    let i = this.texts.indexOf(text);
    if (i < 0) i = this.texts.push(text) - 1;
    return `(${i + 1})`;
  }
}

/** One note per row: its computation, its source, and « donnée d’exemple » for an illustration. */
export function rowNotes(r: BudgetRow, notes: Notes): string {
  const parts = [
    r.calcul ? lowerInitial(r.calcul) : undefined,
    r.source ? `source${NBSP}: ${lowerInitial(r.source)}` : r.montants.some((m) => m !== null) ? "source non indiquée" : undefined,
    r.exemple ? DONNEE_EXEMPLE : undefined,
  ].filter((x): x is string => x !== undefined);
  // A dash, not a colon, after the label: the source that follows has its own colon.
  return parts.length ? notes.ref(`${r.libelle} — ${parts.join(" ; ")}.`) : "";
}

function balanceSentence(b: BudgetResult): string {
  const unknown = b.par_annee.filter((y) => y.etat === "inconnu").map((y) => y.annee);
  const deficit = b.par_annee.filter((y) => y.etat === "deficit").map((y) => y.annee);
  const parts: string[] = [];
  if (unknown.length === 0 && deficit.length === 0) {
    parts.push(b.par_annee.every((y) => y.etat === "equilibre") ? "Le budget est équilibré chaque année." : "Les produits couvrent les charges chaque année.");
  }
  if (deficit.length) parts.push(`Les charges dépassent les produits ${deficit.length > 1 ? "les années" : "l’année"} ${deficit.join(", ")}.`);
  if (unknown.length) {
    const names = [...new Set(b.par_annee.flatMap((y) => [...y.charges.inconnus, ...y.produits.inconnus]))];
    parts.push(
      `Le solde ${unknown.length > 1 ? "des années" : "de l’année"} ${unknown.join(", ")} n’est pas calculable${NBSP}: ` +
        `${names.length > 1 ? "ces montants ne sont pas connus" : "ce montant n’est pas connu"}${NBSP}: ${names.join(`${NBSP}; `)}.`,
    );
  }
  return parts.join(" ");
}

function capSentence(b: BudgetResult): string {
  const cap = b.plafond_indemnisation;
  const known = cap.annees.filter((y) => y.plafond !== null);
  const parts = [cap.regle];
  if (known.length) parts.push(known.map((y) => `Plafond ${y.annee_civile}${NBSP}: ${formatAmount(y.plafond!)}.`).join(" "));
  const unknownYears = cap.annees.filter((y) => y.plafond === null && y.annee_civile !== null).map((y) => y.annee_civile);
  if (unknownYears.length)
    parts.push(
      unknownYears.length > 1
        ? `Les plafonds de ${joinFr(unknownYears.map(String))} sont à vérifier sur le site de l’Urssaf.`
        : `Le plafond de ${unknownYears[0]} est à vérifier sur le site de l’Urssaf.`,
    );
  if (cap.annees.every((y) => y.annee_civile === null)) parts.push(`Le plafond de chaque année civile est à vérifier sur le site de l’Urssaf.`);
  if (cap.maximum_par_professionnel !== null) {
    const over = cap.annees.filter((y) => y.depasse === true);
    parts.push(
      `Le budget prévoit au plus ${formatAmount(cap.maximum_par_professionnel)} par professionnel et par an` +
        (over.length
          ? `, au-delà du plafond en ${joinFr(over.map((y) => String(y.annee_civile)))}.`
          : known.length
            ? `, sous le plafond ${known.length === 1 ? `de ${known[0]!.annee_civile}` : "des années connues"}.`
            : "."),
    );
  }
  return parts.join(" ");
}

/** The budget for a document. */
export function budgetView(b: BudgetResult): BudgetView {
  const notes = new Notes();
  const row = (r: BudgetRow): BudgetRowView => ({ libelle: r.libelle, montants: r.montants.map(amountOrUnknown), renvois: rowNotes(r, notes) });
  const charges = b.charges.map(row);
  const produits = b.produits.map(row);
  return {
    renseigne: b.renseigne,
    colonnes: b.par_annee.map((y) => ({ libelle: `Année${NBSP}${y.annee}` })),
    charges,
    total_charges: b.par_annee.map((y) => totalText(y.charges)),
    produits,
    total_produits: b.par_annee.map((y) => totalText(y.produits)),
    soldes: b.par_annee.map(balanceText),
    renvois: notes.texts.map((texte, i) => ({ numero: `(${i + 1})`, texte })),
    exemple_texte: [...b.charges, ...b.produits].some((r) => r.exemple)
      ? `«${NBSP}${DONNEE_EXEMPLE.charAt(0).toUpperCase()}${DONNEE_EXEMPLE.slice(1)}${NBSP}»${NBSP}: montant d’illustration, pas une donnée réelle.`
      : undefined,
    equilibre_texte: balanceSentence(b),
    plafond_texte: capSentence(b),
    commissaire_texte:
      b.commissaire_aux_comptes.seuil === null
        ? `Au-delà d’un montant annuel de subventions publiques fixé par la loi, une association doit nommer un commissaire aux comptes${NBSP}; ` +
          `le seuil applicable et sa comparaison avec les subventions prévues (FIR et autres subventions) restent à vérifier avec l’expert-comptable.`
        : b.commissaire_aux_comptes.texte,
    notes: b.notes,
  };
}

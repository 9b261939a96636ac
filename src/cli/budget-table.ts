/**
 * The budget prévisionnel (src/domain/budget.ts) as a terminal table that fits in 80 columns:
 * the label column is cut to what remains after the year columns, with the full label, its
 * computation and its source in numbered notes under the table. Five years per table at most;
 * a longer budget is printed in several tables. Unknown amounts print « inconnu », never 0.
 */
import { NBSP, formatAmount, frenchSpacing, wrapText } from "../french/index.js";
import { balanceText, lowerInitial, type BudgetResult, type BudgetRow, type BudgetTotal, type BudgetYear } from "../domain/index.js";
import { style as terminalStyle, type Style } from "./style.js";

const WIDTH = 80;
const YEARS_PER_TABLE = 5;
const GAP = " ";
const NOTE_WIDTH = 6;

type Paint = (text: string, how?: "bold" | "dim" | "yellow" | "red") => string;

function width(text: string): number {
  return [...text].length;
}

function cut(text: string, size: number): string {
  const chars = [...text];
  return chars.length <= size ? text : `${chars.slice(0, size - 1).join("")}…`;
}

function pad(text: string, size: number, right: boolean): string {
  const gap = " ".repeat(Math.max(0, size - width(text)));
  return right ? gap + text : text + gap;
}

function amount(v: number | null | undefined): string {
  return v === null || v === undefined ? "inconnu" : formatAmount(v);
}

function totalCell(t: BudgetTotal): string {
  return t.montant !== null ? formatAmount(t.montant) : "inconnu";
}

/** The balance in a cell: « inconnu » rather than the documents' « non calculable », too wide here. */
function balanceCell(y: BudgetYear): string {
  return y.solde === null ? "inconnu" : balanceText(y);
}

/** Notes: each row's full label, computation and source; example data marked. */
class RowNotes {
  readonly lines: string[] = [];
  add(r: BudgetRow): string {
    const parts = [
      lowerInitial(r.calcul),
      r.source ? `source${NBSP}: ${lowerInitial(r.source)}` : r.montants.some((m) => m !== null) ? "source non indiquée" : undefined,
      r.exemple ? "donnée d’exemple" : undefined,
    ].filter(
      (x): x is string => x !== undefined,
    );
    this.lines.push(`${r.libelle}${parts.length ? ` — ${parts.join(" ; ")}` : ""}`);
    return `(${this.lines.length})`;
  }
}

function table(b: BudgetResult, from: number, to: number, notes: RowNotes | null, paint: Paint): string[] {
  const years = b.par_annee.slice(from, to);
  const cells = (r: BudgetRow) => r.montants.slice(from, to).map(amount);
  const allAmounts = [
    ...b.charges.flatMap(cells),
    ...b.produits.flatMap(cells),
    ...years.map((y) => totalCell(y.charges)),
    ...years.map((y) => totalCell(y.produits)),
    ...years.map(balanceCell),
  ];
  const col = Math.max(...allAmounts.map(width), ...years.map((y) => width(`Année${NBSP}${y.annee}`)));
  const labelWidth = WIDTH - years.length * (col + GAP.length) - NOTE_WIDTH;
  const refs = new Map<BudgetRow, string>();
  if (notes) for (const r of [...b.charges, ...b.produits]) refs.set(r, notes.add(r));
  const line = (label: string, values: string[], note = "", how?: "bold" | "yellow") => {
    const text = [pad(cut(label, labelWidth), labelWidth, false), ...values.map((v) => pad(v, col, true))].join(GAP) + (note ? ` ${note}` : "");
    return paint(text.trimEnd(), how);
  };
  const rule = "─".repeat(Math.min(WIDTH, labelWidth + years.length * (col + GAP.length)));
  const rows: string[] = [line("", years.map((y) => `Année${NBSP}${y.annee}`), "", "bold"), rule];
  rows.push(paint("Charges", "bold"));
  for (const r of b.charges) rows.push(line(`  ${r.court}`, cells(r), refs.get(r) ?? ""));
  rows.push(line("Total des charges", years.map((y) => totalCell(y.charges)), "", "bold"));
  rows.push(paint("Produits", "bold"));
  for (const r of b.produits) rows.push(line(`  ${r.court}`, cells(r), refs.get(r) ?? ""));
  rows.push(line("Total des produits", years.map((y) => totalCell(y.produits)), "", "bold"));
  rows.push(rule);
  const unknown = years.some((y) => y.etat === "inconnu");
  const deficit = years.some((y) => y.etat === "deficit");
  rows.push(line("Solde", years.map(balanceCell), "", deficit || unknown ? "yellow" : "bold"));
  return rows;
}

/** The budget as French text for the terminal; ANSI colours only when `color` is true. */
export function formatBudgetTable(b: BudgetResult, options: { color: boolean; titre: string }): string {
  const s: Style = terminalStyle(options.color);
  const paint: Paint = (text, how) => (how ? s[how](text) : text);
  const head: string[] = [paint(`Budget prévisionnel${NBSP}: ${options.titre}`, "bold"), ""];
  if (!b.renseigne) head.push(paint(`Aucun budget dans le fichier (section « budget »)${NBSP}: seuls les financements de l’ACI sont connus.`, "yellow"), "");
  const notes = new RowNotes();
  const tables: string[] = [];
  for (let from = 0; from < b.annees; from += YEARS_PER_TABLE) {
    tables.push(...table(b, from, Math.min(b.annees, from + YEARS_PER_TABLE), from === 0 ? notes : null, paint), "");
  }
  const tail: string[] = [];
  for (const y of b.par_annee.filter((x) => x.etat === "inconnu")) {
    const names = [...y.charges.inconnus, ...y.produits.inconnus];
    tail.push(paint(`Année${NBSP}${y.annee}${NBSP}: solde non calculable, montants inconnus${NBSP}: ${names.join(" ; ")}.`, "yellow"));
  }
  if (tail.length) tail.push("");
  tail.push(paint("Sources et calculs", "bold"));
  notes.lines.forEach((l, i) => tail.push(`(${i + 1}) ${l}`));
  tail.push("", paint("À savoir", "bold"));
  tail.push(`– ${b.plafond_indemnisation.regle}`);
  for (const y of b.plafond_indemnisation.annees.filter((x) => x.depasse)) {
    const amount = formatAmount(b.plafond_indemnisation.maximum_par_professionnel ?? 0);
    tail.push(paint(`– Année${NBSP}${y.annee}${NBSP}: ${amount} par professionnel, au-delà du plafond de ${y.annee_civile} (${formatAmount(y.plafond ?? 0)}).`, "red"));
  }
  tail.push(`– ${b.commissaire_aux_comptes.texte}`);
  for (const n of b.notes) tail.push(`– ${n}`);
  // The tables are drawn to fit; the sentences around them are wrapped, never at a space French
  // typography ties to the next mark (« ; » alone at the start of a line).
  const wrapped = (lines: string[]) => lines.map((l) => wrapText(frenchSpacing(l), WIDTH, l.startsWith("(") ? "    " : l.startsWith("– ") ? "  " : ""));
  return `${[...wrapped(head), ...tables, ...wrapped(tail)].join("\n")}\n`;
}

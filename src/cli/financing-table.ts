/**
 * The financing simulation (src/domain/financing.ts) as a plain-text table for the terminal, in
 * French: one row per line, one column per group of contract years with identical amounts,
 * footnotes for remarks and conditions, then the contract total, the amount paid before the
 * contract, the maximum and the notes. The domain returns the data; drawing it is the CLI's job.
 */
import {
  ACI_DATA,
  missionInfo,
  type Confiance,
  type MissionCode,
  MENTION_A_CONFIRMER,
  type FinancingLine,
  type FinancingResult,
  type FinancingTotal,
  type FinancingYear,
} from "../domain/index.js";
import { NBSP, formatAmount } from "../french/index.js";
import { style as terminalStyle, type Style } from "./style.js";

type Paint = "bold" | "dim" | "yellow" | "red";

interface Cell {
  text: string;
  style?: Paint | undefined;
}

/** Consecutive contract years whose lines and amounts are identical: one column. */
interface YearGroup {
  from: number;
  to: number;
  year: FinancingYear;
}

function width(text: string): number {
  return [...text].length;
}

function pad(text: string, size: number, right: boolean): string {
  const gap = " ".repeat(Math.max(0, size - width(text)));
  return right ? gap + text : text + gap;
}

function confianceWord(c: Confiance): string {
  return c === "confirme" ? "confirmé" : c === "source_unique" ? "source unique" : "incertain";
}

function originWord(l: FinancingLine): string {
  if (l.origine === "contrat") return l.mention ?? "contrat";
  if (l.origine === "inconnu") return "inconnu";
  return `référence, ${confianceWord(l.confiance)}`;
}

function yearsLabel(from: number, to: number): string {
  if (from === to) return `Année${NBSP}${from}`;
  if (to === from + 1) return `Années ${from} et ${to}`;
  return `Années ${from} à ${to}`;
}

function totalCell(total: FinancingTotal): Cell {
  if (total.complet) return { text: formatAmount(total.montant) };
  return { text: `${formatAmount(total.montant_connu)} +${NBSP}?`, style: "yellow" };
}

function yearGroups(result: FinancingResult): YearGroup[] {
  const signature = (y: FinancingYear) => JSON.stringify(y.lignes.map((l) => [l.code, l.montant]));
  const groups: YearGroup[] = [];
  for (const year of result.par_annee) {
    const last = groups[groups.length - 1];
    if (last && signature(last.year) === signature(year)) last.to = year.annee;
    else groups.push({ from: year.annee, to: year.annee, year });
  }
  return groups;
}

/** Every line of the simulation once, in the order of first appearance. */
function linesByCode(result: FinancingResult): Map<string, FinancingLine> {
  const byCode = new Map<string, FinancingLine>();
  for (const y of result.par_annee) {
    for (const l of y.lignes) if (!byCode.has(l.code)) byCode.set(l.code, l);
  }
  return byCode;
}

/** Footnotes for mentions and conditions, numbered in order of appearance. */
class Footnotes {
  readonly texts: string[] = [];

  ref(text: string): string {
    let i = this.texts.indexOf(text);
    if (i < 0) i = this.texts.push(text) - 1;
    return `(${i + 1})`;
  }
}

/** The rows of the table body: a title row per mission, then one row per line. */
function bodyRows(byCode: Map<string, FinancingLine>, groups: readonly YearGroup[], notes: Footnotes): Cell[][] {
  const rows: Cell[][] = [];
  let currentMission: MissionCode | undefined;
  for (const [code, l] of byCode) {
    const marks: string[] = [];
    if (l.mention !== undefined && l.origine !== "contrat") marks.push(notes.ref(l.mention));
    if (l.condition !== undefined) marks.push(notes.ref(`${l.libelle}${NBSP}: ${l.condition}.`));
    let label = l.libelle;
    if (l.mission !== undefined && l.part !== undefined) {
      if (l.mission !== currentMission) {
        rows.push([{ text: missionInfo(l.mission).libelle }]);
        currentMission = l.mission;
      }
      label = `  part ${l.part === "fixe" ? "fixe" : "variable maximale"}`;
    } else {
      currentMission = undefined;
    }
    if (!l.compte_dans_total) label += " (hors total)";
    const row: Cell[] = [{ text: label, style: l.compte_dans_total ? undefined : "dim" }];
    for (const g of groups) row.push(amountCell(g.year.lignes.find((x) => x.code === code)));
    row.push({
      text: `${originWord(l)}${marks.length ? ` ${marks.join(" ")}` : ""}`,
      style: l.origine === "inconnu" || l.mention === MENTION_A_CONFIRMER ? "yellow" : undefined,
    });
    rows.push(row);
  }
  return rows;
}

function amountCell(inYear: FinancingLine | undefined): Cell {
  if (!inYear) return { text: "—", style: "dim" };
  if (inYear.montant === null) return { text: "inconnu", style: "yellow" };
  return { text: formatAmount(inYear.montant), style: inYear.mention === MENTION_A_CONFIRMER ? "yellow" : undefined };
}

function totalRow(result: FinancingResult, byCode: Map<string, FinancingLine>, groups: readonly YearGroup[], notes: Footnotes): Cell[] {
  const row: Cell[] = [{ text: "Total annuel", style: "bold" }, ...groups.map((g) => totalCell(g.year.total)), { text: "" }];
  const incomplete = result.par_annee.find((y) => !y.total.complet);
  if (incomplete) {
    const names = incomplete.total.lignes_inconnues.map((c) => byCode.get(c)?.libelle ?? c);
    row[row.length - 1] = {
      text: notes.ref(`Total incomplet, montants inconnus${NBSP}: ${names.join(`${NBSP}; `)}.`),
      style: "yellow",
    };
  }
  return row;
}

/** The table itself: header, rule, body, rule, total; amounts aligned right. */
function tableLines(header: Cell[], rows: Cell[][], total: Cell[], paint: (cell: Cell) => string): string[] {
  const all = [header, ...rows, total];
  const columns = header.length;
  const widths: number[] = [];
  for (let c = 0; c < columns; c++) widths.push(Math.max(...all.map((r) => width(r[c]?.text ?? ""))));
  const render = (r: Cell[], isHeader = false): string =>
    r
      .map((cell, c) => {
        const numeric = !isHeader && c > 0 && c < columns - 1;
        const padded = pad(cell.text, widths[c] ?? 0, numeric);
        return paint({ text: padded, style: isHeader ? "bold" : cell.style });
      })
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "─".repeat(w)).join("  ");
  return [render(header, true), rule, ...rows.map((r) => render(r)), rule, render(total)];
}

/** Contract total, amount before the contract, maximum and its overrun. */
function summaryLines(result: FinancingResult, paint: (cell: Cell) => string): string[] {
  const out: string[] = [];
  const tc = result.total_contrat;
  const yearsWord = `${result.annees}${NBSP}année${result.annees > 1 ? "s" : ""}`;
  out.push(
    tc.complet
      ? `Total sur ${yearsWord}${NBSP}: ${formatAmount(tc.montant)}`
      : paint({ text: `Total connu sur ${yearsWord}${NBSP}: ${formatAmount(tc.montant_connu)} (incomplet)`, style: "yellow" }),
  );
  for (const l of result.avant_contrat) {
    const amount = l.montant === null ? "inconnu" : formatAmount(l.montant);
    out.push(`${l.libelle} (avant le contrat)${NBSP}: ${amount}${l.mention !== undefined ? ` (${l.mention})` : ""}`);
  }
  const maxFigure = result.maximum.avenant_2.montant !== null ? result.maximum.avenant_2 : result.maximum.aci_2019;
  const maxLabel = result.maximum.avenant_2.montant !== null ? `avenant${NBSP}2` : "ACI 2019, avenant 2 inconnu";
  if (maxFigure.montant !== null) {
    out.push(`Montant annuel maximal (${maxLabel})${NBSP}: ${formatAmount(maxFigure.montant)}`);
  }
  if (result.depassement_maximum !== null) out.push(paint({ text: result.depassement_maximum, style: "red" }));
  return out;
}

/** Footnotes, then the notes of the simulation other than the overrun already printed. */
function noteLines(result: FinancingResult, notes: Footnotes, paint: (cell: Cell) => string): string[] {
  const out: string[] = [];
  if (notes.texts.length > 0) {
    out.push("");
    notes.texts.forEach((f, i) => out.push(`(${i + 1}) ${f}`));
  }
  const otherNotes = result.notes.filter((n) => n !== result.depassement_maximum);
  if (otherNotes.length > 0) {
    out.push("");
    out.push(paint({ text: "À savoir", style: "bold" }));
    for (const n of otherNotes) out.push(`– ${n}`);
  }
  return out;
}

/** The simulation as a French table for the terminal; ANSI colours only when `color` is true. */
export function formatFinancingTable(result: FinancingResult, options: { color: boolean }): string {
  const s: Style = terminalStyle(options.color);
  const paint = (cell: Cell): string => (cell.style ? s[cell.style](cell.text) : cell.text);
  const groups = yearGroups(result);
  const byCode = linesByCode(result);
  const notes = new Footnotes();
  const header: Cell[] = [{ text: "Ligne" }, ...groups.map((g) => ({ text: yearsLabel(g.from, g.to) })), { text: "Origine" }];
  const rows = bodyRows(byCode, groups, notes);
  const total = totalRow(result, byCode, groups, notes);
  const t = ACI_DATA.taille(result.taille);
  const years = `${result.annees}${NBSP}année${result.annees > 1 ? "s" : ""}`;
  const title = `Financement ACI simulé${NBSP}: ${t.libelle.toLowerCase()} (${t.libelle_population}), ${years} de contrat`;
  return [
    paint({ text: title, style: "bold" }),
    "",
    ...tableLines(header, rows, total, paint),
    "",
    ...summaryLines(result, paint),
    ...noteLines(result, notes, paint),
    "",
    "Les sources de chaque montant figurent dans la sortie --json.",
  ].join("\n") + "\n";
}

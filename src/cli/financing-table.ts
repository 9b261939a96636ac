/**
 * The financing simulation (src/domain/financing.ts) as plain text for the terminal, in French,
 * within 80 columns: one row per line, one column per group of contract years with identical
 * amounts, a numbered note per origin and condition, then the contract total, the amount paid
 * before the contract, the maximum, the remarks and the numbered sources the notes cite. Labels
 * too long for what the amounts leave are wrapped in their column; more year groups than fit
 * make several tables. The domain returns the data; drawing it is the CLI's job.
 */
import {
  ACI_DATA,
  missionInfo,
  type Confiance,
  type Figure,
  type MissionCode,
  MENTION_A_CONFIRMER,
  MENTION_CONTRAT,
  type FinancingLine,
  type FinancingResult,
  type FinancingTotal,
  type FinancingYear,
} from "../domain/index.js";
import { NBSP, formatAmount, frenchSpacing, joinFr, wrapText } from "../french/index.js";
import { style as terminalStyle, type Style } from "./style.js";

/** What the terminal shows per line, counted in code points (every character here is one column wide). */
export const FINANCING_WIDTH = 80;
const GAP = "  ";
/** Narrowest label column before the year groups are split over several tables. */
const MIN_LABEL = 26;

type Paint = "bold" | "dim" | "yellow" | "red";

interface Cell {
  text: string;
  style?: Paint | undefined;
}

/** A mission's title (`amounts` null: the row spans the table), or a line with its amounts and note references. */
interface Row {
  label: Cell;
  amounts: Cell[] | null;
  refs: Cell;
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

/** Where a figure comes from, with the domain's mention when it adds something. */
function originText(f: Figure, mention: string | undefined): string {
  if (f.origine === "contrat") return mention ?? MENTION_CONTRAT;
  const confiance = confianceWord(f.confiance);
  if (f.origine === "inconnu") return mention === undefined ? "inconnu" : `inconnu (${mention})`;
  if (mention === undefined) return `référence, ${confiance}`;
  return mention.startsWith(confiance) ? `référence, ${mention}` : `référence, ${confiance} (${mention})`;
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

/**
 * Numbered notes (origins, conditions) and the sources they cite, each numbered in order of first
 * appearance: a note shared by several lines is written once.
 */
class Notes {
  readonly texts: string[] = [];
  readonly sources: string[] = [];

  ref(text: string): string {
    let i = this.texts.indexOf(text);
    if (i < 0) i = this.texts.push(text) - 1;
    return `(${i + 1})`;
  }

  /** « Source : [1]. » or « Sources : [1] et [2]. », empty without a source. */
  cite(sources: readonly string[] | undefined): string {
    if (!sources?.length) return "";
    const refs = sources.map((s) => {
      let i = this.sources.indexOf(s);
      if (i < 0) i = this.sources.push(s) - 1;
      return `[${i + 1}]`;
    });
    return ` Source${refs.length > 1 ? "s" : ""}${NBSP}: ${joinFr(refs)}.`;
  }

  /** The note on a figure's origin and sources. */
  origin(f: Figure, mention: string | undefined): string {
    return this.ref(`Origine${NBSP}: ${originText(f, mention)}.${this.cite(f.source)}`);
  }
}

function amountCell(inYear: FinancingLine | undefined): Cell {
  if (!inYear) return { text: "—", style: "dim" };
  if (inYear.montant === null) return { text: "inconnu", style: "yellow" };
  return { text: formatAmount(inYear.montant), style: inYear.mention === MENTION_A_CONFIRMER ? "yellow" : undefined };
}

/** The rows of the table body: a title row per mission, then one row per line. */
function bodyRows(byCode: Map<string, FinancingLine>, groups: readonly YearGroup[], notes: Notes): Row[] {
  const rows: Row[] = [];
  let currentMission: MissionCode | undefined;
  for (const [code, l] of byCode) {
    const marks = [notes.origin(l, l.mention)];
    if (l.condition !== undefined) marks.push(notes.ref(`${l.libelle}${NBSP}: ${l.condition}.`));
    let label = l.libelle;
    if (l.mission !== undefined && l.part !== undefined) {
      if (l.mission !== currentMission) {
        rows.push({ label: { text: missionInfo(l.mission).libelle }, amounts: null, refs: { text: "" } });
        currentMission = l.mission;
      }
      label = `  part ${l.part === "fixe" ? "fixe" : "variable maximale"}`;
    } else {
      currentMission = undefined;
    }
    if (!l.compte_dans_total) label += ` (hors${NBSP}total)`;
    rows.push({
      label: { text: label, style: l.compte_dans_total ? undefined : "dim" },
      amounts: groups.map((g) => amountCell(g.year.lignes.find((x) => x.code === code))),
      refs: { text: marks.join(" "), style: l.origine === "inconnu" || l.mention === MENTION_A_CONFIRMER ? "yellow" : undefined },
    });
  }
  return rows;
}

function totalRow(result: FinancingResult, byCode: Map<string, FinancingLine>, groups: readonly YearGroup[], notes: Notes): Row {
  const row: Row = { label: { text: "Total annuel", style: "bold" }, amounts: groups.map((g) => totalCell(g.year.total)), refs: { text: "" } };
  const incomplete = result.par_annee.find((y) => !y.total.complet);
  if (incomplete) {
    const names = incomplete.total.lignes_inconnues.map((c) => byCode.get(c)?.libelle ?? c);
    row.refs = { text: notes.ref(`Total incomplet, montants inconnus${NBSP}: ${names.join(`${NBSP}; `)}.`), style: "yellow" };
  }
  return row;
}

interface Layout {
  label: number;
  amounts: number[];
  refs: number;
}

/**
 * The year groups that share one table, and the widths of its columns: amounts and notes at
 * their natural width, the label column what remains (at most what its longest label needs).
 */
function layouts(header: Row, rows: readonly Row[]): { groups: number[]; layout: Layout }[] {
  const lines = [header, ...rows].filter((r) => r.amounts !== null);
  const amountWidth = (g: number) => Math.max(...lines.map((r) => width(r.amounts![g]!.text)));
  const refs = Math.max(0, ...rows.map((r) => width(r.refs.text)));
  const labelNeed = Math.max(...lines.map((r) => width(r.label.text)));
  const fixed = (groups: number[]) => groups.reduce((sum, g) => sum + GAP.length + amountWidth(g), 0) + (refs ? GAP.length + refs : 0);
  const out: { groups: number[]; layout: Layout }[] = [];
  let current: number[] = [];
  for (let g = 0; g < header.amounts!.length; g++) {
    if (current.length && FINANCING_WIDTH - fixed([...current, g]) < MIN_LABEL) {
      out.push({ groups: current, layout: { label: 0, amounts: [], refs } });
      current = [];
    }
    current.push(g);
  }
  out.push({ groups: current, layout: { label: 0, amounts: [], refs } });
  for (const o of out) {
    o.layout.label = Math.min(labelNeed, FINANCING_WIDTH - fixed(o.groups));
    o.layout.amounts = o.groups.map(amountWidth);
  }
  return out;
}

/** One table: header, rule, body, rule, total; amounts aligned right, long labels wrapped in their column. */
function tableLines(header: Row, rows: readonly Row[], total: Row, groups: readonly number[], layout: Layout, paint: (cell: Cell) => string): string[] {
  const render = (r: Row, isHeader = false): string[] => {
    if (r.amounts === null) return wrapText(r.label.text, FINANCING_WIDTH, "  ").split("\n").map((text) => paint({ text, style: r.label.style }));
    const lead = /^ */.exec(r.label.text)![0];
    const labelLines = wrapText(r.label.text, layout.label, `${lead}  `, { breakLongWords: true }).split("\n");
    const cells = [
      paint({ text: pad(labelLines[0]!, layout.label, false), style: isHeader ? "bold" : r.label.style }),
      ...groups.map((g, i) => paint({ text: pad(r.amounts![g]!.text, layout.amounts[i]!, true), style: isHeader ? "bold" : r.amounts![g]!.style })),
    ];
    if (layout.refs) cells.push(paint({ text: r.refs.text, style: r.refs.style }));
    const first = cells.join(GAP).trimEnd();
    return [first, ...labelLines.slice(1).map((text) => paint({ text, style: r.label.style }))];
  };
  const rule = [layout.label, ...layout.amounts, ...(layout.refs ? [layout.refs] : [])].map((w) => "─".repeat(w)).join(GAP);
  return [...render(header, true), rule, ...rows.flatMap((r) => render(r)), rule, ...render(total)];
}

/** Wrapped within the width, each line painted on its own (a colour never spans a line break). */
function wrapped(text: string, indent: string, paint: (cell: Cell) => string, style?: Paint): string[] {
  return wrapText(frenchSpacing(text), FINANCING_WIDTH, indent, { breakLongWords: true })
    .split("\n")
    .map((line) => paint({ text: line, style }));
}

/** Contract total, amount before the contract, maximum and its overrun. */
function summaryLines(result: FinancingResult, notes: Notes, paint: (cell: Cell) => string): string[] {
  const out: string[] = [];
  const tc = result.total_contrat;
  const yearsWord = `${result.annees}${NBSP}année${result.annees > 1 ? "s" : ""}`;
  if (tc.complet) out.push(...wrapped(`Total sur ${yearsWord}${NBSP}: ${formatAmount(tc.montant)}`, "  ", paint));
  else out.push(...wrapped(`Total connu sur ${yearsWord}${NBSP}: ${formatAmount(tc.montant_connu)} (incomplet)`, "  ", paint, "yellow"));
  for (const l of result.avant_contrat) {
    const amount = l.montant === null ? "inconnu" : formatAmount(l.montant);
    out.push(...wrapped(`${l.libelle} (avant le contrat)${NBSP}: ${amount} ${notes.origin(l, l.mention)}`, "  ", paint));
  }
  const { aci_2019, avenant_2 } = result.maximum;
  const maxFigure = avenant_2.montant !== null ? avenant_2 : aci_2019;
  const maxLabel = avenant_2.montant !== null ? `avenant${NBSP}2` : "ACI 2019, avenant 2 inconnu";
  const refs = [notes.origin(maxFigure, undefined)];
  if (maxFigure !== avenant_2) refs.push(notes.ref(`${avenant_2.note ?? `Montant maximal de l’avenant${NBSP}2${NBSP}: inconnu.`}${notes.cite(avenant_2.source)}`));
  const maxAmount = maxFigure.montant === null ? "inconnu" : formatAmount(maxFigure.montant);
  out.push(...wrapped(`Montant annuel maximal (${maxLabel})${NBSP}: ${maxAmount} ${refs.join(" ")}`, "  ", paint));
  if (result.depassement_maximum !== null) out.push(...wrapped(result.depassement_maximum, "  ", paint, "red"));
  return out;
}

/** The notes, the remarks of the simulation other than the overrun already printed, and the sources. */
function noteLines(result: FinancingResult, notes: Notes, paint: (cell: Cell) => string): string[] {
  const out: string[] = [];
  if (notes.texts.length > 0) {
    out.push("");
    notes.texts.forEach((f, i) => out.push(...wrapped(`(${i + 1}) ${f}`, " ".repeat(width(`(${i + 1}) `)), paint)));
  }
  const otherNotes = result.notes.filter((n) => n !== result.depassement_maximum);
  if (otherNotes.length > 0) {
    out.push("", paint({ text: "À savoir", style: "bold" }));
    for (const n of otherNotes) out.push(...wrapped(`– ${n}`, "  ", paint));
  }
  if (notes.sources.length > 0) {
    out.push("", paint({ text: "Sources", style: "bold" }));
    notes.sources.forEach((s, i) => out.push(...wrapped(`[${i + 1}] ${s}`, " ".repeat(width(`[${i + 1}] `)), paint)));
    const cut = notes.sources.some((s) => !/\s/.test(s) && width(`[${notes.sources.length}] ${s}`) > FINANCING_WIDTH);
    if (cut) out.push(...wrapped("Les adresses coupées en fin de ligne sont entières dans la sortie --json.", "", paint, "dim"));
  }
  return out;
}

/** The simulation as French text for the terminal, within 80 columns; ANSI colours only when `color` is true. */
export function formatFinancingTable(result: FinancingResult, options: { color: boolean }): string {
  const s: Style = terminalStyle(options.color);
  const paint = (cell: Cell): string => (cell.style ? s[cell.style](cell.text) : cell.text);
  const groups = yearGroups(result);
  const byCode = linesByCode(result);
  const notes = new Notes();
  const header: Row = { label: { text: "Ligne" }, amounts: groups.map((g) => ({ text: yearsLabel(g.from, g.to) })), refs: { text: "" } };
  const rows = bodyRows(byCode, groups, notes);
  const total = totalRow(result, byCode, groups, notes);
  const t = ACI_DATA.taille(result.taille);
  const years = `${result.annees}${NBSP}année${result.annees > 1 ? "s" : ""}`;
  const title = `Financement ACI simulé${NBSP}: ${t.libelle.toLowerCase()} (${t.libelle_population}), ${years} de contrat`;
  const tables = layouts(header, [...rows, total]).flatMap(({ groups: shown, layout }) => ["", ...tableLines(header, rows, total, shown, layout, paint)]);
  return [...wrapped(title, "", paint, "bold"), ...tables, "", ...summaryLines(result, notes, paint), ...noteLines(result, notes, paint)].join("\n") + "\n";
}

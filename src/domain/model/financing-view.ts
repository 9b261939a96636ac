/**
 * The financing simulation (financing.ts) laid out for a document: one row per line, one column
 * per group of contract years with the same amounts, footnote marks for the remarks, totals in
 * words. Amounts come only from the simulator: unknown ones stay unknown.
 */
import { ACI_DATA, type MissionCode, type Taille } from "../aci.js";
import { NBSP, formatAmount, numberInWords } from "../../french/index.js";
import { MENTION_CONTRAT_EXEMPLE, type FinancingLine, type FinancingResult, type FinancingTotal, simulateFinancing } from "../financing.js";

export interface FinancingCell {
  texte: string;
}

export interface FinancingRow {
  code: string;
  libelle: string;
  /** One cell per column group. */
  montants: FinancingCell[];
  /** Footnote marks « (1) (3) », empty when none. */
  renvois: string;
  /** « à confirmer », « montant fixé par le contrat, à confirmer auprès de la CPAM »… */
  mention: string | undefined;
  /** A line shown for information and not added to the totals. */
  hors_total: boolean;
}

export interface FinancingYearRow {
  libelle: string;
  montant_texte: string;
  mention: string | undefined;
  hors_total: boolean;
}

export interface FinancingYearView {
  annee: number;
  libelle: string;
  lignes: FinancingYearRow[];
  total: string;
}

export interface FinancingView {
  taille: Taille;
  taille_libelle: string;
  annees: number;
  /** « 5 ans ». */
  duree_texte: string;
  colonnes: { libelle: string }[];
  lignes: FinancingRow[];
  totaux: FinancingCell[];
  /** Footnotes: « (1) » and its text. */
  renvois: { numero: string; texte: string }[];
  /** The same amounts, year by year. */
  par_annee: FinancingYearView[];
  total_contrat: string;
  total_complet: boolean;
  avant_contrat: { libelle: string; montant_texte: string; mention: string | undefined }[];
  /** « Montant annuel maximal pour la taille 2 (ACI 2019) : 287 000 € ; … ». */
  maximum: string | undefined;
  depassement: string | undefined;
  notes: string[];
}

/** A tool instruction the simulator adds for its command-line users; documents leave it out. */
const TOOL_INSTRUCTION = /\s*;\s*une fois le contrat signé, saisir ses montants \(financement\.contrat\) pour les compléter/u;

/** « à confirmer » → « À confirmer. » */
function sentence(text: string): string {
  const t = `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

function amountText(line: FinancingLine | undefined): string {
  if (!line) return "—";
  return line.montant === null ? "non connu" : formatAmount(line.montant);
}

function totalText(total: FinancingTotal): string {
  if (total.complet) return formatAmount(total.montant);
  return total.montant_connu > 0 ? `${formatAmount(total.montant_connu)} + montants non connus` : "non connu";
}

function yearsLabel(from: number, to: number): string {
  if (from === to) return `Année${NBSP}${from} du contrat`;
  if (to === from + 1) return `Années ${from} et ${to} du contrat, chaque année`;
  return `Années ${from} à ${to} du contrat, chaque année`;
}

export function financingView(
  taille: Taille,
  missions: readonly MissionCode[],
  contrat: { fonctionnement?: number; missions?: Record<string, { fixe?: number; variable?: number } | undefined> } | undefined,
  dates: { signature?: string; validation_lettre?: string; renouvellement?: boolean; existante?: boolean } = {},
): FinancingView {
  const result: FinancingResult = simulateFinancing({ taille, missions: [...missions], ...(contrat ? { contrat } : {}), ...dates });

  // Group consecutive years with identical lines.
  const signature = (i: number) => JSON.stringify(result.par_annee[i]!.lignes.map((l) => [l.code, l.montant]));
  const groups: { from: number; to: number; index: number }[] = [];
  result.par_annee.forEach((year, i) => {
    const last = groups[groups.length - 1];
    if (last && signature(last.index) === signature(i)) last.to = year.annee;
    else groups.push({ from: year.annee, to: year.annee, index: i });
  });

  const codes: string[] = [];
  const byCode = new Map<string, FinancingLine>();
  for (const year of result.par_annee) {
    for (const l of year.lignes) {
      if (!byCode.has(l.code)) {
        codes.push(l.code);
        byCode.set(l.code, l);
      }
    }
  }

  const notes: string[] = [];
  const mark = (text: string): string => {
    let i = notes.indexOf(text);
    if (i < 0) i = notes.push(text) - 1;
    return `(${i + 1})`;
  };

  const lignes: FinancingRow[] = codes.map((code) => {
    const l = byCode.get(code)!;
    const marks: string[] = [];
    if (l.mention !== undefined && l.origine !== "contrat") marks.push(mark(sentence(l.mention)));
    if (l.origine === "contrat" && l.mention === MENTION_CONTRAT_EXEMPLE)
      marks.push(mark(`Donnée d’exemple${NBSP}: montant d’un contrat inventé pour l’illustration, pas celui d’un contrat signé.`));
    if (l.condition !== undefined) marks.push(mark(sentence(l.condition)));
    if (!l.compte_dans_total) marks.push(mark("Montant présenté pour information, non compté dans les totaux."));
    return {
      code,
      libelle: l.libelle,
      montants: groups.map((g) => ({ texte: amountText(result.par_annee[g.index]!.lignes.find((x) => x.code === code)) })),
      renvois: marks.join(" "),
      mention: l.mention,
      hors_total: !l.compte_dans_total,
    };
  });

  const par_annee: FinancingYearView[] = result.par_annee.map((year) => ({
    annee: year.annee,
    libelle: `Année${NBSP}${year.annee}`,
    lignes: year.lignes.map((l) => ({
      libelle: l.libelle,
      montant_texte: amountText(l),
      mention: l.mention,
      hors_total: !l.compte_dans_total,
    })),
    total: totalText(year.total),
  }));

  const t = ACI_DATA.taille(taille);
  const max2 = result.maximum.avenant_2;
  const max2019 = result.maximum.aci_2019;
  let maximum: string | undefined;
  if (max2.montant !== null) {
    maximum = `Montant annuel maximal de l’ACI pour la ${t.libelle.toLowerCase()} (avenant${NBSP}2)${NBSP}: ${formatAmount(max2.montant)}.`;
  } else if (max2019.montant !== null) {
    maximum =
      `Montant annuel maximal de l’ACI pour la ${t.libelle.toLowerCase()}${NBSP}: ${formatAmount(max2019.montant)} dans l’accord de 2019${NBSP}; ` +
      `l’avenant${NBSP}2 a relevé les financements, mais son maximum pour cette taille n’est pas connu.`;
  }

  const total = result.total_contrat;
  const duree = `${numberInWords(result.annees)}${NBSP}an${result.annees > 1 ? "s" : ""}`;
  return {
    taille,
    taille_libelle: t.libelle.toLowerCase(),
    annees: result.annees,
    duree_texte: duree,
    colonnes: groups.map((g) => ({ libelle: yearsLabel(g.from, g.to) })),
    lignes,
    totaux: groups.map((g) => ({ texte: totalText(result.par_annee[g.index]!.total) })),
    renvois: notes.map((texte, i) => ({ numero: `(${i + 1})`, texte })),
    par_annee,
    total_contrat: total.complet
      ? `${formatAmount(total.montant)} sur ${duree}`
      : `${formatAmount(total.montant_connu)} connus sur ${duree}, total incomplet`,
    total_complet: total.complet,
    avant_contrat: result.avant_contrat.map((l) => ({ libelle: l.libelle, montant_texte: amountText(l), mention: l.mention })),
    maximum,
    depassement: result.depassement_maximum ?? undefined,
    notes: result.notes.filter((n) => n !== result.depassement_maximum).map((n) => n.replace(TOOL_INSTRUCTION, "")),
  };
}

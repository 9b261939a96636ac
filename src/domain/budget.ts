/**
 * The budget prévisionnel of a CPTS: charges and produits for each contract year, and the balance
 * of each year. Pure. Amounts come from the project file (`budget`), the ACI simulator (or the
 * signed contract's figures) and the association's cotisation; an amount nobody gave stays
 * unknown (`null`) and makes the totals and the balance of its year unknown, never zero.
 */
import { NBSP, formatAmount, formatDate } from "../french/index.js";
import type { Budget, LigneBudget, Project } from "../project/index.js";
import { ACI_DATA, type MissionCode, type Taille } from "./aci.js";
import { addMonths, isValidIsoDate } from "./calendar.js";
import { MENTION_OBSERVE, simulateFinancing, type ContractAmounts, type FinancingResult } from "./financing.js";
import { rulesAt } from "./timeline.js";

export type BudgetSide = "charges" | "produits";

export interface BudgetRow {
  /** `COORDINATION`, `INDEMNISATION`, `SYSTEME_INFORMATION`, `ACI_FONCTIONNEMENT`, `FIR`, `AUTRE_CHARGE_1`… */
  code: string;
  cote: BudgetSide;
  libelle: string;
  /** A short label for narrow tables (the terminal). */
  court: string;
  /** One amount per contract year; null where it is not known. */
  montants: (number | null)[];
  /** Where the amounts come from, as the reader should see it. */
  source: string | undefined;
  /** The figures are illustrations, not real data. */
  exemple: boolean;
  /** How the amount was computed (« 1 ETP × 42 000 € × 1,45 »), when it was. */
  calcul: string | undefined;
}

export interface BudgetTotal {
  /** Null when a counted row is unknown that year. */
  montant: number | null;
  /** Sum of the known rows. */
  connu: number;
  /** Labels of the rows unknown that year. */
  inconnus: string[];
}

export interface BudgetYear {
  annee: number;
  /** Start of the contract year, when the signature date is known. */
  debut: string | null;
  charges: BudgetTotal;
  produits: BudgetTotal;
  /** Produits minus charges; null when either side is unknown. */
  solde: number | null;
  etat: "equilibre" | "excedent" | "deficit" | "inconnu";
}

export interface BudgetResult {
  renseigne: boolean;
  annees: number;
  charges: BudgetRow[];
  produits: BudgetRow[];
  par_annee: BudgetYear[];
  /** The cap of D1434-44 per professional and year, and how the budget stands against it. */
  plafond_indemnisation: {
    regle: string;
    /** One entry per contract year: the cap of that year (null when unknown) and whether it is exceeded. */
    annees: { annee: number; annee_civile: number | null; plafond: number | null; depasse: boolean | null }[];
    maximum_par_professionnel: number | null;
    source: string[];
  };
  /** Public funding of each year against the statutory auditor threshold, when the project gives it. */
  commissaire_aux_comptes: {
    seuil: number | null;
    seuil_source: string | null;
    /** FIR and other subsidies each year; ACI counted apart (whether it counts is not settled here). */
    financements_publics: (number | null)[];
    requis: boolean | null;
    prevu: boolean;
    texte: string;
  };
  notes: string[];
}

const MAX_YEARS = 10;

/** Amounts of a budget line for each year: `par_annee` first, then the annual `montant`. */
function lineAmounts(l: { montant?: number; par_annee?: (number | null)[] } | undefined, years: number): (number | null)[] {
  return Array.from({ length: years }, (_, i) => {
    if (l?.par_annee !== undefined) return l.par_annee[i] ?? null;
    return l?.montant ?? null;
  });
}

/**
 * A budget line. A fixed post (système d’information…) keeps its name as label, the line’s own
 * wording going to the detail; an item of a list (autres charges, subventions) is named by it.
 */
function rowFromLine(code: string, cote: BudgetSide, post: { libelle: string; court: string } | null, l: LigneBudget | undefined, years: number): BudgetRow {
  const own = l?.libelle?.trim();
  const detail = [post ? own : undefined, l?.commentaire?.trim()].filter((x): x is string => !!x).join(" ; ");
  const libelle = post?.libelle ?? own ?? code;
  return {
    code,
    cote,
    libelle,
    court: post?.court ?? libelle,
    montants: lineAmounts(l, years),
    source: l?.source,
    exemple: l?.exemple === true,
    calcul: detail || undefined,
  };
}

function percent(n: number): string {
  return `${String(n).replace(".", ",")}${NBSP}%`;
}

function decimal(n: number): string {
  return String(n).replace(".", ",");
}

/** [0.5, 1, 1, 1, 1] → « 0,5 ETP (année 1), 1 ETP (années 2 à 5) ». */
function fteRuns(values: readonly number[]): string {
  const runs: { value: number; from: number; to: number }[] = [];
  values.forEach((v, i) => {
    const last = runs[runs.length - 1];
    if (last && last.value === v) last.to = i + 1;
    else runs.push({ value: v, from: i + 1, to: i + 1 });
  });
  return runs
    .map((r) => `${decimal(r.value)}${NBSP}ETP (${r.from === r.to ? `année${NBSP}${r.from}` : `années ${r.from} à ${r.to}`})`)
    .join(", ");
}

function coordinationRow(b: Budget, years: number): BudgetRow {
  const c = b.coordination ?? {};
  const fte = (i: number): number | null => c.etp_par_annee?.[i] ?? c.etp ?? null;
  const montants = Array.from({ length: years }, (_, i) => {
    const e = fte(i);
    if (e === null || c.salaire_brut_annuel === undefined || c.charges_patronales_pourcentage === undefined) return null;
    return Math.round(e * c.salaire_brut_annuel * (1 + c.charges_patronales_pourcentage / 100));
  });
  const parts: string[] = ["salaire brut et charges patronales"];
  if (c.etp_par_annee) parts.push(fteRuns(c.etp_par_annee));
  else if (c.etp !== undefined) parts.push(`${decimal(c.etp)}${NBSP}ETP`);
  if (c.salaire_brut_annuel !== undefined) parts.push(`salaire brut de ${formatAmount(c.salaire_brut_annuel)} par an pour un temps plein`);
  if (c.charges_patronales_pourcentage !== undefined) parts.push(`charges patronales de ${percent(c.charges_patronales_pourcentage)}`);
  return {
    code: "COORDINATION",
    cote: "charges",
    libelle: "Coordination",
    court: "Coordination",
    montants,
    source: c.source,
    exemple: c.exemple === true,
    calcul: parts.length ? parts.join(", ") : undefined,
  };
}

function indemnisationRow(b: Budget, years: number): BudgetRow {
  const ind = b.indemnisation;
  const parts: string[] = ["indemnités et rémunérations des professionnels membres (article D1434-44 du code de la santé publique)"];
  if (ind?.libelle) parts.push(ind.libelle.trim());
  if (ind?.professionnels !== undefined) parts.push(`${ind.professionnels}${NBSP}professionnels`);
  if (ind?.maximum_par_professionnel !== undefined) parts.push(`au plus ${formatAmount(ind.maximum_par_professionnel)} par professionnel et par an`);
  return {
    code: "INDEMNISATION",
    cote: "charges",
    libelle: "Indemnités des membres",
    court: "Indemnités membres",
    montants: lineAmounts(ind, years),
    source: ind?.source,
    exemple: ind?.exemple === true,
    calcul: parts.length ? parts.join(", ") : undefined,
  };
}

/** ACI produits from the simulator: fonctionnement, then the missions (variable parts at the expected share). */
function aciRows(result: FinancingResult | undefined, share: number | undefined, years: number, fromContract: boolean, exemple: boolean): BudgetRow[] {
  if (!result) {
    const unknown = Array.from({ length: years }, () => null);
    return [
      { code: "ACI_FONCTIONNEMENT", cote: "produits", libelle: "ACI, fonctionnement", court: "ACI fonctionnement", montants: unknown, source: undefined, exemple: false, calcul: undefined },
      { code: "ACI_MISSIONS", cote: "produits", libelle: "ACI, missions", court: "ACI missions", montants: [...unknown], source: undefined, exemple: false, calcul: undefined },
    ];
  }
  const pct = share ?? 100;
  const fonct: (number | null)[] = [];
  const missions: (number | null)[] = [];
  for (let i = 0; i < years; i++) {
    const y = result.par_annee[i];
    if (!y) {
      fonct.push(null);
      missions.push(null);
      continue;
    }
    const f = y.lignes.find((l) => l.code === "FONCTIONNEMENT");
    fonct.push(f?.montant ?? null);
    let sum: number | null = 0;
    for (const l of y.lignes) {
      if (!l.compte_dans_total || l.mission === undefined) continue;
      if (l.montant === null) {
        sum = null;
        break;
      }
      sum += l.part === "variable" ? Math.round((l.montant * pct) / 100) : l.montant;
    }
    missions.push(sum);
  }
  const source = fromContract ? "contrat ACI signé" : "montants de référence de l’ACI pour la taille de la communauté";
  // Per-mission amounts observed in two contracts are not the ACI's text: the budget line says so, as the ACI detail does.
  const observed = !fromContract && result.par_annee.some((y) => y.lignes.some((l) => l.mission !== undefined && l.mention === MENTION_OBSERVE));
  const missionsSource = observed ? `montants relevés dans deux contrats de taille${NBSP}3, pas dans le texte de l’ACI (détail des financements de l’ACI)` : source;
  return [
    { code: "ACI_FONCTIONNEMENT", cote: "produits", libelle: "ACI, fonctionnement", court: "ACI fonctionnement", montants: fonct, source, exemple, calcul: undefined },
    {
      code: "ACI_MISSIONS",
      cote: "produits",
      libelle: "ACI, missions",
      court: "ACI missions",
      montants: missions,
      source: missionsSource,
      exemple,
      calcul: `parts fixes, et parts variables comptées ${pct === 100 ? "à leur montant maximal" : `à ${percent(pct)} de leur maximum`}`,
    },
  ];
}

function cotisationsRow(p: Project, b: Budget, years: number): BudgetRow {
  const c = b.cotisations;
  const unit = p.association?.cotisation?.montant;
  let amount: number | null = null;
  let calcul: string | undefined;
  if (c?.montant !== undefined) amount = c.montant;
  else if (c?.membres !== undefined && unit !== undefined) {
    amount = c.membres * unit;
    // With categories exempt (association.membres.categories), the count is of those who pay.
    const exempt = (p.association?.membres?.categories ?? []).some((x) => x.dispensee_de_cotisation === true);
    calcul = `${c.membres}${NBSP}membres ${exempt ? "cotisants " : ""}× ${formatAmount(unit)}`;
  }
  return {
    code: "COTISATIONS",
    cote: "produits",
    libelle: "Cotisations",
    court: "Cotisations",
    montants: Array.from({ length: years }, () => amount),
    source: c?.source,
    exemple: c?.exemple === true,
    calcul,
  };
}

function total(rows: readonly BudgetRow[], i: number): BudgetTotal {
  let connu = 0;
  const inconnus: string[] = [];
  for (const r of rows) {
    const v = r.montants[i];
    if (v === null || v === undefined) inconnus.push(r.libelle);
    else connu += v;
  }
  return { montant: inconnus.length ? null : connu, connu, inconnus };
}

/** Contract years start on the signature's anniversary; without a signature, no calendar date. */
function yearStart(signature: string | undefined, i: number): string | null {
  return signature !== undefined && isValidIsoDate(signature) ? addMonths(signature, 12 * i) : null;
}

function capSection(b: Budget, years: number, signature: string | undefined, documentDate: string | undefined): BudgetResult["plafond_indemnisation"] {
  const lastKnownYear = documentDate !== undefined && isValidIsoDate(documentDate) ? Number(documentDate.slice(0, 4)) : Infinity;
  const max = b.indemnisation?.maximum_par_professionnel ?? null;
  const sources = new Set<string>();
  let regle = "Pour chaque professionnel et chaque année civile, le total des indemnités et rémunérations versées par la CPTS ne dépasse pas le plafond annuel de la sécurité sociale (article D1434-44 du code de la santé publique).";
  const annees = Array.from({ length: years }, (_, i) => {
    const start = yearStart(signature, i);
    if (start === null) return { annee: i + 1, annee_civile: null, plafond: null, depasse: null };
    const rules = rulesAt(start).indemnisation;
    if (rules.plafond) {
      regle = rules.plafond.regle.replace("(article L241-3", "(article D1434-44 du code de la santé publique, plafond de l’article L241-3");
      for (const s of rules.plafond.source) sources.add(s);
    }
    const cap = Number(start.slice(0, 4)) > lastKnownYear ? null : (rules.plafond?.montant ?? null);
    return { annee: i + 1, annee_civile: Number(start.slice(0, 4)), plafond: cap, depasse: cap === null || max === null ? null : max > cap };
  });
  return { regle, annees, maximum_par_professionnel: max, source: [...sources] };
}

function auditorSection(b: Budget, produits: readonly BudgetRow[], charges: readonly BudgetRow[], years: number): BudgetResult["commissaire_aux_comptes"] {
  const publicRows = produits.filter((r) => r.code === "FIR" || r.code.startsWith("SUBVENTION"));
  const financements_publics = Array.from({ length: years }, (_, i) => total(publicRows, i).montant);
  const seuil = b.seuil_commissaire_aux_comptes?.montant ?? null;
  const seuilSource = b.seuil_commissaire_aux_comptes?.source ?? null;
  const prevu = charges.some((r) => r.code === "COMMISSAIRE_AUX_COMPTES" && r.montants.some((m) => m !== null && m > 0));
  let requis: boolean | null = null;
  let texte: string;
  if (seuil === null) {
    texte =
      `Au-delà d’un montant annuel de subventions publiques fixé par la loi, une association doit nommer un commissaire aux comptes. ` +
      `Ce seuil ne figure pas dans les sources de l’outil${NBSP}: il n’est pas vérifié ici (à indiquer, avec le texte qui le fixe, dans budget.seuil_commissaire_aux_comptes).`;
  } else {
    const over = financements_publics.some((v) => v !== null && v > seuil);
    const unknown = financements_publics.some((v) => v === null);
    requis = over ? true : unknown ? null : false;
    texte =
      `Seuil de nomination d’un commissaire aux comptes${NBSP}: ${formatAmount(seuil)} de subventions publiques par an (${seuilSource}). ` +
      (over
        ? `Le FIR et les subventions le dépassent au moins une année${NBSP}: un commissaire aux comptes est à nommer.`
        : unknown
          ? `Les subventions d’au moins une année ne sont pas connues${NBSP}: la comparaison reste à faire.`
          : `Le FIR et les subventions prévus restent en dessous chaque année.`) +
      ` Les financements de l’ACI, versés par l’Assurance Maladie, ne sont pas comptés ici${NBSP}: leur prise en compte est à vérifier avec l’expert-comptable.`;
  }
  return { seuil, seuil_source: seuilSource, financements_publics, requis, prevu, texte };
}

export interface BudgetOptions {
  taille: Taille | undefined;
  missions: readonly MissionCode[];
  /** The date of the document that prints the budget: a plafond of a later year was not published yet. */
  documentDate?: string | undefined;
}

/** The budget of the project, year by year over the contract (or `budget.annees`). */
export function computeBudget(p: Project, options: BudgetOptions): BudgetResult {
  const b: Budget = p.budget ?? {};
  const years = Math.min(MAX_YEARS, b.annees ?? ACI_DATA.dureeContratAnnees());
  const renewal = p.calendrier?.actualisation_projet_sante?.motif === "renouvellement_contrat";
  // A renewal budgets the next contract: the first one's signature does not anchor its years.
  const signature = renewal ? undefined : p.calendrier?.signature_aci;
  const contrat = p.financement?.contrat as (ContractAmounts & { exemple?: boolean }) | undefined;
  const validation = p.calendrier?.validation_lettre_intention;
  const sim = options.taille
    ? simulateFinancing({
        taille: options.taille,
        missions: options.missions,
        annees: years,
        ...(contrat ? { contrat } : {}),
        ...(signature && isValidIsoDate(signature) ? { signature } : {}),
        ...(validation && isValidIsoDate(validation) ? { validation_lettre: validation } : {}),
        ...(renewal ? { renouvellement: true } : {}),
        ...(p.calendrier?.actualisation_projet_sante ? { existante: true } : {}),
      })
    : undefined;
  const fromContract = contrat?.fonctionnement !== undefined && Object.keys(contrat.missions ?? {}).length > 0;

  const charges: BudgetRow[] = [
    coordinationRow(b, years),
    indemnisationRow(b, years),
    rowFromLine("SYSTEME_INFORMATION", "charges", { libelle: "Système d’information", court: "Système d’information" }, b.systeme_information, years),
    rowFromLine("LOCAUX", "charges", { libelle: "Locaux", court: "Locaux" }, b.locaux, years),
    rowFromLine("COMMUNICATION", "charges", { libelle: "Communication", court: "Communication" }, b.communication, years),
    rowFromLine("COMPTABILITE", "charges", { libelle: "Comptabilité", court: "Comptabilité" }, b.comptabilite, years),
  ];
  if (b.commissaire_aux_comptes)
    charges.push(rowFromLine("COMMISSAIRE_AUX_COMPTES", "charges", { libelle: "Commissaire aux comptes", court: "Commissaire comptes" }, b.commissaire_aux_comptes, years));
  (b.autres_charges ?? []).forEach((l, i) => charges.push(rowFromLine(`AUTRE_CHARGE_${i + 1}`, "charges", null, l, years)));

  const produits: BudgetRow[] = [
    ...aciRows(sim, b.aci_part_variable_pourcentage, years, fromContract, contrat?.exemple === true),
    rowFromLine("FIR", "produits", { libelle: "FIR de l’ARS", court: "FIR" }, b.fir, years),
  ];
  (b.subventions ?? []).forEach((l, i) => produits.push(rowFromLine(`SUBVENTION_${i + 1}`, "produits", null, l, years)));
  produits.push(cotisationsRow(p, b, years));
  (b.autres_produits ?? []).forEach((l, i) => produits.push(rowFromLine(`AUTRE_PRODUIT_${i + 1}`, "produits", null, l, years)));

  const par_annee: BudgetYear[] = Array.from({ length: years }, (_, i) => {
    const c = total(charges, i);
    const pr = total(produits, i);
    const solde = c.montant === null || pr.montant === null ? null : pr.montant - c.montant;
    return {
      annee: i + 1,
      debut: yearStart(signature, i),
      charges: c,
      produits: pr,
      solde,
      etat: solde === null ? "inconnu" : solde === 0 ? "equilibre" : solde > 0 ? "excedent" : "deficit",
    };
  });

  const notes: string[] = [];
  if (signature && isValidIsoDate(signature)) {
    notes.push(`Années de contrat à compter de la signature du ${formatDate(signature)}${NBSP}: l’année${NBSP}1 commence ce jour-là.`);
  } else {
    notes.push(`Années comptées à partir de la signature du contrat${NBSP}; elles ne sont pas rattachées à des années civiles.`);
  }
  if (sim) for (const r of sim.regles_date.raisons) notes.push(r);
  if (!options.taille) notes.push(`Sans territoire, la taille de la CPTS et donc les montants de l’ACI ne sont pas connus.`);
  return {
    renseigne: p.budget !== undefined,
    annees: years,
    charges,
    produits,
    par_annee,
    plafond_indemnisation: capSection(b, years, signature, options.documentDate),
    commissaire_aux_comptes: auditorSection(b, produits, charges, years),
    notes,
  };
}

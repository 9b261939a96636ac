/**
 * Financing simulator: what an ACI contract pays a CPTS each contract year, line by line, with
 * the provenance of every amount. Amounts the sources do not give stay unknown (`montant: null`)
 * and make the totals incomplete; amounts a CPTS entered from its signed contract replace the
 * reference figures and are labelled « contrat ». The result is plain data (JSON-serialisable).
 */
import {
  ACI_DATA,
  ACI_MISSIONS,
  type AciVersion,
  type Figure,
  type MissionCode,
  type Taille,
  isMissionCode,
  isTaille,
  missionInfo,
} from "./aci.js";
import { NBSP, formatAmount, formatDate, quote } from "../french/index.js";
import { addMonths, isValidIsoDate } from "./calendar.js";

/** Amounts copied by a CPTS from its own signed contract (euros per year). */
export interface ContractAmounts {
  /** The figures are illustrations (an example project), not those of a signed contract. */
  exemple?: boolean;
  fonctionnement?: number;
  missions?: { [code: string]: { fixe?: number; variable?: number } | undefined };
}

export interface FinancingInput {
  taille: Taille;
  missions: readonly MissionCode[];
  /** Number of contract years to show; defaults to the ACI contract length (5). */
  annees?: number;
  contrat?: ContractAmounts;
  /**
   * Signature of the contract (done or planned), `YYYY-MM-DD`: the amounts of that date apply,
   * and the avenant 2 top-ups are shown only where a contract signed then is eligible. Without
   * it, every top-up is shown apart with its condition.
   */
  signature?: string;
  /** Validation of the lettre d’intention: the start-up payment exists only when it is on or after avenant 2. */
  validation_lettre?: string;
  /** A new contract for a CPTS whose first one ends: no lettre d’intention, no first-signature credits. */
  renouvellement?: boolean;
  /** The CPTS exists already (it updates its projet de santé): its lettre d’intention is long validated. */
  existante?: boolean;
}

export interface FinancingLine extends Figure {
  /** `FONCTIONNEMENT`, `AMORCAGE`, `ACCES_FIXE`, `ACCES_VARIABLE`… */
  code: string;
  libelle: string;
  mission?: MissionCode;
  part?: "fixe" | "variable";
  /** Short French remark for the reader (« à confirmer », « contrat »…). */
  mention?: string;
  /** False for conditional amounts (crisis activation, amorçage) shown beside the totals. */
  compte_dans_total: boolean;
}

export type FinancingTotal =
  | {
      complet: true;
      montant: number;
      montant_connu: number;
      lignes_inconnues: string[];
      /** Codes of counted lines whose amount is not confirmed (uncertain or single source). */
      lignes_non_confirmees: string[];
    }
  | {
      complet: false;
      /** Null: at least one counted line is unknown. */
      montant: null;
      /** Sum of the known counted lines. */
      montant_connu: number;
      /** Codes of the counted lines whose amount is unknown. */
      lignes_inconnues: string[];
      lignes_non_confirmees: string[];
    };

export interface FinancingYear {
  annee: number;
  lignes: FinancingLine[];
  total: FinancingTotal;
}

export interface FinancingResult {
  taille: Taille;
  annees: number;
  missions: MissionCode[];
  par_annee: FinancingYear[];
  /** Sum over all years, with the same completeness rule as a year total. */
  total_contrat: FinancingTotal;
  /** Paid before the contract (CNAM start-up amount at the validation of the LI). */
  avant_contrat: FinancingLine[];
  maximum: { aci_2019: Figure; avenant_2: Figure };
  /** Set when the known annual total exceeds the taille's maximum (see `compareToMaximum`). */
  depassement_maximum: string | null;
  /** What the table does not model, and what to check. */
  notes: string[];
  /** The dates the amounts were chosen for, and why top-ups are shown or left out. */
  regles_date: DateRules;
}

/** Which amounts a date calls for, and the reasons, in French. */
export interface DateRules {
  signature: string | null;
  validation_lettre: string | null;
  /** ACI version in force at the signature (null without a date, or before the ACI). */
  version: AciVersion | null;
  amorcage: "montre" | "masque" | "conditionnel";
  demarrage_lettre: "montre" | "masque" | "conditionnel";
  /** One sentence per decision, saying why. */
  raisons: string[];
}

export const MENTION_INCONNU = "montant fixé par le contrat, à confirmer auprès de la CPAM";
export const MENTION_A_CONFIRMER = "à confirmer";
export const MENTION_CONTRAT = "contrat";
export const MENTION_CONTRAT_EXEMPLE = "contrat, donnée d’exemple";
export const MENTION_OBSERVE = "relevé dans deux contrats de taille\u00a03, pas dans le texte de l’ACI";
export const MENTION_SOURCE_UNIQUE = "source unique, à confirmer";

const MAX_ANNEES = 10;

function tailleNumber(taille: Taille): string {
  return taille.slice(1);
}

function mentionFor(figure: Figure, isMission: boolean): string | undefined {
  if (figure.origine === "inconnu") return MENTION_INCONNU;
  if (figure.origine === "contrat") return figure.note === EXAMPLE_CONTRACT_NOTE ? MENTION_CONTRAT_EXEMPLE : MENTION_CONTRAT;
  if (figure.confiance === "incertain") return MENTION_A_CONFIRMER;
  if (figure.confiance === "source_unique") return isMission ? MENTION_OBSERVE : MENTION_SOURCE_UNIQUE;
  return undefined;
}

function checkAmount(value: number | undefined, what: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`Montant du contrat invalide pour ${what}\u00a0: ${String(value)}`);
  }
  return value;
}

const EXAMPLE_CONTRACT_NOTE = "Montant d’un contrat inventé pour l’exemple, pas celui d’un contrat signé.";

function contractFigure(montant: number, exemple = false): Figure {
  return { montant, origine: "contrat", confiance: "confirme", note: exemple ? EXAMPLE_CONTRACT_NOTE : "Montant saisi à partir du contrat signé." };
}

function line(
  base: Omit<FinancingLine, keyof Figure | "mention">,
  figure: Figure,
  isMission: boolean,
): FinancingLine {
  const out: FinancingLine = { ...base, ...figure };
  const mention = mentionFor(figure, isMission);
  if (mention !== undefined) out.mention = mention;
  return out;
}

function totalOf(lines: readonly FinancingLine[]): FinancingTotal {
  let known = 0;
  const unknown: string[] = [];
  const unconfirmed: string[] = [];
  for (const l of lines) {
    if (!l.compte_dans_total) continue;
    if (l.montant === null) {
      unknown.push(l.code);
      continue;
    }
    known += l.montant;
    if (l.origine === "reference" && l.confiance !== "confirme") unconfirmed.push(l.code);
  }
  if (unknown.length === 0) {
    return { complet: true, montant: known, montant_connu: known, lignes_inconnues: [], lignes_non_confirmees: unconfirmed };
  }
  return { complet: false, montant: null, montant_connu: known, lignes_inconnues: unknown, lignes_non_confirmees: unconfirmed };
}

function sumTotals(totals: readonly FinancingTotal[]): FinancingTotal {
  let known = 0;
  const unknown = new Set<string>();
  const unconfirmed = new Set<string>();
  for (const t of totals) {
    known += t.montant_connu;
    for (const c of t.lignes_inconnues) unknown.add(c);
    for (const c of t.lignes_non_confirmees) unconfirmed.add(c);
  }
  if (unknown.size === 0) {
    return { complet: true, montant: known, montant_connu: known, lignes_inconnues: [], lignes_non_confirmees: [...unconfirmed] };
  }
  return { complet: false, montant: null, montant_connu: known, lignes_inconnues: [...unknown], lignes_non_confirmees: [...unconfirmed] };
}

/**
 * A French note when `montantConnu` (a known annual total) exceeds the taille's maximum, null
 * otherwise. The avenant 2 maximum is used where it is known (taille 4); elsewhere only the ACI
 * 2019 maximum is known, and avenant 2 raised the amounts, so the note says so.
 */
export function compareToMaximum(taille: Taille, montantConnu: number): string | null {
  const n = tailleNumber(taille);
  const current = ACI_DATA.maximum(taille, "AVENANT_2");
  if (current.montant !== null) {
    if (montantConnu <= current.montant) return null;
    return (
      `Le total annuel connu (${formatAmount(montantConnu)}) dépasse le montant maximal de l’avenant${NBSP}2 pour la taille${NBSP}${n} ` +
      `(${formatAmount(current.montant)})${NBSP}: vérifier les montants saisis ou à confirmer.`
    );
  }
  const old = ACI_DATA.maximum(taille, "ACI_2019");
  if (old.montant === null || montantConnu <= old.montant) return null;
  return (
    `Le total annuel connu (${formatAmount(montantConnu)}) dépasse le montant maximal de l’ACI 2019 pour la taille${NBSP}${n} ` +
    `(${formatAmount(old.montant)}). L’avenant${NBSP}2 a relevé les financements, mais son maximum pour cette taille n’est pas connu${NBSP}: ` +
    `à confirmer auprès de la CPAM.`
  );
}

interface AnnualLines {
  lines: FinancingLine[];
  /** The fonctionnement copied from the signed contract, if any. */
  contractFonctionnement: number | undefined;
  /** Some mission amount is a figure observed in contracts, not in the ACI text. */
  usesObserved: boolean;
  hasUnknownMission: boolean;
  hasVariable: boolean;
}

/** The lines paid every contract year: the fonctionnement, then each mission's fixed and variable parts. */
function annualLines(taille: Taille, missions: readonly MissionCode[], contrat: ContractAmounts): AnnualLines {
  const annual: FinancingLine[] = [];
  const contractFonctionnement = checkAmount(contrat.fonctionnement, "le fonctionnement");
  annual.push(
    line(
      { code: "FONCTIONNEMENT", libelle: "Fonctionnement", compte_dans_total: true },
      contractFonctionnement !== undefined ? contractFigure(contractFonctionnement, contrat.exemple === true) : ACI_DATA.fonctionnement(taille),
      false,
    ),
  );

  let usesObserved = false;
  let hasUnknownMission = false;
  let hasVariable = false;
  for (const code of missions) {
    const info = missionInfo(code);
    const reference = ACI_DATA.missionAmounts(taille, code);
    const fromContract = contrat.missions?.[code];
    for (const part of ["fixe", "variable"] as const) {
      const entered = checkAmount(fromContract?.[part], `la part ${part} de la mission ${quote(info.libelle)}`);
      const figure = entered !== undefined ? contractFigure(entered, contrat.exemple === true) : reference[part];
      if (entered !== undefined && reference[part].condition !== undefined) {
        figure.condition = reference[part].condition;
      }
      if (figure.origine === "reference" && figure.confiance === "source_unique") usesObserved = true;
      if (figure.origine === "inconnu") hasUnknownMission = true;
      if (part === "variable") hasVariable = true;
      annual.push(
        line(
          {
            code: `${code}_${part.toUpperCase()}`,
            libelle: `${info.libelle}, part ${part === "fixe" ? "fixe" : "variable maximale"}`,
            mission: code,
            part,
            compte_dans_total: figure.condition === undefined,
          },
          figure,
          true,
        ),
      );
    }
  }
  return { lines: annual, contractFonctionnement, usesObserved, hasUnknownMission, hasVariable };
}

/**
 * Year 1 only: the avenant 2 amorçage majoration, shown apart (eligibility uncertain), with the
 * note that says why; none when a figure is unknown.
 */
function amorcageLine(taille: Taille, decision: "montre" | "conditionnel"): { line: FinancingLine; note: string } | undefined {
  const amorcage = ACI_DATA.amorcage(taille);
  const base = ACI_DATA.fonctionnement(taille);
  if (amorcage.montant === null || base.montant === null) return undefined;
  const extra = line(
    {
      code: "AMORCAGE",
      libelle: `Crédits d’amorçage éventuels de l’avenant${NBSP}2`,
      compte_dans_total: false,
    },
    { ...amorcage, montant: amorcage.montant - base.montant },
    false,
  );
  const note =
    `Année${NBSP}1${NBSP}: les crédits d’amorçage de l’avenant${NBSP}2 portent l’enveloppe de fonctionnement versée à la signature à ` +
      `${formatAmount(amorcage.montant)} au lieu de ${formatAmount(base.montant)}. Ils sont montrés à part et ne sont pas comptés ` +
      `dans les totaux${NBSP}: ` +
      (decision === "montre"
        ? `l’éligibilité de ce contrat, signé dans la période prévue par les textes de négociation, reste à confirmer, `
        : `les textes de négociation les réservaient aux CPTS ayant signé l’ACI avant le 31${NBSP}décembre 2021, `) +
      `et leur caractère ponctuel ou récurrent n’est pas connu. À confirmer auprès de la CPAM.`;
  return { line: extra, note };
}

/** What the table does not model, before the notes about the answers. */
function generalNotes(): string[] {
  return [
    `Montants annuels. Chaque année est présentée comme une année pleine, sans le prorata de la part fixe ` +
      `d’une mission qui démarre en cours d’année (75${NBSP}% de la part fixe versés au démarrage, au prorata jusqu’à la date ` +
      `anniversaire du contrat).`,
    `Le tableau donne les montants de chaque année de contrat, pas l’échéancier des versements (avances de 75${NBSP}% en début ` +
      `d’année, soldes à la date anniversaire après le dialogue de gestion avec l’ARS et la CPAM).`,
  ];
}

/** Notes about the answers: missions, contract amounts and the number of years. */
function answerNotes(
  taille: Taille,
  missions: readonly MissionCode[],
  contrat: ContractAmounts,
  annual: AnnualLines,
  years: { annees: number; duree: number },
  startUpShown: boolean,
): string[] {
  const { contractFonctionnement, usesObserved, hasUnknownMission, hasVariable } = annual;
  const { annees, duree } = years;
  const notes: string[] = [];
  if (hasVariable) {
    notes.push(
      `Les parts variables sont des montants maximaux${NBSP}: elles dépendent de l’atteinte des indicateurs fixés dans le contrat.`,
    );
  }
  if (missions.includes("CRISE")) {
    notes.push(
      `La part variable de la mission ${quote(missionInfo("CRISE").libelle)} n’est versée qu’en cas de crise sanitaire grave ` +
        `reconnue par l’ARS${NBSP}: elle n’est pas comptée dans les totaux.`,
    );
  }
  if (usesObserved) {
    notes.push(
      `Les montants par mission de la taille${NBSP}3 ont été relevés dans deux contrats de CPTS (5e${NBSP}année de contrat), pas dans le ` +
        `texte de l’ACI${NBSP}; ils sont repris à l’identique chaque année, faute de source sur leur évolution d’une année à l’autre.`,
    );
  }
  if (hasUnknownMission) {
    notes.push(
      `Des montants par mission ne sont pas connus pour la taille${NBSP}${tailleNumber(taille)}${NBSP}: ils sont fixés par le contrat. ` +
        `Les totaux sont donc incomplets${NBSP}; une fois le contrat signé, saisir ses montants (financement.contrat) pour les compléter.`,
    );
  }
  if (contractFonctionnement !== undefined) {
    notes.push(
      `Le fonctionnement vient du contrat${NBSP}: les éventuels crédits d’amorçage de l’avenant${NBSP}2 y figurent et ne sont pas ajoutés.`,
    );
  }
  for (const socle of ACI_MISSIONS.filter((m) => m.socle)) {
    if (!missions.includes(socle.code)) {
      notes.push(
        `La mission socle ${quote(socle.libelle)} n’est pas retenue${NBSP}: les quatre missions socles sont obligatoires dans le contrat ACI.`,
      );
    }
  }
  for (const key of Object.keys(contrat.missions ?? {})) {
    if (!isMissionCode(key)) {
      notes.push(`Code de mission inconnu dans les montants du contrat${NBSP}: ${quote(key)}, ignoré.`);
    } else if (!missions.includes(key)) {
      notes.push(
        `Des montants du contrat sont saisis pour la mission ${quote(missionInfo(key).libelle)}, qui n’est pas retenue${NBSP}: ils sont ignorés.`,
      );
    }
  }
  if (annees > duree) {
    notes.push(
      `Le contrat ACI est conclu pour ${duree}${NBSP}ans${NBSP}: les années suivantes supposent un renouvellement aux mêmes montants, qui n’est pas établi.`,
    );
  }
  notes.push(
    `L’aide de l’ARS (FIR) pour préparer le projet, variable selon la région, n’est pas dans le tableau` +
      (startUpShown ? `${NBSP}; le montant de démarrage versé à la validation de la lettre d’intention est présenté à part, avant le contrat.` : "."),
  );
  return notes;
}

function checkDate(value: string | undefined, what: string): string | null {
  if (value === undefined) return null;
  if (!isValidIsoDate(value)) throw new RangeError(`${what} invalide\u00a0: ${quote(String(value))} (format attendu AAAA-MM-JJ)`);
  return value;
}

/**
 * The amounts a date calls for. Amorçage credits: shown apart when the signature is on or before
 * the last eligible day of the negotiation texts, left out after it, conditional without a date.
 * Start-up payment at the lettre d’intention: it came with avenant 2, so a lettre validated before
 * has none (a contract signed before avenant 2 implies a lettre validated before it too).
 */
export function financingDateRules(
  taille: Taille,
  missions: readonly MissionCode[],
  signatureIn?: string,
  validationIn?: string,
  renewal = false,
  existing = false,
): DateRules {
  const signature = checkDate(signatureIn, "Date de signature du contrat");
  const validation = checkDate(validationIn, "Date de validation de la lettre d’intention");
  const avenant = ACI_DATA.versionDate("AVENANT_2");
  const aci2019 = ACI_DATA.versionDate("ACI_2019");
  const raisons: string[] = [];
  let version: AciVersion | null = null;
  if (signature !== null) {
    version = signature >= avenant ? "AVENANT_2" : signature >= aci2019 ? "ACI_2019" : null;
    raisons.push(
      version === "AVENANT_2"
        ? `Contrat signé le ${formatDate(signature)}${NBSP}: montants de l’ACI modifiée par l’avenant${NBSP}2 (en vigueur depuis le ${formatDate(avenant)}).`
        : version === "ACI_2019"
          ? `Contrat signé le ${formatDate(signature)}${NBSP}: montants de l’ACI de 2019 au départ${NBSP}; l’avenant${NBSP}2, en vigueur le ${formatDate(avenant)}, s’applique aux années suivantes.`
          : `Le ${formatDate(signature)}, l’ACI des CPTS n’était pas encore en vigueur (${formatDate(aci2019)})${NBSP}: montants de l’ACI de 2019, appliqués dès son entrée en vigueur.`,
    );
  }
  const lastDay = ACI_DATA.amorcageSignatureAuPlusTard(taille);
  let amorcage: DateRules["amorcage"] = "conditionnel";
  if (renewal && signature === null && lastDay !== undefined) {
    amorcage = "masque";
    raisons.push(
      `Renouvellement du contrat${NBSP}: les crédits d’amorçage de l’avenant${NBSP}2, que les textes de négociation réservaient aux CPTS ayant signé l’ACI au plus tard le ${formatDate(lastDay)}, ne s’appliquent pas à un nouveau contrat signé après cette date.`,
    );
  } else if (signature !== null && lastDay !== undefined) {
    amorcage = signature <= lastDay ? "montre" : "masque";
    // When shown, the amorçage line's own note says why; a hidden line needs the reason here.
    if (amorcage === "masque")
      raisons.push(
        `Crédits d’amorçage de l’avenant${NBSP}2 non montrés${NBSP}: les textes de négociation les réservaient aux CPTS ayant signé l’ACI au plus tard le ${formatDate(lastDay)}, et ce contrat est signé après.`,
      );
  } else if (validation !== null && lastDay !== undefined && validation > lastDay) {
    // The contract follows the letter's validation: a letter validated after the last day rules the amorçage out.
    amorcage = "masque";
    raisons.push(
      `Crédits d’amorçage de l’avenant${NBSP}2 non montrés${NBSP}: les textes de négociation les réservaient aux CPTS ayant signé l’ACI au plus tard le ${formatDate(lastDay)}, ` +
        `et le contrat de cette communauté suit la validation de sa lettre d’intention, le ${formatDate(validation)}.`,
    );
  }
  let demarrage: DateRules["demarrage_lettre"] = "conditionnel";
  const reference = validation ?? (signature !== null && signature < avenant ? signature : null);
  if (renewal || existing) {
    demarrage = "masque";
    raisons.push(
      `${renewal ? "Renouvellement du contrat" : "CPTS existante"}${NBSP}: le montant de démarrage est versé à la validation de la lettre d’intention d’une CPTS en création${NBSP}; il ne concerne pas cette communauté.`,
    );
  } else if (reference !== null) {
    demarrage = reference >= avenant ? "montre" : "masque";
    const what = validation !== null ? `Lettre d’intention validée le ${formatDate(validation)}` : `Contrat signé le ${formatDate(reference)}, donc lettre d’intention validée avant`;
    raisons.push(
      demarrage === "montre"
        ? `${what}${NBSP}: le montant de démarrage de l’avenant${NBSP}2 (en vigueur depuis le ${formatDate(avenant)}) s’applique.`
        : `${what}${NBSP}: le montant de démarrage versé à la validation de la lettre d’intention n’existait pas encore (avenant${NBSP}2, en vigueur le ${formatDate(avenant)})${NBSP}; il ne s’applique pas.`,
    );
  }
  const crise = ACI_MISSIONS.find((m) => m.code === "CRISE");
  if (signature !== null && crise && missions.includes("CRISE") && signature < crise.valid_from) {
    raisons.push(
      `La mission ${quote(crise.libelle)} a été ajoutée par l’avenant${NBSP}2 (${formatDate(crise.valid_from)}), après la signature du contrat${NBSP}: ` +
        `ses montants ne sont comptés qu’à partir de la première année de contrat qui commence après cette date.`,
    );
  }
  return { signature, validation_lettre: validation, version, amorcage, demarrage_lettre: demarrage, raisons };
}

/**
 * Simulates the ACI financing of a CPTS for each contract year (1..annees). Each line carries its
 * provenance; a total is a number only when every counted line is known. Conditional amounts (the
 * crisis-activation variable part, the avenant 2 amorçage majoration) are shown but not counted.
 * Throws a RangeError for an unknown taille or mission, a bad number of years or a negative amount.
 */
export function simulateFinancing(input: FinancingInput): FinancingResult {
  const { taille } = input;
  if (!isTaille(taille)) throw new RangeError(`Taille inconnue\u00a0: ${String(taille)}`);
  for (const code of input.missions) {
    if (!isMissionCode(code)) throw new RangeError(`Mission inconnue\u00a0: ${String(code)}`);
  }
  const duree = ACI_DATA.dureeContratAnnees();
  const annees = input.annees ?? duree;
  if (!Number.isInteger(annees) || annees < 1 || annees > MAX_ANNEES) {
    throw new RangeError(`Nombre d’années invalide\u00a0: ${String(annees)} (de 1 à ${MAX_ANNEES})`);
  }
  const missions = ACI_MISSIONS.filter((m) => input.missions.includes(m.code)).map((m) => m.code);
  const contrat = input.contrat ?? {};
  const regles_date = financingDateRules(
    taille,
    missions,
    input.signature,
    input.validation_lettre,
    input.renouvellement === true,
    input.existante === true,
  );
  const annual = annualLines(taille, missions, contrat);
  // Not when the fonctionnement comes from the contract: any amorçage is in it already.
  const amorcage =
    annual.contractFonctionnement === undefined && regles_date.amorcage !== "masque" ? amorcageLine(taille, regles_date.amorcage) : undefined;

  const par_annee: FinancingYear[] = [];
  // A mission the ACI added after the signature is paid only from the contract years that start
  // once it applies (no prorata, like the rest of the table).
  const validFrom = new Map(ACI_MISSIONS.map((m) => [m.code, m.valid_from]));
  for (let annee = 1; annee <= annees; annee++) {
    const start = regles_date.signature !== null ? addMonths(regles_date.signature, 12 * (annee - 1)) : null;
    const lignes = annual.lines
      .filter((l) => l.mission === undefined || start === null || (validFrom.get(l.mission) ?? start) <= start)
      .map((l) => structuredClone(l));
    if (annee === 1 && amorcage) lignes.push(structuredClone(amorcage.line));
    par_annee.push({ annee, lignes, total: totalOf(lignes) });
  }
  const total_contrat = sumTotals(par_annee.map((y) => y.total));

  const avant_contrat: FinancingLine[] =
    regles_date.demarrage_lettre === "masque"
      ? []
      : [
          line(
            {
              code: "DEMARRAGE_LETTRE_INTENTION",
              libelle: "Montant de démarrage versé par l’Assurance Maladie à la validation de la lettre d’intention",
              compte_dans_total: false,
            },
            ACI_DATA.demarrageLettreIntention(taille),
            false,
          ),
        ];

  // What the table does not model, and what to check.
  const notes = [
    ...regles_date.raisons,
    ...generalNotes(),
    ...(amorcage ? [amorcage.note] : []),
    ...answerNotes(taille, missions, contrat, annual, { annees, duree }, regles_date.demarrage_lettre !== "masque"),
  ];
  const highest = Math.max(...par_annee.map((y) => y.total.montant_connu));
  const depassement_maximum = compareToMaximum(taille, highest);
  if (depassement_maximum !== null) notes.push(depassement_maximum);

  return {
    taille,
    annees,
    missions,
    par_annee,
    total_contrat,
    avant_contrat,
    maximum: { aci_2019: ACI_DATA.maximum(taille, "ACI_2019"), avenant_2: ACI_DATA.maximum(taille, "AVENANT_2") },
    depassement_maximum,
    notes,
    regles_date,
  };
}

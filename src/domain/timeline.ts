/**
 * The regulatory timeline of a CPTS (`data/timeline.json`): which texts apply on a given day and
 * what follows from them (socle missions, tacit or explicit validation of the projet de santé,
 * ACI amounts version, start-up payment at the validation of the lettre d’intention, indemnities
 * of members), and checks that the dates of a project do not contradict each other or cite a text
 * before it applied. Pure: no I/O beyond the JSON imports.
 *
 * Dates are ISO `YYYY-MM-DD` strings, compared as strings (valid ISO dates sort as text). Where
 * the sources give no entry-in-force date, a text applies from its publication, else from its
 * signature, and says so (`date_effet_estimee`). An ACI text applies from its version's
 * `valid_from` in aci.json, the one place that date is written.
 */
import timelineJson from "./data/timeline.json" with { type: "json" };
import missionsJson from "./data/missions.json" with { type: "json" };
import { ACI_DATA, type AciVersion, type Confiance, type Figure, type MissionCode, type Taille } from "./aci.js";
import { NBSP, formatDate, quote, upperFirst } from "../french/index.js";
import { addMonths, isValidIsoDate } from "./calendar.js";
import { isDroitLocal, projectParcours } from "./association.js";
import { projectDocuments, type DocumentId } from "./documents.js";
import { declarationContent } from "./founding.js";
import type { Finding, Severity, Project } from "../project/index.js";

export interface LegalText {
  code: string;
  intitule: string;
  /** The text as a sentence cites it, with its article: « la loi du 24 juillet 2019 ». */
  designation: string;
  nature: string;
  article?: string;
  date_signature: string | null;
  date_publication: string | null;
  date_vigueur?: string | null;
  /** Set for the ACI texts: their date of effect is this version's `valid_from` in aci.json. */
  version_aci?: string;
  /** For ACI texts: whether that `valid_from` is the known entry into force. */
  effet_certain?: boolean;
  approbation?: { texte: string; date: string; nor: string | null };
  note_dates: string;
  changements: string[];
  /** Codes of aci.json rules this text introduced (`VALIDATION_TACITE_PDS`). */
  regles_aci?: string[];
  source: string[];
  confiance: Confiance;
}

/** A text and the day from which the tool applies it. */
export interface TextInForce {
  code: string;
  designation: string;
  /** Null for a text older than any date the tool deals with (the code civil local). */
  date_effet: string | null;
  /** True when the sources give no entry-in-force date and the tool took publication or signature. */
  date_effet_estimee: boolean;
  source: string[];
}

export type EventCode =
  | "creation_association"
  | "ag_constitutive"
  | "reunion_conseil"
  | "declaration_association"
  | "ag_extraordinaire"
  | "declaration_modification"
  | "lettre_intention"
  | "envoi_lettre_intention"
  | "validation_lettre_intention"
  | "depot_projet_sante"
  | "reception_projet_sante"
  | "validation_projet_sante"
  | "signature_aci";

interface OrderRule {
  avant: EventCode;
  apres: EventCode;
  severite: Severity;
  motif: string;
  source: string[];
}

type Condition = "toujours" | "en_vigueur" | "missions_aci" | "mission_crise" | "indemnisation_membres" | "droit_local" | "loi_1901";

interface TimelineData {
  textes: LegalText[];
  non_etablis: { code: string; intitule: string; note: string; source: string[]; confiance: Confiance }[];
  plafond_securite_sociale: {
    description: string;
    annees: { annee: number; annuel: number; mensuel: number; source: string[]; confiance: Confiance }[];
  };
  evenements: { code: EventCode; libelle: string }[];
  ordre: OrderRule[];
  ordre_motif_indirect: string;
  textes_par_document: { description: string; documents: Record<string, { texte: string; si: Condition }[]> };
}

interface MissionData {
  code: MissionCode;
  libelle: string;
  socle: boolean;
  valid_from: string;
  entree_en_vigueur_signalee?: { date: string; note: string; source: string[]; confiance: Confiance };
}

const DATA = timelineJson as unknown as TimelineData;
const MISSIONS = (missionsJson.missions as unknown as MissionData[]).slice();

export const LEGAL_TEXTS: readonly LegalText[] = DATA.textes;

/** The text of that code; throws a RangeError for an unknown code (a bug, not a user error). */
export function legalText(code: string): LegalText {
  const found = DATA.textes.find((t) => t.code === code);
  if (!found) throw new RangeError(`Texte inconnu${NBSP}: ${code}`);
  return found;
}

/** Texts the sources name but whose existence or content is not established (avenant 1). */
export function unestablishedTexts(): TimelineData["non_etablis"] {
  return DATA.non_etablis;
}

/** The day from which the tool applies a text, and whether that day is an estimate. */
export function textInForce(code: string): TextInForce {
  const t = legalText(code);
  let date: string | null;
  let estimee: boolean;
  if (t.version_aci !== undefined) {
    const version = ACI_DATA.raw.versions.find((v) => v.code === t.version_aci);
    if (!version) throw new RangeError(`Version de l’ACI inconnue${NBSP}: ${t.version_aci}`);
    date = version.valid_from;
    estimee = t.effet_certain !== true;
  } else {
    date = t.date_vigueur ?? t.date_publication ?? t.date_signature;
    estimee = date !== null && (t.date_vigueur === null || t.date_vigueur === undefined);
  }
  return { code: t.code, designation: t.designation, date_effet: date, date_effet_estimee: estimee, source: [...t.source] };
}

function requireDate(date: string, what: string): void {
  if (typeof date !== "string" || !isValidIsoDate(date)) {
    throw new RangeError(`${what} invalide${NBSP}: ${quote(String(date))} (format attendu AAAA-MM-JJ)`);
  }
}

function inForceOn(code: string, date: string): boolean {
  const effect = textInForce(code).date_effet;
  return effect === null || effect <= date;
}

export interface SocleMissionsAt {
  /** Null before the ACI: there were no socle missions then. */
  nombre: number | null;
  codes: MissionCode[];
  /** False while the sources disagree on the date a mission became socle. */
  certain: boolean;
  note?: string;
}

export interface ValidationAt {
  /** `tacite`: deemed validated without opposition within the delay; `decision`: approved by the ARS. */
  mode: "tacite" | "decision";
  delai_mois: number | null;
  texte: string;
  /** Code of the text that set this regime (the tacit one), when there is one. */
  depuis: string | null;
  date_effet_estimee: boolean;
  source: string[];
}

export interface StartUpPaymentAt {
  existe: boolean;
  version: AciVersion | null;
  /** Only when a taille is given and the payment exists; its `montant` may be null (unknown). */
  montant: Figure | null;
  note?: string;
}

export interface IndemnitiesAt {
  /** A legal basis lets a CPTS pay its members. */
  possible: boolean;
  /** The conditions and the cap are set (décret n° 2022-375). */
  conditions_fixees: boolean;
  condition: string | null;
  plafond: {
    regle: string;
    annee: number;
    /** Null when the sources do not give that year’s plafond: unknown, never guessed. */
    montant: number | null;
    source: string[];
    note?: string;
  } | null;
  textes: string[];
  note?: string;
}

export interface RulesAt {
  date: string;
  textes: TextInForce[];
  /** Signed (or dated) by then but not yet applied. */
  textes_signes_pas_encore_appliques: TextInForce[];
  aci: { version: AciVersion | null; libelle: string | null; note?: string };
  missions_socles: SocleMissionsAt;
  validation_projet_sante: ValidationAt;
  demarrage_lettre_intention: StartUpPaymentAt;
  indemnisation: IndemnitiesAt;
}

function socleMissionsAt(date: string): SocleMissionsAt {
  const socles = MISSIONS.filter((m) => m.socle && m.valid_from <= date);
  if (socles.length === 0) {
    return {
      nombre: null,
      codes: [],
      certain: true,
      note: `Avant l’entrée en vigueur de ${legalText("ACI_2019").designation}, il n’y a pas de missions socles${NBSP}: les missions d’une CPTS sont celles de son projet de santé (article L1434-12 du code de la santé publique).`,
    };
  }
  const out: SocleMissionsAt = { nombre: socles.length, codes: socles.map((m) => m.code), certain: true };
  const doubtful = socles.find((m) => m.entree_en_vigueur_signalee !== undefined && date < m.entree_en_vigueur_signalee.date);
  if (doubtful?.entree_en_vigueur_signalee) {
    out.certain = false;
    out.note = doubtful.entree_en_vigueur_signalee.note;
  }
  return out;
}

function tacitText(): LegalText {
  const found = DATA.textes.find((t) => t.regles_aci?.includes("VALIDATION_TACITE_PDS"));
  if (!found) throw new RangeError("Aucun texte n’introduit la validation tacite du projet de santé");
  return found;
}

function validationAt(date: string): ValidationAt {
  const rule = ACI_DATA.regleCalendrier("VALIDATION_TACITE_PDS");
  const text = tacitText();
  const inForce = textInForce(text.code);
  if (inForce.date_effet !== null && inForce.date_effet <= date) {
    return {
      mode: "tacite",
      delai_mois: rule.delai_mois,
      texte: rule.texte,
      depuis: text.code,
      date_effet_estimee: inForce.date_effet_estimee,
      source: [...rule.source],
    };
  }
  return {
    mode: "decision",
    delai_mois: null,
    texte: `Le projet de santé est approuvé par une décision de l’ARS${NBSP}; la validation tacite après deux mois date de ${text.designation}.`,
    depuis: null,
    date_effet_estimee: inForce.date_effet_estimee,
    source: [...text.source],
  };
}

function startUpPaymentAt(date: string, taille: Taille | undefined): StartUpPaymentAt {
  // The payment came with one ACI version; its text in the timeline says from when it applies.
  const version = ACI_DATA.raw.demarrage_lettre_intention[0]?.version;
  const text = DATA.textes.find((t) => t.version_aci === version);
  if (version === undefined || !text) {
    return { existe: false, version: null, montant: null, note: "Aucun montant de démarrage n’est connu." };
  }
  if (!inForceOn(text.code, date)) {
    return {
      existe: false,
      version: null,
      montant: null,
      note: `Le montant versé par l’Assurance Maladie à la validation de la lettre d’intention a été créé par ${text.designation}${NBSP}: il n’existe pas à cette date.`,
    };
  }
  return { existe: true, version, montant: taille === undefined ? null : ACI_DATA.demarrageLettreIntention(taille) };
}

function indemnitiesAt(date: string): IndemnitiesAt {
  const ordonnance = legalText("ORDONNANCE_2021_584");
  const decret = legalText("DECRET_2022_375");
  if (!inForceOn(ordonnance.code, date)) {
    return {
      possible: false,
      conditions_fixees: false,
      condition: null,
      plafond: null,
      textes: [],
      note: `La possibilité pour une CPTS d’indemniser et de rémunérer ses membres a été ouverte par ${ordonnance.designation}.`,
    };
  }
  const condition = "le projet de santé de la CPTS est validé";
  if (!inForceOn(decret.code, date)) {
    return {
      possible: true,
      conditions_fixees: false,
      condition,
      plafond: null,
      textes: [ordonnance.code],
      note: `Les conditions et le plafond des versements ont été fixés par ${decret.designation}.`,
    };
  }
  const year = Number(date.slice(0, 4));
  const pass = DATA.plafond_securite_sociale.annees.find((a) => a.annee === year);
  const plafond: NonNullable<IndemnitiesAt["plafond"]> = {
    regle:
      "Pour chaque professionnel et chaque année civile, le total des indemnités et rémunérations ne dépasse pas le plafond annuel de la sécurité sociale (article L241-3 du code de la sécurité sociale).",
    annee: year,
    montant: pass?.annuel ?? null,
    source: pass ? [...pass.source] : [...decret.source],
  };
  if (!pass) plafond.note = `Le plafond annuel de la sécurité sociale de ${year} n’est pas dans les sources retenues${NBSP}: à vérifier sur le site de l’Urssaf.`;
  return { possible: true, conditions_fixees: true, condition, plafond, textes: [ordonnance.code, decret.code] };
}

/**
 * The rules in force on `date` (`YYYY-MM-DD`): texts applied, socle missions, validation of the
 * projet de santé, ACI amounts version (a code of aci.json, amounts stay there), start-up payment
 * at the validation of the lettre d’intention (its amount when `taille` is given) and the rules
 * on indemnities of members. Throws a RangeError for an invalid date.
 */
export function rulesAt(date: string, options: { taille?: Taille } = {}): RulesAt {
  requireDate(date, "Date");
  const textes: TextInForce[] = [];
  const pending: TextInForce[] = [];
  for (const t of DATA.textes) {
    const f = textInForce(t.code);
    if (f.date_effet === null || f.date_effet <= date) textes.push(f);
    else if (t.date_signature !== null && t.date_signature <= date) pending.push(f);
  }
  const versions = ACI_DATA.raw.versions.filter((v) => v.valid_from <= date).sort((a, b) => (a.valid_from < b.valid_from ? -1 : 1));
  const current = versions[versions.length - 1];
  const aci: RulesAt["aci"] = current
    ? { version: current.code, libelle: current.libelle }
    : { version: null, libelle: null, note: `L’accord conventionnel interprofessionnel des CPTS n’existe pas encore à cette date.` };
  return {
    date,
    textes,
    textes_signes_pas_encore_appliques: pending,
    aci,
    missions_socles: socleMissionsAt(date),
    validation_projet_sante: validationAt(date),
    demarrage_lettre_intention: startUpPaymentAt(date, options.taille),
    indemnisation: indemnitiesAt(date),
  };
}

// ---------------------------------------------------------------------------------------------
// Contradictions between dates
// ---------------------------------------------------------------------------------------------

/** One dated step of a project, with the path of the field that holds the date. */
export interface DatedFact {
  event: EventCode;
  date: string;
  path: string;
  /** For `validation_projet_sante`: tacit (deemed) or by a decision of the ARS. */
  mode?: "tacite" | "decision";
}

/** A document, its reference date and the texts it relies on. */
export interface DatedDocument {
  document: string;
  /** « le projet de santé »: the document as a sentence names it. */
  libelle: string;
  /** Grammatical agreement of `libelle` (« datée », « datés »); masculine singular by default. */
  accord?: "feminin" | "pluriel";
  date: string;
  path: string;
  textes: readonly string[];
}

const EVENT_LABELS = new Map(DATA.evenements.map((e) => [e.code, e.libelle]));

function eventLabel(code: EventCode): string {
  return EVENT_LABELS.get(code) ?? code;
}

/** Events reachable from each event through the order rules (`only` restricts the edges used). */
function reachability(only?: Severity): Map<EventCode, Set<EventCode>> {
  const edges = DATA.ordre.filter((r) => only === undefined || r.severite === only);
  const out = new Map<EventCode, Set<EventCode>>();
  for (const { code } of DATA.evenements) {
    const seen = new Set<EventCode>();
    const stack: EventCode[] = [code];
    while (stack.length) {
      const from = stack.pop()!;
      for (const r of edges) {
        if (r.avant === from && !seen.has(r.apres)) {
          seen.add(r.apres);
          stack.push(r.apres);
        }
      }
    }
    out.set(code, seen);
  }
  return out;
}

const REACH = reachability();
const REACH_ERRORS = reachability("erreur");

function finding(severity: Severity, path: string, code: string, message: string): Finding {
  return { path, severity, code, message };
}

/**
 * Contradictions between the dated steps of a project: a step dated before one that must precede
 * it (order rules of timeline.json, also through steps left undated: a contract signed before the
 * lettre d’intention is reported even without the dates in between), two different dates for
 * the same step, a tacit validation that did not exist yet or does not fall two months after
 * the receipt, a contract signed before the projet de santé could be deemed validated. Invalid
 * dates are ignored: the schema reports them.
 */
export function checkDatedFacts(facts: readonly DatedFact[]): Finding[] {
  const valid = facts.filter((f) => isValidIsoDate(f.date));
  const out: Finding[] = [];

  const byEvent = new Map<EventCode, DatedFact[]>();
  for (const f of valid) byEvent.set(f.event, [...(byEvent.get(f.event) ?? []), f]);
  for (const [event, list] of byEvent) {
    const dates = new Set(list.map((f) => f.date));
    if (dates.size > 1) {
      out.push(
        finding(
          "avertissement",
          list[1]!.path,
          "dates.double",
          `${upperFirst(eventLabel(event))} a deux dates différentes (${list.map((f) => `le ${formatDate(f.date)} dans ${f.path}`).join(", ")})${NBSP}: gardez la même date partout.`,
        ),
      );
    }
  }

  const present = [...byEvent.keys()];
  for (const a of present) {
    for (const b of REACH.get(a) ?? []) {
      if (!byEvent.has(b)) continue;
      // Report only neighbours among the dated steps: a step dated between them carries the check.
      if (present.some((c) => c !== a && c !== b && REACH.get(a)?.has(c) && REACH.get(c)?.has(b))) continue;
      const direct = DATA.ordre.find((r) => r.avant === a && r.apres === b);
      const severity: Severity = direct?.severite ?? (REACH_ERRORS.get(a)?.has(b) ? "erreur" : "avertissement");
      const motif = direct?.motif ?? DATA.ordre_motif_indirect;
      for (const fa of byEvent.get(a)!) {
        for (const fb of byEvent.get(b)!) {
          if (fb.date >= fa.date) continue;
          out.push(
            finding(
              severity,
              fb.path,
              `dates.ordre.${a}.${b}`,
              `${upperFirst(eventLabel(b))} (${formatDate(fb.date)}) a lieu avant ${eventLabel(a)} (${formatDate(fa.date)})${NBSP}: ${motif}. Corrigez l’une des deux dates (${fb.path} ou ${fa.path}).`,
            ),
          );
        }
      }
    }
  }

  out.push(...checkValidation(byEvent), ...checkDeclarationDelay(byEvent));
  return out;
}

/** Statute amendments are declared within three months of the assembly (loi de 1901, article 5). */
function checkDeclarationDelay(byEvent: Map<EventCode, DatedFact[]>): Finding[] {
  const assembly = byEvent.get("ag_extraordinaire")?.[0];
  const declaration = byEvent.get("declaration_modification")?.[0];
  const months = declarationContent("existante", "loi_1901").delai_mois;
  if (!assembly || !declaration || months === null) return [];
  const limit = addMonths(assembly.date, months);
  if (declaration.date <= limit) return [];
  return [
    finding(
      "avertissement",
      declaration.path,
      "dates.declaration-modification-tardive",
      `Les modifications votées le ${formatDate(assembly.date)} sont déclarées le ${formatDate(declaration.date)}, plus de ${months}${NBSP}mois après${NBSP}: la loi du 1er juillet 1901 (article 5) demande de les déclarer au plus tard le ${formatDate(limit)}.`,
    ),
  ];
}

function checkValidation(byEvent: Map<EventCode, DatedFact[]>): Finding[] {
  const out: Finding[] = [];
  const reception = byEvent.get("reception_projet_sante")?.[0];
  const validations = byEvent.get("validation_projet_sante") ?? [];
  for (const v of validations) {
    if (v.mode !== "tacite") continue;
    const regime = validationAt(reception?.date ?? v.date);
    if (regime.mode === "decision") {
      out.push(
        finding(
          "erreur",
          v.path,
          "dates.validation-tacite-inexistante",
          `La validation tacite du projet de santé (${formatDate(v.date)}) n’existait pas encore${NBSP}: elle date de ${tacitText().designation}. Indiquez la date de la décision de l’ARS.`,
        ),
      );
    } else if (reception && regime.delai_mois !== null) {
      const expected = addMonths(reception.date, regime.delai_mois);
      if (v.date !== expected) {
        out.push(
          finding(
            "avertissement",
            v.path,
            "dates.validation-tacite-date",
            `Une validation tacite intervient ${regime.delai_mois}${NBSP}mois après la réception du projet de santé par l’ARS (${formatDate(reception.date)}), soit le ${formatDate(expected)}, et non le ${formatDate(v.date)}${NBSP}: corrigez la date, ou indiquez une décision de l’ARS.`,
          ),
        );
      }
    }
  }
  const signature = byEvent.get("signature_aci")?.[0];
  if (validations.length === 0 && reception && signature) {
    const regime = validationAt(reception.date);
    if (regime.mode === "tacite" && regime.delai_mois !== null) {
      const tacit = addMonths(reception.date, regime.delai_mois);
      if (signature.date < tacit) {
        out.push(
          finding(
            "avertissement",
            signature.path,
            "dates.signature-avant-validation-tacite",
            `Le contrat ACI est signé (${formatDate(signature.date)}) avant la date de validation tacite du projet de santé (${formatDate(tacit)}, ${regime.delai_mois}${NBSP}mois après sa réception)${NBSP}: si l’ARS l’a validé plus tôt par une décision, indiquez-en la date.`,
          ),
        );
      }
    }
  }
  return out;
}

/**
 * Texts a document relies on that did not apply yet on its date: a warning, since the text of
 * the document (not a date of the project) is what to correct. Before the text’s signature it
 * did not exist; between signature and application it existed but did not apply.
 */
export function checkDocumentTexts(doc: DatedDocument): Finding[] {
  if (!isValidIsoDate(doc.date)) return [];
  const dated = doc.accord === "feminin" ? "datée" : doc.accord === "pluriel" ? "datés" : "daté";
  const relies = doc.accord === "pluriel" ? "s’appuient" : "s’appuie";
  const is = doc.accord === "pluriel" ? "sont" : "est";
  const out: Finding[] = [];
  for (const code of doc.textes) {
    const text = legalText(code);
    const f = textInForce(code);
    if (f.date_effet === null || f.date_effet <= doc.date) continue;
    const before = text.date_signature === null || doc.date < text.date_signature;
    const effect = formatDate(f.date_effet);
    const when = f.date_effet_estimee ? `date d’application retenue par l’outil${NBSP}: ${effect}` : `entrée en vigueur${NBSP}: ${effect}`;
    const head = `${upperFirst(doc.libelle)} ${is} ${dated} du ${formatDate(doc.date)}`;
    out.push(
      finding(
        "avertissement",
        doc.path,
        `dates.texte-pas-en-vigueur.${doc.document}.${code}`,
        before
          ? `${head} mais ${relies} sur ${text.designation}, qui n’existait pas encore (${when})${NBSP}: corrigez la date du document ou ce qu’il contient.`
          : `${head} et ${relies} sur ${text.designation}, un texte signé le ${formatDate(text.date_signature!)} mais pas encore applicable à cette date (${when}).`,
      ),
    );
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading a project
// ---------------------------------------------------------------------------------------------

function str(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/**
 * The dated steps of a project file. The creation of the association is its declaration, else
 * `cpts.date_creation`; the validation of the projet de santé carries its mode (tacit or by a
 * decision of the ARS).
 */
export function datedFactsFromProject(p: Project): DatedFact[] {
  const out: DatedFact[] = [];
  const add = (event: EventCode, value: unknown, path: string, mode?: "tacite" | "decision"): void => {
    const date = str(value);
    if (date !== undefined) out.push({ event, date, path, ...(mode ? { mode } : {}) });
  };
  const cal = p.calendrier ?? {};
  const a = p.association ?? {};
  // The creation of an existing association comes before everything this file prepares; a new
  // association is created by the steps below (constitutive assembly, declaration).
  const existing = projectParcours(p) === "existante";
  if (existing || a.ag_extraordinaire?.date)
    add("creation_association", cal.declaration_association ?? p.cpts?.date_creation, cal.declaration_association ? "calendrier.declaration_association" : "cpts.date_creation");
  add("ag_constitutive", a.ag_constitutive?.date, "association.ag_constitutive.date");
  add("ag_constitutive", cal.ag_constitutive, "calendrier.ag_constitutive");
  add("ag_constitutive", a.statuts?.adoptes_le, "association.statuts.adoptes_le");
  add("reunion_conseil", a.conseil_administration?.premiere_reunion?.date, "association.conseil_administration.premiere_reunion.date");
  // An existing association was declared long before: its creation is history, not a step of this file.
  if (!existing) add("declaration_association", cal.declaration_association, "calendrier.declaration_association");
  add("ag_extraordinaire", a.ag_extraordinaire?.date, "association.ag_extraordinaire.date");
  add("declaration_modification", cal.declaration_modification, "calendrier.declaration_modification");
  add("lettre_intention", p.lettre_intention?.date, "lettre_intention.date");
  add("envoi_lettre_intention", cal.envoi_lettre_intention, "calendrier.envoi_lettre_intention");
  add("validation_lettre_intention", cal.validation_lettre_intention, "calendrier.validation_lettre_intention");
  add("depot_projet_sante", cal.depot_projet_sante, "calendrier.depot_projet_sante");
  add("reception_projet_sante", cal.reception_projet_sante, "calendrier.reception_projet_sante");
  add("validation_projet_sante", cal.validation_projet_sante?.date, "calendrier.validation_projet_sante.date", cal.validation_projet_sante?.mode);
  add("signature_aci", cal.signature_aci, "calendrier.signature_aci");
  return out;
}

function conditionHolds(p: Project, condition: Condition, code: string, date: string | undefined): boolean {
  switch (condition) {
    case "toujours":
      return true;
    case "en_vigueur":
      // The template cites the text only from the day it applies: on an earlier date it is not there.
      return date !== undefined && inForceOn(code, date);
    case "missions_aci":
      return (p.missions?.length ?? 0) > 0;
    case "mission_crise":
      return (p.missions ?? []).some((m) => m.code === "CRISE");
    case "indemnisation_membres":
      return p.association?.indemnisation_membres === true;
    case "droit_local":
      return isDroitLocal(p);
    case "loi_1901":
      return !isDroitLocal(p);
  }
}

/**
 * Codes of the texts a document of this project relies on (timeline.json `textes_par_document`);
 * `date` is the document’s date, for the texts it cites only once they apply.
 */
export function textsReliedOn(p: Project, document: string, date?: string): string[] {
  const list = DATA.textes_par_document.documents[document] ?? [];
  return list.filter((e) => conditionHolds(p, e.si, e.texte, date)).map((e) => e.texte);
}

const DOCUMENT_LABELS: Record<DocumentId, Pick<DatedDocument, "libelle" | "accord">> = {
  diagnostic: { libelle: "le diagnostic territorial" },
  "lettre-intention": { libelle: "la lettre d’intention", accord: "feminin" },
  statuts: { libelle: "les statuts", accord: "pluriel" },
  "pv-ag-constitutive": { libelle: "le procès-verbal de l’assemblée générale constitutive" },
  "pv-ag-extraordinaire": { libelle: "le procès-verbal de l’assemblée générale extraordinaire" },
  "pv-conseil-administration": { libelle: "le procès-verbal du conseil d’administration" },
  "liste-dirigeants": { libelle: "la liste des dirigeants", accord: "feminin" },
  declaration: { libelle: "la déclaration", accord: "feminin" },
  "demande-inscription": { libelle: "la demande d’inscription", accord: "feminin" },
  "projet-sante": { libelle: "le projet de santé" },
};

export interface DocumentDate {
  document: DocumentId;
  date: string;
  /** The field the date comes from. */
  path: string;
}

type Source = readonly [unknown, string];

function ownDateSources(p: Project, document: DocumentId): Source[] {
  const a = p.association ?? {};
  const cal = p.calendrier ?? {};
  const constitutive: Source[] = [
    [a.ag_constitutive?.date, "association.ag_constitutive.date"],
    [cal.ag_constitutive, "calendrier.ag_constitutive"],
  ];
  const extraordinaire: Source[] = [[a.ag_extraordinaire?.date, "association.ag_extraordinaire.date"]];
  const assembly = projectParcours(p) === "existante" ? extraordinaire : constitutive;
  const board: Source[] = [[a.conseil_administration?.premiere_reunion?.date, "association.conseil_administration.premiere_reunion.date"]];
  const declaration: Source[] =
    projectParcours(p) === "existante"
      ? [[cal.declaration_modification, "calendrier.declaration_modification"]]
      : [[cal.declaration_association, "calendrier.declaration_association"]];
  switch (document) {
    case "diagnostic":
      return [];
    case "lettre-intention":
      return [[p.lettre_intention?.date, "lettre_intention.date"]];
    case "statuts":
      return assembly;
    case "pv-ag-constitutive":
      return constitutive;
    case "pv-ag-extraordinaire":
      return extraordinaire;
    case "pv-conseil-administration":
      return board;
    case "liste-dirigeants":
      // The list is as it stands once the bureau is elected.
      return [...board, ...assembly];
    case "declaration":
    case "demande-inscription":
      return [...declaration, ...board, ...assembly];
    case "projet-sante":
      // An updated projet de santé is judged at the date of its new version.
      return [
        [cal.actualisation_projet_sante?.date, "calendrier.actualisation_projet_sante.date"],
        [cal.depot_projet_sante, "calendrier.depot_projet_sante"],
      ];
  }
}

/**
 * The reference date of a document: the lettre d’intention its own date, the statuts and the
 * procès-verbaux the date of their meeting, the declaration its filing (else the meeting), the
 * projet de santé its sending to the ARS; otherwise `documents.date`. Undefined without any.
 */
export function documentDate(p: Project, document: DocumentId): DocumentDate | undefined {
  for (const [value, path] of ownDateSources(p, document)) {
    const date = str(value);
    if (date !== undefined && isValidIsoDate(date)) return { document, date, path };
  }
  const common = str(p.documents?.date);
  return common !== undefined ? { document, date: common, path: "documents.date" } : undefined;
}

/** The reference date of each of the project’s documents that has one. */
export function documentDates(p: Project): DocumentDate[] {
  return projectDocuments(p)
    .map((d) => documentDate(p, d))
    .filter((d): d is DocumentDate => d !== undefined);
}

/** Texts a document cites before they applied on its date. */
export function checkDocumentDate(p: Project, document: DocumentId): Finding[] {
  const d = documentDate(p, document);
  if (!d) return [];
  return checkDocumentTexts({ ...d, ...DOCUMENT_LABELS[d.document], textes: textsReliedOn(p, d.document, d.date) });
}

/** Every date contradiction of a project: its steps, and its documents against their texts. */
export function checkProjectDates(p: Project): Finding[] {
  // The three months of the loi de 1901 do not bind an association of droit local: its amended
  // statuts take effect once inscribed at the tribunal, with no time limit to ask for it.
  const local = isDroitLocal(p);
  const steps = checkDatedFacts(datedFactsFromProject(p)).filter((f) => !(local && f.code === "dates.declaration-modification-tardive"));
  return [...steps, ...projectDocuments(p).flatMap((d) => checkDocumentDate(p, d))];
}

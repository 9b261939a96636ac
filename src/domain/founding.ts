/**
 * The two ways a CPTS is founded (data/founding.json): a new association, or an existing one
 * that becomes a CPTS, under the loi de 1901 or, with a siège in Moselle, Bas-Rhin or Haut-Rhin,
 * the code civil local. For each: the documents to produce, what the déclaration (or request for
 * inscription) holds, who may file it; and the rules a procès-verbal follows, read from the
 * statuts: quorum, majorities, who elects whom. Pure.
 */
import foundingJson from "./data/founding.json" with { type: "json" };
import { NBSP, quote as q } from "../french/index.js";
import type { Finding, Severity, Association } from "../project/index.js";
import { fonctionLabel, genreOf } from "./gender.js";
import { isHealthProfession, professionLabel, professionNamedIn } from "./professions.js";

export type Parcours = "nouvelle" | "existante";
export type Regime = "loi_1901" | "droit_local";
export type Reunion = "constitutive" | "extraordinaire" | "ordinaire" | "conseil";

/** Conditions under which a document is required. */
export type DocumentCondition = "toujours" | "bureau_elu_par_conseil" | "dirigeants_changent" | "mandataire";

export interface RegimeData {
  code: Regime;
  libelle: string;
  textes: string[];
  formalite: "declaration" | "inscription";
  autorite: string;
  departements?: string[];
  membres_min: number;
  membres_min_apres_inscription?: number;
  signataires_statuts_min: number;
  signataires_statuts: string;
  /** Whether birth dates belong on the documents filed (only under droit local). */
  date_naissance_sur_les_pieces: boolean;
  mention?: string;
  publication?: string;
  controle?: string;
  clauses_obligatoires?: string[];
  note?: string;
  source: string[];
  confiance: string;
}

export interface DocumentRequirement {
  code: string;
  libelle: string;
  /** Null when the sources retained do not detail it. */
  contenu: string | null;
  si: DocumentCondition;
  signataires?: string | null;
  note?: string;
  source: string[];
  confiance: string;
}

export interface Declaration {
  type: "creation" | "modification" | "inscription" | "inscription_modification";
  /** Null when the sources retained do not detail it. */
  contenu: string[] | null;
  delai_mois: number | null;
  point_de_depart?: string;
  apres: string[];
  note?: string;
  source: string[];
  confiance: string;
}

export interface FoundingPath {
  code: Parcours;
  regime: Regime;
  libelle: string;
  documents: DocumentRequirement[];
  declaration: Declaration;
}

interface Quorum {
  code: string;
  numerateur: number;
  denominateur: number;
  libelle: string;
}

interface Majority {
  code: string;
  regle: "plus_que_contre" | "plus_de_la_moitie" | "au_moins";
  numerateur?: number;
  denominateur?: number;
  libelle: string;
}

interface MeetingRules {
  code: Reunion;
  libelle: string;
  /** Where the rules the meeting votes under are, in the association section of the file. */
  regles_des_statuts: string | null;
  note: string;
  elit: "conseil_administration" | "bureau" | null;
  source: string[];
}

/** What a CPTS that already exists sends when it updates its projet de santé. */
export interface UpdatePath {
  libelle: string;
  /** The document ids the update needs (the diagnostic and the projet de santé). */
  documents: string[];
  contenu: string;
  /** The governance piece that approves the update; null: the sources retained name none. */
  approbation: string | null;
  note: string;
  source: string[];
  confiance: string;
}

interface FoundingData {
  regimes: RegimeData[];
  parcours: FoundingPath[];
  actualisation: UpdatePath;
  pouvoirs: { regime: Regime; formalite: string; qui: string | null; note?: string; source: string[]; confiance: string }[];
  regles_pv: { quorums: Quorum[]; majorites: Majority[]; reunions: MeetingRules[] };
}

const DATA = foundingJson as unknown as FoundingData;

export function regime(code: Regime): RegimeData {
  const found = DATA.regimes.find((r) => r.code === code);
  if (!found) throw new RangeError(`Régime inconnu${NBSP}: ${String(code)}`);
  return found;
}

/** Droit local for Moselle (57), Bas-Rhin (67) and Haut-Rhin (68); loi de 1901 elsewhere. */
export function regimeForDepartement(departement: string | undefined): Regime {
  return departement !== undefined && (regime("droit_local").departements ?? []).includes(departement) ? "droit_local" : "loi_1901";
}

export function foundingPath(parcours: Parcours, reg: Regime): FoundingPath {
  const found = DATA.parcours.find((p) => p.code === parcours && p.regime === reg);
  if (!found) throw new RangeError(`Parcours inconnu${NBSP}: ${String(parcours)} (${String(reg)})`);
  return found;
}

/** The update of a projet de santé by a CPTS that already exists: its documents and their sources. */
export function updatePath(): UpdatePath {
  return DATA.actualisation;
}

/** What the project says about the conditions of the documents; an absent answer is unknown. */
export type PathContext = Partial<Record<Exclude<DocumentCondition, "toujours">, boolean>>;

/**
 * Documents of a founding path with whether each is required: true, false, or null when it
 * depends on an answer the context does not give (e.g. whether the dirigeants change).
 */
export function requiredDocuments(parcours: Parcours, reg: Regime, context: PathContext = {}): (DocumentRequirement & { requis: boolean | null })[] {
  return foundingPath(parcours, reg).documents.map((d) => ({
    ...d,
    requis: d.si === "toujours" ? true : (context[d.si] ?? null),
  }));
}

/** What the déclaration (création, modification) or the request for inscription holds. */
export function declarationContent(parcours: Parcours, reg: Regime): Declaration {
  return foundingPath(parcours, reg).declaration;
}

/** Who may file the déclaration or request the inscription; `qui` null when the sources do not say. */
export function filingPowers(reg: Regime): FoundingData["pouvoirs"][number] {
  const found = DATA.pouvoirs.find((p) => p.regime === reg);
  if (!found) throw new RangeError(`Régime inconnu${NBSP}: ${String(reg)}`);
  return found;
}

// ---------------------------------------------------------------------------------------------
// Quorum and majorities
// ---------------------------------------------------------------------------------------------

/**
 * Members who must be present or represented: « au moins » the statuts’ share of the members,
 * rounded up (a third of 10 members is 4). Null for an unknown rule or a missing member count.
 */
export function quorumRequired(rule: string | undefined, membres: number | undefined): number | null {
  const q2 = DATA.regles_pv.quorums.find((x) => x.code === rule);
  if (!q2 || membres === undefined || !Number.isInteger(membres) || membres < 0) return null;
  return Math.ceil((membres * q2.numerateur) / q2.denominateur);
}

export interface Vote {
  unanimite?: boolean;
  pour?: number;
  contre?: number;
  abstentions?: number;
}

/**
 * Whether a vote reaches the statuts’ majority. Suffrages exprimés are the votes for and against:
 * abstentions do not count, so a « simple » and an « absolue » majority agree on a yes/no vote.
 * Null for an unknown rule or a vote without figures.
 */
export function majorityReached(rule: string | undefined, vote: Vote): boolean | null {
  const m = DATA.regles_pv.majorites.find((x) => x.code === rule);
  if (!m) return null;
  if (vote.unanimite === true) return (vote.contre ?? 0) === 0;
  if (vote.pour === undefined) return null;
  const pour = vote.pour;
  const contre = vote.contre ?? 0;
  const exprimes = pour + contre;
  if (exprimes === 0) return false;
  switch (m.regle) {
    case "plus_que_contre":
      return pour > contre;
    case "plus_de_la_moitie":
      return pour * 2 > exprimes;
    case "au_moins":
      return pour * (m.denominateur ?? 1) >= exprimes * (m.numerateur ?? 1);
  }
}

function meetingRules(reunion: Reunion): MeetingRules {
  const found = DATA.regles_pv.reunions.find((r) => r.code === reunion);
  if (!found) throw new RangeError(`Réunion inconnue${NBSP}: ${String(reunion)}`);
  return found;
}

/** The rules a meeting votes under, where the file holds them, and how a message names them. */
export interface MeetingStatutsRules {
  quorum?: string;
  majorite?: string;
  /** Proxies a member present may hold; undefined when these statuts do not say. */
  procurations_max?: number;
  path: string;
  /** « les statuts », « les statuts en vigueur avant l’assemblée ». */
  statuts: string;
}

/**
 * The statuts a meeting votes under. The extraordinary assembly that amends the statuts of an
 * existing association votes under the statuts in force before it (data/founding.json), never
 * under the text it adopts; the other meetings, under the statuts the file describes.
 */
export function statutsRules(a: Association, reunion: Reunion): MeetingStatutsRules | null {
  const procurations = a.assemblee_generale?.procurations_max;
  const current = (rules: { quorum?: string; majorite?: string } | undefined, path: string, proxies: number | undefined): MeetingStatutsRules => ({
    ...(rules?.quorum !== undefined ? { quorum: rules.quorum } : {}),
    ...(rules?.majorite !== undefined ? { majorite: rules.majorite } : {}),
    ...(proxies !== undefined ? { procurations_max: proxies } : {}),
    path,
    statuts: "les statuts",
  });
  switch (meetingRules(reunion).regles_des_statuts) {
    case "ag_extraordinaire.statuts_anterieurs": {
      const before = a.ag_extraordinaire?.statuts_anterieurs;
      return { ...current(before, "association.ag_extraordinaire.statuts_anterieurs", before?.procurations_max), statuts: "les statuts en vigueur avant l’assemblée" };
    }
    case "assemblee_generale.extraordinaire":
      return current(a.assemblee_generale?.extraordinaire, "association.assemblee_generale.extraordinaire", procurations);
    case "assemblee_generale.ordinaire":
      return current(a.assemblee_generale?.ordinaire, "association.assemblee_generale.ordinaire", procurations);
    case "conseil_administration":
      return current(a.conseil_administration, "association.conseil_administration", undefined);
    default:
      return null;
  }
}

/** A meeting as its procès-verbal records it (proposed fields of the project file). */
export interface MeetingRecord {
  reunion: Reunion;
  /** Members with a vote (for the quorum); for the constitutive assembly, the founders. */
  membres?: number;
  presents?: number;
  representes?: number;
  /** `path`: where the file holds (or should hold) this resolution. */
  resolutions?: { intitule: string; vote?: Vote; path?: string }[];
  /** Path of the meeting in the project file, for the findings. */
  path: string;
}

function f(severity: Severity, path: string, code: string, message: string): Finding {
  return { path, severity, code, message };
}

function plural(n: number, one: string, many: string): string {
  return `${n}${NBSP}${n > 1 ? many : one}`;
}

/**
 * A procès-verbal against the statuts: quorum from the members present and represented, the
 * number of proxies, each resolution’s vote present, consistent with the voters and adopted at
 * the statuts’ majority. The constitutive assembly follows no statuts yet: only the minimum
 * number of founders of the regime applies.
 */
export function checkMeeting(a: Association, reg: Regime, m: MeetingRecord): Finding[] {
  const out: Finding[] = [];
  const rules = meetingRules(m.reunion);
  const presents = m.presents ?? 0;
  const representes = m.representes ?? 0;
  const voters = presents + representes;
  const label = rules.libelle;

  if (m.presents === undefined) {
    out.push(f("erreur", `${m.path}.presents`, "pv.presents", `${label}${NBSP}: le nombre de membres présents manque.`));
  }

  const st = statutsRules(a, m.reunion);
  const procurations = st?.procurations_max;
  if (procurations !== undefined && representes > presents * procurations) {
    out.push(
      f(
        "erreur",
        `${m.path}.representes`,
        "pv.procurations",
        `${label}${NBSP}: ${plural(representes, "membre représenté", "membres représentés")} pour ${plural(presents, "présent", "présents")}, alors que ${st!.statuts} limitent chaque présent à ${plural(procurations, "pouvoir", "pouvoirs")}.`,
      ),
    );
  }

  if (m.reunion === "constitutive") {
    const min = regime(reg).membres_min;
    if (m.presents !== undefined && voters < min) {
      out.push(
        f(
          "erreur",
          `${m.path}.presents`,
          "pv.fondateurs",
          `${label}${NBSP}: ${plural(voters, "personne réunie", "personnes réunies")}, alors qu’il faut au moins ${min}${NBSP}membres pour fonder ${reg === "droit_local" ? "une association de droit local" : "une association"}.`,
        ),
      );
    }
  } else if (st) {
    if (st.quorum === undefined) {
      out.push(f("erreur", `${st.path}.quorum`, "pv.quorum-statuts", `${label}${NBSP}: le quorum que fixent ${st.statuts} n’est pas renseigné, le procès-verbal ne peut pas le vérifier.`));
    } else if (m.membres === undefined) {
      out.push(f("erreur", `${m.path}.membres`, "pv.membres", `${label}${NBSP}: le nombre de membres manque, le quorum ne peut pas être vérifié.`));
    } else if (m.presents !== undefined) {
      const required = quorumRequired(st.quorum, m.membres);
      if (required !== null && voters < required) {
        out.push(
          f(
            "erreur",
            `${m.path}.presents`,
            "pv.quorum",
            `${label}${NBSP}: quorum non atteint, ${plural(voters, "membre présent ou représenté", "membres présents ou représentés")} sur ${m.membres}, alors que ${st.statuts} en demandent au moins ${required}.`,
          ),
        );
      }
    }
  }

  if (st && m.reunion !== "constitutive" && st.majorite === undefined && (m.resolutions ?? []).length > 0) {
    out.push(f("erreur", `${st.path}.majorite`, "pv.majorite-statuts", `${label}${NBSP}: la majorité que demandent ${st.statuts} n’est pas renseignée, le procès-verbal ne peut pas vérifier que les résolutions sont adoptées.`));
  }

  (m.resolutions ?? []).forEach((r, i) => {
    const path = r.path ?? `${m.path}.resolutions[${i}]`;
    const name = q(r.intitule);
    const v = r.vote;
    if (!v || (v.unanimite !== true && v.pour === undefined)) {
      // Without an entry in the file, the finding points where the entry belongs.
      out.push(f("erreur", r.vote || r.path === undefined ? `${path}.vote` : path, "pv.vote-manquant", `${label}${NBSP}: le résultat du vote de la résolution ${name} manque (unanimité, ou nombre de voix pour, contre et d’abstentions).`));
      return;
    }
    if (v.unanimite === true && (v.contre ?? 0) > 0) {
      out.push(f("erreur", `${path}.vote`, "pv.vote-incoherent", `${label}${NBSP}: la résolution ${name} est dite adoptée à l’unanimité mais compte des voix contre.`));
      return;
    }
    const cast = (v.pour ?? 0) + (v.contre ?? 0) + (v.abstentions ?? 0);
    if (m.presents !== undefined && cast > voters) {
      out.push(
        f(
          "erreur",
          `${path}.vote`,
          "pv.vote-total",
          `${label}${NBSP}: la résolution ${name} compte ${cast}${NBSP}votes pour ${plural(voters, "membre présent ou représenté", "membres présents ou représentés")}.`,
        ),
      );
    }
    if (m.reunion !== "constitutive" && st?.majorite !== undefined && majorityReached(st.majorite, v) === false) {
      out.push(
        f(
          "erreur",
          `${path}.vote`,
          "pv.majorite",
          `${label}${NBSP}: la résolution ${name} n’atteint pas la majorité que fixent ${st.statuts} (${DATA.regles_pv.majorites.find((x) => x.code === st.majorite)?.libelle ?? st.majorite})${NBSP}: elle n’est pas adoptée.`,
        ),
      );
    }
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Who elects whom
// ---------------------------------------------------------------------------------------------

export interface ElectionPlan {
  conseil: {
    /** `colleges`: each collège elects its seats; `assemblee_generale`: the assembly elects them all. */
    elu_par: "colleges" | "assemblee_generale";
    elections: { college: string; titulaires: number | null; suppleants: number | null }[];
  };
  bureau: {
    elu_par: "conseil_administration";
    /** The bureau is recorded in the minutes of the conseil, not in the assembly’s. */
    document: "pv-conseil-administration";
    fonctions: string[];
    vice_president_par_college: boolean;
    presidence_tournante: boolean;
  };
}

/**
 * Who elects whom, from the statuts: one election per collège with its titulaires and
 * suppléants when the statuts define collèges, otherwise the assembly elects the conseil; the
 * conseil elects the bureau among its members.
 */
export function electionPlan(a: Association): ElectionPlan {
  const colleges = a.colleges ?? [];
  return {
    conseil: {
      elu_par: colleges.length > 0 ? "colleges" : "assemblee_generale",
      elections: colleges.map((c) => ({ college: c.nom, titulaires: c.titulaires ?? null, suppleants: c.suppleants ?? null })),
    },
    bureau: {
      elu_par: "conseil_administration",
      document: "pv-conseil-administration",
      fonctions: [...(a.bureau?.fonctions ?? [])],
      vice_president_par_college: a.bureau?.vice_president_par_college === true,
      presidence_tournante: a.bureau?.presidence_tournante === true,
    },
  };
}

/**
 * The dirigeants against the statuts: seats filled per collège (no more titulaires or suppléants
 * than the statuts give, a warning for fewer), dirigeants of a collège the statuts do not have,
 * functions the bureau does not have, one president, and one vice-president per collège not
 * represented by the president when the statuts ask for it.
 */
/** Collège categories whose members are professionnels de santé (the others take social actors, usagers…). */
const HEALTH_COLLEGE_CATEGORIES = new Set(["liberaux", "exercice_coordonne"]);

type College = NonNullable<Association["colleges"]>[number];

/**
 * Why a collège of the statuts does not take a person of this profession, or undefined: a collège
 * of named professions takes those only; a collège of professionnels de santé (libéraux, exercice
 * coordonné) does not take a psychologue, an ostéopathe or an assistant de service social, who
 * are not professionnels de santé (REFERENCE § 7.1), unless its composition names them.
 */
function collegeProfessionProblem(c: College, code: string): string | undefined {
  if (code === "autre" || professionNamedIn(code, c.composition) || professionNamedIn(code, c.nom)) return undefined;
  if (c.professions?.length) return (c.professions as string[]).includes(code) ? undefined : "que les statuts réservent à d’autres professions";
  const categories = c.categories ?? [];
  if (categories.length > 0 && categories.every((k) => HEALTH_COLLEGE_CATEGORIES.has(k)) && !isHealthProfession(code))
    return `qui réunit des professionnels de santé, ce que ne sont pas les ${professionLabel(code, 2).toLocaleLowerCase("fr-FR")}`;
  return undefined;
}

export function checkDirigeantsAgainstStatuts(a: Association): Finding[] {
  const out: Finding[] = [];
  const dirigeants = a.dirigeants ?? [];
  if (dirigeants.length === 0) return out;
  const colleges = a.colleges ?? [];
  const names = new Set(colleges.map((c) => c.nom));

  dirigeants.forEach((d, i) => {
    if (d.college !== undefined && colleges.length > 0 && !names.has(d.college)) {
      out.push(f("erreur", `association.dirigeants[${i}].college`, "statuts.college-inconnu", `${d.prenom} ${d.nom} est ${genreOf(d.civilite) === "feminin" ? "élue" : "élu"} au titre du collège ${q(d.college)}, que les statuts ne prévoient pas.`));
    }
  });

  dirigeants.forEach((d, i) => {
    const c = colleges.find((x) => x.nom === d.college);
    const problem = c && d.profession ? collegeProfessionProblem(c, d.profession) : undefined;
    if (problem)
      out.push(
        f(
          "avertissement",
          `association.dirigeants[${i}].college`,
          "statuts.college-profession",
          `${d.prenom} ${d.nom}, ${professionLabel(d.profession!, 1, d.civilite).toLocaleLowerCase("fr-FR")}, est ${genreOf(d.civilite) === "feminin" ? "élue" : "élu"} au titre du ${c!.nom}, ${problem}${NBSP}: élisez cette personne dans le collège de sa profession, ou dites dans la composition du collège (association.colleges, composition) qu’il l’accueille.`,
        ),
      );
  });

  colleges.forEach((c, i) => {
    const members = dirigeants.filter((d) => d.college === c.nom);
    const seats: [number | undefined, number, string, string][] = [
      [c.titulaires, members.filter((d) => d.titulaire !== false).length, "titulaires", "titulaire"],
      [c.suppleants, members.filter((d) => d.titulaire === false).length, "suppleants", "suppléant"],
    ];
    for (const [expected, actual, key, word] of seats) {
      if (expected === undefined || expected === actual) continue;
      out.push(
        f(
          actual > expected ? "erreur" : "avertissement",
          `association.colleges[${i}].${key}`,
          `statuts.sieges-${key}`,
          `${q(c.nom)}${NBSP}: les statuts prévoient ${plural(expected, `siège de ${word}`, `sièges de ${word}s`)}, la liste des dirigeants en compte ${actual}.`,
        ),
      );
    }
  });

  const bureau = a.bureau?.fonctions ?? [];
  dirigeants.forEach((d, i) => {
    if (d.fonction !== "administrateur" && bureau.length > 0 && !(bureau as string[]).includes(d.fonction)) {
      out.push(f("erreur", `association.dirigeants[${i}].fonction`, "statuts.fonction-inconnue", `${d.prenom} ${d.nom}${NBSP}: la fonction de ${fonctionLabel(d.fonction, genreOf(d.civilite))} n’existe pas dans le bureau que prévoient les statuts.`));
    }
  });
  const presidents = dirigeants.filter((d) => d.fonction === "president");
  if (presidents.length !== 1) {
    out.push(
      f(
        "erreur",
        "association.dirigeants",
        "statuts.president",
        presidents.length === 0 ? "Aucun dirigeant n’a la fonction de président." : `${presidents.length}${NBSP}dirigeants ont la fonction de président${NBSP}; il en faut un seul.`,
      ),
    );
  }
  const president = presidents[0];
  if (a.bureau?.vice_president_par_college === true && president?.college !== undefined && colleges.length > 0) {
    colleges.forEach((c, i) => {
      if (c.nom === president.college) return;
      const vps = dirigeants.filter((d) => d.fonction === "vice_president" && d.college === c.nom).length;
      if (vps === 1) return;
      out.push(
        f(
          "avertissement",
          `association.colleges[${i}]`,
          "statuts.vice-president-college",
          `${q(c.nom)}${NBSP}: les statuts prévoient un vice-président pour chaque collège que le président ne représente pas${NBSP}; la liste des dirigeants en compte ${vps} pour ce collège.`,
        ),
      );
    });
  }
  return out;
}

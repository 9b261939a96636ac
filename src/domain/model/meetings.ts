/**
 * The procès-verbaux: the assembly that founds the association (or amends the statuts of an
 * existing one) and the meeting of the conseil that elects the bureau. Each resolution the
 * statuts make the meeting vote, with the result the file records in words; the quorum computed
 * from the members present and represented; the chair and secretary of the session named as
 * the list of persons describes them (civilité, title); elections one per collège.
 */
import { NBSP, formatNumber, hourText, joinFr, lowerFirst, numberInWords, ordinalInWords, plural, upperFirst } from "../../french/index.js";
import type { Project, Reunion, Vote } from "../../project/index.js";
import { projectRegime, statutsInForceBefore } from "../association.js";
import { majorityReached, quorumRequired, regime, statutsRules } from "../founding.js";
import { TITLES, genreOf, personName, roleLabel, type Genre } from "../gender.js";
import { MEETING_PATHS, boardVoters, expectedResolutions, meetingOf, voteOf, type ExpectedResolution, type MeetingKind } from "../meetings.js";
import { dated, text, type DatedText } from "./common.js";
import type { AssociationView, DirigeantView } from "./governance.js";
import { quorumAt } from "./wording.js";

export interface SessionPersonView {
  /** « Mme Claire Vergnaud », « Dr Pierre Delmas »; undefined when the file does not name anyone. */
  nom: string | undefined;
  /** « Mme Claire Vergnaud », « le Dr Pierre Delmas ». */
  nom_en_texte: string | undefined;
  /** « présidente de séance ». */
  role: string;
  /** « la présidente de séance ». */
  role_article: string;
  /** « La présidente de séance ». */
  role_debut: string;
  /** True when the name matches no founder, dirigeant or porteur (its civilité is then unknown). */
  inconnu: boolean;
  manquant: string;
}

export interface VoteView {
  /** « Cette résolution est adoptée à l’unanimité des membres présents et représentés. » */
  texte: string | undefined;
  /** Placeholder label naming the field to fill. */
  manquant: string;
}

export interface ElectionView {
  college: string | undefined;
  titulaires: DirigeantView[];
  suppleants: DirigeantView[];
  /** « Mme Élodie Castaing et M. Sébastien Laborie ». */
  titulaires_texte: string | undefined;
  suppleants_texte: string | undefined;
  /** « Titulaires », « Suppléantes »… in the form the group asks for. */
  titulaires_titre: string;
  suppleants_titre: string;
}

export interface ResolutionView {
  numero: number;
  /** « Première résolution ». */
  titre: string;
  code: string;
  intitule: string;
  college: string | undefined;
  vote: VoteView;
  /** For an election: who is elected. */
  election: ElectionView | undefined;
}

export interface MeetingView {
  /** The file describes this meeting. */
  tenue: boolean;
  date: DatedText;
  heure: string | undefined;
  lieu: string | undefined;
  membres: number | undefined;
  presents: number | undefined;
  representes: number | undefined;
  presents_texte: string | undefined;
  representes_texte: string | undefined;
  total_texte: string | undefined;
  /** The quorum the statuts ask for, computed and compared; undefined when it cannot be. */
  quorum_texte: string | undefined;
  /** The extraordinary assembly: the statuts it votes under, those in force before it. */
  statuts_en_vigueur: StatutsInForceView | undefined;
  president: SessionPersonView;
  secretaire: SessionPersonView;
  ordre_du_jour: string[];
  resolutions: ResolutionView[];
  /** The powers given for the formalities, in words matching the statuts. */
  pouvoirs_texte: string | undefined;
}

/**
 * The statuts an extraordinary assembly votes under, in words: which version, then the quorum
 * and the majority these statuts set. A rule the file does not give stays a placeholder.
 */
export interface StatutsInForceView {
  /** « L’assemblée délibère selon les statuts en vigueur le jour de sa réunion, adoptés le 22 mai 2014. » */
  phrase: string;
  /** « Leur article 14 fixe le quorum au tiers des membres, soit 40 membres sur 118 : … »; undefined when the rule is unknown. */
  quorum_texte: string | undefined;
  quorum_manquant: string;
  /** « Le même article prévoit que l’assemblée décide à la majorité des deux tiers des suffrages exprimés. » */
  majorite_texte: string | undefined;
  majorite_manquant: string;
}

export interface MeetingsView {
  constitutive: MeetingView;
  extraordinaire: MeetingView;
  conseil: MeetingView;
}

interface KnownPerson {
  civilite?: string;
  titre?: string;
  prenom?: string;
  nom?: string;
}

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLocaleLowerCase("fr-FR")
    .replace(/[\s’'-]+/g, " ")
    .trim();

const PREFIXES = new Map<string, Partial<KnownPerson>>([
  ["M.", { civilite: "M." }],
  ["Mme", { civilite: "Mme" }],
  ...TITLES.flatMap((t): [string, Partial<KnownPerson>][] => [
    [t.masculin, { titre: t.code }],
    [t.feminin, { titre: t.code, civilite: "Mme" }],
  ]),
]);

/**
 * The person a chair or secretary of session is: a founder, dirigeant or porteur whose first
 * and last names match (civilité and title written before the name are read, then matched).
 */
function sessionPerson(project: Project, written: string | undefined, code: "president_seance" | "secretaire_seance", path: string): SessionPersonView {
  const raw = text(written);
  let rest = raw ?? "";
  const prefix: Partial<KnownPerson> = {};
  for (;;) {
    const m = /^(\S+)\s+(.*)$/u.exec(rest);
    const known = m ? PREFIXES.get(m[1]!) : undefined;
    if (!m || !known) break;
    Object.assign(prefix, known);
    rest = m[2]!;
  }
  const a = project.association ?? {};
  const people: KnownPerson[] = [...(a.dirigeants ?? []), ...(a.fondateurs ?? []), ...(project.porteurs ?? [])];
  const match = raw ? people.find((p) => p.prenom && p.nom && fold(`${p.prenom} ${p.nom}`) === fold(rest)) : undefined;
  const genre: Genre | null = genreOf(match?.civilite ?? prefix.civilite);
  const role = roleLabel(code, genre);
  const withArticle = roleLabel(code, genre, { article: true });
  // A name no list holds is printed as written, with the article its title asks for in a sentence.
  const article = prefix.titre ? `${genre === "feminin" ? "la" : "le"} ` : "";
  return {
    nom: match ? personName(match) : raw,
    nom_en_texte: match ? personName(match, { enTexte: true }) : raw ? `${article}${raw}` : undefined,
    role,
    role_article: withArticle,
    role_debut: upperFirst(withArticle),
    inconnu: raw !== undefined && match === undefined,
    manquant: `${code === "president_seance" ? "président ou présidente de séance" : "secrétaire de séance"} (${path}.${code})`,
  };
}

function countVotes(v: Vote): string {
  const pour = v.pour ?? 0;
  const contre = v.contre ?? 0;
  const abst = v.abstentions ?? 0;
  const parts = [pour === 0 ? "aucune voix pour" : plural(pour, "voix pour", "voix pour"), contre === 0 ? "aucune voix contre" : plural(contre, "voix contre", "voix contre")];
  parts.push(abst === 0 ? "aucune abstention" : plural(abst, "abstention"));
  return `par ${joinFr(parts)}`;
}

const MAJORITY_WORDS: Record<string, string> = {
  simple: "la majorité simple des suffrages exprimés",
  absolue: "la majorité absolue des suffrages exprimés",
  deux_tiers: "la majorité des deux tiers des suffrages exprimés",
  trois_quarts: "la majorité des trois quarts des suffrages exprimés",
};

/** The result of a vote as the procès-verbal writes it; `statuts` names the statuts whose majority applies. */
function voteView(kind: MeetingKind, e: ExpectedResolution, vote: Vote | undefined, majority: string | undefined, path: string, statuts: string): VoteView {
  const what = e.code === "election" || e.code === "bureau" ? "Cette élection est acquise" : "Cette résolution est adoptée";
  // The field names to fill are quoted: a bare « unanimite » reads as a misspelt word.
  const manquant = `résultat du vote «${NBSP}${lowerFirst(e.intitule)}${NBSP}» : «${NBSP}unanimite: true${NBSP}», ou les voix «${NBSP}pour${NBSP}», «${NBSP}contre${NBSP}» et «${NBSP}abstentions${NBSP}» (${path}.resolutions)`;
  if (!vote || (vote.unanimite !== true && vote.pour === undefined)) return { texte: undefined, manquant };
  const voters = kind === "conseil" ? "des administrateurs présents et représentés" : e.college ? `des membres du ${e.college} présents et représentés` : "des membres présents et représentés";
  if (vote.unanimite === true) return { texte: `${what} à l’unanimité ${voters}.`, manquant };
  const reached = majority ? majorityReached(majority, vote) : (vote.pour ?? 0) > (vote.contre ?? 0);
  const rule = majority && MAJORITY_WORDS[majority] ? `, ${reached ? "soit" : "sans atteindre"} ${MAJORITY_WORDS[majority]} que demandent ${statuts}` : "";
  if (reached === false) {
    const rejected = e.code === "election" || e.code === "bureau" ? "Cette élection n’est pas acquise" : "Cette résolution n’est pas adoptée";
    return { texte: `${rejected} : ${countVotes(vote).replace(/^par /, "")}${rule}.`, manquant };
  }
  return { texte: `${what} ${countVotes(vote)}${rule}.`, manquant };
}

function names(list: readonly DirigeantView[]): string | undefined {
  const named = list.map((d) => d.nom_complet).filter((n): n is string => n !== undefined);
  return named.length > 0 ? joinFr(named) : undefined;
}

function electionView(college: string | undefined, dirigeants: readonly DirigeantView[]): ElectionView {
  const members = dirigeants.filter((d) => college === undefined || d.college === college);
  const titulaires = members.filter((d) => d.titulaire);
  const suppleants = members.filter((d) => !d.titulaire);
  return {
    college,
    titulaires,
    suppleants,
    titulaires_texte: names(titulaires),
    suppleants_texte: names(suppleants),
    titulaires_titre: upperFirst(roleLabel("titulaire", titulaires.length === 1 ? titulaires[0]!.genre : titulaires.map((d) => d.genre))),
    suppleants_titre: upperFirst(roleLabel("suppleant", suppleants.length === 1 ? suppleants[0]!.genre : suppleants.map((d) => d.genre))),
  };
}

/**
 * Quorum and majority of the statuts this meeting votes under: none for the founders, who adopt
 * them; for the extraordinary assembly, the statuts in force before it (founding.ts).
 */
function rulesOf(project: Project, kind: MeetingKind): { quorum?: string; majorite?: string; statuts: string } {
  return statutsRules(project.association ?? {}, kind) ?? { statuts: "les statuts" };
}

/** « le 3 mars 2015 », the dates of a version of the statuts. */
function versionWords(project: Project): string {
  const { date, adoption, modifications } = statutsInForceBefore(project);
  if (adoption !== undefined && (date === adoption || date === modifications.at(-1))) {
    const changed = modifications.length > 0 ? ` et modifiés ${joinFr(modifications.map((d) => `le ${dated(d).texte}`))}` : "";
    return `, adoptés le ${dated(adoption).texte}${changed}`;
  }
  return date !== undefined ? `, dans leur version du ${dated(date).texte}` : "";
}

/**
 * The statuts an extraordinary assembly votes under, the quorum they set computed from the
 * members present and represented, and their majority; never the rules of the statuts it adopts.
 */
function statutsInForceView(project: Project, meeting: Reunion | undefined): StatutsInForceView {
  const path = "association.ag_extraordinaire.statuts_anterieurs";
  const before = project.association?.ag_extraordinaire?.statuts_anterieurs;
  const rules = rulesOf(project, "extraordinaire");
  const subject = before?.article ? `Leur article ${before.article}` : "Ils";
  const verb = (singular: string, pluralForm: string) => (before?.article ? singular : pluralForm);
  let quorum: string | undefined;
  const membres = meeting?.membres;
  if (rules.quorum === "aucun") {
    quorum = `${subject} ${verb("ne fixe", "ne fixent")} pas de quorum${NBSP}: l’assemblée délibère valablement.`;
  } else if (rules.quorum !== undefined) {
    const required = quorumRequired(rules.quorum, membres);
    const head = `${subject} ${verb("fixe", "fixent")} le quorum ${quorumAt(rules.quorum) ?? rules.quorum}`;
    if (required === null || membres === undefined) quorum = `${head}.`;
    else {
      const share = `${head}, soit ${plural(required, "membre", "membres")} sur ${formatNumber(membres)}`;
      const presents = meeting?.presents;
      if (presents === undefined) quorum = `${share}.`;
      else {
        const voters = presents + (meeting?.representes ?? 0);
        const ok = voters >= required;
        quorum = `${share}${NBSP}: avec ${plural(voters, "membre présent ou représenté", "membres présents ou représentés")}, l’assemblée ${ok ? "peut valablement délibérer" : "ne peut pas délibérer"}.`;
      }
    }
  }
  const majority = rules.majorite !== undefined ? MAJORITY_WORDS[rules.majorite] : undefined;
  const majoritySubject = before?.article ? (quorum !== undefined ? "Le même article prévoit" : `Leur article ${before.article} prévoit`) : "Ils prévoient";
  return {
    phrase: `L’assemblée délibère selon les statuts en vigueur le jour de sa réunion${versionWords(project)}.`,
    quorum_texte: quorum,
    quorum_manquant: `quorum de l’assemblée générale extraordinaire selon les statuts en vigueur avant elle, et non ceux qu’elle adopte (${path}.quorum)`,
    majorite_texte: majority ? `${majoritySubject} que l’assemblée décide à ${majority}.` : undefined,
    majorite_manquant: `majorité que demandent, pour les décisions de l’assemblée générale extraordinaire, les statuts en vigueur avant elle (${path}.majorite)`,
  };
}

function quorumText(project: Project, kind: MeetingKind, meeting: Reunion | undefined, association: AssociationView): string | undefined {
  const presents = meeting?.presents;
  if (presents === undefined) return undefined;
  const voters = presents + (meeting?.representes ?? 0);
  if (kind === "constitutive") {
    const min = regime(projectRegime(project)).membres_min;
    const law = projectRegime(project) === "droit_local" ? "Le code civil local demande" : "La loi du 1er juillet 1901 demande";
    // « Members », not « founders »: the founders are those who sign the statuts (seven at least
    // in droit local), counted by the resolution that adopts them; every member present may not sign.
    return `${law} au moins ${numberInWords(min)}${NBSP}membres pour fonder une association${NBSP}: ${plural(voters, "membre est présent ou représenté", "membres sont présents ou représentés")}.`;
  }
  if (kind === "extraordinaire") return statutsInForceView(project, meeting).quorum_texte;
  const rule = rulesOf(project, kind).quorum;
  const membres = boardVoters(project);
  const required = quorumRequired(rule, membres);
  if (required === null || membres === undefined || rule === undefined) return undefined;
  const article = association.articles.conseil;
  if (rule === "aucun") return `L’article ${article} des statuts ne fixe pas de quorum${NBSP}: le conseil délibère valablement.`;
  const ok = voters >= required;
  return (
    `L’article ${article} des statuts fixe le quorum ${quorumAt(rule) ?? "à une part des membres"}, soit ${formatNumber(required)} administrateurs sur ${formatNumber(membres)}${NBSP}: ` +
    `avec ${plural(voters, "administrateur présent ou représenté", "administrateurs présents ou représentés")}, le conseil ${ok ? "peut valablement délibérer" : "ne peut pas délibérer"}.`
  );
}

/** The powers the meeting gives for the formalities, as the statuts’ article on formalities has them. */
function powersText(project: Project, kind: MeetingKind, association: AssociationView): string | undefined {
  if (kind === "conseil") return undefined;
  const article = association.articles.formalites;
  const local = projectRegime(project) === "droit_local";
  const amended = kind === "extraordinaire";
  if (local) {
    return (
      `Conformément à l’article ${article} des statuts, l’assemblée générale donne tous pouvoirs aux membres du bureau, qui constituent la direction de l’association, ` +
      `pour requérir ${amended ? "l’inscription des modifications des statuts et des changements de la direction" : "l’inscription de l’association"} au registre des associations du tribunal judiciaire et en faire publier l’avis.`
    );
  }
  return (
    `Conformément à l’article ${article} des statuts, l’assemblée générale donne tous pouvoirs à la présidence de l’association pour ` +
    (amended
      ? "déclarer à la préfecture, dans les trois mois, les modifications des statuts et les changements de personnes chargées de l’administration."
      : "déclarer l’association à la préfecture et demander la publication de sa création au Journal officiel des associations et fondations d’entreprise.")
  );
}

function agenda(project: Project, kind: MeetingKind, expected: readonly ExpectedResolution[]): string[] {
  const items = expected.map((e) => lowerFirst(e.intitule));
  if (kind === "constitutive") return ["présentation du projet de communauté professionnelle territoriale de santé", ...items];
  if (kind === "extraordinaire") return ["présentation du projet de communauté professionnelle territoriale de santé et des modifications des statuts", ...items];
  return items;
}

function meetingView(project: Project, kind: MeetingKind, association: AssociationView): MeetingView {
  const meeting = meetingOf(project, kind);
  const path = MEETING_PATHS[kind];
  const expected = expectedResolutions(project, kind);
  const rules = rulesOf(project, kind);
  const majority = rules.majorite;
  const presents = meeting?.presents;
  const representes = meeting?.representes;
  const date = kind === "constitutive" ? dated(meeting?.date ?? project.calendrier?.ag_constitutive) : dated(meeting?.date);
  const members = kind === "conseil" ? ["administrateur présent", "administrateurs présents"] : ["membre présent", "membres présents"];
  return {
    tenue: meeting !== undefined,
    date,
    heure: hourText(meeting?.heure),
    lieu: text(meeting?.lieu),
    membres: kind === "conseil" ? boardVoters(project) : meeting?.membres,
    presents,
    representes,
    presents_texte: presents !== undefined ? plural(presents, members[0]!, members[1]!) : undefined,
    representes_texte: representes !== undefined && representes > 0 ? plural(representes, members[0]!.replace("présent", "représenté"), members[1]!.replace("présents", "représentés")) : undefined,
    total_texte: presents !== undefined ? plural(presents + (representes ?? 0), `${members[0]} ou représenté`, `${members[1]} ou représentés`) : undefined,
    quorum_texte: quorumText(project, kind, meeting, association),
    statuts_en_vigueur: kind === "extraordinaire" ? statutsInForceView(project, meeting) : undefined,
    president: sessionPerson(project, meeting?.president_seance, "president_seance", path),
    secretaire: sessionPerson(project, meeting?.secretaire_seance, "secretaire_seance", path),
    ordre_du_jour: agenda(project, kind, expected),
    resolutions: expected.map((e, i) => ({
      numero: i + 1,
      titre: `${upperFirst(ordinalInWords(i + 1, true))} résolution`,
      code: e.code,
      intitule: e.intitule,
      college: e.college,
      // Elections follow no statutory majority of their own: the result is reported as it is.
      vote: voteView(kind, e, voteOf(meeting, e), kind === "constitutive" || e.code === "election" ? undefined : majority, path, rules.statuts),
      election: e.code === "election" ? electionView(e.college, association.dirigeants) : undefined,
    })),
    pouvoirs_texte: powersText(project, kind, association),
  };
}

/** The three meetings a procès-verbal may record; those the project does not hold stay empty. */
export function meetingsSection(project: Project, association: AssociationView): MeetingsView {
  return {
    constitutive: meetingView(project, "constitutive", association),
    extraordinaire: meetingView(project, "extraordinaire", association),
    conseil: meetingView(project, "conseil", association),
  };
}

/**
 * What each ACI mission is expected to contain (`composantes` in data/missions.json) and whether
 * a mission’s actions cover it; whether each action’s indicators say where they start, where
 * they come from, what they aim at and by when. Pure.
 *
 * An action covers a component when it says so (`composantes: [medecin-traitant]`, a field the
 * project file does not have yet: see the design note in the change that added this module), or,
 * failing that, when its text contains one of the component’s keywords. A mission with a single
 * required component covers it with any action. The way each coverage was found is returned
 * (`via`), so that a check can be strict on declared components and lenient on guessed ones.
 */
import missionsJson from "./data/missions.json" with { type: "json" };
import { type Confiance, type MissionCode } from "./aci.js";
import { NBSP, lowerFirst, quote } from "../french/index.js";
import type { Finding, Severity } from "../project/index.js";

export interface MissionComponent {
  code: string;
  libelle: string;
  attendu: string;
  /** Missing-content sentence, after « <mission> : » (« aucune action sur les soins non programmés »). */
  manque: string;
  obligatoire: boolean;
  condition?: string;
  mots_cles?: string[];
  priorites?: { code: string; libelle: string }[];
  elements?: { code: string; libelle: string }[];
  types_de_crise?: { code: string; libelle: string }[];
  /** Code of an aci.json calendar rule that sets its deadline (`PLAN_CRISE`). */
  regle_calendrier?: string;
  note?: string;
  source: string[];
  valid_from: string;
  confiance: Confiance;
}

interface MissionEntry {
  code: MissionCode;
  libelle: string;
  socle: boolean;
  valid_from: string;
  composantes: MissionComponent[];
}

const MISSIONS = missionsJson.missions as unknown as MissionEntry[];

/** The parts of a fiche-action this module reads (a `FicheAction` of the project file fits). */
export interface ActionLike {
  intitule?: string;
  objectif?: string;
  public?: string;
  moyens?: string;
  calendrier?: { debut?: string; fin?: string; commentaire?: string };
  indicateurs?: IndicatorLike[];
  /** Proposed field: the components the action covers, e.g. `[medecin-traitant, soins-non-programmes]`. */
  composantes?: string[];
}

export interface IndicatorLike {
  libelle?: string;
  valeur_initiale?: string | number;
  cible?: string | number;
  echeance?: string;
  source?: string;
}

export interface ComponentCoverage {
  composante: MissionComponent;
  couverte: boolean;
  /** Index of each covering action and how it was recognised. */
  par: { action: number; via: "champ" | "texte" | "mission" }[];
}

function mission(code: MissionCode): MissionEntry {
  const found = MISSIONS.find((m) => m.code === code);
  if (!found) throw new RangeError(`Mission inconnue${NBSP}: ${String(code)}`);
  return found;
}

/** Every component of every mission, in the missions' order: the schema's `composante_mission` list. */
export const MISSION_COMPONENTS: readonly { code: string; libelle: string; mission: MissionCode }[] = MISSIONS.flatMap((m) =>
  m.composantes.map((c) => ({ code: c.code, libelle: c.libelle, mission: m.code })),
);

/** The mission a component code belongs to, or undefined for an unknown code. */
export function componentMission(code: string): MissionCode | undefined {
  return MISSION_COMPONENTS.find((c) => c.code === code)?.mission;
}

/** Components expected for a mission on `date` (all of them when no date is given). */
export function expectedComponents(code: MissionCode, date?: string): MissionComponent[] {
  return mission(code).composantes.filter((c) => date === undefined || c.valid_from <= date);
}

/** No accents, apostrophes and punctuation as single spaces, capitals kept. */
function caseKept(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Lower case, no accents, apostrophes and punctuation as spaces: « d’accès » and « d'acces » meet. */
export function normalise(text: string): string {
  return caseKept(text).toLowerCase();
}

const ACRONYM = /^[A-Z0-9]{2,}$/;

/**
 * A keyword as a pattern: whole words, a final `*` accepting any word end. An acronym (« SAS »,
 * « SNP ») matches only in capitals, so that the word « sas » does not pass for the service.
 */
function keywordPattern(keyword: string): { acronym: boolean; re: RegExp } {
  const prefix = keyword.endsWith("*");
  const bare = prefix ? keyword.slice(0, -1) : keyword;
  const acronym = ACRONYM.test(bare);
  const words = acronym ? bare : normalise(bare);
  const escaped = words.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return { acronym, re: new RegExp(`(?:^| )${escaped}${prefix ? "" : "(?= |$)"}`) };
}

const PATTERNS = new Map<string, { acronym: boolean; re: RegExp }[]>();
for (const m of MISSIONS) {
  for (const c of m.composantes) PATTERNS.set(`${m.code}/${c.code}`, (c.mots_cles ?? []).map(keywordPattern));
}

/** The action’s words twice: normalised, and with their capitals kept (for acronyms). */
function actionText(action: ActionLike): { normalised: string; cased: string } {
  const parts = [action.intitule, action.objectif, action.public, action.moyens, action.calendrier?.commentaire];
  for (const ind of action.indicateurs ?? []) parts.push(ind.libelle);
  const text = parts.filter((p): p is string => typeof p === "string").join(" \n ");
  return { normalised: normalise(text), cased: caseKept(text) };
}

/**
 * Which expected components of mission `code` its actions cover. An action that declares its
 * components is judged on them only; the others on their text.
 */
export function missionCoverage(code: MissionCode, actions: readonly ActionLike[], date?: string): ComponentCoverage[] {
  const components = expectedComponents(code, date);
  const required = components.filter((c) => c.obligatoire);
  return components.map((c) => {
    const par: ComponentCoverage["par"] = [];
    actions.forEach((action, i) => {
      if (Array.isArray(action.composantes)) {
        if (action.composantes.includes(c.code)) par.push({ action: i, via: "champ" });
        return;
      }
      if (required.length === 1 && required[0] === c) {
        par.push({ action: i, via: "mission" });
        return;
      }
      const text = actionText(action);
      const hit = (PATTERNS.get(`${code}/${c.code}`) ?? []).some((k) => k.re.test(k.acronym ? text.cased : text.normalised));
      if (hit) par.push({ action: i, via: "texte" });
    });
    return { composante: c, couverte: par.length > 0, par };
  });
}

/**
 * Required components a mission’s actions leave uncovered: « accès aux soins : aucune action sur
 * les soins non programmés ». An error when the mission’s actions declare their components (the
 * answer is known), a warning when coverage was read from their text (it may be worded otherwise).
 * A mission without any action gets no finding here: that is a finding of its own elsewhere.
 */
export function checkMissionComponents(
  m: { code: MissionCode; actions?: readonly ActionLike[] },
  index: number,
  date?: string,
): Finding[] {
  const actions = m.actions ?? [];
  if (actions.length === 0) return [];
  const declared = actions.some((a) => Array.isArray(a.composantes));
  const severity: Severity = declared ? "erreur" : "avertissement";
  const label = lowerFirst(mission(m.code).libelle);
  return missionCoverage(m.code, actions, date)
    .filter((c) => c.composante.obligatoire && !c.couverte)
    .map((c) => ({
      path: `missions[${index}].actions`,
      severity,
      code: `missions.composante.${m.code}.${c.composante.code}`,
      message:
        `${label}${NBSP}: ${c.composante.manque}. Attendu${NBSP}: ${lowerFirst(c.composante.attendu)}` +
        (declared ? "" : " Si une action y répond déjà, dites-le dans son intitulé ou son objectif."),
    }));
}

/**
 * Components an action declares that are not components of its mission (« plan-crise » under the
 * accès mission): an error, since the action would be counted for a mission it does not serve.
 */
export function checkDeclaredComponents(m: { code: MissionCode; actions?: readonly ActionLike[] }, index: number): Finding[] {
  const own = new Set(mission(m.code).composantes.map((c) => c.code));
  const label = lowerFirst(mission(m.code).libelle);
  const out: Finding[] = [];
  (m.actions ?? []).forEach((action, j) => {
    (action.composantes ?? []).forEach((code, k) => {
      if (own.has(code)) return;
      const other = componentMission(code);
      out.push({
        path: `missions[${index}].actions[${j}].composantes[${k}]`,
        severity: "erreur",
        code: "missions.composante-hors-mission",
        message:
          `${label}${NBSP}: l’action ${quote(action.intitule ?? `n°${NBSP}${j + 1}`)} déclare la composante ${quote(code)}` +
          (other ? `, qui relève de la mission ${quote(mission(other).libelle)}` : ", inconnue") +
          `${NBSP}; composantes de cette mission${NBSP}: ${[...own].join(", ")}.`,
      });
    });
  });
  return out;
}

const INDICATOR_FIELDS = [
  { key: "valeur_initiale", label: "sa valeur initiale" },
  { key: "source", label: "sa source" },
  { key: "cible", label: "sa cible" },
  { key: "echeance", label: "son échéance" },
] as const;

function filled(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value);
  return typeof value === "string" && value.trim() !== "";
}

/**
 * Actions without indicator, and indicators without their baseline (`valeur_initiale`),
 * `source`, target (`cible`) or date (`echeance`): one warning per indicator, naming what is
 * missing, at the path of the first missing field.
 */
export function checkActionIndicators(m: { code: MissionCode; actions?: readonly ActionLike[] }, index: number): Finding[] {
  const out: Finding[] = [];
  const label = lowerFirst(mission(m.code).libelle);
  (m.actions ?? []).forEach((action, j) => {
    const path = `missions[${index}].actions[${j}]`;
    const name = action.intitule ?? `n°${NBSP}${j + 1}`;
    const indicators = action.indicateurs ?? [];
    if (indicators.length === 0) {
      out.push({
        path: `${path}.indicateurs`,
        severity: "avertissement",
        code: "missions.action-sans-indicateur",
        message: `${label}${NBSP}: l’action ${quote(name)} n’a aucun indicateur (valeur initiale, source, cible et échéance).`,
      });
      return;
    }
    indicators.forEach((ind, k) => {
      const missing = INDICATOR_FIELDS.filter((f) => !filled(ind[f.key]));
      if (missing.length === 0) return;
      const what = missing.length === 1 ? `pas ${missing[0]!.label}` : `ni ${missing.map((f) => f.label).join(", ni ")}`;
      out.push({
        path: `${path}.indicateurs[${k}].${missing[0]!.key}`,
        severity: "avertissement",
        code: "missions.indicateur-incomplet",
        message:
          `${label}${NBSP}: l’indicateur ${quote(ind.libelle ?? `n°${NBSP}${k + 1}`)} de l’action ${quote(name)} ne donne ${what}` +
          `${NBSP}; le dialogue de gestion annuel avec l’ARS et la CPAM s’appuie sur ces quatre informations.`,
      });
    });
  });
  return out;
}

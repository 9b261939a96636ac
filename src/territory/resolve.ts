/**
 * Turns what a user wrote (INSEE codes, SIREN, département numbers, names) into the list of
 * communes of the territory. Pure functions over the loaded data: no input/output besides the
 * first, lazy read of the data. Problems are returned as findings, never thrown.
 */
import { joinFr } from "../french/index.js";
import type { Finding, Severity } from "../project/index.js";
import { getTerritoryData, type Commune, type Department, type Epci, type TerritoryData } from "./data.js";
import {
  communesOfDepartment,
  communesWithPostalCode,
  departmentsOfEpci,
  describeCommune,
  describeDepartment,
  describeEpci,
  epciCoreKey,
  epciKey,
  nameIndexes,
  ofName,
  type NameIndexes,
} from "./names.js";
import { searchTerritory } from "./search.js";
import { messageText, nameKey } from "./text.js";

/** What a query is expected to designate; when absent, the shape of the value decides. */
export type TerritoryKind = "commune" | "epci" | "departement";

export interface TerritoryQuery {
  /** What the user wrote: a code or a name, e.g. « 24037 », « Bergerac », « Saint-Laurent (74) ». */
  value: string;
  kind?: TerritoryKind;
  /** Path of this item in the project file (`territoire.communes[3]`), copied into findings. */
  path?: string;
}

export type ResolvedKind = "commune" | "arrondissement" | "epci" | "departement";

export interface ResolvedItem {
  /** The value as written. */
  query: string;
  path?: string;
  kind: ResolvedKind;
  /** INSEE code, SIREN or département code of what was found. */
  code: string;
  name: string;
  /** INSEE codes of the communes (or arrondissements municipaux) it covers, in data order. */
  communes: readonly string[];
}

/** A commune of the territory and the path of the item it comes from. */
export interface CommuneRef {
  code: string;
  path?: string;
}

export interface ResolveItemResult {
  /** null when nothing could be resolved (an error finding says why). */
  item: ResolvedItem | null;
  findings: Finding[];
}

export interface ResolveResult {
  /** One entry per query that resolved, in query order. */
  items: ResolvedItem[];
  /** Communes of all items, each once, in first-seen order, with the path of its item. */
  communes: CommuneRef[];
  findings: Finding[];
}

export interface ResolveOptions {
  /** Kind of every string query (a {@link TerritoryQuery} may override it). */
  kind?: TerritoryKind;
  /** Path of the list in the project file: item i gets `${path}[i]` unless it has its own path. */
  path?: string;
  /** Data to use instead of the lazily loaded default (tests, benchmarks). */
  data?: TerritoryData;
}

const MAX_LISTED = 8;

class Context {
  readonly findings: Finding[] = [];
  private indexes: NameIndexes | undefined;
  constructor(
    readonly data: TerritoryData,
    readonly path: string | undefined,
  ) {}
  get idx(): NameIndexes {
    this.indexes ??= nameIndexes(this.data);
    return this.indexes;
  }
  add(severity: Severity, code: string, message: string): void {
    this.findings.push(makeFinding(severity, code, message, this.path));
  }
  /** « au 1er janvier 2026 » when the data's year is known. */
  get asOf(): string {
    const year = this.data.source.cogYear;
    return year === null ? "" : ` au 1er janvier ${year}`;
  }
}

function makeFinding(severity: Severity, code: string, message: string, path: string | undefined): Finding {
  return { path: path ?? "", message: messageText(message), severity, code };
}

/** Lists at most {@link MAX_LISTED} items, then « et N autres ». */
function listSome(items: readonly string[]): string {
  if (items.length <= MAX_LISTED) return joinFr(items);
  return `${items.slice(0, MAX_LISTED).join(", ")} et ${items.length - MAX_LISTED} autres`;
}

function describeFormer(c: Commune): string {
  const what = c.kind === "deleguee" ? "commune déléguée" : "commune associée";
  return `${c.name} (${what} ${ofName(c.parent?.name ?? "?")}, ${c.department.name}, ${c.code})`;
}

function describeAny(c: Commune): string {
  return c.kind === "deleguee" || c.kind === "associee" ? describeFormer(c) : describeCommune(c);
}

function communeItem(query: string, path: string | undefined, c: Commune): ResolvedItem {
  return {
    query,
    ...(path === undefined ? {} : { path }),
    kind: c.kind === "arrondissement" ? "arrondissement" : "commune",
    code: c.code,
    name: c.name,
    communes: [c.code],
  };
}

function epciItem(query: string, path: string | undefined, e: Epci): ResolvedItem {
  return {
    query,
    ...(path === undefined ? {} : { path }),
    kind: "epci",
    code: e.code,
    name: e.name,
    communes: e.members.map((m) => m.code),
  };
}

function departmentItem(ctx: Context, query: string, d: Department): ResolvedItem {
  return {
    query,
    ...(ctx.path === undefined ? {} : { path: ctx.path }),
    kind: "departement",
    code: d.code,
    name: d.name,
    communes: communesOfDepartment(ctx.data, d.code).map((c) => c.code),
  };
}

/** Replaces a commune déléguée or associée by its commune actuelle, with a warning. */
function replaceFormer(ctx: Context, former: Commune): Commune {
  const parent = former.parent!;
  const what = former.kind === "deleguee" ? "une commune déléguée" : "une commune associée";
  ctx.add(
    "avertissement",
    "territoire.commune-deleguee",
    `${former.name} (${former.code}) est ${what} ${ofName(parent.name)}, remplacée par ${describeCommune(parent)} : ` +
      `la commune entière est comptée dans le territoire.`,
  );
  return parent;
}

// ---------------------------------------------------------------------------------------------
// Codes

type Shape = "siren" | "insee" | "departement" | "number" | "name";

function classify(raw: string): { shape: Shape; code: string } {
  const trimmed = raw.trim();
  if (/^[0-9][0-9\s\u00a0\u202f.]*$/.test(trimmed)) {
    const digits = trimmed.replace(/[\s\u00a0\u202f.]/g, "");
    if (digits.length === 9) return { shape: "siren", code: digits };
    if (digits.length === 5) return { shape: "insee", code: digits };
    if (digits.length === 2 || (digits.length === 3 && digits.startsWith("97"))) return { shape: "departement", code: digits };
    if (digits.length === 1 && digits !== "0") return { shape: "departement", code: `0${digits}` };
    return { shape: "number", code: digits };
  }
  const upper = trimmed.toUpperCase();
  if (/^2[AB][0-9]{3}$/.test(upper)) return { shape: "insee", code: upper };
  if (/^2[AB]$/.test(upper)) return { shape: "departement", code: upper };
  return { shape: "name", code: trimmed };
}

const EXPECTED: Record<TerritoryKind, string> = {
  commune: "un code INSEE de commune (5 caractères, par exemple « 24037 »)",
  epci: "un SIREN d’intercommunalité (9 chiffres, par exemple « 200070647 »)",
  departement: "un numéro de département (par exemple « 24 », « 2A » ou « 971 »)",
};

const SHAPE_KIND: Partial<Record<Shape, TerritoryKind>> = { siren: "epci", insee: "commune", departement: "departement" };

/** What a well-formed code designates, for messages: « le code INSEE de Bergerac (Dordogne, 24037) ». */
function whatCodeIs(data: TerritoryData, shape: Shape, code: string): string | null {
  if (shape === "siren") {
    const e = data.epci(code);
    return e ? `le SIREN ${ofName(e.name)} (${departmentsOfEpci(data, e).map((d) => d.name).join(", ")})` : null;
  }
  if (shape === "insee") {
    const c = data.commune(code) ?? data.formerCommunes(code)[0];
    return c ? `le code INSEE de ${describeAny(c)}` : null;
  }
  if (shape === "departement") {
    const d = data.departments.get(code);
    return d ? `le numéro du département ${describeDepartment(d)}` : null;
  }
  return null;
}

export interface CommuneLookup {
  /** The commune actuelle or arrondissement municipal; null when the code is unknown. */
  commune: Commune | null;
  findings: Finding[];
}

/**
 * Looks up one INSEE code. A commune actuelle or an arrondissement municipal is returned as
 * is; a commune déléguée or associée, or the former code of a merged commune, gives its
 * commune actuelle and a warning; an unknown code gives null and an error (saying so when the
 * code is in fact a postal code). With `hints`, a valid code that is also the postal code of
 * other communes gets an information finding.
 */
export function lookupCommuneCode(
  code: string,
  options: { path?: string; data?: TerritoryData; hints?: boolean } = {},
): CommuneLookup {
  const ctx = new Context(options.data ?? getTerritoryData(), options.path);
  const commune = lookupCode(ctx, code.trim().toUpperCase(), options.hints ?? false);
  return { commune, findings: ctx.findings };
}

function lookupCode(ctx: Context, code: string, hints: boolean): Commune | null {
  const { data } = ctx;
  const direct = data.commune(code);
  if (direct) {
    if (hints) {
      const sharing = communesWithPostalCode(data, code).filter((c) => c !== direct);
      if (sharing.length > 0 && !direct.postalCodes.includes(code)) {
        ctx.add(
          "info",
          "territoire.code-postal",
          `« ${code} » est le code INSEE de ${describeCommune(direct)} ; c’est aussi le code postal de ` +
            `${listSome(sharing.map(describeCommune))}. Vérifiez qu’il s’agit bien du code INSEE.`,
        );
      }
    }
    return direct;
  }
  const former = data.formerCommunes(code)[0];
  if (former) return replaceFormer(ctx, former);
  const absorbed = data.absorbedBy(code);
  const byPostalCode = communesWithPostalCode(data, code);
  if (byPostalCode.length > 0) {
    // A postal code in use is a likelier intent than a code retired decades ago.
    const formerly = absorbed ? ` C’est aussi un ancien code INSEE de ${describeCommune(absorbed)}.` : "";
    ctx.add(
      "erreur",
      "territoire.code-postal",
      `« ${code} » n’est pas un code INSEE de commune mais un code postal : ${listSome(byPostalCode.map(describeCommune))}. ` +
        `Indiquez le code INSEE de la commune (entre parenthèses ci-dessus).${formerly}`,
    );
    return null;
  }
  if (absorbed) {
    ctx.add(
      "avertissement",
      "territoire.ancien-code",
      `« ${code} » est un ancien code INSEE, remplacé par celui de ${describeCommune(absorbed)} ` +
        `(fusion de communes ou changement de département) : c’est cette commune qui compte dans le territoire.`,
    );
    return absorbed;
  }
  ctx.add(
    "erreur",
    "territoire.inconnu",
    `Code INSEE inconnu « ${code} » : aucune commune ne porte ce code${ctx.asOf}. ` +
      `Vérifiez-le, ou écrivez le nom de la commune.`,
  );
  return null;
}

function resolveCode(ctx: Context, query: string, shape: Shape, code: string, kind: TerritoryKind | undefined): ResolvedItem | null {
  const expected = SHAPE_KIND[shape];
  if (expected === undefined) {
    // A number of the wrong length.
    let message =
      `« ${query.trim()} » n’est pas un code reconnu : ${EXPECTED.commune}, ${EXPECTED.epci} ` +
      `ou ${EXPECTED.departement}.`;
    if (code.length === 4) {
      const padded = ctx.data.commune(`0${code}`);
      if (padded) {
        message +=
          ` Vouliez-vous dire « 0${code} » (${padded.name}, ${padded.department.name}) ? ` +
          `Écrivez les codes entre guillemets dans cpts.yaml : sans guillemets, le 0 initial est perdu.`;
      }
    }
    ctx.add("erreur", "territoire.code-invalide", message);
    return null;
  }
  if (kind !== undefined && kind !== expected) {
    const actual = whatCodeIs(ctx.data, shape, code);
    ctx.add(
      "erreur",
      "territoire.type",
      actual
        ? `« ${query.trim()} » est ${actual}, pas ${EXPECTED[kind]}.`
        : `« ${query.trim()} » n’est pas ${EXPECTED[kind]}.`,
    );
    return null;
  }
  if (expected === "epci") {
    const e = ctx.data.epci(code);
    if (e) return epciItem(query, ctx.path, e);
    ctx.add(
      "erreur",
      "territoire.inconnu",
      `SIREN inconnu « ${code} » : aucune intercommunalité (EPCI à fiscalité propre ou établissement public territorial) ` +
        `ne porte ce numéro${ctx.asOf}.`,
    );
    return null;
  }
  if (expected === "departement") {
    const d = ctx.data.departments.get(code);
    if (d) return departmentItem(ctx, query, d);
    const hint = code === "20" ? " La Corse a deux départements : « 2A » (Corse-du-Sud) et « 2B » (Haute-Corse)." : "";
    ctx.add("erreur", "territoire.inconnu", `Numéro de département inconnu « ${code} ».${hint}`);
    return null;
  }
  const commune = lookupCode(ctx, code, true);
  return commune ? communeItem(query, ctx.path, commune) : null;
}

// ---------------------------------------------------------------------------------------------
// Names

const CITY_WITH_ARRONDISSEMENTS: Record<string, { code: string; base: number; count: number; name: string }> = {
  paris: { code: "75056", base: 75100, count: 20, name: "Paris" },
  lyon: { code: "69123", base: 69380, count: 9, name: "Lyon" },
  marseille: { code: "13055", base: 13200, count: 16, name: "Marseille" },
};

const ARRONDISSEMENT_KEY = /^(paris|lyon|marseille) ([0-9]{1,2})(?:er|re|e|eme|ieme)?(?: arrondissement| arr| ardt)?$/;

/** « Paris 11e », « Paris 11e Arrondissement », « lyon 3 », « Marseille 1er arr ». */
function arrondissementByName(ctx: Context, key: string): Commune | null | undefined {
  const m = ARRONDISSEMENT_KEY.exec(key);
  if (!m) return undefined;
  const city = CITY_WITH_ARRONDISSEMENTS[m[1]!]!;
  const n = Number(m[2]);
  if (n < 1 || n > city.count) {
    ctx.add(
      "erreur",
      "territoire.inconnu",
      `${city.name} compte ${city.count} arrondissements : le ${n}e n’existe pas.`,
    );
    return null;
  }
  return ctx.data.commune(String(city.base + n)) ?? null;
}

type CommuneMatch =
  | { status: "none" }
  | { status: "found"; commune: Commune; homonyms: Commune[] }
  | { status: "former"; former: Commune }
  | { status: "ambiguous"; candidates: Commune[] };

function matchCommune(ctx: Context, key: string, department?: Department): CommuneMatch {
  let list = (ctx.idx.communesByKey.get(key) ?? []).map((i) => ctx.data.communeAt(i));
  if (department) list = list.filter((c) => c.department === department);
  const current = list.filter((c) => c.kind === "commune" || c.kind === "arrondissement");
  // A déléguée named like its own commune actuelle is the same place: not a homonym.
  const former = list.filter((c) => (c.kind === "deleguee" || c.kind === "associee") && !current.includes(c.parent!));
  if (current.length === 1) return { status: "found", commune: current[0]!, homonyms: former };
  if (current.length > 1) return { status: "ambiguous", candidates: [...current, ...former] };
  if (former.length === 1) return { status: "former", former: former[0]! };
  if (former.length > 1) return { status: "ambiguous", candidates: former };
  return { status: "none" };
}

function matchEpcis(ctx: Context, raw: string, allowCore: boolean, department?: Department): Epci[] {
  let list = ctx.idx.epcisByKey.get(epciKey(raw)) ?? [];
  if (list.length === 0 && allowCore) list = ctx.idx.epcisByCoreKey.get(epciCoreKey(raw)) ?? [];
  if (department) list = list.filter((e) => departmentsOfEpci(ctx.data, e).includes(department));
  return [...list];
}

/** A département written in parentheses: « 24 », « 2a », « Dordogne ». */
function departmentHint(ctx: Context, text: string): Department | undefined {
  const { shape, code } = classify(text);
  if (shape === "departement") return ctx.data.departments.get(code);
  return ctx.idx.departmentsByKey.get(nameKey(text));
}

function communeOutcome(ctx: Context, query: string, shown: string, match: CommuneMatch): ResolvedItem | null {
  switch (match.status) {
    case "found": {
      if (match.homonyms.length > 0) {
        ctx.add(
          "info",
          "territoire.homonyme",
          `« ${shown} » : ${describeCommune(match.commune)} a été retenue ; ` +
            `${match.homonyms.length > 1 ? "d’anciennes communes portent" : "une ancienne commune porte"} aussi ce nom : ` +
            `${listSome(match.homonyms.map(describeFormer))}. Donnez le code INSEE pour lever le doute.`,
        );
      }
      return communeItem(query, ctx.path, match.commune);
    }
    case "former":
      return communeItem(query, ctx.path, replaceFormer(ctx, match.former));
    case "ambiguous": {
      const example = match.candidates[0]!;
      ctx.add(
        "erreur",
        "territoire.ambigu",
        `« ${shown} » désigne ${match.candidates.length} communes : ${listSome(match.candidates.map(describeAny))}. ` +
          `Précisez le département, par exemple « ${example.name} (${example.department.code}) », ou donnez le code INSEE.`,
      );
      return null;
    }
    case "none":
      return null;
  }
}

function suggestions(ctx: Context, text: string, kinds: readonly TerritoryKind[]): string {
  const searchKinds = kinds.flatMap((k) =>
    k === "commune" ? (["commune", "arrondissement"] as const) : k === "epci" ? (["epci"] as const) : (["departement"] as const),
  );
  const found = searchTerritory(text, { limit: 3, kinds: searchKinds, data: ctx.data });
  if (found.length === 0) return "";
  const names = found.map((r) =>
    r.kind === "epci"
      ? `${r.name} (SIREN ${r.code})`
      : r.kind === "departement"
        ? `${r.name} (${r.code})`
        : `${r.name} (${r.departmentName}, ${r.code})`,
  );
  return ` Vouliez-vous dire : ${joinFr(names.map((n) => `« ${n} »`))} ?`;
}

const UNKNOWN_NAME: Record<string, string> = {
  commune: "Aucune commune ne s’appelle",
  epci: "Aucune intercommunalité ne s’appelle",
  departement: "Aucun département ne s’appelle",
  any: "Aucune commune, aucune intercommunalité ni aucun département ne s’appelle",
};

function resolveName(ctx: Context, query: string, kind: TerritoryKind | undefined): ResolvedItem | null {
  const raw = query.trim();
  const key = nameKey(raw);
  if (key === "") {
    ctx.add("erreur", "territoire.vide", "Valeur vide : indiquez un code INSEE, un SIREN, un numéro de département ou un nom.");
    return null;
  }
  const kinds: TerritoryKind[] = kind ? [kind] : ["commune", "departement", "epci"];
  const wants = (k: TerritoryKind) => kinds.includes(k);

  if (wants("commune")) {
    const arrondissement = arrondissementByName(ctx, key);
    if (arrondissement === null) return null;
    if (arrondissement) return communeItem(query, ctx.path, arrondissement);
  }

  let commune: CommuneMatch = wants("commune") ? matchCommune(ctx, key) : { status: "none" };
  let department = wants("departement") ? ctx.idx.departmentsByKey.get(key) : undefined;
  let epcis = wants("epci") ? matchEpcis(ctx, raw, kind === "epci") : [];
  let shown = raw;
  let filter: Department | undefined;

  if (commune.status === "none" && !department && epcis.length === 0) {
    const m = /^(.*\S)\s*\(([^()]+)\)$/.exec(raw);
    const hint = m ? departmentHint(ctx, m[2]!) : undefined;
    if (m && hint) {
      filter = hint;
      shown = m[1]!;
      const innerKey = nameKey(shown);
      if (wants("commune")) {
        const arrondissement = arrondissementByName(ctx, innerKey);
        if (arrondissement === null) return null;
        if (arrondissement && arrondissement.department === hint) return communeItem(query, ctx.path, arrondissement);
        commune = matchCommune(ctx, innerKey, hint);
      }
      epcis = wants("epci") ? matchEpcis(ctx, shown, true, hint) : [];
      // « Vienne (86) »: the département named with its own number.
      if (wants("departement") && ctx.idx.departmentsByKey.get(innerKey) === hint) department = hint;
    }
  }
  if (kind === undefined && commune.status === "none" && !department && epcis.length === 0) {
    // In free text, « Bergeracoise » may name the CA Bergeracoise.
    epcis = matchEpcis(ctx, shown, true, filter);
  }

  const categories = [commune.status !== "none", department !== undefined, epcis.length > 0].filter(Boolean).length;
  if (categories === 0) {
    const where = filter ? ` dans le département ${describeDepartment(filter)}` : "";
    const wording = kind ?? (filter ? "commune" : "any");
    let message = `${UNKNOWN_NAME[wording]} « ${shown} »${where}.`;
    if (filter && wants("commune")) {
      const elsewhere = matchCommune(ctx, nameKey(shown));
      if (elsewhere.status !== "none") {
        const places =
          elsewhere.status === "found" ? [elsewhere.commune] : elsewhere.status === "former" ? [elsewhere.former] : elsewhere.candidates;
        message += ` Il en existe ailleurs : ${listSome(places.map(describeAny))}.`;
        ctx.add("erreur", "territoire.inconnu", message);
        return null;
      }
    }
    ctx.add("erreur", "territoire.inconnu", message + suggestions(ctx, shown, kinds));
    return null;
  }

  if (categories > 1) {
    // Paris is both a commune and a département with the same single commune.
    if (commune.status === "found" && department && epcis.length === 0) {
      const ofDepartment = communesOfDepartment(ctx.data, department.code);
      if (ofDepartment.length === 1 && ofDepartment[0] === commune.commune) return communeOutcome(ctx, query, shown, commune);
    }
    const options: string[] = [];
    const how: string[] = [];
    if (department) {
      options.push(`le département ${describeDepartment(department)}`);
      how.push(`« ${department.code} » pour le département`);
    }
    if (commune.status !== "none") {
      const places =
        commune.status === "found" ? [commune.commune] : commune.status === "former" ? [commune.former] : commune.candidates;
      options.push(`${places.length > 1 ? "les communes" : "la commune"} ${listSome(places.map(describeAny))}`);
      const one = places[0]!;
      how.push(
        places.length === 1
          ? `« ${one.name} (${one.department.code}) » (ou « ${one.code} ») pour la commune`
          : "le code INSEE pour une commune",
      );
    }
    if (epcis.length > 0) {
      options.push(`${epcis.length > 1 ? "les intercommunalités" : "l’intercommunalité"} ${listSome(epcis.map((e) => describeEpci(ctx.data, e)))}`);
      how.push("le SIREN pour une intercommunalité");
    }
    ctx.add(
      "erreur",
      "territoire.ambigu",
      `« ${shown} » peut désigner ${joinFr(options, "ou")}. Précisez : ${joinFr(how, "ou")}.`,
    );
    return null;
  }

  if (department) return departmentItem(ctx, query, department);
  if (epcis.length === 1) return epciItem(query, ctx.path, epcis[0]!);
  if (epcis.length > 1) {
    ctx.add(
      "erreur",
      "territoire.ambigu",
      `« ${shown} » désigne ${epcis.length} intercommunalités : ${listSome(epcis.map((e) => describeEpci(ctx.data, e)))}. Donnez le SIREN.`,
    );
    return null;
  }
  return communeOutcome(ctx, query, shown, commune);
}

// ---------------------------------------------------------------------------------------------
// Public API

function toQuery(q: string | TerritoryQuery, kind: TerritoryKind | undefined, path: string | undefined): TerritoryQuery {
  const value = typeof q === "string" ? q : q.value;
  const k = (typeof q === "string" ? undefined : q.kind) ?? kind;
  const p = (typeof q === "string" ? undefined : q.path) ?? path;
  return { value, ...(k === undefined ? {} : { kind: k }), ...(p === undefined ? {} : { path: p }) };
}

/**
 * Resolves one item of a territory: a commune (INSEE code, name, « Nom (dép.) », arrondissement
 * of Paris, Lyon or Marseille), an EPCI (SIREN or name) or a département (code or name).
 * Returns the item with the codes of its communes, or null with an error finding (unknown,
 * ambiguous, malformed, or not of the expected kind). Communes déléguées or associées and
 * former codes are replaced by their commune actuelle with a warning.
 */
export function resolveItem(
  query: string | TerritoryQuery,
  options: { kind?: TerritoryKind; data?: TerritoryData } = {},
): ResolveItemResult {
  const q = toQuery(query, options.kind, undefined);
  const ctx = new Context(options.data ?? getTerritoryData(), q.path);
  const { shape, code } = classify(q.value);
  const item = shape === "name" ? resolveName(ctx, q.value, q.kind) : resolveCode(ctx, q.value, shape, code, q.kind);
  return { item, findings: ctx.findings };
}

/**
 * Resolves every item of a territory and merges their communes. A commune reached twice (the
 * same item listed twice, a commune inside an EPCI also listed, two overlapping EPCI) is kept
 * once, at its first occurrence, with a warning on the later item. Whole communes and their
 * own arrondissements are not reconciled here: {@link summarizeTerritory} does it.
 */
export function resolveTerritory(
  queries: readonly (string | TerritoryQuery)[],
  options: ResolveOptions = {},
): ResolveResult {
  const data = options.data ?? getTerritoryData();
  const items: ResolvedItem[] = [];
  const communes: CommuneRef[] = [];
  const findings: Finding[] = [];
  const origin = new Map<string, ResolvedItem>();
  const itemByKey = new Map<string, ResolvedItem>();

  queries.forEach((query, i) => {
    const path = options.path === undefined ? undefined : `${options.path}[${i}]`;
    const q = toQuery(query, options.kind, path);
    const result = resolveItem(q, { data });
    findings.push(...result.findings);
    const item = result.item;
    if (!item) return;
    items.push(item);

    const label = (it: ResolvedItem) => (it.path ? `${it.name} (${it.path})` : it.name);
    const same = itemByKey.get(`${item.kind}:${item.code}`);
    const repeated = item.communes.filter((c) => origin.has(c));
    if (same) {
      findings.push(
        makeFinding(
          "avertissement",
          "territoire.doublon",
          `${item.name} figure deux fois dans le territoire${same.path ? ` (déjà en ${same.path})` : ""} ; le doublon est ignoré.`,
          item.path,
        ),
      );
    } else if (repeated.length > 0) {
      const firsts = [...new Set(repeated.map((c) => origin.get(c)!))];
      const where = joinFr(firsts.map(label));
      const named = (c: string) => `${data.commune(c)?.name ?? c} (${c})`;
      const message =
        item.communes.length === 1
          ? `${item.name} (${item.code}) fait déjà partie de ${where} ; le doublon est ignoré.`
          : repeated.length === 1
            ? `${named(repeated[0]!)}, commune ${ofName(item.name)}, figure déjà dans le territoire (${where}) ; ` +
              `le doublon est ignoré.`
            : repeated.length === item.communes.length
              ? `Les ${item.communes.length} communes ${ofName(item.name)} figurent déjà dans le territoire (${where}) ; ` +
                `les doublons sont ignorés.`
              : `${repeated.length} des ${item.communes.length} communes ${ofName(item.name)} figurent déjà dans le territoire ` +
                `(${where}) : ${listSome(repeated.map(named))} ; ces doublons sont ignorés.`;
      findings.push(makeFinding("avertissement", "territoire.doublon", message, item.path));
    }
    itemByKey.set(`${item.kind}:${item.code}`, item);
    for (const code of item.communes) {
      if (origin.has(code)) continue;
      origin.set(code, item);
      communes.push(item.path === undefined ? { code } : { code, path: item.path });
    }
  });
  return { items, communes, findings };
}

/**
 * Asking for the schema's fields: one question per field (its title, with its description as
 * the hint), pre-filled with the current answer, checked as typed with valider's rules, saved
 * as soon as it is accepted. Lists of items get a small editor (add, modify, remove, finish).
 */
import { NBSP } from "../french/index.js";
import type { Project } from "../project/index.js";
import type { WizardContext } from "./context.js";
import { displayValue, shorten } from "./display.js";
import { checkAnswer } from "./field-check.js";
import { valueLabel } from "./labels.js";
import { getAt, isBlank, parsePath, setAt, type Path } from "./path.js";
import type { Choice } from "./prompts.js";
import { fieldInfo, requiredFields, type FieldInfo } from "./schema-info.js";

export interface FieldSpec {
  /** Path of the field, relative to the section's or the item's base. */
  path: string;
  /** The question; the schema's title by default. */
  message?: string;
  /** The line under the question; the schema's description by default. */
  hint?: string;
  /** Appended to the hint: an answer a real CPTS gave. */
  example?: string;
  /** Proposed (as the default answer) while the field is empty; a function computes it then. */
  suggest?: unknown | ((project: Project, path: Path) => unknown);
  /** The question is asked only when this is true; `path` is the field’s full path (items: theirs). */
  when?: (project: Project, path: Path) => boolean;
  /** Text lists only: one line, items separated by « ; », instead of the list editor. */
  inline?: boolean;
  /** Lists of sections: how to ask for one item. */
  item?: ItemSpec;
  /** Text fields: the answers to choose from (an empty list asks as free text). */
  choices?: (project: Project) => string[];
  /** Lists of codes: the codes offered, among the schema’s (the components of one mission). */
  values?: (project: Project) => string[];
  /** Turns the typed text into the value to store (default: the text; dates also JJ/MM/AAAA). */
  parse?: (text: string) => unknown;
  /** Turns the stored value into the text shown as default. */
  format?: (value: unknown) => string;
  /** Runs after the answer was saved (e.g. keep a single interlocuteur principal). */
  after?: (ctx: WizardContext, path: Path, value: unknown) => Promise<void>;
}

export interface ItemSpec {
  /** « un porteur »: used in « Ajouter un porteur ». */
  noun: string;
  fields: FieldLike[];
  /** One line that names an item in lists: « Mme Claire Martin (infirmier) ». */
  label(item: Record<string, unknown>, index: number): string;
}

export type FieldLike = string | FieldSpec;

export const spec = (f: FieldLike): FieldSpec => (typeof f === "string" ? { path: f } : f);

const NONE = "\u0000none";

/** Descriptions are written for people editing YAML; drop what does not apply to a question. */
function cleanDescription(info: FieldInfo): string | undefined {
  let text = info.description;
  if (!text) return undefined;
  if (info.kind === "enum" && info.values && info.values.every((v) => text!.includes(v))) return undefined;
  if ((info.kind === "enum" || info.kind === "enum-list") && /^Codes? /.test(text)) return undefined;
  if (text.replace(/\.$/, "").toLowerCase() === info.title.toLowerCase()) return undefined;
  text = text
    .replace(/\s*Écrivez-le entre guillemets\./g, "")
    .replace(/,? entre guillemets(,?)/g, "$1")
    .replace(/^Numéro\.$/, "")
    .replace(/^true (si|pour) /, "Oui $1 ")
    .replace(/^false pour /, "Non pour ")
    .trim();
  return text === "" ? undefined : text;
}

const DATE_FORMAT = "Date au format JJ/MM/AAAA (ou AAAA-MM-JJ), par exemple 01/03/2026.";
const SCHEMA_DATE_FORMAT = /\s*Date au format AAAA-MM-JJ, par exemple [\d-]+\./;

export function hintFor(info: FieldInfo, f: FieldSpec): string | undefined {
  let base = f.hint ?? cleanDescription(info);
  // A hint that only repeats the question says nothing.
  if (base && f.message && base.replace(/\.$/, "").toLowerCase() === f.message.replace(/ \?$/, "").toLowerCase()) base = undefined;
  if (info.kind === "date") {
    base = base?.replace(SCHEMA_DATE_FORMAT, "").trim() || undefined;
    base = base ? `${base} ${DATE_FORMAT}` : DATE_FORMAT;
  }
  if (!f.example) return base;
  const label = base && /par exemple/i.test(base) ? "Autre exemple" : "Exemple";
  return `${base ? `${base} ` : ""}${label}${NBSP}: ${f.example}`;
}

/** `01/03/2026` or `1/3/2026` → `2026-03-01`; anything else is kept for the schema to judge. */
export function parseDate(text: string): string {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (!m) return text.trim();
  return `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
}

function textDefault(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.join(" ; ");
  return String(value);
}

const REQUIRED = "Réponse obligatoire.";

function checker(data: unknown, path: Path, info: FieldInfo) {
  return (value: unknown): string | true => {
    if (value === undefined && info.required) return REQUIRED;
    return checkAnswer(data, path, value);
  };
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const DRAFT_HINT = `Repris${NBSP}: le texte que vous écriviez quand l’assistant a été arrêté (pas encore enregistré).`;

/**
 * What had been typed when the user pressed Ctrl-C at a text question: the prompt (prompts.ts)
 * rejects with an error named `ExitPromptError` that carries it as `typed`.
 */
export function typedBeforeExit(error: unknown): string | undefined {
  if (!(error instanceof Error) || error.name !== "ExitPromptError") return undefined;
  const typed = (error as { typed?: unknown }).typed;
  return typeof typed === "string" && typed.trim() !== "" ? typed : undefined;
}

/**
 * Runs a text question; on Ctrl-C, keeps what was typed as the field's draft (beside the project,
 * never in it) unless it is the saved answer, then lets the wizard stop.
 */
async function keepingDraft(ctx: WizardContext, path: Path, saved: string | undefined, question: () => Promise<string>): Promise<string> {
  try {
    return await question();
  } catch (error) {
    const typed = typedBeforeExit(error);
    if (typed !== undefined && typed.trim() !== (saved ?? "").trim()) await ctx.editor.keepDraft(path, typed);
    throw error;
  }
}

/**
 * Asks for the value of one field, checked against `data` (the project, or a copy holding an
 * item not saved yet). Returns the new value; undefined means « no answer ».
 */
export async function promptValue(ctx: WizardContext, path: Path, f: FieldSpec, data: unknown): Promise<unknown> {
  const info = fieldInfo(path);
  const current = getAt(data, path);
  const message = f.message ?? info.title;
  const hint = hintFor(info, f);
  const check = checker(data, path, info);
  const hinted = hint !== undefined ? { hint } : {};
  const proposed = current ?? (typeof f.suggest === "function" ? f.suggest(ctx.editor.project, path) : f.suggest);

  switch (info.kind) {
    case "integer":
    case "number": {
      const value = await ctx.ask.number({
        message,
        ...hinted,
        ...(typeof proposed === "number" ? { default: proposed } : {}),
        validate: (v) => check(v),
      });
      return value;
    }
    case "enum": {
      const choices: Choice<string>[] = info.values!.map((v) => ({ value: v, name: valueLabel(path, v) }));
      if (!info.required) choices.push({ value: NONE, name: current === undefined ? "(ne pas préciser)" : "(effacer la réponse)" });
      const fallback = typeof proposed === "string" ? proposed : info.required ? undefined : NONE;
      const value = await ctx.ask.select<string>({ message, ...hinted, choices, ...(fallback !== undefined ? { default: fallback } : {}) });
      return value === NONE ? undefined : value;
    }
    case "boolean":
      return ctx.ask.confirm({ message, ...hinted, default: typeof proposed === "boolean" ? proposed : false });
    case "enum-list": {
      const chosen = new Set(Array.isArray(proposed) ? proposed.map(String) : []);
      const offered = f.values ? f.values(ctx.editor.project).filter((v) => info.values!.includes(v)) : info.values!;
      const values = await ctx.ask.checkbox<string>({
        message,
        ...hinted,
        choices: offered.map((v) => ({ value: v, name: valueLabel(path, v), checked: chosen.has(v) })),
      });
      return values.length ? values : undefined;
    }
    case "text-list": {
      const split = (t: string) => (t.trim() === "" ? undefined : t.split(";").map((s) => s.trim()).filter(Boolean));
      const text = await ctx.ask.text({
        message,
        hint: `${hint ? `${hint} ` : ""}Séparez les éléments par « ; ».`,
        ...(textDefault(proposed) !== undefined ? { default: textDefault(proposed)! } : {}),
        validate: (t) => check(split(t)),
      });
      return split(text);
    }
    default: {
      const options = f.choices?.(ctx.editor.project) ?? [];
      if (options.length) {
        const choices: Choice<string>[] = options.map((o) => ({ value: o, name: o }));
        if (!info.required) choices.push({ value: NONE, name: current === undefined ? "(ne pas préciser)" : "(effacer la réponse)" });
        const fallback = typeof proposed === "string" && options.includes(proposed) ? proposed : info.required ? undefined : NONE;
        const value = await ctx.ask.select<string>({ message, ...hinted, choices, ...(fallback !== undefined ? { default: fallback } : {}) });
        return value === NONE ? undefined : value;
      }
      const parse = f.parse ?? (info.kind === "date" ? parseDate : (t: string) => t);
      const format = f.format ?? textDefault;
      const draft = ctx.editor.draft(path);
      const shown = draft ?? (proposed === undefined ? undefined : format(proposed));
      const saved = current === undefined ? undefined : format(current);
      const text = await keepingDraft(ctx, path, saved, () =>
        ctx.ask.text({
          message,
          ...(draft !== undefined ? { hint: `${hint ? `${hint} ` : ""}${DRAFT_HINT}`, prefill: true } : hinted),
          ...(shown !== undefined ? { default: shown } : {}),
          ...(info.long ? { multiline: true } : {}),
          validate: (t) => check(t === "" ? undefined : parse(t)),
        }),
      );
      return text === "" ? undefined : parse(text);
    }
  }
}

/** Asks for one field of the project and saves the answer at once (if it changed). */
export async function askField(ctx: WizardContext, path: Path, f: FieldSpec): Promise<void> {
  if (f.when && !f.when(ctx.editor.project, path)) return;
  const info = fieldInfo(path);
  if (info.kind === "object-list") {
    if (!f.item) throw new Error(`no item spec for ${path.join(".")}`);
    await editList(ctx, path, f.item, f.message ?? info.title);
    return;
  }
  if (info.kind === "text-list" && !f.inline) {
    await editTextList(ctx, path, f);
    return;
  }
  const before = ctx.editor.get(path);
  const value = await promptValue(ctx, path, f, ctx.editor.project);
  // « non » to a yes/no question that had no answer: absence already means no.
  const keepAbsent = info.kind === "boolean" && before === undefined && value === false && f.suggest !== true;
  if (!keepAbsent && !sameValue(value, before)) await ctx.editor.set(path, value);
  // The question was answered: a draft kept for it is done with, even when the answer is the old one.
  else if (ctx.editor.draft(path) !== undefined) await ctx.editor.keepDraft(path, undefined);
  await f.after?.(ctx, path, value);
}

/**
 * Asks for several fields under `base`. When `base` is a section that does not exist yet and
 * has required fields (the siège: adresse, code postal, commune), those are asked first and the
 * section is written once they are all there — a half-filled section would make the file invalid.
 */
export async function askFields(ctx: WizardContext, base: Path, fields: readonly FieldLike[]): Promise<void> {
  const specs = fields.map(spec);
  let asked = new Set<string>();
  if (base.length > 0 && ctx.editor.get(base) === undefined) {
    const required = requiredFields(base);
    if (required.length) {
      const value = await buildInMemory(ctx, base, specs.filter((s) => required.includes(s.path)), {});
      await ctx.editor.set(base, value);
      asked = new Set(required);
    }
  }
  for (const f of specs) {
    if (asked.has(f.path)) continue;
    await askField(ctx, [...base, ...parsePath(f.path)], f);
  }
}

/** Asks the given fields of a section that is not in the file yet; returns the section. */
async function buildInMemory(
  ctx: WizardContext,
  at: Path,
  specs: readonly FieldSpec[],
  start: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const value: Record<string, unknown> = { ...start };
  for (const f of specs) {
    const data = structuredClone(ctx.editor.project) as unknown as Record<string, unknown>;
    setAt(data, at, value);
    if (f.when && !f.when(data as unknown as Project, [...at, ...parsePath(f.path)])) continue;
    const answer = await promptValue(ctx, [...at, ...parsePath(f.path)], f, data);
    if (answer !== undefined) setAt(value, parsePath(f.path), answer);
  }
  return value;
}

function itemsAt(ctx: WizardContext, path: Path): unknown[] {
  const list = ctx.editor.get(path);
  return Array.isArray(list) ? list : [];
}

/**
 * Adds an item to a list: its required fields first (kept in memory until they are all
 * answered), then the item is saved and each optional field is saved as it is answered.
 * Returns the index of the new item.
 */
export async function addItem(ctx: WizardContext, listPath: Path, item: ItemSpec, start: Record<string, unknown> = {}): Promise<number> {
  const index = itemsAt(ctx, listPath).length;
  const required = requiredFields(listPath);
  const specs = item.fields.map(spec);
  const first = specs.filter((f) => required.includes(f.path));
  const value = await buildInMemory(ctx, [...listPath, index], first, start);
  const at = await ctx.editor.push(listPath, value);
  for (const f of specs) {
    if (required.includes(f.path)) continue;
    await askField(ctx, [...listPath, at, ...parsePath(f.path)], f);
  }
  return at;
}

/** Asks every field of an existing item again, each pre-filled with its current answer. */
export async function editItem(ctx: WizardContext, listPath: Path, index: number, item: ItemSpec): Promise<void> {
  for (const f of item.fields.map(spec)) await askField(ctx, [...listPath, index, ...parsePath(f.path)], f);
}

const ADD = "\u0000add";
const REMOVE = "\u0000remove";
const DONE = "\u0000done";

/** The list editor: « ajouter … », « modifier : … », « supprimer … », « terminer ». */
export async function editList(ctx: WizardContext, listPath: Path, item: ItemSpec, title: string): Promise<void> {
  for (;;) {
    const items = itemsAt(ctx, listPath) as Record<string, unknown>[];
    const choices: Choice<string>[] = [
      { value: ADD, name: `Ajouter ${item.noun}` },
      ...items.map((it, i) => ({ value: String(i), name: `Modifier${NBSP}: ${shorten(item.label(it, i), 80)}` })),
    ];
    if (items.length) choices.push({ value: REMOVE, name: `Supprimer ${item.noun}…` });
    choices.push({ value: DONE, name: "Terminer" });
    const action = await ctx.ask.select<string>({
      message: `${title} (${items.length})`,
      choices,
      default: items.length ? DONE : ADD,
    });
    if (action === DONE) return;
    if (action === ADD) await addItem(ctx, listPath, item); else if (action === REMOVE) {
      await removeFromList(ctx, listPath, items.map((it, i) => item.label(it, i)));
    } else {
      await editItem(ctx, listPath, Number(action), item);
    }
  }
}

async function removeFromList(ctx: WizardContext, listPath: Path, labels: string[]): Promise<void> {
  const which = await ctx.ask.select<string>({
    message: "Lequel supprimer ?",
    choices: [...labels.map((l, i) => ({ value: String(i), name: shorten(l, 80) })), { value: DONE, name: "Aucun (revenir)" }],
    default: DONE,
  });
  if (which === DONE) return;
  const index = Number(which);
  if (await ctx.ask.confirm({ message: `Supprimer « ${shorten(labels[index]!, 60)} » ?`, default: false })) {
    await ctx.editor.remove(listPath, index);
    ctx.out(`« ${shorten(labels[index]!, 60)} » supprimé.`);
  }
}

/** A list of sentences (forces, objectifs…): each one added, modified or removed on its own. */
export async function editTextList(ctx: WizardContext, listPath: Path, f: FieldSpec): Promise<void> {
  const info = fieldInfo(listPath);
  const title = f.message ?? info.title;
  for (;;) {
    const items = itemsAt(ctx, listPath).map(String);
    const choices: Choice<string>[] = [
      { value: ADD, name: "Ajouter une ligne" },
      ...items.map((t, i) => ({ value: String(i), name: `Modifier${NBSP}: ${shorten(t, 80)}` })),
    ];
    if (items.length) choices.push({ value: REMOVE, name: "Supprimer une ligne…" });
    choices.push({ value: DONE, name: "Terminer" });
    const hint = hintFor(info, f);
    const action = await ctx.ask.select<string>({
      message: `${title} (${items.length})`,
      ...(hint !== undefined ? { hint } : {}),
      choices,
      default: items.length ? DONE : ADD,
    });
    if (action === DONE) return;
    if (action === REMOVE) {
      await removeFromList(ctx, listPath, items);
      continue;
    }
    const index = action === ADD ? items.length : Number(action);
    const path = [...listPath, index];
    const data = structuredClone(ctx.editor.project) as unknown as Record<string, unknown>;
    const text = await ctx.ask.text({
      message: action === ADD ? "Nouvelle ligne" : `Ligne ${index + 1}`,
      ...(action !== ADD ? { default: items[index]! } : {}),
      validate: (t) => (t === "" ? (action === ADD ? true : "Pour retirer cette ligne, choisissez « Supprimer une ligne… ».") : checkAnswer(data, path, t)),
    });
    if (text === "") continue;
    if (action === ADD) await ctx.editor.push(listPath, text);
    else if (text !== items[index]) await ctx.editor.set(path, text);
  }
}

/** One line per answered field: « Nom : CPTS du Val ». */
export function summarizeFields(project: Project, base: Path, fields: readonly FieldLike[]): string[] {
  const lines: string[] = [];
  for (const f of fields.map(spec)) {
    const path = [...base, ...parsePath(f.path)];
    const value = getAt(project, path);
    if (isBlank(value)) continue;
    const info = fieldInfo(path);
    // A question (« Un vice-président par collège ? ») reads badly before « : oui »: use the field's title.
    const title = f.message && !f.message.endsWith("?") ? f.message : info.title;
    if (info.kind === "object-list" && Array.isArray(value) && f.item) {
      const labels = value.map((it, i) => f.item!.label(it as Record<string, unknown>, i));
      lines.push(`${title}${NBSP}: ${value.length} — ${shorten(labels.join(" ; "), 90)}`);
    } else lines.push(`${title}${NBSP}: ${displayValue(path, value)}`);
  }
  return lines;
}

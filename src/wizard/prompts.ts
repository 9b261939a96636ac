/**
 * The only module that talks to the prompt library: the French theme and key hints live here,
 * and tests replace this module (or pass their own `Prompter`) to script answers.
 *
 * Every prompt rejects with an error named `ExitPromptError` when the user presses Ctrl-C; the
 * caller decides what that means (the wizard: everything is already saved, exit 130).
 *
 * Questions, hints, choices and defaults often quote the project file: their control characters
 * and escape sequences are shown as codes (`visibleControls`), never sent to the terminal raw.
 * The rest of what the wizard prints goes through the CLI's output, which does the same.
 */
import { checkbox, input, search, select } from "@inquirer/prompts";
import { frenchSpacing, visibleControls } from "../french/index.js";
import { textWidth, wrapText } from "./wrap.js";

const KEY_WORDS: Record<string, string> = {
  navigate: "naviguer",
  select: "choisir",
  submit: "valider",
  all: "tout",
  invert: "inverser",
  toggle: "cocher",
};
const KEY_NAMES: Record<string, string> = { space: "espace" };

const DIM = (s: string) => `\u001b[2m${s}\u001b[22m`;

const baseTheme = { prefix: { idle: "?", done: "✔" } };
const keysTip = (words: Record<string, string>) => (keys: [string, string][]) =>
  DIM(keys.map(([key, action]) => `${KEY_NAMES[key] ?? key} ${words[action] ?? action}`).join(" • "));
const theme = { ...baseTheme, style: { keysHelpTip: keysTip(KEY_WORDS) } };
/** In a checkbox list the space bar ticks a choice. */
const checkboxTheme = { ...baseTheme, style: { keysHelpTip: keysTip({ ...KEY_WORDS, select: "cocher" }) } };

export interface TextQuestion {
  message: string;
  /** One line shown under the question: what is expected, with an example. */
  hint?: string;
  /** Shown in brackets; Enter keeps it, Tab puts it in the line to edit it, Backspace drops it. */
  default?: string;
  validate?: (value: string) => string | true;
}

export interface NumberQuestion {
  message: string;
  hint?: string;
  default?: number;
  /**
   * Receives the number typed (French or English decimal separator, spaces between thousands
   * allowed), the raw text when it is not a number, or undefined for an empty answer.
   */
  validate?: (value: number | string | undefined) => string | true;
}

export interface Choice<T> {
  value: T;
  name: string;
  /** Shown under the list while this choice is highlighted. */
  description?: string;
  /** Shown as the answer once chosen (default: `name`). */
  short?: string;
  disabled?: boolean | string;
}

export interface SelectQuestion<T> {
  message: string;
  hint?: string;
  choices: Choice<T>[];
  default?: T;
}

export interface CheckboxQuestion<T> {
  message: string;
  hint?: string;
  choices: (Choice<T> & { checked?: boolean })[];
}

export interface ConfirmQuestion {
  message: string;
  hint?: string;
  default?: boolean;
}

export interface SearchQuestion<T> {
  message: string;
  hint?: string;
  /** Choices for what is typed so far (undefined before the first key). */
  source: (term: string | undefined) => Promise<Choice<T>[]> | Choice<T>[];
}

/** What the wizard needs from a terminal; tests pass a scripted implementation. */
export interface Prompter {
  text(q: TextQuestion): Promise<string>;
  number(q: NumberQuestion): Promise<number | undefined>;
  select<T>(q: SelectQuestion<T>): Promise<T>;
  checkbox<T>(q: CheckboxQuestion<T>): Promise<T[]>;
  confirm(q: ConfirmQuestion): Promise<boolean>;
  search<T>(q: SearchQuestion<T>): Promise<T>;
}

/** Text for the prompt library: French spacing, invisible characters shown as codes. */
const shown = (text: string) => frenchSpacing(visibleControls(text));

function withHint(message: string, hint?: string): string {
  const question = shown(message);
  return hint ? `${question}\n${DIM(wrapText(`  ${shown(hint)}`, textWidth(), "  "))}\n ` : question;
}

function frenchChoices<C extends { name: string; description?: string; short?: string; disabled?: boolean | string }>(choices: C[]): C[] {
  return choices.map((c) => ({
    ...c,
    name: shown(c.name),
    ...(c.description !== undefined ? { description: wrapText(shown(c.description)) } : {}),
    ...(c.short !== undefined ? { short: shown(c.short) } : {}),
    disabled: c.disabled === true ? " " : c.disabled,
  }));
}

const frenchVerdict = (verdict: string | true) => (verdict === true ? true : shown(verdict));

/** Free text, trimmed; an empty answer gives the default, or "" when there is none. */
export async function askText(q: TextQuestion): Promise<string> {
  // The library shows the default and gives it back for an empty answer: it gets the visible
  // form, and the stored value comes back when that form is what was given.
  const fallback = q.default !== undefined && q.default !== "" ? visibleControls(q.default) : undefined;
  const original = (value: string) => (q.default !== undefined && value === fallback ? q.default : value);
  const answer = await input({
    message: withHint(q.message, q.hint),
    ...(fallback !== undefined ? { default: fallback } : {}),
    theme: baseTheme,
    validate: (value: string) => (q.validate ? frenchVerdict(q.validate(original(value).trim())) : true),
  });
  return original(answer).trim();
}

/** `64 455`, `12,5`, `12.5` → numbers; anything else stays text so the caller can say why. */
export function parseFrenchNumber(text: string): number | string | undefined {
  const compact = text.trim().replace(/[\s\u00a0\u202f]/g, "");
  if (compact === "") return undefined;
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(compact)) return text.trim();
  return Number(compact.replace(",", "."));
}

function formatNumberDefault(n: number): string {
  return String(n).replace(".", ",");
}

/** A number typed in French; an empty answer gives the default, or undefined. */
export async function askNumber(q: NumberQuestion): Promise<number | undefined> {
  const text = await askText({
    message: q.message,
    ...(q.hint !== undefined ? { hint: q.hint } : {}),
    ...(q.default !== undefined ? { default: formatNumberDefault(q.default) } : {}),
    validate: (value) => (q.validate ? q.validate(parseFrenchNumber(value)) : true),
  });
  const parsed = parseFrenchNumber(text);
  return typeof parsed === "number" ? parsed : undefined;
}

export async function askSelect<T>(q: SelectQuestion<T>): Promise<T> {
  return select<T>({
    message: withHint(q.message, q.hint),
    choices: frenchChoices(q.choices),
    ...(q.default !== undefined ? { default: q.default } : {}),
    pageSize: 15,
    loop: false,
    theme,
  });
}

export async function askCheckbox<T>(q: CheckboxQuestion<T>): Promise<T[]> {
  return checkbox<T>({
    message: withHint(q.message, q.hint),
    choices: frenchChoices(q.choices),
    pageSize: 15,
    loop: false,
    theme: checkboxTheme,
  });
}

const YES = /^(o|oui|y|yes)$/i;
const NO = /^(n|non|no)$/i;

/** Yes or no, typed as « o » or « n » (Enter gives the default). */
export async function askConfirm(q: ConfirmQuestion): Promise<boolean> {
  const fallback = q.default ?? true;
  const answer = await input({
    message: `${withHint(q.message, q.hint)}${DIM(fallback ? " (O/n)" : " (o/N)")}`,
    theme: baseTheme,
    validate: (value: string) =>
      value.trim() === "" || YES.test(value.trim()) || NO.test(value.trim()) || frenchSpacing("Répondez « o » (oui) ou « n » (non)."),
    transformer: (value: string, { isFinal }: { isFinal: boolean }) =>
      isFinal ? (value.trim() === "" ? fallback : YES.test(value.trim())) ? "oui" : "non" : value,
  });
  return answer.trim() === "" ? fallback : YES.test(answer.trim());
}

export async function askSearch<T>(q: SearchQuestion<T>): Promise<T> {
  return search<T>({
    message: withHint(q.message, q.hint),
    source: async (term) => {
      const choices = await q.source(term);
      // The library's own « No results found » is English: say it in French, as a blank choice.
      if (choices.length === 0 && term) return frenchChoices([{ name: `Aucun résultat pour « ${term.trim()} »`, value: undefined as T, disabled: " " }]);
      return frenchChoices(choices);
    },
    pageSize: 10,
    theme,
  });
}

/** The prompts above, as the wizard uses them. */
export const terminalPrompter: Prompter = {
  text: askText,
  number: askNumber,
  select: askSelect,
  checkbox: askCheckbox,
  confirm: askConfirm,
  search: askSearch,
};

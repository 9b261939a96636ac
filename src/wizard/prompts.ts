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
import { checkbox, editor, input, search, select } from "@inquirer/prompts";
import { frenchSpacing, visibleControls } from "../french/index.js";
import { editorCommand, editorName, type EditorChoice } from "./editor-command.js";
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
  /** Put the default in the line, ready to be edited (a draft to finish), instead of in brackets. */
  prefill?: boolean;
  /** A text of several lines: written in the user's text editor, which opens on the current text. */
  multiline?: boolean;
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

/**
 * What the wizard needs from a terminal; tests pass a scripted implementation. On Ctrl-C every
 * question rejects with an error named `ExitPromptError`; a text question's error carries in
 * `typed` what was being written, so that the wizard can keep it (typedBeforeExit in ask.ts).
 */
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

const CYAN = (s: string) => `\u001b[36m${s}\u001b[39m`;

/** Free text, trimmed; an empty answer gives the default, or "" when there is none. */
export async function askText(q: TextQuestion): Promise<string> {
  if (q.multiline) {
    const choice = editorCommand(process.env);
    if (choice) return askLongText(q, choice);
  }
  // The library shows the default and gives it back for an empty answer: it gets the visible
  // form, and the stored value comes back when that form is what was given.
  const fallback = q.default !== undefined && q.default !== "" ? visibleControls(q.default) : undefined;
  const original = (value: string) => (q.default !== undefined && value === fallback ? q.default : value);
  // What is on the line, kept for Ctrl-C (the library gives it to the transformer at each key).
  let typed = "";
  try {
    const answer = await input({
      message: withHint(q.message, q.hint),
      ...(fallback !== undefined ? { default: fallback } : {}),
      ...(q.prefill && fallback !== undefined ? { prefill: "editable" as const } : {}),
      theme: baseTheme,
      transformer: (value: string, { isFinal }: { isFinal: boolean }) => {
        if (isFinal) return CYAN(value);
        typed = value;
        return value;
      },
      validate: (value: string) => (q.validate ? frenchVerdict(q.validate(original(value).trim())) : true),
    });
    return original(answer).trim();
  } catch (error) {
    if (error instanceof Error && error.name === "ExitPromptError") Object.assign(error, { typed: original(typed) });
    throw error;
  }
}

/** The editor prompt's English words, in French. */
const editorTheme = {
  ...baseTheme,
  style: {
    key: (key: string) => (key === "enter" ? "Entrée" : key),
    help: (text: string) =>
      DIM(frenchSpacing(text.replace(/^Press (.+) to launch your preferred editor\.$/, "$1 ouvre l’éditeur ; enregistrez puis fermez-le pour valider.").replace(/^Received$/, "Reçu."))),
  },
};

/**
 * A text of several lines, written in `choice`'s editor, which opens on the current text (the
 * prompt library writes it to a temporary file and reads it back). The library runs $VISUAL:
 * when the user has no editor of their own, the one found is given to it that way, for this
 * question only.
 */
async function askLongText(q: TextQuestion, choice: EditorChoice): Promise<string> {
  const hint = `${q.hint ? `${q.hint} ` : ""}Texte sur plusieurs lignes, écrit dans ${editorName(choice)}${choice.own ? "" : " (choisissez votre éditeur avec la variable VISUAL ou EDITOR)"}.`;
  // The library runs $VISUAL, else $EDITOR: the editor chosen (perhaps $EDITOR because $VISUAL
  // names a program that is not installed, or a default) is given to it as $VISUAL.
  const saved = process.env.VISUAL;
  process.env.VISUAL = choice.command;
  // A text refused by the validation stays in the prompt only: kept here for Ctrl-C.
  let typed = "";
  try {
    const answer = await editor({
      message: withHint(q.message, hint),
      default: q.default ?? "",
      postfix: ".txt",
      theme: editorTheme,
      validate: (value: string) => {
        typed = normalizeLines(value);
        return q.validate ? frenchVerdict(q.validate(typed)) : true;
      },
    });
    return normalizeLines(answer);
  } catch (error) {
    if (error instanceof Error && error.name === "ExitPromptError" && typed !== "") Object.assign(error, { typed });
    throw error;
  } finally {
    if (saved === undefined) delete process.env.VISUAL;
    else process.env.VISUAL = saved;
  }
}

/** Windows line ends and trailing spaces dropped, blank lines at both ends removed. */
function normalizeLines(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .trim();
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

/**
 * The only module that talks to the prompt library: the French theme and key hints live here,
 * and tests replace this module to script answers.
 */
import { checkbox, confirm, input, search, select } from "@inquirer/prompts";

const KEY_WORDS: Record<string, string> = {
  navigate: "naviguer",
  select: "choisir",
  submit: "valider",
  all: "tout",
  invert: "inverser",
  toggle: "cocher",
};

const baseTheme = { prefix: { idle: "?", done: "✔" } };
const theme = {
  ...baseTheme,
  style: {
    keysHelpTip: (keys: [string, string][]) =>
      keys.map(([key, action]) => `${key} ${KEY_WORDS[action] ?? action}`).join(" • "),
  },
};

export interface TextQuestion {
  message: string;
  /** One line shown under the question: what is expected, with an example. */
  hint?: string;
  default?: string;
  validate?: (value: string) => string | true;
}

function withHint(message: string, hint?: string): string {
  return hint ? `${message}\n  \u001b[2m${hint}\u001b[22m\n ` : message;
}

export async function askText(q: TextQuestion): Promise<string> {
  const answer = await input({
    message: withHint(q.message, q.hint),
    ...(q.default !== undefined ? { default: q.default } : {}),
    theme: baseTheme,
    ...(q.validate ? { validate: q.validate } : {}),
  });
  return answer.trim();
}

export interface Choice<T> {
  value: T;
  name: string;
  description?: string;
  disabled?: boolean | string;
}

export async function askSelect<T>(q: { message: string; hint?: string; choices: Choice<T>[]; default?: T }): Promise<T> {
  return select<T>({
    message: withHint(q.message, q.hint),
    choices: q.choices,
    ...(q.default !== undefined ? { default: q.default } : {}),
    pageSize: 12,
    theme,
  });
}

export async function askCheckbox<T>(q: { message: string; hint?: string; choices: (Choice<T> & { checked?: boolean })[] }): Promise<T[]> {
  return checkbox<T>({ message: withHint(q.message, q.hint), choices: q.choices, pageSize: 12, theme });
}

export async function askConfirm(q: { message: string; default?: boolean }): Promise<boolean> {
  return confirm({ message: q.message, default: q.default ?? true, theme: baseTheme });
}

export async function askSearch<T>(q: {
  message: string;
  hint?: string;
  source: (term: string | undefined) => Promise<Choice<T>[]> | Choice<T>[];
}): Promise<T> {
  return search<T>({ message: withHint(q.message, q.hint), source: async (term) => q.source(term), pageSize: 10, theme });
}

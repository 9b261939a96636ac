/**
 * Placeholders: a visible mark where an answer is missing, never an empty sentence.
 *
 * Markdown form (what the `a_completer` helper writes, and what a template may write by hand):
 *
 *     [[À COMPLÉTER : date de l’assemblée générale]]
 *
 * In the document it becomes the bold, yellow-highlighted run « [À COMPLÉTER : date de
 * l’assemblée générale] ». Inside the label, `\` escapes the next character (`\]`, `\|`).
 * Escaped user text can never produce the form: its `[` are written `\[`, which the lexer reads
 * as a literal character before this syntax is tried.
 */
import type { TokenizerExtension } from "marked";

export const PLACEHOLDER_TOKEN = "placeholder";
const PREFIX = "À COMPLÉTER";
const PATTERN = /^\[\[À COMPLÉTER[ \t\u00A0\u202F]*:[ \t\u00A0\u202F]*((?:\\[^\n]|[^\]\\\n])*?)[ \t]*\]\]/u;

export interface PlaceholderToken {
  type: typeof PLACEHOLDER_TOKEN;
  raw: string;
  /** What is missing, unescaped. */
  label: string;
}

/** The Markdown of a placeholder for `label` (any text: it is normalised and escaped here). */
export function placeholderMarkdown(label: unknown): string {
  const text = String(label ?? "")
    .replace(/\s+/gu, " ")
    .trim()
    .replace(/[\\\]|]/g, "\\$&");
  return `[[${PREFIX} : ${text === "" ? "information manquante" : text}]]`;
}

/** The text shown in the document for a placeholder (no line break inside « À COMPLÉTER : »). */
export function placeholderText(label: string): string {
  return `[À\u00A0COMPLÉTER\u00A0: ${label}]`;
}

/** The inline extension that teaches marked's lexer the placeholder form. */
export const placeholderExtension: TokenizerExtension = {
  name: PLACEHOLDER_TOKEN,
  level: "inline",
  start(src: string) {
    const i = src.indexOf("[[");
    return i < 0 ? undefined : i;
  },
  tokenizer: readPlaceholder,
};

/** The placeholder at the start of `src`, if one starts there. */
function readPlaceholder(src: string): PlaceholderToken | undefined {
  const m = PATTERN.exec(src);
  if (!m) return undefined;
  return { type: PLACEHOLDER_TOKEN, raw: m[0], label: (m[1] ?? "").replace(/\\(.)/gu, "$1").trim() };
}

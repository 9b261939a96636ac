/**
 * Markdown escaping of user answers, so that `*`, `#`, `|`, `_`, `{{ }}`, `<b>` or `1984.`
 * typed in an answer print literally in the document.
 *
 * CommonMark allows a backslash before any ASCII punctuation character and then prints the
 * character itself, so every one of them is escaped. Lines are trimmed (leading spaces would
 * start code blocks or be dropped, trailing ones would leave stray backslashes) and each newline
 * becomes a hard line break (`\` at the end of the line), never a new block.
 */

const ASCII_PUNCT = /[!-/:-@[-`{-~]/g;

/** Answer text as it will appear: `\r\n` → `\n`, each line trimmed, the whole trimmed. */
export function normalizeAnswer(value: unknown): string {
  return String(value ?? "")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .trim();
}

/** Escapes one answer for a Markdown paragraph, list item or heading. */
export function mdEscape(value: unknown): string {
  return normalizeAnswer(value).replace(ASCII_PUNCT, "\\$&").replace(/\n/g, "\\\n");
}

/**
 * Escapes one answer for a GFM table cell: a newline would end the row, so lines are joined
 * with a space; `|` is escaped like every other punctuation character.
 */
export function mdEscapeCell(value: unknown): string {
  return normalizeAnswer(value).split("\n").filter((l) => l !== "").join(" ").replace(ASCII_PUNCT, "\\$&");
}

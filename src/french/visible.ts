/**
 * Characters that a text may hold but that a reader cannot see, or that change how the rest is
 * shown: control characters (C0 but tab and line feed, DEL, C1 — ESC and CSI begin every
 * terminal escape sequence), bidirectional overrides and isolates (they reorder what follows),
 * line and paragraph separators, the byte order mark, the replacement character that stands for
 * undecodable bytes, and lone surrogates.
 */
const INVISIBLE =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ufffd]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const escaped = (ch: string) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`;

/**
 * `text` with every invisible character written as its code, `\u001b` for ESC: shown, never
 * acted upon. The same spelling as a JSON string escape, so JSON text stays JSON with the same
 * meaning. Tab and line feed are kept.
 */
export function visibleControls(text: string): string {
  return text.replace(INVISIBLE, escaped);
}

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/**
 * The first control character of `text` (C0 but tab, line feed and carriage return; DEL; C1),
 * or undefined: what a text typed by a person never holds, and what starts a terminal escape.
 */
export function firstControl(text: string): string | undefined {
  return CONTROL.exec(text)?.[0];
}

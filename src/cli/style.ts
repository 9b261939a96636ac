import { visibleControls } from "../french/index.js";

/** Minimal ANSI styling that switches off cleanly when output is not a colour terminal. */
export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  cyan(s: string): string;
}

/**
 * Text from files and arguments reaches the terminal by many paths (messages, findings, summaries,
 * commander's errors), so it is neutralised once, where everything is printed (`terminalText`,
 * applied by `guardedIo`). The tool's own colour codes must survive that: each is followed by
 * this mark, drawn at random from the private use area when the process starts, which no file
 * or argument can know. `terminalText` keeps the marked codes and shows every other control
 * character as its code.
 */
const MARK = String.fromCharCode(...Array.from(crypto.getRandomValues(new Uint16Array(3)), (n) => 0xe000 + (n % 0x1900)));
const OWN_CODE = new RegExp(`\u001b\\[(\\d+)m${MARK}`);

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${MARK}${s}\u001b[${close}m${MARK}`;

export function style(color: boolean): Style {
  if (!color) {
    const id = (s: string) => s;
    return { bold: id, dim: id, red: id, yellow: id, green: id, cyan: id };
  }
  return {
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    green: wrap(32, 39),
    cyan: wrap(36, 39),
  };
}

/**
 * What may reach the terminal of `text`: the colour codes made by `style` as they are, every
 * other control character, escape sequence, bidirectional override or undecodable character
 * shown as its code (`\u001b`) and never acted upon.
 */
export function terminalText(text: string): string {
  // split() with a capturing group alternates the text between codes and the codes' numbers.
  const parts = text.split(OWN_CODE);
  let out = visibleControls(parts[0]!);
  for (let i = 1; i < parts.length; i += 2) out += `\u001b[${parts[i]}m${visibleControls(parts[i + 1]!)}`;
  return out;
}

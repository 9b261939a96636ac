import type { NextAction } from "../domain/index.js";
import type { Style } from "./style.js";

/**
 * `cpts assistant --etape x` for the project named on the command line: the same command with
 * that project (`cpts assistant ma-cpts/cpts.yaml --etape x`), so that it can be typed as shown.
 */
export function commandFor(command: string, projectArg: string | undefined): string {
  if (!projectArg) return command;
  const words = command.split(" ");
  return [...words.slice(0, 2), projectArg, ...words.slice(2)].join(" ");
}

/** « lettre d’intention : aucun porteur… » → « aucun porteur… » (the action says what to do). */
function withoutDocument(message: string): string {
  const i = message.indexOf("\u00a0: ");
  return i >= 0 ? message.slice(i + 3) : message;
}

/**
 * The next actions as lines: « 1. Définissez le territoire : cpts assistant --etape territoire »,
 * with, dimmed below, the first thing it would complete and how many more.
 */
export function nextActionLines(actions: readonly NextAction[], projectArg: string | undefined, s: Style, numbered = true): string[] {
  return actions.flatMap((a, i) => {
    const reasons = [...new Set(a.manques.map((f) => withoutDocument(f.message)))];
    const lines = [`  ${numbered ? `${i + 1}. ` : ""}${a.action}\u00a0: ${commandFor(a.commande, projectArg)}`];
    if (reasons.length)
      lines.push(s.dim(`     ${reasons[0]}${reasons.length > 1 ? ` (et ${reasons.length - 1} autre${reasons.length > 2 ? "s" : ""})` : ""}`));
    return lines;
  });
}

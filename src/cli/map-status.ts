/**
 * Whether the map of the territory can be drawn where the tool runs: its commune contours are
 * built from data that is not shipped with the tool (README, « La carte du territoire »).
 * Light on purpose: `cpts valider` asks it without loading anything that draws.
 */
import type { Finding } from "../project/index.js";
import { ContoursUnavailableError, defaultContoursDir, hasContours } from "../territory/index.js";

/** Whether the map can be drawn here: the commune contours are installed. */
export function mapAvailable(env: NodeJS.ProcessEnv): boolean {
  return hasContours(defaultContoursDir(env));
}

/**
 * What `cpts valider` says of a project whose territory is known when the map cannot be drawn;
 * `letter`: the project writes a lettre d’intention, which lists the map among its attachments.
 */
export function mapFinding(env: NodeJS.ProcessEnv, letter: boolean): Finding | undefined {
  if (mapAvailable(env)) return undefined;
  const reason = new ContoursUnavailableError(defaultContoursDir(env)).message;
  return {
    path: "territoire",
    severity: "info",
    code: "carte.indisponible",
    message: `la carte du territoire ne pourra pas être dessinée dans les documents (${reason})\u00a0; une note la remplace${letter ? " et la lettre d’intention la dit « à joindre »" : " dans les documents"}.`,
  };
}


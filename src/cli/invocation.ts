/**
 * How the user runs cpts, so that every hint names a command they can type: `cpts …` once
 * installed globally, `npx cpts …` through npx or from a project's own node_modules (where
 * `cpts` alone is not on the PATH).
 */
import type { Io } from "./io.js";

export type Invocation = "cpts" | "npx cpts";

/**
 * `npx cpts` when npm runs the tool for `npx`/`npm exec` (npm sets `npm_lifecycle_event=npx`
 * and the command in `npm_lifecycle_script`: a test runner started with npx leaves the event
 * to its children, but not a script that begins with cpts), or when the launcher is npx's cache
 * or a project's `node_modules/.bin` (package.json scripts, `./node_modules/.bin/cpts`);
 * `cpts` otherwise (global install, `node bin/cpts` in the sources).
 */
export function invocation(env: NodeJS.ProcessEnv, launcher: string | undefined): Invocation {
  const script = (env.npm_lifecycle_script ?? "").replace(/^['"]/, "");
  if (env.npm_lifecycle_event === "npx" && /^cpts(['"\s]|$)/.test(script)) return "npx cpts";
  if (launcher && /[\\/](_npx|node_modules[\\/]\.bin)[\\/]/.test(launcher)) return "npx cpts";
  return "cpts";
}

const WORDS = [
  "init", "new", "assistant", "wizard", "valider", "validate", "territoire", "territory", "financement", "funding",
  "etat", "status", "diagnostic", "diagnosis", "generer", "render", "schema", "completion", "aide", "help",
  "--help", "-h", "--version", "-V", "-v", "\\[options\\]", "<commande>",
];
/** `cpts valider`, `cpts --help`: the tool's name followed by one of its commands, in any text. */
const COMMAND = new RegExp(`(?<![\\w./\\\\-]|npx )cpts(?= (?:${WORDS.join("|")})(?![\\w-]))`, "g");

/** `text` with each command line it mentions (`cpts etat`) written as `prefix etat`. */
export function withInvocation(text: string, prefix: Invocation): string {
  return prefix === "cpts" ? text : text.replace(COMMAND, prefix);
}

/** `io` whose printed hints name the commands as the user runs them. */
export function invocationIo(io: Io, prefix: Invocation): Io {
  if (prefix === "cpts") return io;
  return { ...io, stdout: (text) => io.stdout(withInvocation(text, prefix)), stderr: (text) => io.stderr(withInvocation(text, prefix)) };
}

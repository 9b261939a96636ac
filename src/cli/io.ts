import { frenchSpacing } from "../french/index.js";
import { terminalText } from "./style.js";

/** Everything a command may touch of the outside world, injected so tests need no child process. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** True when both standard input and output are terminals: prompts are possible. */
  interactive: boolean;
  /** True when standard error is a terminal that wants colour. */
  color: boolean;
  /** How the user runs the tool (`cpts` or `npx cpts`), for hints; found from the process when absent. */
  invocation?: "cpts" | "npx cpts";
}

export function processIo(): Io {
  const env = process.env;
  const tty = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== "";
  const forceColor = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "";
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env,
    interactive: tty && !isCi(env),
    color: forceColor || (!noColor && Boolean(process.stdout.isTTY) && env.TERM !== "dumb"),
  };
}

export function isCi(env: NodeJS.ProcessEnv): boolean {
  return env.CI !== undefined && env.CI !== "" && env.CI !== "false" && env.CI !== "0";
}

const GUARDED = new WeakSet<Io>();

/**
 * `io` with everything printed passed through `terminalText`: text that came from a file or an
 * argument cannot drive the terminal, whatever path it took to the output.
 */
export function guardedIo(io: Io): Io {
  // Guarding twice would show the tool's own colours as codes: the first pass consumes their marks.
  if (GUARDED.has(io)) return io;
  // Standard error only carries messages for a person: they get French spacing wherever they were
  // written. Standard output may be JSON or a shell script, so commands space their own text.
  const guarded: Io = { ...io, stdout: (text) => io.stdout(terminalText(text)), stderr: (text) => io.stderr(terminalText(frenchSpacing(text))) };
  GUARDED.add(guarded);
  return guarded;
}

/**
 * `io` whose standard output gets French spacing, for a command's text mode, where everything it
 * prints is for a person; never for its `--json`, which carries the user's own text unchanged.
 */
export function frenchTextIo(io: Io): Io {
  return { ...io, stdout: (text) => io.stdout(frenchSpacing(text)) };
}

/**
 * The text editor the wizard opens for long answers: the user's own (`$VISUAL`, then `$EDITOR`,
 * as Unix tools do), else a sensible one that is installed (`editor`, Debian's choice of the
 * system, then `nano`, then `vi`; `notepad` on Windows). Undefined when none can be found: the
 * wizard then asks on one line rather than fail to start a program that is not there.
 */
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, isAbsolute, join } from "node:path";

const UNIX_DEFAULTS = ["editor", "nano", "vi"];
const WINDOWS_DEFAULTS = ["notepad"];

/** The program of a command line (`code --wait` → `code`), as the prompt library splits it. */
function program(command: string): string {
  return command.trim().split(/(?<!\\) /)[0]!.replace(/\\ /g, " ");
}

/** True when `name` is an executable file, given by its path or found on the PATH. */
export function onPath(name: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): boolean {
  const windows = platform === "win32";
  const extensions = windows ? ["", ...(env.PATHEXT ?? ".EXE;.CMD;.BAT;.COM").split(";")] : [""];
  const executable = (file: string) => {
    try {
      if (!statSync(file).isFile()) return false;
      if (!windows) accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (isAbsolute(name) || name.includes("/") || (windows && name.includes("\\"))) return extensions.some((ext) => executable(name + ext));
  const dirs = (env.PATH ?? env.Path ?? "").split(windows ? ";" : delimiter).filter(Boolean);
  return dirs.some((dir) => extensions.some((ext) => executable(join(dir, name + ext))));
}

export interface EditorChoice {
  /** The command line to run (the file name is added after it). */
  command: string;
  /** True when it comes from $VISUAL or $EDITOR. */
  own: boolean;
}

/**
 * The editor as the user knows it: `nano` for `/usr/bin/nano`, `code` for `code --wait`; Debian's
 * `editor` is a link to the system's choice, whose name would tell nothing.
 */
export function editorName(choice: EditorChoice): string {
  if (!choice.own && choice.command === "editor") return "l’éditeur de texte du système";
  return program(choice.command).split(/[\\/]/).pop()!;
}

/** The editor to open, or undefined when none is installed. */
export function editorCommand(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): EditorChoice | undefined {
  for (const own of [env.VISUAL, env.EDITOR]) {
    if (own && own.trim() !== "" && onPath(program(own), env, platform)) return { command: own.trim(), own: true };
  }
  const found = (platform === "win32" ? WINDOWS_DEFAULTS : UNIX_DEFAULTS).find((name) => onPath(name, env, platform));
  return found ? { command: found, own: false } : undefined;
}

/**
 * `--ouvrir`: shows what was written with the system's own viewer (the file manager for a
 * folder, the word processor or PDF reader for a document), when there is a screen to show it
 * on. Without one (a server, CI, an SSH session without display) nothing is started and the
 * user is told where the files are.
 */
import { spawn } from "node:child_process";
import { isCi } from "./io.js";

/** The command that opens `target` on this system, or why there is none. */
export function opener(target: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): { command: string; args: string[] } | { none: string } {
  if (isCi(env)) return { none: "exécution automatique (CI)" };
  if (platform === "darwin") return { command: "open", args: [target] };
  // `start` is a command of cmd.exe; its first quoted argument is a window title.
  if (platform === "win32") return { command: "cmd.exe", args: ["/c", "start", '""', target] };
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return { none: "pas d’affichage graphique (ni DISPLAY ni WAYLAND_DISPLAY)" };
  return { command: "xdg-open", args: [target] };
}

/**
 * Opens `target` without waiting for the viewer; returns the French line to print: what was
 * opened, or why nothing was.
 */
export async function openWithViewer(target: string, shown: string, env: NodeJS.ProcessEnv): Promise<string> {
  const how = opener(target, env);
  if ("none" in how) return `--ouvrir\u00a0: rien n’est ouvert (${how.none})\u00a0; les documents sont dans ${shown}.`;
  const started = await new Promise<string | undefined>((resolve) => {
    const child = spawn(how.command, how.args, { detached: true, stdio: "ignore", env, windowsHide: true });
    child.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "ENOENT" ? `${how.command} introuvable` : error.message));
    child.once("spawn", () => {
      child.unref();
      resolve(undefined);
    });
  });
  return started ? `--ouvrir\u00a0: ${shown} n’a pas pu être ouvert (${started}).` : `Ouvert\u00a0: ${shown}`;
}

/**
 * Reading a project file's bytes safely, without the `yaml` package: also used before parsing
 * (`generer` hashes the bytes to find documents up to date) and to refuse, from the path alone,
 * what is not a regular file.
 */
import { constants as fsConstants, type Stats } from "node:fs";
import { open, stat } from "node:fs/promises";
import { basename } from "node:path";
import { UserError } from "./errors.js";

/** A project file is a few tens of kilobytes; anything far larger is a mistake or an attack. */
export const MAX_PROJECT_BYTES = 1024 * 1024;

/** A project file's bytes as read, and what `stat` said of it then (its mode is kept when it is written). */
export interface ProjectBytes {
  bytes: Buffer;
  info: Stats;
}

/** What a path that is not a regular file is, in words. */
const NOT_REGULAR: [keyof Stats & `is${string}`, string][] = [
  ["isCharacterDevice", "un périphérique"],
  ["isBlockDevice", "un périphérique"],
  ["isFIFO", "un tube nommé (FIFO)"],
  ["isSocket", "une socket"],
];

export function refuseIrregular(info: Stats, displayName: string): void {
  if (info.isDirectory())
    throw new UserError(`${displayName} est un dossier, pas un fichier projet : indiquez le fichier cpts.yaml qu’il contient.`);
  if (info.isFile()) return;
  const kind = NOT_REGULAR.find(([test]) => (info[test] as () => boolean).call(info))?.[1] ?? "un fichier spécial";
  throw new UserError(`${displayName} est ${kind}, pas un fichier projet : indiquez le fichier cpts.yaml du projet. Rien n’a été lu.`);
}

function tooLarge(size: number, displayName: string): UserError {
  return new UserError(
    `${displayName} : fichier trop volumineux (${Math.round(size / 1024)} Kio, maximum ${MAX_PROJECT_BYTES / 1024} Kio). ` +
      "Un fichier projet ne contient que des réponses : vérifiez qu’il s’agit du bon fichier.",
  );
}

/**
 * The bytes of a project file, read only if it is a regular file (a device such as /dev/zero
 * or a named pipe would never end, or block) and at most `MAX_PROJECT_BYTES` of them, even if
 * the file grows while it is read.
 */
export async function readProjectBytes(path: string, displayName = basename(path)): Promise<ProjectBytes> {
  const failed = (error: unknown): never => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT")
      throw new UserError(`${displayName} : fichier introuvable. Créez un projet avec « cpts init » ou indiquez le chemin du fichier.`);
    if (code === "EACCES" || code === "EPERM") throw new UserError(`${displayName} : lecture impossible (droits insuffisants).`);
    throw new UserError(`${displayName} : lecture impossible (${code ?? "erreur inconnue"}).`);
  };
  const first = await stat(path).catch(failed);
  refuseIrregular(first, displayName);
  if (first.size > MAX_PROJECT_BYTES) throw tooLarge(first.size, displayName);
  // O_NONBLOCK: should the file be swapped for a pipe after the check, opening it does not hang.
  const handle = await open(path, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0)).catch(failed);
  try {
    const info = await handle.stat();
    refuseIrregular(info, displayName);
    // One byte more than the limit tells a file that grew past it while it was read.
    const buffer = Buffer.allocUnsafe(MAX_PROJECT_BYTES + 1);
    let length = 0;
    for (let read = -1; read !== 0 && length < buffer.length; length += read)
      read = (await handle.read(buffer, length, buffer.length - length, null).catch(failed)).bytesRead;
    if (length > MAX_PROJECT_BYTES) throw tooLarge(length, displayName);
    return { bytes: Buffer.from(buffer.subarray(0, length)), info };
  } finally {
    await handle.close().catch(() => undefined);
  }
}


/**
 * A folder of templates given by the user may hold symbolic links between its own files, never
 * one that leads outside it: in a shared folder, a link planted as `statuts.md.hbs` would make a
 * document print any file the user can read. Output paths are held to the same rule (manifest.ts).
 */
import { readdirSync, realpathSync } from "node:fs";
import * as path from "node:path";

export class TemplateLinkError extends Error {
  override readonly name = "TemplateLinkError";
  /** The French explanation, without the file. */
  readonly reason: string;
  constructor(
    /** The link, as found in the folder. */
    readonly file: string,
    /** Where it leads, or undefined when it leads nowhere. */
    readonly target: string | undefined,
  ) {
    const reason =
      target === undefined
        ? "lien symbolique vers un fichier absent : refusé"
        : `lien symbolique qui mène hors du dossier de modèles (vers ${target}) : refusé ; copiez le fichier dans le dossier de modèles`;
    super(`${file} : ${reason}`);
    this.reason = reason;
  }
}

function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

/**
 * Throws `TemplateLinkError` for the first symbolic link below `dir` (subfolders included) that
 * leads outside the folder `dir` really is, or to nothing. A missing folder has none.
 */
export function checkTemplateFolder(dir: string): void {
  let root: string;
  try {
    root = realpathSync(dir);
  } catch {
    return;
  }
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isSymbolicLink()) {
        let real: string | undefined;
        try {
          real = realpathSync(file);
        } catch {
          real = undefined;
        }
        if (real === undefined || !isInside(root, real)) throw new TemplateLinkError(path.join(dir, path.relative(root, file)), real);
      } else if (entry.isDirectory()) walk(file);
    }
  };
  walk(root);
}

/** Whether `file`, found in the template folder `dir`, really is inside it. */
export function insideTemplateFolder(dir: string, file: string): boolean {
  try {
    return isInside(realpathSync(dir), realpathSync(file));
  } catch {
    return false;
  }
}

import { readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { EXIT, MODELINE_PREFIX, SCHEMA_COPY_REF, SCHEMA_PATH, UserError, displayPath, schemaLink, writeSchemaCopy } from "../project/index.js";
import type { Io } from "./io.js";
import { changeProject, resolveProjectPath } from "./project-context.js";
import { style } from "./style.js";

export interface SchemaOptions {
  contenu?: boolean;
  lier?: boolean;
  /** The schema of the commands' --json output instead of the project file's. */
  sortie?: boolean;
}

/**
 * `cpts schema`: where the schema is, for an editor setting; `--contenu` prints it; `--lier`
 * points the project's `$schema` line at a copy beside it (src/project/schema-link.ts);
 * `--sortie` names the schema of every `--json` output instead (src/cli/json-envelope.ts).
 */
export async function schemaCommand(fileArg: string | undefined, opts: SchemaOptions, io: Io): Promise<number> {
  if (opts.lier && opts.sortie) throw new UserError("schema : --lier répare la ligne $schema du fichier projet ; --sortie ne s’y applique pas.");
  if (opts.lier) return linkSchema(fileArg, io);
  if (fileArg !== undefined) throw new UserError(`schema : le fichier « ${fileArg} » ne sert qu’avec --lier (« cpts schema --lier ${fileArg} »).`);
  const path = opts.sortie ? (await import("./json-envelope.js")).OUTPUT_SCHEMA_PATH : SCHEMA_PATH;
  if (opts.contenu) io.stdout(await readFile(path, "utf8"));
  else io.stdout(`${path}\n`);
  return EXIT.ok;
}

/** Writes the copy, then the line (under the project's lock, like every save). */
async function linkSchema(fileArg: string | undefined, io: Io): Promise<number> {
  const path = resolveProjectPath(fileArg, io.cwd, io);
  const name = displayPath(path, io.cwd);
  const s = style(io.color);
  const before = await schemaLink(path);
  try {
    await writeSchemaCopy(dirname(path));
  } catch (error) {
    throw new UserError(
      `${displayPath(dirname(path), io.cwd)} : impossible d’y écrire la copie du schéma (${(error as NodeJS.ErrnoException).code ?? "erreur"}). Rien n’a été modifié.`,
    );
  }
  const line = `${MODELINE_PREFIX}${SCHEMA_COPY_REF}`;
  const { written } = await changeProject(path, name, io, (file) => {
    const kept = (file.doc.commentBefore ?? "").split("\n").filter((l) => !`#${l}`.trim().startsWith(MODELINE_PREFIX));
    file.doc.commentBefore = [line.slice(1), ...kept].join("\n").replace(/\n+$/, "");
  });
  io.stdout(
    written || before.ref !== SCHEMA_COPY_REF
      ? `${s.green("✓")} ${name} : la ligne $schema pointe maintenant vers ${SCHEMA_COPY_REF}${before.ref ? ` (au lieu de « ${before.ref} »)` : ""} ; votre éditeur y trouve la description des champs.\n`
      : `${s.green("✓")} ${name} : la ligne $schema pointe déjà vers ${SCHEMA_COPY_REF}, copie à jour.\n`,
  );
  return EXIT.ok;
}

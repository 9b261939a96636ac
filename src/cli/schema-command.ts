import { readFile } from "node:fs/promises";
import { EXIT, SCHEMA_PATH } from "../project/index.js";
import type { Io } from "./io.js";

/** `cpts schema`: where the schema is, for an editor setting; `--contenu` prints it. */
export async function schemaCommand(opts: { contenu?: boolean }, io: Io): Promise<number> {
  if (opts.contenu) io.stdout(await readFile(SCHEMA_PATH, "utf8"));
  else io.stdout(`${SCHEMA_PATH}\n`);
  return EXIT.ok;
}

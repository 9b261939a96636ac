import type { Document } from "yaml";
import { UserError, EXIT } from "./errors.js";

/** The project file format this version of the tool reads and writes. */
export const CURRENT_VERSION = 1;

export interface Migration {
  /** The version this migration upgrades from; it produces `from + 1`. */
  from: number;
  describe: string;
  up(doc: Document): void;
}

/**
 * Every change of the file format adds one entry here, and this is the only place where an
 * older file is upgraded. Format 1 is the first published format, so there is none yet.
 */
export const MIGRATIONS: readonly Migration[] = [];

export interface MigrationResult {
  from: number;
  to: number;
  applied: string[];
}

/**
 * Brings a document up to `CURRENT_VERSION` in place (comments survive: migrations edit nodes).
 * Refuses a file written by a newer tool, and a version that is not a whole number ≥ 1.
 */
export function migrate(
  doc: Document,
  displayName: string,
  migrations: readonly Migration[] = MIGRATIONS,
  current = CURRENT_VERSION,
): MigrationResult {
  const raw = doc.get("version");
  if (raw === undefined) return { from: current, to: current, applied: [] };
  if (!isWholeVersion(raw)) return { from: current, to: current, applied: [] };
  if (raw > current)
    throw new UserError(
      `${displayName} : ce fichier est au format ${raw}, plus récent que celui de cette version de cpts (format ${current}). ` +
        "Mettez cpts à jour (npm install -g cpts@latest) ; le fichier n’a pas été modifié.",
      EXIT.usage,
    );
  const applied: string[] = [];
  let version = raw;
  while (version < current) {
    const step = migrations.find((m) => m.from === version);
    if (!step)
      throw new UserError(`${displayName} : aucune migration connue depuis le format ${version} ; le fichier n’a pas été modifié.`, EXIT.usage);
    step.up(doc);
    applied.push(step.describe);
    version++;
    doc.set("version", version);
  }
  return { from: raw, to: version, applied };
}

function isWholeVersion(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 1;
}

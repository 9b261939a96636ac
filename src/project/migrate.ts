import { isMap, isSeq, type Document } from "yaml";
import { UserError, EXIT } from "./errors.js";

/** The project file format this version of the tool reads and writes. */
export const CURRENT_VERSION = 2;

export interface Migration {
  /** The version this migration upgrades from; it produces `from + 1`. */
  from: number;
  describe: string;
  up(doc: Document): void;
}

/** The lists of persons whose `civilite` format 1 let hold a title. */
const PERSON_LISTS = [["porteurs"], ["association", "fondateurs"], ["association", "dirigeants"]];

/**
 * Format 1 had one `civilite` field for « M. », « Mme », « Dr » and « Pr »: a woman doctor had to
 * choose between her gender and her title. Format 2 keeps the gender in `civilite` and moves the
 * title to `titre`; the person’s civilité is then unknown until it is given (valider asks).
 */
function titleOutOfCivilite(doc: Document): void {
  for (const path of PERSON_LISTS) {
    const list = doc.getIn(path, true);
    if (!isSeq(list)) continue;
    for (const person of list.items) {
      if (!isMap(person)) continue;
      const civilite = person.get("civilite");
      if (civilite !== "Dr" && civilite !== "Pr") continue;
      // The title takes the civilité's place, so the key order of the person stays as written.
      const pair = person.items.find((p) => (p.key as { value?: unknown })?.value === "civilite" || p.key === "civilite");
      if (pair) pair.key = doc.createNode("titre");
    }
  }
}

/**
 * Every change of the file format adds one entry here, and this is the only place where an
 * older file is upgraded.
 */
export const MIGRATIONS: readonly Migration[] = [
  { from: 1, describe: "les titres « Dr » et « Pr » passent de civilite à titre", up: titleOutOfCivilite },
];

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

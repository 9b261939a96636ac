/**
 * Answers being typed when the wizard was stopped with Ctrl-C: kept beside
 * the project in `.cpts/brouillons.json`, by field, never in the project itself (half a sentence
 * must not reach a document). The wizard offers each one again, ready to finish, at its question,
 * and removes it once the answer is saved. The file may hold personal data, like the project:
 * only its owner can read it.
 */
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { SIDE_FOLDER } from "./schema-link.js";

const DRAFTS_FILE = "brouillons.json";

interface DraftsFile {
  version: 1;
  /** Text typed, by field path (`cpts.historique`, `porteurs[0].role`). */
  brouillons: Record<string, string>;
}

const draftsPath = (projectPath: string) => join(dirname(projectPath), SIDE_FOLDER, DRAFTS_FILE);

/** The drafts kept for the project at `projectPath` (none when the file is missing or unreadable). */
export async function readDrafts(projectPath: string): Promise<Record<string, string>> {
  try {
    const data = JSON.parse(await readFile(draftsPath(projectPath), "utf8")) as Partial<DraftsFile> | null;
    const drafts = data && typeof data.brouillons === "object" && data.brouillons !== null ? data.brouillons : {};
    return Object.fromEntries(Object.entries(drafts).filter(([, text]) => typeof text === "string" && text !== ""));
  } catch {
    return {};
  }
}

/**
 * Keeps `text` as the draft of `field` (undefined removes it), written whole or not at all
 * (temporary file, then rename); the file goes away with the last draft.
 */
export async function writeDraft(projectPath: string, field: string, text: string | undefined): Promise<void> {
  const drafts = await readDrafts(projectPath);
  if (text === undefined || text === "") {
    if (!(field in drafts)) return;
    delete drafts[field];
  } else drafts[field] = text;
  const target = draftsPath(projectPath);
  if (Object.keys(drafts).length === 0) {
    await rm(target, { force: true });
    return;
  }
  await mkdir(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, `${JSON.stringify({ version: 1, brouillons: drafts } satisfies DraftsFile, null, 2)}\n`, { mode: 0o600 });
    await rename(temporary, target);
  } finally {
    await rm(temporary, { force: true });
  }
}

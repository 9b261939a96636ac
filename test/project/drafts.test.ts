import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readDrafts, writeDraft } from "../../src/project/drafts.js";
import { tempDir } from "../helpers.js";

const project = () => {
  const dir = tempDir();
  return { dir, file: join(dir, "cpts.yaml"), drafts: join(dir, ".cpts", "brouillons.json") };
};

describe("drafts: text being written when the wizard was stopped", () => {
  it("keeps each field's text in .cpts/brouillons.json, readable by its owner only", async () => {
    const { file, drafts } = project();
    expect(await readDrafts(file)).toEqual({});
    const previous = process.umask(0o022);
    try {
      await writeDraft(file, "cpts.historique", "Né en 2024 d’un groupe de soignants du");
      await writeDraft(file, "diagnostic.methode", "Rézone CPTS, puis\ndeux réunions");
    } finally {
      process.umask(previous);
    }
    expect(statSync(drafts).mode & 0o777).toBe(0o600);
    expect(await readDrafts(file)).toEqual({
      "cpts.historique": "Né en 2024 d’un groupe de soignants du",
      "diagnostic.methode": "Rézone CPTS, puis\ndeux réunions",
    });
    expect(JSON.parse(readFileSync(drafts, "utf8")).version).toBe(1);
  });

  it("forgets a field's draft, and removes the file with the last one", async () => {
    const { file, drafts } = project();
    await writeDraft(file, "cpts.historique", "Né en 2024");
    await writeDraft(file, "diagnostic.methode", "Rézone CPTS");
    await writeDraft(file, "cpts.historique", undefined);
    expect(await readDrafts(file)).toEqual({ "diagnostic.methode": "Rézone CPTS" });
    await writeDraft(file, "diagnostic.methode", "");
    expect(existsSync(drafts)).toBe(false);
    // Forgetting what is not there writes nothing.
    await writeDraft(file, "cpts.historique", undefined);
    expect(existsSync(drafts)).toBe(false);
  });

  it("reads a damaged or foreign file as no drafts, and keeps only texts", async () => {
    const { dir, file, drafts } = project();
    mkdirSync(join(dir, ".cpts"));
    writeFileSync(drafts, "{ pas du JSON");
    expect(await readDrafts(file)).toEqual({});
    writeFileSync(drafts, JSON.stringify({ version: 1, brouillons: { "cpts.historique": "Né en 2024", "cpts.sigle": 3, "cpts.nom": "" } }));
    expect(await readDrafts(file)).toEqual({ "cpts.historique": "Né en 2024" });
    // The next draft replaces the damaged file by a good one.
    writeFileSync(drafts, "null");
    await writeDraft(file, "cpts.sigle", "CPTS Val");
    expect(await readDrafts(file)).toEqual({ "cpts.sigle": "CPTS Val" });
  });
});

/**
 * `cpts generer` and the figures it keeps in the output folder (`.cpts-figures/`, beside the
 * manifest): a DOCX made again with the figures of the last run is byte for byte the DOCX made
 * with figures drawn anew; the kept figures are really used; a corrupt one is drawn again; a
 * figure whose data changed is drawn.
 */
import { createHash } from "node:crypto";
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.js";
import { FIGURE_CACHE_FOLDER } from "../../src/render/index.js";
import { examplePath } from "../examples.js";
import { memoryIo, tempDir } from "../helpers.js";

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** The SHA-256 of each image of a DOCX, in part order. */
function images(docx: Uint8Array): string[] {
  const parts = unzipSync(docx);
  return Object.keys(parts)
    .filter((name) => name.startsWith("word/media/"))
    .sort()
    .map((name) => sha(parts[name]!));
}

describe("generer keeps the figures it drew", () => {
  it("makes the same DOCX from kept figures, uses them, and draws again a corrupt one or one whose data changed", async () => {
    const dir = tempDir();
    copyFileSync(examplePath("bergerac"), join(dir, "cpts.yaml"));
    const docx = join(dir, "documents", "diagnostic.docx");
    const cache = join(dir, "documents", FIGURE_CACHE_FOLDER);
    const generate = async (...extra: string[]) => {
      const io = memoryIo(dir);
      expect(await run(["generer", "cpts.yaml", "--document", "diagnostic", ...extra], io), io.err).toBe(0);
      return new Uint8Array(readFileSync(docx));
    };
    const records = () => readdirSync(cache).filter((name) => name.endsWith(".json")).sort();

    // Every figure drawn: no cache folder yet.
    const drawn = await generate();
    const kept = records();
    expect(kept.length).toBeGreaterThan(3);
    expect(images(drawn).length).toBe(kept.length);

    // Made again from the kept figures: the same bytes.
    expect(sha(await generate("--forcer"))).toBe(sha(drawn));

    // The kept figures are what the document shows: another valid image put in one's place (its
    // record made to match) comes out in the DOCX.
    const entry = kept[0]!.replace(/\.json$/, "");
    const record = JSON.parse(readFileSync(join(cache, `${entry}.json`), "utf8"));
    const planted = new PNG({ width: record.png.largeur, height: record.png.hauteur });
    planted.data.fill(200);
    const plantedBytes = PNG.sync.write(planted);
    writeFileSync(join(cache, `${entry}.png`), plantedBytes);
    writeFileSync(join(cache, `${entry}.json`), JSON.stringify({ ...record, png: { ...record.png, octets: plantedBytes.length, sha256: sha(plantedBytes) } }));
    const withPlanted = await generate("--forcer");
    expect(images(withPlanted)).toContain(sha(plantedBytes));
    expect(images(withPlanted).filter((h) => !images(drawn).includes(h))).toEqual([sha(plantedBytes)]);

    // The same image cut short: not trusted, drawn again, the DOCX as first made.
    writeFileSync(join(cache, `${entry}.png`), plantedBytes.subarray(0, plantedBytes.length - 100));
    expect(sha(await generate("--forcer"))).toBe(sha(drawn));
    expect(records()).toEqual(kept);

    // A value of the project changed: its chart is drawn (one new entry, one new image), the others kept.
    const project = readFileSync(join(dir, "cpts.yaml"), "utf8");
    expect(project).toContain("      valeur: 13.1\n");
    writeFileSync(join(dir, "cpts.yaml"), project.replace("      valeur: 13.1\n", "      valeur: 14.2\n"));
    const changed = await generate();
    expect(records()).toHaveLength(kept.length + 1);
    expect(images(changed).filter((h) => !images(drawn).includes(h))).toHaveLength(1);
  });
});

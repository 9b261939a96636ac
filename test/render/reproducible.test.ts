import { Packer } from "docx";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it, vi } from "vitest";
import { buildDocument, type DocOptions } from "../../src/render/docx.js";
import { markdownToBlocks } from "../../src/render/markdown.js";
import { makeReproducible } from "../../src/render/reproducible.js";

const OPTIONS: DocOptions = { title: "Statuts", organisation: "CPTS du Bergeracois", date: "2026-03-01", titlePage: true, toc: true, headingNumbering: true };
const MARKDOWN = "# Objet\n\nVoir [le site](https://www.ars.sante.fr).\n\n## Siège\n\nBergerac.\n\n| A | B |\n|--|--|\n| 1 | 2 |";
const DATE = new Date(Date.UTC(2026, 2, 1));

async function packed(markdown = MARKDOWN): Promise<Uint8Array> {
  const buffer = await Packer.toBuffer(buildDocument(markdownToBlocks(markdown), OPTIONS));
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** Each entry's name and compression method (8: DEFLATE, 0: stored), in the archive's order. */
function methods(zip: Uint8Array): [string, number][] {
  const out: [string, number][] = [];
  unzipSync(zip, { filter: ({ name, compression }) => (out.push([name, compression]), false) });
  return out;
}

describe("makeReproducible", () => {
  it("keeps every part the docx package wrote, in its order, changing only the dates, the language and random link ids", async () => {
    const raw = await packed();
    const before = unzipSync(raw);
    const after = unzipSync(makeReproducible(raw, { date: DATE, language: "fr-FR" }));
    expect(Object.keys(after)).toEqual(Object.keys(before));
    const randomId = /rId[a-z0-9_-]{21}/.exec(strFromU8(before["word/_rels/document.xml.rels"]!))![0];
    for (const [part, bytes] of Object.entries(before)) {
      if (part === "docProps/core.xml") continue;
      expect(strFromU8(after[part]!), part).toBe(strFromU8(bytes).replaceAll(randomId, "rIdR1"));
    }
    const core = strFromU8(after["docProps/core.xml"]!);
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-03-01T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-03-01T00:00:00Z</dcterms:modified>');
    expect(core).toContain("<dc:language>fr-FR</dc:language></cp:coreProperties>");
  });

  it("compresses every entry (LibreOffice refuses a stored entry followed by a data descriptor)", async () => {
    const zip = makeReproducible(await packed(), { date: DATE, language: "fr-FR" });
    const entries = methods(zip);
    expect(entries.length).toBeGreaterThan(10);
    expect(entries.filter(([, method]) => method !== 8)).toEqual([]);
  });

  it("gives the same bytes for documents packed at different times, with or without links to the web", async () => {
    // The docx package dates the core properties and the zip entries from the clock.
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      for (const markdown of [MARKDOWN, "# Objet\n\nSans lien."]) {
        vi.setSystemTime(new Date(2026, 0, 1, 10, 0, 0));
        const first = makeReproducible(await packed(markdown), { date: DATE, language: "fr-FR" });
        vi.setSystemTime(new Date(2031, 6, 15, 23, 59, 58));
        const second = makeReproducible(await packed(markdown), { date: DATE, language: "fr-FR" });
        expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
      }
    } finally {
      vi.useRealTimers();
    }
  });
});

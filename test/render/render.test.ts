import { readFile, writeFile } from "node:fs/promises";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { MarkdownError } from "../../src/render/markdown.js";
import { renderDocument, renderMarkdownOnly } from "../../src/render/render.js";
import { docxPart, tempDir } from "./support.js";

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../src/render");

const LETTER = [
  "<!-- droite -->",
  "{{destinataire}}",
  "",
  "Fait à {{ville}}, le {{date date}}",
  "<!-- /droite -->",
  "",
  "**Objet : création de la {{nom}}**",
  "",
  "Porteurs : {{liste porteurs manquant=\"porteurs du projet\"}}.",
  "",
  "Président : {{a_completer president \"nom du président\"}}",
].join("\n");

async function templates(): Promise<string> {
  const dir = await tempDir();
  await writeFile(path.join(dir, "lettre-intention.md.hbs"), LETTER);
  await writeFile(path.join(dir, "casse.md.hbs"), "```\ncode\n```");
  return dir;
}

const MODEL = { destinataire: "ARS Nouvelle-Aquitaine", ville: "Bergerac", date: "2026-03-01", nom: "CPTS du Bergeracois", porteurs: [], president: null };

describe("renderDocument", () => {
  it("gives the Markdown, the DOCX and the list of what is still missing", async () => {
    const dir = await templates();
    const result = await renderDocument({
      templateName: "lettre-intention",
      model: MODEL,
      templateDirs: [dir],
      docOptions: { title: "Lettre d’intention", organisation: MODEL.nom, date: MODEL.date, titlePage: false, toc: false, headingNumbering: false },
    });
    expect(result.placeholders).toEqual(["porteurs du projet", "nom du président"]);
    expect(result.markdown).toContain("Fait à Bergerac, le 1er\u00a0mars 2026");
    const xml = docxPart(result.docx);
    expect(xml).toContain("Fait à Bergerac, le 1er\u00a0mars 2026");
    expect(xml).toContain("Objet\u00A0: création de la CPTS du Bergeracois");
    expect(xml).toContain("[À\u00A0COMPLÉTER\u00A0: nom du président]");
  });

  it("gives the .md twin without building a DOCX, and refuses Markdown the DOCX could not show", async () => {
    const dir = await templates();
    const twin = renderMarkdownOnly({ templateName: "lettre-intention", model: MODEL, templateDirs: [dir] });
    expect(twin.markdown.startsWith("<!-- droite -->\nARS Nouvelle\\-Aquitaine\n")).toBe(true);
    expect(twin.placeholders).toHaveLength(2);
    expect(() => renderMarkdownOnly({ templateName: "casse", model: {}, templateDirs: [dir] })).toThrow(MarkdownError);
  });
});

describe("import cost", () => {
  it("keeps docx, marked and handlebars out of the modules that do not render", async () => {
    const heavy = /from "(docx|marked|handlebars|docx\/.*)"|require\)?\("handlebars"\)/;
    // src/french (every layer's French text) included: the CLI loads it for its messages.
    for (const light of ["../french/format.ts", "../french/typography.ts", "../french/words.ts", "escape.ts", "manifest.ts", "reproducible.ts", "placeholders.ts"]) {
      const source = await readFile(path.join(SRC, light), "utf8");
      const runtimeImports = source.split("\n").filter((l) => /^import (?!type)/.test(l) && heavy.test(l));
      expect(runtimeImports, light).toEqual([]);
    }
    const render = await readFile(path.join(SRC, "render.ts"), "utf8");
    expect(render).not.toMatch(/^import (?!type)[^\n]*"\.\/docx\.js"/m);
    expect(render).toContain('await import("./docx.js")');
  });
});

/**
 * Figures in templates: `![texte alternatif](figure:nom)` alone in a paragraph becomes the
 * figure the caller drew (an image, a note in its place, or nothing), and a name the caller
 * does not offer is an error at the template line that wrote it.
 */
import { writeFile, mkdir } from "node:fs/promises";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { frenchTypography } from "../../src/french/index.js";
import { figureReferences, markdownToBlocks, MarkdownError, type FigureResolution } from "../../src/render/markdown.js";
import { renderDocument, renderMarkdownOnly, type FigureSource } from "../../src/render/render.js";
import { TemplateError } from "../../src/render/templates.js";
import { docxPart, tempDir } from "./support.js";

/** A PNG of 2 × 1 pixels (one red, one blue). */
const TINY_PNG = Uint8Array.from(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEklEQVR4nGP4z8DAwMDAxMDAAAAUBgEB3Yu5LwAAAABJRU5ErkJggg==", "base64"),
);

const CHART: FigureResolution = { type: "image", png: TINY_PNG, width: 400, height: 200, alt: "Graphique en barres : 13,1 % ; 13,9 %.", caption: "Part des 75 ans et plus" };
const FIGURES = new Map<string, FigureResolution>([
  ["ages", CHART],
  ["carte", { type: "note", text: "Carte du territoire non disponible : contours absents." }],
  ["densites", { type: "none" }],
]);

describe("figure references in Markdown", () => {
  it("turns a figure alone in its paragraph into the image drawn for it, with its text alternative and caption", () => {
    const blocks = markdownToBlocks("Avant.\n\n![](figure:ages)\n\nAprès.", { figures: FIGURES });
    expect(blocks.map((b) => b.type)).toEqual(["paragraph", "image", "paragraph"]);
    expect(blocks[1]).toMatchObject({ type: "image", png: TINY_PNG, width: 400, height: 200, alt: CHART.alt, caption: "Part des 75 ans et plus" });
  });

  it("takes the template's text alternative and caption over the figure's own", () => {
    const [image] = markdownToBlocks('![Âges \\- *comparés*](figure:ages "Figure 2 : les âges")', { figures: FIGURES });
    expect(image).toMatchObject({ alt: "Âges - comparés", caption: "Figure 2 : les âges" });
  });

  it("shows a note in italics where a figure could not be drawn, and nothing for a figure without data", () => {
    const blocks = markdownToBlocks("![](figure:carte)\n\n![](figure:densites)\n\nFin.", { figures: FIGURES });
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toEqual({ type: "paragraph", runs: [{ type: "text", text: "Carte du territoire non disponible\u00a0: contours absents.", italic: true }] });
  });

  it("lists the references with their lines, and checks only their form when no figures are given", () => {
    const markdown = "# Titre\n\n![](figure:carte)\n\nTexte.\n\n![Âges](figure:ages)\n\n![](figure:carte)\n";
    expect(figureReferences(markdown)).toEqual([
      { name: "carte", line: 3 },
      { name: "ages", line: 7 },
      { name: "carte", line: 9 },
    ]);
    expect(markdownToBlocks(markdown).map((b) => b.type)).toEqual(["heading", "paragraph"]);
  });

  it("refuses a figure inside a sentence, a list or an aligned block, and images from files", () => {
    const refused = (markdown: string) => {
      try {
        markdownToBlocks(markdown, { figures: FIGURES });
      } catch (error) {
        expect(error).toBeInstanceOf(MarkdownError);
        return (error as MarkdownError).message;
      }
      throw new Error(`accepted: ${markdown}`);
    };
    expect(refused("Texte\n\nVoir ![](figure:ages) ci-dessous.")).toMatch(/^ligne 3 du Markdown : figure « !\[\]\(figure:ages\) » mal placée : .* seule dans son paragraphe/);
    expect(refused("- ![](figure:ages)")).toMatch(/mal placée/);
    expect(refused("<!-- centre -->\n![](figure:ages)\n<!-- /centre -->")).toMatch(/ne peut pas être alignée/);
    expect(refused("![logo](logo.png)")).toMatch(/image « logo\.png » non prise en charge : seules les figures de l’outil/);
  });
});

describe("figures in rendered documents", () => {
  const OPTIONS = { title: "Diagnostic", organisation: "CPTS", date: "2026-03-01", titlePage: false, toc: false, headingNumbering: false };

  async function templates(files: Record<string, string>): Promise<string> {
    const dir = await tempDir();
    await mkdir(path.join(dir, "partials"));
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
    return dir;
  }

  function source(): FigureSource & { asked: string[] } {
    const asked: string[] = [];
    return {
      asked,
      names: [...FIGURES.keys()],
      get: async (name) => {
        asked.push(name);
        return FIGURES.get(name)!;
      },
    };
  }

  it("draws only the figures the document shows, once each, into the DOCX with their text alternative", async () => {
    const dir = await templates({ "diagnostic.md.hbs": "# Âges\n\n![](figure:ages)\n\n{{#each noms}}\n![](figure:{{{this}}})\n\n{{/each}}" });
    const figures = source();
    const result = await renderDocument({ templateName: "diagnostic", model: { noms: ["ages", "carte"] }, templateDirs: [dir], figures, docOptions: OPTIONS });
    expect(figures.asked.sort()).toEqual(["ages", "carte"]);
    const xml = docxPart(result.docx);
    expect(xml.match(/<wp:docPr /g)).toHaveLength(2);
    expect(xml).toContain(`descr="${frenchTypography(CHART.alt)}"`);
    expect(xml).toContain("Carte du territoire non disponible");
    expect(result.markdown).toContain("![](figure:carte)");
  });

  it("names the template line of an unknown figure, and the figures there are", async () => {
    const dir = await templates({ "diagnostic.md.hbs": "# Titre\n\nTexte.\n\n  ![Carte](figure:cartes)\n" });
    const error = await renderDocument({ templateName: "diagnostic", model: {}, templateDirs: [dir], figures: source(), docOptions: OPTIONS }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).message).toBe(
      `${path.join(dir, "diagnostic.md.hbs")}:5:12 : figure inconnue « cartes » (ligne 5 du Markdown produit)\u00a0; figures possibles\u00a0: ages, carte, densites`,
    );
    // The .md twin is checked the same way, without drawing anything.
    expect(() => renderMarkdownOnly({ templateName: "diagnostic", model: {}, templateDirs: [dir], figures: source() })).toThrow(/:5:12 : figure inconnue « cartes »/);
  });

  it("points at a computed reference in a partial when the name is not written in the templates", async () => {
    const dir = await templates({ "diagnostic.md.hbs": "# Titre\n\n{{> figure nom=\"autre\"}}\n" });
    await writeFile(path.join(dir, "partials", "figure.md.hbs"), "Texte.\n\n![](figure:{{nom}})\n");
    const error = await renderDocument({ templateName: "diagnostic", model: {}, templateDirs: [dir], figures: source(), docOptions: OPTIONS }).catch((e: unknown) => e);
    expect((error as TemplateError).file).toBe(path.join(dir, "partials", "figure.md.hbs"));
    expect((error as TemplateError).line).toBe(3);
    expect((error as TemplateError).detail).toMatch(/^figure inconnue « autre »/);
  });

  it("says that a template without figures offered may place none", async () => {
    const dir = await templates({ "statuts.md.hbs": "![](figure:carte)\n" });
    expect(() => renderMarkdownOnly({ templateName: "statuts", model: {}, templateDirs: [dir] })).toThrow(/figure inconnue « carte » .*aucune figure n’est possible dans ce document/);
  });
});

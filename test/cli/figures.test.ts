/**
 * Figures placed by a consultant's own templates (`modeles/` beside the project): a figure may be
 * placed anywhere a paragraph goes, or left out; a name the project does not offer stops that
 * document with the template line, and the others are still written.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.js";
import { examplePath } from "../examples.js";
import { memoryIo, tempDir } from "../helpers.js";

function project(templates: Record<string, string>): string {
  const dir = tempDir();
  copyFileSync(examplePath("bergerac"), join(dir, "cpts.yaml"));
  mkdirSync(join(dir, "modeles"));
  for (const [name, text] of Object.entries(templates)) writeFileSync(join(dir, "modeles", name), text);
  return dir;
}

describe("figures in a consultant's templates", () => {
  it("places the figures a template names, in its own order, and none elsewhere", async () => {
    const dir = project({ "diagnostic.md.hbs": "# Offre de soins\n\n![Densités des professionnels](figure:densites)\n\n# Territoire\n\n![](figure:carte)\n" });
    const io = memoryIo(dir);
    const code = await run(["generer", "cpts.yaml", "--format", "md", "--document", "diagnostic", "--document", "statuts"], io);
    expect(code, io.err).toBe(0);
    expect(readFileSync(join(dir, "documents", "diagnostic.md"), "utf8")).toBe(
      "# Offre de soins\n\n![Densités des professionnels](figure:densites)\n\n# Territoire\n\n![](figure:carte)\n",
    );
    expect(readFileSync(join(dir, "documents", "statuts.md"), "utf8")).not.toContain("figure:");
  });

  it("stops a document that names an unknown figure, with its template line and the names there are", async () => {
    const dir = project({ "diagnostic.md.hbs": "# Diagnostic\n\nTexte.\n\n![Carte](figure:carte-du-territoire)\n" });
    const io = memoryIo(dir);
    const code = await run(["generer", "cpts.yaml", "--format", "md", "--document", "diagnostic", "--document", "statuts"], io);
    expect(code).toBe(2);
    expect(io.out).toContain("✗ Diagnostic territorial\u00a0: non généré, modèle incorrect");
    expect(io.out).toContain(`${join(dir, "modeles", "diagnostic.md.hbs")}:5:10\u00a0: figure inconnue «\u00a0carte-du-territoire\u00a0» (ligne 5 du Markdown produit)\u00a0; figures possibles\u00a0: ages, carte, `);
    expect(io.out).toMatch(/figures possibles\u00a0: [^\n]*, densites, [^\n]*, population, taux-de-pauvrete,/);
    expect(io.out).toContain("statuts.md (créé)");
  });
});

/**
 * The built-in templates are compiled by `npm run build` (src/build/precompile-templates.ts) so
 * that `cpts generer` does not compile them at every run. These tests check that the build's
 * output is used, gives exactly the documents that compiling would give, and never hides an
 * edited template.
 */
import { existsSync, readdirSync } from "node:fs";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { DOCUMENT_IDS } from "../../src/domain/documents.js";
import { TEMPLATES_DIR } from "../../src/project/paths.js";
import { createTemplateEnv, PRECOMPILED_TEMPLATES, readTemplate, sourceKey } from "../../src/render/templates.js";
import { exampleModel } from "../examples.js";
import { tempDir } from "../render/support.js";

const templateFiles = () => [
  ...readdirSync(TEMPLATES_DIR).filter((f) => f.endsWith(".md.hbs")),
  ...readdirSync(path.join(TEMPLATES_DIR, "partials")).map((f) => path.join("partials", f)),
];

describe("precompiled built-in templates", () => {
  it("holds every built-in template and partial, as they are now", () => {
    expect(existsSync(PRECOMPILED_TEMPLATES), "npm run build writes dist/render/precompiled-templates.cjs").toBe(true);
    const specs = createRequire(import.meta.url)(PRECOMPILED_TEMPLATES) as Record<string, unknown>;
    const missing = templateFiles().filter((f) => !(sourceKey(readTemplate(path.join(TEMPLATES_DIR, f))) in specs));
    expect(missing).toEqual([]);
  });

  it("renders the built-in documents with the Handlebars runtime alone, never loading its compiler", () => {
    const env = createTemplateEnv([TEMPLATES_DIR]);
    expect("compile" in env.hb).toBe(false);
    expect("compile" in createTemplateEnv([TEMPLATES_DIR], { precompiled: false }).hb).toBe(true);
  });

  it("gives the same Markdown as templates compiled at run time", async () => {
    const model = await exampleModel();
    const fast = createTemplateEnv([TEMPLATES_DIR]);
    const compiled = createTemplateEnv([TEMPLATES_DIR], { precompiled: false });
    for (const id of DOCUMENT_IDS) expect(fast.render(id, model), id).toBe(compiled.render(id, model));
  });

  it("renders a consultant's edited copy of a built-in template, not the precompiled original", async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, "partials"));
    await copyFile(path.join(TEMPLATES_DIR, "lettre-intention.md.hbs"), path.join(dir, "lettre-intention.md.hbs"));
    const original = await readFile(path.join(dir, "lettre-intention.md.hbs"), "utf8");
    await writeFile(path.join(dir, "lettre-intention.md.hbs"), original.replace(/^/, "Mention ajoutée par le cabinet.\n\n"));
    const markdown = createTemplateEnv([dir, TEMPLATES_DIR]).render("lettre-intention", await exampleModel());
    expect(markdown.startsWith("Mention ajoutée par le cabinet.")).toBe(true);
  });

  it("reports errors of a precompiled template with the template's file, line and column", () => {
    const env = createTemplateEnv([TEMPLATES_DIR]);
    expect(() => env.render("lettre-intention", {})).toThrow(/lettre-intention\.md\.hbs:\d+:\d+ : /);
  });
});

/**
 * French that reads as written by a person, checked on the Markdown twins of every document of
 * every example (the documents each project needs, dated as `cpts generer` dates them).
 */
import { describe, expect, it } from "vitest";
import { projectDocuments, type DocumentId } from "../../src/domain/documents.js";
import { buildModel, modelForDocument } from "../../src/domain/model/index.js";
import { TEMPLATES_DIR } from "../../src/project/paths.js";
import { renderMarkdownOnly } from "../../src/render/render.js";
import { createTemplateEnv } from "../../src/render/templates.js";
import { loadExample, type ExampleName } from "../examples.js";
import { figureNames } from "../figure-names.js";

const env = createTemplateEnv([TEMPLATES_DIR]);
const EXAMPLES: ExampleName[] = ["bergerac", "chambery", "minimal", "vallee-herault", "saverne"];

/** Every document of every example as Markdown, placeholders and Markdown escapes removed. */
const twins: { where: string; id: DocumentId; md: string }[] = [];
for (const name of EXAMPLES) {
  const [project, options] = await loadExample(name);
  const model = buildModel(project, options);
  for (const id of projectDocuments(project)) {
    const { markdown } = renderMarkdownOnly({ templateName: id, model: modelForDocument(model, project, options, id), templateDirs: [TEMPLATES_DIR], env, figures: figureNames(model) });
    const md = markdown
      .replace(/\\([\\`*_{}[\]()#+\-.!|:;,@&<>~"'%])/g, "$1")
      .replace(/[\u00a0\u202f]/g, " ")
      .replace(/\[\[À COMPLÉTER.*?\]\]/g, "…");
    twins.push({ where: `${name}/${id}.md`, id, md });
  }
}

/** Lines that are prose: not headings, not comments. */
const prose = (md: string) => md.split("\n").filter((l) => l.trim() !== "" && !l.startsWith("#") && !l.startsWith("<!--"));

describe("French of the generated documents (all examples)", () => {
  it("renders every document of every example", () => {
    // Eight each, but Chambéry, which updates its projet de santé: the diagnostic and the projet.
    expect(twins.length).toBe(4 * 8 + 2);
  });

  it.each([
    ["indicateur de actions", /indicateur de actions/],
    ["la iatrogénie", /\b[lL]a iatrogénie|\b[lL]e iatro/],
    ["celui de « … »", /celui de «/],
    ["désigne Dr", /\b(désigne|par|avec) Dre? [A-ZÉ]/],
    ["an article before a vowel kept whole", /\b(de|la|le) (actions|iatrogénie|association|assemblée|interlocut)/],
    ["plus de un", /\bplus de un\b/],
    ["0 suppléant", /\b0 suppléant/],
  ])("never writes « %s »", (_label, pattern) => {
    const found = twins.flatMap((t) => prose(t.md).filter((l) => pattern.test(l)).map((l) => `${t.where}: ${l}`));
    expect(found).toEqual([]);
  });

  it("states the mandate of the administrateurs once in the statuts’ article on the conseil", () => {
    const found: string[] = [];
    for (const t of twins.filter((x) => x.id === "statuts")) {
      const article = /## Article \d+ — Conseil d’administration\n([\s\S]*?)\n## /.exec(t.md)?.[1] ?? "";
      if ((article.match(/pour (un|deux|trois|quatre|cinq|six) ans?\b/g) ?? []).length > 1) found.push(t.where);
    }
    expect(found).toEqual([]);
  });

  it("never puts two colons in one clause", () => {
    const found: string[] = [];
    for (const t of twins) {
      for (const line of prose(t.md)) {
        // Clauses end at . ; ! ? and at line breaks and table cells; a parenthesis is its own clause.
        const clauses = line
          .replace(/\([^()]*\)/g, "")
          .split(/[.;!?|]|<br>/);
        for (const c of clauses) if ((c.match(/ :( |$)/g) ?? []).length > 1) found.push(`${t.where}: ${c.trim()}`);
      }
    }
    expect(found).toEqual([]);
  });

  it("writes no capital after a colon but for a proper noun, a title or an acronym", () => {
    const found: string[] = [];
    for (const t of twins) {
      // Words the document writes in lower case somewhere: common words, which a colon does not capitalise.
      const lower = new Set(t.md.match(/(?<![\p{L}@.\-/])\p{Ll}[\p{L}’-]*/gu) ?? []);
      // Running text: paragraphs and list items (a table cell names, it does not write sentences).
      for (const line of prose(t.md).filter((l) => !l.startsWith("|"))) {
        for (const m of line.matchAll(/ : (\p{Lu}\p{Ll}[\p{L}’-]*)/gu)) {
          if (lower.has(m[1]!.toLocaleLowerCase("fr-FR"))) found.push(`${t.where}: « ${m[0].trim()} » dans ${line.slice(0, 140)}`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it("writes the statuts’ admission article in sentences that each have a verb", () => {
    const VERB = /\b(est|sont|adresse|adressent|signe|signent|statue|statuent|agrée|prononce|peut|peuvent|doit|doivent|devient|deviennent|travaillent|notifie|emporte|accepte)\b/;
    for (const t of twins.filter((x) => x.id === "statuts")) {
      const article = t.md.split("## Article 6 — Admission")[1]?.split("## Article 7")[0] ?? "";
      const sentences = article.replace(/\n/g, " ").split(/(?<=[.!?])\s+/).map((s) => s.trim()).filter((s) => s && s !== "…");
      for (const s of sentences) expect(s, `${t.where}: ${s}`).toMatch(VERB);
    }
  });

  it("states the ACI deadlines once per mission, not in every fiche-action", () => {
    for (const t of twins.filter((x) => x.id === "projet-sante")) {
      expect((t.md.match(/Calendrier conforme aux échéances de l’ACI/g) ?? []).length, t.where).toBeLessThanOrEqual(1);
    }
  });
});

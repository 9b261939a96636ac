import { mkdir, symlink, writeFile } from "node:fs/promises";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { createTemplateEnv, TemplateError } from "../../src/render/templates.js";
import { tempDir } from "./support.js";

const NNBSP = "\u202F";
const NBSP = "\u00A0";

/** Writes files (path → content) under a new temporary folder and returns it. */
async function folder(files: Record<string, string>): Promise<string> {
  const dir = await tempDir();
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), content);
  }
  return dir;
}

function renderError(fn: () => unknown): TemplateError {
  try {
    fn();
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error("une TemplateError était attendue");
}

describe("template folders", () => {
  it("refuses a template or a partial linked outside its folder, even when asked directly", async () => {
    const outside = await folder({ "secret.md.hbs": "hunter2" });
    const dir = await folder({ "lettre.md.hbs": "{{> signature}}" });
    await symlink(path.join(outside, "secret.md.hbs"), path.join(dir, "statuts.md.hbs"));
    const env = createTemplateEnv([dir]);
    const error = renderError(() => env.render("statuts", {}));
    expect(error.code).toBe("modele.lien-refuse");
    expect(error.message).toMatch(/statuts\.md\.hbs : lien symbolique qui mène hors du dossier de modèles/);
    await mkdir(path.join(dir, "partials"));
    await symlink(path.join(outside, "secret.md.hbs"), path.join(dir, "partials", "signature.md.hbs"));
    expect(renderError(() => createTemplateEnv([dir])).code).toBe("modele.lien-refuse");
  });

  it("takes a template or a partial from the consultant's folder first, the built-in one otherwise", async () => {
    const builtIn = await folder({
      "lettre.md.hbs": "Intégrée : {{> signature}} {{> pied}}",
      "statuts.md.hbs": "Statuts intégrés",
      "partials/signature.md.hbs": "signature intégrée",
      "partials/pied.md.hbs": "pied intégré",
    });
    const consultant = await folder({
      "statuts.md.hbs": "Statuts du consultant",
      "partials/signature.md.hbs": "signature du consultant",
    });
    const env = createTemplateEnv([consultant, builtIn]);
    expect(env.render("statuts", {})).toBe("Statuts du consultant");
    expect(env.render("lettre", {})).toBe("Intégrée : signature du consultant pied intégré");
    expect(env.templateNames()).toEqual(["lettre", "statuts"]);
    expect(createTemplateEnv([builtIn]).render("statuts", {})).toBe("Statuts intégrés");
  });

  it("says in French where it looked for a template that does not exist", async () => {
    const dir = await folder({});
    const error = renderError(() => createTemplateEnv([dir]).render("absent", {}));
    expect(error.code).toBe("modele.introuvable");
    expect(error.message).toMatch(/absent\.md\.hbs : modèle introuvable \(cherché dans : /);
    expect(() => createTemplateEnv([dir]).render("../secret", {})).toThrow(/nom de modèle invalide/);
  });
});

describe("template errors carry the file, line and column", () => {
  it("names the whole missing path (strict mode)", async () => {
    const dir = await folder({ "lettre.md.hbs": "# Lettre\n\nBonjour,\n\n  Signé : {{porteurs.nom}}\n" });
    const error = renderError(() => createTemplateEnv([dir]).render("lettre", { porteurs: {} }));
    expect(error.code).toBe("modele.champ-inconnu");
    expect([error.line, error.column]).toEqual([5, 13]);
    expect(error.file).toBe(path.join(dir, "lettre.md.hbs"));
    expect(error.message).toBe(`${path.join(dir, "lettre.md.hbs")}:5:13 : « porteurs.nom » n’existe pas dans le modèle de données`);
  });

  it("says when a path goes through an empty value", async () => {
    const dir = await folder({ "t.md.hbs": "{{projet.date.annee}}" });
    const error = renderError(() => createTemplateEnv([dir]).render("t", { projet: { date: null } }));
    expect(error.message).toMatch(/:1:3 : « projet\.date\.annee » ne peut pas être lu : « projet\.date » est vide/);
  });

  it("locates a missing path inside a helper argument (a JavaScript error without position)", async () => {
    const dir = await folder({ "t.md.hbs": "ligne 1\n{{montant budget.total.ttc}}" });
    const error = renderError(() => createTemplateEnv([dir]).render("t", { budget: {} }));
    expect([error.code, error.line, error.column]).toEqual(["modele.champ-inconnu", 2, 11]);
    expect(error.message).toContain("« budget.total.ttc » n’existe pas");
  });

  it("reports a syntax error with its position", async () => {
    const dir = await folder({ "t.md.hbs": "ligne 1\nligne 2 {{#if x}}\n  {{/each}}\n", "u.md.hbs": "a\n  b {{ oups" });
    const mismatch = renderError(() => createTemplateEnv([dir]).render("t", { x: true }));
    expect(mismatch.code).toBe("modele.syntaxe");
    expect(mismatch.message).toMatch(/t\.md\.hbs:2:\d+ : le bloc \{\{#if\}\} est fermé par \{\{\/each\}\}/);
    const unclosed = renderError(() => createTemplateEnv([dir]).render("u", {}));
    expect(unclosed.line).toBe(2);
    expect(unclosed.column).toBeGreaterThan(0);
    expect(unclosed.message).toMatch(/u\.md\.hbs:2:\d+ : erreur de syntaxe Handlebars/);
  });

  it("reports an unknown helper and an unknown partial", async () => {
    const dir = await folder({ "t.md.hbs": "\n{{monnaie budget}}", "p.md.hbs": "a\n\n{{> inconnu}}" });
    const helper = renderError(() => createTemplateEnv([dir]).render("t", { budget: 1 }));
    expect(helper.message).toMatch(/t\.md\.hbs:2:3 : l’aide « monnaie » n’existe pas/);
    const partial = renderError(() => createTemplateEnv([dir]).render("p", {}));
    expect(partial.message).toMatch(/p\.md\.hbs:3:1 : le modèle partiel « inconnu » est introuvable/);
  });

  it("points into the partial, not the template, when the error is in a partial", async () => {
    const dir = await folder({
      "t.md.hbs": "Début\n{{> bloc}}",
      "partials/bloc.md.hbs": "un\ndeux {{champ.absent}}",
    });
    const error = renderError(() => createTemplateEnv([dir]).render("t", { champ: {} }));
    expect(error.file).toBe(path.join(dir, "partials", "bloc.md.hbs"));
    expect([error.line, error.column]).toEqual([2, 8]);
  });

  it("points at the helper call when a helper refuses its value", async () => {
    const dir = await folder({ "t.md.hbs": "Le\n   {{date jour}}" });
    const error = renderError(() => createTemplateEnv([dir]).render("t", { jour: "2026-02-30" }));
    expect([error.line, error.column]).toEqual([2, 4]);
    expect(error.message).toMatch(/date invalide « 2026-02-30 »/);
  });
});

describe("French helpers", () => {
  const env = createTemplateEnv([]);
  const render = (source: string, model: unknown) => env.renderSource({ source, file: "essai.md.hbs" }, model);

  it("formats dates, amounts, numbers, percentages and plurals", () => {
    expect(render("{{date d}} {{date_courte d}}", { d: "2026-03-01" })).toBe("1er\u00a0mars 2026 01\\/03\\/2026");
    expect(render("{{montant m}}", { m: 50000 })).toBe(`50${NNBSP}000${NBSP}€`);
    expect(render("{{nombre n}}", { n: 64455 })).toBe(`64${NNBSP}455`);
    expect(render("{{pourcentage p}}", { p: 0.5 })).toBe(`50${NBSP}\\%`);
    expect(render('{{pluriel n "commune" "communes"}}', { n: 38 })).toBe(`38${NBSP}communes`);
  });

  it("prints a placeholder instead of a missing value, never an empty sentence", () => {
    expect(render('AG le {{date d manquant="date de l’AG"}}', { d: null })).toBe("AG le [[À COMPLÉTER : date de l’AG]]");
    expect(render("{{montant m}}", {})).toBe("[[À COMPLÉTER : montant]]");
    expect(render('{{a_completer "lieu de signature"}}', {})).toBe("[[À COMPLÉTER : lieu de signature]]");
    expect(render('{{a_completer nom "nom du président"}}', { nom: "" })).toBe("[[À COMPLÉTER : nom du président]]");
    expect(render('{{a_completer nom "nom du président"}}', { nom: "Dr *Dupont*" })).toBe("Dr \\*Dupont\\*");
    expect(render('{{placeholder "x"}}', {})).toBe("[[À COMPLÉTER : x]]");
  });

  it("joins lists in French, each item escaped", () => {
    expect(render("{{liste xs}}", { xs: ["a*", "b", "c"] })).toBe("a\\*, b et c");
    expect(render('{{liste ps cle="nom" conj="ou"}}', { ps: [{ nom: "Dupont" }, { nom: "Martin" }] })).toBe("Dupont ou Martin");
    expect(render('{{liste xs manquant="porteurs"}}', { xs: [] })).toBe("[[À COMPLÉTER : porteurs]]");
  });

  it("keeps a table cell on one line with | escaped", () => {
    expect(render("| {{cellule x}} |", { x: "a | b\nc" })).toBe("| a \\| b c |");
    expect(render("{{cellule (montant m)}}", { m: 1234.5 })).toBe(`1${NNBSP}234\\,50${NBSP}€`);
  });

  it("offers small logic helpers for conditions", () => {
    const t = "{{#if (and (gt n 1) (not vide) (or a b) (eq s \"x\"))}}oui{{else}}non{{/if}}";
    expect(render(t, { n: 2, vide: false, a: 0, b: 1, s: "x" })).toBe("oui");
    expect(render(t, { n: 1, vide: false, a: 0, b: 1, s: "x" })).toBe("non");
    expect(render("{{#if (present xs)}}{{longueur xs}}{{/if}}", { xs: [1, 2] })).toBe("2");
    expect(render("{{#if optionnel}}x{{else}}rien{{/if}}", {})).toBe("rien");
  });
});

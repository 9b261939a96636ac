import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { DOCUMENT_IDS } from "../../src/domain/documents.js";
import { TEMPLATES_DIR } from "../../src/project/paths.js";
import type { Finding } from "../../src/project/findings.js";
import { createTemplateEnv } from "../../src/render/templates.js";
import { exampleModel } from "../examples.js";

const env = createTemplateEnv([TEMPLATES_DIR]);

function located(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${path.relative(TEMPLATES_DIR, f.file ?? "?")}:${f.line ?? "?"}:${f.column ?? "?"} ${f.message}`);
}

const models = {
  "Bergerac (complet)": await exampleModel("bergerac"),
  "minimal (listes vides)": await exampleModel("minimal"),
  "Chambéry (à mi-chemin)": await exampleModel("chambery"),
  "Vallée de l’Hérault (association nouvelle)": await exampleModel("vallee-herault"),
  "Pays de Saverne (droit local)": await exampleModel("saverne"),
};

describe("built-in templates", () => {
  it("exist for every document, and nothing else sits beside them", () => {
    expect(env.templateNames()).toEqual([...DOCUMENT_IDS].sort());
  });

  for (const [label, model] of Object.entries(models)) {
    for (const id of DOCUMENT_IDS) {
      it(`${id} references only fields of the model — ${label}`, () => {
        // Any unknown reference fails with the template file and line.
        expect(located(env.lint(id, model))).toEqual([]);
      });
    }
  }

  it("reports an unknown reference with the template file and line", () => {
    const findings = env.lintSource({ source: "Texte\n{{territoire.inconnu}}\n", file: path.join(TEMPLATES_DIR, "essai.md.hbs") }, models["Bergerac (complet)"]);
    expect(located(findings)).toEqual(["essai.md.hbs:2:3 « territoire.inconnu » n’existe pas dans le modèle de données"]);
  });
});

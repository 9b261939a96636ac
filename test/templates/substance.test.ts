/**
 * What an ARS reviewer checks in the generated documents of each example: no figure presented as
 * sourced that is an illustration without saying so, one validation of the projet de santé, a
 * lettre d'intention that looks forward, the ACI deadlines once per mission, the budget's balance.
 */
import { describe, expect, it } from "vitest";
import { buildModel, type DocumentModel } from "../../src/domain/model/index.js";
import type { DocumentId } from "../../src/domain/documents.js";
import { TEMPLATES_DIR } from "../../src/project/paths.js";
import { renderMarkdownOnly } from "../../src/render/render.js";
import { createTemplateEnv } from "../../src/render/templates.js";
import { loadExample, type ExampleName } from "../examples.js";
import { figureNames } from "../figure-names.js";

const env = createTemplateEnv([TEMPLATES_DIR]);
const models = Object.fromEntries(
  await Promise.all((["bergerac", "chambery", "minimal"] as const).map(async (n) => [n, buildModel(...(await loadExample(n)))] as const)),
) as Record<ExampleName, DocumentModel>;

function md(name: ExampleName, id: DocumentId): string {
  const text = renderMarkdownOnly({ templateName: id, model: models[name], templateDirs: [TEMPLATES_DIR], env, figures: figureNames(models[name]) }).markdown;
  // Markdown escapes and no-break spaces out of the way of the assertions.
  return text.replace(/\\(.)/g, "$1").replace(/[\u00a0\u202f]/g, " ");
}

/** Rows of the calendar tables that state a validation of the projet de santé. */
const validationRows = (text: string) => text.split("\n").filter((l) => l.startsWith("|") && /Validation[^|]*projet de santé/.test(l));

describe("figures of the examples that are illustrations say so", () => {
  it.each(["bergerac", "chambery"] as const)("%s: every indicator's source line ends with « donnée d’exemple »", (name) => {
    const text = md(name, "diagnostic");
    const sourceLines = text.split("\n").filter((l) => /^\| .*<br>\*.*\* \|/.test(l));
    expect(sourceLines.length).toBeGreaterThan(0);
    for (const l of sourceLines) expect(l).toContain("— donnée d’exemple*");
  });

  it("the Bergerac diagnostic says its years are far apart and its densities mix years", () => {
    const text = md("bergerac", "diagnostic");
    expect(text).toContain("Les données de ce diagnostic ne sont pas de la même année : de 2015");
    expect(text).toContain("Les densités divisent des effectifs de 2017 par une population de 2023");
    expect(text).toContain("Patients en affection de longue durée (ALD) | 412");
    expect(text).toContain("Zones d’intervention prioritaire (ZIP) : Bosset");
  });
});

describe("the calendars state one validation of the projet de santé", () => {
  it.each(["bergerac", "chambery"] as const)("%s: one validation in the projet de santé", (name) => {
    expect(validationRows(md(name, "projet-sante"))).toHaveLength(1);
  });

  it("the Bergerac lettre d'intention looks forward from 19 June 2017 and does not announce its own validation", () => {
    const text = md("bergerac", "lettre-intention");
    const calendar = text.slice(text.indexOf("### Le calendrier prévisionnel"), text.indexOf("### Le soutien demandé"));
    expect(calendar).toContain("| 5 octobre 2017 | Réunion d’examen de la lettre d’intention");
    expect(calendar).not.toMatch(/Validation de la lettre|Envoi de la lettre|2014|2010/);
    expect(validationRows(calendar)).toEqual(["| 28 juin 2018 | Validation du projet de santé par décision du directeur général de l’ARS |"]);
    // Before the ACI existed, the contract is not called an ACI contract.
    expect(calendar).toContain("| 15 mars 2020 | Contrat avec l’ARS et l’Assurance Maladie |");
    // A letter of 2017 cites no figure of 2018 or later.
    const sources = text.split("\n").find((l) => l.startsWith("Ces premiers éléments s’appuient"))!;
    expect(sources).not.toMatch(/201[89]/);
  });
});

describe("missions and budget in the projet de santé", () => {
  it("states the ACI deadlines once per mission and no fiche-action repeats them", () => {
    const text = md("bergerac", "projet-sante");
    expect(text).not.toContain("Calendrier conforme aux échéances de l’ACI");
    expect(text).not.toMatch(/^\| Échéances de l’ACI/m);
    expect(text).toContain("Mission ajoutée à l’accord conventionnel interprofessionnel le 31 mars 2022, après la signature du contrat");
  });

  it("Chambéry: the accès mission's missing components are visible to the reader", () => {
    const text = md("chambery", "projet-sante");
    expect(text).toContain("- **Soins non programmés en ville** : [[À COMPLÉTER : action sur soins non programmés en ville");
    expect(text).toContain("Ce document est la version actualisée du projet de santé de la communauté");
    expect(text).not.toMatch(/décide en 2026 de se constituer en CPTS/);
  });

  it.each(["bergerac", "chambery"] as const)("%s: the budget balances every year", (name) => {
    const text = md(name, "projet-sante");
    expect(text).toContain("| **Solde** | équilibré | équilibré | équilibré | équilibré | équilibré |");
  });

  it("minimal: the budget is asked for, never invented", () => {
    const text = md("minimal", "projet-sante");
    expect(text).toContain("[[À COMPLÉTER : budget prévisionnel par année de contrat");
    expect(text).not.toContain("| **Solde** |");
  });
});

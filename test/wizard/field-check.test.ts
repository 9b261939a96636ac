import { describe, expect, it } from "vitest";
import { checkAnswer, checkField } from "../../src/wizard/field-check.js";

const project = { version: 1, cpts: { nom: "CPTS du Val" }, territoire: { communes: [] }, porteurs: [{ profession: "infirmier" }] };

describe("checkField: one answer, valider's rules", () => {
  it("gives valider's message for a bad INSEE code, and nothing for a good one", () => {
    expect(checkField(project, ["territoire", "communes", 0], "2403")).toEqual([
      "code INSEE attendu (5 caractères, par exemple « 24037 »), trouvé « 2403 »",
    ]);
    expect(checkField(project, ["territoire", "communes", 0], "24037")).toEqual([]);
    expect(checkField(project, ["territoire", "communes", 0], "2A004")).toEqual([]);
  });

  it("checks formats, enums, numbers and required fields", () => {
    expect(checkAnswer(project, ["porteurs", 0, "courriel"], "claire@")).toBe(
      "Adresse électronique attendue (par exemple prenom.nom@exemple.fr), trouvé « claire@ »",
    );
    expect(checkAnswer(project, ["porteurs", 0, "courriel"], "claire@exemple.fr")).toBe(true);
    expect(checkAnswer(project, ["porteurs", 0, "telephone"], "0553")).toMatch(/^Numéro de téléphone attendu/);
    expect(checkAnswer(project, ["porteurs", 0, "profession"], "infirmiere")).toMatch(/vouliez-vous dire `infirmier`/);
    expect(checkAnswer(project, ["association", "conseil_administration", "duree_mandat_ans"], 12)).toMatch(/inférieur ou égal à 9/);
    expect(checkAnswer(project, ["association", "cotisation", "montant"], "trente")).toMatch(/^Un nombre attendu, trouvé « trente »/);
    expect(checkAnswer(project, ["cpts", "nom"], undefined)).toMatch(/^Champ obligatoire manquant/);
  });

  it("keeps only the problems at the path, not those elsewhere in the project", () => {
    const broken = { ...project, porteurs: [{ profession: "infirmier", courriel: "x" }] };
    expect(checkField(broken, ["territoire", "communes", 0], "24037")).toEqual([]);
  });

  it("does not modify the data it checks", () => {
    const copy = structuredClone(project);
    checkField(copy, ["lettre_intention", "date"], "2026-02-30");
    expect(copy).toEqual(project);
    expect(checkAnswer(copy, ["lettre_intention", "date"], "2026-02-30")).toMatch(/^Date réelle attendue/);
  });
});

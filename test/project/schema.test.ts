import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseProjectSource } from "../../src/project/file.js";
import type { Finding } from "../../src/project/findings.js";
import { loadProject } from "../../src/project/load.js";
import { CURRENT_VERSION } from "../../src/project/migrate.js";
import { validateProject } from "../../src/project/schema.js";
import { EXAMPLES } from "../helpers.js";

function check(source: string): Finding[] {
  const file = parseProjectSource(source, "cpts.yaml");
  expect(file.findings.filter((f) => f.severity === "erreur")).toEqual([]);
  return validateProject(file, "cpts.yaml");
}

const HEAD = "version: 1\ncpts:\n  nom: CPTS du Val\n";

describe("schema errors in French, at the right place", () => {
  it("points at a bad INSEE code with the message users read", () => {
    const findings = check(`${HEAD}territoire:\n  communes:\n    - "24037"\n    - "24053"\n    - "24090"\n    - "2403"\n`);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f).toMatchObject({ path: "territoire.communes[3]", line: 9, column: 7, severity: "erreur" });
    expect(f!.message).toBe("code INSEE attendu (5 caractères, par exemple « 24037 »), trouvé « 2403 »");
  });

  it("suggests the closest known key for a typo", () => {
    const [f] = check(`${HEAD}porteur:\n  - nom: Martin\n`);
    expect(f).toMatchObject({ path: "porteur", line: 4, column: 1 });
    expect(f!.message).toBe("champ inconnu « porteur » : vouliez-vous dire `porteurs` ?");
    const [g] = check(`${HEAD}porteurs:\n  - profession: infirmier\n    telephonne: "0553000000"\n`);
    expect(g).toMatchObject({ path: "porteurs[0].telephonne", line: 6, column: 5 });
    expect(g!.message).toContain("vouliez-vous dire `telephone` ?");
  });

  it("names the missing required field at its parent", () => {
    const [f] = check("version: 1\ncpts:\n  sigle: CPTS Val\n");
    expect(f).toMatchObject({ path: "cpts.nom", line: 3, column: 3 });
    expect(f!.message).toMatch(/champ obligatoire manquant \(nom\) : ajoutez « nom: … »/);
  });

  it("explains an unknown enum value with a suggestion or the allowed list", () => {
    const [f] = check(`${HEAD}porteurs:\n  - profession: infirmiere\n`);
    expect(f).toMatchObject({ path: "porteurs[0].profession", line: 5, column: 17 });
    expect(f!.message).toBe("valeur « infirmiere » inconnue : vouliez-vous dire `infirmier` ?");
    const [g] = check(`${HEAD}missions:\n  - code: ZZZZZZZZZZ\n`);
    expect(g!.message).toMatch(/valeurs possibles : ACCES, PARCOURS, PREVENTION, CRISE, QUALITE, ACCOMPAGNEMENT/);
  });

  it("tells to quote a phone number or postcode that YAML read as a number", () => {
    const [f] = check(`${HEAD}porteurs:\n  - profession: infirmier\n    telephone: 0553000000\n`);
    expect(f).toMatchObject({ path: "porteurs[0].telephone", line: 6, column: 16 });
    expect(f!.message).toMatch(/numéro de téléphone attendu.*trouvé un nombre « 0553000000 ».*entre guillemets/);
  });

  it("asks for the number of an article of the statuts without the word « article »", () => {
    const age = (article: string) => check(`${HEAD}association:\n  ag_extraordinaire:\n    statuts_anterieurs:\n      article: ${article}\n`);
    const [f] = age('"article 13"');
    expect(f).toMatchObject({ path: "association.ag_extraordinaire.statuts_anterieurs.article", line: 7, column: 16 });
    expect(f!.message).toBe("numéro d’article attendu, sans le mot « article » (par exemple « 13 », « 13 bis » ou « XIII »), trouvé « article 13 »");
    // A number written as YAML reads it (article: 13) is an article number too.
    for (const ok of ['"13"', "13", '"13 bis"', "XIII"]) expect(age(ok)).toEqual([]);
    expect(age("0")[0]).toMatchObject({ path: "association.ag_extraordinaire.statuts_anterieurs.article" });
  });

  it("refuses impossible dates and malformed e-mail addresses", () => {
    const findings = check(`${HEAD}  date_creation: 2026-02-30\nporteurs:\n  - profession: infirmier\n    courriel: claire.martin\n`);
    expect(findings.map((f) => [f.path, f.line, f.column])).toEqual([
      ["cpts.date_creation", 4, 18],
      ["porteurs[0].courriel", 7, 15],
    ]);
    expect(findings[0]!.message).toMatch(/date réelle attendue au format AAAA-MM-JJ.*« 2026-02-30 »/);
    expect(findings[1]!.message).toMatch(/adresse électronique attendue/);
  });

  it("reports wrong types, negative numbers and empty texts", () => {
    const findings = check(
      `${HEAD}territoire:\n  population:\n    valeur: -12\nporteurs:\n  profession: infirmier\nlettre_intention:\n  lieu: ""\n`,
    );
    const byPath = Object.fromEntries(findings.map((f) => [f.path, f]));
    expect(byPath["territoire.population.valeur"]!.message).toMatch(/nombre supérieur ou égal à 0 attendu, trouvé « -12 »/);
    expect(byPath["porteurs"]!.message).toMatch(/une liste .* attendu, trouvé une section/);
    expect(byPath["porteurs"]).toMatchObject({ line: 8, column: 3 });
    expect(byPath["lettre_intention.lieu"]!.message).toMatch(/texte vide/);
  });

  it("reports every error at once, not only the first", () => {
    const findings = check(`version: 1\ncpts:\n  nom: X\n  sigel: Y\nterritoire:\n  communes: ["1", "2"]\nmissions:\n  - code: NOPE\n`);
    expect(findings.length).toBe(4);
  });

  it("gives one clear message for a value that may be of two kinds", () => {
    const findings = check(`${HEAD}association:\n  duree: toujours\n`);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/« illimitee » ou un nombre d’années attendu, trouvé « toujours »/);
  });

  it("checks the mission codes used as keys of contract amounts", () => {
    const [f] = check(`${HEAD}financement:\n  contrat:\n    missions:\n      PREVENTON:\n        fixe: 1000\n`);
    expect(f).toMatchObject({ path: "financement.contrat.missions.PREVENTON", line: 7, column: 7 });
    expect(f!.message).toContain("vouliez-vous dire `PREVENTION` ?");
  });

  it("says the file is empty instead of a type error", () => {
    const file = parseProjectSource("# rien\n", "cpts.yaml");
    const [f] = validateProject(file, "cpts.yaml");
    expect(f!.message).toMatch(/le fichier est vide.*cpts init/);
  });
});

describe("the example projects", () => {
  it.each(readdirSync(EXAMPLES))("%s loads with no finding and needs no migration", async (name) => {
    const loaded = await loadProject(join(EXAMPLES, name, "cpts.yaml"), "cpts.yaml");
    expect(loaded.findings).toEqual([]);
    expect(loaded.project).toBeDefined();
    expect(loaded.migration).toEqual({ from: CURRENT_VERSION, to: CURRENT_VERSION, applied: [] });
  });
});

import { parseDocument } from "yaml";
import { describe, expect, it } from "vitest";
import { CURRENT_VERSION, migrate, type Migration } from "../../src/project/migrate.js";

describe("migrating project files", () => {
  it("refuses a file written by a newer version of the tool and says what to do", () => {
    const doc = parseDocument(`version: ${CURRENT_VERSION + 1}\ncpts:\n  nom: X\n`);
    expect(() => migrate(doc, "cpts.yaml")).toThrow(new RegExp(`format ${CURRENT_VERSION + 1}, plus récent.*Mettez cpts à jour`));
  });

  it("leaves a current file untouched", () => {
    const doc = parseDocument(`version: ${CURRENT_VERSION}\ncpts:\n  nom: X\n`);
    expect(migrate(doc, "cpts.yaml").applied).toEqual([]);
    expect(doc.toString()).toBe(`version: ${CURRENT_VERSION}\ncpts:\n  nom: X\n`);
  });

  it("leaves a file whose top level is not a section to the schema check", () => {
    for (const source of ["- version: 2\n", "texte\n", "# rien\n"]) {
      expect(migrate(parseDocument(source), "cpts.yaml"), source).toEqual({ from: CURRENT_VERSION, to: CURRENT_VERSION, applied: [] });
    }
  });

  it("applies each step in order, keeps comments, and bumps the version", () => {
    const steps: Migration[] = [
      { from: 1, describe: "renomme nom_cpts en cpts.nom", up: (d) => d.setIn(["cpts", "nom"], d.get("nom_cpts")) },
      { from: 2, describe: "supprime nom_cpts", up: (d) => void d.delete("nom_cpts") },
    ];
    const doc = parseDocument("# garde-moi\nversion: 1\nnom_cpts: CPTS A\n");
    const result = migrate(doc, "cpts.yaml", steps, 3);
    expect(result).toEqual({ from: 1, to: 3, applied: ["renomme nom_cpts en cpts.nom", "supprime nom_cpts"] });
    expect(doc.toString()).toBe("# garde-moi\nversion: 3\ncpts:\n  nom: CPTS A\n");
  });
});

describe("format 2: titles leave the civilité", () => {
  it("moves « Dr » and « Pr » to titre in place, keeping comments and order, and leaves M./Mme", () => {
    const doc = parseDocument(
      [
        "version: 1",
        "porteurs:",
        "  - civilite: Dr # médecin généraliste",
        "    prenom: Pierre",
        "    nom: Delmas",
        "  - civilite: Mme",
        "    prenom: Élodie",
        "    nom: Castaing",
        "association:",
        "  fondateurs:",
        "    - prenom: Nadia",
        "      civilite: Pr",
        "      nom: Benhamou",
        "  dirigeants:",
        "    - civilite: M.",
        "      prenom: Julien",
        "      nom: Bessac",
        "      fonction: tresorier",
        "",
      ].join("\n"),
    );
    const result = migrate(doc, "cpts.yaml");
    expect(result.applied).toEqual(["les titres « Dr » et « Pr » passent de civilite à titre"]);
    expect(doc.toString()).toBe(
      [
        "version: 2",
        "porteurs:",
        "  - titre: Dr # médecin généraliste",
        "    prenom: Pierre",
        "    nom: Delmas",
        "  - civilite: Mme",
        "    prenom: Élodie",
        "    nom: Castaing",
        "association:",
        "  fondateurs:",
        "    - prenom: Nadia",
        "      titre: Pr",
        "      nom: Benhamou",
        "  dirigeants:",
        "    - civilite: M.",
        "      prenom: Julien",
        "      nom: Bessac",
        "      fonction: tresorier",
        "",
      ].join("\n"),
    );
  });
});

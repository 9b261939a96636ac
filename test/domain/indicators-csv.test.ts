import { describe, expect, it } from "vitest";
import { compare, densities } from "../../src/domain/diagnostic.js";
import { importIndicators, parseCsv } from "../../src/domain/indicators-csv.js";

const HEADER = "indicateur;valeur;unite;annee;source;territoire_de_reference";

describe("importing indicators from CSV", () => {
  it("groups the territory value with its département, région and France references", () => {
    const csv = [
      HEADER,
      "Part des 75 ans et plus;12,4;%;2021;INSEE, recensement;",
      "Part des 75 ans et plus;11,1;%;2021;INSEE, recensement;departement",
      "Part des 75 ans et plus;10,2;%;2021;INSEE, recensement;Région",
      "Part des 75 ans et plus;9,6;%;2021;INSEE, recensement;france",
      '"Patients sans médecin traitant; 17 ans et plus";2 450;patients;2025;Rézone CPTS;territoire',
    ].join("\r\n");
    const { indicators, errors } = importIndicators(`\uFEFF${csv}\n`);
    expect(errors).toEqual([]);
    expect(indicators).toEqual([
      { libelle: "Part des 75 ans et plus", valeur: 12.4, unite: "%", annee: 2021, source: "INSEE, recensement", references: { departement: 11.1, region: 10.2, france: 9.6 } },
      { libelle: "Patients sans médecin traitant; 17 ans et plus", valeur: 2450, unite: "patients", annee: 2025, source: "Rézone CPTS" },
    ]);
  });

  it("reports every bad row with its line number and column", () => {
    const csv = [HEADER, "A;douze;%;2021;INSEE;", "B;1;%;21;INSEE;", "C;1;%;2021;;", "D;1;%;2021;X;canton", "E;2;%;2021;X;region"].join("\n");
    const { errors } = importIndicators(csv);
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [2, "valeur"],
      [3, "annee"],
      [4, "source"],
      [5, "territoire_de_reference"],
      [6, "indicateur"],
    ]);
    expect(errors[0]!.message).toBe("nombre attendu, trouvé « douze »");
    expect(errors[4]!.message).toMatch(/« E », qui n’a pas de ligne pour le territoire/);
  });

  it("refuses a header without the documented columns", () => {
    const { errors } = importIndicators("nom;valeur\nA;1\n");
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/colonnes manquantes dans l’en-tête : indicateur, unite, annee, source, territoire_de_reference/);
  });

  it("keeps line numbers right across quoted multi-line cells", () => {
    const rows = parseCsv('a;b\n"x\ny";1\nz;2\n');
    expect(rows.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(rows[1]!.cells).toEqual(["x\ny", "1"]);
  });
});

describe("diagnostic computations", () => {
  it("computes densities per 10 000 inhabitants", () => {
    const d = densities([{ profession: "medecin_generaliste", nombre: 45 }, { profession: "infirmier", nombre: 1 }], 61915);
    expect(d).toEqual([
      { profession: "medecin_generaliste", libelle: "Médecins généralistes", nombre: 45, pour_10000: 7.3 },
      { profession: "infirmier", libelle: "Infirmier", nombre: 1, pour_10000: 0.2 },
    ]);
    expect(densities([{ profession: "infirmier", nombre: 3 }], undefined)[0]!.pour_10000).toBeNull();
  });

  it("compares an indicator with the references given", () => {
    expect(compare({ libelle: "x", valeur: 12.4, source: "s", annee: 2021, references: { departement: 11.1, france: 12.4 } })).toEqual([
      { niveau: "departement", libelle: "département", valeur: 11.1, ecart: 1.3, sens: "superieur" },
      { niveau: "france", libelle: "France", valeur: 12.4, ecart: 0, sens: "egal" },
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { compare, densities } from "../../src/domain/diagnostic.js";
import { CSV_COLUMNS, INDICATOR_TEMPLATE, importIndicatorRows, importIndicators, indicatorChanges, parseCsv } from "../../src/domain/indicators-csv.js";

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
    const { indicators, errors, lines } = importIndicators(`\uFEFF${csv}\n`);
    expect(errors).toEqual([]);
    expect(lines).toEqual([2, 6]);
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

  it("keeps line numbers right across quoted multi-line cells, blank rows and every line ending", () => {
    const { rows, error } = parseCsv('a;b\r\n"x\r\ny";1\n\n;\rz;2\r\n');
    expect(error).toBeUndefined();
    expect(rows.map((r) => r.line)).toEqual([1, 2, 6]);
    expect(rows[1]!.cells).toEqual(["x\ny", "1"]);
    expect(rows[2]!.cells).toEqual(["z", "2"]);
  });
});

describe("CSV that cannot be read: the line where the row starts and the real cause", () => {
  const ok = "A;1;%;2021;INSEE;";
  it("a quote never closed", () => {
    const { errors, indicators } = importIndicators([HEADER, ok, "", 'B;2;%;2021;"INSEE;', ok.replace("A", "C"), "D;4;%;2021;X;"].join("\n"));
    expect(indicators).toEqual([]);
    expect(errors).toEqual([{ line: 4, message: expect.stringMatching(/guillemet ouvert dans cette ligne et jamais refermé/) }]);
  });

  it("a quote inside an unquoted cell, a cell too many", () => {
    expect(importIndicators([HEADER, ok, 'B;2;%;2021;Écran 12";'].join("\n")).errors).toEqual([
      { line: 3, message: expect.stringMatching(/guillemet « " » au milieu d’une cellule \(cellule 5\)/) },
    ]);
    expect(importIndicators([HEADER, '"A\nsur deux lignes";1;%;2021;INSEE;;en trop'].join("\n")).errors).toEqual([
      { line: 2, message: expect.stringMatching(/^7 cellules au lieu de 6 comme l’en-tête/) },
    ]);
  });

  it("an overflowing or vanishing number", () => {
    const { errors } = importIndicators([HEADER, `A;${"9".repeat(400)};%;2021;INSEE;`, "B;1e400;%;2021;INSEE;", "C;12 345 678 901 234 567;;2021;X;", "D;1e-400;;2021;X;"].join("\n"));
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [2, "valeur"],
      [3, "valeur"],
      [4, "valeur"],
      [5, "valeur"],
    ]);
    expect(errors[0]!.message).toMatch(/^nombre trop grand/);
    expect(errors[2]!.message).toMatch(/^nombre trop grand « 12 345 678 901 234 567 »/);
    expect(errors[3]!.message).toMatch(/^nombre trop petit/);
  });

  it("control characters and terminal escape sequences in a cell, with their own line", () => {
    const { errors } = importIndicators([HEADER, "A\u001b[2J;1;%;2021;INSEE;", '"B";2;%;2021;"INSEE\nversion\u009b31m";', "C;3;%;2021;X\u0007;"].join("\n"));
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [2, "indicateur"],
      [4, "source"],
      [5, "source"],
    ]);
    expect(errors[0]!.message).toMatch(/caractère de contrôle U\+001B \(ÉCHAP, début d’une séquence d’échappement de terminal\)/);
    for (const e of errors) expect(e.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });

  it("two comparison rows for one indicator and level, two territory rows: both lines named", () => {
    const { errors } = importIndicators(
      [HEADER, "A;12;%;2021;INSEE;", "A;11;%;2021;INSEE;departement", "a;10;%;2021;INSEE;région", "A;10,5;%;2021;INSEE;Département", "A;13;%;2021;INSEE;territoire"].join("\n"),
    );
    expect(errors).toEqual([
      { line: 5, column: "territoire_de_reference", message: "deux valeurs pour le département pour « A » (lignes 3 et 5) : gardez-en une" },
      { line: 6, column: "indicateur", message: "l’indicateur « A » a deux lignes pour le territoire (lignes 2 et 6)" },
    ]);
  });
});

describe("importing over an indicator the project already has", () => {
  const existing = {
    libelle: "Densité de médecins",
    valeur: 8.1,
    unite: "pour 10 000 habitants",
    annee: 2022,
    source: "Rézone CPTS",
    theme: "offre_de_soins" as const,
    commentaire: "Écrit à la main : en baisse depuis 2018.",
    references: { departement: 9.2, france: 8.9 },
  };

  it("changes only what the CSV gives, and says what changed", () => {
    const { indicators } = importIndicators([HEADER, "densite de medecins;7,9;;2023;Rézone CPTS;", "Densité de médecins;9;;2023;Rézone CPTS;departement"].join("\n"));
    expect(indicatorChanges(existing, indicators[0]!)).toEqual([
      { field: "valeur", before: 8.1, after: 7.9 },
      { field: "annee", before: 2022, after: 2023 },
      { field: "references.departement", before: 9.2, after: 9 },
    ]);
  });

  it("a theme, a comment or a new level the CSV gives are taken", () => {
    const { indicators } = importIndicators(
      [`${HEADER};theme;commentaire`, "Densité de médecins;8,1;pour 10 000 habitants;2022;Rézone CPTS;;acces_aux_soins;Relu en 2024", "Densité de médecins;8,4;;2022;X;region;;"].join("\n"),
    );
    expect(indicatorChanges(existing, indicators[0]!)).toEqual([
      { field: "theme", before: "offre_de_soins", after: "acces_aux_soins" },
      { field: "commentaire", before: "Écrit à la main : en baisse depuis 2018.", after: "Relu en 2024" },
      { field: "references.region", after: 8.4 },
    ]);
  });

  it("the same values change nothing", () => {
    const { indicators } = importIndicators([HEADER, "Densité de médecins;8,1;;2022;Rézone CPTS;"].join("\n"));
    expect(indicatorChanges(existing, indicators[0]!)).toEqual([]);
  });
});

describe("importing indicators from a spreadsheet's rows", () => {
  const header = { line: 3, cells: ["", ...CSV_COLUMNS, "commentaire"] };

  it("applies the CSV's rules, each error naming its cell; a line break inside a cell is not a new line", () => {
    const rows = [
      header,
      { line: 4, cells: ["", "A", "12,4", "%", "2021", "INSEE", "", "Sur deux\nlignes"] },
      { line: 6, cells: ["", "A", "11", "%", "2021", "INSEE", "departement"] },
      { line: 7, cells: ["", "B", "1", "%", "2021", "INSEE", "", "a\nb\u001b[31m"] },
      { line: 9, cells: ["", "C", "1", "%", "2021"] },
    ];
    expect(importIndicatorRows(rows.slice(0, 3))).toEqual({
      indicators: [{ libelle: "A", valeur: 12.4, unite: "%", annee: 2021, source: "INSEE", commentaire: "Sur deux\nlignes", references: { departement: 11 } }],
      lines: [4],
      errors: [],
    });
    expect(importIndicatorRows(rows).errors).toEqual([
      { line: 7, column: "commentaire", cell: 7, message: expect.stringMatching(/^caractère de contrôle U\+001B/) },
    ]);
    expect(importIndicatorRows([header, rows[4]!]).errors).toEqual([
      { line: 9, column: "source", cell: 5, message: expect.stringMatching(/^source vide/) },
    ]);
    expect(importIndicatorRows([{ line: 2, cells: ["indicateur", "valeur"] }]).errors).toEqual([
      { line: 2, message: "colonnes manquantes dans l’en-tête : unite, annee, source, territoire_de_reference (en-tête attendu : indicateur, valeur, unite, annee, source, territoire_de_reference)" },
    ]);
  });

  it("refuses the template's example rows, in either format, until they are replaced", () => {
    const csv = [HEADER, "Exemple : densité;8,1;;2022;Rézone CPTS;", "Exemple – densité;9;;2022;Rézone CPTS;departement", "Exemples de densité;7;;2022;Rézone CPTS;"].join("\n");
    expect(importIndicators(csv).errors).toEqual([2, 3].map((line) => ({ line, column: "indicateur", message: "ligne d’exemple du modèle, à remplacer par vos chiffres ou à supprimer" })));
  });

  it("the template lists every column the import reads, the optional ones last", () => {
    const names = INDICATOR_TEMPLATE.columns.map((c) => c.name);
    expect(names.slice(0, CSV_COLUMNS.length).sort()).toEqual([...CSV_COLUMNS].sort());
    expect(names.slice(CSV_COLUMNS.length)).toEqual(["theme", "commentaire"]);
    expect(INDICATOR_TEMPLATE.columns.filter((c) => !c.required).map((c) => c.name)).toEqual(["unite", "territoire_de_reference", "theme", "commentaire"]);
    expect(INDICATOR_TEMPLATE.examples.every((row) => row.length === names.length)).toBe(true);
  });
});

describe("diagnostic computations", () => {
  it("computes densities per 10 000 inhabitants", () => {
    const d = densities([{ profession: "medecin_generaliste", nombre: 45 }, { profession: "infirmier", nombre: 1 }, { profession: "psychologue", nombre: 2 }], 61915);
    expect(d).toEqual([
      { profession: "medecin_generaliste", libelle: "Médecins généralistes", nombre: 45, sante: true, pour_10000: 7.3 },
      { profession: "infirmier", libelle: "Infirmier", nombre: 1, sante: true, pour_10000: 0.2 },
      // Not a profession de santé of the code de la santé publique: counted apart.
      { profession: "psychologue", libelle: "Psychologues", nombre: 2, sante: false, pour_10000: 0.3 },
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

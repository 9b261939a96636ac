import { describe, expect, it } from "vitest";
import { figureName } from "../../src/domain/model/figures.js";
import { buildModel, type ComparisonFigure, type GroupedFigure } from "../../src/domain/model/index.js";
import type { Project } from "../../src/project/types.js";
import { loadExample } from "../examples.js";

const NBSP = "\u00a0";
const [bergerac, options] = await loadExample("bergerac");
const model = buildModel(bergerac, { ...options, mapAvailable: true });
const byName = new Map(model.figures.liste.map((f) => [f.name, f]));

function comparison(name: string): ComparisonFigure {
  const figure = byName.get(name);
  if (figure?.kind !== "comparison") throw new Error(`${name} n’est pas une comparaison`);
  return figure.chart;
}

function grouped(name: string): GroupedFigure {
  const figure = byName.get(name);
  if (figure?.kind !== "grouped") throw new Error(`${name} n’est pas un graphique groupé`);
  return figure.chart;
}

describe("the figures of the Bergerac example", () => {
  it("compares each indicator that has references with the département, the région and France", () => {
    const compared = bergerac.diagnostic!.indicateurs!.filter((i) => i.references);
    expect(model.figures.indicateurs).toHaveLength(compared.length);
    expect(model.diagnostic.indicateurs.map((i) => i.figure)).toEqual(
      bergerac.diagnostic!.indicateurs!.map((i) => (i.references ? expect.any(String) : undefined)),
    );
    expect(comparison("taux-de-pauvrete")).toEqual({
      title: "Taux de pauvreté",
      unit: "%",
      source: "INSEE, Filosofi",
      year: 2016,
      // The Bergerac figures are illustrations: the chart says so under its source, as the table does.
      note: "donnée d’exemple",
      bars: [
        // The territory's name is too long for one line of the chart.
        { label: "Territoire de la CPTS", value: 17.5 },
        { label: "Dordogne", value: 16 },
        { label: "Nouvelle-Aquitaine", value: 13.4 },
        { label: "France", value: 14.7 },
      ],
    });
  });

  it("gives the densities of the professions and the population of the main communes", () => {
    const densities = grouped("densites");
    expect(densities.categories[0]).toMatch(/^Médecins? généralistes?$/);
    expect(densities.values[0]).toEqual([8.6]);
    expect(densities.source).toBe(`CartoSanté et annuaire santé de l’Assurance Maladie, 2017${NBSP}; population${NBSP}: INSEE, population municipale, données 2023`);
    expect(densities.note).toBe("donnée d’exemple");
    // The population is the INSEE's, not an illustration.
    expect(grouped("population").note).toBeUndefined();
    const population = grouped("population");
    expect(population.categories).toHaveLength(9);
    expect(population.categories[0]).toBe("Bergerac");
    expect(population.categories[8]).toBe("Les 30 autres communes");
    expect(population.values.reduce((t, [v]) => t + v!, 0)).toBe(61915);
  });

  it("lists the map with the territory's communes, drawable where the contours are", () => {
    expect(byName.get("carte")).toMatchObject({ kind: "map", caption: `Carte du territoire${NBSP}: Communauté d’agglomération bergeracoise` });
    expect((byName.get("carte") as { communes: string[] }).communes).toHaveLength(38);
    expect(model.figures).toMatchObject({ carte: "carte", carte_disponible: true, densites: "densites", population: "population" });
    expect(buildModel(bergerac, options).figures.carte_disponible).toBe(false);
  });
});

describe("figures without data", () => {
  it("keeps the names templates may place, with nothing to draw", () => {
    const empty = { version: 1, cpts: { nom: "CPTS test" } } as Project;
    const figures = buildModel(empty, {}).figures;
    expect(figures.liste).toEqual([
      { name: "carte", kind: "none" },
      { name: "population", kind: "none" },
      { name: "densites", kind: "none" },
      { name: "ages", kind: "none" },
    ]);
    expect(figures).toMatchObject({ carte: undefined, carte_disponible: false, densites: undefined, population: undefined, ages: undefined, indicateurs: [] });
  });

  it("names each indicator's chart once, never as another figure", () => {
    const indicator = (libelle: string) => ({ libelle, valeur: 1, annee: 2020, source: "Test", references: { france: 2 } });
    const project = { version: 1, cpts: { nom: "CPTS" }, diagnostic: { indicateurs: [indicator("Carte"), indicator("Taux (%)"), indicator("Taux %"), indicator("É")] } } as unknown as Project;
    expect(buildModel(project, {}).figures.indicateurs).toEqual(["carte-2", "taux", "taux-2", "e"]);
    expect(figureName("  Part des 75 ans et plus — Dordogne ")).toBe("part-des-75-ans-et-plus-dordogne");
  });

  it("draws no chart for an indicator whose source is blank (a chart must say where its numbers come from)", () => {
    const project = {
      version: 1,
      cpts: { nom: "CPTS" },
      diagnostic: { indicateurs: [{ libelle: "Taux", valeur: 1, annee: 2020, source: "  ", references: { france: 2 } }] },
    } as unknown as Project;
    const model = buildModel(project, {});
    expect(model.figures.indicateurs).toEqual([]);
    // The diagnostic then places no chart for it: a name without its figure would stop the document.
    expect(model.diagnostic.indicateurs.map((i) => i.figure)).toEqual([undefined]);
  });
});

describe("references of densities and the age structure, where the file gives them", () => {
  const project = structuredClone(bergerac);
  project.diagnostic!.effectifs![0]!.references = { departement: 8.4, france: 8.9 };
  project.diagnostic!.effectifs![5]!.references = { france: 14.5 };
  project.diagnostic!.structure_age = {
    source: "INSEE, recensement de la population",
    annee: 2021,
    tranches: [
      { libelle: "0 à 14 ans", territoire: 14.2, france: 17.5 },
      { libelle: "75 ans ou plus", territoire: 14.4 },
    ],
  };
  const figures = new Map(buildModel(project, options).figures.liste.map((f) => [f.name, f]));

  it("compares each profession with the references given, « n.d. » where one is missing", () => {
    const densities = figures.get("densites");
    if (densities?.kind !== "grouped") throw new Error("densites");
    expect(densities.chart.series).toEqual(["Territoire de la CPTS", "Dordogne", "France"]);
    expect(densities.chart.values[0]).toEqual([8.6, 8.4, 8.9]);
    expect(densities.chart.values[5]).toEqual([19.1, null, 14.5]);
    expect(densities.chart.values[1]).toEqual([7.4, null, null]);
  });

  it("draws the age structure of the territory beside the references given", () => {
    expect(figures.get("ages")).toEqual({
      name: "ages",
      kind: "ages",
      chart: {
        title: "Population par tranche d’âge",
        unit: "%",
        source: "INSEE, recensement de la population",
        year: 2021,
        bands: ["0 à 14 ans", "75 ans ou plus"],
        series: [
          { label: "Territoire de la CPTS", values: [14.2, 14.4] },
          { label: "France", values: [17.5, null] },
        ],
      },
    });
    const withoutSource = structuredClone(project);
    delete withoutSource.diagnostic!.structure_age!.source;
    expect(buildModel(withoutSource, options).figures.ages).toBeUndefined();
  });
});

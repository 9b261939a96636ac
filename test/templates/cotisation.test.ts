/**
 * The statuts never contradict themselves on the cotisation: the categories the file exempts are
 * named as exempt by the article on the cotisation, left out of « à jour de leur cotisation » in
 * the composition of the assembly, and named again when an assembly fixes the amount; without
 * exemption, no article speaks of one. An exemption written only as a comment is reported.
 */
import { describe, expect, it } from "vitest";
import { buildModel, modelForDocument, type ModelOptions } from "../../src/domain/model/index.js";
import { projectTerritory } from "../../src/domain/project-territory.js";
import type { DocumentId } from "../../src/domain/documents.js";
import { readiness } from "../../src/domain/readiness.js";
import { TEMPLATES_DIR } from "../../src/project/paths.js";
import type { Project } from "../../src/project/types.js";
import { renderMarkdownOnly } from "../../src/render/render.js";
import { createTemplateEnv } from "../../src/render/templates.js";
import { loadExample, type ExampleName } from "../examples.js";
import { figureNames } from "../figure-names.js";

const env = createTemplateEnv([TEMPLATES_DIR]);

/** The Markdown of a document as a reader reads it: no escapes, plain spaces. */
function read(project: Project, options: ModelOptions, document: DocumentId): string {
  const model = buildModel(project, options);
  const { markdown } = renderMarkdownOnly({
    templateName: document,
    model: modelForDocument(model, project, options, document),
    templateDirs: [TEMPLATES_DIR],
    env,
    figures: figureNames(model),
  });
  return markdown.replace(/\\/g, "").replace(/[\u00a0\u202f]/g, " ");
}

/** The text of the article whose title starts with `title` (« Cotisation »), up to the next heading. */
function article(statuts: string, title: string): string {
  const start = statuts.search(new RegExp(`^## Article \\d+ — ${title}`, "m"));
  expect(start, `article « ${title} »`).toBeGreaterThanOrEqual(0);
  const rest = statuts.slice(start);
  const end = rest.slice(3).search(/^#/m);
  return end < 0 ? rest : rest.slice(0, end + 3);
}

/** The exemptions of a project, and what the statuts say of them in every article on the cotisation. */
function checkStatuts(project: Project, options: ModelOptions): void {
  const statuts = read(project, options, "statuts");
  const categories = project.association?.membres?.categories ?? [];
  const exempt = categories.filter((c) => c.dispensee_de_cotisation === true).map((c) => c.nom);
  const paying = categories.filter((c) => c.dispensee_de_cotisation !== true).map((c) => c.nom);
  const cotisation = article(statuts, "Cotisation");
  const assembly = article(statuts, "Assemblée générale ordinaire");
  if (exempt.length === 0) {
    expect(statuts).not.toMatch(/dispensés|exonérés/);
    expect(cotisation).toContain("Les membres versent une cotisation annuelle");
    expect(assembly).toContain("comprend tous les membres de l’association à jour de leur cotisation");
    return;
  }
  // Those who pay, and only they, are said to pay; those exempt are said to be.
  const [payers, exemption] = cotisation
    .split(/(?<=\.)\s+(?=Les )/)
    .map((s) => s.trim())
    .filter((s) => /versent|dispensés/.test(s));
  for (const name of paying) expect(payers).toContain(name);
  for (const name of exempt) {
    expect(payers).not.toContain(name);
    expect(exemption).toContain(name);
  }
  expect(exemption).toMatch(/en sont dispensés\.$/);
  // The assembly gathers every category, but only the paying ones « à jour de leur cotisation ».
  expect(assembly).not.toContain("tous les membres de l’association à jour de leur cotisation");
  const upToDate = assembly.slice(0, assembly.indexOf("à jour de leur cotisation"));
  for (const name of paying) expect(upToDate).toContain(name);
  for (const name of exempt) {
    expect(upToDate).not.toContain(name);
    expect(assembly).toContain(name);
  }
}

describe("the statuts never contradict themselves on the cotisation", () => {
  it.each<ExampleName>(["bergerac", "vallee-herault", "saverne"])("%s as it is", async (name) => {
    const [project, options] = await loadExample(name);
    checkStatuts(project, options);
  });

  it("Bergerac exempts its partners and honorary members in the file, not in a comment", async () => {
    const [bergerac, options] = await loadExample("bergerac");
    expect(bergerac.association!.cotisation!.commentaire).toBeUndefined();
    const statuts = read(bergerac, options, "statuts");
    expect(article(statuts, "Cotisation")).toContain(
      "Les membres actifs versent une cotisation annuelle dont le montant est fixé par l’assemblée générale. À la date des présents statuts, il s’élève à 30 €.\n\nLes membres partenaires et les membres d’honneur en sont dispensés.",
    );
    expect(article(statuts, "Assemblée générale ordinaire")).toContain(
      "L’assemblée générale comprend les membres actifs à jour de leur cotisation, ainsi que les membres partenaires et les membres d’honneur, qui en sont dispensés ; seuls les membres actifs y ont voix délibérative.",
    );
  });

  it("every article follows the exemptions, whichever categories they are", async () => {
    for (const name of ["bergerac", "vallee-herault", "saverne"] as const) {
      const [project, options] = await loadExample(name);
      const categories = project.association!.membres!.categories!;
      // A comment giving one category its own amount (Vallée de l’Hérault’s partners) would contradict exempting it.
      delete project.association!.cotisation!.commentaire;
      // Each category alone paying, the others exempt; then none exempt.
      for (let i = 0; i < categories.length; i++) {
        categories.forEach((c, j) => (c.dispensee_de_cotisation = j !== i));
        if (categories.length > 1) checkStatuts(project, options);
      }
      categories.forEach((c) => delete c.dispensee_de_cotisation);
      checkStatuts(project, options);
    }
  });

  it("the assembly that fixes the cotisation repeats the exemptions of the statuts", async () => {
    const [herault, options] = await loadExample("vallee-herault");
    const partners = herault.association!.membres!.categories!.find((c) => c.nom === "membres partenaires")!;
    partners.dispensee_de_cotisation = true;
    delete herault.association!.cotisation!.commentaire;
    const pv = read(herault, options, "pv-ag-constitutive");
    expect(pv).toContain("L’assemblée générale fixe le montant de la cotisation annuelle à 20 €. Les membres partenaires en sont dispensés.");
  });
});

describe("valider reports an exemption the statuts cannot state", () => {
  const findings = (p: Project) => readiness(p, projectTerritory(p).facts, "statuts")[0]!.findings;

  it("warns about an exemption written only in the comment", async () => {
    const [bergerac] = await loadExample("bergerac");
    for (const c of bergerac.association!.membres!.categories!) delete c.dispensee_de_cotisation;
    bergerac.association!.cotisation!.commentaire = "Les membres partenaires et les membres d’honneur en sont dispensés.";
    const found = findings(bergerac).filter((f) => f.code === "pret.statuts.cotisation-dispense-commentaire");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "avertissement", path: "association.cotisation.commentaire" });
    expect(found[0]!.message).toContain("dispensee_de_cotisation: true");
  });

  it("blocks statuts whose every category is exempt from the cotisation they fix", async () => {
    const [bergerac] = await loadExample("bergerac");
    for (const c of bergerac.association!.membres!.categories!) c.dispensee_de_cotisation = true;
    const found = findings(bergerac).filter((f) => f.severity === "erreur");
    expect(found.map((f) => [f.code, f.path])).toEqual([["pret.statuts.cotisation-personne", "association.membres.categories"]]);
  });
});

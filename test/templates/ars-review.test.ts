/**
 * What an ARS reviewer (and the CPAM agent for the ACI contract) objects to when reading the
 * generated lettre d'intention, diagnostic and projet de santé: rules cited before they applied,
 * the tool speaking of itself in a document signed by the CPTS, clauses with two colons.
 */
import { describe, expect, it } from "vitest";
import { buildModel, type DocumentModel, type ModelOptions } from "../../src/domain/model/index.js";
import type { DocumentId } from "../../src/domain/documents.js";
import type { Project } from "../../src/project/types.js";
import { TEMPLATES_DIR } from "../../src/project/paths.js";
import { renderMarkdownOnly } from "../../src/render/render.js";
import { createTemplateEnv } from "../../src/render/templates.js";
import { loadExample, type ExampleName } from "../examples.js";
import { figureNames } from "../figure-names.js";

const env = createTemplateEnv([TEMPLATES_DIR]);
const loaded = Object.fromEntries(
  await Promise.all((["bergerac", "chambery", "saverne"] as const).map(async (n) => [n, await loadExample(n)] as const)),
) as Record<"bergerac" | "chambery" | "saverne", [Project, ModelOptions]>;

function render(model: DocumentModel, id: DocumentId): string {
  const text = renderMarkdownOnly({ templateName: id, model, templateDirs: [TEMPLATES_DIR], env, figures: figureNames(model) }).markdown;
  return text.replace(/\\(.)/g, "$1").replace(/[\u00a0\u202f]/g, " ");
}

function md(name: keyof typeof loaded, id: DocumentId, change?: (p: Project) => void): string {
  const [project, options] = loaded[name];
  const copy = structuredClone(project);
  change?.(copy);
  return render(buildModel(copy, options), id);
}

const section = (text: string, from: string, to: string) => text.slice(text.indexOf(from), text.indexOf(to, text.indexOf(from)));

describe("a lettre d’intention cites the ACI only as it stood on the letter’s date", () => {
  it("Bergerac, June 2017, before the ACI: no taille, no socle or optional mission", () => {
    const text = md("bergerac", "lettre-intention");
    expect(text).toContain("### La population\n");
    expect(text).not.toMatch(/taille 2|mission socle|mission optionnelle/);
    const missions = section(text, "### Les missions envisagées", "### La gouvernance");
    expect(missions).toContain("La communauté envisage de conduire les missions suivantes :");
    expect(missions).toContain("- **Accès aux soins** :");
    expect(missions).not.toContain("accord conventionnel");
  });

  it("a letter of 2020, under the ACI of 2019: three socle missions, the crisis mission without ACI status", () => {
    const text = md("bergerac", "lettre-intention", (p) => {
      p.lettre_intention!.date = "2020-06-01";
    });
    const missions = section(text, "### Les missions envisagées", "### La gouvernance");
    expect(missions).toContain("- **Accès aux soins** (mission socle) :");
    expect(missions).toContain("- **Prévention** (mission socle) :");
    expect(missions).toContain("- **Réponse aux crises sanitaires graves** :");
    expect(missions).toContain("- **Qualité et pertinence des soins** (mission optionnelle) :");
    expect(text).toContain("dans la **taille 2** de l’accord conventionnel interprofessionnel");
  });

  it("Bergerac, June 2017: the 2023 population is said to postdate the letter, in the CPTS's words", () => {
    const text = md("bergerac", "lettre-intention");
    expect(text).toContain("(population municipale, données 2023 ; postérieures à la date de cette lettre)");
    expect(text).not.toContain("plus récentes que la lettre");
  });

  it("Saverne, 2025, after the avenant 2: four socle missions and the taille", () => {
    const text = md("saverne", "lettre-intention");
    expect(text).toContain("### La population et la taille de la communauté");
    expect(text).toContain("- **Réponse aux crises sanitaires graves** (mission socle)");
    expect(text).toContain("dans la **taille 1** de l’accord conventionnel interprofessionnel");
  });
});

describe("documents signed by the CPTS do not speak of the tool that wrote them", () => {
  it.each(["bergerac", "chambery", "saverne"] as const)("%s: no « l’outil » in the lettre d’intention, the diagnostic nor the projet de santé", (name) => {
    for (const id of ["lettre-intention", "diagnostic", "projet-sante"] as const) {
      const text = md(name, id)
        // The note that replaces the map when the contours are not installed is known and kept.
        .replace(/La carte du territoire n’a pas pu être dessinée[^\n]*/g, "");
      expect(text, `${name} ${id}`).not.toMatch(/l’outil/);
    }
  });

  it.each(["bergerac", "chambery", "saverne"] as const)("%s: the CPTS speaks to the ARS, not of what the ARS examines nor of what the tool computes", (name) => {
    for (const id of ["diagnostic", "projet-sante"] as const) {
      const text = md(name, id);
      expect(text, `${name} ${id}`).not.toMatch(/ce que l’ARS examine|ce que le tableau|le tableau ne calcule|sans savoir|n’est pas montré|ce que l’accord conventionnel interprofessionnel attend/i);
      expect(text, `${name} ${id}`).toMatch(/^#+ Accès aux soins sur le territoire$/m);
    }
    const pds = md(name, "projet-sante");
    expect(pds).toContain("Attentes de l’accord conventionnel interprofessionnel pour cette mission, et fiches-actions qui y répondent :");
    expect(pds).toContain("Précisions sur ces montants :");
  });

  it("the budget names the ACI reference amounts as its source, and the unknown plafonds as to check", () => {
    const bergerac = md("bergerac", "projet-sante");
    // Dated September 2022, the projet cannot know the plafond of 2023, published later.
    expect(bergerac).toContain("Les plafonds de 2020, 2021, 2022, 2023 et 2024 sont à vérifier sur le site de l’Urssaf.");
    expect(bergerac).not.toContain("Plafond 2023");
    expect(bergerac).toContain("ses échéances ne se comptent pas depuis la signature et restent à préciser avec l’ARS et la CPAM.");
    const chambery = md("chambery", "projet-sante");
    expect(chambery).toContain("(8) ACI, fonctionnement — source : montants de référence de l’ACI pour la taille de la communauté.");
    // The taille 3 mission amounts were observed in two contracts: the budget does not call them the ACI's.
    expect(chambery).toContain(
      "(9) ACI, missions — parts fixes, et parts variables comptées à 70 % de leur maximum ; source : montants relevés dans deux contrats de taille 3, pas dans le texte de l’ACI (détail des financements de l’ACI).",
    );
  });
});

describe("the budget and the ACI detail of the projet de santé say each note once, in the CPTS's voice", () => {
  it.each(["bergerac", "chambery"] as const)("%s: no note of the budget is repeated under the ACI detail", (name) => {
    const text = md(name, "projet-sante");
    const budget = section(text, "## Charges et produits par année de contrat", "## Modalités de versement");
    const notes = budget.split("\n").filter((l) => l.startsWith("- "));
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.filter((n, i) => notes.indexOf(n) !== i)).toEqual([]);
    expect(budget.match(/CPTS existante : le montant de démarrage/g)).toHaveLength(1);
  });

  it("Chambéry, whose contract date the file does not give: the budget says its years are not civil years, once, without « indiquée »", () => {
    const budget = section(md("chambery", "projet-sante"), "## Charges et produits par année de contrat", "## Détail des financements");
    expect(budget).not.toMatch(/n’est pas indiquée|Sans date de signature/);
    expect(budget).toContain("- Années comptées à partir de la signature du contrat ; elles ne sont pas rattachées à des années civiles.");
    expect(budget.match(/années civiles/g)).toHaveLength(1);
    expect(budget).toContain("Le plafond de chaque année civile est à vérifier sur le site de l’Urssaf.");
  });

  it("Saverne, letter validated in 2025: no avenant 2 amorçage line, and the ACI detail says why", () => {
    const aci = section(md("saverne", "projet-sante"), "## Détail des financements", "## Modalités de versement");
    expect(aci).not.toContain("Crédits d’amorçage éventuels");
    expect(aci).toContain("Crédits d’amorçage de l’avenant 2 non montrés");
  });
});

/** Clauses of a document (cells, lines, parts between « ; », « . » or a dash) holding two colons. */
function clausesWithTwoColons(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split("\n")) {
    for (const part of line.split(/\||<br>/)) {
      // « M. », « Dr. » are no sentence ends; footnote calls « (1) » start a new note.
      for (const clause of part.split(/(?<![A-Z]\.)(?<!M)[;.]\s|\s—\s|\(\d+\)/)) {
        if ((clause.match(/ : /g) ?? []).length >= 2) out.push(clause.trim());
      }
    }
  }
  return out;
}

describe("no clause holds two colons", () => {
  it.each(["lettre-intention", "diagnostic", "projet-sante"] as const)("Bergerac: %s", (id) => {
    expect(clausesWithTwoColons(md("bergerac", id))).toEqual([]);
  });

  it("an indicator's target carries its date before the colon", () => {
    expect(md("bergerac", "projet-sante")).toContain(
      "**Nombre de patients en ALD sans médecin traitant** (indicateur de résultats) — valeur initiale : 412 ; cible au 15 mars 2022 : 150 au plus ; source : données CPAM de la Dordogne ; donnée d’exemple",
    );
  });

  it.each(["bergerac", "chambery"] as const)("%s: after « cible … : » and « source : » in a fiche, a common noun starts lowercase", (name) => {
    const cells = md(name, "projet-sante")
      .split("\n")
      .filter((l) => l.startsWith("| Indicateurs et cibles |"));
    expect(cells.length).toBeGreaterThan(0);
    const capitals = cells.flatMap((l) => [...l.matchAll(/(?:cible(?: au [^:;]+)?|source) : ([A-ZÉ][^;<|]*)/g)].map((m) => m[1]!.trim()));
    // Proper nouns keep their capital.
    expect(capitals.filter((c) => !/^(Rézone CPTS|Santé publique France|Centre hospitalier Samuel-Pozzi)/.test(c))).toEqual([]);
  });

  it("the letter’s labels end with a full stop, so that the answers after them keep their own colon", () => {
    const text = md("bergerac", "lettre-intention");
    expect(text).toContain("**Structure juridique.** Association « Le Pôle de Santé de Bergerac », déclarée le 10 juin 2014.");
    expect(text).toContain("**Gouvernance envisagée.** L’association « Le Pôle de Santé de Bergerac » porte la CPTS.");
    expect(text).toContain("**Coordination.** Recrutement d’une coordinatrice salariée");
  });
});

describe("each example tells one story its dates do not contradict", () => {
  it("the updated Bergerac projet de santé (2022) is under tacit validation, its first version was approved by a decision", () => {
    const calendar = section(md("bergerac", "projet-sante"), "# Calendrier", "| Date |");
    expect(calendar).toContain("Le premier projet de santé a été validé par une décision de l’ARS. Le projet de santé est réputé validé");
  });

  it("Bergerac's crisis fiche gives its own calendar; the mission's ACI deadlines are said once, above the fiches", () => {
    const crisis = section(md("bergerac", "projet-sante"), "## Réponse aux crises sanitaires graves", "## Qualité et pertinence");
    expect(crisis.match(/avenant 2|dans l’année qui suit/g)).toBeNull();
    expect(crisis.match(/Mission ajoutée à l’accord conventionnel interprofessionnel/g)).toHaveLength(1);
    expect(crisis).toContain("| Calendrier | Du 3 octobre 2022 au 15 septembre 2023. Rédaction du plan par la cellule de crise");
  });

  it("the Bergerac projet de santé of September 2022 cites no guideline published after it", () => {
    expect(md("bergerac", "projet-sante")).not.toMatch(/publiées en décembre 2022/);
  });

  it("Saverne: an undated step says what it hangs on, never « à dater »", () => {
    const calendar = section(md("saverne", "projet-sante"), "# Calendrier", "# Annexes");
    expect(calendar).not.toContain("à dater");
    expect(calendar).toContain("| deux mois après la réception du projet de santé | Validation tacite du projet de santé");
    expect(calendar).toContain("| après la signature du contrat | Démarrage de la mission « Accès aux soins »");
    const letter = md("saverne", "lettre-intention", (p) => {
      delete p.calendrier!.ag_constitutive;
    });
    expect(letter).toContain("| date à fixer | Assemblée générale constitutive de l’association |");
    expect(letter).not.toContain("à dater");
  });

  it.each(["saverne"] as const)("%s: a letter written before the constitutive assembly gives no porteur an office in the association", (name) => {
    const letter = md(name, "lettre-intention");
    const porteurs = section(letter, "### Les porteurs du projet", "### Les professionnels");
    expect(porteurs).not.toMatch(/(Présidente?|Secrétaire|Trésorière?) de l’association/);
  });
});

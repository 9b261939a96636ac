/**
 * Psychologues (and ostéopathes, assistants de service social) are not professionnels de santé
 * within the code de la santé publique (REFERENCE §7.1): the documents never count them as such,
 * and still list them, apart.
 */
import { describe, expect, it } from "vitest";
import professionsJson from "../../src/domain/data/professions.json" with { type: "json" };
import { isHealthProfession } from "../../src/domain/professions.js";
import { buildModel } from "../../src/domain/model/index.js";
import type { DocumentId } from "../../src/domain/documents.js";
import { TEMPLATES_DIR } from "../../src/project/paths.js";
import type { Project } from "../../src/project/types.js";
import { renderMarkdownOnly } from "../../src/render/render.js";
import { createTemplateEnv } from "../../src/render/templates.js";
import { loadExample } from "../examples.js";
import { figureNames } from "../figure-names.js";

const env = createTemplateEnv([TEMPLATES_DIR]);
const [bergerac, options] = await loadExample("bergerac");

function md(project: Project, id: DocumentId): string {
  const model = buildModel(project, options);
  const text = renderMarkdownOnly({ templateName: id, model, templateDirs: [TEMPLATES_DIR], env, figures: figureNames(model) }).markdown;
  return text.replace(/\\(.)/g, "$1").replace(/[\u00a0\u202f]/g, " ");
}

describe("professions de santé of the code de la santé publique", () => {
  it("the data says which professions are, and which are not", () => {
    const not = professionsJson.professions.filter((p) => p.profession_sante === false).map((p) => p.code);
    expect(not).toEqual(["psychologue", "osteopathe", "assistant_service_social"]);
    expect(professionsJson.professions.find((p) => p.code === "autre")!.profession_sante).toBeNull();
    expect(isHealthProfession("psychologue")).toBe(false);
    expect(isHealthProfession("autre")).toBe(false);
    expect(isHealthProfession("infirmier")).toBe(true);
    expect(isHealthProfession("transporteur_sanitaire")).toBe(true);
  });

  it("the diagnostic's total counts the professionnels de santé only; the psychologues stand below it, with the reason", () => {
    const d = buildModel(bergerac, options).diagnostic;
    expect(d.densites.map((r) => r.profession)).not.toContain("psychologue");
    expect(d.densites_total).toBe("414");
    expect(d.densites_autres).toMatchObject([{ profession: "psychologue", effectif: 14, pour_10000: "2,3" }]);
    for (const id of ["diagnostic", "projet-sante"] as const) {
      const text = md(bergerac, id);
      expect(text).toMatch(/\| Biologistes médicaux \| 6 \| 1,0 \|  \|\n\| \*\*Total des professionnels de santé\*\* \| \*\*414\*\* \| \| \|\n\| Psychologues \| 14 \| 2,3 \|  \|\n/);
      expect(text).toContain("Les psychologues ne sont pas des professionnels de santé au sens du code de la santé publique : ils figurent sous le total, sans y être comptés.");
      expect(text).not.toContain("| **Total** |");
    }
  });

  it("the density chart, titled « professionnels de santé », leaves the psychologues out", () => {
    const chart = buildModel(bergerac, options).figures.liste.find((f) => f.name === "densites");
    if (chart?.kind !== "grouped") throw new Error("densites");
    expect(chart.chart.title).toBe("Densité des professionnels de santé");
    expect(chart.chart.categories).toHaveLength(11);
    expect(chart.chart.categories).not.toContain("Psychologues");
  });

  it("the lettre d’intention counts the engaged professionnels de santé and names the psychologues apart", () => {
    const project = structuredClone(bergerac);
    const engaged = project.acteurs!.engages!.liberaux!;
    const before = engaged.reduce((n, e) => n + e.nombre, 0);
    engaged.push({ profession: "psychologue", nombre: 3 });
    const text = md(project, "lettre-intention");
    expect(text).toContain(`La démarche réunit déjà ${before} professionnels de santé libéraux :`);
    expect(text).toContain("S’y joignent, hors professions de santé au sens du code de la santé publique, 3 psychologues.");
    expect(text).not.toMatch(/\| Psychologues \|/);
    // Those still to involve: the psychologues on their own line, not under « professionnels de santé ».
    expect(text).toContain("- **Professionnels de santé libéraux** : 8 sages-femmes, 17 orthophonistes et 11 pédicures-podologues\n");
    expect(text).toContain("- **Autres professionnels libéraux**, hors professions de santé au sens du code de la santé publique : 14 psychologues\n");
  });

  it("porteurs who are not all professionnels de santé are « professionnels », not « professionnels de santé »", () => {
    expect(buildModel(bergerac, options).porteurs_nombre_texte).toBe("cinq\u00a0professionnels de santé");
    const project = structuredClone(bergerac);
    project.porteurs![1]!.profession = "psychologue";
    expect(buildModel(project, options).porteurs_nombre_texte).toBe("cinq\u00a0professionnels");
  });
});

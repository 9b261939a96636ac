/**
 * Every document of a project whose porteurs, founders and dirigeants are all women: no person
 * is given a masculine function, role, title or profession, in any document.
 */
import { describe, expect, it } from "vitest";
import professionsJson from "../../src/domain/data/professions.json" with { type: "json" };
import titlesJson from "../../src/domain/data/titles.json" with { type: "json" };
import { DOCUMENT_IDS, projectDocuments } from "../../src/domain/documents.js";
import { buildModel, modelForDocument } from "../../src/domain/model/index.js";
import { TEMPLATES_DIR } from "../../src/project/paths.js";
import type { Project } from "../../src/project/types.js";
import { renderMarkdownOnly } from "../../src/render/render.js";
import { createTemplateEnv } from "../../src/render/templates.js";
import { loadExample } from "../examples.js";
import { figureNames } from "../figure-names.js";

const env = createTemplateEnv([TEMPLATES_DIR]);

const FEMALE_NAMES = ["Julie", "Sandrine", "Karine", "Émilie", "Hélène", "Thérèse", "Christine", "Patricia", "Lucie", "Damienne"];

/** A project of each founding path and law, every person a woman (the doctors keep their title). */
function allWomen(project: Project): Project {
  const p = structuredClone(project);
  let n = 0;
  const woman = <T extends { civilite?: string; prenom?: string }>(x: T): T => ({ ...x, civilite: "Mme", prenom: FEMALE_NAMES[n++ % FEMALE_NAMES.length] });
  const rename = new Map<string, string>();
  p.porteurs = (p.porteurs ?? []).map((x) => {
    // The role and the place of practice are the project’s own words: left out here.
    const { role: _role, structure: _structure, ...rest } = x;
    const w = woman(rest);
    rename.set(`${x.prenom} ${x.nom}`, `${w.prenom} ${w.nom}`);
    return w;
  });
  const a = p.association ?? {};
  a.fondateurs = (a.fondateurs ?? []).map((x) => ({ ...x, civilite: "Mme", prenom: rename.get(`${x.prenom} ${x.nom}`)?.split(" ")[0] ?? woman(x).prenom }));
  a.dirigeants = (a.dirigeants ?? []).map((x) => {
    const known = rename.get(`${x.prenom} ${x.nom}`);
    const w = known ? { ...x, civilite: "Mme" as const, prenom: known.split(" ")[0]! } : woman(x);
    rename.set(`${x.prenom} ${x.nom}`, `${w.prenom} ${w.nom}`);
    return w;
  });
  for (const m of [a.ag_constitutive, a.ag_extraordinaire, a.conseil_administration?.premiere_reunion]) {
    if (!m) continue;
    if (m.president_seance) m.president_seance = rename.get(m.president_seance) ?? m.president_seance;
    if (m.secretaire_seance) m.secretaire_seance = rename.get(m.secretaire_seance) ?? m.secretaire_seance;
  }
  return p;
}

const masculineProfessions = professionsJson.professions
  .filter((x) => x.libelle !== x.libelle_feminin)
  .map((x) => x.libelle.toLocaleLowerCase("fr-FR"));
const masculineFunctions = [...titlesJson.fonctions, ...titlesJson.roles]
  .filter((x) => x.masculin !== x.feminin)
  .map((x) => x.masculin);
const masculineTitles = titlesJson.titres.map((t) => t.masculin);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A masculine form as a whole word: « président » but not « présidente », « Dr » but not « Dre ». */
const wholeWord = (w: string) => new RegExp(`(?<![\\p{L}-])${escape(w)}(?![\\p{L}-])`, "iu");

describe.each(["vallee-herault", "saverne"] as const)("a project whose people are all women (%s)", (name) => {
  it("gives every person a feminine function, role, title and profession in every document", async () => {
    const [project, options] = await loadExample(name);
    const women = allWomen(project);
    const model = buildModel(women, options);
    const names = [...new Set([...(women.porteurs ?? []), ...(women.association?.dirigeants ?? []), ...(women.association?.fondateurs ?? [])].map((p) => p.nom))];
    const found: string[] = [];
    const ids = projectDocuments(women);
    expect(ids.length).toBeGreaterThanOrEqual(DOCUMENT_IDS.length - 2);
    for (const id of ids) {
      const md = renderMarkdownOnly({ templateName: id, model: modelForDocument(model, women, options, id), templateDirs: [TEMPLATES_DIR], env, figures: figureNames(model) })
        .markdown.replace(/\\(.)/g, "$1")
        .replace(/[\u00a0\u202f]/g, " ");
      // Roles written without the name beside them: the session’s officers and the contact person
      // (the statuts speak of offices, not of persons), the dirigeants as a group, and the
      // founders when the project lists them all.
      const roles = [
        ...(id === "statuts" ? [] : [/\b[Ll]e (président|secrétaire) de séance\b/, /\binterlocuteur principal\b/, /\bLes soussignés\b/]),
        ...(id === "pv-conseil-administration" ? [/\bélus par\b/, /\bse sont réunis\b/] : []),
        ...(women.association?.fondateurs?.length ? [/\bmembres? fondateurs?\b/, /\bfondateurs soussignés\b/] : []),
      ];
      for (const line of md.split("\n")) {
        for (const role of roles) if (role.test(line)) found.push(`${id}: ${line.trim()}`);
        // Forms written beside a person’s name.
        if (!names.some((n) => n && line.toLocaleUpperCase("fr-FR").includes(n.toLocaleUpperCase("fr-FR")))) continue;
        for (const w of [...masculineFunctions, ...masculineProfessions, ...masculineTitles]) {
          if (wholeWord(w).test(line)) found.push(`${id}: « ${w} » dans ${line.trim().slice(0, 160)}`);
        }
      }
    }
    expect(found).toEqual([]);
  });
});

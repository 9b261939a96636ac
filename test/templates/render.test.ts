import { describe, expect, it } from "vitest";
import { documentLayout } from "../../src/domain/document-layout.js";
import { DOCUMENT_IDS, type DocumentId } from "../../src/domain/documents.js";
import { buildModel, type DocumentModel } from "../../src/domain/model/index.js";
import { TEMPLATES_DIR } from "../../src/project/paths.js";
import type { Project } from "../../src/project/types.js";
import { renderDocument, renderMarkdownOnly } from "../../src/render/render.js";
import { createTemplateEnv } from "../../src/render/templates.js";
import { loadExample } from "../examples.js";
import { docxPart } from "../render/support.js";

const env = createTemplateEnv([TEMPLATES_DIR]);

const [bergerac, bergeracOptions] = await loadExample("bergerac");
const bergeracModel = buildModel(bergerac, bergeracOptions);

function markdown(id: DocumentId, model: DocumentModel) {
  return renderMarkdownOnly({ templateName: id, model, templateDirs: [TEMPLATES_DIR], env });
}

async function docx(id: DocumentId, model: DocumentModel) {
  const result = await renderDocument({
    templateName: id,
    model,
    templateDirs: [TEMPLATES_DIR],
    env,
    docOptions: { ...documentLayout(id), organisation: model.cpts.nom, ...(model.document.date.iso ? { date: model.document.date.iso } : {}) },
  });
  return { ...result, xml: docxPart(result.docx) };
}

/** Plain text of a DOCX body: the runs of each paragraph joined, one paragraph per line, no-break spaces as spaces. */
function docxText(xml: string): string {
  return xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""))
    .join("\n")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/[\u00a0\u202f]/g, " ");
}

const SOCLE = ["Accès aux soins", "Parcours pluriprofessionnels autour du patient", "Prévention", "Réponse aux crises sanitaires graves"];

describe("Bergerac: the facts a reader checks, in Markdown and in the DOCX", () => {
  it("lettre d’intention", async () => {
    const { markdown: md, placeholders, xml } = await docx("lettre-intention", bergeracModel);
    const text = docxText(xml);
    expect(placeholders).toEqual([]);
    expect(text).not.toContain("[À");
    expect(xml).toContain("61\u202f915"); // the population as the data gives it, digits grouped by a narrow no-break space
    for (const fact of [
      "Objet : lettre d’intention — création de la CPTS du Pôle de Santé de Bergerac",
      "38 communes",
      "61 915 habitants",
      "population municipale, données 2023",
      "taille 2",
      "Madame, Monsieur le Directeur général",
      "de l’ARS Nouvelle-Aquitaine",
      "Délégation départementale de la Dordogne",
      "CPAM de la Dordogne",
      "Bergerac, le 19 juin 2017",
      "30 000 €",
      "Interlocuteur principal : Mme Élodie Castaing",
      ...SOCLE.map((s) => `${s} (mission socle)`),
      "Qualité et pertinence des soins (mission optionnelle)",
    ]) {
      expect(text, fact).toContain(fact);
    }
    expect(md).toContain("<!-- saut-de-page -->"); // 38 communes: the list goes to an annex
    // The annex lists the 38 communes.
    expect(text).toContain("Annexe — Communes du territoire");
    expect(text).toContain("Sigoulès-et-Flaugeac");
    // Each porteur signs.
    for (const p of bergeracModel.porteurs) expect(text).toContain(p.nom_complet!);
  });

  it("statuts: every article, the CSP references, no placeholder", async () => {
    const { placeholders, xml } = await docx("statuts", bergeracModel);
    const text = docxText(xml);
    expect(placeholders).toEqual([]);
    const titles = [
      "Dénomination et forme",
      "Objet",
      "Siège",
      "Durée",
      "Membres et collèges",
      "Admission",
      "Cotisation",
      "Perte de la qualité de membre",
      "Ressources",
      "Conseil d’administration",
      "Bureau",
      "Assemblée générale ordinaire",
      "Assemblée générale extraordinaire",
      "Indemnisation des membres",
      "Règlement intérieur",
      "Dissolution",
      "Formalités",
    ];
    titles.forEach((t, i) => expect(text).toContain(`Article ${i + 1} — ${t}`));
    for (const fact of [
      "loi du 1er juillet 1901",
      "« Le Pôle de Santé de Bergerac »",
      "article L1434-12 du code de la santé publique",
      "article D1434-44 du code de la santé publique",
      "plafond annuel de la sécurité sociale",
      "15 rue des Vignerons, 24100 Bergerac",
      "durée illimitée",
      "la moitié au moins de ses membres est présente ou représentée",
      "à la majorité des deux tiers des suffrages exprimés",
      "vingt et un jours au moins",
      "Fait à Bergerac, le 22 mai 2014",
    ]) {
      expect(text, fact).toContain(fact);
    }
    expect(text).not.toContain("code civil local");
    // No PASS amount is printed.
    expect(text).not.toMatch(/43\s?992/);
    // Two dirigeants at least sign: président, secrétaire, trésorier.
    for (const name of ["Mme Élodie Castaing", "M. Sébastien Laborie", "Mme Sophie Lacombe"]) expect(text).toContain(name);
  });

  it("procès-verbal: the assembly, the elected, the annex the préfecture asks for, no birth date", async () => {
    const { placeholders, xml } = await docx("pv-ag-constitutive", bergeracModel);
    const text = docxText(xml);
    // The project file cannot record the votes: each resolution waits for its result, nothing else.
    expect(placeholders.length).toBe(5);
    for (const p of placeholders) expect(p).toMatch(/^résultat du vote de la \S+ résolution/);
    expect(text).not.toContain("unanimité ");
    for (const fact of [
      "Le 22 mai 2014, à 20 h 30",
      "Maison des associations, Bergerac",
      "34 membres présents et 9 membres représentés, soit 43 membres présents ou représentés",
      "Dr Pierre Delmas en qualité de président de séance",
      "Mme Claire Vergnaud en qualité de secrétaire de séance",
      "cotisation annuelle à 30 €",
      "Annexe — Liste des personnes chargées de l’administration",
    ]) {
      expect(text, fact).toContain(fact);
    }
    for (const d of bergeracModel.association.dirigeants) expect(text).toContain(d.nom_liste!);
    expect(text).toContain("22 rue des Tanneurs, 24100 Bergerac");
    expect(text).toContain("nationalité : française");
    expect(text).not.toMatch(/naissance/i);
  });

  it("projet de santé: twelve parts, one fiche-action table per action, the budget without invented amounts", async () => {
    const { markdown: md, xml } = await docx("projet-sante", bergeracModel);
    const text = docxText(xml);
    const parts = md.split("\n").filter((l) => /^# /.test(l));
    expect(parts).toEqual([
      "# Présentation de la communauté",
      "# Territoire d’action",
      "# Diagnostic territorial",
      "# Besoins prioritaires et objectifs",
      "# Missions et actions",
      "# Organisation et gouvernance",
      "# Système d’information",
      "# Communication et mobilisation des professionnels",
      "# Évaluation et suivi",
      "# Budget prévisionnel",
      "# Calendrier",
      "# Annexes",
    ]);
    const actions = bergeracModel.missions.retenues.flatMap((m) => m.actions);
    expect(actions.length).toBe(15);
    expect(md.match(/^\| Fiche-action \d+\\\.\d+ \| Description \|$/gm)?.length).toBe(actions.length);
    for (const s of SOCLE) expect(text).toContain(`${s} (mission socle)`);
    // The ACI deadlines are stated once per mission, not in every fiche-action.
    expect(text).not.toContain("Calendrier conforme aux échéances");
    expect(text).toContain("Échéances de l’accord conventionnel interprofessionnel : démarrage au plus tard le 15 septembre 2020");
    expect(text.match(/Échéances de l’accord conventionnel interprofessionnel/g)?.length).toBe(3);
    // Budget: charges and produits per contract year, the balance, sources, example data marked.
    expect(text).toContain("Charges et produits par année de contrat");
    expect(text).toContain("Total des produits");
    expect(text).toContain("Le budget est équilibré chaque année.");
    expect(text).toContain("« Donnée d’exemple » : montant d’illustration, pas une donnée réelle.");
    expect(text).toContain("article D1434-44 du code de la santé publique");
    expect(text).toContain("60 000 €");
    expect(text).toContain("FIR (ARS Nouvelle-Aquitaine)");
    expect(text).not.toContain("financement.contrat");
    expect(text).toContain("ARS Nouvelle-Aquitaine (délégation départementale de la Dordogne)");
  });

  it("diagnostic: indicators with source, year and comparisons, densities with the population year", async () => {
    const { placeholders, xml } = await docx("diagnostic", bergeracModel);
    const text = docxText(xml);
    expect(placeholders).toEqual([]);
    for (const fact of [
      "Part des 75 ans et plus dans la population",
      "INSEE, recensement de la population, 2016",
      "valeur inférieure à celle du département (13,9 %), supérieure à celles de la région (11,7 %) et de la France (9,3 %)",
      "Densités calculées pour 61 915 habitants (population municipale, données 2023)",
      "Effectifs 2017",
      "Priorité haute",
    ]) {
      expect(text, fact).toContain(fact);
    }
  });

  it("renders every document to a DOCX a word processor can open", async () => {
    for (const id of DOCUMENT_IDS) {
      const { docx: bytes, xml } = await docx(id, bergeracModel);
      expect(bytes.length, id).toBeGreaterThan(5000);
      expect(xml, id).toContain("<w:body>");
    }
  });
});

describe("user text is printed literally", () => {
  it("keeps *, # and | of an answer, in a paragraph and in a table cell", async () => {
    const project = structuredClone(bergerac);
    project.cpts.historique = "Né d’un *groupe* # de 2010 | avec _tous_ les {{professionnels}}";
    project.porteurs![0]!.role = "Présidente | coordinatrice *intérim*";
    const model = buildModel(project, bergeracOptions);
    const pds = docxText((await docx("projet-sante", model)).xml);
    expect(pds).toContain("Né d’un *groupe* # de 2010 | avec _tous_ les {{professionnels}}");
    const letter = docxText((await docx("lettre-intention", model)).xml);
    expect(letter).toContain("Présidente | coordinatrice *intérim*");
  });
});

const minimal = buildModel(...(await loadExample("minimal")));

describe("an empty project (examples/minimal)", () => {

  it("shows a precise placeholder wherever an answer is missing, never an empty sentence", () => {
    for (const id of DOCUMENT_IDS) {
      const { markdown: md, placeholders } = markdown(id, minimal);
      expect(placeholders.length, id).toBeGreaterThan(3);
      for (const p of placeholders) expect(p, `${id}: ${p}`).toMatch(/\(.+\)|résultat du vote/); // each names where to fill
      const prose = md.split("\n").filter((l) => !l.startsWith("|") && !l.startsWith("<!--"));
      for (const line of prose) {
        expect(line, `${id}: ${line}`).not.toMatch(/\(\s*\)|«\s*»|:\s*[.;,]|\S {2,}\S| [,.](\s|$)/);
      }
    }
  });

  it("names the missing socle missions and the missing territory", () => {
    const letter = markdown("lettre-intention", minimal).placeholders;
    expect(letter.some((p) => p.includes("missions envisagées"))).toBe(true);
    expect(letter.some((p) => p.includes("territoire.epci"))).toBe(true);
    const pds = markdown("projet-sante", minimal).placeholders;
    for (const s of SOCLE) expect(pds.some((p) => p.replace(/[\u00a0\u202f]/g, " ").includes(`mission socle « ${s} »`)), s).toBe(true);
  });
});

describe("droit local (siège in Moselle)", () => {
  function variant(): Project {
    const project = structuredClone(bergerac);
    const a = project.association!;
    a.siege = { adresse: "12 rue Serpenoise", code_postal: "57000", commune: "Metz" };
    a.fondateurs = [
      ...a.fondateurs!,
      { civilite: "M.", prenom: "Luc", nom: "Weber", profession: "infirmier" },
      { civilite: "Mme", prenom: "Anne", nom: "Muller", profession: "pharmacien" },
      { civilite: "Dr", prenom: "Paul", nom: "Schmitt", profession: "medecin_generaliste" },
    ];
    a.dirigeants = a.dirigeants!.map((d, i) => ({ ...d, date_naissance: `197${i % 10}-03-0${(i % 9) + 1}`, lieu_naissance: "Metz" }));
    return project;
  }

  it("writes the statuts under the code civil local, signed by seven founders", async () => {
    const model = buildModel(variant(), bergeracOptions);
    expect(model.association.droit_local).toBe(true);
    const { placeholders, xml } = await docx("statuts", model);
    const text = docxText(xml);
    expect(placeholders).toEqual([]);
    for (const fact of [
      "association de droit local régie par les articles 21 à 79-III du code civil local",
      "registre des associations du tribunal judiciaire",
      "« association inscrite »",
      "direction de l’association au sens de l’article 26 du code civil local",
      "Signatures des membres fondateurs (sept au moins)",
      "12 rue Serpenoise, 57000 Metz",
    ]) {
      expect(text, fact).toContain(fact);
    }
    expect(text).not.toContain("loi du 1er juillet 1901");
    expect(model.association.signataires_statuts).toHaveLength(7);
  });

  it("asks for the dirigeants’ birth date and place in the procès-verbal annex", async () => {
    const model = buildModel(variant(), bergeracOptions);
    const text = docxText((await docx("pv-ag-constitutive", model)).xml);
    expect(text).toContain("Date et lieu de naissance : 3 mars 1972, Metz");
    expect(text).toContain("inscription de l’association au registre des associations");

    const missing = variant();
    delete missing.association!.dirigeants![0]!.date_naissance;
    const gaps = markdown("pv-ag-constitutive", buildModel(missing, bergeracOptions)).placeholders;
    expect(gaps).toContain("date de naissance (association.dirigeants, date_naissance)");
  });

  it("never prints a birth date outside Alsace-Moselle, even when the file has one", async () => {
    const project = structuredClone(bergerac);
    project.association!.dirigeants![0]!.date_naissance = "1975-04-12";
    project.association!.dirigeants![0]!.lieu_naissance = "Périgueux";
    const text = docxText((await docx("pv-ag-constitutive", buildModel(project, bergeracOptions))).xml);
    expect(text).not.toContain("1975");
    expect(text).not.toContain("Périgueux");
  });
});

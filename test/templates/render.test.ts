import { describe, expect, it } from "vitest";
import { documentLayout } from "../../src/domain/document-layout.js";
import { DOCUMENT_IDS, type DocumentId } from "../../src/domain/documents.js";
import { buildModel, modelForDocument, type DocumentModel } from "../../src/domain/model/index.js";
import { TEMPLATES_DIR } from "../../src/project/paths.js";
import type { Project } from "../../src/project/types.js";
import { renderDocument, renderMarkdownOnly } from "../../src/render/render.js";
import { createTemplateEnv } from "../../src/render/templates.js";
import { projectFigures, type ProjectFigures } from "../../src/cli/figures.js";
import { loadExample } from "../examples.js";
import { docxPart } from "../render/support.js";

const env = createTemplateEnv([TEMPLATES_DIR]);

/** The figures of a model as `cpts generer` draws them, without contours: the map is a note. */
const drawn = new WeakMap<DocumentModel, ProjectFigures>();
function figures(model: DocumentModel): ProjectFigures {
  let source = drawn.get(model);
  if (!source) drawn.set(model, (source = projectFigures(model.figures.liste, { CPTS_CONTOURS_DIR: "/nonexistent/contours" })));
  return source;
}

const [bergerac, bergeracOptions] = await loadExample("bergerac");
const bergeracModel = buildModel(bergerac, bergeracOptions);
const [herault, heraultOptions] = await loadExample("vallee-herault");
const [saverne, saverneOptions] = await loadExample("saverne");

/** The model of one document of a project, dated as `cpts generer` dates it. */
function modelOf(project: Project, options: { date?: string }, id: DocumentId): DocumentModel {
  return modelForDocument(buildModel(project, options), project, options, id);
}

function markdown(id: DocumentId, model: DocumentModel) {
  return renderMarkdownOnly({ templateName: id, model, templateDirs: [TEMPLATES_DIR], env, figures: figures(model) });
}

async function docx(id: DocumentId, model: DocumentModel) {
  const result = await renderDocument({
    templateName: id,
    model,
    templateDirs: [TEMPLATES_DIR],
    env,
    figures: figures(model),
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
      "Madame, Monsieur le Directeur général",
      "de l’ARS Nouvelle-Aquitaine",
      "Délégation départementale de la Dordogne",
      "CPAM de la Dordogne",
      "Bergerac, le 19 juin 2017",
      "30 000 €",
      "Interlocutrice principale : Mme Élodie Castaing",
      "L’interlocutrice principale de l’agence pour ce projet est Mme Élodie Castaing",
      ...SOCLE,
      "Qualité et pertinence des soins",
    ]) {
      expect(text, fact).toContain(fact);
    }
    // Written in June 2017, before the ACI: neither its tailles nor its socle missions.
    expect(text).not.toMatch(/taille 2|mission socle|mission optionnelle/);
    expect(md).toContain("<!-- saut-de-page -->"); // 38 communes: the list goes to an annex
    // The annex lists the 38 communes.
    expect(text).toContain("Annexe — Communes du territoire");
    expect(text).toContain("Sigoulès-et-Flaugeac");
    // Each porteur signs.
    for (const p of bergeracModel.porteurs) expect(text).toContain(p.nom_complet!.replace(/\u00a0/g, " "));
  });

  it("statuts as amended in 2017: every article, their dates, only the texts in force then, no placeholder", async () => {
    const { placeholders, xml } = await docx("statuts", modelOf(bergerac, bergeracOptions, "statuts"));
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
      "L’association a été déclarée le 10 juin 2014 sous le numéro W243004217 du répertoire national des associations.",
      "Ses statuts ont été adoptés le 22 mai 2014 et modifiés le 27 avril 2017.",
      "article L1434-12 du code de la santé publique",
      "Son territoire d’action est celui de la Communauté d’agglomération bergeracoise : il regroupe 38 communes",
      "Les membres ne perçoivent de l’association ni indemnité ni rémunération",
      "15 rue des Vignerons, 24100 Bergerac",
      "durée illimitée",
      "la moitié au moins de ses membres est présente ou représentée",
      "à la majorité des deux tiers des suffrages exprimés",
      "vingt et un jours au moins",
      "dans les conditions prévues à l’article 13",
      "Fait à Bergerac, le 27 avril 2017",
      // Each collège elects its own: a collège of pharmaciens does not elect a médecin (article 5).
      "composé ainsi : chaque collège professionnel élit parmi ses membres 2 titulaires et 2 suppléants",
    ]) {
      expect(text, fact).toContain(fact);
    }
    expect(text).not.toContain("code civil local");
    // In 2017 neither the ACI (2019), the legal form of a CPTS in the CSP (2021) nor the indemnities (2022) exist.
    expect(text).not.toContain("accord conventionnel interprofessionnel");
    expect(text).not.toContain("L1434-12-1");
    expect(text).not.toContain("D1434-44");
    // Two dirigeants at least sign: the présidente, the secrétaire, the trésorière.
    for (const name of ["Mme Élodie Castaing, présidente", "M. Sébastien Laborie, secrétaire", "Mme Sophie Lacombe, trésorière"]) expect(text).toContain(name);
  });

  it("procès-verbal of the extraordinary assembly: quorum, each modification and each collège’s election with its vote, powers as the statuts give them", async () => {
    const { placeholders, xml } = await docx("pv-ag-extraordinaire", modelOf(bergerac, bergeracOptions, "pv-ag-extraordinaire"));
    const text = docxText(xml);
    expect(placeholders).toEqual([]);
    for (const fact of [
      "Le 27 avril 2017, à 20 h",
      "L’association compte 118 membres appelés à voter. L’assemblée réunit 71 membres présents et 24 membres représentés par un pouvoir écrit, soit 95 membres présents ou représentés.",
      // The assembly votes under the 2014 statuts it amends (a third), not under those it adopts (half).
      "L’assemblée délibère selon les statuts en vigueur le jour de sa réunion, adoptés le 22 mai 2014. Leur article 13 fixe le quorum au tiers des membres, soit 40 membres sur 118 : avec 95 membres présents ou représentés, l’assemblée peut valablement délibérer. Le même article prévoit que l’assemblée décide à la majorité des deux tiers des suffrages exprimés.",
      "L’assemblée désigne le Dr Pierre Delmas en qualité de président de séance et Mme Claire Vergnaud en qualité de secrétaire de séance.",
      "Première résolution — Modification de l’objet",
      "Cette résolution est adoptée par 90 voix pour, 3 voix contre et 2 abstentions, soit la majorité des deux tiers des suffrages exprimés que demandent les statuts en vigueur avant l’assemblée.",
      "Ils portent la mention « statuts adoptés le 22 mai 2014, modifiés le 27 avril 2017 ».",
      "Titulaires : Mme Élodie Castaing et M. Sébastien Laborie ;",
      "Suppléants : Mme Camille Ribière et M. Olivier Manaud.",
      "Cette élection est acquise par 21 voix pour, aucune voix contre et 1 abstention.",
      "Conformément à l’article 17 des statuts, l’assemblée générale donne tous pouvoirs à la présidence de l’association pour déclarer à la préfecture, dans les trois mois",
      "La secrétaire de séance",
    ]) {
      expect(text, fact).toContain(fact);
    }
    // Six collèges, six elections; the bureau is elected by the conseil, in its own minutes.
    expect(text.match(/Élection des représentants du collège/g)).toHaveLength(6);
    expect(text).not.toContain("Élection du bureau");
    expect(text).toContain("cette élection fait l’objet de son propre procès-verbal");
    expect(text).not.toContain("la moitié des membres");
  });

  it("procès-verbal of the conseil: the bureau it elects, each function in the form its holder’s civilité asks for", async () => {
    const text = docxText((await docx("pv-conseil-administration", modelOf(bergerac, bergeracOptions, "pv-conseil-administration"))).xml);
    for (const fact of [
      "Le 27 avril 2017, à 22 h 15",
      "L’article 10 des statuts fixe le quorum à la moitié des membres, soit 6 administrateurs sur 12",
      "Présidente : Mme Élodie Castaing, infirmière (collège des infirmiers)",
      "Vice-présidente : Dre Nadia Benhamou, médecin spécialiste (collège des médecins spécialistes)",
      "Vice-présidente : Mme Claire Vergnaud, masseuse-kinésithérapeute",
      "Trésorière : Mme Sophie Lacombe, pharmacienne",
      "Cette élection est acquise par 11 voix pour, aucune voix contre et 1 abstention, soit la majorité simple des suffrages exprimés que demandent les statuts.",
    ]) {
      expect(text, fact).toContain(fact);
    }
  });

  it("list of the persons in charge of the administration and declaration of the modifications: RNA, no birth date", async () => {
    const list = docxText((await docx("liste-dirigeants", modelOf(bergerac, bergeracOptions, "liste-dirigeants"))).xml);
    for (const d of bergeracModel.association.dirigeants) expect(list).toContain(d.nom_liste!);
    expect(list).toContain("22 rue des Tanneurs, 24100 Bergerac");
    expect(list).toContain("Membres suppléants du conseil d’administration");
    expect(list).not.toMatch(/naissance|Née? le/i);
    const declaration = docxText((await docx("declaration", modelOf(bergerac, bergeracOptions, "declaration"))).xml);
    for (const fact of ["Déclaration modificative", "Cerfa n° 13972", "dans les trois mois, soit au plus tard le 27 juillet 2017.", "Numéro RNA | W243004217".split(" | ")[1]!, "Fait à Bergerac, le 11 mai 2017"]) {
      expect(declaration, fact).toContain(fact);
    }
    // The law, not « une source »: no figure the reference cannot state, and opposability said once.
    expect(declaration).not.toMatch(/selon une source|amende/);
    expect(declaration).toContain("Les modifications sont opposables aux tiers à partir du jour de leur déclaration (loi du 1er juillet 1901, article 5).");
    expect(declaration.match(/opposables aux tiers/g)?.length).toBe(1);
    // The assembly elected a new conseil: the persons in charge are declared on their own form.
    expect(declaration).toContain("les formulaires Cerfa n° 13972 (modifications) et n° 13971 (personnes chargées de l’administration)");
    const kept = structuredClone(bergerac);
    kept.association!.ag_extraordinaire!.elections = false;
    const same = docxText((await docx("declaration", modelOf(kept, bergeracOptions, "declaration"))).xml);
    expect(same).toContain("avec le formulaire Cerfa n° 13972.");
    expect(same).not.toContain("13971");
    // The new dirigeants were elected by the conseil: its minutes go with the declaration, not when the conseil stays.
    expect(declaration).toContain("le procès-verbal, daté et signé, de la réunion du conseil d’administration du 27 avril 2017 qui a élu le bureau ;");
    expect(same).not.toContain("conseil d’administration du 27 avril 2017 qui a élu");
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
      // Field names are quoted, never written bare as if they were (misspelt) French words.
      for (const p of placeholders) expect(p, `${id}: ${p}`).not.toMatch(/(^|[^«\s]\s)unanimite\b/);
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

describe("a new association (examples/vallee-herault)", () => {
  it("procès-verbal of the constitutive assembly: one election per collège, the bureau left to the conseil, no placeholder", async () => {
    const { placeholders, xml } = await docx("pv-ag-constitutive", modelOf(herault, heraultOptions, "pv-ag-constitutive"));
    const text = docxText(xml);
    expect(placeholders).toEqual([]);
    for (const fact of [
      "La loi du 1er juillet 1901 demande au moins deux membres pour fonder une association : 30 membres sont présents ou représentés.",
      "Deuxième résolution — Élection des représentants du collège des professionnels de santé libéraux au conseil d’administration",
      "Titulaires : Dr Julien Roques, Mme Sandrine Vidal, M. Karim Benali, Mme Émilie Fabre, Mme Hélène Py et Dr Thierry Cabanel ;",
      "Titulaires : Mme Christine Arnaud et M. Patrick Gaubert.",
      // The partners’ amount completes the one amount the statuts fix, without « Les membres versent… 20 € » then « les membres partenaires versent… 50 € ».
      "L’assemblée générale fixe le montant de la cotisation annuelle à 20 €. Pour les membres partenaires, il est de 50 €.",
      "pour déclarer l’association à la préfecture et demander la publication de sa création au Journal officiel",
    ]) {
      expect(text, fact).toContain(fact);
    }
    expect(text).not.toMatch(/Président : |Trésorier : /);
  });

  it("statuts name the signatories the procès-verbaux have: the président and the secrétaire de séance", async () => {
    const statuts = docxText((await docx("statuts", modelOf(herault, heraultOptions, "statuts"))).xml);
    expect(statuts).toContain("procès-verbaux signés par le président de séance et par le secrétaire de séance.");
    const pv = docxText((await docx("pv-ag-constitutive", modelOf(herault, heraultOptions, "pv-ag-constitutive"))).xml);
    expect(pv).toContain("Le président de séance");
    expect(pv).toContain("La secrétaire de séance");
  });

  it("declaration of creation: the minutes of the conseil that elected the bureau are joined", async () => {
    const text = docxText((await docx("declaration", modelOf(herault, heraultOptions, "declaration"))).xml);
    expect(text).toContain("le procès-verbal, daté et signé, de la réunion du conseil d’administration du 13 mars 2025 qui a élu le bureau ;");
  });

  it("statuts of 2025: the legal form of a CPTS and the indemnities within the annual cap, the four socle missions", async () => {
    const text = docxText((await docx("statuts", modelOf(herault, heraultOptions, "statuts"))).xml);
    for (const fact of [
      "conformément à l’article L1434-12-1 du code de la santé publique",
      "article D1434-44 du code de la santé publique",
      "plafond annuel de la sécurité sociale",
      "la participation à la réponse aux crises sanitaires graves",
      "Fait à Gignac, le 13 mars 2025",
    ]) {
      expect(text, fact).toContain(fact);
    }
  });

  it("statuts: a collège without suppléants elects its titulaires only, and « seuls » only when a category does not vote", async () => {
    const text = docxText((await docx("statuts", modelOf(herault, heraultOptions, "statuts"))).xml);
    expect(text).toContain("collectivités et usagers membres partenaires ; il élit 2 titulaires au conseil d’administration.");
    expect(text).not.toMatch(/\b0 suppléant/);
    // Both categories of the Vallée de l’Hérault vote: « seuls » would say one does not.
    expect(text).toContain("à jour de leur cotisation ; les membres actifs et les membres partenaires y ont voix délibérative.");
    const advisory = docxText((await docx("statuts", modelOf(saverne, saverneOptions, "statuts"))).xml);
    expect(advisory).toContain("à jour de leur cotisation ; seuls les membres actifs y ont voix délibérative.");
  });

  it("never prints a birth date outside Alsace-Moselle, even when the file has one", async () => {
    const project = structuredClone(herault);
    project.association!.dirigeants![0]!.date_naissance = "1975-04-12";
    project.association!.dirigeants![0]!.lieu_naissance = "Lodève";
    for (const id of ["liste-dirigeants", "declaration", "pv-ag-constitutive"] as const) {
      const text = docxText((await docx(id, modelOf(project, heraultOptions, id))).xml);
      expect(text, id).not.toContain("1975");
      expect(text, id).not.toContain("Lodève");
    }
  });
});

describe("droit local (examples/saverne, Bas-Rhin)", () => {
  it("writes the statuts under the code civil local, signed by its eight founders", async () => {
    const model = modelOf(saverne, saverneOptions, "statuts");
    expect(model.association.droit_local).toBe(true);
    const { placeholders, xml } = await docx("statuts", model);
    const text = docxText(xml);
    expect(placeholders).toEqual([]);
    for (const fact of [
      "association de droit local régie par les articles 21 à 79-III du code civil local",
      "registre des associations du tribunal judiciaire",
      "« association inscrite »",
      "direction de l’association au sens de l’article 26 du code civil local",
      "Le bureau, qui constitue la direction de l’association, requiert son inscription",
      "Signatures des membres fondateurs (sept au moins)",
      "Dre Anne Schneider, membre fondatrice, médecin généraliste",
      "6 rue du Général Leclerc, 67700 Saverne",
    ]) {
      expect(text, fact).toContain(fact);
    }
    expect(text).not.toContain("loi du 1er juillet 1901");
    expect(model.association.signataires_statuts).toHaveLength(8);
    expect(text).toContain("un membre présent ne peut détenir plus d’un pouvoir.");
    expect(text).not.toContain("plus de un");
  });

  it("puts eight signatures two a row, under a heading repeated if the table runs over a page", async () => {
    const { xml } = await docx("statuts", modelOf(saverne, saverneOptions, "statuts"));
    // One column of eight signatures ran over the last page and left the last one alone on the next.
    const table = xml.slice(xml.lastIndexOf("<w:tbl>"));
    const rows = table.split("</w:tr>").slice(0, -1);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toContain("<w:tblHeader/>");
    expect(docxText(rows[0]!)).toContain("Signatures des membres fondateurs (sept au moins)");
    expect(docxText(rows[4]!)).toContain("Mme Céline Burckel, membre fondatrice, orthophoniste");
    expect(docxText(rows[4]!)).toContain("Dr Luc Ehrhart, membre fondateur, médecin généraliste");
    // Three signatures of a loi 1901 association stay one under the other, without a table.
    const herault3 = modelOf(herault, heraultOptions, "statuts");
    expect(herault3.association.signataires_statuts).toHaveLength(3);
    expect(herault3.association.signataires_statuts_paires).toBeUndefined();
  });

  it("gives the direction the powers the statuts give it, and lists it with birth date and place", async () => {
    const pv = docxText((await docx("pv-ag-constitutive", modelOf(saverne, saverneOptions, "pv-ag-constitutive"))).xml);
    // Sixteen members attend; the founders are the eight who sign the statuts: never « 16 fondateurs ».
    expect(pv).toContain("Le code civil local demande au moins sept membres pour fonder une association : 16 membres sont présents ou représentés.");
    expect(pv).not.toMatch(/\d+ fondateurs sont présents/);
    expect(pv).toContain("Les statuts sont signés par les huit membres fondateurs ; le code civil local en demande sept au moins.");
    expect(pv).toContain("donne tous pouvoirs aux membres du bureau, qui constituent la direction de l’association, pour requérir l’inscription de l’association au registre des associations");
    const list = docxText((await docx("liste-dirigeants", modelOf(saverne, saverneOptions, "liste-dirigeants"))).xml);
    expect(list).toContain("Liste des membres de la direction");
    expect(list).toContain("Née le 12 avril 1978 à Strasbourg (Bas-Rhin)");
    expect(list).toContain("Né le 2 novembre 1983 à Saverne (Bas-Rhin)");
    expect(list).not.toContain("KIEFFER"); // an administrateur outside the bureau is not in the direction

    const missing = structuredClone(saverne);
    delete missing.association!.dirigeants![0]!.date_naissance;
    const gaps = markdown("liste-dirigeants", modelOf(missing, saverneOptions, "liste-dirigeants")).placeholders;
    expect(gaps).toContain("date de naissance (association.dirigeants, date_naissance)");
  });

  it("requests the inscription at the tribunal judiciaire, signed by every member of the direction", async () => {
    const { placeholders, xml } = await docx("demande-inscription", modelOf(saverne, saverneOptions, "demande-inscription"));
    const text = docxText(xml);
    expect(placeholders).toEqual([]);
    for (const fact of [
      "Tribunal judiciaire de Saverne",
      "Les soussignés, membres de la direction de l’association",
      "requièrent son inscription au registre des associations",
      "l’original et une copie des statuts, datés et signés par ses huit membres fondateurs",
      "Dernières Nouvelles d’Alsace",
      "Dre Anne Schneider, présidente",
      "M. Marc Hoffmann, secrétaire",
      "Mme Julie Wagner, trésorière",
      // The direction was elected by the conseil, not by the assembly: the tribunal sees by whom.
      "la copie du procès-verbal de la réunion du conseil d’administration du 18 septembre 2025 qui a élu les membres de la direction ;",
    ]) {
      expect(text, fact).toContain(fact);
    }
  });
});

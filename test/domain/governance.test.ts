/**
 * The governance rules as a reader of the documents meets them: which documents each founding
 * path needs, the procès-verbal against the statuts (votes, quorum, seats), droit local, and
 * a document called ready never prints a placeholder.
 */
import { describe, expect, it } from "vitest";
import { notNeededReason, projectDocuments } from "../../src/domain/documents.js";
import { updatePath } from "../../src/domain/founding.js";
import { expectedResolutions } from "../../src/domain/meetings.js";
import { buildModel, modelForDocument } from "../../src/domain/model/index.js";
import { projectTerritory } from "../../src/domain/project-territory.js";
import { projectConsistency, readiness } from "../../src/domain/readiness.js";
import { TEMPLATES_DIR } from "../../src/project/paths.js";
import type { Project } from "../../src/project/types.js";
import { renderMarkdownOnly } from "../../src/render/render.js";
import { createTemplateEnv } from "../../src/render/templates.js";
import { loadExample, type ExampleName } from "../examples.js";
import { figureNames } from "../figure-names.js";

const env = createTemplateEnv([TEMPLATES_DIR]);
const load = async (name: ExampleName) => (await loadExample(name))[0];

function findings(project: Project, id: Parameters<typeof readiness>[2]) {
  return readiness(project, projectTerritory(project).facts, id)[0]!.findings;
}
const blocking = (project: Project, id: Parameters<typeof readiness>[2]) => findings(project, id).filter((f) => f.severity === "erreur");

describe("the documents of each founding path", () => {
  it.each<[ExampleName, string[]]>([
    ["vallee-herault", ["statuts", "pv-ag-constitutive", "pv-conseil-administration", "liste-dirigeants", "declaration"]],
    ["bergerac", ["statuts", "pv-ag-extraordinaire", "pv-conseil-administration", "liste-dirigeants", "declaration"]],
    ["saverne", ["statuts", "pv-ag-constitutive", "pv-conseil-administration", "liste-dirigeants", "demande-inscription"]],
  ])("%s: the governance documents of its path, each ready", async (name, governance) => {
    const project = await load(name);
    expect(projectDocuments(project)).toEqual(["diagnostic", "lettre-intention", ...governance, "projet-sante"]);
    for (const id of governance) expect(blocking(project, id as never), id).toEqual([]);
    expect(projectConsistency(project).filter((f) => f.severity === "erreur")).toEqual([]);
  });

  it("needs no new list of dirigeants nor meeting of the conseil when an existing association keeps them", async () => {
    const bergerac = await load("bergerac");
    delete bergerac.association!.ag_extraordinaire!.elections;
    expect(projectDocuments(bergerac)).toEqual(["diagnostic", "lettre-intention", "statuts", "pv-ag-extraordinaire", "declaration", "projet-sante"]);
    expect(expectedResolutions(bergerac, "extraordinaire").map((r) => r.code)).toEqual(["objet", "membres", "instances", "statuts", "pouvoirs"]);
  });

  it("asks an existing association for its RNA and the date of its first statuts", async () => {
    const bergerac = await load("bergerac");
    delete bergerac.association!.rna;
    delete bergerac.association!.statuts;
    delete bergerac.calendrier!.ag_constitutive;
    expect(blocking(bergerac, "declaration").map((f) => f.path)).toEqual(["association.rna"]);
    expect(blocking(bergerac, "statuts").map((f) => f.path)).toEqual(["association.statuts.adoptes_le"]);
  });
});

describe("a CPTS that updates its projet de santé", () => {
  it("Chambéry (calendrier.actualisation_projet_sante, nothing of its founding recorded): the diagnostic and the projet de santé only", async () => {
    const chambery = await load("chambery");
    expect(projectDocuments(chambery)).toEqual(["diagnostic", "projet-sante"]);
    expect(readiness(chambery, projectTerritory(chambery).facts).map((d) => d.document)).toEqual(["diagnostic", "projet-sante"]);
    expect(notNeededReason("lettre-intention", chambery)).toMatch(/^une CPTS qui actualise son projet de santé a passé l’étape de la lettre d’intention/);
    expect(notNeededReason("statuts", chambery)).toContain("a déjà fondé son association");
    expect(notNeededReason("declaration", chambery)).toContain("association.ag_constitutive.date");
    expect(notNeededReason("projet-sante", chambery)).toBeUndefined();
  });

  it("the same file without the update is a CPTS being created: the letter and the founding pieces come back", async () => {
    const chambery = await load("chambery");
    delete chambery.calendrier!.actualisation_projet_sante;
    expect(projectDocuments(chambery)).toEqual([
      "diagnostic",
      "lettre-intention",
      "statuts",
      "pv-ag-constitutive",
      "pv-conseil-administration",
      "liste-dirigeants",
      "declaration",
      "projet-sante",
    ]);
    expect(notNeededReason("statuts", chambery)).toBeUndefined();
  });

  it("Bergerac records its letter and its extraordinary assembly with their dates: they stay, each on its own", async () => {
    const bergerac = await load("bergerac");
    expect(bergerac.calendrier?.actualisation_projet_sante).toBeDefined();
    const governance = ["statuts", "pv-ag-extraordinaire", "pv-conseil-administration", "liste-dirigeants", "declaration"];
    expect(projectDocuments(bergerac)).toEqual(["diagnostic", "lettre-intention", ...governance, "projet-sante"]);
    const noLetter = structuredClone(bergerac);
    delete noLetter.lettre_intention!.date;
    expect(projectDocuments(noLetter)).toEqual(["diagnostic", ...governance, "projet-sante"]);
    const noAssembly = structuredClone(bergerac);
    delete noAssembly.association!.ag_extraordinaire!.date;
    expect(projectDocuments(noAssembly)).toEqual(["diagnostic", "lettre-intention", "projet-sante"]);
    expect(notNeededReason("pv-ag-extraordinaire", noAssembly)).toContain("l’assemblée extraordinaire qui en a fait la CPTS (association.ag_extraordinaire.date)");
  });

  it("adds no governance piece to approve the update: the sources retained name none", () => {
    expect(updatePath().documents).toEqual(["diagnostic", "projet-sante"]);
    expect(updatePath().approbation).toBeNull();
  });
});

describe("the procès-verbal follows the statuts", () => {
  it("blocks a procès-verbal until every vote is recorded, where it belongs in the file", async () => {
    const herault = await load("vallee-herault");
    herault.association!.ag_constitutive!.resolutions = herault.association!.ag_constitutive!.resolutions!.filter((r) => r.college !== "collège des partenaires");
    expect(blocking(herault, "pv-ag-constitutive").map((f) => [f.code, f.path])).toEqual([["pv.vote-manquant", "association.ag_constitutive.resolutions"]]);
    herault.association!.conseil_administration!.premiere_reunion!.resolutions = [];
    expect(blocking(herault, "pv-conseil-administration")[0]!.message).toContain("«\u00a0Élection du bureau\u00a0» manque");
  });

  it("checks the quorum and the majority of the extraordinary assembly against the statuts in force before it", async () => {
    const bergerac = await load("bergerac");
    const age = bergerac.association!.ag_extraordinaire!;
    // The 2014 statuts ask for a third of the 118 members (40); those it adopts would ask for half (59).
    age.presents = 40;
    age.representes = 10;
    age.resolutions = age.resolutions!.map((r) => ({ ...r, vote: { unanimite: true } }));
    expect(blocking(bergerac, "pv-ag-extraordinaire")).toEqual([]);
    age.presents = 30;
    age.representes = 9;
    const quorum = blocking(bergerac, "pv-ag-extraordinaire");
    expect(quorum.map((f) => f.code)).toEqual(["pv.quorum"]);
    expect(quorum[0]!.message).toContain("alors que les statuts en vigueur avant l’assemblée en demandent au moins 40");
    bergerac.association!.ag_extraordinaire = (await load("bergerac")).association!.ag_extraordinaire;
    bergerac.association!.ag_extraordinaire!.presents = 71;
    bergerac.association!.ag_extraordinaire!.resolutions![2]!.vote = { pour: 60, contre: 33, abstentions: 2 };
    const found = blocking(bergerac, "pv-ag-extraordinaire");
    expect(found.map((f) => [f.code, f.path])).toEqual([["pv.majorite", "association.ag_extraordinaire.resolutions[2].vote"]]);
    expect(found[0]!.message).toContain("majorité des deux tiers des suffrages exprimés");
  });

  it("never checks the extraordinary assembly against the statuts it adopts: unknown old rules stay placeholders valider reports", async () => {
    const [bergerac, options] = await loadExample("bergerac");
    delete bergerac.association!.ag_extraordinaire!.statuts_anterieurs;
    const found = blocking(bergerac, "pv-ag-extraordinaire");
    expect(found.map((f) => [f.code, f.path])).toEqual([
      ["pv.quorum-statuts", "association.ag_extraordinaire.statuts_anterieurs.quorum"],
      ["pv.majorite-statuts", "association.ag_extraordinaire.statuts_anterieurs.majorite"],
    ]);
    const model = buildModel(bergerac, options);
    const { markdown, placeholders } = renderMarkdownOnly({
      templateName: "pv-ag-extraordinaire",
      model: modelForDocument(model, bergerac, options, "pv-ag-extraordinaire"),
      templateDirs: [TEMPLATES_DIR],
      env,
      figures: figureNames(model),
    });
    expect(placeholders.map((p) => p.replace(/\u00a0/g, " "))).toEqual([
      "quorum de l’assemblée générale extraordinaire selon les statuts en vigueur avant elle, et non ceux qu’elle adopte (association.ag_extraordinaire.statuts_anterieurs.quorum)",
      "majorité que demandent, pour les décisions de l’assemblée générale extraordinaire, les statuts en vigueur avant elle (association.ag_extraordinaire.statuts_anterieurs.majorite)",
    ]);
    // Neither the new article 13 nor its half and two thirds appear as the rules of this vote.
    expect(markdown).not.toContain("article 13");
    expect(markdown).not.toMatch(/que demandent les statuts/);
    expect(markdown.replace(/\\/g, "")).toContain("L’assemblée délibère selon les statuts en vigueur le jour de sa réunion, adoptés le 22\u00a0mai 2014.");
  });

  it("names every change the statuts record on one date, as one assembly may vote several", async () => {
    const [bergerac, options] = await loadExample("bergerac");
    bergerac.association!.statuts!.modifications = [
      { date: "2015-03-03", objet: "transfert du siège" },
      { date: "2015-03-03", objet: "montant de la cotisation" },
    ];
    const phrase = buildModel(bergerac, options).association.statuts.phrase!.replace(/\u00a0/g, " ");
    expect(phrase).toContain("modifiés le 3 mars 2015 (transfert du siège et montant de la cotisation)");
  });

  it("names the version of the statuts in force before the assembly, and reports a date that contradicts their history", async () => {
    const [bergerac, options] = await loadExample("bergerac");
    const a = bergerac.association!;
    a.statuts!.modifications = [{ date: "2015-03-03", objet: "transfert du siège" }];
    const phrase = () => buildModel(bergerac, options).pv.extraordinaire.statuts_en_vigueur!.phrase.replace(/\u00a0/g, " ");
    // The modification of 2015 is part of the statuts in force, whatever date the file gives.
    expect(findings(bergerac, "pv-ag-extraordinaire").map((f) => f.code)).toContain("pret.pv-ag-extraordinaire.statuts-anterieurs-version");
    delete a.ag_extraordinaire!.statuts_anterieurs!.date;
    expect(findings(bergerac, "pv-ag-extraordinaire").map((f) => f.code)).not.toContain("pret.pv-ag-extraordinaire.statuts-anterieurs-version");
    expect(phrase()).toBe("L’assemblée délibère selon les statuts en vigueur le jour de sa réunion, adoptés le 22 mai 2014 et modifiés le 3 mars 2015.");
    a.ag_extraordinaire!.statuts_anterieurs!.date = "2017-04-27";
    expect(blocking(bergerac, "pv-ag-extraordinaire").map((f) => f.code)).toEqual(["pret.pv-ag-extraordinaire.statuts-anterieurs-date"]);
  });

  it("checks the seats of each collège and the bureau the statuts define", async () => {
    const bergerac = await load("bergerac");
    const d = bergerac.association!.dirigeants!;
    d.push({ ...d[0]!, prenom: "Anne", nom: "Roux", fonction: "administrateur", college: "collège des infirmiers" });
    expect(blocking(bergerac, "pv-ag-extraordinaire").map((f) => f.code)).toEqual(["statuts.sieges-titulaires"]);
    bergerac.association!.dirigeants = d.filter((x) => !(x.fonction === "vice_president" && x.college === "collège des pharmaciens"));
    const warnings = findings(bergerac, "pv-conseil-administration").map((f) => f.code);
    expect(warnings).toContain("statuts.vice-president-college");
  });

  it("prints what a vote was, and a rejected resolution as rejected", async () => {
    const bergerac = await load("bergerac");
    const [, options] = await loadExample("bergerac");
    const pv = buildModel(bergerac, options).pv.extraordinaire;
    expect(pv.resolutions.map((r) => r.vote.texte?.replace(/\u00a0/g, " "))).toContain(
      "Cette résolution est adoptée par 93 voix pour, aucune voix contre et 2 abstentions, soit la majorité des deux tiers des suffrages exprimés que demandent les statuts en vigueur avant l’assemblée.",
    );
    bergerac.association!.ag_extraordinaire!.resolutions![2]!.vote = { pour: 60, contre: 33, abstentions: 2 };
    const rejected = buildModel(bergerac, options).pv.extraordinaire.resolutions[2]!.vote.texte?.replace(/\u00a0/g, " ");
    expect(rejected).toBe("Cette résolution n’est pas adoptée : 60 voix pour, 33 voix contre et 2 abstentions, sans atteindre la majorité des deux tiers des suffrages exprimés que demandent les statuts en vigueur avant l’assemblée.");
  });
});

describe("droit local", () => {
  it("needs seven founders, the tribunal and the journal d’annonces légales, and the direction’s birth dates", async () => {
    const saverne = await load("saverne");
    saverne.association!.fondateurs = saverne.association!.fondateurs!.slice(0, 6);
    delete saverne.association!.inscription;
    delete saverne.association!.dirigeants![1]!.lieu_naissance;
    expect(blocking(saverne, "statuts").map((f) => f.code)).toEqual(["pret.statuts.fondateurs-droit-local"]);
    expect(blocking(saverne, "demande-inscription").map((f) => f.path)).toEqual(["association.inscription.tribunal", "association.inscription.journal_annonces_legales"]);
    expect(blocking(saverne, "liste-dirigeants").map((f) => f.message)).toEqual(["liste des dirigeants\u00a0: Marc Hoffmann\u00a0: lieu de naissance manquant pour la liste des dirigeants"]);
    // An administrateur outside the bureau is not in the direction: no birth date asked for.
    expect(saverne.association!.dirigeants![3]!.date_naissance).toBeUndefined();
  });
});

describe("a document called ready prints no placeholder", () => {
  // Take each example, remove one answer at a time from the association, and render every
  // governance document readiness calls ready: it must show no « [À COMPLÉTER : …] ».
  const removals: [string, (p: Project) => void][] = [
    ["dénomination", (p) => delete p.association!.denomination],
    ["siège", (p) => delete p.association!.siege],
    ["durée", (p) => delete p.association!.duree],
    ["cotisation", (p) => delete p.association!.cotisation],
    ["lieu de signature", (p) => delete p.documents!.lieu],
    ["indemnisation", (p) => delete p.association!.indemnisation_membres],
    ["règlement intérieur", (p) => delete p.association!.reglement_interieur],
    ["président de séance", (p) => p.association!.conseil_administration!.premiere_reunion && delete p.association!.conseil_administration!.premiere_reunion.president_seance],
    ["votes du conseil", (p) => p.association!.conseil_administration!.premiere_reunion && delete p.association!.conseil_administration!.premiere_reunion.resolutions],
    ["date de l’assemblée", (p) => {
      delete p.association!.ag_constitutive?.date;
      delete p.association!.ag_extraordinaire?.date;
      delete p.calendrier?.ag_constitutive;
    }],
    ["dirigeants", (p) => delete p.association!.dirigeants],
    ["adresse d’un dirigeant", (p) => delete p.association!.dirigeants![0]!.adresse],
    ["tribunal", (p) => delete p.association!.inscription],
    ["RNA", (p) => delete p.association!.rna],
    ["membres appelés à voter", (p) => p.association!.ag_extraordinaire && delete p.association!.ag_extraordinaire.membres],
    ["statuts en vigueur avant l’assemblée", (p) => p.association!.ag_extraordinaire && delete p.association!.ag_extraordinaire.statuts_anterieurs],
    ["quorum des statuts en vigueur avant l’assemblée", (p) => p.association!.ag_extraordinaire?.statuts_anterieurs && delete p.association!.ag_extraordinaire.statuts_anterieurs.quorum],
  ];
  for (const name of ["vallee-herault", "bergerac", "saverne"] as const) {
    it.each(removals)(`${name} without %s`, async (_what, remove) => {
      const [project, options] = await loadExample(name);
      remove(project);
      const model = buildModel(project, options);
      const ready = readiness(project, projectTerritory(project).facts);
      for (const r of ready.filter((x) => x.etat === "pret" && !["diagnostic", "lettre-intention", "projet-sante"].includes(x.document))) {
        const { placeholders } = renderMarkdownOnly({ templateName: r.document, model: modelForDocument(model, project, options, r.document), templateDirs: [TEMPLATES_DIR], env, figures: figureNames(model) });
        expect(placeholders, `${r.document} est dit prêt`).toEqual([]);
      }
    });
  }
});

describe("etat follows the founding path", () => {
  it("shows the extraordinary assembly, then the declared modifications, of an existing association", async () => {
    const { progress } = await import("../../src/domain/progress.js");
    const bergerac = await load("bergerac");
    const facts = projectTerritory(bergerac).facts;
    const before = progress(bergerac, facts, "2017-05-01");
    expect(before.documents.map((d) => d.titre)).toContain("Procès-verbal de l’assemblée générale extraordinaire");
    expect(before.documents.map((d) => d.titre)).toContain("Déclaration modificative à la préfecture");
    expect(before.etapes.find((e) => e.id === "association")).toMatchObject({
      etat: "en_cours",
      detail: "assemblée extraordinaire tenue le 2017-04-27, modifications à déclarer",
      documents: ["statuts", "pv-ag-extraordinaire", "pv-conseil-administration", "liste-dirigeants", "declaration"],
    });
    expect(progress(bergerac, facts, "2017-06-01").etapes.find((e) => e.id === "association")!.etat).toBe("fait");
  });

  it("never calls ready a procès-verbal that waits for a vote", async () => {
    const { progress } = await import("../../src/domain/progress.js");
    const herault = await load("vallee-herault");
    delete herault.association!.ag_constitutive!.resolutions;
    const state = progress(herault, projectTerritory(herault).facts, "2025-03-20");
    expect(state.documents.find((d) => d.document === "pv-ag-constitutive")!.etat).not.toBe("pret");
  });
});

describe("psychologues and other non-health professions against the statuts’ collèges and members", () => {
  const codes = (project: Project, id: Parameters<typeof readiness>[2]) => findings(project, id).map((f) => f.code);

  it("warns when a psychologue sits for the collège of professionnels de santé libéraux, unless its composition takes them", async () => {
    const herault = await load("vallee-herault");
    expect(codes(herault, "pv-ag-constitutive")).not.toContain("statuts.college-profession");
    const project = structuredClone(herault);
    const granier = project.association!.dirigeants!.find((d) => d.nom === "Granier")!;
    granier.profession = "psychologue";
    const found = findings(project, "pv-ag-constitutive").find((f) => f.code === "statuts.college-profession");
    expect(found?.message).toContain(
      "Lucie Granier, psychologue, est élue au titre du collège des professionnels de santé libéraux, qui réunit des professionnels de santé, ce que ne sont pas les psychologues",
    );
    // Reported once, with the assembly’s elections, not again with the conseil.
    expect(codes(project, "pv-conseil-administration")).not.toContain("statuts.college-profession");
    project.association!.colleges![0]!.composition = "Professionnels de santé et psychologues libéraux ou à exercice mixte membres actifs, maisons et centres de santé";
    expect(codes(project, "pv-ag-constitutive")).not.toContain("statuts.college-profession");
    // The collège of partners takes an assistant de service social (Patrick Gaubert) as it is.
    expect(herault.association!.dirigeants!.find((d) => d.nom === "Gaubert")!.profession).toBe("assistant_service_social");
  });

  it("warns when a collège of one profession elects someone of another", async () => {
    const project = structuredClone(await load("bergerac"));
    expect(codes(project, "pv-ag-extraordinaire")).not.toContain("statuts.college-profession");
    project.association!.dirigeants!.find((d) => d.nom === "Marsac")!.profession = "psychologue";
    const found = findings(project, "pv-ag-extraordinaire").find((f) => f.code === "statuts.college-profession");
    expect(found?.message).toContain("Vincent Marsac, psychologue, est élu au titre du collège des chirurgiens-dentistes, que les statuts réservent à d’autres professions");
  });

  it("warns when engaged psychologues fall under no category of members of the statuts", async () => {
    const project = structuredClone(await load("vallee-herault"));
    expect(codes(project, "statuts")).not.toContain("pret.statuts.membres-autres-professions");
    project.acteurs = { engages: { liberaux: [{ profession: "infirmier", nombre: 30 }, { profession: "psychologue", nombre: 3 }] } };
    const found = findings(project, "statuts").find((f) => f.code === "pret.statuts.membres-autres-professions");
    expect(found?.severity).toBe("avertissement");
    expect(found?.message).toContain("les psychologues engagés dans la CPTS (acteurs.engages.liberaux) ne sont pas des professionnels de santé");
    project.association!.membres!.categories![0]!.description = "Professionnels de santé et psychologues libéraux ou à exercice mixte exerçant sur le territoire, à jour de leur cotisation.";
    expect(codes(project, "statuts")).not.toContain("pret.statuts.membres-autres-professions");
  });
});

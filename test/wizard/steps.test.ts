import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { askFields, editList } from "../../src/wizard/ask.js";
import { GOVERNANCE_PRESETS, presetColleges } from "../../src/wizard/presets.js";
import { runStep } from "../../src/wizard/step.js";
import { associationStep } from "../../src/wizard/steps/association.js";
import { diagnosticStep } from "../../src/wizard/steps/diagnostic.js";
import { budgetStep } from "../../src/wizard/steps/budget.js";
import { genererStep } from "../../src/wizard/steps/generer.js";
import { lettreStep } from "../../src/wizard/steps/lettre.js";
import { missionsStep } from "../../src/wizard/steps/missions.js";
import { porteurItem, porteursStep } from "../../src/wizard/steps/porteurs.js";
import { territoireStep } from "../../src/wizard/steps/territoire.js";
import { EXAMPLES } from "../helpers.js";
import { CTRL_C, plain, projectDir, scriptedContext, type Entry } from "./scripted.js";

const porteur = (profession: string, civilite: string, prenom: string, nom: string, more: Entry[] = [], titre?: string): Entry[] => [
  ["Profession", profession],
  ["Civilité", civilite],
  ...(titre !== undefined ? ([["Titre", titre]] as Entry[]) : []),
  ["Prénom", prenom],
  ["Nom", nom],
  ["Mode d’exercice", "libéral"],
  ["Structure", ""],
  ["Commune d’exercice", ""],
  ["Courriel", ""],
  ["Téléphone", ""],
  ["Rôle dans le projet", ""],
  ...more,
];

describe("porteurs", () => {
  it("adds, edits and removes porteurs, re-asking an invalid e-mail or phone number", async () => {
    const { file, read } = projectDir();
    const { ctx, ask } = await scriptedContext(file, [
      ["Porteurs du projet (0)", "Ajouter un porteur"],
      ["Profession", "Infirmier"],
      ["Civilité", "Mme"],
      ["Prénom", "Claire"],
      ["Nom", "Martin"],
      ["Mode d’exercice", "libéral"],
      ["Structure", ""],
      ["Commune d’exercice", "Bergerac"],
      ["Courriel", "claire@"],
      ["Courriel", "claire@exemple.fr"],
      ["Téléphone", "0553"],
      ["Téléphone", "05 53 00 00 00"],
      ["Rôle dans le projet", ""],
      ["interlocuteur principal", ""],
      ["Porteurs du projet (1)", "Ajouter un porteur"],
      ...porteur("Médecin généraliste", "M.", "Paul", "Roux", [["interlocuteur principal", true]], "Dr"),
      ["Porteurs du projet (2)", "Modifier : Mme Claire Martin"],
      ["Profession", ""],
      ["Civilité", ""],
      ["Prénom", ""],
      ["Nom", "Martin-Durand"],
      ["Mode d’exercice", ""],
      ["Structure", "Cabinet infirmier du Pont-Vieux"],
      ["Commune d’exercice", ""],
      ["Courriel", ""],
      ["Téléphone", ""],
      ["Rôle dans le projet", ""],
      ["interlocuteur principal", ""],
      ["Porteurs du projet (2)", "Ajouter un porteur"],
      ...porteur("Pharmacien", "M.", "Julien", "Bessac", [["interlocuteur principal", ""]], ""),
      ["Porteurs du projet (3)", "Supprimer un porteur"],
      ["Lequel", "Julien Bessac"],
      ["Supprimer « M. Julien Bessac", true],
      ["Porteurs du projet (2)", ""],
    ]);
    await editList(ctx, ["porteurs"], porteurItem, "Porteurs du projet");
    expect(ask.remaining).toBe(0);
    expect(ask.errors).toEqual([
      "Adresse électronique attendue (par exemple prenom.nom@exemple.fr), trouvé « claire@ »",
      "Numéro de téléphone attendu (10 chiffres, par exemple « 05 53 00 00 00 »), trouvé « 0553 »",
    ]);
    const porteurs = parse(read()).porteurs;
    expect(porteurs).toEqual([
      {
        profession: "infirmier",
        civilite: "Mme",
        prenom: "Claire",
        nom: "Martin-Durand",
        mode_exercice: "liberal",
        commune: "Bergerac",
        courriel: "claire@exemple.fr",
        telephone: "05 53 00 00 00",
        structure: "Cabinet infirmier du Pont-Vieux",
      },
      { profession: "medecin_generaliste", civilite: "M.", titre: "Dr", prenom: "Paul", nom: "Roux", mode_exercice: "liberal", interlocuteur_principal: true },
    ]);
    // The list editor lists the items it can modify.
    expect(ask.offered.at(-1)!.choices).toEqual([
      "Ajouter un porteur",
      "Modifier : Mme Claire Martin-Durand (infirmière)",
      "Modifier : Dr Paul Roux (médecin généraliste) — interlocuteur principal",
      "Supprimer un porteur…",
      "Terminer",
    ]);
  });

  it("ends the step with what was entered and what each document still needs", async () => {
    const { file } = projectDir();
    const { ctx, printed, io } = await scriptedContext(file, [
      ["que voulez-vous compléter", ""],
      ["Nom", ""],
      ["Sigle", "CPTS Val"],
      ["Historique", "Né d’un groupe de soignants en 2024."],
      ["que voulez-vous compléter", ""],
      ["association qui portera la CPTS est-elle à créer", "une association est créée"],
      ["que voulez-vous compléter", ""],
      ["Porteurs du projet (0)", "Ajouter"],
      ...porteur("Infirmier", "Mme", "Claire", "Martin", [["interlocuteur principal", ""]]),
      ["Porteurs du projet (1)", "Terminer"],
      ["que voulez-vous compléter", "Terminer l’étape"],
    ]);
    await runStep(ctx, porteursStep, 1);
    expect(printed()).toContain("Récapitulatif : le projet et ses porteurs");
    expect(io.out).toContain("Récapitulatif\u00a0: le projet et ses porteurs");
    expect(printed()).toContain("Sigle : CPTS Val");
    expect(printed()).toContain("Porteurs du projet : 1 — Mme Claire Martin (infirmière) — interlocutrice principale");
    expect(printed()).toMatch(/Lettre d’intention\n\s+✗ l’interlocutrice principale n’a ni courriel ni téléphone/);
    expect(printed()).toContain("Parcours : une association est créée pour porter la CPTS");
    expect(printed()).toMatch(/! tous les porteurs exercent la même profession.*\(conseillé\)/);
  });

  it("keeps what was answered when Ctrl-C is pressed in the middle of a porteur", async () => {
    const { file, read } = projectDir();
    const { ctx } = await scriptedContext(file, [
      ["Porteurs du projet (0)", "Ajouter"],
      ["Profession", "Sage-femme"],
      ["Civilité", "Mme"],
      ["Prénom", "Inès"],
      ["Nom", CTRL_C],
    ]);
    await expect(editList(ctx, ["porteurs"], porteurItem, "Porteurs du projet")).rejects.toMatchObject({ name: "ExitPromptError" });
    expect(parse(read()).porteurs).toEqual([{ profession: "sage_femme", civilite: "Mme", prenom: "Inès" }]);
  });
});

describe("territoire", () => {
  it("finds places by name, adds the EPCI and a commune, and shows population and taille", async () => {
    const { file, read } = projectDir();
    const { ctx, printed } = await scriptedContext(file, [
      ["Le territoire : que voulez-vous compléter", ""],
      ["Communes et intercommunalités", ""],
      ["Intercommunalité ou commune", { search: "bergerac", pick: "CA Bergeracoise" }],
      ["Communes et intercommunalités", "Rechercher"],
      ["Intercommunalité ou commune", { search: "berger", pick: "Bergerac — commune" }],
      ["Communes et intercommunalités", "Rechercher"],
      ["Intercommunalité ou commune", { search: "lalinde", pick: "Lalinde — commune" }],
      ["Communes et intercommunalités", ""],
      ["que voulez-vous compléter", ""],
      ["Nom du territoire", ""],
      ["Justification", "Bassin de vie de Bergerac"],
      ["Cohérence", "Pas de CPTS voisine à ce jour ; échanges avec les communautés de communes limitrophes"],
      ["Superficie", "abc"],
      ["Superficie", ""],
      ["que voulez-vous compléter", ""],
    ]);
    await runStep(ctx, territoireStep, 2);
    const t = parse(read()).territoire;
    expect(t.epci).toEqual(["200070647"]);
    expect(t.communes).toEqual(["24223"]);
    expect(t.nom).toBe("Communauté d’agglomération Bergeracoise");
    expect(t.population.valeur).toBeGreaterThan(60_000);
    expect(t.population.source).toMatch(/^INSEE, population municipale/);
    expect(t.taille).toBe("T2");
    expect(printed()).toContain("Bergerac fait déjà partie du territoire (CA Bergeracoise (38 communes))");
    expect(printed()).toMatch(/Territoire : 39 communes, \d\d \d{3} habitants \(population municipale, données \d{4}\), taille ACI T2/);
    expect(printed()).toContain("✔ Rien ne manque à cette étape pour les documents.");
    expect(read()).toContain('  epci:\n    # par exemple "200070647" (Communauté d’agglomération bergeracoise)\n    - "200070647"');
  });
});

describe("missions", () => {
  it("explains a socle mission, retains it and builds a fiche-action with an indicator", async () => {
    const { file, read } = projectDir();
    const { ctx, printed, ask } = await scriptedContext(file, [
      ["Les missions et fiches-actions : que voulez-vous compléter", ""],
      ["Retenir la mission « Accès aux soins »", ""],
      ["Accès aux soins : que voulez-vous compléter", ""],
      ["Fiches-actions — Accès aux soins (0)", ""],
      ["Intitulé", "Trouver un médecin traitant aux patients en ALD"],
      ["Objectif", "Moins de patients en ALD sans médecin traitant"],
      ["Ce que l’action couvre", ["accès à un médecin traitant"]],
      ["Public visé", ""],
      ["Pilote", "Dr Roux, groupe accès aux soins"],
      ["Partenaires", "CPAM ; centre hospitalier"],
      ["Moyens", ""],
      ["Date de début", "01/09/2026"],
      ["Date de fin", "2026-13-01"],
      ["Date de fin", ""],
      ["Indicateurs (0)", ""],
      ["Intitulé", "patients en ALD sans médecin traitant"],
      ["Type", "résultats"],
      ["Valeur initiale", "219"],
      ["Source", "données CPAM"],
      ["Cible", "50 au plus"],
      ["Échéance", ""],
      ["Donnée d’exemple", false],
      ["Indicateurs (1)", ""],
      ["Fiches-actions — Accès aux soins (1)", ""],
      ["Accès aux soins : que voulez-vous compléter", ""],
      ["Objectifs (0)", ""],
      ["Nouvelle ligne", "Un médecin traitant pour chaque patient en ALD"],
      ["Objectifs (1)", ""],
      ["Accès aux soins : que voulez-vous compléter", ""],
      ["Les missions et fiches-actions : que voulez-vous compléter", "Terminer l’étape"],
    ]);
    await runStep(ctx, missionsStep, 5);
    expect(ask.errors).toEqual(["Date réelle attendue au format AAAA-MM-JJ (par exemple 2026-03-01), trouvé « 2026-13-01 »"]);
    expect(printed()).toContain("Faciliter l’accès à un médecin traitant");
    expect(printed()).toContain("Mission socle : requise pour le projet de santé.");
    // The components offered are the accès mission's own, not every mission's.
    expect(ask.offered.find((o) => o.message.startsWith("Ce que l’action couvre"))?.choices).toEqual([
      "accès à un médecin traitant",
      "soins non programmés en ville",
    ]);
    expect(parse(read()).missions).toEqual([
      {
        code: "ACCES",
        actions: [
          {
            intitule: "Trouver un médecin traitant aux patients en ALD",
            objectif: "Moins de patients en ALD sans médecin traitant",
            composantes: ["medecin-traitant"],
            pilote: "Dr Roux, groupe accès aux soins",
            partenaires: ["CPAM", "centre hospitalier"],
            calendrier: { debut: "2026-09-01" },
            indicateurs: [{ libelle: "patients en ALD sans médecin traitant", type: "resultats", valeur_initiale: "219", cible: "50 au plus", source: "données CPAM" }],
          },
        ],
        objectifs: ["Un médecin traitant pour chaque patient en ALD"],
      },
    ]);
    // The socle missions still missing are listed for the projet de santé.
    expect(printed()).toMatch(/Projet de santé\n(.*\n)*\s+✗ la mission socle PARCOURS/);
    // Each mission's menu line says whether it is required.
    expect(ask.offered[0]!.choices.slice(0, 6)).toEqual([
      "· Accès aux soins (socle)",
      "· Parcours pluriprofessionnels autour du patient (socle)",
      "· Prévention (socle)",
      "· Réponse aux crises sanitaires graves (socle)",
      "  Qualité et pertinence des soins (optionnelle)",
      "  Accompagnement des professionnels de santé (optionnelle)",
    ]);
  });
});

const WITH_PORTEURS = (extra = "") => `version: 1
cpts:
  nom: CPTS du Val
porteurs:
  - profession: infirmier
    prenom: Claire
    nom: Martin
  - profession: medecin_generaliste
    mode_exercice: liberal
  - profession: pharmacien
  - profession: psychologue
    mode_exercice: salarie
association:
  etat: a_creer
${extra}`;

describe("association: the founding path decides the meetings, and each vote is asked", () => {
  const colleges = `  colleges:
    - nom: collège des libéraux
      titulaires: 2
    - nom: collège des partenaires
      titulaires: 1
`;

  it("asks an existing association for its extraordinary assembly, a new one for its constitutive assembly", async () => {
    const { file } = projectDir(WITH_PORTEURS("  parcours: existante\n"));
    const { ctx } = await scriptedContext(file, []);
    const existing = associationStep.sections!(ctx.editor.project).map((s) => s.id);
    expect(existing).toEqual(expect.arrayContaining(["ag_extraordinaire", "votes-extraordinaire", "conseil", "votes-conseil"]));
    expect(existing).not.toContain("ag_constitutive");
    const created = associationStep.sections!({ ...ctx.editor.project, association: { parcours: "nouvelle" } }).map((s) => s.id);
    expect(created).toEqual(expect.arrayContaining(["ag_constitutive", "votes-constitutive", "conseil"]));
    expect(created).not.toContain("ag_extraordinaire");
  });

  it("asks an existing association the rules of the statuts its extraordinary assembly votes under, proposing their last date", async () => {
    const history = "  parcours: existante\n  statuts:\n    adoptes_le: 2014-05-22\n    modifications:\n      - date: 2015-03-03\n  ag_extraordinaire:\n    date: 2017-04-27\n";
    const { file, read } = projectDir(WITH_PORTEURS(history));
    const { ctx, ask, printed } = await scriptedContext(file, [
      ["Date des statuts actuels", ""],
      ["Article des statuts actuels sur l’assemblée générale extraordinaire", "14"],
      ["Quorum de l’assemblée extraordinaire selon les statuts actuels", "un tiers"],
      ["Majorité de l’assemblée extraordinaire selon les statuts actuels", "deux tiers"],
      ["Nombre maximal de pouvoirs par membre présent selon les statuts actuels", "1"],
    ]);
    const sections = associationStep.sections!(ctx.editor.project);
    const ids = sections.map((s) => s.id);
    // Asked before the votes it rules.
    expect(ids.indexOf("statuts_anterieurs")).toBeLessThan(ids.indexOf("votes-extraordinaire"));
    const section = sections.find((s) => s.id === "statuts_anterieurs")!;
    expect(section.done(ctx.editor.project)).toBe(false);
    await section.run(ctx);
    expect(ask.remaining).toBe(0);
    expect(printed()).toContain("pas selon ceux qu’elle adopte");
    expect(parse(read()).association.ag_extraordinaire.statuts_anterieurs).toEqual({
      date: "2015-03-03",
      article: "14",
      quorum: "tiers",
      majorite: "deux_tiers",
      procurations_max: 1,
    });
    expect(section.done(ctx.editor.project)).toBe(true);
    const created = associationStep.sections!({ ...ctx.editor.project, association: { parcours: "nouvelle" } }).map((s) => s.id);
    expect(created).not.toContain("statuts_anterieurs");
  });

  it("records one vote per resolution of the constitutive assembly: one election per collège, unanimity or counts", async () => {
    const { file, read } = projectDir(WITH_PORTEURS(`  parcours: nouvelle\n${colleges}  ag_constitutive:\n    date: 2025-03-13\n    presents: 12\n`));
    const { ctx, ask } = await scriptedContext(file, [
      ["Vote : Adoption des statuts", "unanimité"],
      ["Vote : Élection des représentants du collège des libéraux", "Nombre de voix"],
      ["Voix pour", "10"],
      ["Voix contre", "1"],
      ["Abstentions", "1"],
      ["Vote : Élection des représentants du collège des partenaires", "Plus tard"],
      ["Vote : Cotisation annuelle", "unanimité"],
      ["Vote : Pouvoirs pour la déclaration", "unanimité"],
    ]);
    const section = associationStep.sections!(ctx.editor.project).find((s) => s.id === "votes-constitutive")!;
    expect(section.done(ctx.editor.project)).toBe(false);
    await section.run(ctx);
    expect(ask.remaining).toBe(0);
    expect(parse(read()).association.ag_constitutive.resolutions).toEqual([
      { code: "statuts", vote: { unanimite: true } },
      { code: "election", college: "collège des libéraux", vote: { pour: 10, contre: 1, abstentions: 1 } },
      { code: "cotisation", vote: { unanimite: true } },
      { code: "pouvoirs", vote: { unanimite: true } },
    ]);
    // The partners’ election is still to record.
    expect(section.done(ctx.editor.project)).toBe(false);
    expect(section.summary(ctx.editor.project).map(plain)).toContain("Élection des représentants du collège des partenaires au conseil d’administration : à renseigner");
  });
});

describe("association", () => {
  it("asks of each category of members whether it is exempt from the cotisation, and keeps the answer as data", async () => {
    const { file, read } = projectDir(WITH_PORTEURS());
    const { ctx, ask } = await scriptedContext(file, [
      ["Catégories de membres (0)", "Ajouter une catégorie"],
      ["Nom", "membres actifs"],
      ["Qui", "Professionnels de santé du territoire, à jour de leur cotisation."],
      ["Voix", "délibérative"],
      ["Ces membres sont-ils dispensés de cotisation ?", false],
      ["Catégories de membres (1)", "Ajouter une catégorie"],
      ["Nom", "membres d’honneur"],
      ["Qui", "Personnes nommées par le conseil d’administration."],
      ["Voix", "voix consultative"],
      ["Ces membres sont-ils dispensés de cotisation ?", true],
      ["Catégories de membres (2)", "Terminer"],
      ["Admission", "Demande écrite agréée par le conseil d’administration."],
      ["Perte de la qualité de membre (0)", "Terminer"],
    ]);
    const section = associationStep.sections!(ctx.editor.project).find((s) => s.id === "membres")!;
    await section.run(ctx);
    expect(ask.remaining).toBe(0);
    const categories = parse(read()).association.membres.categories;
    expect(categories.map((c: { nom: string; dispensee_de_cotisation?: boolean }) => [c.nom, c.dispensee_de_cotisation])).toEqual([
      ["membres actifs", undefined],
      ["membres d’honneur", true],
    ]);
    expect(plain(section.summary(ctx.editor.project).join("\n"))).toContain("membres d’honneur (voix consultative), dispensés de");
  });

  it("applies a governance preset: one collège per profession of the porteurs, as in Bergerac", async () => {
    const { file, read } = projectDir(WITH_PORTEURS());
    const { ctx, printed } = await scriptedContext(file, [["Quel modèle de gouvernance", "Un collège par profession"]]);
    const section = associationStep.sections!(ctx.editor.project).find((s) => s.id === "modele")!;
    await section.run(ctx);
    const a = parse(read()).association;
    expect(a.colleges.map((c: { nom: string }) => c.nom)).toEqual([
      "collège des médecins généralistes",
      "collège des pharmaciens",
      "collège des infirmiers",
    ]);
    expect(a.colleges[0]).toMatchObject({ professions: ["medecin_generaliste"], titulaires: 2, suppleants: 2 });
    expect(a.bureau).toEqual({
      fonctions: ["president", "vice_president", "secretaire", "tresorier"],
      vice_president_par_college: true,
      presidence_tournante: true,
      duree_mandat_ans: 3,
    });
    expect(a.conseil_administration.duree_mandat_ans).toBe(3);
    expect(a.etat).toBe("a_creer");
    expect(printed()).toContain("Modèle « Un collège par profession (modèle de Bergerac) » appliqué");
    expect(read()).toContain("fonctions: [president, vice_president, secretaire, tresorier]");
  });

  it("asks before a preset replaces answers, and can then be edited like any answer", async () => {
    const { file, read } = projectDir(WITH_PORTEURS());
    const { ctx } = await scriptedContext(file, [
      ["Quel modèle de gouvernance", "Deux collèges"],
      ["Quel modèle de gouvernance", "Modèle minimal"],
      ["Ce modèle remplace", false],
      ["Quel modèle de gouvernance", "Modèle minimal"],
      ["Ce modèle remplace", true],
      ["Fonctions", ["président", "trésorier"]],
      ["Un vice-président par collège", ""],
      ["Présidence tournante", true],
      ["Durée du mandat", "4"],
    ]);
    const sections = associationStep.sections!(ctx.editor.project);
    const preset = sections.find((s) => s.id === "modele")!;
    await preset.run(ctx);
    expect(parse(read()).association.colleges).toHaveLength(2);
    await preset.run(ctx);
    expect(parse(read()).association.colleges).toHaveLength(2);
    await preset.run(ctx);
    expect(parse(read()).association.colleges).toBeUndefined();
    await sections.find((s) => s.id === "bureau")!.run(ctx);
    expect(parse(read()).association.bureau).toEqual({
      fonctions: ["president", "tresorier"],
      vice_president_par_college: false,
      presidence_tournante: true,
      duree_mandat_ans: 4,
    });
    expect(GOVERNANCE_PRESETS.map((p) => p.id)).toEqual(["par-profession", "deux-colleges", "minimal"]);
  });

  it("gives a collège to each profession de santé of the project, none to a psychologue, each electing among its own members", () => {
    const preset = GOVERNANCE_PRESETS.find((p) => p.id === "par-profession")!;
    const project = {
      porteurs: [{ profession: "infirmier" }, { profession: "psychologue" }, { profession: "pharmacien", mode_exercice: "mixte" }],
    } as unknown as Parameters<typeof presetColleges>[1];
    expect(presetColleges(preset, project).map((c) => c.professions)).toEqual([["pharmacien"], ["infirmier"]]);
    expect(String(preset.values["conseil_administration.composition"])).toMatch(/élit parmi ses membres/);
  });

  it("writes each preset’s conseil so that the statuts read « composé ainsi : … » with one colon and the mandate once", () => {
    for (const preset of GOVERNANCE_PRESETS) {
      const composition = String(preset.values["conseil_administration.composition"]);
      // The statuts print it after « Le conseil d’administration est composé ainsi : ».
      expect(composition, preset.id).not.toContain(" : ");
      // « Les administrateurs sont élus pour trois ans » follows, from duree_mandat_ans.
      expect(composition, preset.id).not.toMatch(/pour (un|deux|trois|quatre|cinq|six) ans?\b/);
    }
  });

  it("switches to the droit local when the siège is in Moselle, and asks what it needs", async () => {
    const { file, read } = projectDir(WITH_PORTEURS());
    const { ctx, printed, ask } = await scriptedContext(file, [
      ["Adresse", "1 place d’Armes"],
      ["Code postal", "5700"],
      ["Code postal", "57000"],
      ["Commune", "Metz"],
      ["Dirigeants (2 au moins) (0)", ""],
      ["Prénom", "Anne"],
      ["Nom", "Weber"],
      ["Fonction", "président"],
      ["Civilité", "Mme"],
      ["Profession", "Infirmier"],
      ["Adresse", "3 rue Serpenoise"],
      ["Code postal", "57000"],
      ["Commune", "Metz"],
      ["Nationalité", ""],
      ["Date de naissance", "12/05/1975"],
      ["Lieu de naissance", "Thionville"],
      ["Dirigeants (2 au moins) (1)", ""],
    ]);
    await askFields(ctx, ["association", "siege"], ["adresse", "code_postal", "commune"]);
    expect(ask.errors).toEqual(["Code postal attendu (5 chiffres), trouvé « 5700 »"]);
    const sections = associationStep.sections!(ctx.editor.project);
    expect(plain(associationStep.intro!(ctx.editor.project) ?? "")).toContain("Siège en Moselle (57) : le droit local d’Alsace-Moselle s’applique");
    expect(sections.find((s) => s.id === "fondateurs")!.title).toBe("Membres fondateurs (7 au moins en Alsace-Moselle)");
    await sections.find((s) => s.id === "dirigeants")!.run(ctx);
    const a = parse(read()).association;
    expect(a.siege).toEqual({ adresse: "1 place d’Armes", code_postal: "57000", commune: "Metz" });
    expect(a.dirigeants[0]).toMatchObject({ prenom: "Anne", fonction: "president", nationalite: "française", date_naissance: "1975-05-12", lieu_naissance: "Thionville" });
    expect(printed()).toBe("");
  });
});

describe("comments", () => {
  it("survive answers: the user's own notes stay where they were written", async () => {
    const source = `# yaml-language-server: $schema=schema.json
# Notre projet — notes de l’équipe
version: 1

cpts:
  nom: CPTS du Val   # nom provisoire, à voter en AG
  # À voir : demander le sigle à la réunion de mars

# Porteurs : liste validée le 12 janvier
porteurs: [] # personne pour l’instant

lettre_intention: {} # à faire après le diagnostic
`;
    const { file, read } = projectDir(source);
    const { ctx } = await scriptedContext(file, [
      ["Sigle", "CPTS Val"],
      ["Porteurs du projet (0)", "Ajouter"],
      ...porteur("Infirmier", "Mme", "Claire", "Martin", [["interlocuteur principal", ""]]),
      ["Porteurs du projet (1)", "Terminer"],
      ["Montant", "50 000"],
    ]);
    await askFields(ctx, ["cpts"], ["sigle"]);
    await editList(ctx, ["porteurs"], porteurItem, "Porteurs du projet");
    await askFields(ctx, ["lettre_intention", "soutien_demande"], [{ path: "montant", message: "Montant demandé (euros)" }]);
    const text = read();
    for (const note of [
      "# yaml-language-server: $schema=schema.json",
      "# Notre projet — notes de l’équipe",
      "nom: CPTS du Val # nom provisoire, à voter en AG",
      "  # À voir : demander le sigle à la réunion de mars",
      "\n# Porteurs : liste validée le 12 janvier\nporteurs:",
      "# personne pour l’instant",
      "# à faire après le diagnostic",
    ])
      expect(text).toContain(note);
    expect(parse(text).lettre_intention).toEqual({ soutien_demande: { montant: 50000 } });
    expect(text.indexOf("cpts:")).toBeLessThan(text.indexOf("porteurs:"));
    expect(text.indexOf("porteurs:")).toBeLessThan(text.indexOf("lettre_intention:"));
  });
});

describe("a file edited by hand between two questions", () => {
  it("is read again: the hand edit stays and the answer is added", async () => {
    const { file, read } = projectDir();
    const { ctx } = await scriptedContext(file, [
      ["Nom", ""],
      ["Sigle", "CPTS Val"],
    ]);
    writeFileSync(file, read().replace("version: 2", "version: 2 # modifié à la main"));
    await askFields(ctx, ["cpts"], ["nom", "sigle"]);
    expect(read()).toContain("version: 2 # modifié à la main");
    expect(read()).toContain("sigle: CPTS Val");
  });
});

describe("diagnostic: population par âge", () => {
  it("asks the source, the year and the age bands, with the references", async () => {
    const { file, read } = projectDir();
    const section = diagnosticStep.sections!({} as never).find((s) => s.id === "ages")!;
    const { ctx, ask } = await scriptedContext(file, [
      ["Source", "INSEE, recensement de la population"],
      ["Année", "2021"],
      ["Tranches d’âge (0)", "Ajouter une tranche d’âge"],
      ["Tranche", "0 à 14 ans"],
      ["Territoire", "14,2"],
      ["Part dans le département (%)", "13,1"],
      ["Part dans la région (%)", ""],
      ["Part en France (%)", "17,5"],
      ["Tranches d’âge (1)", "Ajouter une tranche d’âge"],
      ["Tranche", "75 ans ou plus"],
      ["Territoire", "250"],
      ["Territoire", "14,4"],
      ["Part dans le département (%)", ""],
      ["Part dans la région (%)", ""],
      ["Part en France (%)", ""],
      ["Tranches d’âge (2)", "Terminer"],
    ]);
    await section.run(ctx);
    expect(ask.remaining).toBe(0);
    expect(ask.errors).toHaveLength(1);
    expect(parse(read()).diagnostic.structure_age).toEqual({
      source: "INSEE, recensement de la population",
      annee: 2021,
      tranches: [
        { libelle: "0 à 14 ans", territoire: 14.2, departement: 13.1, france: 17.5 },
        { libelle: "75 ans ou plus", territoire: 14.4 },
      ],
    });
    expect(section.mark?.(parse(read()))).toBe("✔");
  });
});

describe("budget", () => {
  it("asks the coordination post and an amount per contract year, typed as « 12000 ; 0 ; ? »", async () => {
    const { file, read } = projectDir();
    const { ctx, printed, ask } = await scriptedContext(file, [
      ["Le budget prévisionnel : que voulez-vous compléter", "Coordination"],
      ["Équivalent temps plein", "1"],
      ["Temps de travail par année", "0,5 ; 1"],
      ["Salaire brut annuel", "40000"],
      ["Charges patronales (%)", "45"],
      ["Source", "fiche de poste"],
      ["Donnée d’exemple", false],
      ["Le budget prévisionnel : que voulez-vous compléter", "Fonds d’intervention régional (FIR)"],
      ["Libellé", "Aide au démarrage"],
      ["Montant annuel", ""],
      ["Montant par année", "12 000 ; 0 ; douze"],
      ["Montant par année", "12 000 ; 0 ; ?"],
      ["Source", ""],
      ["Commentaire", ""],
      ["Donnée d’exemple", false],
      ["Le budget prévisionnel : que voulez-vous compléter", "Terminer l’étape"],
    ]);
    await runStep(ctx, budgetStep, 9);
    expect(ask.errors).toHaveLength(1);
    const budget = parse(read()).budget;
    expect(budget.coordination).toEqual({ etp: 1, etp_par_annee: [0.5, 1], salaire_brut_annuel: 40000, charges_patronales_pourcentage: 45, source: "fiche de poste" });
    expect(budget.fir).toEqual({ libelle: "Aide au démarrage", par_annee: [12000, 0, null] });
    expect(printed()).toContain("Récapitulatif : le budget prévisionnel");
  });
});

describe("generer", () => {
  it("names the documents of the project: the two of an update for Chambéry, the whole founding for a new CPTS", async () => {
    const { file } = projectDir(readFileSync(join(EXAMPLES, "chambery", "cpts.yaml"), "utf8"));
    const { ctx } = await scriptedContext(file, []);
    expect(genererStep.intro!(ctx.editor.project)).toBe("Diagnostic territorial et projet de santé actualisé, au format Word (DOCX).");
    const fresh = await scriptedContext(projectDir().file, []);
    expect(genererStep.intro!(fresh.ctx.editor.project)).toBe(
      "Diagnostic territorial, lettre d’intention, statuts de l’association, procès-verbal de l’assemblée générale constitutive, " +
        "procès-verbal du conseil d’administration, liste des personnes chargées de l’administration, déclaration de création à la préfecture " +
        "et projet de santé, au format Word (DOCX).",
    );
  });

  it("the lettre d’intention and association steps say what an update does not write", async () => {
    const { file } = projectDir(readFileSync(join(EXAMPLES, "chambery", "cpts.yaml"), "utf8"));
    const { ctx } = await scriptedContext(file, []);
    expect(plain(lettreStep.intro!(ctx.editor.project) ?? "")).toContain("Ce projet n’en a pas besoin : une CPTS qui actualise son projet de santé a passé l’étape");
    expect(plain(associationStep.intro!(ctx.editor.project) ?? "")).toContain("Ce projet n’écrit ni statuts ni procès-verbal, car une CPTS qui actualise son projet de santé a déjà fondé son association");
    const fresh = await scriptedContext(projectDir().file, []);
    expect(lettreStep.intro!(fresh.ctx.editor.project)).not.toContain("pas besoin");
    expect(associationStep.intro!(fresh.ctx.editor.project)).not.toContain("n’écrit ni statuts");
  });

  it("asks the documents' date (today proposed) and place before generating, so that no title page is undated", async () => {
    const { file, read } = projectDir();
    const { ctx, ask } = await scriptedContext(file, [
      ["Date des documents", ""],
      ["Lieu", "Bergerac"],
      ["Générer les documents maintenant", false],
    ]);
    await runStep(ctx, genererStep, 11);
    const now = new Date();
    const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
    expect(parse(read()).documents).toEqual({ date: today, lieu: "Bergerac" });
    expect(ask.remaining).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { DOCUMENT_LAYOUTS, documentLayout } from "../../src/domain/document-layout.js";
import { DOCUMENT_IDS } from "../../src/domain/documents.js";
import { MENTION_INCONNU } from "../../src/domain/financing.js";
import { buildModel } from "../../src/domain/model/index.js";
import { departementWithDe, majorityWords, quorumWords } from "../../src/domain/model/index.js";
import { hourText, numberInWords } from "../../src/french/index.js";
import type { Project } from "../../src/project/types.js";
import { loadExample } from "../examples.js";

const NBSP = "\u00a0";
const [bergerac, options] = await loadExample("bergerac");
const model = buildModel(bergerac, options);

describe("buildModel on the Bergerac example", () => {
  it("dates the documents with documents.date", () => {
    expect(options).toEqual({ date: "2022-09-15" });
    expect(model.document.date).toEqual({ iso: "2022-09-15", texte: "15\u00a0septembre 2022" });
    expect(model.document.lieu).toBe("Bergerac");
  });

  it("computes the territory from the official data, not from the file", () => {
    const t = model.territoire;
    expect(t.nombre_communes).toBe(38);
    expect(t.population).toBe(t.communes.reduce((n, c) => n + (c.population ?? 0), 0));
    expect(t.population).toBe(61915);
    expect(t.population_texte).toBe("61\u202f915");
    expect(t.population_libelle).toBe("population municipale, données 2023");
    expect(t.taille).toMatchObject({ code: "T2", numero: 2, libelle: `taille${NBSP}2` });
    expect(t.taille.tranche?.replace(/\s/g, " ")).toBe("de 40 000 à 80 000 habitants");
    expect(t.ars.nom).toBe("ARS Nouvelle-Aquitaine");
    expect(t.ars.delegation).toBe("délégation départementale de la Dordogne");
    expect(t.cpam.principale).toBe("CPAM de la Dordogne");
    expect(t.departements_de_texte).toBe("du département de la Dordogne (24)");
    // Sorted by name, French collation.
    const names = t.communes.map((c) => c.nom);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "fr")));
    expect(t.communes_en_annexe).toBe(true);
  });

  it("labels the porteurs and finds the interlocuteur principal", () => {
    expect(model.porteurs).toHaveLength(5);
    expect(model.interlocuteur?.nom_complet).toBe(`Mme${NBSP}Élodie Castaing`);
    expect(model.interlocuteur?.exercice).toBe("Infirmière, exercice libéral");
    expect(model.interlocuteur?.interlocuteur_debut).toBe("L’interlocutrice principale");
    expect(model.porteurs_nombre_texte).toBe(`cinq${NBSP}professionnels de santé`);
    expect(model.acteurs.engages.liberaux?.professionnels[0]).toMatchObject({ texte: `31${NBSP}médecins généralistes`, effectif_territoire: 53 });
  });

  it("orders the missions as the ACI does and states the ACI deadlines once per mission", () => {
    expect(model.missions.retenues.map((m) => m.code)).toEqual(["ACCES", "PARCOURS", "PREVENTION", "CRISE", "QUALITE", "ACCOMPAGNEMENT"]);
    expect(model.missions.socles_manquantes).toEqual([]);
    const acces = model.missions.retenues[0]!;
    expect(acces.echeance_demarrage).toEqual({ iso: "2020-09-15", texte: "15\u00a0septembre 2020" });
    expect(acces.echeance_deploiement.iso).toBe("2021-09-15");
    const first = acces.actions[0]!;
    expect(first.numero).toBe("1.1");
    expect(first.calendrier_texte).toBe("Du 4\u00a0mai 2020 au 15\u00a0septembre 2021");
    expect(acces.echeances_texte).toContain("démarrage au plus tard le 15\u00a0septembre 2020");
    expect(acces.echeances_texte).not.toContain("ne commence que");
    expect(model.missions.retenues[4]!.echeances_texte).toContain("choisis par la CPTS");
  });

  it("says when a mission starts after its deadline, in the mission and not in the fiche", () => {
    const project = structuredClone(bergerac);
    for (const a of project.missions![0]!.actions!) a.calendrier = { debut: "2020-12-01", fin: "2022-01-10" };
    const acces = buildModel(project, options).missions.retenues[0]!;
    expect(acces.echeances_texte).toContain("ne commence que le 1er\u00a0décembre 2020, après l’échéance de démarrage");
    expect(Object.keys(acces.actions[0]!)).not.toContain("echeances_aci");
  });

  it("does not count the crisis mission's deadlines from a contract signed before the mission existed", () => {
    const crise = model.missions.retenues.find((m) => m.code === "CRISE")!;
    expect(crise.echeances_texte).toContain("après la signature du contrat");
    expect(crise.echeances_texte).not.toMatch(/au plus tard le/);
  });

  it("puts the AG rules into words", () => {
    const ag = model.association.assemblee_generale;
    expect(ag.extraordinaire.quorum.texte).toBe("la moitié des membres");
    expect(ag.extraordinaire.majorite.texte).toBe("à la majorité des deux tiers des suffrages exprimés");
    expect(ag.ordinaire.quorum.texte).toBe("le quart des membres");
    expect(ag.ordinaire.convocation_texte).toContain(`quinze${NBSP}jours au moins`);
    expect(model.association.conseil_administration.reunions_texte).toBe(`au moins quatre${NBSP}fois par an`);
    expect(model.association.duree.texte).toBe("L’association est constituée pour une durée illimitée.");
    expect(model.association.cotisation.montant_texte).toBe(`30${NBSP}€`);
  });

  it("lists the dirigeants by function, with labels and no birth data outside droit local", () => {
    const d = model.association.dirigeants;
    expect(d[0]).toMatchObject({ fonction: "president", fonction_libelle: "présidente", nom_liste: "CASTAING Élodie", profession_libelle: "Infirmière" });
    expect(d.map((x) => x.fonction_libelle).slice(8, 12)).toEqual(["administratrice", "administrateur", "administrateur", "administrateur"]);
    expect(d.filter((x) => !x.titulaire).map((x) => x.mandat).slice(0, 2)).toEqual(["suppléante", "suppléant"]);
    expect(d.every((x) => x.naissance === undefined)).toBe(true);
    expect(model.association.signataires_statuts.map((s) => s.qualite)).toEqual(["présidente", "secrétaire", "trésorière"]);
    expect(model.association.droit_local).toBe(false);
  });

  it("builds the financing table of a taille 2 without inventing the mission amounts", () => {
    const project = structuredClone(bergerac);
    delete project.financement!.contrat;
    const f = buildModel(project, options).financement.simulation!;
    expect(f.taille).toBe("T2");
    // Signed in 2020: the crisis mission, added by avenant 2, counts from the first contract year after it.
    expect(f.colonnes.map((c) => c.libelle)).toEqual([`Année${NBSP}1 du contrat`, "Années 2 et 3 du contrat, chaque année", "Années 4 et 5 du contrat, chaque année"]);
    const fonctionnement = f.lignes.find((l) => l.code === "FONCTIONNEMENT")!;
    expect(fonctionnement.montants.map((m) => m.texte)).toEqual([`60\u202f000${NBSP}€`, `60\u202f000${NBSP}€`, `60\u202f000${NBSP}€`]);
    const acces = f.lignes.find((l) => l.code === "ACCES_FIXE")!;
    expect(acces.montants.map((m) => m.texte)).toEqual(["non connu", "non connu", "non connu"]);
    expect(f.lignes.find((l) => l.code === "CRISE_FIXE")!.montants.map((m) => m.texte)).toEqual(["—", "—", "non connu"]);
    expect(acces.mention).toBe(MENTION_INCONNU);
    expect(f.renvois.map((r) => r.texte)).toContain("Montant fixé par le contrat, à confirmer auprès de la CPAM.");
    const amorcage = f.lignes.find((l) => l.code === "AMORCAGE")!;
    expect(amorcage).toMatchObject({ hors_total: true, mention: "à confirmer" });
    expect(f.totaux[0]!.texte).toBe(`60\u202f000${NBSP}€ + montants non connus`);
    expect(f.total_complet).toBe(false);
    expect(f.notes.join(" ")).not.toContain("financement.contrat");
    expect(model.financement.autres[0]).toMatchObject({ origine: "FIR (ARS Nouvelle-Aquitaine)", montant_texte: `25\u202f000${NBSP}€`, annee: 2017 });
  });

  it("lays out a budget that balances each year, with sources and example data marked", () => {
    const b = model.financement.budget;
    expect(b.renseigne).toBe(true);
    expect(b.colonnes).toHaveLength(5);
    expect(b.soldes).toEqual(["équilibré", "équilibré", "équilibré", "équilibré", "équilibré"]);
    expect(b.total_charges[0]).toBe(b.total_produits[0]);
    expect(b.equilibre_texte).toBe("Le budget est équilibré chaque année.");
    expect(b.renvois.map((r) => r.texte).join(" ")).toContain("donnée d’exemple");
    expect(b.charges.find((r) => r.libelle.startsWith("Coordination"))?.montants[0]).toBe(`27\u202f550${NBSP}€`);
  });

  it("merges the project’s dates and the regulatory deadlines into one calendar", () => {
    const steps = model.calendrier.etapes;
    const dated = steps.filter((s) => s.iso !== undefined).map((s) => s.iso!);
    expect(dated).toEqual([...dated].sort());
    // Received in 2018, before tacit validation existed: one validation, the ARS decision.
    const validations = steps.filter((s) => /validation/i.test(s.libelle) && /projet de santé/.test(s.libelle));
    expect(validations).toHaveLength(1);
    expect(validations[0]).toMatchObject({ code: "VALIDATION_PDS", iso: "2018-06-28" });
    expect(model.calendrier.validation_regle).toContain("décision de l’ARS");
    expect(steps.find((s) => s.code === "signature_aci")?.date_texte).toBe("15\u00a0mars 2020");
    expect(steps.at(-1)?.date_texte).toBe("selon le contrat");
    // The letter shows what comes after its own date, and not its own validation as a fact.
    const letter = model.calendrier.etapes_lettre;
    expect(letter.every((s) => s.iso === undefined || s.iso > "2017-06-19")).toBe(true);
    expect(letter.map((s) => s.libelle).join(" | ")).not.toMatch(/Validation de la lettre|Envoi de la lettre/);
    expect(letter[0]!.libelle).toContain("Réunion d’examen de la lettre d’intention");
    expect(model.lettre.date.texte).toBe("19\u00a0juin 2017");
  });

  it("keeps the project’s objet, and writes a default one from the chosen missions otherwise", () => {
    expect(model.association.objet.personnalise).toBe(true);
    const project = structuredClone(bergerac);
    delete project.association!.objet;
    project.missions = project.missions!.filter((m) => m.code !== "QUALITE");
    const objet = buildModel(project, options).association.objet;
    expect(objet.personnalise).toBe(false);
    expect(objet.texte).toContain("article L1434-12 du code de la santé publique");
    expect(objet.texte).toContain("Communauté d’agglomération bergeracoise");
    const missions = objet.points.join(" ");
    expect(missions).toContain("l’accès aux soins");
    expect(missions).toContain("l’accompagnement des professionnels de santé sur le territoire");
    expect(missions).not.toContain("qualité et de la pertinence");
  });
});

const [minimal, minimalOptions] = await loadExample("minimal");

describe("buildModel on an empty project", () => {
  const empty = buildModel(minimal, minimalOptions);

  it("leaves facts undefined and lists empty, never a made-up value", () => {
    expect(minimalOptions).toEqual({});
    expect(empty.document.date).toEqual({ iso: undefined, texte: undefined });
    expect(empty.territoire).toMatchObject({ resolu: false, communes: [], population: undefined, nombre_communes: undefined });
    expect(empty.territoire.taille.code).toBeUndefined();
    expect(empty.territoire.ars.nom).toBeUndefined();
    expect(empty.financement.simulation).toBeUndefined();
    expect(empty.interlocuteur).toBeUndefined();
    expect(empty.association.duree.texte).toBeUndefined();
    expect(empty.association.assemblee_generale.ordinaire.quorum).toEqual({ texte: undefined, phrase: undefined });
    expect(empty.missions.socles_manquantes.map((m) => m.code)).toEqual(["ACCES", "PARCOURS", "PREVENTION", "CRISE"]);
    expect(empty.association.signataires_statuts.map((s) => s.nom)).toEqual([undefined, undefined]);
  });

  it("has every key present, so strict templates can read optional fields", () => {
    expect(Object.keys(empty.cpts)).toContain("sigle");
    expect(Object.keys(empty.territoire)).toContain("justification");
    expect("siren" in empty.cpts).toBe(true);
    expect("montant_texte" in empty.lettre.soutien).toBe(true);
  });

  it("dates a letter without its own date with the documents’ date", () => {
    expect(buildModel(minimal, { date: "2026-11-23" }).lettre.date.texte).toBe("23\u00a0novembre 2026");
  });
});

describe("droit local", () => {
  it("follows the siège: Moselle, Bas-Rhin, Haut-Rhin; birth data only there", () => {
    const project: Project = structuredClone(bergerac);
    project.association!.siege = { adresse: "2 place de la Réunion", code_postal: "68100", commune: "Mulhouse" };
    project.association!.dirigeants![0]!.date_naissance = "1978-02-01";
    project.association!.dirigeants![0]!.lieu_naissance = "Colmar";
    const m = buildModel(project, options);
    expect(m.association.droit_local).toBe(true);
    expect(m.association.forme).toContain("code civil local");
    expect(m.association.dirigeants[0]!.naissance).toEqual({ iso: "1978-02-01", texte: "1er\u00a0février 1978", lieu: "Colmar" });
    expect(m.association.signataires_statuts).toHaveLength(7);
    expect(m.association.droit_local_details.fondateurs_manquants).toBe(3);
  });
});

describe("French wording helpers", () => {
  it("writes numbers in words", () => {
    expect([1, 7, 15, 21, 71, 80, 81, 91, 100].map((n) => numberInWords(n))).toEqual([
      "un", "sept", "quinze", "vingt et un", "soixante et onze", "quatre-vingts", "quatre-vingt-un", "quatre-vingt-onze", "cent",
    ]);
    expect(numberInWords(1, true)).toBe("une");
    expect(numberInWords(21, true)).toBe("vingt et une");
    expect(numberInWords(250)).toBe("250");
  });

  it("gives each département its article", () => {
    expect(departementWithDe("24", "Dordogne")).toBe("de la Dordogne");
    expect(departementWithDe("01", "Ain")).toBe("de l’Ain");
    expect(departementWithDe("59", "Nord")).toBe("du Nord");
    expect(departementWithDe("13", "Bouches-du-Rhône")).toBe("des Bouches-du-Rhône");
    expect(departementWithDe("75", "Paris")).toBe("de Paris");
    expect(departementWithDe("28", "Eure-et-Loir")).toBe("d’Eure-et-Loir");
    expect(departementWithDe("57", "Moselle")).toBe("de la Moselle");
  });

  it("puts quorum, majority and hours into words", () => {
    expect(quorumWords("deux_tiers", "l’assemblée").phrase).toBe(
      "L’assemblée ne délibère valablement que si les deux tiers au moins de ses membres sont présents ou représentés.",
    );
    expect(quorumWords("aucun", "l’assemblée").texte).toBeUndefined();
    expect(majorityWords("simple").texte).toBe("à la majorité simple des suffrages exprimés");
    expect(majorityWords(undefined).phrase).toBeUndefined();
    expect(hourText("20:30")).toBe(`20${NBSP}h${NBSP}30`);
    expect(hourText("9:00")).toBe(`9${NBSP}h`);
  });
});

describe("document layouts", () => {
  it("has one per document; the long documents get a table of contents and numbered headings", () => {
    expect(Object.keys(DOCUMENT_LAYOUTS).sort()).toEqual([...DOCUMENT_IDS].sort());
    expect(documentLayout("projet-sante")).toMatchObject({ titlePage: true, toc: true, headingNumbering: true });
    expect(documentLayout("lettre-intention")).toMatchObject({ titlePage: false, toc: false });
    expect(documentLayout("statuts").titlePage).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { ACI_DATA } from "../../src/domain/aci.js";
import {
  type DatedFact,
  checkDatedFacts,
  checkDocumentTexts,
  checkProjectDates,
  documentDates,
  rulesAt,
  textInForce,
  textsReliedOn,
  unestablishedTexts,
} from "../../src/domain/timeline.js";
import type { Project } from "../../src/project/types.js";

const NBSP = "\u00a0";
const codes = (findings: { code: string }[]): string[] => findings.map((f) => f.code);

describe("rulesAt: socle missions", () => {
  it.each<[string, number | null, string[], boolean]>([
    ["2019-08-24", null, [], true],
    ["2019-08-25", 3, ["ACCES", "PARCOURS", "PREVENTION"], true],
    ["2022-03-30", 3, ["ACCES", "PARCOURS", "PREVENTION"], true],
    ["2022-03-31", 4, ["ACCES", "PARCOURS", "PREVENTION", "CRISE"], false],
    ["2022-09-02", 4, ["ACCES", "PARCOURS", "PREVENTION", "CRISE"], false],
    ["2022-09-03", 4, ["ACCES", "PARCOURS", "PREVENTION", "CRISE"], true],
    ["2026-01-01", 4, ["ACCES", "PARCOURS", "PREVENTION", "CRISE"], true],
  ])("on %s: %s socle missions (certain: %s)", (date, nombre, list, certain) => {
    const m = rulesAt(date).missions_socles;
    expect(m.nombre).toBe(nombre);
    expect(m.codes).toEqual(list);
    expect(m.certain).toBe(certain);
  });

  it("says why there are none before the ACI, and why the crisis mission is doubtful in 2022", () => {
    expect(rulesAt("2018-06-01").missions_socles.note).toMatch(/pas de missions socles/);
    expect(rulesAt("2022-05-01").missions_socles.note).toMatch(/3 septembre 2022/);
  });
});

describe("rulesAt: validation of the projet de santé", () => {
  it("is an explicit decision of the ARS before the loi du 24 juillet 2019", () => {
    const v = rulesAt("2019-07-23").validation_projet_sante;
    expect(v.mode).toBe("decision");
    expect(v.delai_mois).toBeNull();
    expect(v.texte).toContain("la loi du 24 juillet 2019");
  });

  it("is tacit after two months from that law, with the law’s date as an estimate of its entry into force", () => {
    const v = rulesAt("2019-07-24").validation_projet_sante;
    expect(v).toMatchObject({ mode: "tacite", delai_mois: 2, depuis: "LOI_2019_774", date_effet_estimee: true });
    expect(v.texte).toMatch(/réputé validé/);
  });
});

describe("rulesAt: ACI version, texts, start-up payment", () => {
  it.each<[string, string | null]>([
    ["2019-08-24", null],
    ["2019-08-25", "ACI_2019"],
    ["2022-03-30", "ACI_2019"],
    ["2022-03-31", "AVENANT_2"],
  ])("on %s the ACI amounts are those of %s", (date, version) => {
    const aci = rulesAt(date).aci;
    expect(aci.version).toBe(version);
    // A link to aci.json, not a copy: the label is that version's own.
    if (version !== null) expect(aci.libelle).toBe(ACI_DATA.raw.versions.find((v) => v.code === version)!.libelle);
  });

  it("lists a signed text as pending until it applies", () => {
    const jan2022 = rulesAt("2022-01-15");
    expect(jan2022.textes_signes_pas_encore_appliques.map((t) => t.code)).toEqual(["AVENANT_2"]);
    expect(jan2022.textes.map((t) => t.code)).not.toContain("AVENANT_2");
    expect(rulesAt("2019-07-01").textes_signes_pas_encore_appliques.map((t) => t.code)).toEqual(["ACI_2019"]);
    expect(rulesAt("2016-01-25").textes.map((t) => t.code)).not.toContain("LOI_2016_41");
    expect(rulesAt("2016-01-26").textes.map((t) => t.code)).toContain("LOI_2016_41");
  });

  it("never applies the avenant 1, whose existence is not established", () => {
    expect(unestablishedTexts().map((t) => t.code)).toEqual(["AVENANT_1"]);
    expect(rulesAt("2026-01-01").textes.map((t) => t.code)).not.toContain("AVENANT_1");
  });

  it("has the start-up payment at the validation of the lettre d’intention only from the avenant 2", () => {
    const before = rulesAt("2022-03-30", { taille: "T1" }).demarrage_lettre_intention;
    expect(before).toMatchObject({ existe: false, version: null, montant: null });
    expect(before.note).toMatch(/avenant 2/);
    const after = rulesAt("2022-03-31", { taille: "T1" }).demarrage_lettre_intention;
    expect(after.existe).toBe(true);
    expect(after.version).toBe("AVENANT_2");
    expect(after.montant).toEqual(ACI_DATA.demarrageLettreIntention("T1"));
    expect(after.montant?.montant).toBe(15_000);
    expect(rulesAt("2024-01-01", { taille: "T3" }).demarrage_lettre_intention.montant?.confiance).toBe("incertain");
    expect(rulesAt("2024-01-01").demarrage_lettre_intention.montant).toBeNull();
  });

  it("rejects an impossible date", () => {
    expect(() => rulesAt("2024-02-30")).toThrow(RangeError);
    expect(() => rulesAt("01/03/2024")).toThrow(RangeError);
  });
});

describe("rulesAt: indemnities of members", () => {
  it("has no legal basis before the ordonnance of 12 May 2021", () => {
    const i = rulesAt("2021-05-11").indemnisation;
    expect(i).toMatchObject({ possible: false, conditions_fixees: false, plafond: null });
    expect(i.note).toContain("l’ordonnance du 12 mai 2021");
  });

  it("is possible without a cap between the ordonnance and the décret of 16 March 2022", () => {
    const i = rulesAt("2021-12-01").indemnisation;
    expect(i).toMatchObject({ possible: true, conditions_fixees: false, plafond: null, textes: ["ORDONNANCE_2021_584"] });
    expect(i.condition).toMatch(/projet de santé de la CPTS est validé/);
  });

  it("is capped by the plafond annuel de la sécurité sociale, known for 2023 only", () => {
    const y2023 = rulesAt("2023-06-15").indemnisation.plafond;
    expect(y2023).toMatchObject({ annee: 2023, montant: 43_992 });
    expect(y2023?.regle).toMatch(/chaque professionnel et chaque année civile/);
    const y2024 = rulesAt("2024-06-15").indemnisation.plafond;
    expect(y2024?.montant).toBeNull();
    expect(y2024?.note).toMatch(/2024 n’est pas dans les sources/);
  });
});

describe("textInForce", () => {
  it("takes an ACI text’s date from its aci.json version", () => {
    expect(textInForce("ACI_2019")).toMatchObject({ date_effet: "2019-08-25", date_effet_estimee: false });
    expect(textInForce("AVENANT_2")).toMatchObject({ date_effet: "2022-03-31", date_effet_estimee: true });
  });

  it("falls back on the signature date and says so when the sources give no entry into force", () => {
    expect(textInForce("DECRET_2022_375")).toMatchObject({ date_effet: "2022-03-16", date_effet_estimee: true });
    expect(textInForce("CODE_CIVIL_LOCAL").date_effet).toBeNull();
  });
});

describe("checkDatedFacts", () => {
  const fact = (event: DatedFact["event"], date: string, mode?: DatedFact["mode"]): DatedFact => ({
    event,
    date,
    path: `calendrier.${event}`,
    ...(mode ? { mode } : {}),
  });

  it("finds nothing in a timeline told in order", () => {
    const facts = [
      fact("ag_constitutive", "2022-01-10"),
      fact("declaration_association", "2022-01-20"),
      fact("lettre_intention", "2022-02-01"),
      fact("envoi_lettre_intention", "2022-02-02"),
      fact("validation_lettre_intention", "2022-04-01"),
      fact("depot_projet_sante", "2023-01-05"),
      fact("reception_projet_sante", "2023-01-10"),
      fact("validation_projet_sante", "2023-03-10", "tacite"),
      fact("signature_aci", "2023-06-01"),
    ];
    expect(checkDatedFacts(facts)).toEqual([]);
  });

  it("reports a lettre d’intention sent after the projet de santé", () => {
    const found = checkDatedFacts([fact("envoi_lettre_intention", "2024-05-01"), fact("depot_projet_sante", "2024-03-01")]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "erreur", path: "calendrier.depot_projet_sante", code: "dates.ordre.envoi_lettre_intention.depot_projet_sante" });
    expect(found[0]!.message).toBe(
      `L’envoi du projet de santé à l’ARS (1er\u00a0mars 2024) a lieu avant l’envoi de la lettre d’intention (1er\u00a0mai 2024)${NBSP}: ` +
        "la lettre d’intention ouvre la démarche ; le projet de santé vient après. Corrigez l’une des deux dates (calendrier.depot_projet_sante ou calendrier.envoi_lettre_intention).".replace(" ;", `${NBSP};`),
    );
  });

  it("reports an extraordinary assembly before the association existed", () => {
    const found = checkDatedFacts([fact("creation_association", "2020-01-01"), fact("ag_extraordinaire", "2019-06-01")]);
    expect(codes(found)).toEqual(["dates.ordre.creation_association.ag_extraordinaire"]);
    expect(found[0]!.severity).toBe("erreur");
  });

  it("reports a contract signed before the validation of the projet de santé", () => {
    const found = checkDatedFacts([fact("validation_projet_sante", "2024-05-01", "decision"), fact("signature_aci", "2024-04-01")]);
    expect(codes(found)).toEqual(["dates.ordre.validation_projet_sante.signature_aci"]);
  });

  it("reports through undated steps, and only between neighbouring dated steps", () => {
    const skipped = checkDatedFacts([fact("envoi_lettre_intention", "2024-05-01"), fact("signature_aci", "2024-01-01")]);
    expect(codes(skipped)).toEqual(["dates.ordre.envoi_lettre_intention.signature_aci"]);
    expect(skipped[0]!.severity).toBe("erreur");
    expect(skipped[0]!.message).toContain("ces étapes se suivent dans cet ordre");
    const chain = checkDatedFacts([fact("envoi_lettre_intention", "2020-01-01"), fact("depot_projet_sante", "2021-01-01"), fact("signature_aci", "2019-01-01")]);
    expect(codes(chain)).toEqual(["dates.ordre.depot_projet_sante.signature_aci"]);
  });

  it("accepts two steps on the same day", () => {
    expect(checkDatedFacts([fact("ag_constitutive", "2024-01-10"), fact("declaration_association", "2024-01-10")])).toEqual([]);
  });

  it("warns when one step has two different dates", () => {
    const found = checkDatedFacts([
      { event: "ag_constitutive", date: "2024-01-10", path: "association.ag_constitutive.date" },
      { event: "ag_constitutive", date: "2024-01-12", path: "calendrier.ag_constitutive" },
    ]);
    expect(found).toEqual([
      expect.objectContaining({ code: "dates.double", severity: "avertissement", path: "calendrier.ag_constitutive" }),
    ]);
  });

  it("refuses a tacit validation before the law that created it", () => {
    const found = checkDatedFacts([fact("reception_projet_sante", "2018-03-14"), fact("validation_projet_sante", "2018-05-14", "tacite")]);
    expect(found).toEqual([expect.objectContaining({ code: "dates.validation-tacite-inexistante", severity: "erreur" })]);
    expect(found[0]!.message).toContain("la loi du 24 juillet 2019");
  });

  it("places a tacit validation two months after the receipt", () => {
    const found = checkDatedFacts([fact("reception_projet_sante", "2023-01-10"), fact("validation_projet_sante", "2023-03-01", "tacite")]);
    expect(codes(found)).toEqual(["dates.validation-tacite-date"]);
    expect(found[0]!.message).toContain("soit le 10\u00a0mars 2023");
    expect(checkDatedFacts([fact("reception_projet_sante", "2023-12-31"), fact("validation_projet_sante", "2024-02-29", "tacite")])).toEqual([]);
  });

  it("warns when the contract is signed before the projet de santé could be deemed validated", () => {
    const found = checkDatedFacts([fact("reception_projet_sante", "2023-01-10"), fact("signature_aci", "2023-02-15")]);
    expect(found).toEqual([expect.objectContaining({ code: "dates.signature-avant-validation-tacite", severity: "avertissement" })]);
    expect(checkDatedFacts([fact("reception_projet_sante", "2023-01-10"), fact("signature_aci", "2023-03-10")])).toEqual([]);
  });

  it("leaves invalid dates to the schema", () => {
    expect(checkDatedFacts([fact("envoi_lettre_intention", "2024-02-30"), fact("depot_projet_sante", "2024-01-01")])).toEqual([]);
  });
});

describe("checkDocumentTexts", () => {
  const doc = { document: "projet-sante", libelle: "le projet de santé", path: "calendrier.depot_projet_sante" };

  it("warns when a document relies on a text that did not exist yet, with French dates", () => {
    const found = checkDocumentTexts({ ...doc, date: "2018-03-12", textes: ["LOI_2016_41", "ACI_2019"] });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "avertissement", code: "dates.texte-pas-en-vigueur.projet-sante.ACI_2019" });
    expect(found[0]!.message).toBe(
      `Le projet de santé est daté du 12\u00a0mars 2018 mais s’appuie sur l’accord conventionnel interprofessionnel du 20 juin 2019, ` +
        `qui n’existait pas encore (entrée en vigueur${NBSP}: 25\u00a0août 2019)${NBSP}: corrigez la date du document ou ce qu’il contient.`,
    );
  });

  it("is a warning to rely on a text signed but not applicable yet", () => {
    const found = checkDocumentTexts({ ...doc, date: "2022-01-10", textes: ["AVENANT_2"] });
    expect(found).toEqual([expect.objectContaining({ severity: "avertissement" })]);
    expect(found[0]!.message).toContain("signé le 20\u00a0décembre 2021");
    expect(checkDocumentTexts({ ...doc, date: "2022-03-31", textes: ["AVENANT_2"] })).toEqual([]);
  });

  it("agrees with the document’s gender and number", () => {
    const found = checkDocumentTexts({ document: "statuts", libelle: "les statuts", accord: "pluriel", path: "p", date: "2015-01-01", textes: ["LOI_2016_41"] });
    expect(found[0]!.message).toMatch(/^Les statuts sont datés du 1er\u00a0janvier 2015 mais s’appuient sur la loi du 26 janvier 2016/);
  });
});

describe("reading a project", () => {
  const project = (extra: Partial<Project>): Project => ({ version: 2, cpts: { nom: "CPTS du Val" }, ...extra });

  it("knows which texts each document relies on; the statuts cite the legal form of a CPTS only once it exists", () => {
    const moselle = project({
      association: { siege: { adresse: "1 rue Haute", code_postal: "57000", commune: "Metz" }, indemnisation_membres: true },
      missions: [{ code: "ACCES" }, { code: "CRISE" }],
    });
    expect(textsReliedOn(moselle, "statuts", "2024-01-01")).toEqual(["CODE_CIVIL_LOCAL", "LOI_2016_41", "ORDONNANCE_2021_584", "DECRET_2022_375"]);
    expect(textsReliedOn(moselle, "projet-sante")).toEqual(["LOI_2016_41", "ORDONNANCE_2021_584", "ACI_2019", "AVENANT_2"]);
    expect(textsReliedOn(moselle, "demande-inscription")).toEqual(["CODE_CIVIL_LOCAL"]);
    const dordogne = project({ association: { siege: { adresse: "1 rue Haute", code_postal: "24100", commune: "Bergerac" } } });
    expect(textsReliedOn(dordogne, "statuts", "2024-01-01")).toEqual(["LOI_1901", "DECRET_1901", "LOI_2016_41", "ORDONNANCE_2021_584"]);
    expect(textsReliedOn(dordogne, "statuts", "2017-04-27")).toEqual(["LOI_1901", "DECRET_1901", "LOI_2016_41"]);
    expect(textsReliedOn(dordogne, "lettre-intention")).toEqual(["LOI_2016_41"]);
  });

  it("dates each document with its own meeting or step first, then documents.date, following the founding path", () => {
    const p = project({
      lettre_intention: { date: "2023-02-01" },
      association: { ag_constitutive: { date: "2023-05-10" }, conseil_administration: { premiere_reunion: { date: "2023-05-10" } } },
      calendrier: { declaration_association: "2023-05-20" },
      documents: { date: "2024-01-01" },
    });
    expect(documentDates(p)).toEqual([
      { document: "diagnostic", date: "2024-01-01", path: "documents.date" },
      { document: "lettre-intention", date: "2023-02-01", path: "lettre_intention.date" },
      { document: "statuts", date: "2023-05-10", path: "association.ag_constitutive.date" },
      { document: "pv-ag-constitutive", date: "2023-05-10", path: "association.ag_constitutive.date" },
      { document: "pv-conseil-administration", date: "2023-05-10", path: "association.conseil_administration.premiere_reunion.date" },
      { document: "liste-dirigeants", date: "2023-05-10", path: "association.conseil_administration.premiere_reunion.date" },
      { document: "declaration", date: "2023-05-20", path: "calendrier.declaration_association" },
      { document: "projet-sante", date: "2024-01-01", path: "documents.date" },
    ]);
    const existing = project({
      association: { parcours: "existante", ag_extraordinaire: { date: "2017-04-27" } },
      calendrier: { declaration_modification: "2017-05-11" },
    });
    expect(documentDates(existing).map((d) => [d.document, d.date])).toEqual([
      ["statuts", "2017-04-27"],
      ["pv-ag-extraordinaire", "2017-04-27"],
      ["declaration", "2017-05-11"],
    ]);
  });

  it("finds an extraordinary assembly before the association existed, and modifications declared late", () => {
    const p = project({
      cpts: { nom: "X", date_creation: "2014-06-10" },
      association: { parcours: "existante", ag_extraordinaire: { date: "2014-01-10" } },
      calendrier: { declaration_modification: "2014-06-20" },
    });
    expect(codes(checkProjectDates(p))).toEqual(expect.arrayContaining(["dates.ordre.creation_association.ag_extraordinaire", "dates.declaration-modification-tardive"]));
    const late = checkProjectDates(project({ association: { parcours: "existante", ag_extraordinaire: { date: "2017-04-27" } }, calendrier: { declaration_modification: "2017-08-01" } }));
    expect(late.find((f) => f.code === "dates.declaration-modification-tardive")!.message).toContain("au plus tard le 27\u00a0juillet 2017");
    // Three months from 27 April end on 27 July: declared that day, the modifications are on time.
    const lastDay = checkProjectDates(project({ association: { parcours: "existante", ag_extraordinaire: { date: "2017-04-27" } }, calendrier: { declaration_modification: "2017-07-27" } }));
    expect(codes(lastDay)).not.toContain("dates.declaration-modification-tardive");
  });

  it("does not hold an association of droit local to the three months of the loi de 1901", () => {
    const local = checkProjectDates(
      project({
        association: { parcours: "existante", siege: { adresse: "6 rue du Général Leclerc", code_postal: "67700", commune: "Saverne" }, ag_extraordinaire: { date: "2017-04-27" } },
        calendrier: { declaration_modification: "2017-09-01" },
      }),
    );
    expect(codes(local)).not.toContain("dates.declaration-modification-tardive");
  });

  it("finds a conseil that elects the bureau before the assembly that elected it", () => {
    const p = project({ association: { ag_constitutive: { date: "2024-03-10" }, conseil_administration: { premiere_reunion: { date: "2024-03-09" } } } });
    expect(codes(checkProjectDates(p))).toContain("dates.ordre.ag_constitutive.reunion_conseil");
  });

  it("refuses a tacit validation of the projet de santé in 2018, read from the project file", () => {
    const p = project({ calendrier: { reception_projet_sante: "2018-03-14", validation_projet_sante: { date: "2018-05-14", mode: "tacite" } } });
    expect(codes(checkProjectDates(p))).toContain("dates.validation-tacite-inexistante");
    const decision = project({ calendrier: { reception_projet_sante: "2018-03-14", validation_projet_sante: { date: "2018-06-28", mode: "decision" } } });
    expect(codes(checkProjectDates(decision))).toEqual([]);
  });

  it("finds a lettre d’intention that announces ACI missions before the ACI, and steps out of order", () => {
    const p = project({
      missions: [{ code: "ACCES" }],
      lettre_intention: { date: "2017-06-19" },
      calendrier: { envoi_lettre_intention: "2017-06-19", depot_projet_sante: "2017-05-01" },
    });
    const found = checkProjectDates(p);
    expect(codes(found)).toEqual(
      expect.arrayContaining(["dates.ordre.envoi_lettre_intention.depot_projet_sante", "dates.texte-pas-en-vigueur.lettre-intention.ACI_2019"]),
    );
  });
});

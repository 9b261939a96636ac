import { describe, expect, it } from "vitest";
import { readiness, type TerritoryFacts } from "../../src/domain/readiness.js";
import type { Project } from "../../src/project/types.js";

const TERRITORY: TerritoryFacts = { resolved: true, communes: 38, population: 64000 };
const base = (): Project => ({ version: 2, cpts: { nom: "CPTS du Val" } });

function messages(project: Project, document: string, territory = TERRITORY): string[] {
  return readiness(project, territory)
    .find((r) => r.document === document)!
    .findings.map((f) => `${f.severity}|${f.path}|${f.message}`);
}

describe("readiness of the documents", () => {
  it("lists what an empty project lacks for each document, and nothing is ready", () => {
    const all = readiness(base(), { resolved: false, communes: 0 });
    expect(all.map((r) => r.document)).toEqual([
      "diagnostic",
      "lettre-intention",
      "statuts",
      "pv-ag-constitutive",
      "pv-conseil-administration",
      "liste-dirigeants",
      "declaration",
      "projet-sante",
    ]);
    expect(all.every((r) => r.etat !== "pret")).toBe(true);
    for (const r of all) for (const f of r.findings) expect(f.document).toBe(r.document);
  });

  it.each([
    ["PREVENTION", "erreur|missions|projet de santé\u00a0: la mission socle PREVENTION (prévention) n’est pas retenue"],
    ["CRISE", "erreur|missions|projet de santé\u00a0: la mission socle CRISE (réponse aux crises sanitaires graves) n’est pas retenue"],
  ])("requires the socle mission %s before the projet de santé", (code, expected) => {
    const p = base();
    p.missions = [{ code: "ACCES", actions: [{ intitule: "A" }] }];
    expect(messages(p, "projet-sante")).toContain(expected);
  });

  it("says a socle mission has no action", () => {
    const p = base();
    p.missions = [{ code: "PREVENTION" }];
    expect(messages(p, "projet-sante")).toContain("erreur|missions[0].actions|projet de santé\u00a0: la mission socle PREVENTION n’a aucune action");
  });

  it.each([
    ["57", "Metz", 3, true],
    ["67", "Strasbourg", 7, false],
    ["68", "Colmar", 0, true],
    ["24", "Bergerac", 0, false],
  ])("asks for seven founders in Alsace-Moselle only (siège %s)", (dep, commune, founders, expected) => {
    const p = base();
    p.association = {
      siege: { adresse: "1 rue de la Paix", code_postal: `${dep}000`, commune },
      fondateurs: Array.from({ length: founders }, (_, i) => ({ prenom: "P", nom: `N${i}` })),
    };
    const found = messages(p, "statuts").find((m) => m.includes("7 membres fondateurs"));
    expect(Boolean(found)).toBe(expected);
    if (expected) expect(found).toContain(`(${founders}\u00a0déclaré${founders > 1 ? "s" : ""})`);
  });

  it("needs at least two dirigeants to declare the association", () => {
    const p = base();
    p.association = { dirigeants: [{ prenom: "A", nom: "B", fonction: "president" }] };
    expect(messages(p, "statuts").some((m) => m.includes("au moins 2 dirigeants") && m.includes("(1\u00a0déclaré)"))).toBe(true);
  });

  it("asks birth date and place of dirigeants only under droit local", () => {
    const p = base();
    const dirigeant = { prenom: "Anne", nom: "Klein", fonction: "president" as const, adresse: "1 rue", commune: "Metz", profession: "infirmier" as const, nationalite: "française" };
    p.association = { dirigeants: [dirigeant, { ...dirigeant, prenom: "Paul" }], siege: { adresse: "1 rue", code_postal: "57000", commune: "Metz" } };
    expect(messages(p, "liste-dirigeants").filter((m) => m.includes("date de naissance"))).toHaveLength(2);
    p.association.siege = { adresse: "1 rue", code_postal: "24100", commune: "Bergerac" };
    expect(messages(p, "liste-dirigeants").filter((m) => m.includes("date de naissance"))).toHaveLength(0);
  });

  it("warns when all porteurs share one profession, and requires one main contact", () => {
    const p = base();
    p.porteurs = [
      { prenom: "A", nom: "B", profession: "infirmier" },
      { prenom: "C", nom: "D", profession: "infirmier" },
    ];
    const m = messages(p, "lettre-intention");
    expect(m.some((x) => x.startsWith("avertissement|porteurs|") && x.includes("même profession"))).toBe(true);
    expect(m.some((x) => x.startsWith("erreur|porteurs|") && x.includes("aucun interlocuteur principal"))).toBe(true);
    p.porteurs[0]!.interlocuteur_principal = true;
    p.porteurs[1]!.interlocuteur_principal = true;
    expect(messages(p, "lettre-intention").some((x) => x.includes("2 interlocuteurs principaux"))).toBe(true);
  });

  it("flags an action that starts after the ACI deadline of its mission", () => {
    const p = base();
    p.calendrier = { signature_aci: "2026-01-31" };
    p.missions = [{ code: "ACCES", actions: [{ intitule: "Annuaire", calendrier: { debut: "2026-08-01" } }] }];
    expect(messages(p, "projet-sante").some((m) => m.includes("après le délai de démarrage") && m.includes("31\u00a0juillet 2026"))).toBe(true);
    p.missions[0]!.actions![0]!.calendrier!.debut = "2026-07-31";
    expect(messages(p, "projet-sante").some((m) => m.includes("après le délai de démarrage"))).toBe(false);
  });
});

describe("readiness reads what a socle mission is expected to contain", () => {
  const finding = (p: Project, code: string) =>
    readiness(p, TERRITORY)
      .find((r) => r.document === "projet-sante")!
      .findings.filter((f) => f.code === `pret.projet-sante.${code}`);

  it("blocks an accès mission whose actions declare neither médecin traitant nor soins non programmés", () => {
    const p = base();
    p.missions = [{ code: "ACCES", actions: [{ intitule: "Plateforme de photographies", composantes: [] }] }];
    const snp = finding(p, "composante.ACCES.soins-non-programmes");
    expect(snp).toHaveLength(1);
    expect(snp[0]).toMatchObject({ severity: "erreur", path: "missions[0].actions" });
    expect(snp[0]!.message).toContain("projet de santé, accès aux soins\u00a0: aucune action sur les soins non programmés");
    expect(finding(p, "composante.ACCES.medecin-traitant")).toHaveLength(1);
    p.missions[0]!.actions![0]!.composantes = ["medecin-traitant", "soins-non-programmes"];
    expect(finding(p, "composante.ACCES.soins-non-programmes")).toEqual([]);
  });

  it("warns, without blocking, when the coverage is read from the actions' text", () => {
    const p = base();
    p.missions = [{ code: "ACCES", actions: [{ intitule: "Trouver un médecin traitant aux patients en ALD" }] }];
    expect(finding(p, "composante.ACCES.medecin-traitant")).toEqual([]);
    expect(finding(p, "composante.ACCES.soins-non-programmes")[0]?.severity).toBe("avertissement");
  });

  it("refuses a component of another mission", () => {
    const p = base();
    p.missions = [{ code: "ACCES", actions: [{ intitule: "Plan", composantes: ["plan-crise"] }] }];
    const [f] = finding(p, "composante-hors-mission");
    expect(f).toMatchObject({ severity: "erreur", path: "missions[0].actions[0].composantes[0]" });
    expect(f!.message).toContain("qui relève de la mission «\u00a0Réponse aux crises sanitaires graves\u00a0»");
  });

  it("names what an indicator lacks among baseline, source, target and date", () => {
    const p = base();
    p.missions = [{ code: "PREVENTION", actions: [{ intitule: "Dépistage", indicateurs: [{ libelle: "Taux de participation", cible: "35 %" }] }] }];
    const [f] = finding(p, "indicateur-incomplet");
    expect(f).toMatchObject({ severity: "avertissement", path: "missions[0].actions[0].indicateurs[0].valeur_initiale" });
    expect(f!.message).toContain("ne donne ni sa valeur initiale, ni sa source, ni son échéance");
  });

  it("counts the socle missions of the projet de santé's date: three before avenant 2", () => {
    const p = base();
    p.missions = [{ code: "ACCES", actions: [{ intitule: "A" }] }];
    p.calendrier = { depot_projet_sante: "2021-06-01" };
    expect(finding(p, "socle-CRISE")).toEqual([]);
    expect(finding(p, "socle-PREVENTION")).toHaveLength(1);
    p.calendrier = { depot_projet_sante: "2023-06-01" };
    expect(finding(p, "socle-CRISE")).toHaveLength(1);
  });

  it("asks that a jalon dating the validation become the ARS decision field", () => {
    const p = base();
    p.calendrier = { jalons: [{ libelle: "Validation du projet de santé par l’ARS", date: "2024-01-10" }] };
    expect(finding(p, "jalon-validation")[0]?.path).toBe("calendrier.jalons[0]");
  });

  it("blocks a territory that overlaps a neighbouring CPTS, one of the ARS's two grounds for opposing", () => {
    const p = base();
    p.territoire = { cpts_voisines: [{ nom: "CPTS du Val voisin", chevauchement: true }] };
    const [f] = finding(p, "territoire.chevauchement");
    expect(f?.severity).toBe("erreur");
    expect(f!.message).toContain("article L1434-12");
  });
});

describe("readiness of the diagnostic as an ARS reviewer reads it", () => {
  const findings = (p: Project, t: TerritoryFacts = TERRITORY) => readiness(p, t).find((r) => r.document === "diagnostic")!.findings;

  it("says when the figures are years apart and when densities mix years", () => {
    const p = base();
    p.diagnostic = {
      indicateurs: [{ libelle: "Part des 75 ans et plus", valeur: 12, annee: 2016, source: "INSEE" }],
      effectifs: [{ profession: "infirmier", nombre: 10 }],
      effectifs_annee: 2017,
    };
    const codes = findings(p, { ...TERRITORY, populationYear: 2023 }).map((f) => f.code);
    expect(codes).toContain("pret.diagnostic.diagnostic.annees-ecartees");
    expect(codes).toContain("pret.diagnostic.diagnostic.densites-annees");
    p.diagnostic.indicateurs![0]!.annee = 2022;
    p.diagnostic.effectifs_annee = 2022;
    const near = findings(p, { ...TERRITORY, populationYear: 2023 }).map((f) => f.code);
    expect(near).not.toContain("pret.diagnostic.diagnostic.annees-ecartees");
    expect(near).not.toContain("pret.diagnostic.diagnostic.densites-annees");
  });

  it("asks for patients without médecin traitant by category, soins non programmés and the ARS zonage, and checks the zonage's communes", () => {
    const p = base();
    const codes = () => findings(p, { ...TERRITORY, codes: ["24037"] }).map((f) => f.code);
    expect(codes()).toEqual(expect.arrayContaining(["pret.diagnostic.diagnostic.sans-medecin-traitant", "pret.diagnostic.diagnostic.soins-non-programmes", "pret.diagnostic.diagnostic.zonage"]));
    p.diagnostic = { zonage_medecins: { source: "arrêté", zip: ["24037", "73065"] } };
    expect(findings(p, { ...TERRITORY, codes: ["24037"] }).filter((f) => f.code === "pret.diagnostic.diagnostic.zonage-hors-territoire").map((f) => f.path)).toEqual([
      "diagnostic.zonage_medecins.zip[1]",
    ]);
  });

  it("reminds that example figures are illustrations to replace", () => {
    const p = base();
    p.diagnostic = { indicateurs: [{ libelle: "A", valeur: 1, annee: 2024, source: "S", exemple: true }] };
    expect(findings(p).find((f) => f.code === "pret.diagnostic.diagnostic.donnees-exemple")?.message).toContain("1 donnée du diagnostic est une illustration");
  });
});

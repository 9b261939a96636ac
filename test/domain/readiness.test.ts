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
    expect(messages(p, "projet-sante").some((m) => m.includes("après le délai de démarrage") && m.includes("31 juillet 2026"))).toBe(true);
    p.missions[0]!.actions![0]!.calendrier!.debut = "2026-07-31";
    expect(messages(p, "projet-sante").some((m) => m.includes("après le délai de démarrage"))).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import professionsJson from "../../src/domain/data/professions.json" with { type: "json" };
import titlesJson from "../../src/domain/data/titles.json" with { type: "json" };
import {
  FONCTION_CODES,
  ROLE_CODES,
  ansLabel,
  civiliteLongue,
  fonctionLabel,
  genderFinding,
  genreOf,
  groupGenre,
  personName,
  professionForm,
  roleLabel,
  titleLabel,
  withDefiniteArticle,
} from "../../src/domain/gender.js";
import { professionLabel } from "../../src/domain/professions.js";

const NBSP = "\u00a0";
/** Words that are the same for a man and a woman. */
const EPICENE = new Set(["secrétaire", "secrétaires", "titulaire", "titulaires", "signataire", "signataires", "secrétaire de séance", "secrétaires de séance"]);

describe("the table of professions", () => {
  it("gives every profession both forms, singular and plural", () => {
    for (const p of professionsJson.professions) {
      for (const key of ["libelle", "libelle_feminin", "libelle_pluriel", "libelle_pluriel_feminin"] as const) {
        expect(typeof p[key], `${p.code}.${key}`).toBe("string");
        expect(p[key].trim().length, `${p.code}.${key}`).toBeGreaterThan(0);
      }
    }
  });

  it("keeps the ANS label of every profession that has an ANS code", () => {
    for (const p of professionsJson.professions) {
      expect(p.libelle_ans === null, p.code).toBe(p.code_ans === null);
    }
    expect(ansLabel("masseur_kinesitherapeute")).toBe("Masseur-Kinésithérapeute");
    expect(ansLabel("sage_femme")).toBe("Sage-Femme");
    expect(ansLabel("biologiste")).toBeNull();
  });

  it.each<[string, string, string, string]>([
    ["infirmier", "Infirmier", "Infirmière", "Infirmières"],
    ["pharmacien", "Pharmacien", "Pharmacienne", "Pharmaciennes"],
    ["masseur_kinesitherapeute", "Masseur-kinésithérapeute", "Masseuse-kinésithérapeute", "Masseuses-kinésithérapeutes"],
    ["sage_femme", "Sage-femme", "Sage-femme", "Sages-femmes"],
    ["chirurgien_dentiste", "Chirurgien-dentiste", "Chirurgienne-dentiste", "Chirurgiennes-dentistes"],
    ["manipulateur_erm", "Manipulateur d’électroradiologie médicale", "Manipulatrice d’électroradiologie médicale", "Manipulatrices d’électroradiologie médicale"],
  ])("%s: %s / %s / %s", (code, masculine, feminine, femininePlural) => {
    expect(professionForm(code, "masculin")).toBe(masculine);
    expect(professionForm(code, "feminin")).toBe(feminine);
    expect(professionForm(code, ["feminin", "feminin"])).toBe(femininePlural);
  });

  it("agrees with the existing professionLabel for one person and for a mixed group", () => {
    for (const p of professionsJson.professions) {
      expect(professionForm(p.code, "feminin")).toBe(professionLabel(p.code, 1, "Mme"));
      expect(professionForm(p.code, null)).toBe(professionLabel(p.code, 1));
      expect(professionForm(p.code, ["feminin", "masculin"])).toBe(professionLabel(p.code, 2));
    }
  });

  it("writes a profession in running text with its article", () => {
    expect(professionForm("infirmier", "feminin", { minuscule: true, article: true })).toBe("l’infirmière");
    expect(professionForm("pharmacien", "feminin", { minuscule: true, article: true })).toBe("la pharmacienne");
    expect(professionForm("pharmacien", ["masculin", null], { minuscule: true, article: true })).toBe("les pharmaciens");
    expect(professionForm("manipulateur_erm", "masculin", { minuscule: true })).toBe("manipulateur d’électroradiologie médicale");
    expect(professionForm("inconnue", "feminin")).toBe("inconnue");
  });
});

describe("functions and roles", () => {
  it.each<[string, string, string]>([
    ["president", "président", "présidente"],
    ["vice_president", "vice-président", "vice-présidente"],
    ["tresorier", "trésorier", "trésorière"],
    ["tresorier_adjoint", "trésorier adjoint", "trésorière adjointe"],
    ["secretaire", "secrétaire", "secrétaire"],
    ["secretaire_adjoint", "secrétaire adjoint", "secrétaire adjointe"],
    ["administrateur", "administrateur", "administratrice"],
  ])("%s: %s / %s", (code, masculine, feminine) => {
    expect(fonctionLabel(code, genreOf("M."))).toBe(masculine);
    expect(fonctionLabel(code, genreOf("Mme"))).toBe(feminine);
  });

  it("has a distinct feminine for every function and role that is not epicene", () => {
    for (const list of [titlesJson.fonctions, titlesJson.roles]) {
      for (const e of list) {
        if (EPICENE.has(e.masculin)) expect(e.feminin, e.code).toBe(e.masculin);
        else expect(e.feminin, e.code).not.toBe(e.masculin);
        if (EPICENE.has(e.pluriel_masculin)) expect(e.pluriel_feminin, e.code).toBe(e.pluriel_masculin);
        else expect(e.pluriel_feminin, e.code).not.toBe(e.pluriel_masculin);
      }
    }
  });

  it("takes the article the word asks for", () => {
    expect(fonctionLabel("president", "feminin", { article: true })).toBe("la présidente");
    expect(fonctionLabel("secretaire", "masculin", { article: true })).toBe("le secrétaire");
    expect(fonctionLabel("secretaire", "feminin", { article: true })).toBe("la secrétaire");
    expect(fonctionLabel("administrateur", "feminin", { article: true })).toBe("l’administratrice");
    expect(roleLabel("interlocuteur_principal", "feminin", { article: true })).toBe("l’interlocutrice principale");
    expect(roleLabel("interlocuteur_principal", "masculin", { article: true })).toBe("l’interlocuteur principal");
    expect(fonctionLabel("vice_president", ["feminin", "feminin"], { article: true })).toBe("les vice-présidentes");
  });

  it("writes a group in the feminine only when all are known women", () => {
    expect(fonctionLabel("vice_president", ["feminin", "feminin"])).toBe("vice-présidentes");
    expect(fonctionLabel("vice_president", ["feminin", "masculin"])).toBe("vice-présidents");
    expect(fonctionLabel("vice_president", ["feminin", null])).toBe("vice-présidents");
    expect(fonctionLabel("vice_president", ["feminin"])).toBe("vice-présidente");
    expect(groupGenre([])).toBeNull();
  });

  it("uses the masculine, the French default, when the civilité says no gender", () => {
    expect(genreOf("Dr")).toBeNull();
    expect(genreOf(undefined)).toBeNull();
    expect(fonctionLabel("tresorier", genreOf("Dr"))).toBe("trésorier");
  });

  it("rejects an unknown function or role", () => {
    expect(() => fonctionLabel("tresoriere", "feminin")).toThrow(RangeError);
    expect(() => roleLabel("chef", "masculin")).toThrow(RangeError);
  });

  it("decides the article from the first letter, which no word of the tables makes ambiguous", () => {
    const words = [
      ...[...titlesJson.fonctions, ...titlesJson.roles].flatMap((e) => [e.masculin, e.feminin]),
      ...professionsJson.professions.flatMap((p) => [p.libelle, p.libelle_feminin]),
    ];
    for (const w of words) expect(w, w).not.toMatch(/^h/i);
    expect(withDefiniteArticle("orthophoniste", "feminin")).toBe("l’orthophoniste");
    expect(FONCTION_CODES).toEqual(["president", "vice_president", "secretaire", "secretaire_adjoint", "tresorier", "tresorier_adjoint", "administrateur"]);
    expect(ROLE_CODES).toContain("interlocuteur_principal");
  });
});

describe("names and titles", () => {
  it("writes « le Dr » and « la Dre » in running text", () => {
    const nadia = { civilite: "Mme", titre: "Dr", prenom: "Nadia", nom: "Benhamou" };
    expect(personName(nadia)).toBe(`Dre${NBSP}Nadia Benhamou`);
    expect(personName(nadia, { enTexte: true })).toBe(`la Dre${NBSP}Nadia Benhamou`);
    const pierre = { civilite: "M.", titre: "Dr", prenom: "Pierre", nom: "Delmas" };
    expect(personName(pierre, { enTexte: true })).toBe(`le Dr${NBSP}Pierre Delmas`);
    expect(personName({ civilite: "Mme", titre: "Pr", prenom: "Anne", nom: "Roux" })).toBe(`Pre${NBSP}Anne Roux`);
  });

  it("reads today’s civilité « Dr » as a title of unknown gender", () => {
    expect(personName({ civilite: "Dr", prenom: "Pierre", nom: "Delmas" }, { enTexte: true })).toBe(`le Dr${NBSP}Pierre Delmas`);
  });

  it("writes « Mme » and « M. » without article, and nothing when the name is incomplete", () => {
    expect(personName({ civilite: "Mme", prenom: "Élodie", nom: "Castaing" }, { enTexte: true })).toBe(`Mme${NBSP}Élodie Castaing`);
    expect(personName({ civilite: "M.", prenom: "Jean", nom: "Roy" })).toBe(`M.${NBSP}Jean Roy`);
    expect(personName({ prenom: "Jean", nom: "Roy" })).toBe("Jean Roy");
    expect(personName({ civilite: "Mme", nom: "Roy" })).toBeUndefined();
  });

  it("gives long titles and salutations", () => {
    expect(titleLabel("Dr", "feminin", { long: true })).toBe("docteure");
    expect(titleLabel("Pr", "masculin", { long: true })).toBe("professeur");
    expect(civiliteLongue("Mme")).toBe("Madame");
    expect(civiliteLongue("Dr")).toBeUndefined();
  });

  it("warns when a person’s civilité says no gender", () => {
    expect(genderFinding({ civilite: "Mme", prenom: "A", nom: "B" }, "porteurs[0]")).toBeUndefined();
    const dr = genderFinding({ civilite: "Dr", prenom: "Nadia", nom: "Benhamou" }, "porteurs[1]");
    expect(dr).toMatchObject({ path: "porteurs[1].civilite", severity: "avertissement", code: "personnes.civilite-sans-genre" });
    expect(dr!.message).toContain(`«${NBSP}Dre${NBSP}»`);
    expect(genderFinding({ prenom: "Jean", nom: "Roy" }, "porteurs[2]")!.message).toMatch(/^Jean Roy/);
  });
});

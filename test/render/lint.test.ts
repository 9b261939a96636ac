import { mkdir, writeFile } from "node:fs/promises";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { createTemplateEnv, lintTemplate } from "../../src/render/templates.js";
import { tempDir } from "./support.js";

const MODEL = {
  nom: "CPTS du Bergeracois",
  territoire: { communes: [{ nom: "Bergerac", insee: "24037" }, { nom: "Lembras", insee: "24236", epci: "CAB" }], population: 64455 },
  porteurs: [{ nom: "Dupont", profession: "médecin", contacts: [{ type: "courriel", valeur: "a@b.fr" }] }],
  projet: { date_ag: null, missions: [] },
  options: { logo: true },
};

const where = (findings: { line?: number; column?: number; path: string; code: string }[]) =>
  findings.map((f) => `${f.line}:${f.column} ${f.code} ${f.path}`);

describe("template lint", () => {
  it("reports every unknown reference with its line and column, not only the first", () => {
    const source = ["# {{nom}}", "{{territoire.nombre}} et {{porteur.nom}}", "", "  {{#if projet.budget}}x{{/if}}"].join("\n");
    const findings = lintTemplate(source, "modeles/lettre.md.hbs", MODEL);
    expect(where(findings)).toEqual([
      "2:3 modele.champ-inconnu territoire.nombre",
      "2:28 modele.champ-inconnu porteur.nom",
      "4:9 modele.champ-inconnu projet.budget",
    ]);
    expect(findings[0]).toMatchObject({
      file: "modeles/lettre.md.hbs",
      severity: "erreur",
      message: "« territoire.nombre » n’existe pas dans le modèle de données",
    });
  });

  it("follows #each and #with contexts, this, ../, @index, @first, @last, @key and @root", () => {
    const source = [
      "{{#each territoire.communes}}",
      "{{@index}} {{#if @first}}premier{{/if}} {{#if @last}}dernier{{/if}} {{nom}} {{this.insee}} {{epci}} {{../nom}} {{@root.territoire.population}}",
      "{{#each ../porteurs}}{{nom}} {{../nom}} {{#each contacts}}{{valeur}} {{@key}}{{/each}}{{/each}}",
      "{{/each}}",
      "{{#with territoire}}{{population}} {{../nom}}{{/with}}",
      "{{#each porteurs as |p i|}}{{p.profession}} {{i}}{{/each}}",
      "{{#each options}}{{@key}} {{this}}{{/each}}",
      "{{#each projet.missions}}{{nimporte}}{{/each}}",
      "{{projet.date_ag.annee}}",
      "{{#if (eq nom \"x\")}}{{montant territoire.population}}{{/if}}",
    ].join("\n");
    expect(lintTemplate(source, "t.md.hbs", MODEL)).toEqual([]);
  });

  it("catches wrong scoping: a field of the parent used without ../, @index outside #each, ../ above the root", () => {
    const source = [
      "{{#each porteurs}}{{population}}{{/each}}",
      "{{@index}}",
      "{{../nom}}",
      "{{#each porteurs as |p|}}{{p.adresse}}{{/each}}",
      "{{@inconnu}}",
    ].join("\n");
    expect(where(lintTemplate(source, "t.md.hbs", MODEL))).toEqual([
      "1:21 modele.champ-inconnu population",
      "2:3 modele.variable-inconnue @index",
      "3:3 modele.champ-inconnu ../nom",
      "4:28 modele.champ-inconnu p.adresse",
      "5:3 modele.variable-inconnue @inconnu",
    ]);
  });

  it("reports unknown helpers, checks helper arguments and sub-expressions", () => {
    const source = "{{monnaie nom}} {{montant budget}} {{#if (gt territoire.habitants 3)}}x{{/if}} {{liste porteurs cle=\"nom\" manquant=absent}}";
    expect(where(lintTemplate(source, "t.md.hbs", MODEL))).toEqual([
      "1:3 modele.aide-inconnue monnaie",
      "1:27 modele.champ-inconnu budget",
      "1:46 modele.champ-inconnu territoire.habitants",
      "1:116 modele.champ-inconnu absent",
    ]);
  });

  it("lints partials in the context they are given, with the partial's own file, and reports unknown partials", async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, "partials"), { recursive: true });
    await writeFile(path.join(dir, "doc.md.hbs"), "{{#each porteurs}}{{> porteur}}{{/each}}\n{{> carte commune=territoire.communes.[0]}}\n{{> absent}}");
    await writeFile(path.join(dir, "partials", "porteur.md.hbs"), "- {{nom}}, {{profession}}, {{age}} ({{../nom}})");
    await writeFile(path.join(dir, "partials", "carte.md.hbs"), "{{commune.nom}} {{commune.code}}");
    const findings = createTemplateEnv([dir]).lint("doc", MODEL);
    expect(findings.map((f) => `${path.relative(dir, f.file!)}:${f.line}:${f.column} ${f.code} ${f.path}`)).toEqual([
      "partials/porteur.md.hbs:1:30 modele.champ-inconnu age",
      "partials/carte.md.hbs:1:19 modele.champ-inconnu commune.code",
      "doc.md.hbs:3:1 modele.partiel-introuvable absent",
    ]);
  });

  it("reports a syntax error as a finding with its position", () => {
    const [finding] = lintTemplate("ligne\n{{#if x}}", "t.md.hbs", MODEL);
    expect(finding).toMatchObject({ code: "modele.syntaxe", line: 2, file: "t.md.hbs" });
  });
});

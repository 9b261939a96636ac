/**
 * What the commands print for a person follows French typography: a no-break space before « : ; ? ! »
 * and inside « », whichever module wrote the message.
 */
import { copyFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLES, runCli, tempDir } from "../helpers.js";

const examples = readdirSync(EXAMPLES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
// An ordinary space before the punctuation, where French wants a no-break one.
const PLAIN_SPACE = /\S (?:[:;?!](?=\s|$)|»)|« /mu;

function offending(text: string): string[] {
  return text.split("\n").filter((line) => PLAIN_SPACE.test(line));
}

describe("French spacing in what the commands print", () => {
  it("holds for etat, valider --tout and financement --budget on every example", async () => {
    for (const example of examples) {
      const file = join(EXAMPLES, example, "cpts.yaml");
      for (const args of [["etat", file], ["valider", "--tout", file], ["financement", "--budget", file]]) {
        const r = await runCli(args);
        expect(offending(r.stdout), `${example}: ${args[0]}`).toEqual([]);
        expect(offending(r.stderr), `${example}: ${args[0]}`).toEqual([]);
      }
    }
  }, 120_000);

  it("holds for the error messages of a broken file", async () => {
    const dir = tempDir();
    const file = join(dir, "cpts.yaml");
    writeFileSync(file, "cpts:\n  nom: [CPTS\n");
    const r = await runCli(["valider", file]);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toMatch(/cpts\.yaml:3:1 indentation incorrecte/);
    expect(offending(r.stdout)).toEqual([]);
    expect(offending(r.stderr)).toEqual([]);
    const missing = await runCli(["etat", join(dir, "absent.yaml")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).not.toBe("");
    expect(offending(missing.stderr)).toEqual([]);
  });

  it("holds for generer --brouillon on every example: one line per document", async () => {
    for (const example of examples) {
      const r = await runCli(["generer", "--brouillon", "--sortie", tempDir(), join(EXAMPLES, example, "cpts.yaml")]);
      expect(r.stdout, example).toMatch(/\.docx \(créé/);
      if (example === "minimal") expect(r.stdout).toMatch(/statuts\.docx \(créé, brouillon\u00a0: \d+\u00a0éléments à compléter\u00a0; \d+\u00a0passages surlignés\)/);
      expect(offending(r.stdout), example).toEqual([]);
      expect(offending(r.stderr), example).toEqual([]);
    }
  }, 300_000);

  it("holds for diagnostic importer and diagnostic modele", async () => {
    const dir = tempDir();
    copyFileSync(join(EXAMPLES, "minimal", "cpts.yaml"), join(dir, "cpts.yaml"));
    writeFileSync(join(dir, "bad.csv"), "indicateur;valeur;unite;annee;source;territoire_de_reference\nA;un;%;2021;INSEE;\n");
    const bad = await runCli(["diagnostic", "importer", "bad.csv"], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bad\.csv:2 colonne valeur\u00a0: nombre attendu, trouvé «\u00a0un\u00a0»/);
    expect(offending(bad.stderr)).toEqual([]);
    writeFileSync(join(dir, "ok.csv"), "indicateur;valeur;unite;annee;source;territoire_de_reference\nTaux : test;1;%;2021;INSEE;\n");
    const ok = await runCli(["diagnostic", "importer", "ok.csv"], { cwd: dir });
    expect(ok.code).toBe(0);
    expect(ok.stdout).not.toBe("");
    expect(offending(ok.stdout)).toEqual([]);
    const model = await runCli(["diagnostic", "modele", "modele.csv"], { cwd: dir });
    expect(model.code).toBe(0);
    expect(model.stdout).toMatch(/Modèle écrit\u00a0: modele\.csv/);
    expect(offending(model.stdout)).toEqual([]);
  });

  it("leaves --json as it was: a user's text holding « : » and « ? » comes back with its own spaces", async () => {
    const dir = tempDir();
    const file = join(dir, "cpts.yaml");
    writeFileSync(file, 'version: 1\ncpts:\n  nom: CPTS du Val\nporteurs:\n  - profession: "kiné : soins ?"\n');
    const json = await runCli(["valider", "--json", file]);
    expect(json.code).toBe(1);
    const [finding] = JSON.parse(json.stdout).constats;
    expect(finding.message).toMatch(/^valeur « kiné : soins \? » inconnue ; valeurs possibles : medecin_generaliste, /);
    expect(json.stdout).not.toContain("\u00a0");
    // The same finding for a person on the terminal is spaced.
    const text = await runCli(["valider", file]);
    expect(text.stdout).toContain("valeur «\u00a0kiné\u00a0: soins\u00a0?\u00a0» inconnue\u00a0; valeurs possibles\u00a0: medecin_generaliste, ");
  });
});


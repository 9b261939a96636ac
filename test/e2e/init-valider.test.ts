import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLES, runCli, tempDir } from "../helpers.js";

const STACK = /\n\s+at .+\(.+:\d+:\d+\)|node:internal/;

describe("cpts init", () => {
  it("creates a commented, valid project with the editor modeline", async () => {
    const dir = tempDir();
    const r = await runCli(["init", "--nom", "CPTS du Val"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("cpts.yaml créé pour « CPTS du Val »");
    const text = readFileSync(join(dir, "cpts.yaml"), "utf8");
    // The schema copied beside the project, so that the line works wherever the project goes.
    expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=.cpts/cpts-project.schema.json");
    expect(JSON.parse(readFileSync(join(dir, ".cpts", "cpts-project.schema.json"), "utf8")).title).toBe("Projet de CPTS");
    expect(text).toContain("nom: CPTS du Val");
    expect(text).toMatch(/^# .*territoire/m);
    const v = await runCli(["valider"], { cwd: dir });
    expect(v.code).toBe(0);
    expect(v.stdout).toContain("cpts.yaml est valide");
  });

  it("points the modeline at the installed schema, relative to the project", async () => {
    const dir = tempDir();
    await runCli(["init", "sous/dossier", "--nom", "CPTS A"], { cwd: dir });
    const first = readFileSync(join(dir, "sous", "dossier", "cpts.yaml"), "utf8").split("\n")[0]!;
    const ref = first.replace("# yaml-language-server: $schema=", "");
    const schema = JSON.parse(readFileSync(join(dir, "sous", "dossier", ref), "utf8"));
    expect(schema.title).toBe("Projet de CPTS");
  });

  it("never overwrites an existing project", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "cpts.yaml"), "# mes notes\n");
    const r = await runCli(["init", "--nom", "CPTS B"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/existe déjà\u00a0: il n’a pas été modifié/);
    expect(readFileSync(join(dir, "cpts.yaml"), "utf8")).toBe("# mes notes\n");
  });

  it("asks for --nom when no terminal is there to answer, and accepts --oui", async () => {
    const dir = tempDir();
    const r = await runCli(["init"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--nom/);
    const ok = await runCli(["init", "val-de-loire", "--oui"], { cwd: dir });
    expect(ok.code).toBe(0);
    expect(readFileSync(join(dir, "val-de-loire", "cpts.yaml"), "utf8")).toContain("nom: CPTS val de loire");
  });

  it("starts from another project with --depuis, without its dates or personal data", async () => {
    const dir = tempDir();
    const r = await runCli(["init", "--nom", "CPTS Nouvelle", "--depuis", join(EXAMPLES, "bergerac", "cpts.yaml")], { cwd: dir });
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, "cpts.yaml"), "utf8");
    const model = readFileSync(join(EXAMPLES, "bergerac", "cpts.yaml"), "utf8");
    expect(text).toContain("nom: CPTS Nouvelle");
    const data = text.split("\n").filter((l) => !l.trim().startsWith("#")).join("\n");
    expect(data).not.toMatch(/\b20\d\d-\d\d-\d\d\b/);
    expect(text).not.toMatch(/courriel:|telephone:|prenom:/);
    // The names of the actions' pilotes and of the working groups' animateurs are personal too.
    expect(model).toMatch(/pilote:/);
    expect(model).toMatch(/animateur:/);
    expect(text).not.toMatch(/^\s*(-\s+)?(pilote|animateur|president_seance|secretaire_seance):/m);
    expect(r.stdout).toMatch(/Données personnelles effacées \(\d+ valeurs\)/);
    expect(r.stdout).toContain("missions[].actions[].pilote");
    const modelEmails = model.match(/courriel: (\S+)/g) ?? [];
    expect(modelEmails.length).toBeGreaterThan(0);
    for (const email of modelEmails) expect(text).not.toContain(email.replace("courriel: ", ""));
    expect(text).toMatch(/missions:/);
    expect(text.split("\n")[0]).toMatch(/^# yaml-language-server: \$schema=.*cpts-project\.schema\.json$/);
    const v = await runCli(["valider", "--json"], { cwd: dir });
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout).constats.filter((f: { gravite: string; document: string | null }) => f.gravite === "erreur" && !f.document)).toEqual([]);
  });
});

const HEAD = "version: 1\ncpts:\n  nom: CPTS du Val\n";
/** Broken project files a user may write, each with the path and the words the message must contain. */
const BAD: [string, string, RegExp, string?][] = [
  ["insee court", `${HEAD}territoire:\n  communes: ["24037", "2403"]\n`, /code INSEE attendu \(5 caractères.*trouvé «\u00a02403\u00a0»/, "cpts.yaml:5:23 territoire.communes[1]"],
  ["clé inconnue", `${HEAD}porteur: []\n`, /vouliez-vous dire `porteurs`/, "cpts.yaml:4:1 porteur"],
  ["nom manquant", "version: 1\ncpts:\n  sigle: X\n", /champ obligatoire manquant \(nom\)/, "cpts.yaml:3:3 cpts.nom"],
  ["version manquante", "cpts:\n  nom: X\n", /champ obligatoire manquant.*version/],
  ["profession inconnue", `${HEAD}porteurs:\n  - profession: kiné\n`, /valeur «\u00a0kiné\u00a0» inconnue/],
  ["téléphone nombre", `${HEAD}porteurs:\n  - profession: pharmacien\n    telephone: 0612345678\n`, /entre guillemets/],
  ["date impossible", `${HEAD}calendrier:\n  signature_aci: 2026-02-30\n`, /date réelle attendue/],
  ["courriel", `${HEAD}porteurs:\n  - profession: infirmier\n    courriel: pas-un-courriel\n`, /adresse électronique attendue/],
  ["population négative", `${HEAD}territoire:\n  population:\n    valeur: -5\n`, /supérieur ou égal à 0/],
  ["mission inconnue", `${HEAD}missions:\n  - code: URGENCES\n`, /valeur «\u00a0URGENCES\u00a0» inconnue/],
  ["liste attendue", `${HEAD}missions:\n  code: ACCES\n`, /une liste/],
  ["booléen", `${HEAD}association:\n  reglement_interieur: peut-être\n`, /true ou false attendu/],
  ["clé en double", `${HEAD}cpts:\n  nom: Y\n`, /clé en double/, "cpts.yaml:4:1"],
  ["tabulation", "version: 1\ncpts:\n\tnom: X\n", /tabulation/],
  ["guillemet non fermé", 'version: 1\ncpts:\n  nom: "X\n', /guillemet/],
  ["vide", "", /le fichier est vide/],
  ["liste à la racine", "- a\n- b\n", /une section .*attendu/],
  ["code postal", `${HEAD}association:\n  siege:\n    adresse: 1 rue A\n    code_postal: 2410\n    commune: Bergerac\n`, /code postal attendu/],
  ["siren", `${HEAD}territoire:\n  epci: ["20007064"]\n`, /SIREN attendu \(9 chiffres\)/],
  ["__proto__", `${HEAD}__proto__:\n  x: 1\n`, /champ inconnu «\u00a0__proto__\u00a0»/],
];

describe("cpts valider", () => {
  it("accepts the bundled examples", async () => {
    for (const name of ["minimal", "bergerac", "chambery"]) {
      const r = await runCli(["valider", join(EXAMPLES, name, "cpts.yaml")]);
      expect(r.stderr, name).toBe("");
      expect(r.code, `${name}: ${r.stdout}`).toBe(0);
      expect(r.stdout).toMatch(/est valide/);
    }
  });

  it.each(BAD)("explains « %s » in French with exit code 1, without touching the file", async (_name, source, message, where) => {
    const dir = tempDir();
    const path = join(dir, "cpts.yaml");
    writeFileSync(path, source);
    const r = await runCli(["valider"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(message);
    if (where) expect(r.stdout).toContain(`${where}`);
    expect(r.stdout).toMatch(/✗ \d+\u00a0erreurs? dans cpts\.yaml\./);
    expect(r.stdout + r.stderr).not.toMatch(STACK);
    expect(readFileSync(path, "utf8")).toBe(source);
  });

  it("prints every finding in the JSON envelope with path, line, column, message and severity", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "p.yaml"), `${HEAD}territoire:\n  communes: ["2403"]\nporteur: []\n`);
    const r = await runCli(["valider", "p.yaml", "--json"], { cwd: dir });
    expect(r.code).toBe(1);
    const output = JSON.parse(r.stdout);
    expect(output).toMatchObject({ version: 1, commande: "valider", fichier: "p.yaml", valide: false });
    expect(output.constats).toEqual([
      expect.objectContaining({ chemin: "territoire.communes[0]", ligne: 5, colonne: 14, gravite: "erreur", message: expect.stringContaining("code INSEE") }),
      expect.objectContaining({ chemin: "porteur", ligne: 6, colonne: 1, gravite: "erreur" }),
      // No $schema line: the editor cannot describe the fields.
      expect.objectContaining({ chemin: "", ligne: 1, colonne: 1, gravite: "info", code: "schema.lien-absent" }),
    ]);
  });

  it("gives exit code 2 with a French message for unreadable input", async () => {
    const dir = tempDir();
    const missing = await runCli(["valider", "absent.yaml"], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/absent\.yaml\u00a0: fichier introuvable/);
    mkdirSync(join(dir, "dossier.yaml"));
    const folder = await runCli(["valider", "dossier.yaml"], { cwd: dir });
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/est un dossier/);
    writeFileSync(join(dir, "futur.yaml"), "version: 99\ncpts:\n  nom: X\n");
    const future = await runCli(["valider", "futur.yaml"], { cwd: dir });
    expect(future.code).toBe(2);
    expect(future.stderr).toMatch(/format 99, plus récent/);
    if (process.getuid?.() !== 0) {
      writeFileSync(join(dir, "secret.yaml"), HEAD);
      chmodSync(join(dir, "secret.yaml"), 0o000);
      const denied = await runCli(["valider", "secret.yaml"], { cwd: dir });
      expect(denied.code).toBe(2);
    }
    for (const r of [missing, folder, future]) expect(r.stderr).not.toMatch(STACK);
  });

  it("finds cpts.yaml inside a folder given as argument", async () => {
    const r = await runCli(["valider", join(EXAMPLES, "minimal")]);
    expect(r.code).toBe(0);
  });
});

describe("the command line", () => {
  it("speaks French in its help, and every command has an English alias", async () => {
    const r = await runCli(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Utilisation\u00a0: cpts/);
    expect(r.stdout).toMatch(/Commandes\u00a0:/);
    // The description wraps as one paragraph: no word left alone on its line.
    expect(r.stdout).toMatch(/du projet de\s+territoire à la lettre d’intention/);
    expect(r.stdout.split("\n").filter((line) => /^\S+$/.test(line))).toEqual([]);
    for (const [fr, en] of [["valider", "validate"], ["init", "new"]] as const) {
      const a = await runCli([fr, "--help"]);
      const b = await runCli([en, "--help"]);
      expect(a.stdout).toBe(b.stdout);
      expect(a.stdout).toMatch(/Options\u00a0:/);
    }
  });

  it("fits every help in 80 columns, French spacing unbroken, with examples, and lists every exit code", async () => {
    const paths = ["", "init", "assistant", "valider", "territoire", "financement", "etat", "generer", "schema", "completion", "aide", "diagnostic", "diagnostic importer", "diagnostic modele"];
    const helps = await Promise.all(paths.map((p) => runCli([...(p ? p.split(" ") : []), "--help"])));
    for (const [i, r] of helps.entries()) {
      expect(r.code, paths[i]).toBe(0);
      for (const line of r.stdout.split("\n")) {
        expect([...line].length, `${paths[i]}: ${line}`).toBeLessThanOrEqual(80);
        // A line never starts with the punctuation its no-break space should have held.
        expect(line, paths[i]).not.toMatch(/^\s*[:;!?»]/);
      }
      expect(r.stdout, paths[i]).toMatch(/Exemples\u00a0:/);
      expect(r.stdout, paths[i]).not.toMatch(/ [:;?!]/);
    }
    for (const code of [0, 1, 2, 69, 70, 130]) expect(helps[0]!.stdout).toMatch(new RegExp(`^  ${code} +\\S`, "m"));
  });

  it("prints its version", async () => {
    const r = await runCli(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(join(EXAMPLES, "..", "package.json"), "utf8")).version);
  });

  it("answers a usage error with exit code 2 and a French message", async () => {
    const unknown = await runCli(["valideer"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/commande inconnue «\u00a0valideer\u00a0»/);
    expect(unknown.stderr).toMatch(/vouliez-vous dire «\u00a0valider\u00a0»/);
    const option = await runCli(["valider", "--jsn"]);
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/option inconnue «\u00a0--jsn\u00a0»/);
  });

  it("tells where the schema is, and prints it with --contenu", async () => {
    const path = await runCli(["schema"]);
    expect(path.stdout.trim()).toMatch(/schemas\/cpts-project\.schema\.json$/);
    const content = await runCli(["schema", "--contenu"]);
    expect(JSON.parse(content.stdout).title).toBe("Projet de CPTS");
  });
});

/**
 * Hostile and broken inputs, run in-process through the CLI's `run(argv, io)` (src/cli/main.ts,
 * what bin/cpts calls) with no terminal and the output recorded. What only a real process shows
 * (the exit code of bin/cpts, the bytes on its standard streams, another user's rights, a reader
 * that closes the pipe) is checked by the few cases of test/e2e/bad-inputs.test.ts.
 *
 * Every case must end with a French message that says where the problem is (`cpts.yaml:ligne:colonne`
 * or the field path) when there is a place to point at, exit with 1 (the project has errors) or
 * 2 (usage, unreadable input) — 0 only for valid inputs, which must then render literally —, print
 * no stack trace and no raw control character, and leave the project file byte-identical
 * (SHA-256 before and after). An « Erreur interne » (exit 70) is a bug of the tool: the case fails.
 *
 * Fixtures live in test/fixtures/bad/ and are copied to a temporary folder as `cpts.yaml`.
 * Huge, binary and directory cases are made in the temporary folder by the test.
 *
 * | Fixture or case                       | Command                          | Code | The message must contain                                  |
 * |---------------------------------------|----------------------------------|------|-----------------------------------------------------------|
 * | yaml-guillemet-non-ferme.yaml         | valider                          | 1    | guillemet … n’est pas refermé, cpts.yaml:5:1              |
 * | yaml-crochet-non-ferme.yaml           | valider                          | 1    | indentation incorrecte, cpts.yaml:6:1                     |
 * | yaml-accolade-non-fermee.yaml         | valider                          | 1    | indentation incorrecte, cpts.yaml:8:1                     |
 * | yaml-indentation.yaml                 | valider                          | 1    | indentation ou deux-points, cpts.yaml:3:8                 |
 * | yaml-deux-points-manquant.yaml        | valider                          | 1    | il manque probablement un « : », cpts.yaml:2:1            |
 * | yaml-deux-points-dans-valeur.yaml     | valider                          | 1    | deux-points incorrects, cpts.yaml:6:11                    |
 * | yaml-plusieurs-documents.yaml         | valider                          | 1    | plusieurs documents YAML, cpts.yaml:4:1                   |
 * | yaml-alias-inconnu.yaml               | valider                          | 1    | ancre … n’existe pas, cpts.yaml:4:11                      |
 * | yaml-echappement-invalide.yaml        | valider                          | 1    | séquence d’échappement invalide, cpts.yaml:3:11           |
 * | yaml-etiquette-inconnue.yaml          | valider                          | 1    | étiquette YAML non reconnue; cpts.nom un texte attendu    |
 * | tabulation-indentation.yaml           | valider                          | 1    | tabulation dans l’indentation, cpts.yaml:3:1              |
 * | tabulation-dans-valeur.yaml (valid)   | valider                          | 0    | est valide                                                |
 * | cle-en-double.yaml                    | valider                          | 1    | clé en double, cpts.yaml:4:1                              |
 * | cle-en-double-imbriquee.yaml          | valider                          | 1    | clé en double, cpts.yaml:7:5                              |
 * | types-partout.yaml                    | valider                          | 1    | 9 errors: version, cpts.nom, cpts.date_creation, …        |
 * | type-liste-au-lieu-de-section.yaml    | valider                          | 1    | une section … attendu, trouvé une liste, cpts.yaml:2:7    |
 * | type-nombre-code-postal.yaml          | valider                          | 1    | code postal attendu … guillemets, cpts.yaml:8:18          |
 * | racine-scalaire.yaml                  | valider                          | 1    | une section … attendu, cpts.yaml:1:1                      |
 * | champ-inconnu-racine.yaml             | valider                          | 1    | vouliez-vous dire `porteurs`, cpts.yaml:4:1 porteur       |
 * | champ-inconnu-imbrique.yaml           | valider                          | 1    | vouliez-vous dire `sigle`, cpts.yaml:4:3 cpts.sigel       |
 * | insee-inconnu.yaml                    | valider                          | 1    | Code INSEE inconnu « 24999 », cpts.yaml:5:23              |
 * | insee-mal-forme.yaml                  | valider                          | 1    | code INSEE attendu, cpts.yaml:5:14                        |
 * | epci-inconnu.yaml                     | valider                          | 1    | SIREN inconnu « 200000000 », cpts.yaml:5:10               |
 * | vide.yaml                             | valider                          | 1    | le fichier est vide, cpts.yaml:1:1                        |
 * | commentaires-seuls.yaml               | valider                          | 1    | le fichier est vide, cpts.yaml:1:1                        |
 * | alias-bombe.yaml                      | valider                          | 1    | trop d’alias YAML, cpts.yaml:5:10                         |
 * | proto.yaml                            | valider                          | 1    | champ inconnu « __proto__ » (racine et porteurs[0])       |
 * | constructor.yaml                      | valider                          | 1    | champ inconnu « constructor », cpts.constructor           |
 * | proto-categorie-acteurs.yaml          | valider                          | 1    | acteurs.engages.__proto__                                 |
 * | date-impossible.yaml (2026-02-30)     | valider                          | 1    | date réelle attendue, cpts.yaml:5:18                      |
 * | date-mois-13.yaml                     | valider                          | 1    | date réelle attendue, cpts.yaml:5:20                      |
 * | population-negative.yaml              | valider                          | 1    | supérieur ou égal à 0, territoire.population.valeur       |
 * | nombre-infini.yaml (.inf)             | valider                          | 1    | un nombre attendu, financement.autres[0].montant          |
 * | presents-negatif.yaml                 | valider                          | 1    | supérieur ou égal à 0, association.ag_constitutive…       |
 * | controle-brut.yaml (ESC, BEL)         | valider                          | 1    | caractère de contrôle, cpts.nom                           |
 * | controle-echappe.yaml ("\e", "\x00")  | valider                          | 1    | caractère de contrôle, cpts.nom                           |
 * | version-future.yaml                   | valider                          | 2    | plus récent … Mettez cpts à jour                          |
 * | version-texte.yaml ("1")              | valider                          | 1    | un nombre entier attendu, cpts.yaml:1:10                  |
 * | bom.yaml (valid, UTF-8 BOM)           | valider                          | 0    | est valide                                                |
 * | crlf.yaml (valid, Windows lines)      | valider                          | 0    | est valide                                                |
 * | utf16.yaml                            | valider                          | 1|2  | UTF-8                                                     |
 * | terminal-cle-echappement.yaml         | valider                          | 1    | champ inconnu « \u001b[31mrouge… » (codes shown, not sent) |
 * | terminal-bidi.yaml (valid, U+202E)    | etat                             | 0    | CPTS \u202eeniarepus\u202c du Val                          |
 * | rendu-litteral.yaml (valid)           | valider, generer --brouillon     | 0    | every answer printed literally in .md and .docx           |
 * | montants-geants.yaml (2 × 1.7e308 €)  | generer --brouillon              | 0|1  | documents written, or the amount refused with its place   |
 * | superficie-minuscule.yaml (1e-320 km²)| generer --brouillon              | 0|1  | documents written, or the area refused with its place     |
 * | (made) 100 000-character answer       | valider, generer --brouillon     | 0    | the answer printed literally                              |
 * | (made) binary file                    | valider                          | 1|2  | UTF-8 (no raw bytes echoed)                               |
 * | (made) 10 MB file                     | valider                          | 2    | fichier trop volumineux                                   |
 * | (made) 100 000 nested « [ »           | valider                          | 1    | cpts.yaml:3:…                                             |
 * | (made) project path is a folder       | valider                          | 2    | est un dossier                                            |
 * | (made) missing project file           | valider                          | 2    | fichier introuvable                                       |
 * | 4 broken fixtures                     | etat, territoire, financement, generer, diagnostic importer | 1 | same located message as valider |
 * | insee-inconnu.yaml                    | territoire, generer              | 1    | Code INSEE inconnu « 24999 » / territoire.communes[1]     |
 * | etat --date 2026-02-30                | etat                             | 2    | --date                                                    |
 * | financement --annees -3 / --taille T9 / --missions FOO | financement     | 2    | --annees / --taille / --missions                          |
 * | territoire --communes 99999           | territoire                       | 2    | Code INSEE inconnu « 99999 »                              |
 * | territoire --ajouter ""               | territoire                       | 2    | --ajouter (file untouched)                                |
 * | generer --format odt / --document x   | generer                          | 2    | --format / --document                                     |
 * | generer --sortie <an existing file>   | generer                          | 2    | c’est un fichier, pas un dossier                          |
 * | generer --sortie <file>/sous          | generer                          | 2    | --sortie                                                  |
 * | generer a.yaml b.yaml --sortie x      | generer                          | 2    | --sortie sans {projet} … un seul projet                   |
 * | generer --sortie ../..                | generer                          | 0    | writes only inside the folder ../.. resolves to           |
 * | generer a.yaml b.yaml (one folder)    | generer                          | 2    | écriraient leurs documents dans le même dossier; nothing  |
 * | generer a/cpts.yaml b/cpts.yaml       | generer                          | 0    | each project's own documents/ beside it                   |
 * | modeles/x.md.hbs → /etc/passwd (link) | generer, generer --modeles       | 2    | lien symbolique qui mène hors du dossier de modèles       |
 * | modeles/partials → ../ailleurs (link) | generer                          | 2    | lien symbolique qui mène hors du dossier de modèles       |
 * | valider --nimporte, cpts valide       | —                                | 2    | option inconnue / commande inconnue                       |
 * | diagnostic importer: bad CSV, binary CSV | diagnostic importer           | 1    | mauvais.csv:2 colonne valeur / en-tête                    |
 * | diagnostic importer: folder, missing  | diagnostic importer              | 2    | est un dossier / introuvable                              |
 * | (made) workbook: CSV renamed .xlsx, password, .xls, truncated, binary | diagnostic importer | 1 | i.xlsx : what the file is and how to save it as .xlsx |
 * | (made) workbook: #N/A in a cell       | diagnostic importer              | 1    | i.xlsx, feuille Indicateurs, cellule B2 : erreur #N/A     |
 * | (made) workbook: ESC in a sheet name  | diagnostic importer              | 1    | i.xlsx : classeur endommagé (never echoed)                |
 * | (made) workbook: folder, missing, 5 MiB | diagnostic importer            | 2    | est un dossier / introuvable / trop volumineux            |
 * | mise-en-forme.yaml (valid: BOM, CRLF, >-, |, comments) | valider, territoire --ajouter | 0 | every line outside territoire unchanged, BOM and CRLF kept |
 * | examples/bergerac                     | territoire --ajouter             | 0    | every line outside territoire unchanged                   |
 * | (made) project chmod 600              | territoire --ajouter             | 0    | project still 600, .bak 600                               |
 * | (made) project is a symlink           | territoire --ajouter             | 0    | link kept, its target changed                             |
 * | (made) project chmod 444              | territoire --ajouter             | 2    | en lecture seule (file untouched)                         |
 * | (made) cpts.yaml.bak is a folder      | territoire --ajouter             | 2    | cpts.yaml.bak est un dossier; no .tmp left                |
 * | (made) symlinks planted at the .bak names | territoire --ajouter         | 0    | the link's target untouched, .bak a regular file          |
 * | (made) two saves                      | territoire --ajouter             | 0    | temporary names .cpts.yaml.<pid>.<32 hex>[.bak].tmp       |
 * | (made) project just under 1 MiB       | diagnostic importer              | 2    | atteindrait … au-delà des 1024 Kio (file untouched)       |
 * | /dev/null as the project              | every command reading a project  | 2    | est un périphérique, pas un fichier projet                |
 * | csv-guillemet-non-ferme.csv           | diagnostic importer              | 1    | csv…:3 guillemet ouvert … jamais refermé                  |
 * | csv-echappement.csv (ESC ] … BEL)     | diagnostic importer              | 1    | csv…:3 caractère de contrôle U+001B, never echoed         |
 * | csv-reference-en-double.csv           | diagnostic importer              | 1    | deux valeurs pour le département (lignes 3 et 4)          |
 * | csv-nombre-geant.csv (400 digits)     | diagnostic importer              | 1    | csv…:2 colonne valeur : nombre trop grand                 |
 * | csv-encodages-melanges.csv            | diagnostic importer              | 1    | csv…:3 le fichier mélange deux encodages                  |
 * | csv-utf16-sans-bom.csv                | diagnostic importer              | 1    | csv…:1 octet nul                                          |
 * | csv-en-tete-seul.csv (valid)          | diagnostic importer              | 0    | Aucun indicateur; project and .bak untouched              |
 * | csv-windows-1252.csv (French Excel)   | diagnostic importer              | 0    | encodé en Windows-1252; ’ and € read right                |
 * | csv-utf16-bom.csv (valid)             | diagnostic importer              | 0    | encodé en UTF-16                                          |
 *
 * « Outside » for --sortie: the tool writes exactly the chosen folder (resolved from the working
 * folder, `..` included) and nothing else; its document names are fixed and checked by
 * src/render/manifest.ts, so no answer can make it write elsewhere.
 */
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { chmodSync, copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { run } from "../../src/cli/main.js";
import { binaryBytes, expectClean, FIXTURES, IMPORTER, sha256, VALIDER, type Case, type Result } from "../bad-inputs.js";
import { docxText, neutral } from "../document-text.js";
import { memoryIo, ROOT, tempDir } from "../helpers.js";

/** Runs the CLI in this process, as bin/cpts does (no terminal, no colour); stdout then stderr. */
async function cpts(args: string[], cwd: string): Promise<Result> {
  const io = memoryIo(cwd);
  const code = await run(args, io);
  return { code, out: `${io.out}${io.err}` };
}

/**
 * Numbers the schema accepts at the edges of what a double holds: two amounts whose sum overflows,
 * an area so small that the density overflows. Either the documents are written, or `generer`
 * refuses the value with its place; never an internal error.
 */
const EXTREME_NUMBERS: Case[] = [
  {
    fixture: "montants-geants.yaml",
    codes: [0, 1],
    message: /✓ sortie\/diagnostic\.md|financement\.autres\[\d\]\.montant/,
    args: ["generer", "cpts.yaml", "--brouillon", "--format", "md", "--sortie", "sortie"],
  },
  {
    fixture: "superficie-minuscule.yaml",
    codes: [0, 1],
    message: /✓ sortie\/diagnostic\.md|territoire\.superficie_km2/,
    args: ["generer", "cpts.yaml", "--brouillon", "--format", "md", "--sortie", "sortie"],
  },
];

/** Copies a fixture to a fresh folder as cpts.yaml; returns the folder. */
function withFixture(fixture: string): string {
  const dir = tempDir();
  copyFileSync(join(FIXTURES, fixture), join(dir, "cpts.yaml"));
  return dir;
}

async function runCase(c: Case) {
  const dir = withFixture(c.fixture);
  const file = join(dir, "cpts.yaml");
  const before = sha256(file);
  const r = await cpts(c.args ?? ["valider", "cpts.yaml"], dir);
  expectClean(r, c.codes);
  expect(r.out).toMatch(c.message);
  for (const w of c.where ?? []) expect(r.out).toContain(w);
  expect(sha256(file), "le fichier projet a été modifié").toBe(before);
  return r;
}

describe("valider on broken project files", () => {
  it("has at least 40 fixtures, each used", () => {
    const files = readdirSync(FIXTURES).filter((f) => f.endsWith(".yaml"));
    expect(files.length).toBeGreaterThanOrEqual(40);
    const used = new Set([...VALIDER, ...EXTREME_NUMBERS].map((c) => c.fixture).concat("rendu-litteral.yaml"));
    expect(files.filter((f) => !used.has(f))).toEqual([]);
  });

  it.each(VALIDER.map((c) => [c.fixture, c] as const))("%s", async (_name, c) => {
    await runCase(c);
  });
});

describe("generer on valid projects with extreme numbers", () => {
  it.each(EXTREME_NUMBERS.map((c) => [c.fixture, c] as const))("%s", async (_name, c) => {
    await runCase(c);
  });
});

describe("the other commands on broken project files", () => {
  const BROKEN: [string, string][] = [
    ["yaml-guillemet-non-ferme.yaml", "cpts.yaml:5:1"],
    ["types-partout.yaml", "cpts.yaml:1:10 version"],
    ["vide.yaml", "cpts.yaml:1:1"],
    ["proto.yaml", "cpts.yaml:4:1 __proto__"],
  ];
  const COMMANDS: string[][] = [
    ["etat", "cpts.yaml"],
    ["territoire", "cpts.yaml"],
    ["financement", "cpts.yaml"],
    ["generer", "cpts.yaml", "--brouillon"],
    ["diagnostic", "importer", "indicateurs.csv", "--projet", "cpts.yaml"],
  ];
  const cases = BROKEN.flatMap(([fixture, where]) => COMMANDS.map((args) => [`${args[0]} ${fixture}`, fixture, where, args] as const));

  it.each(cases)("%s", async (_name, fixture, where, args) => {
    const dir = withFixture(fixture);
    writeFileSync(join(dir, "indicateurs.csv"), "indicateur;valeur;unite;annee;source;territoire_de_reference\nTaux;12;%;2024;INSEE;\n");
    const before = sha256(join(dir, "cpts.yaml"));
    const r = await cpts(args, dir);
    expectClean(r, [1]);
    expect(r.out).toContain(where);
    expect(r.out).toMatch(/contient des erreurs/);
    expect(sha256(join(dir, "cpts.yaml"))).toBe(before);
    expect(existsSync(join(dir, "documents")), "documents écrits malgré les erreurs").toBe(false);
  });

  it.each([
    ["territoire", ["territoire", "cpts.yaml"]],
    ["generer", ["generer", "cpts.yaml", "--brouillon"]],
  ])("%s reports an unknown INSEE code as an error of the project", async (_name, args) => {
    const r = await runCase({ fixture: "insee-inconnu.yaml", codes: [1], message: /Code INSEE inconnu «\s?24999\s?»/, where: ["territoire.communes[1]"], args });
    expect(r.out).toBeTruthy();
  });
});

// ---------------------------------------------------------------------------------------------
// Answers that look like Handlebars, Markdown or HTML: valid, printed literally.

/** Markdown twin as read: backslash escapes and hard line breaks undone. */
function markdownText(path: string): string {
  return readFileSync(path, "utf8")
    .replace(/\\\n/g, "\n")
    .replace(/\\([!-/:-@[-`{-~])/g, "$1");
}

/** The lines of an answer as a document shows them (each trimmed, empty ones dropped). */
function answerLines(answer: string): string[] {
  return answer
    .split(/\r?\n/)
    .map((l) => neutral(l.trim()))
    .filter((l) => l !== "");
}

const LITERAL_FIELDS = [
  "cpts.nom",
  "cpts.sigle",
  "cpts.historique",
  "porteurs.0.prenom",
  "porteurs.0.nom",
  "porteurs.0.structure",
  "porteurs.0.commune",
  "porteurs.0.role",
  "porteurs.1.nom",
  "territoire.nom",
  "territoire.justification",
  "diagnostic.methode",
  "diagnostic.indicateurs.0.libelle",
  "diagnostic.indicateurs.0.source",
  "diagnostic.besoins.0.intitule",
  "diagnostic.besoins.0.description",
  "diagnostic.forces.0",
  "diagnostic.faiblesses.0",
  "missions.0.objectifs.0",
  "missions.0.actions.0.intitule",
  "missions.0.actions.0.objectif",
  "missions.0.actions.0.public",
  "missions.0.actions.0.pilote",
  "lettre_intention.lieu",
  "lettre_intention.gouvernance_envisagee",
  "lettre_intention.pieces_jointes.0",
  "lettre_intention.pieces_jointes.1",
];

function at(data: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], data);
}

/** Checks that each answer shows in some document: in its Markdown twin and in its DOCX. */
function expectLiteral(outDir: string, answers: Record<string, string>) {
  const names = readdirSync(outDir).filter((f) => f.endsWith(".md")).map((f) => f.slice(0, -3));
  expect(names.length).toBeGreaterThan(0);
  const md = Object.fromEntries(names.map((n) => [n, neutral(markdownText(join(outDir, `${n}.md`)))]));
  const docx = Object.fromEntries(names.map((n) => [n, neutral(docxText(readFileSync(join(outDir, `${n}.docx`))))]));
  for (const [field, answer] of Object.entries(answers)) {
    const lines = answerLines(answer);
    const inMd = names.filter((n) => lines.every((l) => md[n]!.includes(l)));
    const inDocx = names.filter((n) => lines.every((l) => docx[n]!.includes(l)));
    expect(inMd, `${field} absent des .md : ${JSON.stringify(answer).slice(0, 200)}`).not.toEqual([]);
    // The DOCX may show more (the CPTS name in its header), never less than its Markdown twin.
    expect(inDocx, `${field} : pas imprimé tel quel dans les DOCX`).toEqual(expect.arrayContaining(inMd));
  }
}

describe("answers that look like templates or Markdown", () => {
  it("rendu-litteral.yaml is valid and every answer prints literally in the .md twins and the DOCX", async () => {
    const dir = withFixture("rendu-litteral.yaml");
    const file = join(dir, "cpts.yaml");
    const before = sha256(file);
    const v = await cpts(["valider", "cpts.yaml"], dir);
    expectClean(v, [0]);
    expect(v.out).toMatch(/cpts\.yaml est valide/);
    const g = await cpts(["generer", "cpts.yaml", "--brouillon", "--format", "docx,md", "--sortie", "sortie", "--json"], dir);
    expectClean(g, [0]);
    const report = (JSON.parse(g.out) as { fichiers: { fichier: string; a_completer: string[] }[] }).fichiers;
    // The eight documents of a new association (no parcours given), in two formats.
    expect(report.map((r) => r.fichier.replace(/^sortie\//, "")).sort()).toEqual(
      ["declaration", "diagnostic", "lettre-intention", "liste-dirigeants", "projet-sante", "pv-ag-constitutive", "pv-conseil-administration", "statuts"].flatMap((d) => [`${d}.docx`, `${d}.md`]),
    );
    // An answer shaped like a placeholder is text, not a gap of the document.
    for (const entry of report) expect(entry.a_completer.join("\n")).not.toMatch(/piège/);
    const data = parse(readFileSync(file, "utf8"));
    const answers = Object.fromEntries(LITERAL_FIELDS.map((f) => [f, at(data, f)]));
    for (const [f, v2] of Object.entries(answers)) expect(typeof v2, f).toBe("string");
    expectLiteral(join(dir, "sortie"), answers as Record<string, string>);
    expect(sha256(file)).toBe(before);
  });

  it("a 100 000-character answer is valid and printed whole", async () => {
    const dir = withFixture("rendu-litteral.yaml");
    const file = join(dir, "cpts.yaml");
    const long = "Texte {{#each x}} **long** | très # long <b>. ".repeat(2500).slice(0, 100_000);
    const source = readFileSync(file, "utf8").replace(/ {2}historique: \|-\n(?: {4}.*\n)+/, `  historique: ${JSON.stringify(long)}\n`);
    expect(source).toContain(long);
    writeFileSync(file, source);
    const before = sha256(file);
    const v = await cpts(["valider", "cpts.yaml"], dir);
    expectClean(v, [0]);
    const g = await cpts(["generer", "cpts.yaml", "--brouillon", "--format", "docx,md", "--document", "projet-sante", "--sortie", "sortie"], dir);
    expectClean(g, [0]);
    expectLiteral(join(dir, "sortie"), { "cpts.historique": long });
    expect(sha256(file)).toBe(before);
  });
});

// ---------------------------------------------------------------------------------------------
// Files that are not project files at all.

describe("unreadable project files", () => {
  it("a binary file: refused with a French message, without echoing its bytes", async () => {
    const dir = tempDir();
    const file = join(dir, "cpts.yaml");
    writeFileSync(file, binaryBytes());
    const before = sha256(file);
    const r = await cpts(["valider", "cpts.yaml"], dir);
    expectClean(r, [1, 2]);
    expect(r.out).toMatch(/cpts\.yaml/);
    expect(r.out).toMatch(/UTF-8|binaire|pas un fichier texte/);
    expect(sha256(file)).toBe(before);
  });

  it("a 10 MB file: refused before parsing", async () => {
    const dir = tempDir();
    const file = join(dir, "cpts.yaml");
    const line = `# ${"x".repeat(1021)}\n`;
    writeFileSync(file, `version: 1\ncpts:\n  nom: CPTS du Val\n${line.repeat(10 * 1024)}`);
    expect(statSync(file).size).toBeGreaterThan(10_000_000);
    const before = sha256(file);
    const r = await cpts(["valider", "cpts.yaml"], dir);
    expectClean(r, [2]);
    expect(r.out).toMatch(/cpts\.yaml\u00a0: fichier trop volumineux/);
    expect(sha256(file)).toBe(before);
  });

  it("100 000 nested brackets: a located YAML error, no stack overflow", async () => {
    const dir = tempDir();
    const file = join(dir, "cpts.yaml");
    writeFileSync(file, `version: 1\ncpts:\n  nom: ${"[".repeat(100_000)}\n`);
    const before = sha256(file);
    const r = await cpts(["valider", "cpts.yaml"], dir);
    expectClean(r, [1]);
    expect(r.out).toMatch(/cpts\.yaml:3:\d+ /);
    expect(sha256(file)).toBe(before);
  });

  it("a folder given as the project file", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "cpts.yaml"));
    const r = await cpts(["valider", "cpts.yaml"], dir);
    expectClean(r, [2]);
    expect(r.out).toMatch(/cpts\.yaml est un dossier, pas un fichier projet/);
  });

  it("a missing project file", async () => {
    const dir = tempDir();
    const r = await cpts(["valider", "absent.yaml"], dir);
    expectClean(r, [2]);
    expect(r.out).toMatch(/absent\.yaml\u00a0: fichier introuvable/);
    expect(existsSync(join(dir, "absent.yaml"))).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Options.

const MINIMAL = join(ROOT, "examples", "minimal", "cpts.yaml");

/** A folder with a valid project (the minimal example, or a fixture) as cpts.yaml. */
function validProject(source = MINIMAL): string {
  const dir = tempDir();
  copyFileSync(source, join(dir, "cpts.yaml"));
  return dir;
}

describe("bad options", () => {
  const OPTIONS: [string, string[], number, RegExp][] = [
    ["etat --date 2026-02-30", ["etat", "cpts.yaml", "--date", "2026-02-30"], 2, /--date/],
    ["financement --annees -3", ["financement", "cpts.yaml", "--taille", "T2", "--annees", "-3"], 2, /--annees\u00a0: nombre entier de 1 à 10 attendu/],
    ["financement --taille T9", ["financement", "cpts.yaml", "--taille", "T9"], 2, /--taille\u00a0: T1, T2, T3 ou T4 attendu, trouvé «\u00a0T9\u00a0»/],
    ["financement --missions FOO", ["financement", "cpts.yaml", "--taille", "T2", "--missions", "FOO"], 2, /--missions\u00a0: mission inconnue «\u00a0FOO\u00a0»/],
    ["territoire --communes 99999", ["territoire", "cpts.yaml", "--communes", "99999"], 2, /Code INSEE inconnu «\s?99999\s?»/],
    ["territoire --ajouter ''", ["territoire", "cpts.yaml", "--ajouter", ""], 2, /--ajouter/],
    ["generer --format odt", ["generer", "cpts.yaml", "--format", "odt"], 2, /--format\u00a0: valeur inconnue «\u00a0odt\u00a0»/],
    ["generer --document inconnu", ["generer", "cpts.yaml", "--document", "inconnu"], 2, /--document\u00a0: valeur inconnue «\u00a0inconnu\u00a0»/],
    ["generer a b --sortie x", ["generer", "cpts.yaml", "cpts.yaml", "--sortie", "x"], 2, /--sortie sans \{projet\} ne peut servir qu’avec un seul projet/],
    ["valider --nimporte", ["valider", "cpts.yaml", "--nimporte"], 2, /option inconnue «\u00a0--nimporte\u00a0»/],
    ["cpts valide", ["valide", "cpts.yaml"], 2, /commande inconnue «\u00a0valide\u00a0»/],
  ];

  it.each(OPTIONS)("%s", async (_name, args, code, message) => {
    const dir = validProject();
    const before = sha256(join(dir, "cpts.yaml"));
    const r = await cpts(args, dir);
    expectClean(r, [code]);
    expect(r.out).toMatch(message);
    expect(sha256(join(dir, "cpts.yaml")), "le fichier projet a été modifié").toBe(before);
    expect(existsSync(join(dir, "x"))).toBe(false);
  });
});

/** Every file below `dir` with its size and modification time, to see what a command wrote. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else {
        const s = statSync(p);
        out.set(relative(dir, p), `${s.size}:${s.mtimeMs}`);
      }
    }
  };
  walk(dir);
  return out;
}

function changes(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after].filter(([p, v]) => before.get(p) !== v).map(([p]) => p).sort();
}

const LITERAL = join(FIXTURES, "rendu-litteral.yaml");
const GENERATE_ONE = ["--brouillon", "--format", "md", "--document", "diagnostic"];

describe("generer --sortie", () => {
  it("refuses an existing file", async () => {
    const dir = validProject(LITERAL);
    writeFileSync(join(dir, "notes.txt"), "mes notes\n");
    const r = await cpts(["generer", "cpts.yaml", ...GENERATE_ONE, "--sortie", "notes.txt"], dir);
    expectClean(r, [2]);
    expect(r.out).toMatch(/--sortie notes\.txt\u00a0: c’est un fichier, pas un dossier/);
    expect(readFileSync(join(dir, "notes.txt"), "utf8")).toBe("mes notes\n");
  });

  it("refuses a folder below a file", async () => {
    const dir = validProject(LITERAL);
    writeFileSync(join(dir, "notes.txt"), "mes notes\n");
    const before = snapshot(dir);
    const r = await cpts(["generer", "cpts.yaml", ...GENERATE_ONE, "--sortie", "notes.txt/documents"], dir);
    expectClean(r, [2]);
    expect(r.out).toMatch(/notes\.txt/);
    expect(changes(before, snapshot(dir))).toEqual([]);
  });

  it("writes only inside the folder « ../.. » names", async () => {
    const root = tempDir();
    const cwd = join(root, "a", "b");
    mkdirSync(cwd, { recursive: true });
    copyFileSync(LITERAL, join(cwd, "cpts.yaml"));
    const before = snapshot(root);
    const r = await cpts(["generer", "cpts.yaml", ...GENERATE_ONE, "--sortie", "../.."], cwd);
    expectClean(r, [0]);
    expect(changes(before, snapshot(root))).toEqual([".cpts-manifeste.json", "diagnostic.md"]);
  });
});

describe("generer: several projects, custom templates", () => {
  it("two projects in one folder: refused before anything is written, saying why", async () => {
    const dir = validProject(LITERAL);
    copyFileSync(LITERAL, join(dir, "b.yaml"));
    const before = snapshot(dir);
    const r = await cpts(["generer", "cpts.yaml", "b.yaml", ...GENERATE_ONE], dir);
    expectClean(r, [2]);
    expect(r.out).toMatch(/cpts\.yaml et b\.yaml écriraient leurs documents dans le même dossier documents\u00a0: .*Rien n’a été écrit/);
    expect(r.out).toMatch(/Placez chaque projet dans son propre dossier/);
    expect(changes(before, snapshot(dir))).toEqual([]);
  });

  it("two projects in their own folders: each gets its documents/ beside it; the same project twice is written once", async () => {
    const root = tempDir();
    for (const name of ["a", "b"]) {
      mkdirSync(join(root, name));
      copyFileSync(LITERAL, join(root, name, "cpts.yaml"));
    }
    const r = await cpts(["generer", "a/cpts.yaml", "b/cpts.yaml", "a", ...GENERATE_ONE], root);
    expectClean(r, [0]);
    for (const name of ["a", "b"]) expect(readdirSync(join(root, name, "documents")).sort()).toEqual([".cpts-manifeste.json", "diagnostic.md"]);
  });

  it.each([
    ["modeles/ beside the project, a template", "modeles", "diagnostic.md.hbs", []],
    ["--modeles DIR, a template", "mes-modeles", "diagnostic.md.hbs", ["--modeles", "mes-modeles"]],
    ["modeles/ beside the project, the partials folder", "modeles", "partials", []],
  ])("%s linked outside the folder: refused, nothing read from there", async (_name, folder, entry, extra) => {
    const dir = validProject(LITERAL);
    const outside = tempDir();
    writeFileSync(join(outside, "secret.md.hbs"), "mot de passe : hunter2\n");
    mkdirSync(join(outside, "partials"));
    mkdirSync(join(dir, folder));
    symlinkSync(entry === "partials" ? join(outside, "partials") : join(outside, "secret.md.hbs"), join(dir, folder, entry));
    const r = await cpts(["generer", "cpts.yaml", ...GENERATE_ONE, ...extra], dir);
    expectClean(r, [2]);
    expect(r.out).toMatch(new RegExp(`${folder}/${entry.replace(".", "\\.")}\u00a0: lien symbolique qui mène hors du dossier de modèles`));
    expect(r.out).not.toContain("hunter2");
    expect(existsSync(join(dir, "documents"))).toBe(false);
  });

  it("a link between two files of the templates folder is fine", async () => {
    const dir = validProject(LITERAL);
    mkdirSync(join(dir, "modeles"));
    writeFileSync(join(dir, "modeles", "original.md.hbs"), "# Diagnostic de {{cpts.nom}}\n");
    symlinkSync("original.md.hbs", join(dir, "modeles", "diagnostic.md.hbs"));
    const r = await cpts(["generer", "cpts.yaml", ...GENERATE_ONE], dir);
    expectClean(r, [0]);
    expect(readFileSync(join(dir, "documents", "diagnostic.md"), "utf8")).toMatch(/^# Diagnostic de /);
  });
});

describe("diagnostic importer", () => {
  it("uses every CSV fixture", () => {
    const files = readdirSync(FIXTURES).filter((f) => f.endsWith(".csv"));
    expect(files.sort()).toEqual(IMPORTER.map((c) => c.fixture).sort());
  });

  it.each(IMPORTER.map((c) => [c.fixture, c] as const))("%s", async (_name, c) => {
    const dir = validProject();
    const file = join(dir, "cpts.yaml");
    writeFileSync(`${file}.bak`, "sauvegarde d’avant\n");
    copyFileSync(join(FIXTURES, c.fixture), join(dir, c.fixture));
    const before = sha256(file);
    const r = await cpts(["diagnostic", "importer", c.fixture, "--projet", "cpts.yaml"], dir);
    expectClean(r, c.codes);
    expect(r.out).toMatch(c.message);
    if (c.writes) expect(sha256(file)).not.toBe(before);
    else {
      expect(sha256(file), "le fichier projet a été modifié").toBe(before);
      expect(readFileSync(`${file}.bak`, "utf8"), "la sauvegarde a été remplacée").toBe("sauvegarde d’avant\n");
    }
  });

  const CASES: [string, (dir: string) => void, string, number, RegExp][] = [
    [
      "a row with a bad number",
      (d) => writeFileSync(join(d, "mauvais.csv"), "indicateur;valeur;unite;annee;source;territoire_de_reference\nTaux;beaucoup;%;2024;INSEE;\n"),
      "mauvais.csv",
      1,
      /mauvais\.csv:2 colonne valeur\u00a0: nombre attendu, trouvé «\u00a0beaucoup\u00a0»/,
    ],
    [
      "a binary file",
      (d) => writeFileSync(join(d, "mauvais.csv"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 0xff, 0xfe, 0x0a, 0x00])),
      "mauvais.csv",
      1,
      /mauvais\.csv:1/,
    ],
    ["a folder", (d) => mkdirSync(join(d, "mauvais.csv")), "mauvais.csv", 2, /mauvais\.csv est un dossier, pas un fichier CSV/],
    ["a missing file", () => undefined, "absent.csv", 2, /absent\.csv\u00a0: fichier introuvable/],
  ];

  const ole = (stream: string) => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from(stream, "utf16le")]);
  /** A workbook made by exceljs with an Excel error in a cell. */
  async function workbookWithError(): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Indicateurs");
    ws.addRow(["indicateur", "valeur", "unite", "annee", "source", "territoire_de_reference"]);
    ws.addRow(["Taux", { formula: "NA()", result: { error: "#N/A" } }, "%", 2024, "INSEE", ""]);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  /** The same, with an escape sequence written raw into the sheet's name (XML allows none). */
  async function workbookWithEscape(): Promise<Buffer> {
    const files = unzipSync(new Uint8Array(await workbookWithError()));
    files["xl/workbook.xml"] = strToU8(strFromU8(files["xl/workbook.xml"]!).replace('name="Indicateurs"', 'name="Indic\u001b[31mateurs"'));
    return Buffer.from(zipSync(files));
  }
  const WORKBOOKS: [string, (dir: string) => void | Promise<void>, string, number, RegExp][] = [
    ["a CSV renamed .xlsx", (d) => writeFileSync(join(d, "i.xlsx"), "indicateur;valeur\nTaux;3\n"), "i.xlsx", 1, /i\.xlsx\u00a0: fichier texte \(un CSV\u00a0\?\) nommé \.xlsx\u00a0: renommez-le en \.csv/],
    ["a workbook protected by a password", (d) => writeFileSync(join(d, "i.xlsx"), ole("EncryptedPackage")), "i.xlsx", 1, /i\.xlsx\u00a0: classeur protégé par un mot de passe/],
    ["an Excel 97-2003 workbook", (d) => writeFileSync(join(d, "i.xls"), ole("Workbook")), "i.xls", 1, /i\.xls\u00a0: classeur Excel 97-2003 \(\.xls\), que cpts ne lit pas/],
    [
      "a truncated workbook",
      async (d) => writeFileSync(join(d, "i.xlsx"), (await workbookWithError()).subarray(0, 3000)),
      "i.xlsx",
      1,
      /i\.xlsx\u00a0: classeur endommagé ou qui n’est pas au format \.xlsx/,
    ],
    ["binary bytes named .xlsx", (d) => writeFileSync(join(d, "i.xlsx"), binaryBytes()), "i.xlsx", 1, /i\.xlsx\u00a0: ce n’est pas un classeur Excel \(\.xlsx\)/],
    [
      "an Excel error in a cell",
      async (d) => writeFileSync(join(d, "i.xlsx"), await workbookWithError()),
      "i.xlsx",
      1,
      /i\.xlsx, feuille Indicateurs, cellule B2\u00a0: la cellule affiche l’erreur #N\/A\u00a0: corrigez sa formule/,
    ],
    ["an escape sequence in the sheet name", async (d) => writeFileSync(join(d, "i.xlsx"), await workbookWithEscape()), "i.xlsx", 1, /i\.xlsx\u00a0: classeur endommagé/],
    ["a folder named .xlsx", (d) => mkdirSync(join(d, "i.xlsx")), "i.xlsx", 2, /i\.xlsx est un dossier, pas un classeur Excel \(\.xlsx\)/],
    ["a missing workbook", () => undefined, "absent.xlsx", 2, /absent\.xlsx\u00a0: fichier introuvable/],
    ["a 5 MiB workbook", (d) => writeFileSync(join(d, "i.xlsx"), Buffer.alloc(5 * 1024 * 1024, 0x50)), "i.xlsx", 2, /i\.xlsx\u00a0: fichier trop volumineux \(5 Mio/],
  ];

  it.each(WORKBOOKS)("workbook, %s: nothing imported", async (_name, make, file, code, message) => {
    const dir = validProject();
    await make(dir);
    const before = sha256(join(dir, "cpts.yaml"));
    const r = await cpts(["diagnostic", "importer", file, "--projet", "cpts.yaml"], dir);
    expectClean(r, [code]);
    expect(r.out).toMatch(message);
    expect(sha256(join(dir, "cpts.yaml"))).toBe(before);
    expect(existsSync(join(dir, "cpts.yaml.bak"))).toBe(false);
  });

  it.each(CASES)("%s: nothing imported", async (_name, make, csv, code, message) => {
    const dir = validProject();
    make(dir);
    const before = sha256(join(dir, "cpts.yaml"));
    const r = await cpts(["diagnostic", "importer", csv, "--projet", "cpts.yaml"], dir);
    expectClean(r, [code]);
    expect(r.out).toMatch(message);
    expect(sha256(join(dir, "cpts.yaml"))).toBe(before);
    expect(existsSync(join(dir, "cpts.yaml.bak"))).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Writing the project file: what a save must never do to it, to its folder or to its layout.
// Each case saves through `territoire --ajouter` (or `diagnostic importer`), which change the
// project file, and checks what a user would find in the folder afterwards.

const ADD = ["territoire", "cpts.yaml", "--ajouter", "24037"];

/** Files of `dir` other than the project, its backup and the CSV the case wrote. */
const strayFiles = (dir: string) => readdirSync(dir).filter((f) => !["cpts.yaml", "cpts.yaml.bak", "indicateurs.csv", "victime.txt", "reel"].includes(f));

describe("writing the project file", () => {
  it("keeps a chmod 600 project at 600, and its .bak no more readable", async () => {
    const dir = validProject();
    const file = join(dir, "cpts.yaml");
    chmodSync(file, 0o600);
    const r = await cpts(ADD, dir);
    expectClean(r, [0]);
    expect(readFileSync(file, "utf8")).toContain('"24037"');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(`${file}.bak`).mode & 0o777).toBe(0o600);
  });

  it("writes through a project file that is a symlink, to its target, as editors do", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "reel"));
    copyFileSync(MINIMAL, join(dir, "reel", "cpts.yaml"));
    symlinkSync(join("reel", "cpts.yaml"), join(dir, "cpts.yaml"));
    const r = await cpts(ADD, dir);
    expectClean(r, [0]);
    expect(lstatSync(join(dir, "cpts.yaml")).isSymbolicLink(), "le lien a été remplacé par un fichier").toBe(true);
    expect(readFileSync(join(dir, "reel", "cpts.yaml"), "utf8")).toContain('"24037"');
    expect(strayFiles(dir)).toEqual([]);
  });

  it("refuses a read-only project file (exit 2) instead of replacing it", async () => {
    const dir = validProject();
    const file = join(dir, "cpts.yaml");
    chmodSync(file, 0o444);
    const before = sha256(file);
    const r = await cpts(ADD, dir);
    expectClean(r, [2]);
    expect(r.out).toMatch(/cpts\.yaml est en lecture seule\u00a0: cpts ne le remplace pas\. Rien n’a été modifié/);
    expect(sha256(file)).toBe(before);
    expect(statSync(file).mode & 0o777).toBe(0o444);
    expect(strayFiles(dir)).toEqual([]);
  });

  it("a .bak that is a folder: a French message naming it, exit 2, no temporary file left", async () => {
    const dir = validProject();
    const file = join(dir, "cpts.yaml");
    mkdirSync(`${file}.bak`);
    writeFileSync(join(`${file}.bak`, "dedans.txt"), "x\n");
    const before = sha256(file);
    const r = await cpts(ADD, dir);
    expectClean(r, [2]);
    expect(r.out).toMatch(/cpts\.yaml\.bak est un dossier\u00a0: la copie de sauvegarde de cpts\.yaml ne peut pas y être écrite/);
    expect(sha256(file)).toBe(before);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("never writes through a symlink planted under the backup's names", async () => {
    // The names a save used to write its backup under: `.cpts.yaml.<pid>.bak.tmp` (copied into
    // through the link) and `cpts.yaml.bak`. In a shared folder, anyone could plant them.
    const dir = validProject();
    const victim = join(dir, "victime.txt");
    writeFileSync(victim, "à ne pas écraser\n");
    symlinkSync(victim, join(dir, `.cpts.yaml.${process.pid}.bak.tmp`));
    symlinkSync(victim, join(dir, "cpts.yaml.bak"));
    const r = await cpts(ADD, dir);
    expectClean(r, [0]);
    expect(readFileSync(victim, "utf8")).toBe("à ne pas écraser\n");
    expect(lstatSync(join(dir, "cpts.yaml.bak")).isFile(), "la sauvegarde suit le lien").toBe(true);
    expect(readFileSync(join(dir, "cpts.yaml.bak"), "utf8")).toBe(readFileSync(MINIMAL, "utf8"));
  });

  it("gives temporary files and the backup names nobody can guess", async () => {
    const dir = validProject();
    const seen: string[] = [];
    const watcher = (await import("node:fs")).watch(dir, (_event, name) => name && seen.push(String(name)));
    try {
      expectClean(await cpts(ADD, dir), [0]);
      expectClean(await cpts(["territoire", "cpts.yaml", "--ajouter", "24053"], dir), [0]);
      await new Promise((done) => setTimeout(done, 100));
    } finally {
      watcher.close();
    }
    const temporaries = [...new Set(seen.filter((n) => n.endsWith(".tmp")))];
    expect(temporaries.length).toBeGreaterThanOrEqual(2);
    for (const name of temporaries) expect(name).toMatch(new RegExp(`^\\.cpts\\.yaml\\.${process.pid}\\.[0-9a-f]{32}\\.(bak\\.)?tmp$`));
    expect(readdirSync(dir).sort()).toEqual(["cpts.yaml", "cpts.yaml.bak"]);
  });

  it("refuses a change that would make the project larger than the size limit, writing nothing", async () => {
    const dir = validProject();
    const file = join(dir, "cpts.yaml");
    // 1 MiB is the most cpts reads; the project is just under it, the import would pass it.
    const text = readFileSync(file, "utf8").replace("  nom: CPTS du Val de l’Isle\n", `  nom: CPTS du Val de l’Isle\n  historique: "${"Un texte. ".repeat(104_000)}"\n`);
    writeFileSync(file, text);
    expect(statSync(file).size).toBeLessThan(1024 * 1024);
    const rows = Array.from({ length: 60 }, (_, i) => `Indicateur numéro ${i} au libellé assez long pour peser;${i};%;2024;Source ${"x".repeat(40)};`);
    writeFileSync(join(dir, "indicateurs.csv"), `indicateur;valeur;unite;annee;source;territoire_de_reference\n${rows.join("\n")}\n`);
    const before = sha256(file);
    const r = await cpts(["diagnostic", "importer", "indicateurs.csv", "--projet", "cpts.yaml"], dir);
    expectClean(r, [2]);
    expect(r.out).toMatch(/Avec cette modification, cpts\.yaml atteindrait 10\d\d Kio, au-delà des 1024 Kio que cpts accepte pour un fichier projet\u00a0: rien n’a été écrit/);
    expect(sha256(file)).toBe(before);
    expect(existsSync(`${file}.bak`)).toBe(false);
    expectClean(await cpts(["valider", "cpts.yaml"], dir), [0]);
  });

  it.each([
    ["valider", ["valider", "/dev/null"]],
    ["etat", ["etat", "/dev/null"]],
    ["territoire", ["territoire", "/dev/null", "--ajouter", "24037"]],
    ["financement", ["financement", "/dev/null"]],
    ["generer", ["generer", "/dev/null", "--brouillon"]],
    ["diagnostic importer", ["diagnostic", "importer", "indicateurs.csv", "--projet", "/dev/null"]],
    ["init --depuis", ["init", "nouveau", "--nom", "CPTS Nouvelle", "--depuis", "/dev/null"]],
  ])("%s: a device given as the project is refused before it is read", async (_name, args) => {
    const dir = validProject();
    writeFileSync(join(dir, "indicateurs.csv"), "indicateur;valeur;unite;annee;source;territoire_de_reference\nTaux;12;%;2024;INSEE;\n");
    const r = await cpts(args, dir);
    expectClean(r, [2]);
    expect(r.out).toMatch(/\/dev\/null est un périphérique, pas un fichier projet/);
    expect(existsSync(join(dir, "nouveau", "cpts.yaml"))).toBe(false);
  });
});

describe("a save keeps the user's layout", () => {
  it("mise-en-forme.yaml: BOM, CRLF, folded and literal texts, flow spacing and section comments survive", async () => {
    const dir = withFixture("mise-en-forme.yaml");
    const file = join(dir, "cpts.yaml");
    const before = readFileSync(file, "utf8");
    const r = await cpts(["territoire", "cpts.yaml", "--ajouter", "24053"], dir);
    expectClean(r, [0]);
    const after = readFileSync(file, "utf8");
    expect(after.startsWith("\uFEFF"), "marque d’ordre des octets perdue").toBe(true);
    expect(after.replace(/\r\n/g, ""), "fin de ligne sans CR").not.toMatch(/\n/);
    // Every line outside the territory section is as it was, in the same order.
    const outside = (text: string) => withoutSection(text.split("\r\n"), "territoire:");
    expect(outside(after)).toEqual(outside(before));
    expect(after).toContain('communes: ["24037", "24053"]');
  });

  it("Bergerac: a territory change leaves every line of the other sections as it was", async () => {
    const dir = validProject(join(ROOT, "examples", "bergerac", "cpts.yaml"));
    const file = join(dir, "cpts.yaml");
    const before = readFileSync(file, "utf8");
    const r = await cpts(["territoire", "cpts.yaml", "--ajouter", "24322"], dir);
    expectClean(r, [0]);
    const after = readFileSync(file, "utf8");
    expect(after).not.toBe(before);
    const outside = (text: string) => withoutSection(text.split("\n"), "territoire:");
    expect(outside(after)).toEqual(outside(before));
  });
});

/** The lines without those of the top-level section `header` (its key and its indented lines). */
function withoutSection(lines: string[], header: string): string[] {
  const start = lines.indexOf(header);
  expect(start).toBeGreaterThan(0);
  let end = start + 1;
  while (end < lines.length && (lines[end] === "" || /^\s/.test(lines[end]!))) end++;
  while (end > start + 1 && lines[end - 1] === "") end--;
  return [...lines.slice(0, start), ...lines.slice(end)];
}

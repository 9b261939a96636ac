/**
 * The `--json` contract: every command prints one envelope (src/cli/json-envelope.ts) that the
 * schema shipped in schemas/cpts-sortie.schema.json accepts, with its keys in one order, the same
 * bytes for the same input. Run in-process through `run(argv, io)`, as bin/cpts runs it.
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { envelope, OUTPUT_SCHEMA_PATH } from "../../src/cli/json-envelope.js";
import { run } from "../../src/cli/main.js";
import { examplePath } from "../examples.js";
import { EXAMPLES, memoryIo, tempDir } from "../helpers.js";

const schema = JSON.parse(readFileSync(OUTPUT_SCHEMA_PATH, "utf8")) as object;
const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const validate = ajv.compile(schema);

/** Runs `cpts …` in `cwd`; returns the exit code, the parsed envelope and its text. */
async function json(argv: string[], cwd = tempDir()) {
  const io = memoryIo(cwd);
  io.env = { SOURCE_DATE_EPOCH: "1767225600" };
  const code = await run(argv, io);
  const data = JSON.parse(io.out) as Record<string, any>;
  const ok = validate(data);
  if (!ok) throw new Error(`${argv.join(" ")} : ${ajv.errorsText(validate.errors)}`);
  return { code, data, text: io.out, err: io.err };
}

/** A copy of an example in a temporary folder. */
function copy(name: string): string {
  const dir = tempDir();
  cpSync(join(EXAMPLES, name), dir, { recursive: true });
  return join(dir, "cpts.yaml");
}

describe("the envelope", () => {
  it("puts the common keys first, then the command's own, each object's keys in alphabetical order", () => {
    const text = envelope("valider", { fichier: "cpts.yaml", valide: true, constats: [{ path: "cpts.nom", message: "m", severity: "erreur", code: "x" }] }, { zeta: { b: 1, a: 2 }, alpha: [3, 1] });
    expect(Object.keys(JSON.parse(text))).toEqual(["version", "commande", "fichier", "valide", "documents", "constats", "alpha", "zeta"]);
    expect(text).toContain('"zeta": {\n    "a": 2,\n    "b": 1\n  }');
    expect(JSON.parse(text).constats).toEqual([{ chemin: "cpts.nom", code: "x", colonne: null, document: null, fichier: null, gravite: "erreur", ligne: null, message: "m" }]);
    expect(JSON.parse(text).alpha).toEqual([3, 1]);
  });

  it("refuses a command key that would hide a common one", () => {
    expect(() => envelope("etat", { fichier: null, valide: true }, { valide: false })).toThrow(/réservée/);
  });

  it("the schema compiles under ajv's strict mode (a command's own keys are required in `then`, away from their definitions) and rejects an unknown key or a missing one", () => {
    const good = JSON.parse(envelope("valider", { fichier: "cpts.yaml", valide: true }, { exiges: [] }));
    expect(validate(good)).toBe(true);
    expect(validate({ ...good, inconnue: 1 })).toBe(false);
    const { exiges: _, ...withoutOwn } = good;
    expect(validate(withoutOwn)).toBe(false);
  });
});

describe("every --json output follows the schema", () => {
  it("valider, the same bytes twice, valide as the exit code says", async () => {
    const a = await json(["valider", examplePath("bergerac"), "--json"]);
    const b = await json(["valider", examplePath("bergerac"), "--json"]);
    expect(a.text).toBe(b.text);
    expect(a.code).toBe(0);
    expect(a.data).toMatchObject({ version: 1, commande: "valider", valide: true, exiges: [] });
    expect(a.data.documents["lettre-intention"]).toMatchObject({ pret: true, bloquants: 0 });
    const minimal = await json(["valider", examplePath("minimal"), "--json"]);
    expect(minimal.data.documents["lettre-intention"].pret).toBe(false);
    expect(minimal.data.constats.some((c: { document: string | null }) => c.document === "lettre-intention")).toBe(true);
  });

  it("valider --exiger: a document not ready fails with a French message; unknown names get a suggestion", async () => {
    const r = await json(["valider", examplePath("minimal"), "--exiger", "lettre-intention,diagnostic", "--json"]);
    expect(r.code).toBe(1);
    expect(r.data.valide).toBe(false);
    expect(r.data.exiges).toEqual([
      { document: "lettre-intention", pret: false },
      { document: "diagnostic", pret: false },
    ]);
    expect(r.err).toMatch(/--exiger lettre-intention\u00a0: le document «\u00a0Lettre d’intention\u00a0» n’est pas prêt \(\d+\u00a0éléments? à compléter\)/);
    const ready = memoryIo(tempDir());
    expect(await run(["valider", examplePath("bergerac"), "--exiger", "lettre-intention", "--exiger", "statuts"], ready)).toBe(0);
    const typo = memoryIo(tempDir());
    expect(await run(["valider", examplePath("bergerac"), "--exiger", "lettre"], typo)).toBe(2);
    expect(typo.err).toContain("--exiger\u00a0: valeur inconnue «\u00a0lettre\u00a0»\u00a0; vouliez-vous dire «\u00a0lettre-intention\u00a0»");
  });

  it("valider on a CPTS that updates its projet de santé: its two documents; --exiger of a creation document says why it is not produced", async () => {
    const r = await json(["valider", examplePath("chambery"), "--exiger", "statuts", "--json"]);
    expect(r.code).toBe(1);
    expect(Object.keys(r.data.documents)).toEqual(["diagnostic", "projet-sante"]);
    expect(r.data.exiges).toEqual([{ document: "statuts", pret: false }]);
    expect(r.err).toContain(
      "--exiger statuts\u00a0: ce projet ne produit pas le document «\u00a0Statuts de l’association\u00a0», car une CPTS qui actualise son projet de santé a déjà fondé son association, et le fichier ne date pas son assemblée constitutive (association.ag_constitutive.date)\u00a0; ses documents sont diagnostic, projet-sante.",
    );
    // Without the commune contours the map is replaced by a note; Chambéry has no letter to list it in.
    const io = memoryIo(tempDir());
    io.env = { CPTS_CONTOURS_DIR: tempDir() };
    await run(["valider", examplePath("chambery")], io);
    expect(io.out).toContain("une note la remplace dans les documents.");
    const bergerac = memoryIo(tempDir());
    bergerac.env = { CPTS_CONTOURS_DIR: tempDir() };
    await run(["valider", examplePath("bergerac")], bergerac);
    expect(bergerac.out).toContain("une note la remplace et la lettre d’intention la dit «\u00a0à joindre\u00a0».");
  });

  it("etat, with the generated documents out of date once cpts.yaml changes", async () => {
    const file = copy("bergerac");
    const dir = join(file, "..");
    expect((await json(["etat", file, "--json", "--date", "2026-01-01"])).data.generes).toEqual([]);
    const io = memoryIo(dir);
    io.env = { SOURCE_DATE_EPOCH: "1767225600" };
    expect(await run(["generer", file, "-d", "lettre-intention", "--format", "md", "--quiet"], io)).toBe(0);
    expect(io.out).toBe("");
    const fresh = await json(["etat", file, "--json", "--date", "2026-01-01"], dir);
    expect(fresh.data).toMatchObject({ commande: "etat", valide: true, generes: [{ fichier: "documents/lettre-intention.md", etat: "a_jour" }] });
    writeFileSync(file, `${readFileSync(file, "utf8")}# relu le 2 janvier\n`);
    const stale = await json(["etat", file, "--json", "--date", "2026-01-01"], dir);
    expect(stale.data.generes).toEqual([{ fichier: "documents/lettre-intention.md", etat: "perime" }]);
    const text = memoryIo(dir);
    text.env = io.env;
    expect(await run(["etat", file, "--date", "2026-01-01"], text)).toBe(0);
    expect(text.out).toContain("documents/lettre-intention.md\u00a0: périmé");
    expect(text.out).toContain("Pour les mettre à jour\u00a0: cpts generer");
  });

  it("generer, one project and several with an output pattern", async () => {
    const one = await json(["generer", copy("bergerac"), "-d", "statuts", "--format", "md", "--json"]);
    expect(one.data).toMatchObject({ commande: "generer", valide: true, fichiers: [{ document: "statuts", format: "md", statut: "cree", message: null }] });
    expect(one.data.documents.statuts.pret).toBe(true);
    const out = tempDir();
    const several = await json(["generer", copy("bergerac"), copy("minimal"), "--format", "md", "--sortie", join(out, "{projet}"), "--json"]);
    expect(several.code).toBe(1);
    expect(several.data).toMatchObject({ fichier: null, valide: false, documents: {} });
    expect(several.data.projets).toHaveLength(2);
    expect(several.data.fichiers.some((f: { statut: string }) => f.statut === "refuse")).toBe(true);
  });

  it("territoire, financement and financement --budget", async () => {
    const t = await json(["territoire", examplePath("bergerac"), "--json"]);
    expect(t.data).toMatchObject({ commande: "territoire", valide: true, modifie: false });
    const f = await json(["financement", "--taille", "T2", "--missions", "ACCES,PREVENTION", "--json"]);
    expect(f.data).toMatchObject({ commande: "financement", fichier: null });
    expect(f.data.financement).toBeTypeOf("object");
    const b = await json(["financement", "--budget", examplePath("chambery"), "--json"]);
    expect(b.data.budget).toBeTypeOf("object");
  });

  it("diagnostic importer, imported and refused", async () => {
    const file = copy("minimal");
    const dir = join(file, "..");
    writeFileSync(join(dir, "ok.csv"), "indicateur;valeur;unite;annee;source;territoire_de_reference\nMédecins;8,1;pour 10 000;2022;Rézone;CPTS\n");
    const ok = await json(["diagnostic", "importer", "ok.csv", "--json"], dir);
    expect(ok.data).toMatchObject({ commande: "diagnostic importer", valide: true, source: "ok.csv", encodage: "utf-8", feuille: null, ajoutes: 1, modifie: true });
    writeFileSync(join(dir, "bad.csv"), "indicateur;valeur;unite;annee;source;territoire_de_reference\nMédecins;beaucoup;;2022;Rézone;CPTS\n");
    const bad = await json(["diagnostic", "importer", "bad.csv", "--json"], dir);
    expect(bad.code).toBe(1);
    expect(bad.data).toMatchObject({ valide: false, constats: [{ fichier: "bad.csv", ligne: 2, gravite: "erreur" }] });
  });

  it("a command stopped by an error still prints its envelope, with the error", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "cpts.yaml"), "version: 1\ncpts:\n  nom: 3\n");
    const r = await json(["etat", "--json"], dir);
    expect(r.code).toBe(1);
    expect(r.data).toMatchObject({ commande: "etat", valide: false, erreur: expect.stringContaining("contient des erreurs") });
    expect(r.data.constats[0]).toMatchObject({ fichier: "cpts.yaml", chemin: "cpts.nom", ligne: 3 });
  });
});

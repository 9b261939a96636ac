import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { assistantCommand } from "../../src/cli/assistant.js";
import { UserError } from "../../src/project/errors.js";
import { EXAMPLES, memoryIo, tempDir } from "../helpers.js";
import { CTRL_C, plain, projectDir, ScriptedPrompter, type Entry } from "./scripted.js";

describe("cpts assistant", () => {
  it("does not prompt without a terminal: exit 2 and a pointer to valider and etat", async () => {
    const { dir, read } = projectDir();
    const before = read();
    const io = memoryIo(dir, false);
    const ask = new ScriptedPrompter([]);
    expect(await assistantCommand(undefined, {}, io, ask)).toBe(2);
    expect(plain(io.err)).toContain("besoin d’un terminal");
    expect(plain(io.err)).toContain("« cpts valider »");
    expect(plain(io.err)).toContain("« cpts etat »");
    expect(io.err).toContain("«\u00a0cpts valider\u00a0»");
    expect(ask.asked).toEqual([]);
    expect(read()).toBe(before);
  });

  it("refuses a file with errors, with valider's positions, and leaves it untouched (exit 1)", async () => {
    const { dir, file } = projectDir();
    const broken = readFileSync(file, "utf8").replace("version: 2", "version: 2\nporteur: []");
    writeFileSync(file, broken);
    const io = memoryIo(dir, true);
    expect(await assistantCommand(undefined, {}, io, new ScriptedPrompter([]))).toBe(1);
    expect(plain(io.err)).toMatch(/cpts\.yaml:6:1 porteur : champ inconnu « porteur » : vouliez-vous dire `porteurs` \?/);
    expect(plain(io.err)).toContain("Le fichier n’a pas été modifié.");
    expect(readFileSync(file, "utf8")).toBe(broken);
    expect(existsSync(`${file}.bak`)).toBe(false);
  });

  it("stops cleanly on Ctrl-C: answers on disk, how to resume, exit 130", async () => {
    const { dir, read } = projectDir();
    const io = memoryIo(dir, true);
    const ask = new ScriptedPrompter([
      ["Quelle étape", ""],
      ["que voulez-vous compléter", ""],
      ["Nom", ""],
      ["Sigle", "CPTS Val"],
      ["Historique", CTRL_C],
    ]);
    expect(await assistantCommand(undefined, {}, io, ask)).toBe(130);
    expect(parse(read()).cpts).toEqual({ nom: "CPTS du Val", sigle: "CPTS Val" });
    expect(plain(io.err)).toContain("Interrompu : vos réponses sont enregistrées dans cpts.yaml.\nReprenez avec : cpts assistant\n");
    expect(io.err).not.toMatch(/\n\s+at /);
  });

  it("keeps the text being written on Ctrl-C aside, offers it again at its question, and forgets it once answered", async () => {
    const { dir, file, read } = projectDir();
    const drafts = join(dir, ".cpts", "brouillons.json");
    const started = "Né en 2024 d’un groupe de soignants du Val,\ninquiets des départs en retraite";
    const first = memoryIo(dir, true);
    const stopped = new ScriptedPrompter([
      ["Quelle étape", ""],
      ["que voulez-vous compléter", ""],
      ["Nom", ""],
      ["Sigle", "CPTS Val"],
      ["Historique", { ctrlC: started }],
    ]);
    expect(await assistantCommand(undefined, {}, first, stopped)).toBe(130);
    // Half a text never reaches the project, hence no document.
    expect(parse(read()).cpts).toEqual({ nom: "CPTS du Val", sigle: "CPTS Val" });
    expect(read()).not.toContain("soignants");
    expect(statSync(drafts).mode & 0o777).toBe(0o600);
    expect(plain(first.err).replace(/\n(?!Reprenez)/g, " ").replace(/ +/g, " ")).toContain(
      "Interrompu : vos réponses sont enregistrées dans cpts.yaml. " +
        "Texte commencé, pas encore enregistré : « Historique » (étape 1, Le projet et ses porteurs). Il vous sera proposé à sa question, pour le terminer.\n" +
        "Reprenez avec : cpts assistant",
    );
    // The long text is written in an editor; its draft is put back where it was left.
    expect(stopped.texts.at(-1)).toMatchObject({ message: "Historique", multiline: true });

    const second = memoryIo(dir, true);
    const resumed = new ScriptedPrompter([
      ["Quelle étape", ""],
      ["que voulez-vous compléter", ""],
      ["Nom", ""],
      ["Sigle", ""],
      ["Historique", `${started} et décidés à s’organiser.`],
      ["que voulez-vous compléter", "Terminer l’étape"],
      ["Quelle étape", "Quitter"],
    ]);
    expect(await assistantCommand(undefined, {}, second, resumed)).toBe(0);
    expect(plain(second.out)).toContain("Texte commencé, pas encore enregistré : « Historique »");
    const historique = resumed.texts.find((q) => q.message === "Historique")!;
    expect(historique).toMatchObject({ default: started, prefill: true, multiline: true });
    expect(plain(historique.hint!)).toContain("Repris : le texte que vous écriviez quand l’assistant a été arrêté");
    expect(parse(readFileSync(file, "utf8")).cpts.historique).toBe(`${started} et décidés à s’organiser.`);
    expect(existsSync(drafts)).toBe(false);
  });

  it("keeps no draft of an answer left as it was saved, and drops a draft answered with the saved text", async () => {
    const { dir, read } = projectDir();
    const drafts = join(dir, ".cpts", "brouillons.json");
    const steps = (historique: Entry[1]): Entry[] => [
      ["Quelle étape", "Le projet et ses porteurs"],
      ["que voulez-vous compléter", "Nom et histoire"],
      ["Nom", ""],
      ["Sigle", ""],
      ["Historique", historique],
    ];
    const end: Entry[] = [
      ["que voulez-vous compléter", "Terminer l’étape"],
      ["Quelle étape", "Quitter"],
    ];
    expect(await assistantCommand(undefined, {}, memoryIo(dir, true), new ScriptedPrompter([...steps("Né en 2024."), ...end]))).toBe(0);
    expect(await assistantCommand(undefined, {}, memoryIo(dir, true), new ScriptedPrompter(steps({ ctrlC: "Né en 2024." })))).toBe(130);
    expect(existsSync(drafts)).toBe(false);
    expect(await assistantCommand(undefined, {}, memoryIo(dir, true), new ScriptedPrompter(steps({ ctrlC: "Né en 2024 à" })))).toBe(130);
    expect(existsSync(drafts)).toBe(true);
    expect(await assistantCommand(undefined, {}, memoryIo(dir, true), new ScriptedPrompter([...steps("Né en 2024."), ...end]))).toBe(0);
    expect(existsSync(drafts)).toBe(false);
    expect(parse(read()).cpts.historique).toBe("Né en 2024.");
  });

  it("opens a step directly with --etape, then the home screen, and quits with exit 0", async () => {
    const { dir, read } = projectDir();
    const io = memoryIo(dir, true);
    const ask = new ScriptedPrompter([
      ["La lettre d’intention : que voulez-vous compléter", "Soutien"],
      ["Montant demandé", "40 000"],
      ["Types d’aide", ["rédaction du projet de santé", "accompagnement juridique"]],
      ["Précisions", ""],
      ["La lettre d’intention : que voulez-vous compléter", "Terminer l’étape"],
      ["Quelle étape", "Quitter"],
    ]);
    expect(await assistantCommand(undefined, { etape: "lettre-intention" }, io, ask)).toBe(0);
    expect(parse(read()).lettre_intention).toEqual({ soutien_demande: { montant: 40000, types: ["juridique", "redaction_projet_sante"] } });
    expect(plain(io.out)).toContain("Reprenez avec « cpts assistant »");
  });

  it("proposes the first unfinished step on the home screen, with each step's state", async () => {
    const { dir } = projectDir();
    const io = memoryIo(dir, true);
    const ask = new ScriptedPrompter([["Quelle étape", "Quitter"]]);
    await assistantCommand(undefined, {}, io, ask);
    const home = ask.offered[0]!.choices;
    expect(home).toHaveLength(12);
    expect(home[0]).toMatch(/^1\. +Le projet et ses porteurs +◐ en cours$/);
    expect(home[1]).toMatch(/^2\. +Le territoire +○ à faire$/);
    expect(home[6]).toMatch(/^7\. +L’association \(statuts, AG constitutive, dirigeants\) +○ à faire$/);
    expect(home[8]).toMatch(/^9\. +Le budget prévisionnel +○ à faire$/);
    expect(home[10]).toMatch(/^11\. Générer les documents +0\/8 prêts$/);
    expect(home[11]).toContain("Quitter");
  });

  it("a CPTS that updates its projet de santé: two documents, the lettre d’intention step passed and never proposed", async () => {
    const { dir } = projectDir(readFileSync(join(EXAMPLES, "chambery", "cpts.yaml"), "utf8"));
    const io = memoryIo(dir, true);
    const ask = new ScriptedPrompter([["Quelle étape", "Quitter"]]);
    await assistantCommand(undefined, {}, io, ask);
    expect(plain(io.out)).toMatch(/Documents : \S diagnostic · \S projet de santé\n/);
    const home = ask.offered[0]!.choices;
    expect(home[5]).toMatch(/^6\. +La lettre d’intention +– étape passée$/);
    expect(home[10]).toMatch(/^11\. Générer les documents +\d\/2 prêts$/);
    expect(home[6]).not.toMatch(/à faire/);
  });

  it("rejects an unknown step name", async () => {
    const { dir } = projectDir();
    await expect(assistantCommand(undefined, { etape: "tresorerie" }, memoryIo(dir, true), new ScriptedPrompter([]))).rejects.toThrow(UserError);
  });

  it("starts from nothing: offers to create cpts.yaml, then asks on", async () => {
    const dir = tempDir();
    const io = memoryIo(dir, true);
    const ask = new ScriptedPrompter([
      ["Aucun projet dans ce dossier", ""],
      ["Nom de la CPTS", "CP"],
      ["Nom de la CPTS", "CPTS des Coteaux"],
      ["Quelle étape", "Quitter"],
    ]);
    expect(await assistantCommand(undefined, {}, io, ask)).toBe(0);
    expect(ask.errors).toEqual(["Le nom doit compter au moins 3 caractères, par exemple « CPTS du Bergeracois »."]);
    expect(parse(readFileSync(join(dir, "cpts.yaml"), "utf8")).cpts.nom).toBe("CPTS des Coteaux");
  });
});

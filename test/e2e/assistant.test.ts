/**
 * The wizard as a user meets it: `bin/cpts assistant` in a real pseudo-terminal (tmux), keys
 * typed one answer at a time, the screen read back, the project file checked on disk.
 * Needs the build (`npm run build`, done by `npm test`) and tmux.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { BIN, runCli, tempDir } from "../helpers.js";

const TMUX = ["/usr/bin/tmux", "/usr/local/bin/tmux"].find((p) => existsSync(p));

/** One wizard run in a detached tmux session. */
class Terminal {
  private static count = 0;
  readonly name = `cpts-e2e-${process.pid}-${Date.now()}-${Terminal.count++}`;

  constructor(
    readonly cwd: string,
    args: string[],
    env: Record<string, string>,
  ) {
    const vars = Object.entries(env).map(([k, v]) => `${k}='${v}'`);
    const command = `env ${vars.join(" ")} ${process.execPath} ${BIN} ${args.join(" ")}; echo "EXIT=$?"; sleep 120`;
    this.tmux("new-session", "-d", "-s", this.name, "-x", "120", "-y", "50", "-c", cwd, "-e", "CI=", "-e", "NO_COLOR=1", command);
  }

  private tmux(...args: string[]): string {
    return execFileSync(TMUX!, args, { encoding: "utf8" });
  }

  /** The visible screen, no-break spaces shown as spaces. */
  screen(): string {
    return this.tmux("capture-pane", "-p", "-t", this.name).replace(/[\u00a0\u202f]/g, " ");
  }

  /** The question being asked: the last line that starts with « ? ». */
  question(): string {
    const lines = this.screen().split("\n");
    for (let i = lines.length - 1; i >= 0; i--) if (lines[i]!.startsWith("? ")) return lines[i]!;
    return "";
  }

  async poll(ok: () => boolean, what: string, timeout: number): Promise<void> {
    const end = Date.now() + timeout;
    while (Date.now() < end) {
      if (ok()) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${what}; screen:\n${this.screen()}`);
  }

  /** Everything the session printed, scrollback included. */
  history(): string {
    return this.tmux("capture-pane", "-p", "-S", "-", "-t", this.name).replace(/[\u00a0\u202f]/g, " ");
  }

  /** Waits until the current question contains `text`. */
  async asked(text: string, timeout = 15_000): Promise<void> {
    await this.poll(() => this.question().includes(text), `the question « ${text} »`, timeout);
  }

  /** Waits until the screen shows `pattern`. */
  async shows(pattern: string | RegExp, timeout = 15_000): Promise<string> {
    await this.poll(() => (typeof pattern === "string" ? this.screen().includes(pattern) : pattern.test(this.screen())), String(pattern), timeout);
    return this.screen();
  }

  /** Types text literally (no Enter). */
  type(text: string): void {
    if (text) this.tmux("send-keys", "-t", this.name, "-l", text);
  }

  key(...keys: string[]): void {
    this.tmux("send-keys", "-t", this.name, ...keys);
  }

  /** Lines of the whole session (scrollback included) that show an answered question. */
  answered(): number {
    return this.tmux("capture-pane", "-p", "-S", "-", "-t", this.name)
      .split("\n")
      .filter((l) => l.startsWith("✔ ")).length;
  }

  /** Presses Enter and waits until the question is answered (its line turns to « ✔ »). */
  async enter(): Promise<void> {
    const before = this.answered();
    this.key("Enter");
    await this.poll(() => this.answered() > before, "the answer to be taken", 15_000);
  }

  /** Answers the current question, once it is `question`: types `text`, then Enter. */
  async answer(question: string, text = ""): Promise<void> {
    await this.asked(question);
    this.type(text);
    await this.enter();
  }

  kill(): void {
    try {
      this.tmux("kill-session", "-t", this.name);
    } catch {
      // already gone
    }
  }
}

const terminals: Terminal[] = [];
afterEach(() => {
  while (terminals.length) terminals.pop()!.kill();
});

/**
 * Without an editor, whatever the machine has (no $VISUAL, $EDITOR, nor editor on the PATH):
 * long texts are then asked on one line, as typed by these runs.
 */
const NO_EDITOR = { VISUAL: "", EDITOR: "", PATH: "/nonexistent" };

function open(cwd: string, ...args: string[]): Terminal {
  return openWith(NO_EDITOR, cwd, ...args);
}

function openWith(env: Record<string, string>, cwd: string, ...args: string[]): Terminal {
  const t = new Terminal(cwd, ["assistant", ...args], env);
  terminals.push(t);
  return t;
}

describe("cpts assistant without a terminal", () => {
  it("asks nothing and exits 2, pointing to valider and etat", async () => {
    const dir = tempDir();
    await runCli(["init", "--nom", "CPTS du Val"], { cwd: dir });
    const r = await runCli(["assistant"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("besoin d’un terminal");
    expect(r.stderr).toContain("«\u00a0cpts valider\u00a0»");
    expect(r.stderr).toContain("«\u00a0cpts etat\u00a0»");
    expect(r.stdout).toBe("");
  });
});

// tmux is installed by .ci/run: without it these runs must fail, not vanish.
describe("cpts assistant in a terminal", () => {
  it("has tmux to drive a real terminal", () => {
    expect(TMUX, "tmux introuvable : installez le paquet Debian tmux").toBeDefined();
  });

  it("takes a founder from a new project to a minimal complete one", async () => {
    const dir = tempDir();
    expect((await runCli(["init", "--nom", "CPTS du Val"], { cwd: dir })).code).toBe(0);
    const t = open(dir);

    // 1. The project and its porteurs.
    await t.shows("Quelle étape");
    expect(t.screen()).toMatch(/1\. +Le projet et ses porteurs +◐ en cours/);
    await t.answer("Quelle étape");
    await t.answer("que voulez-vous compléter");
    await t.answer("Nom");
    await t.answer("Sigle", "CPTS Val");
    await t.answer("Historique", "Né en 2024 d’un groupe de soignants du Val.");
    // The founding path is asked early: it decides the governance documents.
    await t.answer("que voulez-vous compléter");
    await t.answer("est-elle à créer, ou existe-t-elle déjà", "une association est créée");
    await t.answer("que voulez-vous compléter");
    await t.answer("Porteurs du projet (0)");
    for (const [profession, civilite, titre, prenom, nom, courriel, phone] of [
      ["inf", "Mme", undefined, "Claire", "Martin", "claire.martin@exemple.fr", "05 53 00 00 00"],
      ["méd", "M.", "Dr", "Paul", "Roux", "", ""],
    ] as const) {
      await t.answer("Profession", profession);
      await t.answer("Civilité", civilite);
      if (titre) await t.answer("Titre", titre);
      await t.answer("Prénom", prenom);
      await t.answer("Nom", nom);
      await t.answer("Mode d’exercice", "lib");
      await t.answer("Structure");
      await t.answer("Commune d’exercice", "Bergerac");
      await t.answer("Courriel", courriel);
      await t.answer("Téléphone", phone);
      await t.answer("Rôle dans le projet");
      await t.answer("interlocuteur principal");
      await t.asked("Porteurs du projet (");
      if (prenom === "Claire") await t.answer("Porteurs du projet (1)", "A");
    }
    await t.answer("Porteurs du projet (2)");
    await t.answer("que voulez-vous compléter");
    await t.asked("Quelle étape");
    expect(t.history()).toContain("Récapitulatif : le projet et ses porteurs");

    // 2. The territory, found by name.
    await t.asked("Quelle étape");
    expect(t.screen()).toMatch(/1\. +Le projet et ses porteurs +✔ fait/);
    await t.answer("Quelle étape");
    await t.answer("Le territoire : que voulez-vous compléter");
    await t.answer("Communes et intercommunalités");
    await t.asked("Intercommunalité ou commune");
    t.type("bergerac");
    await t.shows("CA Bergeracoise — intercommunalité (communauté d’agglomération), Dordogne");
    // The commune comes first (exact name); go down to the intercommunalité.
    for (let i = 0; i < 5 && !/❯ CA Bergeracoise/.test(t.screen()); i++) {
      t.key("Down");
      await new Promise((r) => setTimeout(r, 150));
    }
    expect(t.screen()).toMatch(/❯ CA Bergeracoise/);
    await t.enter();
    await t.shows(/Territoire : 38 communes, 61 915 habitants \(population municipale, données \d{4}\), taille ACI T2/);
    await t.answer("Communes et intercommunalités");
    await t.answer("Le territoire : que voulez-vous compléter");
    await t.answer("Nom du territoire");
    await t.answer("Justification", "Bassin de vie de Bergerac");
    await t.answer("Cohérence avec les CPTS voisines");
    await t.answer("Superficie");
    await t.answer("Le territoire : que voulez-vous compléter");

    // 5. One fiche-action for each socle mission.
    await t.answer("Quelle étape", "5");
    for (const [mission, action] of [
      ["Accès aux soins", "Un médecin traitant pour les patients en ALD"],
      ["Parcours pluriprofessionnels autour du patient", "Parcours de l’insuffisant cardiaque"],
      ["Prévention", "Dépistage du cancer colorectal"],
      ["Réponse aux crises sanitaires graves", "Plan de réponse aux crises sanitaires"],
    ]) {
      await t.answer("Les missions et fiches-actions : que voulez-vous compléter");
      await t.answer(`Retenir la mission « ${mission} »`);
      await t.answer(`${mission} : que voulez-vous compléter`);
      await t.answer(`Fiches-actions — ${mission} (0)`);
      await t.answer("Intitulé", action);
      await t.answer("Objectif", "Mieux soigner");
      for (const q of ["Ce que l’action couvre", "Public visé", "Pilote", "Partenaires", "Moyens", "Date de début prévue", "Date de fin prévue"]) await t.answer(q);
      await t.answer("Indicateurs (0)", "T");
      await t.answer(`Fiches-actions — ${mission} (1)`);
      await t.answer(`${mission} : que voulez-vous compléter`, "4");
    }
    await t.answer("Les missions et fiches-actions : que voulez-vous compléter");
    await t.asked("Quelle étape");
    expect(t.history()).toContain("Récapitulatif : les missions et fiches-actions");

    // 7. A governance preset.
    await t.answer("Quelle étape", "7");
    await t.answer("L’association (statuts, AG constitutive, dirigeants) : que voulez-vous compléter", "3");
    await t.asked("Quel modèle de gouvernance");
    expect(t.screen()).toContain("Chaque profession élit 2 titulaires et 2 suppléants");
    await t.enter();
    await t.shows("Modèle « Un collège par profession (modèle de Bergerac) » appliqué");
    await t.answer("L’association (statuts, AG constitutive, dirigeants) : que voulez-vous compléter", "17");
    await t.asked("Quelle étape");
    expect(t.history()).toContain("Récapitulatif : l’association");

    // 11. The documents.
    await t.answer("Quelle étape", "11");
    await t.answer("Date des documents", "01/03/2026");
    await t.answer("Lieu", "Bergerac");
    await t.answer("Générer les documents maintenant");
    await t.shows(/en brouillon|Quelle étape/);
    if (t.question().includes("en brouillon")) await t.answer("en brouillon");
    await t.asked("Quelle étape", 60_000);
    expect(t.history()).not.toMatch(/génération des documents a échoué/);
    await t.answer("Quelle étape", "12");
    await t.shows("EXIT=0");

    const project = parse(readFileSync(join(dir, "cpts.yaml"), "utf8"));
    expect(project.cpts).toMatchObject({ nom: "CPTS du Val", sigle: "CPTS Val" });
    expect(project.association.parcours).toBe("nouvelle");
    expect(project.porteurs).toEqual([
      expect.objectContaining({ profession: "infirmier", prenom: "Claire", nom: "Martin", interlocuteur_principal: true, telephone: "05 53 00 00 00" }),
      expect.objectContaining({ profession: "medecin_generaliste", civilite: "M.", titre: "Dr", prenom: "Paul", nom: "Roux" }),
    ]);
    expect(project.territoire).toMatchObject({ epci: ["200070647"], taille: "T2", nom: "Communauté d’agglomération Bergeracoise" });
    expect(project.missions.map((m: { code: string; actions: unknown[] }) => [m.code, m.actions.length])).toEqual([
      ["ACCES", 1],
      ["PARCOURS", 1],
      ["PREVENTION", 1],
      ["CRISE", 1],
    ]);
    expect(project.association.colleges.map((c: { nom: string }) => c.nom)).toEqual(["collège des médecins généralistes", "collège des infirmiers"]);
    expect(project.association.bureau.presidence_tournante).toBe(true);
    // The file stays valid and keeps its comments.
    const text = readFileSync(join(dir, "cpts.yaml"), "utf8");
    expect(text).toMatch(/^# yaml-language-server: \$schema=/);
    expect(text).toContain("\n# Les professionnels qui portent le projet");
    expect((await runCli(["valider"], { cwd: dir })).stdout).not.toMatch(/erreur/i);
    expect(readdirSync(join(dir, "documents")).filter((f) => f.endsWith(".docx")).length).toBeGreaterThan(0);
  }, 180_000);

  it("stops on Ctrl-C in the middle of a step: answers on disk, how to resume, exit 130", async () => {
    const dir = tempDir();
    await runCli(["init", "--nom", "CPTS du Val"], { cwd: dir });
    const t = open(dir, "--etape", "porteurs");
    await t.answer("que voulez-vous compléter");
    await t.answer("Nom");
    await t.answer("Sigle", "CPTS Val");
    await t.asked("Historique");
    t.type("Né en 20");
    t.key("C-c");
    const screen = await t.shows("EXIT=130");
    expect(screen).toContain("Interrompu : vos réponses sont enregistrées dans cpts.yaml.");
    expect(screen).toContain("Reprenez avec : cpts assistant");
    expect(screen).not.toMatch(/ExitPromptError|\n\s+at /);
    const project = parse(readFileSync(join(dir, "cpts.yaml"), "utf8"));
    expect(project.cpts).toEqual({ nom: "CPTS du Val", sigle: "CPTS Val" });

    // The text being typed is kept aside, readable by its owner only, not in the project.
    expect(screen.replace(/\s+/g, " ")).toContain("Texte commencé, pas encore enregistré : « Historique » (étape 1, Le projet et ses porteurs).");
    const drafts = join(dir, ".cpts", "brouillons.json");
    expect(statSync(drafts).mode & 0o777).toBe(0o600);

    // A week later: the answers are there, proposed as defaults, and the text is back on its line.
    const again = open(dir, "--etape", "porteurs");
    await again.asked("que voulez-vous compléter");
    await again.shows("Nom : CPTS du Val · Sigle : CPTS Val");
    await again.answer("que voulez-vous compléter", "1");
    await again.answer("Nom");
    await again.asked("Sigle");
    expect(again.screen()).toContain("(CPTS Val)");
    await again.enter();
    await again.asked("Historique");
    expect((await again.shows(/\n {2}Né en 20\n/)).replace(/\s+/g, " ")).toContain(
      "Repris : le texte que vous écriviez quand l’assistant a été arrêté",
    );
    again.type("24.");
    await again.enter();
    // The answer is saved once Enter is read: wait for it rather than for a screen.
    let historique: unknown;
    for (let i = 0; i < 100 && historique === undefined; i++) {
      historique = parse(readFileSync(join(dir, "cpts.yaml"), "utf8")).cpts.historique;
      if (historique === undefined) await new Promise((done) => setTimeout(done, 100));
    }
    expect(historique).toBe("Né en 2024.");
    expect(existsSync(drafts)).toBe(false);
  }, 120_000);

  it("opens the user’s editor for a long text and saves what was written there", async () => {
    const dir = tempDir();
    await runCli(["init", "--nom", "CPTS du Val"], { cwd: dir });
    // An editor that adds a paragraph to the text it is given, as a user would.
    const editor = join(dir, "mon-editeur");
    writeFileSync(editor, `#!/bin/sh\nprintf '\\nPremière réunion à Bergerac.\\n' >> "$1"\n`);
    chmodSync(editor, 0o755);
    const t = openWith({ ...NO_EDITOR, VISUAL: editor }, dir, "--etape", "porteurs");
    await t.answer("que voulez-vous compléter");
    await t.answer("Nom");
    await t.answer("Sigle");
    await t.asked("Historique");
    const screen = (await t.shows("ouvre l’éditeur")).replace(/\s+/g, " ");
    expect(screen).toContain("Texte sur plusieurs lignes, écrit dans mon-editeur.");
    expect(screen).toContain("Entrée ouvre l’éditeur ; enregistrez puis fermez-le pour valider.");
    await t.enter();
    await t.asked("que voulez-vous compléter");
    expect(parse(readFileSync(join(dir, "cpts.yaml"), "utf8")).cpts.historique).toBe("Première réunion à Bergerac.");
    t.key("C-c");
    await t.shows("EXIT=130");
  }, 120_000);
});

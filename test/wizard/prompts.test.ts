import { chmodSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { screen } from "@inquirer/testing/vitest";
import { describe, expect, it } from "vitest";
import { askConfirm, askNumber, askSearch, askSelect, askText, parseFrenchNumber } from "../../src/wizard/prompts.js";
import { tempDir } from "../helpers.js";

describe("prompts: the real prompts, in French", () => {
  it("asks yes/no with o/n and answers « oui » or « non »", async () => {
    const answer = askConfirm({ message: "Continuer avec l’assistant ?" });
    expect(screen.getScreen()).toContain("Continuer avec l’assistant\u00a0? (O/n)");
    screen.type("x");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Répondez «\u00a0o\u00a0» (oui) ou «\u00a0n\u00a0» (non).");
    screen.keypress("backspace");
    screen.type("non");
    screen.keypress("enter");
    await expect(answer).resolves.toBe(false);
    expect(screen.getScreen()).toContain("non");
    expect(screen.getScreen()).not.toMatch(/Yes|No\b/);
  });

  it("shows the hint under a text question and re-asks until the answer is accepted", async () => {
    const answer = askText({
      message: "Code postal",
      hint: "5 chiffres, par exemple « 24100 ».",
      validate: (v) => /^\d{5}$/.test(v) || "Code postal attendu (5 chiffres).",
    });
    expect(screen.getScreen()).toContain("Code postal\n  5 chiffres, par exemple «\u00a024100\u00a0».");
    screen.type("241");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Code postal attendu (5 chiffres).");
    screen.type("00");
    screen.keypress("enter");
    await expect(answer).resolves.toBe("24100");
  });

  it("reads numbers written the French way", async () => {
    expect(parseFrenchNumber("64 455")).toBe(64455);
    expect(parseFrenchNumber("12,5")).toBe(12.5);
    expect(parseFrenchNumber("")).toBeUndefined();
    expect(parseFrenchNumber("douze")).toBe("douze");
    const answer = askNumber({ message: "Montant", validate: (v) => typeof v === "number" || "Un nombre attendu." });
    screen.type("50 000");
    screen.keypress("enter");
    await expect(answer).resolves.toBe(50000);
  });

  it("lists choices with French key hints and no English left", async () => {
    const answer = askSelect({ message: "Quelle étape ?", choices: [{ value: 1, name: "Le territoire", description: "À commencer." }, { value: 2, name: "Quitter" }] });
    const shown = screen.getScreen();
    expect(shown).toContain("↑↓ naviguer • ⏎ choisir");
    expect(shown).toContain("À commencer.");
    expect(shown).not.toMatch(/navigate|select\b/);
    screen.keypress("down");
    screen.keypress("enter");
    await expect(answer).resolves.toBe(2);
  });

  it("says « aucun résultat » in French when a search finds nothing", async () => {
    const answer = askSearch({
      message: "Commune",
      source: (term) => (term === "berg" ? [{ value: "24037", name: "Bergerac" }] : []),
    });
    screen.type("zzz");
    await screen.next();
    expect(screen.getScreen()).toContain("Aucun résultat pour «\u00a0zzz\u00a0»");
    expect(screen.getScreen()).not.toContain("No results");
    for (let i = 0; i < 3; i++) screen.keypress("backspace");
    screen.type("berg");
    await screen.next();
    screen.keypress("enter");
    await expect(answer).resolves.toBe("24037");
  });

  it("rejects with ExitPromptError on Ctrl-C", async () => {
    const answer = askText({ message: "Nom" });
    screen.keypress({ name: "c", ctrl: true });
    await expect(answer).rejects.toMatchObject({ name: "ExitPromptError" });
  });

  it("shows the escape sequences of a project's text as codes, and keeps the stored default", async () => {
    const hostile = "Val\u001b]0;titre\u0007\u202e";
    const choice = askSelect({ message: `Modifier « ${hostile} » ?`, choices: [{ value: 1, name: hostile, description: hostile }] });
    const shown = screen.getScreen({ raw: true });
    expect(shown).toContain("Val\\u001b]0;titre\\u0007\\u202e");
    expect(shown).not.toMatch(/\u001b\]|\u0007|\u202e/);
    screen.keypress("enter");
    await expect(choice).resolves.toBe(1);

    const text = askText({ message: "Nom", default: hostile });
    expect(screen.getScreen({ raw: true })).not.toMatch(/\u001b\]|\u0007|\u202e/);
    screen.keypress("enter");
    await expect(text).resolves.toBe(hostile);
  });
});

describe("prompts: what is being written", () => {
  it("gives what was on the line with Ctrl-C, for the wizard to keep", async () => {
    const answer = askText({ message: "Historique" });
    screen.type("Né en 2024 d’un groupe");
    screen.keypress({ name: "c", ctrl: true });
    const error = await answer.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: "ExitPromptError", typed: "Né en 2024 d’un groupe" });
  });

  it("puts a draft in the line, ready to be finished", async () => {
    const answer = askText({ message: "Historique", default: "Né en 2024 d’un", prefill: true });
    expect(screen.getScreen()).toContain("Historique Né en 2024 d’un");
    expect(screen.getScreen()).not.toContain("(Né en 2024");
    screen.type(" groupe de soignants.");
    screen.keypress("enter");
    await expect(answer).resolves.toBe("Né en 2024 d’un groupe de soignants.");
  });
});

describe("prompts: long texts", () => {
  const withEnv = async (env: Record<string, string | undefined>, run: () => Promise<void>) => {
    const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    const set = (values: Record<string, string | undefined>) => {
      for (const [k, v] of Object.entries(values)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    };
    set(env);
    try {
      await run();
    } finally {
      set(saved);
    }
  };

  it("says in French which editor opens, and how to choose another", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "nano"), "#!/bin/sh\n");
    chmodSync(join(dir, "nano"), 0o755);
    await withEnv({ PATH: dir, VISUAL: undefined, EDITOR: undefined }, async () => {
      const answer = askText({ message: "Historique", hint: "Comment la démarche est née.", multiline: true });
      const shown = screen.getScreen().replace(/[ \n]+/g, " ");
      expect(shown).toContain("Texte sur plusieurs lignes, écrit dans nano (choisissez votre éditeur avec la variable VISUAL ou EDITOR).");
      expect(shown).toContain("Entrée ouvre l’éditeur\u00a0; enregistrez puis fermez-le pour valider.");
      expect(shown).not.toMatch(/Press|launch/);
      // Not Enter: that would start the editor.
      screen.keypress({ name: "c", ctrl: true });
      await expect(answer).rejects.toMatchObject({ name: "ExitPromptError" });
      expect(process.env.VISUAL).toBeUndefined();
    });
  });

  it("asks on one line when no editor is installed", async () => {
    await withEnv({ PATH: tempDir(), VISUAL: undefined, EDITOR: undefined }, async () => {
      const answer = askText({ message: "Historique", multiline: true });
      expect(screen.getScreen()).not.toContain("éditeur");
      screen.type("Né en 2024.");
      screen.keypress("enter");
      await expect(answer).resolves.toBe("Né en 2024.");
    });
  });
});

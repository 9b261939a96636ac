import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { memoryIo, tempDir } from "../helpers.js";
import { plain, ScriptedPrompter } from "./scripted.js";

// `cpts init` asks through the prompt module: replace it with scripted answers.
const state = vi.hoisted(() => ({ confirm: [] as boolean[], asked: [] as string[], prompter: undefined as unknown }));
vi.mock("../../src/wizard/prompts.js", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../src/wizard/prompts.js")>();
  const delegate = new Proxy(
    {},
    {
      get: (_t, key) => {
        const target = state.prompter as Record<string | symbol, unknown>;
        const value = target[key];
        return typeof value === "function" ? value.bind(target) : value;
      },
    },
  );
  return {
    ...actual,
    askConfirm: async (q: { message: string }) => {
      state.asked.push(q.message);
      return state.confirm.shift() ?? false;
    },
    terminalPrompter: delegate,
  };
});

const { initCommand } = await import("../../src/cli/init.js");

beforeEach(() => {
  state.confirm = [];
  state.asked = [];
});

describe("cpts init hands over to the wizard", () => {
  it("asks « Lancer l’assistant maintenant ? » in a terminal and runs it when the answer is yes", async () => {
    const dir = tempDir();
    const io = memoryIo(dir, true);
    state.confirm = [true];
    const prompter = new ScriptedPrompter([
      ["Quelle étape", ""],
      ["que voulez-vous compléter", ""],
      ["Nom", ""],
      ["Sigle", "CPTS Val"],
      ["Historique", ""],
      ["que voulez-vous compléter", "Terminer l’étape"],
      ["Quelle étape", "Quitter"],
    ]);
    state.prompter = prompter;
    expect(await initCommand(".", { nom: "CPTS du Val" }, io)).toBe(0);
    expect(state.asked).toEqual(["Lancer l’assistant maintenant ?"]);
    expect(readFileSync(join(dir, "cpts.yaml"), "utf8")).toContain("sigle: CPTS Val");
    expect(prompter.remaining).toBe(0);
  });

  it("stops after creating the file when the answer is no", async () => {
    const dir = tempDir();
    const io = memoryIo(dir, true);
    state.confirm = [false];
    expect(await initCommand(".", { nom: "CPTS du Val" }, io)).toBe(0);
    expect(plain(io.out)).toContain("Suite : répondez aux questions de l’assistant avec « cpts assistant ».");
  });

  it("does not ask with --oui, nor without a terminal", async () => {
    const a = tempDir();
    expect(await initCommand(".", { nom: "CPTS A", oui: true }, memoryIo(a, true))).toBe(0);
    const b = tempDir();
    expect(await initCommand(".", { nom: "CPTS B" }, memoryIo(b, false))).toBe(0);
    expect(state.asked).toEqual([]);
  });
});

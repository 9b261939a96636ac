/**
 * Text from files and arguments on the terminal: every string the tool prints that came from a
 * project file, a CSV cell or an argument has its control characters and escape sequences shown
 * as codes (`\u001b`), never interpreted, while the tool's own colours still reach the terminal.
 */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.js";
import { style, terminalText } from "../../src/cli/style.js";
import { memoryIo, ROOT, tempDir } from "../helpers.js";

const ESC = "\u001b";
/** A raw control character, escape sequence start, bidi override or undecodable character. */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffd]/;
/** The same, but the tool's own colour codes (`ESC[31m`…) allowed. */
const RAW_BUT_COLOURS = /\u001b(?!\[\d+m)|[\u0000-\u0008\u000b-\u001a\u001c-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffd]/;

async function cpts(args: string[], cwd: string) {
  const io = memoryIo(cwd);
  const code = await run(args, io);
  return { code, out: `${io.out}${io.err}` };
}

function colourIo(cwd: string) {
  const io = memoryIo(cwd);
  io.color = true;
  return io;
}

const MINIMAL = join(ROOT, "examples", "minimal", "cpts.yaml");

describe("text from files and arguments on the terminal", () => {
  it("an argument: the missing file's name is shown with its escape codes visible", async () => {
    const dir = tempDir();
    const io = memoryIo(dir);
    expect(await run(["valider", `${ESC}[2J${ESC}]0;pirate${"\u0007"}.yaml`], io)).toBe(2);
    expect(io.err).toContain("\\u001b[2J\\u001b]0;pirate\\u0007.yaml\u00a0: fichier introuvable");
    expect(io.err).not.toMatch(RAW);
  });

  it("an unknown option's value, through commander's own message", async () => {
    const dir = tempDir();
    const io = memoryIo(dir);
    expect(await run(["generer", "--format", `pdf${ESC}[8m`], io)).toBe(2);
    expect(io.err).toContain("«\u00a0pdf\\u001b[8m\u00a0»");
    expect(io.err).not.toMatch(RAW);
  });

  it("a project file: a key with escape sequences, in colour: the tool's colours stay, the file's are shown", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "cpts.yaml"), `version: 1\ncpts:\n  nom: CPTS du Val\n  "\\e[31mrouge\\e]0;titre\\a\\u009b2J": 1\n`);
    const io = colourIo(dir);
    expect(await run(["valider", "cpts.yaml"], io)).toBe(1);
    const out = io.out + io.err;
    expect(out).toContain("\\u001b[31mrouge\\u001b]0;titre\\u0007\\u009b2J");
    expect(out).toContain(`${ESC}[31m`); // the tool's red heading
    expect(out).not.toMatch(RAW_BUT_COLOURS);
    expect(out).not.toMatch(/[\ue000-\uf8ff]/); // no colour mark left over
  });

  it("a valid project whose name holds a bidi override: shown as a code in every summary", async () => {
    const dir = tempDir();
    copyFileSync(MINIMAL, join(dir, "cpts.yaml"));
    const file = join(dir, "cpts.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("nom: CPTS du Val de l’Isle", 'nom: "CPTS \\u202Eeniarepus\\u202C du Val"'));
    for (const args of [["valider", "cpts.yaml"], ["etat", "cpts.yaml", "--date", "2026-01-15"], ["territoire", "cpts.yaml"]]) {
      const r = await cpts(args, dir);
      expect(r.out, args.join(" ")).not.toMatch(RAW);
    }
    const etat = await cpts(["etat", "cpts.yaml", "--date", "2026-01-15"], dir);
    expect(etat.out).toContain("CPTS \\u202eeniarepus\\u202c du Val");
  });

  it("a CSV cell with a bidi override: imported as written, shown as a code in the summary", async () => {
    const dir = tempDir();
    copyFileSync(MINIMAL, join(dir, "cpts.yaml"));
    writeFileSync(join(dir, "i.csv"), "indicateur;valeur;unite;annee;source;territoire_de_reference\nPart \u202eeniarepus;12;%;2021;INSEE;\n");
    const r = await cpts(["diagnostic", "importer", "i.csv"], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain("+ Part \\u202eeniarepus (ligne 2)");
    expect(r.out).not.toMatch(RAW);
    expect(readFileSync(join(dir, "cpts.yaml"), "utf8")).toContain("Part \u202eeniarepus");
  });

  it("JSON output stays JSON with the same values", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "cpts.yaml"), `version: 1\ncpts:\n  nom: CPTS du Val\n  "cl\\u009b\\u2028\\u202e": 1\n`);
    const io = memoryIo(dir);
    expect(await run(["valider", "cpts.yaml", "--json"], io)).toBe(1);
    expect(io.out).not.toMatch(/[\u0080-\u009f\u2028\u202e]/);
    const findings = (JSON.parse(io.out) as { constats: { chemin: string }[] }).constats;
    expect(findings.map((f) => f.chemin)).toContain("cpts.cl\u009b\u2028\u202e");
  });
});

describe("terminalText", () => {
  it("keeps the colours made by style(), nothing else", () => {
    const s = style(true);
    const text = `${s.red("erreur")} « ${ESC}[32mfaux vert${ESC}[39m »`;
    expect(terminalText(text)).toBe(`${ESC}[31merreur${ESC}[39m « \\u001b[32mfaux vert\\u001b[39m »`);
  });

  it("cannot be fooled by a colour code copied from the tool's own output", () => {
    const s = style(true);
    const printed = terminalText(s.bold("x"));
    expect(terminalText(printed)).toBe("\\u001b[1mx\\u001b[22m");
  });
});

import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ProjectEditor, ProjectFileInvalid } from "../../src/wizard/editor.js";
import { projectDir } from "./scripted.js";

describe("ProjectEditor", () => {
  it("saves each change at once, keeping comments, order and a backup", async () => {
    const { file, read } = projectDir();
    const before = read();
    const editor = await ProjectEditor.open(file, "cpts.yaml");
    await editor.set(["cpts", "sigle"], "CPTS Val");
    const text = read();
    expect(text).toContain("  sigle: CPTS Val\n");
    expect(readFileSync(`${file}.bak`, "utf8")).toBe(before);
    // Every comment line of the original file is still there, at its place.
    for (const line of before.split("\n").filter((l) => l.trim().startsWith("#")))
      expect(text.split("\n").map((l) => l.replace(/\s+#/, " #"))).toContain(line.replace(/\s+#/, " #"));
    expect(text.indexOf("# Les professionnels")).toBeLessThan(text.indexOf("porteurs:"));
    expect(text).toMatch(/\n# Les professionnels/); // still at the top level, not indented into cpts
  });

  it("turns an empty flow list into a block list, and back to [] when emptied", async () => {
    const { file, read } = projectDir();
    const editor = await ProjectEditor.open(file, "cpts.yaml");
    await editor.push(["territoire", "epci"], "200070647");
    expect(read()).toContain('  epci:\n    # par exemple "200070647" (Communauté d’agglomération bergeracoise)\n    - "200070647"\n');
    await editor.push(["porteurs"], { profession: "infirmier", prenom: "Claire" });
    expect(read()).toContain("porteurs:\n  - profession: infirmier\n    prenom: Claire\n");
    await editor.remove(["territoire", "epci"], 0);
    expect(read()).toContain('  epci: [] # par exemple "200070647"');
  });

  it("opens empty flow sections as blocks and writes codes as strings", async () => {
    const { file, read } = projectDir();
    const editor = await ProjectEditor.open(file, "cpts.yaml");
    await editor.set(["lettre_intention", "soutien_demande", "montant"], 50000);
    await editor.set(["association", "siege"], { adresse: "1 rue Haute", code_postal: "01000", commune: "Bourg-en-Bresse" });
    const text = read();
    expect(text).toContain("lettre_intention:\n  soutien_demande:\n    montant: 50000\n");
    expect(text).toContain('code_postal: "01000"');
  });

  it("reads the file again when it was edited by hand meanwhile", async () => {
    const { file, read } = projectDir();
    const editor = await ProjectEditor.open(file, "cpts.yaml");
    writeFileSync(file, read().replace("nom: CPTS du Val", "nom: CPTS du Val # changé à la main"));
    await editor.set(["cpts", "sigle"], "CPTS Val");
    expect(read()).toContain("nom: CPTS du Val # changé à la main");
    expect(read()).toContain("sigle: CPTS Val");
  });

  it("refuses a file with errors and never writes one", async () => {
    const { file, read } = projectDir();
    writeFileSync(file, read().replace("version: 2", "version: 2\nporteur: []"));
    const broken = read();
    await expect(ProjectEditor.open(file, "cpts.yaml")).rejects.toBeInstanceOf(ProjectFileInvalid);
    expect(read()).toBe(broken);

    const ok = projectDir();
    const editor = await ProjectEditor.open(ok.file, "cpts.yaml");
    const text = ok.read();
    await expect(editor.set(["porteurs"], [{ prenom: "Sans profession" }])).rejects.toThrow(/rendrait cpts.yaml invalide/);
    expect(ok.read()).toBe(text);
  });

  it("stops when a hand edit broke the file while the wizard ran", async () => {
    const { file, read } = projectDir();
    const editor = await ProjectEditor.open(file, "cpts.yaml");
    writeFileSync(file, `${read()}\nporteurs: [oops\n`);
    const broken = read();
    await expect(editor.set(["cpts", "sigle"], "X")).rejects.toThrow(/modifié pendant l’assistant/);
    expect(read()).toBe(broken);
  });
});

describe("ProjectEditor when the file is removed meanwhile", () => {
  it("writes it again from the last version read, with the new answer", async () => {
    const { file, read } = projectDir();
    const editor = await ProjectEditor.open(file, "cpts.yaml");
    await editor.set(["cpts", "sigle"], "CPTS Val");
    rmSync(file);
    await editor.set(["territoire", "nom"], "Vallée");
    expect(read()).toContain("sigle: CPTS Val");
    expect(read()).toContain("nom: Vallée");
  });
});

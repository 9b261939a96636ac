/**
 * `cpts generer` on several projects, as a consultant or a CI job runs it: one line per project
 * and a total, `--quiet`, `--sortie sorties/{projet}`, and an exit code that says whether any
 * document was refused. In-process (`run(argv, io)`); test/e2e/generer.test.ts covers bin/cpts.
 */
import { cpSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.js";
import { EXAMPLES, memoryIo, tempDir } from "../helpers.js";

/** Folder `work` with the examples asked for, each in a folder of its own name. */
function projects(...names: string[]): { work: string; files: string[] } {
  const work = tempDir();
  const files = names.map((name) => {
    cpSync(join(EXAMPLES, name), join(work, name), { recursive: true });
    return join(name, "cpts.yaml");
  });
  return { work, files };
}

async function cpts(argv: string[], cwd: string) {
  const io = memoryIo(cwd);
  const code = await run(argv, io);
  return { code, out: io.out, err: io.err };
}

describe("cpts generer on several projects", () => {
  it("prints one line per project and a total; --sortie {projet} gives each project its folder", async () => {
    const { work, files } = projects("bergerac", "chambery");
    const r = await cpts(["generer", ...files, "--format", "md", "--brouillon", "--sortie", "sorties/{projet}"], work);
    expect(r.code, r.err).toBe(0);
    expect(r.out.split("\n")).toEqual([
      expect.stringMatching(/^✓ bergerac\/cpts\.yaml\u00a0: \d+\u00a0créés$/),
      expect.stringMatching(/^✓ chambery\/cpts\.yaml\u00a0: \d+\u00a0créés$/),
      expect.stringMatching(/^Total\u00a0: 2\u00a0projets, \d+\u00a0fichiers écrits ou à jour\.$/),
      "",
    ]);
    expect(existsSync(join(work, "sorties", "bergerac", "statuts.md"))).toBe(true);
    // Chambéry updates its projet de santé: no lettre d’intention, no founding pieces.
    expect(readdirSync(join(work, "sorties", "chambery")).filter((f) => f.endsWith(".md")).sort()).toEqual(["diagnostic.md", "projet-sante.md"]);
    const again = await cpts(["generer", ...files, "--format", "md", "--brouillon", "--sortie", "sorties/{projet}"], work);
    expect(again.out).toMatch(/^✓ bergerac\/cpts\.yaml\u00a0: \d+\u00a0à jour$/m);
  });

  it("exits with 1 when a document is refused, and --quiet prints only the refusals, on standard error", async () => {
    const { work, files } = projects("bergerac", "minimal");
    const r = await cpts(["generer", ...files, "--format", "md", "--quiet"], work);
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/^minimal\/cpts\.yaml\u00a0: ✗ Lettre d’intention\u00a0: non généré, \d+\u00a0éléments à compléter/m);
    expect(r.err).not.toContain("bergerac");
    const quietOk = await cpts(["generer", files[0]!, "--format", "md", "-q"], work);
    expect(quietOk).toEqual({ code: 0, out: "", err: "" });
  });

  it("names a document the project does not need by its title for this project's path", async () => {
    const { work } = projects("bergerac", "saverne");
    // Bergerac's association exists: its registry request would be one of modifications.
    const existing = await cpts(["generer", "bergerac/cpts.yaml", "--document", "demande-inscription", "--format", "md"], work);
    expect(existing.code).toBe(1);
    expect(existing.err).toContain(
      "bergerac/cpts.yaml\u00a0: --document demande-inscription ne concerne pas ce projet (Demande d’inscription des modifications au registre des associations)",
    );
    // Saverne founds its association under local law: the préfecture's declaration would be a creation.
    const local = await cpts(["generer", "saverne/cpts.yaml", "--document", "declaration", "--format", "md"], work);
    expect(local.code).toBe(1);
    expect(local.err).toContain("--document declaration ne concerne pas ce projet (Déclaration de création à la préfecture)");
    expect(existsSync(join(work, "bergerac", "documents", "demande-inscription.md"))).toBe(false);
  });

  it("refuses a pattern that would put two projects in one folder, and an unknown placeholder", async () => {
    const { work } = projects("bergerac");
    mkdirSync(join(work, "autre"));
    cpSync(join(work, "bergerac"), join(work, "autre", "bergerac"), { recursive: true });
    const same = await cpts(["generer", "bergerac/cpts.yaml", "autre/bergerac/cpts.yaml", "--sortie", "sorties/{projet}"], work);
    expect(same.code).toBe(2);
    expect(same.err).toContain(
      "--sortie sorties/{projet}\u00a0: bergerac/cpts.yaml et autre/bergerac/cpts.yaml sont dans deux dossiers du même nom «\u00a0bergerac\u00a0»\u00a0; leurs documents iraient tous dans sorties/bergerac",
    );
    expect(same.err).toContain("Rien n’a été écrit.");
    expect(existsSync(join(work, "sorties"))).toBe(false);
    const unknown = await cpts(["generer", "bergerac/cpts.yaml", "--sortie", "sorties/{nom}"], work);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("«\u00a0{nom}\u00a0» n’est pas reconnu\u00a0; seul {projet} est remplacé");
  });
});

/**
 * Hints name the command the user can type (src/cli/invocation.ts): `cpts …` once installed
 * globally or run from the sources, `npx cpts …` through npx / `npm exec` or from a project's own
 * node_modules. test/e2e/global-install.test.ts runs both through a real install and a real npx.
 */
import { describe, expect, it } from "vitest";
import { invocation, withInvocation } from "../../src/cli/invocation.js";
import { run } from "../../src/cli/main.js";
import { memoryIo, tempDir } from "../helpers.js";

describe("invocation", () => {
  it("is `cpts` for a global install or the sources", () => {
    expect(invocation({}, "/usr/local/bin/cpts")).toBe("cpts");
    expect(invocation({}, "/home/ana/.local/lib/node_modules/cpts/bin/cpts")).toBe("cpts");
    expect(invocation({}, "/work/cpts/bin/cpts")).toBe("cpts");
    expect(invocation({}, undefined)).toBe("cpts");
  });

  it("is `npx cpts` from npx's cache or a project's node_modules/.bin, on POSIX and Windows paths", () => {
    expect(invocation({}, "/home/ana/.npm/_npx/1b2c3d/node_modules/.bin/cpts")).toBe("npx cpts");
    expect(invocation({}, "/home/ana/ma-cpts/node_modules/.bin/cpts")).toBe("npx cpts");
    expect(invocation({}, "C:\\Users\\ana\\AppData\\Local\\npm-cache\\_npx\\1b2c3d\\node_modules\\cpts\\bin\\cpts")).toBe("npx cpts");
  });

  it("is `npx cpts` when npm exec runs cpts, even from a global install's bin", () => {
    // What npm sets for `npx cpts etat` and `npm exec -- cpts etat`.
    expect(invocation({ npm_lifecycle_event: "npx", npm_lifecycle_script: "cpts etat" }, "/usr/local/bin/cpts")).toBe("npx cpts");
    expect(invocation({ npm_lifecycle_event: "npx", npm_lifecycle_script: "cpts" }, "/usr/local/bin/cpts")).toBe("npx cpts");
    expect(invocation({ npm_lifecycle_event: "npx", npm_lifecycle_script: "'cpts' 'etat'" }, "/usr/local/bin/cpts")).toBe("npx cpts");
  });

  it("stays `cpts` in a process that merely inherits npx's variables (a test runner started with npx)", () => {
    expect(invocation({ npm_lifecycle_event: "npx", npm_lifecycle_script: "vitest run" }, "/usr/local/bin/cpts")).toBe("cpts");
    expect(invocation({ npm_lifecycle_event: "npx", npm_lifecycle_script: "cpts-outil etat" }, "/usr/local/bin/cpts")).toBe("cpts");
    expect(invocation({ npm_lifecycle_event: "test", npm_lifecycle_script: "cpts etat" }, "/usr/local/bin/cpts")).toBe("cpts");
  });
});

describe("withInvocation", () => {
  it("prefixes each command line a text names, and nothing else", () => {
    const text = [
      "Utilisation : cpts [options] <commande>",
      "Suite : répondez aux questions de l’assistant avec « cpts assistant ».",
      "Tout ce qui manque : cpts valider --tout ; puis cpts generer --brouillon",
      "La CPTS du Val ; cpts.yaml ; .cpts/cpts-project.schema.json ; node bin/cpts valider ; mes-cpts etat",
      "déjà : npx cpts etat",
    ].join("\n");
    expect(withInvocation(text, "npx cpts").split("\n")).toEqual([
      "Utilisation : npx cpts [options] <commande>",
      "Suite : répondez aux questions de l’assistant avec « npx cpts assistant ».",
      "Tout ce qui manque : npx cpts valider --tout ; puis npx cpts generer --brouillon",
      "La CPTS du Val ; cpts.yaml ; .cpts/cpts-project.schema.json ; node bin/cpts valider ; mes-cpts etat",
      "déjà : npx cpts etat",
    ]);
    expect(withInvocation(text, "cpts")).toBe(text);
  });

  it("reaches what a command prints: run() under npx names `npx cpts` in its hints", async () => {
    const dir = tempDir();
    const io = memoryIo(dir);
    io.env = { npm_lifecycle_event: "npx", npm_lifecycle_script: "cpts init" };
    expect(await run(["init", "--nom", "CPTS du Val"], io)).toBe(0);
    expect(io.out).toContain("« npx cpts assistant »");
    expect(io.out).toContain("« npx cpts valider »");
    expect(io.out).not.toMatch(/(?<!npx )cpts (assistant|valider)/);
    const plain = memoryIo(dir);
    plain.invocation = "cpts";
    expect(await run(["valider"], plain)).toBe(0);
    expect(plain.out).toMatch(/: cpts valider --tout/);
    expect(plain.out).not.toContain("npx");
  });
});

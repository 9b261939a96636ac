import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { editorCommand, editorName } from "../../src/wizard/editor-command.js";
import { tempDir } from "../helpers.js";

/** A folder holding the given programs (executable unless listed in `plain`), for PATH. */
function bin(names: string[], plain: string[] = []): string {
  const dir = join(tempDir(), "bin");
  mkdirSync(dir);
  for (const name of [...names, ...plain]) {
    writeFileSync(join(dir, name), "#!/bin/sh\n");
    chmodSync(join(dir, name), plain.includes(name) ? 0o644 : 0o755);
  }
  return dir;
}

describe("the editor opened for long answers", () => {
  it("is the user's own: $VISUAL, then $EDITOR, with its options", () => {
    const PATH = bin(["code", "micro", "nano"]);
    expect(editorCommand({ PATH, VISUAL: "code --wait", EDITOR: "micro" }, "linux")).toEqual({ command: "code --wait", own: true });
    expect(editorCommand({ PATH, EDITOR: " micro " }, "linux")).toEqual({ command: "micro", own: true });
    const absolute = join(PATH, "micro");
    expect(editorCommand({ PATH: "", VISUAL: absolute }, "linux")).toEqual({ command: absolute, own: true });
  });

  it("skips a $VISUAL or $EDITOR that is not installed, or not a program", () => {
    const PATH = bin(["micro", "nano"], ["vim"]);
    expect(editorCommand({ PATH, VISUAL: "emacs -nw", EDITOR: "micro" }, "linux")).toEqual({ command: "micro", own: true });
    expect(editorCommand({ PATH, EDITOR: "vim" }, "linux")).toEqual({ command: "nano", own: false });
    expect(editorCommand({ PATH, VISUAL: "  " }, "linux")).toEqual({ command: "nano", own: false });
  });

  it("otherwise takes the system's editor, then nano, then vi, and none when none is installed", () => {
    expect(editorCommand({ PATH: bin(["editor", "nano", "vi"]) }, "linux")).toEqual({ command: "editor", own: false });
    expect(editorCommand({ PATH: bin(["vi"]) }, "linux")).toEqual({ command: "vi", own: false });
    expect(editorCommand({ PATH: `${bin([])}:${bin(["vi"])}` }, "linux")).toEqual({ command: "vi", own: false });
    expect(editorCommand({ PATH: bin(["emacs"]) }, "linux")).toBeUndefined();
    expect(editorCommand({}, "linux")).toBeUndefined();
  });

  it("finds notepad on Windows through PATHEXT", () => {
    const dir = bin(["notepad.EXE"]);
    expect(editorCommand({ Path: dir, PATHEXT: ".COM;.EXE" }, "win32")).toEqual({ command: "notepad", own: false });
  });

  it("is named as the user knows it", () => {
    expect(editorName({ command: "/usr/bin/nano", own: true })).toBe("nano");
    expect(editorName({ command: "editor", own: false })).toBe("l’éditeur de texte du système");
    expect(editorName({ command: "code --wait", own: true })).toBe("code");
    expect(editorName({ command: "C:\\Outils\\notepad++.exe -multiInst", own: true })).toBe("notepad++.exe");
  });
});

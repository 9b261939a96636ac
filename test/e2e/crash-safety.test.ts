import { spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { parseProjectSource } from "../../src/project/file.js";
import { ROOT, tempDir } from "../helpers.js";

const SAVE_MODULE = pathToFileURL(join(ROOT, "dist", "project", "save.js")).href;

/**
 * A child that saves the project again and again, printing one line per completed save. Each
 * save goes through the whole protocol (lock, read again, check, write), so a kill may also
 * leave a lock held by a dead process, which the next child must take over.
 */
const SAVER = `
const { updateProjectFile } = await import(${JSON.stringify(SAVE_MODULE)});
const path = process.argv[1];
for (let n = 0; ; n++) {
  await updateProjectFile(path, "cpts.yaml", (file) => {
    file.doc.setIn(["cpts", "nom"], "CPTS enregistrement " + process.pid + "-" + n);
    file.doc.setIn(["cpts", "historique"], "x".repeat(2000 + (n % 7) * 500));
  });
  process.stdout.write("ok\\n");
}
`;

const INITIAL = "# yaml-language-server: $schema=x\n# commentaire gardé\nversion: 1\ncpts:\n  nom: CPTS initiale\n";

function runAndKill(path: string, afterMs: number): Promise<number> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", SAVER, path], { stdio: ["ignore", "pipe", "inherit"] });
    let saves = 0;
    let timer: NodeJS.Timeout | undefined;
    // The kill is timed from the first completed save, so that it lands among saves, not during start-up.
    child.stdout.on("data", (chunk: Buffer) => {
      saves += chunk.toString().split("\n").length - 1;
      timer ??= setTimeout(() => child.kill("SIGKILL"), afterMs);
    });
    child.on("exit", () => {
      clearTimeout(timer);
      done(saves);
    });
  });
}

describe("crash safety of saves", () => {
  it("keeps cpts.yaml whole when the process is killed at random moments during 200 saves", async () => {
    const dir = tempDir();
    const path = join(dir, "cpts.yaml");
    writeFileSync(path, INITIAL);
    let saves = 0;
    let kills = 0;
    let random = 12345;
    const next = () => (random = (random * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    while (saves < 200 || kills < 30) {
      // A save takes about 12 ms once the process runs: the kill lands among its first fifteen or so.
      saves += await runAndKill(path, Math.floor(next() * 200));
      kills++;
      const text = readFileSync(path, "utf8");
      const file = parseProjectSource(text, "cpts.yaml");
      expect(file.findings, `après ${kills} interruptions`).toEqual([]);
      const data = file.data as { cpts: { nom: string } };
      expect(data.cpts.nom).toMatch(/^CPTS (initiale|enregistrement \d+-\d+)$/);
      expect(text).toContain("# commentaire gardé");
    }
    expect(saves).toBeGreaterThanOrEqual(200);
    // Only the last killed process may have left its temporary files; earlier ones were swept by later saves.
    const leftovers = readdirSync(dir).filter((f) => f.endsWith(".tmp"));
    expect(new Set(leftovers.map((f) => f.split(".")[3])).size).toBeLessThanOrEqual(1);
  }, 180_000);
});

/**
 * Two commands changing the same project at the same moment, as real processes: each pair of
 * writers runs 20 rounds on a fresh copy of the minimal example, started together (one of the
 * two after a random delay, so that every interleaving comes up). After each round both must
 * have exited 0, and both changes must be in the file: a command that prints ✓ while its change
 * was overwritten by the other one is what src/project/save.ts's lock prevents.
 *
 * The wizard saves after each answer through `ProjectEditor` (src/wizard/editor.ts); its save
 * is driven here in a child process that opens the project, waits, then saves one answer, as a
 * user answering a question while another command runs.
 */
import { execFile } from "node:child_process";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { BIN, EXAMPLES, ROOT, tempDir } from "../helpers.js";

const ROUNDS = 20;
const EDITOR_MODULE = pathToFileURL(join(ROOT, "dist", "wizard", "editor.js")).href;

/** Opens the project with the wizard's editor, waits `delay` ms, then saves one answer (a new strength). */
const WIZARD_SAVE = `
const { ProjectEditor } = await import(${JSON.stringify(EDITOR_MODULE)});
const [path, answer, delay] = process.argv.slice(1);
const editor = await ProjectEditor.open(path, "cpts.yaml");
await new Promise((done) => setTimeout(done, Number(delay)));
await editor.push(["diagnostic", "forces"], answer);
process.stdout.write("ok\\n");
`;

interface Outcome {
  code: number;
  out: string;
}

function run(args: string[], cwd: string, delay: number): Promise<Outcome> {
  return new Promise((done) => {
    setTimeout(() => {
      execFile(
        process.execPath,
        args,
        { cwd, env: { ...process.env, CI: "true", NO_COLOR: "1", FORCE_COLOR: "" }, timeout: 60_000 },
        (error, stdout, stderr) => done({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, out: `${stdout}${stderr}` }),
      );
    }, delay);
  });
}

interface Writer {
  name: string;
  /** Starts the writer in `dir` (round `n`), after `delay` ms. */
  start(dir: string, n: number, delay: number): Promise<Outcome>;
  /** True when the writer's change of round `n` is in the project data. */
  kept(data: Project, n: number): boolean;
}

type Project = { territoire?: { communes?: string[] }; diagnostic?: { indicateurs?: { libelle: string }[]; forces?: string[] } };

const territoire = (code: string): Writer => ({
  name: `territoire --ajouter ${code}`,
  start: (dir, _n, delay) => run([BIN, "territoire", "cpts.yaml", "--ajouter", code], dir, delay),
  kept: (data) => (data.territoire?.communes ?? []).includes(code),
});

const importer: Writer = {
  name: "diagnostic importer",
  start(dir, n, delay) {
    writeFileSync(join(dir, "indicateurs.csv"), `indicateur;valeur;unite;annee;source;territoire_de_reference\nIndicateur du tour ${n};${n};%;2024;INSEE;\n`);
    return run([BIN, "diagnostic", "importer", "indicateurs.csv", "--projet", "cpts.yaml"], dir, delay);
  },
  kept: (data, n) => (data.diagnostic?.indicateurs ?? []).some((i) => i.libelle === `Indicateur du tour ${n}`),
};

const wizard: Writer = {
  name: "l’assistant",
  // The wizard waits a random moment between reading the project and saving its answer.
  start: (dir, n, delay) => run(["--input-type=module", "-e", WIZARD_SAVE, join(dir, "cpts.yaml"), `Force du tour ${n}`, String(delay * 4)], dir, 0),
  kept: (data, n) => (data.diagnostic?.forces ?? []).includes(`Force du tour ${n}`),
};

const PAIRS: [Writer, Writer][] = [
  [territoire("24037"), territoire("24053")],
  [importer, territoire("24037")],
  [wizard, territoire("24037")],
  [wizard, importer],
];

// A deterministic sequence of delays, so that a failure can be replayed.
let seed = 2026;
const nextDelay = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 150;

describe("two writers on one project at the same moment", () => {
  it.each(PAIRS.map(([a, b]) => [`${a.name} + ${b.name}`, a, b] as const))(
    "%s: 20 rounds, both succeed and both changes are kept",
    async (_name, a, b) => {
      for (let n = 0; n < ROUNDS; n++) {
        const dir = tempDir();
        copyFileSync(join(EXAMPLES, "minimal", "cpts.yaml"), join(dir, "cpts.yaml"));
        const [first, second] = n % 2 ? [a, b] : [b, a];
        const [ra, rb] = await Promise.all([first.start(dir, n, 0), second.start(dir, n, nextDelay())]);
        expect(ra.code, `tour ${n}, ${first.name} : ${ra.out}`).toBe(0);
        expect(rb.code, `tour ${n}, ${second.name} : ${rb.out}`).toBe(0);
        const data = parse(readFileSync(join(dir, "cpts.yaml"), "utf8")) as Project;
        expect(first.kept(data, n), `tour ${n} : la modification de ${first.name} a été perdue`).toBe(true);
        expect(second.kept(data, n), `tour ${n} : la modification de ${second.name} a été perdue`).toBe(true);
      }
    },
    240_000,
  );
});

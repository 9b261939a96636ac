/**
 * The architecture's rules (.dependency-cruiser.cjs) hold over src/, and a wrong import is
 * reported: the second test builds a small tree of folders shaped like src/, checks that its
 * allowed imports pass, then adds wrong ones (a domain file reading files and importing the CLI,
 * territory importing domain, the wizard importing a command, a file behind another folder's
 * index, a cycle) and checks that each is reported with its rule.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { cruise, type ICruiseOptions, type ICruiseResult } from "dependency-cruiser";
import extractDepcruiseOptions from "dependency-cruiser/config-utl/extract-depcruise-options";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, tempDir } from "../helpers.js";

let options: ICruiseOptions;

beforeAll(async () => {
  options = await extractDepcruiseOptions(join(ROOT, ".dependency-cruiser.cjs"));
});

/** The rule violations in the `src/` folder under `baseDir`, as `rule: from → to`. */
async function violations(baseDir: string): Promise<string[]> {
  const tsConfig = extractTSConfig(join(baseDir, "tsconfig.json"));
  const result = await cruise(["src"], { ...options, baseDir, validate: true, outputType: "json" }, undefined, { tsConfig });
  const output = (typeof result.output === "string" ? JSON.parse(result.output) : result.output) as ICruiseResult;
  return output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
}

function writeTree(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** Folders shaped like src/, each importing what the architecture allows it to. */
const ALLOWED: Record<string, string> = {
  "tsconfig.json": JSON.stringify({
    compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", verbatimModuleSyntax: true },
    include: ["src"],
  }),
  "src/french/index.ts": 'export const NBSP = "\\u00a0";\n',
  "src/project/index.ts": 'export { UserError } from "./errors.js";\nexport type { Finding } from "./findings.js";\n',
  "src/project/errors.ts": "export class UserError extends Error {}\n",
  "src/project/findings.ts": "export interface Finding { path: string; message: string }\n",
  "src/territory/index.ts": 'import { NBSP } from "../french/index.js";\nexport const commune = (name: string) => `${name}${NBSP}`;\n',
  "src/domain/index.ts": 'export { taille } from "./rules.js";\n',
  "src/domain/rules.ts":
    'import type { Finding } from "../project/index.js";\nimport { commune } from "../territory/index.js";\n' +
    "export const taille = (f: Finding) => commune(f.path);\n",
  "src/wizard/index.ts": 'import { taille } from "../domain/index.js";\nexport const ask = taille;\n',
  "src/cli/index.ts": 'import { ask } from "../wizard/index.js";\nexport const generer = ask;\n',
};

describe("architecture", () => {
  it("src/ follows every rule of .dependency-cruiser.cjs", async () => {
    expect(await violations(ROOT)).toEqual([]);
  });

  it("reports a wrong import, with the rule it breaks", async () => {
    const dir = tempDir();
    writeTree(dir, ALLOWED);
    expect(await violations(dir)).toEqual([]);

    writeTree(dir, {
      // A domain module that reads a file and calls a command.
      "src/domain/probe.ts":
        'import { readFileSync } from "node:fs";\nimport { generer } from "../cli/index.js";\n' +
        "export const probe = [readFileSync, generer];\n",
      // Territory using the taille rule of domain.
      "src/territory/probe.ts": 'import { taille } from "../domain/index.js";\nexport const probe = taille;\n',
      // The wizard importing a command instead of receiving it.
      "src/wizard/probe.ts": 'import { generer } from "../cli/index.js";\nexport const probe = generer;\n',
      // A file behind another folder's index, even for a type.
      "src/cli/probe.ts": 'import type { Finding } from "../project/findings.js";\nexport type Probe = Finding;\n',
      // src/french importing the project.
      "src/french/probe.ts": 'import { UserError } from "../project/index.js";\nexport const probe = UserError;\n',
      // Two modules importing each other.
      "src/territory/cycle-a.ts": 'import { b } from "./cycle-b.js";\nexport const a = () => b;\n',
      "src/territory/cycle-b.ts": 'import { a } from "./cycle-a.js";\nexport const b = () => a;\n',
    });
    expect(await violations(dir)).toEqual([
      "domain-is-pure: src/domain/probe.ts → src/cli/index.ts",
      "domain-uses-no-node-api: src/domain/probe.ts → fs",
      "french-is-a-leaf: src/french/probe.ts → src/project/index.ts",
      "no-circular: src/territory/cycle-a.ts → src/territory/cycle-b.ts",
      "territory-knows-no-domain: src/territory/probe.ts → src/domain/index.ts",
      "through-the-index: src/cli/probe.ts → src/project/findings.ts",
      "wizard-receives-from-cli: src/wizard/probe.ts → src/cli/index.ts",
    ]);
  });
});

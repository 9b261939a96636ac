import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { ValidateFunction } from "ajv";
import { describe, expect, it } from "vitest";
import { createAjv, readSchema } from "../../src/project/schema.js";
import { ROOT } from "../helpers.js";

const BUILT = join(ROOT, "dist", "project", "validate-project.cjs");

const SAMPLES: unknown[] = [
  { version: 1, cpts: { nom: "CPTS A" } },
  { version: 1, cpts: {}, porteur: [], territoire: { communes: ["2403", 24037] } },
  { version: 1, cpts: { nom: "" , date_creation: "2026-02-30" }, porteurs: [{ profession: "kine", courriel: "x" }] },
  { version: 1, cpts: { nom: "X" }, association: { duree: "toujours", siege: { code_postal: "2410" } } },
  { version: 1, cpts: { nom: "X" }, financement: { contrat: { missions: { PREVENTON: { fixe: -1 } } } } },
];

describe("the schema compiled at build time", () => {
  it("exists after the build and reports exactly what the run-time compilation reports", () => {
    expect(existsSync(BUILT)).toBe(true);
    const built = createRequire(import.meta.url)(BUILT) as ValidateFunction;
    const runtime = createAjv().compile(readSchema());
    for (const sample of SAMPLES) {
      const a = built(sample);
      const b = runtime(sample);
      expect(a).toBe(b);
      const shape = (errors: ValidateFunction["errors"]) => (errors ?? []).map((e) => [e.instancePath, e.keyword, JSON.stringify(e.params), e.parentSchema?.title]);
      expect(shape(built.errors)).toEqual(shape(runtime.errors));
    }
  });
});

/**
 * Charts and maps give the same PNG bytes in other processes, time zones and locales: the
 * modules are transpiled and run in child `node` processes (test/child-process.ts).
 */
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { comparisonBarChart } from "../../src/render/charts.js";
import { drawMap } from "../../src/render/map.js";
import { Contours } from "../../src/territory/contours.js";
import { territoryMapData } from "../../src/territory/map-data.js";
import { runModule, transpileSources } from "../child-process.js";
import { gridFixture, writeGridContours } from "../territory/contours-fixture.js";
import { ELDERLY } from "../render/chart-fixtures.js";

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "cpts-images-"));
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

const ENVIRONMENTS: Record<string, string>[] = [
  { TZ: "Pacific/Auckland", LANG: "en_US.UTF-8" },
  { TZ: "America/New_York", LANG: "fr_FR.UTF-8", LC_ALL: "C" },
];

describe("images are the same in every process", () => {
  const out = tempDir();
  const transpiled = transpileSources(out, ["render", "territory", "project", "french"]);

  it("a chart: same PNG bytes in other processes, time zones and locales", async () => {
    const chart = await comparisonBarChart(ELDERLY);
    await transpiled;
    const script = [
      'import { createHash } from "node:crypto";',
      'import { comparisonBarChart } from "./render/charts.js";',
      `const chart = await comparisonBarChart(${JSON.stringify(ELDERLY)});`,
      'process.stdout.write(createHash("sha256").update(chart.png).digest("hex"));',
    ].join("\n");
    for (const env of ENVIRONMENTS) expect(await runModule(out, script, env), JSON.stringify(env)).toBe(sha(chart.png));
  });

  it("a map: same PNG bytes in another process, time zone and locale", async () => {
    const dir = tempDir();
    const fixture = writeGridContours(dir, gridFixture());
    const map = await drawMap(territoryMapData(fixture.territory, { contours: Contours.open(dir) }));
    await transpiled;
    const script = [
      'import { createHash } from "node:crypto";',
      'import { drawMap } from "./render/map.js";',
      'import { Contours } from "./territory/contours.js";',
      'import { territoryMapData } from "./territory/map-data.js";',
      `const data = territoryMapData(${JSON.stringify(fixture.territory)}, { contours: Contours.open(${JSON.stringify(dir)}) });`,
      "const map = await drawMap(data);",
      'process.stdout.write(createHash("sha256").update(map.png).digest("hex"));',
    ].join("\n");
    expect(await runModule(out, script, ENVIRONMENTS[0])).toBe(sha(map.png));
  });
});

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { expect } from "vitest";
import type { Finding } from "../../src/project/findings.js";
import type { RawCommune } from "../../src/territory/package-index.js";

const packageDir = dirname(createRequire(import.meta.url).resolve("@etalab/decoupage-administratif/package.json"));

/** The package's own files, read directly: an independent check of what the index holds. */
export function packageData<T>(file: string): T {
  return JSON.parse(readFileSync(join(packageDir, "data", file), "utf8")) as T;
}

export type { RawCommune };

let rawCommunesCache: RawCommune[] | undefined;
export function rawCommunes(): RawCommune[] {
  rawCommunesCache ??= packageData<RawCommune[]>("communes.json");
  return rawCommunesCache;
}

/** Population of a commune actuelle or arrondissement straight from communes.json. */
export function rawPopulation(code: string): number {
  const c = rawCommunes().find((x) => x.code === code && (x.type === "commune-actuelle" || x.type === "arrondissement-municipal"));
  if (!c || c.population === undefined) throw new Error(`no population for ${code} in the package`);
  return c.population;
}

export function codes(findings: readonly Finding[]): string[] {
  return findings.map((f) => f.code);
}

export function only(findings: readonly Finding[], code: string): Finding {
  const matching = findings.filter((f) => f.code === code);
  expect(matching, `one finding ${code} in ${JSON.stringify(findings, null, 1)}`).toHaveLength(1);
  return matching[0]!;
}

/**
 * French typography of user messages: typographic apostrophe, U+00A0 before : ; ? ! and
 * inside « ».
 */
export function expectFrenchTypography(findings: readonly Finding[]): void {
  for (const { message } of findings) {
    expect(message, message).not.toMatch(/'/);
    expect(message, message).not.toMatch(/[^\u00a0][:;?!](\s|$)/);
    expect(message, message).not.toMatch(/«[^\u00a0]/);
    expect(message, message).not.toMatch(/[^\u00a0]»/);
    expect(message.charAt(0), message).toMatch(/[A-ZÀ-ÖØ-Þ«0-9]/);
  }
}

/** « text » with the no-break spaces of the messages. */
export function q(text: string): string {
  return `«\u00a0${text}\u00a0»`;
}

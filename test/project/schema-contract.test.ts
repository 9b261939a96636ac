import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateTypes, TYPES_PATH } from "../../src/build/generate-types.js";
import { schemaText, syncSchema } from "../../src/build/sync-schema.js";
import { MISSIONS } from "../../src/domain/missions.js";
import { PROFESSIONS } from "../../src/domain/professions.js";
import { SCHEMA_PATH } from "../../src/project/paths.js";
import { projectSchema } from "../../src/project/schema.js";

type Json = Record<string, any>;
const raw = readFileSync(SCHEMA_PATH, "utf8");
const schema = JSON.parse(raw) as Json;

function resolve(node: Json): Json {
  if (typeof node.$ref === "string") {
    const target = schema.$defs[node.$ref.replace("#/$defs/", "")] as Json;
    return { ...target, ...node };
  }
  return node;
}

/** Every property of every object in the schema, with its dotted path. */
function* properties(node: Json, path: string): Generator<[string, Json]> {
  const n = resolve(node);
  for (const [key, child] of Object.entries((n.properties ?? {}) as Json)) {
    yield [`${path}${key}`, resolve(child)];
    yield* properties(child, `${path}${key}.`);
  }
  if (n.items) yield* properties(n.items, `${path}[].`);
  if (n.additionalProperties && typeof n.additionalProperties === "object") yield* properties(n.additionalProperties, `${path}*.`);
}

describe("the project schema", () => {
  it("compiles under ajv's strict mode (draft 2020-12)", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(() => projectSchema()).not.toThrow();
  });

  it("gives every property a French title and description, the editor's tooltips", () => {
    const missing: string[] = [];
    let count = 0;
    for (const [path, prop] of properties(schema, "")) {
      count++;
      if (typeof prop.title !== "string" || prop.title.trim() === "") missing.push(`${path} (title)`);
      if (typeof prop.description !== "string" || prop.description.trim().length < 3) missing.push(`${path} (description)`);
    }
    expect(count).toBeGreaterThan(150);
    expect(missing).toEqual([]);
  });

  it("catches typos in every section (no unknown key accepted)", () => {
    const open: string[] = [];
    for (const [path, prop] of [["(racine)", schema] as [string, Json], ...properties(schema, "")]) {
      if (prop.type === "object" && prop.properties && prop.additionalProperties !== false) open.push(path);
    }
    expect(open).toEqual([]);
  });

  it("takes its professions and missions from the domain data files", () => {
    expect(schemaText(syncSchema(schema))).toBe(raw);
    expect(schema.$defs.profession.enum).toEqual(PROFESSIONS.map((p) => p.code));
    expect(schema.$defs.code_mission.enum).toEqual(MISSIONS.map((m) => m.code));
  });

  it("agrees with the TypeScript types the code uses", async () => {
    expect(await generateTypes(raw), "src/project/types.generated.ts is out of date: run npm run gen:types").toBe(
      readFileSync(TYPES_PATH, "utf8"),
    );
  });

  it("would see a field added to the schema but not to the types", async () => {
    const drifted = structuredClone(schema);
    drifted.properties.cpts.properties.site_web = { type: "string", title: "Site web", description: "Adresse du site de la CPTS." };
    const types = await generateTypes(JSON.stringify(drifted));
    expect(types).toMatch(/^\s+site_web\?: SiteWeb;$/m);
    expect(types).not.toBe(readFileSync(TYPES_PATH, "utf8"));
  });
});

/**
 * The quick check (src/project/quick-check.ts) must give ajv's verdict on every value: a wrong
 * "valid" would hide errors from `cpts valider`, a wrong "invalid" would only cost time, but both
 * fail here. The reference is the validator `valider` loads: the one compiled by the build when
 * it exists, else the schema compiled by ajv now.
 *
 * Values: every example and fixture, then valid projects changed at random places (values of
 * every type, limits of lengths and numbers, dates, addresses, patterns, missing and unknown
 * keys). `CPTS_PROPERTY_RUNS` scales the generated runs.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import type { ValidateFunction } from "ajv";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseProjectSource } from "../../src/project/file.js";
import { FORMAT_PATTERNS, FORMATS, prepareQuickCheck, type QuickCheck } from "../../src/project/quick-check.js";
import { createAjv, readSchema } from "../../src/project/schema.js";
import { ROOT } from "../helpers.js";

const RUNS = Number(process.env.CPTS_PROPERTY_RUNS ?? 200);
const GENERATED_TIMEOUT = Math.max(60_000, RUNS * 20);

const SCHEMA = readSchema();
const BUILT = join(ROOT, "dist", "project", "validate-project.cjs");
const ajv: ValidateFunction = existsSync(BUILT)
  ? (createRequire(import.meta.url)(BUILT) as ValidateFunction)
  : createAjv().compile(readSchema());

function prepared(): QuickCheck {
  const preparation = prepareQuickCheck(SCHEMA);
  if (!preparation.supported) throw new Error(`quick check refused the project schema: ${preparation.reason}`);
  return preparation.check;
}
const quick = prepared();

/** Fails with the value when the two verdicts differ; returns ajv's. */
function expectSameVerdict(value: unknown, label = ""): boolean {
  const expected = ajv(value);
  expect(quick(value), `${label} ${show(value)}`).toBe(expected);
  return expected;
}

function show(value: unknown): string {
  try {
    return JSON.stringify(value, (_, v: unknown) => (typeof v === "number" && !isFinite(v) ? String(v) : v))?.slice(0, 2000) ?? String(value);
  } catch {
    return String(value);
  }
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** The data of a YAML file as both read paths give it, when the file reads at all. */
function dataOf(path: string): unknown[] {
  let source: string;
  try {
    source = new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(path)).replace(/^\uFEFF/, "");
  } catch {
    return [];
  }
  const name = relative(ROOT, path);
  return [parseProjectSource(source, name, name), parseProjectSource(source, name, name, { fast: false })]
    .map((file) => file.data)
    .filter((data) => data !== undefined);
}

const EXAMPLES = yamlFiles(join(ROOT, "examples"));
const FIXTURES = yamlFiles(join(ROOT, "test", "fixtures"));

/** A deep copy whose keys are all own properties, as in the data read from YAML: `__proto__` stays an ordinary key. */
function clone<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clone) as T;
  if (typeof value !== "object" || value === null) return value;
  const out = {};
  for (const key of Object.keys(value)) {
    Object.defineProperty(out, key, { value: clone((value as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true });
  }
  return out as T;
}

const VALID_PROJECTS = EXAMPLES.flatMap(dataOf).filter((data) => ajv(data));

describe("the quick check on real files", () => {
  it("accepts the project schema, and finds the examples and fixtures", () => {
    expect(prepareQuickCheck(SCHEMA).supported).toBe(true);
    expect(EXAMPLES.map((f) => relative(join(ROOT, "examples"), f))).toEqual(expect.arrayContaining([join("bergerac", "cpts.yaml"), join("minimal", "cpts.yaml")]));
    expect(FIXTURES.length).toBeGreaterThan(20);
    expect(VALID_PROJECTS.length).toBeGreaterThanOrEqual(3);
  });

  it.each([...EXAMPLES, ...FIXTURES].map((f) => relative(ROOT, f)))("%s: same verdict as ajv", (name) => {
    for (const data of dataOf(join(ROOT, name))) expectSameVerdict(data, name);
  });

  it("sees what the invalid fixtures get wrong", () => {
    const verdicts = FIXTURES.flatMap(dataOf).map((data) => quick(data));
    expect(verdicts.filter((v) => !v).length).toBeGreaterThan(5);
  });
});

describe("the quick check on chosen values", () => {
  const base = () => clone(VALID_PROJECTS.find((p) => (p as { cpts?: { site_internet?: string } }).cpts?.site_internet) ?? VALID_PROJECTS[0]) as Record<string, any>;

  it.each<[string, (p: Record<string, any>) => void, boolean]>([
    ["version 1.0 is an integer", (p) => (p.version = 1.0), true],
    ["version 1.5 is not", (p) => (p.version = 1.5), false],
    ["version Infinity is not a number", (p) => (p.version = Infinity), false],
    ["version NaN is not a number", (p) => (p.version = NaN), false],
    ["a name of one emoji is one character", (p) => (p.cpts.nom = "😀"), true],
    ["a name of a lone surrogate is one character", (p) => (p.cpts.nom = "\uD83D"), true],
    ["an empty name is too short", (p) => (p.cpts.nom = ""), false],
    ["29 February of a leap year", (p) => (p.cpts.date_creation = "2024-02-29"), true],
    ["29 February of 2100", (p) => (p.cpts.date_creation = "2100-02-29"), false],
    ["30 February", (p) => (p.cpts.date_creation = "2026-02-30"), false],
    ["a date with a time", (p) => (p.cpts.date_creation = "2026-02-03T10:00:00Z"), false],
    ["an http address", (p) => (p.cpts.site_internet = "http://a.fr/b?c=d#e"), true],
    ["an address without a scheme", (p) => (p.cpts.site_internet = "www.exemple.fr"), false],
    ["an address with a space", (p) => (p.cpts.site_internet = "https://exemple .fr"), false],
    ["an address in brackets (IPv6)", (p) => (p.cpts.site_internet = "http://[::1]:80/x"), true],
    ["a URN", (p) => (p.cpts.site_internet = "urn:isbn:0451450523"), true],
    ["an unknown key", (p) => (p.cpts.sigel = "X"), false],
    ["an own __proto__ key", (p) => Object.defineProperty(p, "__proto__", { value: {}, enumerable: true, writable: true, configurable: true }), false],
    ["an own constructor key", (p) => (p.cpts.constructor = "X"), false],
    ["no name", (p) => delete p.cpts.nom, false],
    ["a duration of 3 years", (p) => ((p.association ??= {}).duree = 3), true],
    ["a duration of 3.5 years", (p) => ((p.association ??= {}).duree = 3.5), false],
    ["an unlimited duration", (p) => ((p.association ??= {}).duree = "illimitee"), true],
    ["a duration of 0 years", (p) => ((p.association ??= {}).duree = 0), false],
    ["a duration in words", (p) => ((p.association ??= {}).duree = "toujours"), false],
  ])("%s", (_, change, valid) => {
    const project = base();
    change(project);
    expect(expectSameVerdict(project)).toBe(valid);
  });
});

/* Generated changes of valid projects. */

type Path = (string | number)[];

/** Every place of a value: the value itself, its entries, theirs… */
function paths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, i) => paths(item, [...prefix, i], out));
  else if (typeof value === "object" && value !== null) for (const key of Object.keys(value)) paths((value as Record<string, unknown>)[key], [...prefix, key], out);
  return out;
}

function at(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, key) => (v as Record<string | number, unknown>)[key], value);
}

function setOwn(container: object, key: string | number, value: unknown): void {
  Object.defineProperty(container, key, { value, enumerable: true, writable: true, configurable: true });
}

/** What the schema itself holds: keys, enum and const values, limits. */
function schemaFacts() {
  const keys = new Set<string>();
  const texts = new Set<string>();
  const limits = new Set<number>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== "object" || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === "properties" || key === "$defs") for (const name of Object.keys(value as object)) keys.add(name);
      if (key === "enum") for (const v of value as unknown[]) texts.add(String(v));
      if (key === "const") texts.add(String(value));
      if (key === "minimum" || key === "maximum") limits.add(value as number);
      walk(value);
    }
  };
  walk(SCHEMA);
  return { keys: [...keys], texts: [...texts], limits: [...limits] };
}
const FACTS = schemaFacts();

const ASTRAL = ["😀", "𝄞", "\uD83D", "\uDE00", "\uDE00\uD83D", "é", "e\u0301", "\u0000", " ", "\n"];
const DATES = ["2026-02-28", "2026-02-29", "2024-02-29", "2000-02-29", "1900-02-29", "2100-02-29", "2026-02-30", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "2026-1-01", "2026-01-01 ", " 2026-01-01", "2026-01-01\n", "20260101", "2026-01-01T00:00:00Z", "９９９９-01-01"];
const EMAILS = ["a@b.fr", "a@b", "a@b.c", "a..b@c.fr", ".a@b.fr", "a.@b.fr", "a@-b.fr", "a@b-.fr", "a@b..fr", "é@b.fr", "A.B@EXEMPLE.FR", "a+b@c.fr", "a b@c.fr", "a@b.fr.", "@b.fr", "a@"];
const URIS = ["https://x", "https://exemple.fr/a/b?c=d&e#f", "HTTPS://X.FR", "http:/x", "http://", "x", "//x", "a:b", "mailto:a@b.fr", "urn:x", "https://exa mple.fr", "https://é.fr", "https://x/%zz", "https://x/%41", "https://x:8080", "https://x:port", "https://u:p@x.fr", "http://[::1]", "http://[v1.x]/", "http://1.2.3.4/", "1http://x", "-x:y", "https://x/\\"];
const PATTERNED = ["24037", "2403", "240370", "2A037", "2B999", "2a037", "2C037", "٢٤٠٣٧", "２４０３７", "123456789", "12345678", "1234567890", "0553000000", "05 53 00 00 00", "05.53.00.00.00", "+33 5 53 00 00 00", "+335 53 00 00 00", "+33553000000", "0053000000", "05 53 00 00 0", "05  53 00 00 00", "12:30", "09:05", "9:05", "24:00", "29:59", "30:00", "12:60", "12:30\n"];
const NUMBERS = [0, -0, 1, -1, 0.5, 1.0, 1e21, 2 ** 53, -(2 ** 53), 1e-7, NaN, Infinity, -Infinity, ...FACTS.limits.flatMap((n) => [n, n - 1, n + 1, n - 0.5, n + 0.5, n - 1e-9, n + 1e-9])];

const text = fc.oneof(
  fc.constantFrom(...ASTRAL, ...DATES, ...EMAILS, ...URIS, ...PATTERNED, ...FACTS.texts, ...FACTS.keys, "illimitee", "Illimitee", "", "x"),
  fc.constantFrom(...FACTS.texts).map((t) => [`${t} `, t.toUpperCase(), t.toLowerCase(), t.slice(1)]).chain((variants) => fc.constantFrom(...variants)),
  fc.array(fc.constantFrom(...ASTRAL, "a"), { maxLength: 3 }).map((parts) => parts.join("")),
  fc.string({ unit: "grapheme", maxLength: 6 }),
  fc.string({ unit: "binary", maxLength: 4 }),
);
const number = fc.oneof(fc.constantFrom(...NUMBERS), fc.integer(), fc.double());
const scalar = fc.oneof(text, number, fc.boolean(), fc.constant(null));
const key = fc.oneof(fc.constantFrom(...FACTS.keys, "__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "", "nom "), fc.string({ maxLength: 4 }));
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: "small", withCrossShrink: true }, scalar, tie("list"), tie("map")),
  list: fc.array(tie("node"), { maxLength: 3 }),
  map: fc.array(fc.tuple(key, tie("node")), { maxLength: 3 }).map((pairs) => {
    const out = {};
    for (const [k, v] of pairs) setOwn(out, k, v);
    return out;
  }),
})).node;

type Schema = Record<string, unknown>;

/** A sub-schema with its $ref followed, and each branch of its oneOf. */
function expand(schema: unknown): Schema[] {
  if (typeof schema !== "object" || schema === null) return [];
  const s = schema as Schema;
  const out = [s];
  if (typeof s.$ref === "string") out.push(...expand((SCHEMA.$defs as Schema)[s.$ref.slice("#/$defs/".length)]));
  if (Array.isArray(s.oneOf)) for (const branch of s.oneOf) out.push(...expand(branch));
  return out;
}

/** The sub-schemas that apply at `path` of a project. */
function schemasAt(path: Path): Schema[] {
  let here = expand(SCHEMA);
  for (const key of path) {
    here = here.flatMap((s) => {
      if (typeof key === "number") return expand(s.items);
      const properties = s.properties as Schema | undefined;
      return properties && Object.hasOwn(properties, key) ? expand(properties[key]) : expand(s.additionalProperties);
    });
  }
  return here;
}

/** A value the sub-schema probably accepts, built from its own keywords. */
function sample(schema: unknown, depth = 0): unknown {
  const [s, ...rest] = expand(schema);
  if (!s || depth > 8) return null;
  const all = [s, ...rest];
  const find = (keyword: string) => all.find((x) => x[keyword] !== undefined)?.[keyword];
  const first = Array.isArray(s.oneOf) ? expand(s.oneOf[0]) : [];
  if (first.length) return sample(first[0], depth + 1);
  if (find("const") !== undefined) return find("const");
  if (Array.isArray(find("enum"))) return (find("enum") as unknown[])[0];
  switch (find("type")) {
    case "object": {
      const out: Record<string, unknown> = {};
      const properties = all.reduce<Schema>((acc, x) => ({ ...acc, ...(x.properties as Schema | undefined) }), {});
      for (const [key, sub] of Object.entries(properties)) out[key] = sample(sub, depth + 1);
      const names = expand(find("propertyNames"))
        .map((x) => x.enum)
        .find(Array.isArray);
      const additional = find("additionalProperties");
      if (names && typeof additional === "object") out[String(names[0])] = sample(additional, depth + 1);
      return out;
    }
    case "array":
      return [sample(find("items"), depth + 1)];
    case "integer":
    case "number":
      return (find("minimum") as number | undefined) ?? 1;
    case "boolean":
      return true;
    case "string": {
      const format = find("format");
      if (format === "date") return "2026-01-15";
      if (format === "email") return "claire.martin@exemple.fr";
      if (format === "uri") return "https://www.exemple.fr";
      const pattern = find("pattern");
      if (typeof pattern === "string") return PATTERNED.find((p) => new RegExp(pattern, "u").test(p)) ?? "x";
      return "x";
    }
    default:
      return null;
  }
}

/** Texts of exactly `n` code points as ajv counts them, made of several kinds of characters. */
function textsOfLength(n: number): string[] {
  if (n < 0) return [];
  return ["a", "😀", "\uD83D", "\uDE00", "é"].map((unit) => unit.repeat(n)).concat(n >= 2 ? ["😀" + "a".repeat(n - 1), "\uDE00\uD83D".repeat(n / 2) + "a".repeat(n % 2)] : []);
}

/** Values at and around every limit the sub-schemas at `path` set. */
function boundaries(path: Path): unknown[] {
  const out: unknown[] = [];
  for (const s of schemasAt(path)) {
    for (const keyword of ["minimum", "maximum"]) {
      const n = s[keyword];
      if (typeof n === "number") out.push(n, n - 1, n + 1, n - 0.5, n + 0.5, n - 1e-9, n + 1e-9, String(n));
    }
    if (typeof s.minLength === "number") for (const k of [-1, 0, 1]) out.push(...textsOfLength(s.minLength + k));
    if (Array.isArray(s.enum)) for (const v of s.enum) out.push(v, ...(typeof v === "string" ? [`${v} `, v.toUpperCase(), v.toLowerCase(), v.slice(1)] : []));
    if (s.const !== undefined) out.push(s.const, `${String(s.const)}s`);
    if (typeof s.pattern === "string") out.push(...PATTERNED);
    if (s.format === "date") out.push(...DATES);
    if (s.format === "email") out.push(...EMAILS);
    if (s.format === "uri") out.push(...URIS);
    if (s.type !== undefined) out.push(null, true, 0, 1, 1.5, "", "x", [], {}, NaN, Infinity);
  }
  return out;
}

/** A change made at the place `pick` chooses among the places the project has at that time. */
type Change =
  | { kind: "set"; pick: number; value: unknown }
  | { kind: "boundary"; pick: number; choice: number }
  | { kind: "transplant"; pick: number; from: number }
  | { kind: "remove"; pick: number }
  | { kind: "add"; pick: number; key: string; value: unknown }
  | { kind: "fill"; pick: number; choice: number }
  | { kind: "rename"; pick: number; choice: number; key: string }
  | { kind: "push"; pick: number; from: number };

const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant("set" as const), pick: fc.nat(), value }),
  fc.record({ kind: fc.constant("boundary" as const), pick: fc.nat(), choice: fc.nat() }),
  fc.record({ kind: fc.constant("transplant" as const), pick: fc.nat(), from: fc.nat() }),
  fc.record({ kind: fc.constant("remove" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("add" as const), pick: fc.nat(), key, value }),
  fc.record({ kind: fc.constant("fill" as const), pick: fc.nat(), choice: fc.nat() }),
  fc.record({ kind: fc.constant("rename" as const), pick: fc.nat(), choice: fc.nat(), key: fc.oneof(key, fc.constantFrom(...FACTS.texts)) }),
  fc.record({ kind: fc.constant("push" as const), pick: fc.nat(), from: fc.nat() }),
);

function apply(project: unknown, c: Change): unknown {
  const places = paths(project);
  const path = places[c.pick % places.length]!;
  const target = at(project, path);
  const parent = path.length ? (at(project, path.slice(0, -1)) as object) : undefined;
  const last = path[path.length - 1]!;
  const replace = (v: unknown) => {
    if (parent === undefined) return v;
    setOwn(parent, last, v);
    return project;
  };
  switch (c.kind) {
    case "set":
      return replace(clone(c.value));
    case "boundary": {
      const values = boundaries(path);
      return values.length ? replace(clone(values[c.choice % values.length])) : project;
    }
    case "transplant":
      // Another value of the same project: often of the right type, in the wrong place.
      return replace(clone(at(project, places[c.from % places.length]!)));
    case "remove":
      if (parent === undefined) return project;
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete (parent as Record<string, unknown>)[last];
      return project;
    case "add":
      if (typeof target === "object" && target !== null && !Array.isArray(target)) setOwn(target, c.key, clone(c.value));
      return project;
    case "fill": {
      // A field the schema knows and the project lacks, down to the sub-sections it needs.
      if (typeof target !== "object" || target === null || Array.isArray(target)) return project;
      const known = schemasAt(path).flatMap((s) => Object.entries((s.properties as Schema | undefined) ?? {}));
      const missing = known.filter(([k]) => !Object.hasOwn(target, k));
      if (missing.length === 0) return project;
      const [k, sub] = missing[c.choice % missing.length]!;
      setOwn(target, k, sample(sub));
      return project;
    }
    case "rename": {
      if (typeof target !== "object" || target === null || Array.isArray(target)) return project;
      const keys = Object.keys(target);
      if (keys.length === 0) return project;
      const old = keys[c.choice % keys.length]!;
      const moved = (target as Record<string, unknown>)[old];
      delete (target as Record<string, unknown>)[old];
      setOwn(target, c.key, moved);
      return project;
    }
    case "push":
      if (Array.isArray(target)) target.push(clone(at(project, places[c.from % places.length]!)));
      return project;
  }
}

describe("the quick check on changed projects", () => {
  const projects = fc.constantFrom(...VALID_PROJECTS.keys());

  it(
    "gives ajv's verdict after one to four changes",
    () => {
      const verdicts = { valid: 0, invalid: 0 };
      fc.assert(
        fc.property(projects, fc.array(change, { minLength: 1, maxLength: 4 }), (index, changes) => {
          let project = clone(VALID_PROJECTS[index]);
          for (const c of changes) project = apply(project, c);
          verdicts[expectSameVerdict(project) ? "valid" : "invalid"]++;
        }),
        { numRuns: RUNS * 3 },
      );
      // Both verdicts must come up, or the comparison proves little.
      expect(verdicts.valid).toBeGreaterThan(0);
      expect(verdicts.invalid).toBeGreaterThan(0);
    },
    GENERATED_TIMEOUT,
  );

  it(
    "gives ajv's verdict on any value at all",
    () => {
      fc.assert(
        fc.property(value, (v) => {
          expectSameVerdict(v);
          expectSameVerdict({ version: 1, cpts: { nom: "X" }, ...(typeof v === "object" && v !== null && !Array.isArray(v) ? v : { x: v }) });
        }),
        { numRuns: RUNS },
      );
    },
    GENERATED_TIMEOUT,
  );
});

/**
 * Keywords alone and in combinations the project schema does not have yet, against ajv with the
 * options of `createAjv` except strict mode: strict mode refuses a schema (type-specific keywords
 * without `type`…) at compilation and changes nothing in the verdicts.
 */
describe("the quick check on small schemas", () => {
  const require = createRequire(import.meta.url);
  const { Ajv2020 } = require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
  const lenient = new Ajv2020({ allErrors: true, strict: false, strictNumbers: true, allowUnionTypes: true, verbose: true });
  (require("ajv-formats") as (a: unknown) => void)(lenient);

  const SMALL: unknown[] = [
    true,
    false,
    { type: "string", minLength: 3 },
    { minLength: 2 },
    { pattern: "^.$" },
    { type: "string", pattern: "^\\p{Lu}" },
    { minimum: 0, maximum: 10 },
    { type: ["integer", "string"], minimum: 1, minLength: 2 },
    { type: ["number", "null"] },
    { type: ["array", "object"] },
    { type: "integer" },
    { oneOf: [{ type: "integer" }, { minimum: 0 }] },
    { oneOf: [{ const: "a" }, { enum: ["a", "b"] }, true] },
    { oneOf: [false] },
    { const: 0 },
    { const: null },
    { enum: [1, "1", null, true] },
    { required: ["a"] },
    { type: "object", required: ["constructor"] },
    { type: "object", properties: { toString: { type: "string" } } },
    { properties: { a: { type: "string" } }, additionalProperties: { type: "integer" }, propertyNames: { pattern: "^[a-z]+$" } },
    { additionalProperties: false },
    { required: ["__proto__", "constructor"] },
    { items: { type: "integer" } },
    { items: false },
    { format: "date" },
    { type: "string", format: "email" },
    { format: "uri" },
    { $defs: { n: { type: "number", maximum: 3 } }, type: "array", items: { $ref: "#/$defs/n" } },
  ];
  const SMALL_VALUES: unknown[] = [
    null, true, false, 0, -0, 1, 1.0, 1.5, -1, 3, 3.5, 10, 11, NaN, Infinity, -Infinity, "", "a", "ab", "abc", "😀", "😀😀", "\uD83D", "\uD83D\uD83D", "\uDE00\uD83D", "é", "É", "1",
    "2024-02-29", "2100-02-29", "a@b.fr", "https://x", "x", [], [1], [1.5], ["a"], [4], {}, { a: "x" }, { a: 1 }, { b: 1 }, { B: 1 }, { a: "x", b: 2 },
  ];

  it.each(SMALL.map((s) => [JSON.stringify(s), s]))("%s: same verdict as ajv", (_, schema) => {
    const preparation = prepareQuickCheck(schema);
    expect(preparation.supported).toBe(true);
    const check = (preparation as { check: QuickCheck }).check;
    const reference = lenient.compile(schema as object);
    const withProto = Object.defineProperty({}, "__proto__", { value: "x", enumerable: true, writable: true, configurable: true });
    for (const v of [...SMALL_VALUES, withProto]) expect(check(v), show(v)).toBe(reference(v));
    fc.assert(
      fc.property(value, (v) => {
        expect(check(v), show(v)).toBe(reference(v));
      }),
      { numRuns: RUNS },
    );
  });
});

describe("the formats copied from ajv-formats", () => {
  const require = createRequire(import.meta.url);
  const formatsPath = require.resolve("ajv-formats/dist/formats.js");
  const source = readFileSync(formatsPath, "utf8");
  const full = (require(formatsPath) as { fullFormats: Record<string, unknown> }).fullFormats;
  const ajvFormat = (name: string) => {
    const f = full[name] as RegExp | ((s: string) => boolean) | { validate: RegExp | ((s: string) => boolean) };
    const check = typeof f === "object" && !(f instanceof RegExp) ? f.validate : f;
    return (s: string) => (check instanceof RegExp ? check.test(s) : check(s));
  };

  it("are still the ones the installed ajv-formats uses in full mode", () => {
    const fullPart = source.slice(source.indexOf("exports.fullFormats = {"), source.indexOf("exports.fastFormats = {"));
    expect(fullPart).toContain("date: fmtDef(date, compareDate),");
    expect(fullPart).toContain("\n    uri,\n");
    expect(fullPart).toContain(`email: ${FORMAT_PATTERNS.EMAIL},`);
    expect(source).toContain(`const DATE = ${FORMAT_PATTERNS.DATE};`);
    expect(source).toContain("const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];");
    expect(source).toContain("return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);");
    expect(source).toContain("day <= (month === 2 && isLeapYear(year) ? 29 : DAYS[month]));");
    expect(source).toContain(`const NOT_URI_FRAGMENT = ${FORMAT_PATTERNS.NOT_URI_FRAGMENT};`);
    expect(source).toContain(`const URI = ${FORMAT_PATTERNS.URI};`);
    expect(source).toContain("return NOT_URI_FRAGMENT.test(str) && URI.test(str);");
  });

  it.each(["date", "email", "uri"])("%s: same answer as ajv-formats", (name) => {
    const samples = [...DATES, ...EMAILS, ...URIS, ...PATTERNED, ...ASTRAL, ""];
    for (const s of samples) expect(FORMATS[name]!(s), JSON.stringify(s)).toBe(ajvFormat(name)(s));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 30 }), fc.stringMatching(FORMAT_PATTERNS.SIMPLE_URI), fc.stringMatching(FORMAT_PATTERNS.DATE)), (s) => {
        expect(FORMATS[name]!(s)).toBe(ajvFormat(name)(s));
      }),
      { numRuns: RUNS },
    );
  });

  it("takes the short way for uri only on addresses the full pattern accepts", () => {
    fc.assert(
      fc.property(fc.stringMatching(FORMAT_PATTERNS.SIMPLE_URI), (s) => {
        expect(ajvFormat("uri")(s), s).toBe(true);
      }),
      { numRuns: RUNS * 5 },
    );
  });
});

describe("preparation", () => {
  it.each<[string, unknown]>([
    ["an unknown keyword", { type: "object", minProperties: 1 }],
    ["a misspelt keyword", { type: "string", minLenght: 1 }],
    ["a keyword of another vocabulary", { anyOf: [{ type: "string" }] }],
    ["maxLength", { type: "string", maxLength: 3 }],
    ["an unknown format", { type: "string", format: "date-time" }],
    ["an unknown type", { type: "int" }],
    ["a type named twice", { type: ["string", "string"] }],
    ["items as a list", { type: "array", items: [{ type: "string" }] }],
    ["a reference outside $defs", { $ref: "#/definitions/x", definitions: { x: {} } }],
    ["a reference to a missing definition", { $ref: "#/$defs/x" }],
    ["an escaped reference", { $ref: "#/$defs/a~1b", $defs: { "a/b": {} } }],
    ["a nested $id", { properties: { a: { $id: "other", type: "string" } } }],
    ["another draft", { $schema: "http://json-schema.org/draft-07/schema#", type: "string" }],
    ["a pattern that is not a regular expression", { type: "string", pattern: "(" }],
    ["an enum of objects", { enum: [{ a: 1 }] }],
    ["a const list", { const: [1] }],
    ["a non-numeric minimum", { minimum: "1" }],
    ["a negative minLength", { minLength: -1 }],
    ["a sub-schema that is a number", { properties: { a: 1 } }],
    ["a property named __proto__", JSON.parse('{ "properties": { "__proto__": { "type": "string" } } }')],
    ["an unknown keyword in an unused definition", { type: "string", $defs: { unused: { if: { type: "string" } } } }],
  ])("refuses %s", (_, schema) => {
    const preparation = prepareQuickCheck(schema);
    expect(preparation.supported).toBe(false);
    expect(preparation.supported ? "" : preparation.reason).not.toBe("");
  });

  it("refuses the project schema once a keyword it does not know is added anywhere", () => {
    const schema = clone(SCHEMA) as { $defs: Record<string, Record<string, unknown>> };
    schema.$defs.code_insee!.maxLength = 5;
    expect(prepareQuickCheck(schema).supported).toBe(false);
  });

  it("follows a definition that refers to itself", () => {
    const preparation = prepareQuickCheck({
      $defs: { tree: { type: "object", additionalProperties: false, properties: { children: { type: "array", items: { $ref: "#/$defs/tree" } } } } },
      $ref: "#/$defs/tree",
    });
    expect(preparation.supported).toBe(true);
    const check = (preparation as { check: QuickCheck }).check;
    expect(check({ children: [{ children: [] }, {}] })).toBe(true);
    expect(check({ children: [{ children: [{ leaf: 1 }] }] })).toBe(false);
  });
});

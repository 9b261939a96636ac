/**
 * A yes/no answer to "does this value satisfy the project schema?", given by a small interpreter
 * of the JSON Schema 2020-12 subset the schema uses. Loading ajv's generated validator and having
 * V8 compile it costs several times more than this whole check on a fresh process. Its verdict is
 * ajv's with the options of `createAjv`: strict numbers (NaN and ±Infinity are not numbers),
 * ajv-formats' "full" formats, patterns with the `u` flag, lengths in code points.
 *
 * Preparation refuses every keyword, or keyword value, it does not know, so a schema that grows
 * beyond the subset makes callers fall back to ajv instead of getting a wrong verdict.
 */
export type QuickCheck = (value: unknown) => boolean;
type FormatCheck = (text: string) => boolean;

export type QuickCheckPreparation = { supported: true; check: QuickCheck } | { supported: false; reason: string };

type Schema = Record<string, unknown>;

class Unsupported extends Error {}

const DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";
const REF_PREFIX = "#/$defs/";

const NULL = 1;
const BOOLEAN = 2;
const OBJECT = 4;
const ARRAY = 8;
const NUMBER = 16;
const INTEGER = 32;
const STRING = 64;
const TYPE_BITS: Record<string, number> = { null: NULL, boolean: BOOLEAN, object: OBJECT, array: ARRAY, number: NUMBER, integer: INTEGER, string: STRING };

/**
 * One sub-schema reduced to what it asserts. Every node has every field, so that the checker
 * reads them through one object shape; a neutral value means "no such keyword".
 */
interface Node {
  /** The verdict of a `true` or `false` schema. */
  always: boolean | undefined;
  /** Allowed types as TYPE_BITS; 0 when any type is allowed. */
  types: number;
  values: readonly unknown[] | undefined;
  hasConst: boolean;
  constant: unknown;
  ref: Node | undefined;
  oneOf: Node[] | undefined;
  minLength: number;
  pattern: RegExp | undefined;
  format: FormatCheck | undefined;
  minimum: number;
  maximum: number;
  required: string[] | undefined;
  /** `properties`, for membership tests, and its entries as two parallel lists for the loop. */
  properties: Schema | undefined;
  propertyKeys: string[] | undefined;
  propertyNodes: Node[] | undefined;
  additional: Node | undefined;
  propertyNames: Node | undefined;
  items: Node | undefined;
}

/** An object literal, not a class with fields: V8 copies it from a template, even in cold code. */
function newNode(): Node {
  return {
    always: undefined,
    types: 0,
    values: undefined,
    hasConst: false,
    constant: undefined,
    ref: undefined,
    oneOf: undefined,
    minLength: 0,
    pattern: undefined,
    format: undefined,
    minimum: -Infinity,
    maximum: Infinity,
    required: undefined,
    properties: undefined,
    propertyKeys: undefined,
    propertyNodes: undefined,
    additional: undefined,
    propertyNames: undefined,
    items: undefined,
  };
}

/**
 * Reads `schema` once into a tree of nodes and returns the check over it, or says which part of
 * the schema the check does not know. Never throws.
 */
export function prepareQuickCheck(schema: unknown): QuickCheckPreparation {
  try {
    const root = new Reader(schema).root();
    return { supported: true, check: (value) => valid(root, value) };
  } catch (error) {
    if (error instanceof Unsupported) return { supported: false, reason: error.message };
    return { supported: false, reason: `schéma illisible (${String(error)})` };
  }
}

function valid(node: Node, v: unknown): boolean {
  if (node.always !== undefined) return node.always;
  if (node.types !== 0 && (node.types & typeOf(v)) === 0) return false;
  if (node.values !== undefined && !node.values.includes(v)) return false;
  if (node.hasConst && v !== node.constant) return false;
  if (node.ref !== undefined && !valid(node.ref, v)) return false;
  if (node.oneOf !== undefined && !exactlyOne(node.oneOf, v)) return false;
  // As in ajv's code, each keyword applies only to the kind of value it is about, and minimum
  // and maximum skip NaN and ±Infinity.
  if (typeof v === "string") return validString(node, v);
  if (typeof v === "number") return !isFinite(v) || (v >= node.minimum && v <= node.maximum);
  if (typeof v !== "object" || v === null) return true;
  if (Array.isArray(v)) return node.items === undefined || validItems(node.items, v);
  return validObject(node, v as Record<string, unknown>);
}

/** ajv's type of a value: NaN and ±Infinity have none, 1.0 is an integer. */
function typeOf(v: unknown): number {
  switch (typeof v) {
    case "string":
      return STRING;
    case "boolean":
      return BOOLEAN;
    case "number":
      return !isFinite(v) ? 0 : v % 1 ? NUMBER : NUMBER | INTEGER;
    case "object":
      return v === null ? NULL : Array.isArray(v) ? ARRAY : OBJECT;
    default:
      return 0;
  }
}

function exactlyOne(branches: Node[], v: unknown): boolean {
  let passed = 0;
  for (let i = 0; i < branches.length; i++) if (valid(branches[i]!, v) && ++passed > 1) return false;
  return passed === 1;
}

function validString(node: Node, s: string): boolean {
  const min = node.minLength;
  // n UTF-16 units hold between n/2 and n code points: most strings need no counting.
  if (min > 0 && s.length < min * 2 && (s.length < min || codePoints(s) < min)) return false;
  if (node.pattern !== undefined && !node.pattern.test(s)) return false;
  return node.format === undefined || node.format(s);
}

function validItems(items: Node, list: unknown[]): boolean {
  for (let i = 0; i < list.length; i++) if (!valid(items, list[i])) return false;
  return true;
}

function validObject(node: Node, object: Record<string, unknown>): boolean {
  // Reads go through the prototype chain and key loops use for…in, as in ajv's code.
  const required = node.required;
  if (required !== undefined) for (let i = 0; i < required.length; i++) if (object[required[i]!] === undefined) return false;
  const keys = node.propertyKeys;
  if (keys !== undefined) {
    for (let i = 0; i < keys.length; i++) {
      const value = object[keys[i]!];
      if (value !== undefined && !valid(node.propertyNodes![i]!, value)) return false;
    }
  }
  const { additional, propertyNames, properties } = node;
  if (additional === undefined && propertyNames === undefined) return true;
  for (const key in object) {
    if (propertyNames !== undefined && !valid(propertyNames, key)) return false;
    if (additional !== undefined && !(properties !== undefined && Object.hasOwn(properties, key)) && !valid(additional, object[key])) return false;
  }
  return true;
}

/** Code points as ajv counts them (its runtime ucs2length): a lone surrogate counts as one. */
function codePoints(s: string): number {
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    count++;
    const unit = s.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
  }
  return count;
}

/** Builds the nodes of a schema, refusing what the checker would not check as ajv does. */
class Reader {
  private readonly defs: Schema;
  private readonly defNodes = new Map<string, Node>();

  constructor(private readonly schema: unknown) {
    const defs = isObject(schema) ? schema.$defs : undefined;
    if (defs !== undefined && !isPlainObject(defs)) throw new Unsupported("$defs n’est pas une section");
    this.defs = defs ?? {};
  }

  root(): Node {
    if (isObject(this.schema)) {
      const { $schema, $id } = this.schema;
      if ($schema !== undefined && $schema !== DRAFT_2020_12) throw new Unsupported(`version de schéma ${String($schema)}`);
      if ($id !== undefined && typeof $id !== "string") throw new Unsupported("$id n’est pas un texte");
    }
    const root = this.read(this.schema, newNode(), true);
    // Definitions nobody refers to are read too, so that preparation alone tells what is unsupported.
    for (const name of Object.keys(this.defs)) this.definition(name);
    return root;
  }

  private read(schema: unknown, node = newNode(), isRoot = false): Node {
    if (typeof schema === "boolean") {
      node.always = schema;
      return node;
    }
    if (!isPlainObject(schema)) throw new Unsupported("sous-schéma qui n’est ni une section ni un booléen");
    // Only own keys, as ajv reads them: isPlainObject has ruled out inherited ones.
    for (const keyword in schema) {
      const value = schema[keyword];
      switch (keyword) {
        case "$schema":
        case "$id":
        case "$defs":
          if (!isRoot) throw new Unsupported(`${keyword} ailleurs qu’à la racine`);
          break;
        case "title":
        case "description":
        case "$comment":
          if (typeof value !== "string") throw new Unsupported(`${keyword} n’est pas un texte`);
          break;
        case "examples":
          if (!Array.isArray(value)) throw new Unsupported("examples n’est pas une liste");
          break;
        case "default":
          break;
        case "type":
          node.types = typeBits(value);
          break;
        case "enum":
          if (!Array.isArray(value) || value.length === 0 || !value.every(isPrimitive)) throw new Unsupported("enum qui n’est pas une liste de valeurs simples");
          node.values = value;
          break;
        case "const":
          if (!isPrimitive(value)) throw new Unsupported("const qui n’est pas une valeur simple");
          node.hasConst = true;
          node.constant = value;
          break;
        case "$ref":
          node.ref = this.reference(value);
          break;
        case "oneOf":
          if (!Array.isArray(value) || value.length === 0) throw new Unsupported("oneOf vide ou qui n’est pas une liste");
          node.oneOf = value.map((branch) => this.read(branch));
          break;
        case "minLength":
          if (!Number.isSafeInteger(value) || (value as number) < 0) throw new Unsupported("minLength qui n’est pas un entier positif");
          node.minLength = value as number;
          break;
        case "pattern":
          node.pattern = pattern(value);
          break;
        case "format":
          if (typeof value !== "string" || !Object.hasOwn(FORMATS, value)) throw new Unsupported(`format ${String(value)}`);
          node.format = FORMATS[value];
          break;
        case "minimum":
          if (!isFiniteNumber(value)) throw new Unsupported("minimum qui n’est pas un nombre");
          node.minimum = value;
          break;
        case "maximum":
          if (!isFiniteNumber(value)) throw new Unsupported("maximum qui n’est pas un nombre");
          node.maximum = value;
          break;
        case "required":
          if (!Array.isArray(value) || !value.every((k) => typeof k === "string")) throw new Unsupported("required n’est pas une liste de textes");
          node.required = value;
          break;
        case "properties":
          if (!isPlainObject(value)) throw new Unsupported("properties n’est pas une section");
          // ajv skips this property, then counts it as additional or not depending on its code.
          if (Object.hasOwn(value, "__proto__")) throw new Unsupported("propriété __proto__");
          node.properties = value;
          node.propertyKeys = Object.keys(value);
          node.propertyNodes = node.propertyKeys.map((key) => this.read(value[key]));
          break;
        case "additionalProperties":
          node.additional = this.read(value);
          break;
        case "propertyNames":
          node.propertyNames = this.read(value);
          break;
        case "items":
          if (Array.isArray(value)) throw new Unsupported("items sous forme de liste");
          node.items = this.read(value);
          break;
        default:
          throw new Unsupported(`mot-clé ${keyword}`);
      }
    }
    return node;
  }

  private reference(ref: unknown): Node {
    if (typeof ref !== "string" || !ref.startsWith(REF_PREFIX)) throw new Unsupported(`référence ${String(ref)}`);
    const name = ref.slice(REF_PREFIX.length);
    // Names that JSON Pointer or URI escaping would change are left to ajv.
    if (name.includes("~") || name.includes("/") || name.includes("%") || !Object.hasOwn(this.defs, name)) throw new Unsupported(`référence ${ref}`);
    return this.definition(name);
  }

  private definition(name: string): Node {
    let node = this.defNodes.get(name);
    if (node === undefined) {
      // Registered before it is read, so that a definition may refer to itself.
      node = newNode();
      this.defNodes.set(name, node);
      this.read(this.defs[name], node);
    }
    return node;
  }
}

function typeBits(value: unknown): number {
  if (typeof value === "string" && Object.hasOwn(TYPE_BITS, value)) return TYPE_BITS[value]!;
  if (!Array.isArray(value) || value.length === 0) throw new Unsupported(`type ${JSON.stringify(value)}`);
  let bits = 0;
  for (const name of value) {
    const bit = typeof name === "string" && Object.hasOwn(TYPE_BITS, name) ? TYPE_BITS[name]! : 0;
    // ajv refuses a type named twice.
    if (bit === 0 || bits & bit) throw new Unsupported(`type ${JSON.stringify(value)}`);
    bits |= bit;
  }
  return bits;
}

function pattern(value: unknown): RegExp {
  if (typeof value !== "string") throw new Unsupported("pattern qui n’est pas un texte");
  try {
    return new RegExp(value, "u"); // ajv's unicodeRegExp default
  } catch {
    throw new Unsupported(`pattern ${value}`);
  }
}

function isObject(v: unknown): v is Schema {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** As JSON.parse makes them: ajv would also read keywords a schema built in code inherits. */
function isPlainObject(v: unknown): v is Schema {
  return isObject(v) && Object.getPrototypeOf(v) === Object.prototype;
}

function isPrimitive(v: unknown): boolean {
  return v === null || typeof v === "string" || typeof v === "boolean" || isFiniteNumber(v);
}

function isFiniteNumber(v: unknown): v is number {
  return typeof v === "number" && isFinite(v);
}

/*
 * The checks of ajv-formats 3.0.1 (dist/formats.js, `fullFormats`: the "full" mode addFormats
 * uses by default), copied because loading that module costs more than this whole check;
 * test/project/quick-check.test.ts fails when the installed ajv-formats no longer has them.
 */
export const FORMAT_PATTERNS = {
  DATE: /^(\d\d\d\d)-(\d\d)-(\d\d)$/,
  EMAIL: /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i,
  NOT_URI_FRAGMENT: /\/|:/,
  URI: /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i,
  /**
   * Not from ajv-formats: plain http(s) addresses, a part of what URI accepts (every piece is one
   * of its alternatives), tested first because V8 takes milliseconds to compile URI.
   */
  SIMPLE_URI: /^https?:\/\/[A-Za-z0-9.-]+(?::[0-9]+)?(?:\/[A-Za-z0-9\-._~!$&'()*+,;=:@]*)*(?:\?[A-Za-z0-9\-._~!$&'()*+,;=:@/?]*)?(?:#[A-Za-z0-9\-._~!$&'()*+,;=:@/?]*)?$/,
};

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export const FORMATS: Record<string, FormatCheck> = {
  date(value) {
    const matches = FORMAT_PATTERNS.DATE.exec(value);
    if (!matches) return false;
    const year = +matches[1]!;
    const month = +matches[2]!;
    const day = +matches[3]!;
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && leap ? 29 : DAYS[month]!);
  },
  email: (value) => FORMAT_PATTERNS.EMAIL.test(value),
  uri: (value) =>
    FORMAT_PATTERNS.SIMPLE_URI.test(value) ||
    (FORMAT_PATTERNS.NOT_URI_FRAGMENT.test(value) && FORMAT_PATTERNS.URI.test(value)),
};

/**
 * What the project schema says about one field: its French title (the question), its
 * description (the hint), its type and allowed values. The wizard asks for the schema's fields;
 * it does not keep its own copy of their wording.
 */
import { projectFiles } from "../project/index.js";
import type { Path } from "./path.js";

// Questions are worded from the schema: the wizard needs it before its first question.
const { LONG_TEXT, projectSchema } = await projectFiles();

export type JsonSchema = Record<string, unknown>;

export type FieldKind =
  | "text"
  | "date"
  | "integer"
  | "number"
  | "boolean"
  | "enum"
  | "enum-list"
  | "text-list"
  | "object-list"
  | "object"
  | "other";

export interface FieldInfo {
  /** The schema of the field, its `$ref` resolved, with the title and description of the field. */
  schema: JsonSchema;
  title: string;
  description?: string;
  kind: FieldKind;
  /** Allowed values of an enum field, or of the items of an enum list. */
  values?: string[];
  /** True when the enclosing object requires this field. */
  required: boolean;
  /** Name of the `$defs` entry the field refers to (`profession`, `code_mission`…), if any. */
  def?: string;
  /** A text of several lines (the schema's `x-texte-long`): written in the user's text editor. */
  long: boolean;
}

function defs(): Record<string, JsonSchema> {
  return (projectSchema().$defs ?? {}) as Record<string, JsonSchema>;
}

function refName(schema: JsonSchema | undefined): string | undefined {
  const ref = schema?.$ref;
  return typeof ref === "string" && ref.startsWith("#/$defs/") ? ref.slice("#/$defs/".length) : undefined;
}

/** Resolves a `$ref`, keeping the title and description written beside it. */
export function resolveSchema(schema: JsonSchema | undefined): JsonSchema | undefined {
  if (!schema) return undefined;
  const name = refName(schema);
  if (!name) return schema;
  const target = resolveSchema(defs()[name]) ?? {};
  const { $ref: _ref, ...local } = schema;
  return { ...target, ...local };
}

function kindOf(schema: JsonSchema): { kind: FieldKind; values?: string[] } {
  if (Array.isArray(schema.enum)) return { kind: "enum", values: schema.enum.map(String) };
  // A field that takes a text or a number (an article number: 13 or « 13 bis ») is asked as text.
  if (Array.isArray(schema.type) && schema.type.includes("string")) return { kind: "text" };
  switch (schema.type) {
    case "string":
      return { kind: schema.format === "date" ? "date" : "text" };
    case "integer":
      return { kind: "integer" };
    case "number":
      return { kind: "number" };
    case "boolean":
      return { kind: "boolean" };
    case "object":
      return { kind: "object" };
    case "array": {
      const items = resolveSchema(schema.items as JsonSchema | undefined) ?? {};
      if (Array.isArray(items.enum)) return { kind: "enum-list", values: items.enum.map(String) };
      if (items.type === "string") return { kind: "text-list" };
      if (items.type === "object") return { kind: "object-list" };
      return { kind: "other" };
    }
    default:
      return { kind: "other" };
  }
}

const cache = new Map<string, FieldInfo>();

/**
 * The schema of the field at `path` (indices are ignored: `porteurs[3].nom` is the `nom` of a
 * porteur). Throws for a path the schema does not describe: that is a bug of the wizard.
 */
export function fieldInfo(path: Path): FieldInfo {
  const key = path.map((p) => (typeof p === "number" ? "[]" : p)).join(".");
  const hit = cache.get(key);
  if (hit) return hit;
  let node: JsonSchema | undefined = projectSchema();
  let raw: JsonSchema | undefined = node;
  let required = true;
  for (const segment of path) {
    const parent: JsonSchema = resolveSchema(node) ?? {};
    if (typeof segment === "number") {
      raw = parent.items as JsonSchema | undefined;
      required = false;
    } else {
      const props = (parent.properties ?? {}) as Record<string, JsonSchema>;
      raw = props[segment] ?? (typeof parent.additionalProperties === "object" ? (parent.additionalProperties as JsonSchema) : undefined);
      required = Array.isArray(parent.required) && parent.required.includes(segment);
    }
    if (!raw) throw new Error(`the schema has no field at ${path.join(".")}`);
    node = raw;
  }
  const schema = resolveSchema(raw) ?? {};
  const { kind, values } = kindOf(schema);
  const def = refName(raw);
  const info: FieldInfo = {
    schema,
    title: typeof schema.title === "string" ? schema.title : String(path[path.length - 1]),
    kind,
    required,
    long: schema[LONG_TEXT] === true,
    ...(typeof schema.description === "string" ? { description: schema.description } : {}),
    ...(values ? { values } : {}),
    ...(def ? { def } : {}),
  };
  cache.set(key, info);
  return info;
}

/** The fields an object requires (`["prenom", "nom", "fonction"]` for a dirigeant). */
export function requiredFields(path: Path): string[] {
  const schema = fieldInfo(path).schema;
  const target = fieldInfo(path).kind === "object-list" ? resolveSchema(schema.items as JsonSchema) : schema;
  return Array.isArray(target?.required) ? (target.required as string[]) : [];
}

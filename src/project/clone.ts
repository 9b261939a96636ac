import { isMap, isScalar, isSeq, visit, type Document } from "yaml";
import { formatPath } from "./findings.js";
import { PERSONAL_DATA, projectSchema } from "./schema.js";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

type Schema = { [key: string]: unknown };

/** `schema` with its `$ref` followed (local references only, as the project schema has). */
function resolve(root: Schema, schema: unknown): Schema | undefined {
  let current = schema as Schema | undefined;
  for (let hops = 0; current && typeof current.$ref === "string" && hops < 20; hops++) {
    const target = (current.$ref as string)
      .replace(/^#\//, "")
      .split("/")
      .reduce<unknown>((node, key) => (node as Schema | undefined)?.[key], root);
    // Keywords beside the reference (title, items…) still apply: the target fills in the rest.
    const { $ref: _ref, ...siblings } = current;
    current = { ...(target as Schema), ...siblings };
  }
  return current;
}

/** The schema and its allOf/anyOf/oneOf branches, each resolved: where a field may be described. */
function branches(root: Schema, schema: unknown): Schema[] {
  const own = resolve(root, schema);
  if (!own) return [];
  const nested = ["allOf", "anyOf", "oneOf"].flatMap((k) => (Array.isArray(own[k]) ? (own[k] as unknown[]).flatMap((b) => branches(root, b)) : []));
  return [own, ...nested];
}

/** The schemas a property `key` of an object described by `schema` may follow. */
function propertySchemas(root: Schema, schema: unknown, key: string): Schema[] {
  return branches(root, schema).flatMap((b) => {
    const props = b.properties as Record<string, unknown> | undefined;
    if (props && Object.hasOwn(props, key)) return [props[key] as Schema];
    return typeof b.additionalProperties === "object" ? [b.additionalProperties as Schema] : [];
  });
}

/** What a meeting of the model recorded: who sat, how many came, how they voted. */
const MEETING_RECORD = ["president_seance", "secretaire_seance", "membres", "presents", "representes", "resolutions"];
const MEETINGS = [["association", "ag_constitutive"], ["association", "ag_extraordinaire"], ["association", "conseil_administration", "premiere_reunion"]];

/**
 * Deletes, below `node`, every field the schema marks as personal data, and the list items that
 * cannot exist without one (a dirigeant without a name): their other fields would describe
 * someone who is no longer named. Returns whether `node` itself lost a required field. The
 * fields cleared are added to `cleared` as data paths.
 */
function clearPersonal(root: Schema, node: unknown, schema: unknown, at: (string | number)[], cleared: (string | number)[][]): boolean {
  if (isSeq(node)) {
    const items = branches(root, schema).map((b) => b.items).filter((i) => i !== undefined);
    node.items = node.items.filter((item, i) => !clearPersonal(root, item, items[0], [...at, i], cleared));
    return false;
  }
  if (!isMap(node)) return false;
  const required = new Set(branches(root, schema).flatMap((b) => (Array.isArray(b.required) ? (b.required as string[]) : [])));
  let incomplete = false;
  for (const pair of [...node.items]) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const schemas = propertySchemas(root, schema, key);
    const path = [...at, key];
    const personal = schemas.some((s) => s[PERSONAL_DATA] === true);
    if (personal || clearPersonal(root, pair.value, schemas[0], path, cleared)) {
      node.delete(pair.key);
      if (personal) cleared.push(path);
      if (required.has(key)) incomplete = true;
    }
  }
  return incomplete;
}

/**
 * Turns another CPTS's project into a starting point: structure and texts stay; dates go; every
 * field the schema marks `x-donnee-personnelle` (names, contacts, addresses, birth dates of the
 * porteurs, dirigeants, fondateurs, pilotes, animateurs…) is deleted, with the list items that
 * need one. Works on the YAML document so comments survive. Returns the data paths cleared.
 */
export function anonymiseForReuse(doc: Document, newName: string): string[] {
  const cleared: (string | number)[][] = [];
  const schema = projectSchema();
  clearPersonal(schema, doc.contents, schema, [], cleared);
  doc.setIn(["cpts", "nom"], newName);
  // Milestones are dated by nature: without their dates they would be invalid, so they go; so do
  // the association's own identifiers and the history of its statuts.
  for (const path of [
    ["cpts", "sigle"],
    ["cpts", "siren"],
    ["territoire", "population"],
    ["territoire", "taille"],
    ["calendrier", "jalons"],
    ["calendrier", "validation_projet_sante"],
    ["calendrier", "actualisation_projet_sante"],
    ["association", "rna"],
    ["association", "statuts"],
    ["association", "inscription", "registre"],
  ])
    if (doc.hasIn(path)) doc.deleteIn(path);
  visit(doc, {
    Pair(_key, pair) {
      if (isScalar(pair.value) && typeof pair.value.value === "string" && ISO_DATE.test(pair.value.value)) return visit.REMOVE;
      return undefined;
    },
    Seq(_key, seq) {
      seq.items = seq.items.filter((item) => !(isScalar(item) && typeof item.value === "string" && ISO_DATE.test(item.value)));
      return undefined;
    },
  });
  const porteurs = doc.get("porteurs", true);
  if (isSeq(porteurs)) for (const item of porteurs.items) if (isMap(item)) item.delete("interlocuteur_principal");
  // What a meeting that has not taken place for the new CPTS recorded.
  for (const meeting of MEETINGS) for (const field of MEETING_RECORD) if (doc.hasIn([...meeting, field])) doc.deleteIn([...meeting, field]);
  return cleared.map(formatPath);
}

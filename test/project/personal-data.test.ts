/**
 * Personal data is marked once, in the schema (`x-donnee-personnelle: true`), and `init --depuis`
 * clears every marked field. This walks the schema and checks that every field holding a
 * person's name, phone, email, address or birth date carries the mark, so a new personal field
 * cannot be forgotten by the clearing.
 *
 * The rule, from property names and descriptions (decided here, not read from the marks):
 * - the name says it: prénom, civilité, courriel/e-mail, téléphone/portable, nationalité, or any
 *   `…naissance…` (date and place of birth);
 * - the object is a person (it has a `prenom`): its `nom`, `adresse`, `code_postal`, and its
 *   `commune` when it has an address (the commune is then part of the postal address);
 * - a text field whose title or description speaks of one person (« personne » in the singular),
 *   a family name, a home, a postal or electronic address, a phone, an email or a birth date.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse, parseDocument } from "yaml";
import { anonymiseForReuse } from "../../src/project/clone.js";
import { parseProjectSource } from "../../src/project/file.js";
import { PERSONAL_DATA, projectSchema, validateProject } from "../../src/project/schema.js";
import { ROOT } from "../helpers.js";
import { join } from "node:path";

type Schema = { [key: string]: any };
const SCHEMA = projectSchema() as Schema;

function resolve(schema: Schema): Schema {
  let s = schema;
  while (typeof s.$ref === "string") {
    const { $ref, ...siblings } = s;
    s = { ...($ref as string).replace(/^#\//, "").split("/").reduce((n: Schema, k: string) => n[k], SCHEMA), ...siblings };
  }
  return s;
}

interface Field {
  /** `porteurs[].nom`, `$defs.personne.nom`. */
  where: string;
  name: string;
  schema: Schema;
  parent: Schema;
}

/** Every property of every object schema, in the schema and its $defs. */
function fields(node: unknown, where: string, out: Field[] = []): Field[] {
  if (!node || typeof node !== "object") return out;
  const s = node as Schema;
  if (s.properties && typeof s.properties === "object") {
    for (const [name, schema] of Object.entries(s.properties as Record<string, Schema>)) {
      const at = where ? `${where}.${name}` : name;
      out.push({ where: at, name, schema, parent: s });
      fields(schema, at, out);
    }
  }
  if (s.items) fields(s.items, `${where}[]`, out);
  if (typeof s.additionalProperties === "object") fields(s.additionalProperties, `${where}.*`, out);
  for (const k of ["allOf", "anyOf", "oneOf"]) if (Array.isArray(s[k])) for (const b of s[k]) fields(b, where, out);
  if (s.$defs) for (const [name, def] of Object.entries(s.$defs as Record<string, Schema>)) fields(def, `$defs.${name}`, out);
  return out;
}

const NAME_SAYS_IT = /^(prenom|civilite|courriel|e?mail|telephone|portable|nationalite)$|naissance/;
const TEXT_SAYS_IT = /\bpersonne\b|prénom et nom|nom de famille|domicile|adresse (postale|électronique)|téléphone|courriel|date de naissance/i;

function isText(schema: Schema): boolean {
  const s = resolve(schema);
  return s.type === "string" || (s.type === "array" && resolve(s.items ?? {}).type === "string");
}

function holdsPersonalData({ name, schema, parent }: Field): boolean {
  if (NAME_SAYS_IT.test(name)) return true;
  const props = parent.properties as Record<string, unknown>;
  if ("prenom" in props && (["nom", "adresse", "code_postal"].includes(name) || (name === "commune" && "adresse" in props))) return true;
  const s = resolve(schema);
  return isText(schema) && TEXT_SAYS_IT.test(`${s.title ?? ""} ${s.description ?? ""}`);
}

const ALL = fields(SCHEMA, "");

describe("personal data in the schema", () => {
  it("every field holding a person's name, phone, email, address or birth date is marked", () => {
    const personal = ALL.filter(holdsPersonalData);
    // The rule finds what the issue named, so this test cannot pass by finding nothing.
    expect(personal.map((f) => f.where)).toEqual(
      expect.arrayContaining([
        "porteurs[].nom",
        "porteurs[].telephone",
        "missions[].actions[].pilote",
        "organisation.groupes_travail[].animateur",
        "$defs.reunion.president_seance",
        "$defs.dirigeant.date_naissance",
        "$defs.personne.adresse",
      ]),
    );
    expect(personal.filter((f) => f.schema[PERSONAL_DATA] !== true).map((f) => f.where)).toEqual([]);
  });

  it("marks only properties, with true", () => {
    const marks: { path: string[]; value: unknown }[] = [];
    const walk = (node: unknown, path: string[]) => {
      if (!node || typeof node !== "object") return;
      for (const [k, v] of Object.entries(node as Schema)) {
        if (k === PERSONAL_DATA) marks.push({ path, value: v });
        else walk(v, [...path, k]);
      }
    };
    walk(SCHEMA, []);
    expect(marks.length).toBeGreaterThan(20);
    expect(marks.filter((m) => m.path.at(-2) !== "properties" || m.value !== true).map((m) => m.path.join("/"))).toEqual([]);
  });
});

describe("init --depuis clears every marked field", () => {
  const BERGERAC = join(ROOT, "examples", "bergerac", "cpts.yaml");

  /** Data paths of `data` whose schema carries the mark. */
  function markedValues(data: unknown, schema: Schema, at: string, out: string[] = []): string[] {
    const s = resolve(schema);
    if (Array.isArray(data)) data.forEach((item, i) => markedValues(item, s.items ?? {}, `${at}[${i}]`, out));
    else if (data && typeof data === "object") {
      for (const [k, v] of Object.entries(data)) {
        const prop = (s.properties?.[k] ?? (typeof s.additionalProperties === "object" ? s.additionalProperties : undefined)) as Schema | undefined;
        if (!prop) continue;
        if (prop[PERSONAL_DATA] === true) out.push(`${at}.${k}`);
        markedValues(v, prop, `${at}.${k}`, out);
      }
    }
    return out;
  }

  it("the pilotes, animateurs and every other marked value of Bergerac are gone; the file stays valid", () => {
    const source = readFileSync(BERGERAC, "utf8");
    const before = parse(source) as Schema;
    expect(before.missions.flatMap((m: Schema) => m.actions ?? []).filter((a: Schema) => a.pilote).length).toBeGreaterThan(0);
    expect(before.organisation.groupes_travail.filter((g: Schema) => g.animateur).length).toBeGreaterThan(0);
    const doc = parseDocument(source);
    const cleared = anonymiseForReuse(doc, "CPTS Nouvelle");
    const after = doc.toJS() as Schema;
    expect(markedValues(after, SCHEMA, "")).toEqual([]);
    expect(cleared).toEqual(expect.arrayContaining(["missions[0].actions[0].pilote", "organisation.groupes_travail[0].animateur", "porteurs[0].nom"]));
    // Structure and texts stay: missions, their actions, the working groups.
    expect(after.missions.length).toBe(before.missions.length);
    expect(after.organisation.groupes_travail.map((g: Schema) => g.nom)).toEqual(before.organisation.groupes_travail.map((g: Schema) => g.nom));
    expect(after.porteurs.map((p: Schema) => p.profession)).toEqual(before.porteurs.map((p: Schema) => p.profession));
    const file = parseProjectSource(doc.toString(), "cpts.yaml");
    expect(validateProject(file, "cpts.yaml").filter((f) => f.severity === "erreur" && !f.document)).toEqual([]);
  });

  it("a field marked later is cleared too, with the list items that cannot exist without it", () => {
    const doc = parseDocument("version: 1\ncpts:\n  nom: A\nassociation:\n  dirigeants:\n    - prenom: Anne\n      nom: Martin\n      fonction: president\n");
    const cleared = anonymiseForReuse(doc, "CPTS B");
    expect(cleared).toEqual(["association.dirigeants[0].prenom", "association.dirigeants[0].nom"]);
    expect(doc.toJS()).toEqual({ version: 1, cpts: { nom: "CPTS B" }, association: { dirigeants: [] } });
  });
});

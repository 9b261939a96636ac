import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { ErrorObject, ValidateFunction } from "ajv";
import { isMap, isScalar, isSeq, type Node, type Pair } from "yaml";
import { nodeAt, type ProjectFile } from "./file.js";
import { formatPath, type Finding } from "./findings.js";
import { SCHEMA_PATH } from "./paths.js";
import { closest } from "./suggest.js";

type JsonSchema = Record<string, unknown>;

let schemaCache: JsonSchema | undefined;
let validatorCache: ValidateFunction | undefined;

/** The file `npm run build` writes: the schema compiled ahead of time (ajv standalone code). */
export const STANDALONE_VALIDATOR = "validate-project.cjs";

/**
 * The schema's mark of a field that holds personal data (a person's name, contact, address, birth
 * date or place): `init --depuis` clears every field so marked (src/project/clone.ts). An
 * annotation only: ajv validates nothing with it, but its strict mode wants it declared.
 */
export const PERSONAL_DATA = "x-donnee-personnelle";

/**
 * The schema's mark of a text written in several lines (historique, justification, méthode…):
 * the wizard opens the user's editor for it instead of a one-line question. An annotation too.
 */
export const LONG_TEXT = "x-texte-long";

/** The ajv instance, with the options both the build and the run-time fallback use. */
export function createAjv(standalone = false) {
  // ajv and ajv-formats are CommonJS packages whose type declarations disagree with their
  // runtime shape under NodeNext; require() gives the runtime objects directly.
  const require = createRequire(import.meta.url);
  const { Ajv2020 } = require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
  const addFormats = require("ajv-formats") as (ajv: unknown) => void;
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    allowUnionTypes: true,
    verbose: true,
    ...(standalone ? { code: { source: true, esm: false } } : {}),
  });
  addFormats(ajv);
  ajv.addKeyword({ keyword: PERSONAL_DATA, schemaType: "boolean" });
  ajv.addKeyword({ keyword: LONG_TEXT, schemaType: "boolean" });
  return ajv;
}

export function readSchema(): JsonSchema {
  return JSON.parse(readFileSync(SCHEMA_PATH, "utf8")) as JsonSchema;
}

/** Loads the project schema (once per process). Cheap: it does not load the validator. */
export function projectSchema(): JsonSchema {
  return (schemaCache ??= readSchema());
}

/**
 * ajv's validator of the project schema, loaded on first use. Compiling the schema takes most
 * of a second, so the build does it once (src/build/validator.ts) and the built CLI loads the
 * result; run from the sources (tests), there is no such file and ajv compiles the schema here.
 */
function validator(): ValidateFunction {
  if (validatorCache) return validatorCache;
  const require = createRequire(import.meta.url);
  let validate: ValidateFunction | undefined;
  try {
    validate = require(`./${STANDALONE_VALIDATOR}`) as ValidateFunction;
  } catch {
    validate = undefined;
  }
  validatorCache = validate ?? createAjv().compile(projectSchema());
  return validatorCache;
}

const TYPE_WORDS: Record<string, string> = {
  string: "un texte",
  integer: "un nombre entier",
  number: "un nombre",
  boolean: "true ou false",
  array: "une liste (lignes commençant par « - »)",
  object: "une section (clés indentées en dessous)",
  null: "rien",
};

/** Messages for values checked by a pattern, keyed by the $defs entry that holds the pattern. */
const PATTERN_MESSAGES: Record<string, string> = {
  code_insee: "code INSEE attendu (5 caractères, par exemple « 24037 »)",
  siren: "numéro SIREN attendu (9 chiffres)",
  code_postal: "code postal attendu (5 chiffres)",
  telephone: "numéro de téléphone attendu (10 chiffres, par exemple « 05 53 00 00 00 »)",
  numero_article: "numéro d’article attendu, sans le mot « article » (par exemple « 13 », « 13 bis » ou « XIII »)",
};

const FORMAT_MESSAGES: Record<string, string> = {
  date: "date réelle attendue au format AAAA-MM-JJ (par exemple 2026-03-01)",
  email: "adresse électronique attendue (par exemple prenom.nom@exemple.fr)",
  uri: "adresse web complète attendue (par exemple https://www.exemple.fr)",
};

const QUOTE_HINT = " ; mettez la valeur entre guillemets pour garder les zéros et les espaces";

function describeValue(value: unknown, node: unknown): string {
  if (isScalar(node) && typeof node.source === "string" && node.source !== "") return quoteValue(node.source);
  if (value === null || value === undefined) return "une valeur vide";
  if (Array.isArray(value)) return "une liste";
  if (typeof value === "object") return "une section";
  return quoteValue(String(value));
}

function quoteValue(text: string): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  const short = oneLine.length > 60 ? `${oneLine.slice(0, 57)}…` : oneLine;
  return `« ${short} »`;
}

function segments(instancePath: string): (string | number)[] {
  if (instancePath === "") return [];
  return instancePath
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function keyPair(node: unknown, key: string): Pair | undefined {
  if (!isMap(node)) return undefined;
  return node.items.find((p) => isScalar(p.key) && String(p.key.value) === key) as Pair | undefined;
}

function defName(schemaPath: string): string | undefined {
  return /#\/\$defs\/([^/]+)\//.exec(schemaPath)?.[1];
}

function titleOf(schema: unknown): string | undefined {
  return typeof schema === "object" && schema !== null && typeof (schema as JsonSchema).title === "string"
    ? ((schema as JsonSchema).title as string)
    : undefined;
}

/**
 * Checks a parsed project against the schema and returns every problem (not only the first),
 * each in French with the field path and the file position of the offending value.
 */
export function validateProject(file: ProjectFile, displayName: string): Finding[] {
  if (file.data === undefined || file.data === null) {
    return [
      {
        path: "",
        code: "schema.vide",
        severity: "erreur",
        file: displayName,
        line: 1,
        column: 1,
        message: "le fichier est vide : créez un projet avec « cpts init » ou copiez un exemple (examples/minimal/cpts.yaml)",
      },
    ];
  }
  const validate = validator();
  if (validate(file.data)) return [];
  const errors = pruneErrors(validate.errors ?? []);
  return errors.map((error) => toFinding(error, file, displayName));
}

/** Keeps the error that explains a failure, not the echo of every branch ajv tried. */
function pruneErrors(errors: ErrorObject[]): ErrorObject[] {
  const unionPaths = new Set(errors.filter((e) => e.keyword === "oneOf" || e.keyword === "anyOf").map((e) => e.instancePath));
  const seen = new Set<string>();
  const out: ErrorObject[] = [];
  for (const e of errors) {
    if (unionPaths.has(e.instancePath) && e.keyword !== "oneOf" && e.keyword !== "anyOf") continue;
    if (e.keyword === "if") continue;
    // propertyNames reports the key twice: once for the failing sub-schema, once for itself.
    if (e.keyword !== "propertyNames" && e.propertyName !== undefined) continue;
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out;
}

function toFinding(error: ErrorObject, file: ProjectFile, displayName: string): Finding {
  const path = segments(error.instancePath);
  let node = nodeAt(file.doc, path) as Node | undefined;
  let fieldPath = [...path];
  const value = error.data;
  let message: string;
  const params = error.params as Record<string, unknown>;

  switch (error.keyword) {
    case "additionalProperties": {
      const key = String(params.additionalProperty);
      const pair = keyPair(node, key);
      if (pair) node = pair.key as Node;
      fieldPath = [...path, key];
      const known = Object.keys(((error.parentSchema as JsonSchema | undefined)?.properties as JsonSchema | undefined) ?? {});
      const guess = closest(key, known);
      message = `champ inconnu « ${key} »`;
      message += guess ? ` : vouliez-vous dire \`${guess}\` ?` : known.length ? ` ; champs possibles ici : ${known.join(", ")}` : "";
      break;
    }
    case "required": {
      const missing = String(params.missingProperty);
      const propSchema = ((error.parentSchema as JsonSchema | undefined)?.properties as JsonSchema | undefined)?.[missing];
      const title = titleOf(propSchema) ?? titleOf(resolveRef(propSchema));
      fieldPath = [...path, missing];
      message = `champ obligatoire manquant${title ? ` (${title.toLowerCase()})` : ""} : ajoutez « ${missing}: … »`;
      if (isSeq(node) || !node) node = nodeAt(file.doc, path) as Node | undefined;
      break;
    }
    case "type": {
      const expected = String(params.type)
        .split(",")
        .map((t) => TYPE_WORDS[t] ?? t)
        .join(" ou ");
      message = `${expected} attendu, trouvé ${describeValue(value, node)}`;
      const def = defName(error.schemaPath);
      if (params.type === "string" && typeof value === "number") {
        message = `${PATTERN_MESSAGES[def ?? ""] ?? "un texte attendu"}, trouvé un nombre ${describeValue(value, node)}${QUOTE_HINT}`;
      }
      if (value === null) message = `${expected} attendu, mais la valeur est vide : complétez-la ou supprimez la ligne`;
      break;
    }
    case "pattern": {
      const def = defName(error.schemaPath);
      const title = titleOf(error.parentSchema);
      message = `${PATTERN_MESSAGES[def ?? ""] ?? `${title ?? "valeur"} au format attendu`}, trouvé ${describeValue(value, node)}`;
      break;
    }
    case "format": {
      const format = String(params.format);
      message = `${FORMAT_MESSAGES[format] ?? `format ${format} attendu`}, trouvé ${describeValue(value, node)}`;
      break;
    }
    case "enum": {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const guess = typeof value === "string" ? closest(value, allowed) : undefined;
      message = `valeur ${describeValue(value, node)} inconnue`;
      message += guess ? ` : vouliez-vous dire \`${guess}\` ?` : ` ; valeurs possibles : ${allowed.join(", ")}`;
      break;
    }
    case "const":
      message = `« ${String(params.allowedValue)} » attendu, trouvé ${describeValue(value, node)}`;
      break;
    case "minimum":
    case "exclusiveMinimum":
      message = `nombre ${error.keyword === "minimum" ? "supérieur ou égal à" : "supérieur à"} ${String(params.limit)} attendu, trouvé ${describeValue(value, node)}`;
      break;
    case "maximum":
    case "exclusiveMaximum":
      message = `nombre ${error.keyword === "maximum" ? "inférieur ou égal à" : "inférieur à"} ${String(params.limit)} attendu, trouvé ${describeValue(value, node)}`;
      break;
    case "minLength":
      message = "texte vide : écrivez une réponse ou supprimez la ligne";
      break;
    case "maxLength":
      message = `texte trop long (${String(params.limit)} caractères au plus)`;
      break;
    case "minItems":
      message = `liste trop courte : ${String(params.limit)} élément(s) au moins`;
      break;
    case "uniqueItems":
      message = `élément en double dans la liste (positions ${Number(params.j) + 1} et ${Number(params.i) + 1})`;
      break;
    case "propertyNames": {
      const key = String(params.propertyName);
      const pair = keyPair(node, key);
      if (pair) node = pair.key as Node;
      fieldPath = [...path, key];
      const enumValues = (resolveRef((error.parentSchema as JsonSchema | undefined)?.propertyNames) as JsonSchema | undefined)?.enum as
        | string[]
        | undefined;
      const guess = enumValues ? closest(key, enumValues) : undefined;
      message = `clé « ${key} » inconnue${guess ? ` : vouliez-vous dire \`${guess}\` ?` : enumValues ? ` ; clés possibles : ${enumValues.join(", ")}` : ""}`;
      break;
    }
    case "oneOf":
    case "anyOf": {
      const title = titleOf(error.parentSchema);
      const description = (error.parentSchema as JsonSchema | undefined)?.description;
      message = `${title ?? "valeur"} : ${typeof description === "string" ? description.replace(/\.$/, "") : "valeur non reconnue"} attendu, trouvé ${describeValue(value, node)}`;
      break;
    }
    default:
      message = `valeur non conforme (${error.keyword}), trouvé ${describeValue(value, node)}`;
  }

  const range = node?.range;
  const pos = range ? file.lineCounter.linePos(range[0]) : { line: 1, col: 1 };
  return {
    path: formatPath(fieldPath),
    code: `schema.${error.keyword}`,
    severity: "erreur",
    message,
    file: displayName,
    line: pos.line,
    column: pos.col,
  };
}

function resolveRef(schema: unknown): unknown {
  if (typeof schema !== "object" || schema === null) return schema;
  const ref = (schema as JsonSchema).$ref;
  if (typeof ref !== "string" || !ref.startsWith("#/$defs/")) return schema;
  const defs = projectSchema().$defs as JsonSchema;
  return defs[ref.slice("#/$defs/".length)];
}

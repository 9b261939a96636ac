import { basename } from "node:path";
import { type Document, LineCounter, Scalar, isAlias, isNode, isScalar, parseDocument, visit, type YAMLError } from "yaml";
import { UserError } from "./errors.js";
import { formatPath, type Finding } from "./findings.js";
import { readProjectBytes } from "./read.js";
import { applyFormat, layoutTags, recordLayout, splitFormat, type TextFormat } from "./layout.js";

/** Anchors are allowed for hand-written repetition, but not in numbers that expand a file. */
export const MAX_ALIASES = 50;

export interface ProjectFile {
  path: string;
  /** The text as parsed: without its byte order mark, line ends as LF (see `format`). */
  source: string;
  /** Byte order mark and line ends of the file, given back when it is written. */
  readonly format: TextFormat;
  /** The YAML document: comments and positions, edited and written back when saving. */
  readonly doc: Document;
  readonly lineCounter: LineCounter;
  /** Plain data (`doc.toJS()`), or `undefined` when the YAML itself is broken. */
  data: unknown;
  /** YAML syntax problems, with positions. */
  findings: Finding[];
}

const YAML_MESSAGES: Partial<Record<string, string>> = {
  DUPLICATE_KEY: "clé en double : la même clé apparaît deux fois dans la même section ; gardez-en une seule",
  TAB_AS_INDENT: "tabulation dans l’indentation : YAML n’accepte que des espaces pour indenter",
  BAD_INDENT: "indentation incorrecte : alignez cette ligne sur les autres clés de la même section",
  BLOCK_AS_IMPLICIT_KEY: "indentation ou deux-points incorrects : vérifiez l’alignement et le « : » après la clé",
  MULTILINE_IMPLICIT_KEY: "clé sur plusieurs lignes : il manque probablement un « : » ou un guillemet à la ligne précédente",
  MISSING_CHAR: "caractère manquant : un guillemet, un crochet ou une accolade n’est pas refermé",
  UNEXPECTED_TOKEN: "caractère inattendu : vérifiez la ponctuation de cette ligne (mettez le texte entre guillemets s’il contient « : » ou « # »)",
  MULTIPLE_DOCS: "plusieurs documents YAML dans le fichier (ligne « --- ») : un fichier projet n’en contient qu’un",
  BAD_SCALAR_START: "une valeur ne peut pas commencer par ce caractère : mettez-la entre guillemets",
  BAD_DQ_ESCAPE: "séquence d’échappement invalide entre guillemets doubles : utilisez des guillemets simples",
  BAD_ALIAS: "alias YAML (*nom) vers une ancre (&nom) qui n’existe pas",
  BLOCK_IN_FLOW: "bloc à l’intérieur d’une liste entre crochets : écrivez la liste avec des tirets",
  KEY_OVER_1024_CHARS: "clé trop longue (plus de 1024 caractères)",
  NON_STRING_KEY: "clé qui n’est pas un texte",
  TAG_RESOLVE_FAILED: "étiquette YAML (!!…) non reconnue : retirez-la",
  MULTIPLE_ANCHORS: "plusieurs ancres (&nom) sur la même valeur",
  MULTIPLE_TAGS: "plusieurs étiquettes (!!…) sur la même valeur",
  BAD_DIRECTIVE: "directive YAML (ligne commençant par %) non reconnue",
  BAD_PROP_ORDER: "ancre ou étiquette mal placée",
  ALIAS_PROPS: "un alias ne peut pas porter d’ancre ni d’étiquette",
};

function yamlFinding(error: YAMLError, file: string, severity: Finding["severity"]): Finding {
  const pos = error.linePos?.[0];
  const message = YAML_MESSAGES[error.code] ?? `syntaxe YAML incorrecte (${error.code.toLowerCase()})`;
  return {
    path: "",
    code: `yaml.${error.code.toLowerCase()}`,
    message,
    severity,
    file,
    ...(pos ? { line: pos.line, column: pos.col } : {}),
  };
}

/**
 * Reads and parses a project file. Throws `UserError` (exit 2) when the file cannot be read,
 * is a folder, a device, a pipe or too large; YAML syntax problems come back as findings,
 * never as throws.
 */
export async function readProjectFile(path: string, displayName = basename(path)): Promise<ProjectFile> {
  const { bytes } = await readProjectBytes(path, displayName);
  return decodeProject(bytes, path, displayName);
}

/** Decodes and parses the bytes of a project file (see `readProjectFile`). */
export function decodeProject(bytes: Uint8Array, path: string, displayName = basename(path)): ProjectFile {
  return parseProjectSource(decodeText(bytes, displayName), path, displayName);
}

/**
 * The file's text, if it is UTF-8 (a BOM is accepted and kept). UTF-16 and binary files are
 * refused with a French message rather than shown as garbage.
 */
function decodeText(bytes: Uint8Array, displayName: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw new UserError(`${displayName} est encodé en UTF-16 : enregistrez-le en UTF-8 (choix « UTF-8 » à l’enregistrement dans votre éditeur).`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new UserError(`${displayName} n’est pas un fichier texte UTF-8 : vérifiez qu’il s’agit bien du fichier projet (cpts.yaml) et enregistrez-le en UTF-8.`);
  }
  if (text.includes("\u0000")) throw new UserError(`${displayName} contient des octets nuls : ce n’est pas un fichier texte.`);
  return text;
}

/**
 * Control characters other than tab and line breaks: invisible, and dangerous in a terminal
 * (escape sequences, bells). Each text holding one is reported with its position.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/**
 * Parses YAML text into a project file; never throws for bad input. One `yaml` parse gives
 * everything: the document (saving, positions), the findings, and the data (`doc.toJS()`).
 */
export function parseProjectSource(raw: string, path: string, displayName = basename(path)): ProjectFile {
  const { text: source, format } = splitFormat(raw);
  const lineCounter = new LineCounter();
  // prettyErrors gives each error its line and column; uniqueKeys reports a key written twice;
  // the layout tags write the user's folded texts and flow collections back as they were.
  const doc = parseDocument(source, { lineCounter, prettyErrors: true, uniqueKeys: true, customTags: layoutTags as never });
  recordLayout(doc, source, lineCounter);
  const findings: Finding[] = [
    ...doc.errors.map((e) => yamlFinding(e, displayName, "erreur")),
    ...doc.warnings.map((e) => yamlFinding(e, displayName, "avertissement")),
  ];
  let aliases = 0;
  let firstAlias: number | undefined;
  // An alias is written `*name`: without a `*`, the walk over every node would find none.
  if (source.includes("*")) {
    visit(doc, {
      Alias(_key, node) {
        aliases++;
        firstAlias ??= node.range?.[0];
      },
    });
  }
  const aliasPos = firstAlias !== undefined ? lineCounter.linePos(firstAlias) : undefined;
  const aliasAt = aliasPos ? { line: aliasPos.line, column: aliasPos.col } : {};
  if (aliases > MAX_ALIASES) {
    findings.push({
      path: "",
      code: "yaml.alias",
      severity: "erreur",
      message: `trop d’alias YAML (${aliases}, maximum ${MAX_ALIASES}) : ce fichier pourrait se démultiplier en mémoire ; écrivez les valeurs en clair`,
      file: displayName,
      ...aliasAt,
    });
  }
  let data: unknown;
  if (!findings.some((f) => f.severity === "erreur")) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIASES * 10 });
    } catch (error) {
      const unresolved = error instanceof Error && /unresolved alias/i.test(error.message);
      findings.push({
        path: "",
        code: "yaml.alias",
        severity: "erreur",
        file: displayName,
        message: unresolved
          ? "alias YAML (*nom) vers une ancre (&nom) qui n’existe pas : écrivez la valeur en clair"
          : "trop d’alias YAML : ce fichier se démultiplierait en mémoire ; écrivez les valeurs en clair",
        ...aliasAt,
      });
    }
  }
  if (data !== undefined) {
    for (const where of controlCharacterPaths(data)) {
      const node = nodeAt(doc, where) as { range?: [number, number, number] } | undefined;
      const pos = node?.range ? lineCounter.linePos(node.range[0]) : undefined;
      findings.push({
        path: formatPath(where),
        code: "yaml.controle",
        severity: "erreur",
        file: displayName,
        message: "caractère de contrôle invisible dans ce texte (échappement de terminal, bip…) : retirez-le",
        ...(pos ? { line: pos.line, column: pos.col } : {}),
      });
    }
  }
  return { path, source, format, doc, lineCounter, data, findings };
}

/**
 * Paths of the texts holding a control character, in document order. One path array is reused
 * on the way down and copied only for a text that has one: most files have none.
 */
function controlCharacterPaths(value: unknown, at: (string | number)[] = [], found: (string | number)[][] = []): (string | number)[][] {
  if (typeof value === "string") {
    if (CONTROL.test(value)) found.push([...at]);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => {
      at.push(i);
      controlCharacterPaths(item, at, found);
      at.pop();
    });
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      at.push(key);
      controlCharacterPaths(item, at, found);
      at.pop();
    }
  }
  return found;
}

/** The YAML node at a data path, or undefined. Aliases are followed to their anchor. */
export function nodeAt(doc: Document, path: readonly (string | number)[]): unknown {
  if (path.length === 0) return doc.contents;
  const node = doc.getIn(path, true);
  if (isAlias(node)) return node.resolve(doc);
  return isNode(node) ? node : undefined;
}

const STRINGIFY = { lineWidth: 0, flowCollectionPadding: false } as const;

/** Deep equality of parsed data: same keys in the same order, same values (prototypes aside). */
function sameData(a: unknown, b: unknown): boolean {
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return Object.is(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k, i) => k === kb[i] && sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/**
 * The text of a project file, checked to read back as the same data. The `yaml` writer keeps
 * each value's style, and a few styles cannot hold some answers: a folded block (`>-`) holding
 * only spaces reads back empty, a multi-line text inside a `[…]` list does not read back at all.
 * When the check fails, such values are written between double quotes and such lists as block
 * lists, and the check runs again; a text that still would not read back is never written.
 */
export function projectText(doc: Document): string {
  const expected = doc.toJS();
  const readsBack = (text: string) => {
    const again = parseDocument(text);
    return again.errors.length === 0 && sameData(again.toJS(), expected);
  };
  let text = doc.toString(STRINGIFY);
  if (readsBack(text)) return text;
  const safer = doc.clone();
  visit(safer, {
    // A value set as plain data (not a node) is written by yaml's defaults, out of this visit's
    // reach: made a node, its strings get quoted like the others.
    Pair(_key, pair) {
      if (pair.key !== null && pair.key !== undefined && !isNode(pair.key)) pair.key = safer.createNode(pair.key);
      if (pair.value !== null && pair.value !== undefined && !isNode(pair.value)) pair.value = safer.createNode(pair.value);
    },
    Scalar(_key, node) {
      if (typeof node.value === "string" && (node.value.trim() !== node.value || node.value.includes("\n") || node.value === ""))
        node.type = Scalar.QUOTE_DOUBLE;
    },
    Map: (_key, node) => void (node.flow = false),
    Seq(_key, node) {
      node.flow = false;
      node.items = node.items.map((item) => (item !== null && item !== undefined && !isNode(item) ? safer.createNode(item) : item));
    },
  });
  text = safer.toString(STRINGIFY);
  if (readsBack(text)) return text;
  visit(safer, {
    Scalar(key, node) {
      if (typeof node.value === "string" && key !== "key") node.type = Scalar.QUOTE_DOUBLE;
    },
    Pair(_key, pair) {
      if (isScalar(pair.key) && typeof pair.key.value === "string") pair.key.type = Scalar.QUOTE_DOUBLE;
    },
  });
  text = safer.toString(STRINGIFY);
  if (readsBack(text)) return text;
  throw new Error("le fichier projet ne se relirait pas à l’identique : enregistrement annulé");
}

/** The bytes of the document in the file's own format (BOM, line ends): see `projectText`. */
export function projectBytes(doc: Document, format: TextFormat): Buffer {
  return Buffer.from(applyFormat(projectText(doc), format), "utf8");
}

/**
 * Property: any project the schema accepts renders every document, to Markdown and to DOCX,
 * without throwing, and every answer typed by the user appears literally in the documents.
 *
 * Projects are generated from the schema itself (schemas/cpts-project.schema.json): its enums for
 * professions, missions, quorums…, dates that exist, INSEE codes and SIREN of real places (and a
 * few well-formed unknown ones), and free texts full of characters that mean something to
 * Handlebars, Markdown, HTML or YAML. Each project goes through the same steps as `cpts generer`:
 * YAML text → parse → schema → `buildModel` → `renderMarkdownOnly` / `renderDocument`.
 *
 * Control characters are left out: the schema should refuse them (see test/e2e/bad-inputs.test.ts).
 *
 * Three properties: the generator only makes projects the schema accepts; rendering never throws,
 * whatever number the schema lets through (the whole double range); and, with everyday numbers and
 * each mission once, every free text shows literally in the Markdown twin and in the DOCX. A last
 * test covers a mission given twice, which the schema allows.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { isDroitLocal, projectParcours, statutsDates } from "../../src/domain/association.js";
import { DOCUMENT_IDS, projectDocuments } from "../../src/domain/documents.js";
import { documentLayout } from "../../src/domain/document-layout.js";
import { projectFigures } from "../../src/cli/figures.js";
import { boardIsElected } from "../../src/domain/meetings.js";
import { buildModel, modelForDocument } from "../../src/domain/model/index.js";
import { parseProjectSource } from "../../src/project/file.js";
import { SCHEMA_PATH, TEMPLATES_DIR } from "../../src/project/paths.js";
import { validateProject } from "../../src/project/schema.js";
import type { Project } from "../../src/project/types.js";
import { renderDocument, renderMarkdownOnly, type FigureSource } from "../../src/render/render.js";
import { createTemplateEnv } from "../../src/render/templates.js";
import { docxText, neutral } from "../document-text.js";

const RUNS = Number(process.env.CPTS_PROPERTY_RUNS ?? 30);

type Schema = Record<string, any>;
const SCHEMA = JSON.parse(readFileSync(SCHEMA_PATH, "utf8")) as Schema;

function resolve(schema: Schema): [Schema, string | undefined] {
  if (typeof schema.$ref === "string") {
    const name = schema.$ref.replace("#/$defs/", "");
    return [{ ...SCHEMA.$defs[name], ...schema, $ref: undefined }, name];
  }
  return [schema, undefined];
}

// ---------------------------------------------------------------------------------------------
// Values

/** Pieces of text that mean something to Handlebars, Markdown, HTML, YAML or French typography. */
const TRICKY = [
  "{{", "}}", "{{#each porteurs}}", "{{/each}}", "{{> signatures}}", "{{{x}}}", "{{!-- c --}}", "{{@index}}", "{{else}}",
  "**", "__", "*", "_", "~~", "`", "```", "#", "# ", "## titre", "| a | b |", "|---|", "- ", "+ ", "1. ", "1984. ", "> ", "---",
  "***", "[x]", "[lien](javascript:alert(1))", "![img](x.png)", "<script>", "</script>", "<b>", "<!-- -->", "&amp;", "&lt;",
  "\\", "\\\\", "\\*", "[[À COMPLÉTER : piège]]", "[^1]", "<https://exemple.fr>", "www.exemple.fr", "a_b_c", ":", " : ",
  ";", " ; ", "!", "?", " ?", "«", "»", "« x »", "'", "’", '"', "l'été", "10:30", "50 000 €", "%", "$", "@", "\t", "\n",
  "\n\n", "\r\n", " ", "  ", "\u00a0", "\u202f", "\u2028", "\u200b", "\ufeff", "é", "e\u0301", "œ", "ß", "😀", "👩‍⚕️",
  "עברית", "中文", "null", "true", "01000", "-0", "1e3", "&", "*", ":", "#",
];

const C0 = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;

const freeText = fc
  .string({
    unit: fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 })),
    minLength: 1,
    maxLength: 10,
  })
  .filter((s) => !C0.test(s));

const isoDate = fc
  .date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2035-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** Values for the patterns and formats of the schema, by the name of their $defs entry. */
const PATTERNED: Record<string, fc.Arbitrary<string>> = {
  // Bergerac, Ajaccio, Chambéry, Strasbourg (local law), Saint-Denis (La Réunion), Paris, Marseille;
  // 24999 and 99999 are well-formed codes of no commune.
  code_insee: fc.constantFrom("24037", "2A004", "73065", "67482", "97411", "75056", "13055", "24999", "99999"),
  // CA bergeracoise, Grand Chambéry; 123456789 is no EPCI.
  siren: fc.constantFrom("200070647", "200069110", "123456789"),
  code_postal: fc.constantFrom("24100", "01000", "67000", "97400"),
  telephone: fc.constantFrom("05 53 00 00 00", "0612345678", "+33 6 12 34 56 78", "05.53.00.00.00"),
  courriel: fc.constantFrom("claire.martin@exemple.fr", "o.brien+cpts@exemple-sante.org"),
  rna: fc.constantFrom("W243004217", "W673000001"),
  numero_article: fc.constantFrom("13", "7 bis", "XIV", "1"),
  date: isoDate,
};

/** Free texts of a generated project, by field path, for the literal check. */
interface Generated {
  project: Project;
  date: string;
}

interface Options {
  /** Numbers anywhere in the range the schema allows (up to ±1.8e308), not only everyday ones. */
  extreme: boolean;
}

/** An arbitrary that follows `schema` (objects, arrays, enums, patterns, formats, bounds). */
function arbitrary(schema0: Schema, options: Options, depth = 0): fc.Arbitrary<unknown> {
  const [schema, def] = resolve(schema0);
  if (def && PATTERNED[def]) return PATTERNED[def]!;
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum);
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(alternatives)) return fc.oneof(...alternatives.map((s: Schema) => arbitrary(s, options, depth)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "string":
      if (schema.format === "date") return isoDate;
      if (schema.format === "email") return PATTERNED.courriel!;
      if (schema.format === "uri") return fc.constantFrom("https://www.exemple.fr", "https://exemple.fr/a_b*c?x=1&y=%5B2%5D#frag");
      if (schema.pattern === "^[0-2][0-9]:[0-5][0-9]$") return fc.constantFrom("20:30", "09:05", "00:00");
      if (schema.pattern) throw new Error(`motif sans générateur : ${schema.pattern}`);
      return freeText;
    case "integer":
      return options.extreme
        ? fc.integer({ min: schema.minimum ?? Number.MIN_SAFE_INTEGER, max: schema.maximum ?? Number.MAX_SAFE_INTEGER })
        : fc.integer({ min: schema.minimum ?? -1_000, max: schema.maximum ?? 100_000 });
    case "number":
      return options.extreme
        ? fc.double({ min: schema.minimum ?? -Number.MAX_VALUE, max: schema.maximum ?? Number.MAX_VALUE, noNaN: true, noDefaultInfinity: true })
        : fc.integer({ min: Math.ceil((schema.minimum ?? -1_000) * 100), max: Math.min(10_000_000, Math.floor((schema.maximum ?? 100_000) * 100)) }).map((n) => n / 100);
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(arbitrary(schema.items, options, depth + 1), { minLength: schema.minItems ?? 0, maxLength: depth > 2 ? 1 : 3 });
    case "object": {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      if (Object.keys(properties).length === 0 && typeof schema.additionalProperties === "object") {
        const keys = resolve(schema.propertyNames ?? {})[0].enum as string[] | undefined;
        if (!keys) throw new Error("section libre sans liste de clés");
        return fc.dictionary(fc.constantFrom(...keys), arbitrary(schema.additionalProperties, options, depth + 1), { maxKeys: 3, noNullPrototype: true });
      }
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, s] of Object.entries(properties)) model[k] = arbitrary(s, options, depth + 1);
      return fc.record(model, { requiredKeys: (schema.required ?? []) as string[], noNullPrototype: true });
    }
    default:
      throw new Error(`type de schéma sans générateur : ${JSON.stringify(schema).slice(0, 200)}`);
  }
}

/** Projects as the schema describes them; the file format version is the current one. */
function projects(options: Options): fc.Arbitrary<Generated> {
  return fc
    .record({ project: arbitrary(SCHEMA, options), date: isoDate })
    .map(({ project, date }) => ({ project: { ...(project as Project), version: 1 }, date }));
}

/** Each mission code once (a mission given twice has its own test below). */
function missionsOnce({ project, date }: Generated): Generated {
  const seen = new Set<string>();
  const missions = project.missions?.filter((m) => !seen.has(m.code) && seen.add(m.code));
  return { project: { ...project, ...(missions ? { missions } : {}) }, date };
}

const anyProjects = projects({ extreme: true });
const everydayProjects = projects({ extreme: false }).map(missionsOnce);

// ---------------------------------------------------------------------------------------------
// Literal check

/**
 * Each free text gets a unique tag in front (« ⟦12⟧ »), so the check finds that very answer and
 * not the same words elsewhere. Returns the tagged project and its texts by field path.
 */
function tagTexts(project: Project): { project: Project; texts: Map<string, string> } {
  const texts = new Map<string, string>();
  let n = 0;
  const walk = (value: unknown, schema0: Schema, path: string): unknown => {
    const [schema, def] = resolve(schema0);
    if (typeof value === "string") {
      const free = !def && !schema.enum && !schema.format && !schema.pattern && schema.const === undefined && !schema.oneOf;
      if (!free) return value;
      const tagged = `⟦${n++}⟧ ${value}`;
      texts.set(path, tagged);
      return tagged;
    }
    if (Array.isArray(value)) return value.map((v, i) => walk(v, schema.items ?? {}, `${path}[${i}]`));
    if (value && typeof value === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        const sub = schema.properties?.[k] ?? (typeof schema.additionalProperties === "object" ? schema.additionalProperties : {});
        out[k] = walk(v, sub, path ? `${path}.${k}` : k);
      }
      return out;
    }
    return value;
  };
  return { project: walk(project, SCHEMA, "") as Project, texts };
}

const blank = (v: unknown) => typeof v !== "string" || v.trim() === "";

/**
 * Whether the documents are expected to print the free text at `path`. They print every free
 * text except: the population source (the documents use the population computed from official
 * data), the founders' details (only their names, in the statuts of Alsace-Moselle), a person's
 * name without both first and last name (a placeholder asks for both), an address without street,
 * postcode and commune (same), the place of birth outside Alsace-Moselle, the source of an empty
 * table of professionals, and the « précision » of the professionals among the actors, which no
 * document shows today.
 */
function expectedInDocuments(path: string, project: Project): boolean {
  const item = (p: string) => p.split(/\.|\[|\]\.?/).filter(Boolean).reduce<any>((v, k) => v?.[k], project);
  const owner = item(path.replace(/\.[a-z_]+$/, ""));
  if (path === "territoire.population.source") return false;
  // Each meeting has its procès-verbal only on the founding path that holds it; a vote for a
  // collège the statuts do not have belongs to no resolution of the procès-verbal.
  const existing = projectParcours(project) === "existante";
  if (/\.resolutions\[\d+\]\.college$/.test(path)) return false;
  if (path.startsWith("association.ag_constitutive.")) return !existing;
  if (path.startsWith("association.ag_extraordinaire.")) return existing;
  if (path.startsWith("association.conseil_administration.premiere_reunion.")) return boardIsElected(project);
  // The history of the statuts is told by an existing association; the register of droit local
  // by an association inscribed there.
  // Without the date of their adoption, the statuts print a placeholder where their history goes.
  if (path.startsWith("association.statuts.")) return existing && statutsDates(project).adoption !== undefined;
  if (path.startsWith("association.inscription.")) return isDroitLocal(project);
  if (/^acteurs\.[a-z_]+\.liberaux\[\d+\]\.precision$/.test(path)) return false;
  if (path === "diagnostic.effectifs_source") return (project.diagnostic?.effectifs?.length ?? 0) > 0;
  // The age structure is shown by its chart only: its words are in the image and its text alternative.
  if (path.startsWith("diagnostic.structure_age.")) return false;
  const person = /^(porteurs|association\.dirigeants|association\.fondateurs)\[\d+\]\.([a-z_]+)$/.exec(path);
  if (person) {
    const [, list, field] = person;
    const droitLocal = isDroitLocal(project);
    if (list === "association.fondateurs" && (!droitLocal || !["prenom", "nom"].includes(field!))) return false;
    if (field === "prenom" || field === "nom") return !blank(owner.prenom) && !blank(owner.nom);
    // The list of dirigeants is written when they are elected; under droit local it lists the direction (the bureau).
    const listed = list === "association.dirigeants" && boardIsElected(project) && (!droitLocal || owner.fonction !== "administrateur");
    if (list === "association.dirigeants" && ["adresse", "commune", "nationalite", "lieu_naissance"].includes(field!) && !listed) return false;
    if (list !== "porteurs" && (field === "adresse" || field === "commune")) return !blank(owner.adresse) && !blank(owner.code_postal) && !blank(owner.commune);
    if (field === "lieu_naissance") return droitLocal;
  }
  return true;
}

/** Markdown twin as read: backslash escapes and hard line breaks undone. */
function markdownText(markdown: string): string {
  return markdown.replace(/\\\n/g, "\n").replace(/\\([!-/:-@[-`{-~])/g, "$1");
}

/** The lines of an answer as a document shows them: each trimmed, empty ones dropped. */
function answerLines(answer: string): string[] {
  return answer
    .split(/\r\n|\r|\n|\u2028|\u2029|\u0085/)
    .map((l) => neutral(l.trim()))
    .filter((l) => l !== "");
}

// ---------------------------------------------------------------------------------------------

interface Rendered {
  /** Markdown twins, then DOCX texts, one per document, typography made neutral. */
  markdown: string[];
  docx: string[];
}

const env = createTemplateEnv([TEMPLATES_DIR]);

/**
 * The steps of `cpts generer` for one project: YAML text, schema, model, each document twice.
 * With `drawn`, the figures are drawn as `cpts generer` draws them (charts of whatever numbers,
 * the map as its note); otherwise every figure is left out, which templates allow.
 */
async function render(generated: Generated, drawn = false): Promise<{ project: Project } & Rendered> {
  const file = parseProjectSource(stringify(generated.project), "cpts.yaml");
  expect([...file.findings, ...validateProject(file, "cpts.yaml")]).toEqual([]);
  const project = file.data as Project;
  const shared = buildModel(project, { date: generated.date });
  const names = shared.figures.liste.map((f) => f.name);
  const figures: FigureSource = drawn
    ? projectFigures(shared.figures.liste, { CPTS_CONTOURS_DIR: "/nonexistent/contours" })
    : { names, get: async () => ({ type: "none" }) };
  const markdown: string[] = [];
  const docx: string[] = [];
  // The documents the project needs, as `cpts generer` writes them: each with its own date. A
  // CPTS that updates its projet de santé needs only two of them; the creation documents of the
  // same answers are rendered too, since what is checked here is how answers print.
  const { actualisation_projet_sante: _update, ...calendrier } = project.calendrier ?? {};
  const created = projectDocuments({ ...project, calendrier });
  for (const id of DOCUMENT_IDS.filter((d) => projectDocuments(project).includes(d) || created.includes(d))) {
    const model = modelForDocument(shared, project, { date: generated.date }, id);
    const md = renderMarkdownOnly({ templateName: id, model, templateDirs: [TEMPLATES_DIR], env, figures });
    const doc = await renderDocument({
      templateName: id,
      model,
      templateDirs: [TEMPLATES_DIR],
      env,
      figures,
      docOptions: { ...documentLayout(id), organisation: project.cpts.nom, date: generated.date },
    });
    expect(doc.markdown).toBe(md.markdown);
    markdown.push(neutral(markdownText(md.markdown)));
    docx.push(neutral(docxText(doc.docx)));
  }
  return { project, markdown, docx };
}

function expectPrinted(texts: Map<string, string>, project: Project, { markdown, docx }: Rendered): void {
  for (const [path, answer] of texts) {
    if (!expectedInDocuments(path, project)) continue;
    const lines = answerLines(answer);
    expect(markdown.some((m) => lines.every((l) => m.includes(l))), `${path} absent des .md : ${JSON.stringify(answer)}`).toBe(true);
    expect(docx.some((d) => lines.every((l) => d.includes(l))), `${path} absent des DOCX : ${JSON.stringify(answer)}`).toBe(true);
  }
}

describe("rendering any valid project", () => {
  it("the generators make projects the schema accepts", () => {
    fc.assert(
      fc.property(fc.oneof(anyProjects, everydayProjects), ({ project }) => {
        const file = parseProjectSource(stringify(project), "cpts.yaml");
        expect(file.findings).toEqual([]);
        expect(validateProject(file, "cpts.yaml")).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it("renders every document to Markdown and DOCX without throwing, whatever the numbers", async () => {
    await fc.assert(
      fc.asyncProperty(anyProjects, async (generated) => {
        await render(generated, true);
      }),
      { numRuns: RUNS },
    );
    // Each run draws every chart of its documents: about a second each on a loaded 2-core machine.
  }, 300_000);

  it("prints every answer literally, in the Markdown twins and in the DOCX", async () => {
    await fc.assert(
      fc.asyncProperty(everydayProjects, async (generated) => {
        const { project: tagged, texts } = tagTexts(generated.project);
        const rendered = await render({ project: tagged, date: generated.date });
        expectPrinted(texts, rendered.project, rendered);
      }),
      { numRuns: RUNS },
    );
  });

  it("prints both missions when the same mission code is given twice (the schema allows it)", async () => {
    const { project, texts } = tagTexts({
      version: 1,
      cpts: { nom: "CPTS du Val" },
      missions: [
        { code: "PREVENTION", objectifs: ["Dépister les cancers"] },
        { code: "PREVENTION", objectifs: ["Vacciner"], actions: [{ intitule: "Campagne de vaccination", pilote: "Dr Martin" }] },
      ],
    } as Project);
    const rendered = await render({ project, date: "2026-03-01" });
    expectPrinted(texts, rendered.project, rendered);
  });
});

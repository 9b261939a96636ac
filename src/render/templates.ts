/**
 * The Handlebars environment: templates and partials found in an ordered list of folders, the
 * French helpers (helpers.ts), Markdown escaping of `{{x}}`, and errors that name the template
 * file, line and column in French.
 *
 * Lookup: `createTemplateEnv([consultantDir, builtInDir])` finds `<name>.md.hbs` in the first
 * folder that has it, and registers every `partials/<nom>.md.hbs` under `nom`, a partial of an
 * earlier folder replacing the one of a later folder. So a consultant's folder overrides any
 * template or partial, and the built-in folder (last) is the fallback.
 *
 * Escaping: `{{x}}` is Markdown-escaped (escape.ts), `{{{x}}}` is inserted raw (for Markdown
 * built by the template itself), helpers that build Markdown return `SafeString`s. The escaper
 * is replaced on Handlebars' shared `Utils` object: that is process-wide, which is fine because
 * in this program Handlebars produces only Markdown (this module does it once, at load time).
 * Templates are compiled with `strict: true`: a path missing from the model is an error, while
 * `{{#if champ}}` on an absent field is allowed (for optional sections).
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { type Finding, PACKAGE_ROOT } from "../project/index.js";
import { mdEscape } from "./escape.js";
import { HELPER_NAMES, registerHelpers, type HelperLoc, type LocatedError } from "./helpers.js";
import { lintWith, type LintSource } from "./lint.js";
import { insideTemplateFolder } from "./template-folder.js";

export const TEMPLATE_EXTENSION = ".md.hbs";
const COMPILE_OPTIONS = { strict: true } as const;

type Hb = typeof import("handlebars");
type TemplateDelegate = import("handlebars").TemplateDelegate;
type RuntimeOptions = import("handlebars").RuntimeOptions;

// handlebars is CommonJS with `module.exports = handlebars`: load it as such. Documents made
// from precompiled templates need only its runtime; the compiler (twice the loading time) is
// loaded for a template of the user's, for linting, or to locate an error.
const require = createRequire(import.meta.url);
const HandlebarsRuntime = require("handlebars/runtime") as Hb;
let HandlebarsCompiler: Hb | undefined;

function handlebarsCompiler(): Hb {
  if (!HandlebarsCompiler) {
    HandlebarsCompiler = require("handlebars") as Hb;
    // Keep the parser's error details (position of the offending token), which its default
    // `parseError` drops; the message is unchanged.
    (HandlebarsCompiler as unknown as { Parser: { parseError: unknown } }).Parser.parseError = (message: string, hash: unknown) => {
      const error = new Error(message) as Error & { hash?: unknown };
      error.hash = hash;
      throw error;
    };
  }
  return HandlebarsCompiler;
}

/** Built-in templates compiled by `npm run build` (src/build/precompile-templates.ts). */
export const PRECOMPILED_TEMPLATES = path.join(PACKAGE_ROOT, "dist", "render", "precompiled-templates.cjs");
let precompiled: Record<string, unknown> | undefined;

/** The key of a template's text among the precompiled ones. */
export function sourceKey(source: string): string {
  return createHash("sha256").update(source).digest("hex");
}

/** A template's text compiled to JavaScript, as `npm run build` stores it. */
export function precompileSource(source: string): string {
  return handlebarsCompiler().precompile(source, COMPILE_OPTIONS) as string;
}

/** The precompiled form of `source`, when the build made one for exactly this text. */
function precompiledSpec(source: string): unknown {
  if (precompiled === undefined) {
    try {
      precompiled = require(PRECOMPILED_TEMPLATES) as Record<string, unknown>;
    } catch {
      precompiled = {}; // not built (tests on the sources): compile at run time
    }
  }
  return precompiled[sourceKey(source)];
}

// The runtime and the compiler share this `Utils` object (the compiler is built on the runtime).
(HandlebarsRuntime.Utils as unknown as { escapeExpression: (value: unknown) => string }).escapeExpression = (value) => {
  if (value === null || value === undefined) return "";
  if (typeof (value as { toHTML?: unknown }).toHTML === "function") return (value as { toHTML(): string }).toHTML();
  return mdEscape(value);
};

export type TemplateErrorCode =
  | "modele.introuvable"
  | "modele.syntaxe"
  | "modele.champ-inconnu"
  | "modele.aide-inconnue"
  | "modele.partiel-introuvable"
  | "modele.lien-refuse"
  | "modele.execution"
  | "modele.figure-inconnue";

/** A template that cannot be found, parsed or rendered, with its file and position. */
export class TemplateError extends Error {
  override readonly name = "TemplateError";
  constructor(
    readonly code: TemplateErrorCode,
    /** The template or partial file concerned. */
    readonly file: string,
    /** 1-based position in `file`, when known. */
    readonly line: number | undefined,
    readonly column: number | undefined,
    /** The French explanation, without the position. */
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${formatPosition(file, line, column)} : ${detail}`, options);
  }
}

/** `modeles/lettre.md.hbs:12:5`, the file relative to the working directory when inside it. */
export function formatPosition(file: string, line?: number, column?: number): string {
  const relative = path.relative(process.cwd(), file);
  const shown = relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
  return `${shown}${line !== undefined ? `:${line}` : ""}${line !== undefined && column !== undefined ? `:${column}` : ""}`;
}

export interface TemplateSource extends LintSource {
  name: string;
}

/** A template's text as compiled: without BOM, with `\n` line ends. */
export function readTemplate(file: string): string {
  return readFileSync(file, "utf8").replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

/** `readTemplate`, for a file found in the template folder `dir`: refused when a link leads it outside. */
function readInFolder(dir: string, file: string): string {
  if (!insideTemplateFolder(dir, file))
    throw new TemplateError("modele.lien-refuse", file, undefined, undefined, "lien symbolique qui mène hors du dossier de modèles : refusé ; copiez le fichier dans le dossier de modèles");
  return readTemplate(file);
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function templateFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(TEMPLATE_EXTENSION) && isFile(path.join(dir, f)))
    .sort();
}

interface AstNode {
  type: string;
  loc?: { start: { line: number; column: number } };
  [key: string]: unknown;
}

/** Every node of a Handlebars AST with its parent. */
function* walk(node: unknown, parent?: AstNode): Generator<{ node: AstNode; parent: AstNode | undefined }> {
  if (Array.isArray(node)) {
    for (const n of node) yield* walk(n, parent);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const n = node as AstNode;
  if (typeof n.type === "string") yield { node: n, parent };
  for (const [key, value] of Object.entries(n)) {
    if (key !== "loc" && value !== null && typeof value === "object") {
      yield* walk(value, typeof n.type === "string" ? n : parent);
    }
  }
}

export class TemplateEnv {
  /** The environment templates run in: a runtime-only one when every template is precompiled. */
  readonly hb: Hb;
  private compilerEnv: Hb | undefined;
  /** Partials by name, already resolved through the folder order. */
  readonly partials = new Map<string, TemplateSource>();
  private readonly compiled = new Map<string, { source: string; template: TemplateDelegate }>();

  constructor(
    readonly dirs: readonly string[],
    /** Use the templates precompiled by the build when their text matches (false: always compile). */
    private readonly usePrecompiled = true,
  ) {
    for (const dir of [...dirs].reverse()) {
      const partialDir = path.join(dir, "partials");
      for (const f of templateFiles(partialDir)) {
        const name = f.slice(0, -TEMPLATE_EXTENSION.length);
        const file = path.join(partialDir, f);
        this.partials.set(name, { name, file, source: readInFolder(dir, file) });
      }
    }
    const allPrecompiled =
      usePrecompiled &&
      [...this.partials.values()].every((p) => precompiledSpec(p.source) !== undefined) &&
      this.templateNames().every((name) => precompiledSpec(this.resolve(name).source) !== undefined);
    this.hb = allPrecompiled ? this.prepare(HandlebarsRuntime.create()) : this.compiler();
  }

  /** Registers the helpers and the partials in a Handlebars environment. */
  private prepare(hb: Hb): Hb {
    registerHelpers(hb);
    for (const partial of this.partials.values()) hb.registerPartial(partial.name, this.partialFunction(partial));
    return hb;
  }

  /** An environment that can parse and compile, with the same helpers and partials. */
  private compiler(): Hb {
    return (this.compilerEnv ??= this.prepare(handlebarsCompiler().create()));
  }

  /** Names of the templates (top-level `*.md.hbs`) of every folder, sorted. */
  templateNames(): string[] {
    const names = new Set<string>();
    for (const dir of this.dirs) for (const f of templateFiles(dir)) names.add(f.slice(0, -TEMPLATE_EXTENSION.length));
    return [...names].sort();
  }

  /** The helper names templates may call. */
  helperNames(): string[] {
    return Object.keys(this.hb.helpers).sort();
  }

  /** Finds `<name>.md.hbs` in the first folder that has it. Throws `TemplateError` otherwise. */
  resolve(name: string): TemplateSource {
    const base = name.endsWith(TEMPLATE_EXTENSION) ? name.slice(0, -TEMPLATE_EXTENSION.length) : name;
    const where = `${base}${TEMPLATE_EXTENSION}`;
    if (base === "" || path.isAbsolute(base) || base.split(/[\\/]/).includes("..")) {
      throw new TemplateError("modele.introuvable", where, undefined, undefined, "nom de modèle invalide");
    }
    for (const dir of this.dirs) {
      const file = path.join(dir, where);
      if (isFile(file)) return { name: base, file, source: readInFolder(dir, file) };
    }
    throw new TemplateError(
      "modele.introuvable",
      where,
      undefined,
      undefined,
      `modèle introuvable (cherché dans : ${this.dirs.map((d) => formatPosition(d)).join(", ") || "aucun dossier"})`,
    );
  }

  /** Renders template `name` with `model`: the Markdown text. Throws `TemplateError`. */
  render(name: string, model: unknown): string {
    return this.renderSource(this.resolve(name), model);
  }

  /** Renders a template given as text (`file` is used in error messages). Throws `TemplateError`. */
  renderSource(src: LintSource, model: unknown): string {
    try {
      let cached = this.compiled.get(src.file);
      if (cached?.source !== src.source) {
        cached = { source: src.source, template: this.compile(src.source) };
        this.compiled.set(src.file, cached);
      }
      return cached.template(model);
    } catch (error) {
      throw this.toTemplateError(error, src, model) ?? this.fallbackError(error, src);
    }
  }

  /**
   * Lints template `name` (and the partials it includes) against a sample model: one finding per
   * unknown reference, with file, line and column. See lint.ts.
   */
  lint(name: string, sampleModel: unknown): Finding[] {
    return this.lintSource(this.resolve(name), sampleModel);
  }

  lintSource(src: LintSource, sampleModel: unknown): Finding[] {
    return lintWith(this.compiler(), src, sampleModel, { helpers: this.helperNames(), partials: this.partials });
  }

  private partialFunction(partial: TemplateSource): TemplateDelegate {
    let compiled: TemplateDelegate | undefined;
    return (context: unknown, options?: RuntimeOptions) => {
      try {
        compiled ??= this.compile(partial.source);
        return compiled(context, options);
      } catch (error) {
        const converted = this.toTemplateError(error, partial, context);
        if (converted) throw converted;
        throw error; // not located in this partial (e.g. the content of a partial block): let the caller try
      }
    };
  }

  /** The template function of `source`: precompiled at build time when it is a built-in template. */
  private compile(source: string): TemplateDelegate {
    const spec = this.usePrecompiled ? precompiledSpec(source) : undefined;
    if (spec !== undefined) return this.hb.template(spec as Parameters<Hb["template"]>[0]);
    return this.compiler().compile(source, COMPILE_OPTIONS);
  }

  private fallbackError(error: unknown, src: LintSource): TemplateError {
    const message = error instanceof Error ? error.message : String(error);
    return new TemplateError("modele.execution", src.file, undefined, undefined, `erreur pendant le rendu : ${message}`, {
      cause: error,
    });
  }

  /**
   * Turns an error of Handlebars or of a helper into a `TemplateError` located in `src`, or
   * returns undefined when the error does not belong to `src`.
   */
  private toTemplateError(error: unknown, src: LintSource, context: unknown): TemplateError | undefined {
    if (error instanceof TemplateError) return error;
    if (!(error instanceof Error)) return undefined;
    const e = error as Error & {
      hash?: { loc?: { first_line: number; first_column: number }; line?: number; text?: string; token?: string; expected?: string[] };
      lineNumber?: number;
      column?: number;
    } & LocatedError;
    const message = e.message;

    // Parse errors, with the position kept by our parseError hook.
    if (/^(Parse|Lexical) error on line \d+/.test(message)) {
      const line = e.hash?.loc?.first_line ?? (e.hash?.line !== undefined ? e.hash.line + 1 : Number(/line (\d+)/.exec(message)?.[1]));
      const column = e.hash?.loc ? e.hash.loc.first_column + 1 : undefined;
      const hash = e.hash as { token?: string; text?: string; expected?: string[] } | undefined;
      const found = hash?.token === "EOF" ? "la fin du fichier" : hash?.text ? `« ${hash.text} »` : "un texte inattendu";
      const detail =
        hash?.token === "EOF" && hash.expected?.includes("'OPEN_ENDBLOCK'")
          ? "erreur de syntaxe Handlebars : un bloc {{#…}} n’est jamais fermé (fin du fichier atteinte)"
          : `erreur de syntaxe Handlebars : balise {{ … }} mal formée ou non fermée (trouvé ${found})`;
      return new TemplateError("modele.syntaxe", src.file, line, column, detail, { cause: error });
    }

    // Strict mode: `"nom" not defined in [object Object] - 12:4` (column 0-based).
    const strict = /^"([^"]*)" not defined in (.*) - (\d+):(\d+)$/s.exec(message);
    if (strict) {
      const line = Number(strict[3]);
      const column0 = Number(strict[4]);
      const at = this.nodeAt(src, line, column0);
      if (!at) return undefined;
      const { node, parent } = at;
      const original = typeof node["original"] === "string" ? node["original"] : strict[1]!;
      const isCall =
        parent !== undefined &&
        parent["path"] === node &&
        ((Array.isArray(parent["params"]) && parent["params"].length > 0) ||
          ((parent["hash"] as { pairs?: unknown[] } | undefined)?.pairs?.length ?? 0) > 0);
      if (isCall) {
        return new TemplateError("modele.aide-inconnue", src.file, line, column0 + 1, `l’aide « ${original} » n’existe pas`, {
          cause: error,
        });
      }
      const inEmpty = strict[2] === "null" || strict[2] === "undefined";
      const segments = Array.isArray(node["parts"]) ? (node["parts"] as string[]) : [];
      const failing = segments.lastIndexOf(strict[1]!);
      const prefix = failing > 0 ? segments.slice(0, failing).join(".") : "";
      const detail =
        inEmpty && prefix !== ""
          ? `« ${original} » ne peut pas être lu : « ${prefix} » est vide dans le modèle de données`
          : `« ${original} » n’existe pas dans le modèle de données`;
      return new TemplateError("modele.champ-inconnu", src.file, line, column0 + 1, detail, { cause: error });
    }

    const partial = /^The partial (.+) could not be found$/.exec(message);
    if (partial) {
      const name = partial[1]!;
      for (const { node } of this.walkSource(src)) {
        const n = node["name"] as { original?: unknown } | undefined;
        if ((node.type === "PartialStatement" || node.type === "PartialBlockStatement") && n?.original === name) {
          return new TemplateError(
            "modele.partiel-introuvable",
            src.file,
            node.loc?.start.line,
            node.loc ? node.loc.start.column + 1 : undefined,
            `le modèle partiel « ${name} » est introuvable (partials/${name}${TEMPLATE_EXTENSION})`,
            { cause: error },
          );
        }
      }
      return undefined;
    }

    // Other Handlebars exceptions with a position (`if doesn't match each - 3:2`).
    if (typeof e.lineNumber === "number") {
      const mismatch = /^(\S+) doesn't match (\S+)/.exec(message);
      const detail = mismatch
        ? `le bloc {{#${mismatch[1]}}} est fermé par {{/${mismatch[2]}}}`
        : `erreur de modèle : ${message.replace(/ - \d+:\d+$/, "")}`;
      return new TemplateError("modele.syntaxe", src.file, e.lineNumber, typeof e.column === "number" ? e.column + 1 : undefined, detail, {
        cause: error,
      });
    }

    // An error thrown by one of our helpers, which recorded where it was called.
    if (e.templateLoc) {
      const loc: HelperLoc = e.templateLoc;
      return new TemplateError("modele.execution", src.file, loc.start.line, loc.start.column + 1, message, { cause: error });
    }

    // A JavaScript error without position (`Cannot read properties of undefined`): lint the
    // template against the data it was given to find the reference that failed.
    if (error instanceof TypeError) {
      const [first] = lintWith(this.compiler(), src, context, { helpers: this.helperNames() }).filter(
        (f) => f.code === "modele.champ-inconnu" || f.code === "modele.aide-inconnue",
      );
      if (first) {
        return new TemplateError(first.code as TemplateErrorCode, src.file, first.line, first.column, first.message, { cause: error });
      }
    }
    return undefined;
  }

  private walkSource(src: LintSource): Generator<{ node: AstNode; parent: AstNode | undefined }> {
    try {
      return walk(this.compiler().parse(src.source));
    } catch {
      return walk([]);
    }
  }

  private nodeAt(src: LintSource, line: number, column0: number): { node: AstNode; parent: AstNode | undefined } | undefined {
    for (const entry of this.walkSource(src)) {
      const loc = entry.node.loc;
      if (entry.node.type === "PathExpression" && loc?.start.line === line && loc.start.column === column0) return entry;
    }
    return undefined;
  }
}

/** A template environment over `dirs`, the user's override folder first, the built-in one last. */
export function createTemplateEnv(dirs: readonly string[], options: { precompiled?: boolean } = {}): TemplateEnv {
  return new TemplateEnv(dirs, options.precompiled ?? true);
}

/**
 * Lints a template given as text against a sample model, with the default helpers and the
 * partials of `dirs` (none by default). See lint.ts for the rules.
 */
export function lintTemplate(source: string, file: string, sampleModel: unknown, dirs: readonly string[] = []): Finding[] {
  return new TemplateEnv(dirs).lintSource({ source, file }, sampleModel);
}

export { HELPER_NAMES };

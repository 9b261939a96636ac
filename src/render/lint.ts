/**
 * Template lint: every path a template references must exist in the model.
 *
 * Walks the Handlebars AST (`Handlebars.parse`, each node with its `loc`) against a sample
 * model and reports every unknown reference with its file, line and column — all of them, not
 * only the first as rendering would. Scoping follows Handlebars 4:
 * - `#each` and `#with` change the context; `../` goes up one changed context (`#if`, `#unless`
 *   and other helpers keep the context and add no level);
 * - `this`, `./x`, `this.x` are the current context; `@root.x` is the model;
 * - `@index`, `@first`, `@last`, `@key` exist inside `#each`; block parameters
 *   (`{{#each xs as |x i|}}`) are known inside their block;
 * - an array is checked through its elements: a field is known if any element has it;
 * - a value that is null, or an empty array, cannot be checked further: anything below it passes;
 * - partials (`{{> nom}}`) are linted in the context they are given, with their own file name.
 * A helper call with an unknown helper name, an unknown partial and an unknown `@variable` are
 * reported too.
 */
import type { Finding } from "../project/index.js";

type Hb = typeof import("handlebars");
type Node = hbs.AST.Node;
type Program = hbs.AST.Program;
type PathExpression = hbs.AST.PathExpression;
type Expression = hbs.AST.Expression;
type Hash = hbs.AST.Hash;

export interface LintSource {
  source: string;
  /** The file the source comes from, as it should appear in messages. */
  file: string;
}

export interface LintOptions {
  /** Helper names known to the environment (built-in ones are always known). */
  helpers?: Iterable<string>;
  /** Partials by name; when given, `{{> nom}}` is checked and the partial linted in place. */
  partials?: ReadonlyMap<string, LintSource>;
}

const ANY = Symbol("any");
/** The possible values of an expression in the sample model, or ANY when nothing can be said. */
type Shape = typeof ANY | { values: unknown[] };
type Resolved = Shape | "missing";

const BUILTIN_HELPERS = ["if", "unless", "each", "with", "lookup", "log", "blockHelperMissing", "helperMissing"];
const EACH_DATA = new Set(["index", "first", "last", "key"]);

interface Scope {
  /** The contexts that `../` walks through, innermost last. */
  contexts: Shape[];
  /** Block parameters visible here, innermost first. */
  blockParams: Map<string, Shape>[];
  inEach: boolean;
  inPartial: boolean;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object";
}

function child(shape: Shape, key: string): Resolved {
  if (shape === ANY) return ANY;
  const found: unknown[] = [];
  let unknowable = shape.values.length === 0;
  for (const v of shape.values) {
    if (v === null || v === undefined) {
      unknowable = true;
    } else if (Array.isArray(v)) {
      if (key === "length") found.push(v.length);
      else if (/^\d+$/.test(key)) {
        if (Number(key) < v.length) found.push(v[Number(key)]);
        else unknowable ||= v.length === 0;
      }
    } else if (isObject(v)) {
      if (Object.prototype.hasOwnProperty.call(v, key)) found.push(v[key]);
    } else if (typeof v === "string" && key === "length") {
      found.push(v.length);
    }
  }
  if (found.length > 0) return { values: found };
  return unknowable ? ANY : "missing";
}

/** What `#each` iterates over: array elements or object values. */
function elements(shape: Shape): Shape {
  if (shape === ANY) return ANY;
  const out: unknown[] = [];
  for (const v of shape.values) {
    if (Array.isArray(v)) out.push(...v);
    else if (isObject(v)) out.push(...Object.values(v));
  }
  return out.length === 0 ? ANY : { values: out };
}

class Linter {
  readonly findings: Finding[] = [];
  private readonly seen = new Set<string>();
  private readonly helpers: Set<string>;
  private depth = 0;

  constructor(
    private readonly hb: Hb,
    private readonly root: Shape,
    private readonly options: LintOptions,
  ) {
    this.helpers = new Set([...BUILTIN_HELPERS, ...(options.helpers ?? [])]);
  }

  private report(file: string, node: Node, code: string, path: string, message: string): void {
    const line = node.loc?.start.line;
    const column = node.loc ? node.loc.start.column + 1 : undefined;
    const key = `${file}:${line}:${column}:${code}:${path}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const finding: Finding = { path, message, severity: "erreur", code, file };
    if (line !== undefined) finding.line = line;
    if (column !== undefined) finding.column = column;
    this.findings.push(finding);
  }

  lintSource(src: LintSource, scope: Scope): void {
    let ast: Program;
    try {
      ast = this.hb.parse(src.source);
    } catch (error) {
      const e = error as Error & { hash?: { loc?: { first_line: number; first_column: number }; line?: number } };
      const loc = e.hash?.loc;
      const finding: Finding = {
        path: "",
        message: `erreur de syntaxe Handlebars : ${e.message.split("\n")[0]}`,
        severity: "erreur",
        code: "modele.syntaxe",
        file: src.file,
      };
      if (loc) {
        finding.line = loc.first_line;
        finding.column = loc.first_column + 1;
      }
      this.findings.push(finding);
      return;
    }
    this.program(ast, src.file, scope);
  }

  private program(program: Program | undefined, file: string, scope: Scope): void {
    for (const statement of program?.body ?? []) this.statement(statement, file, scope);
  }

  private statement(node: Node, file: string, scope: Scope): void {
    switch (node.type) {
      case "MustacheStatement": {
        const m = node as hbs.AST.MustacheStatement;
        this.call(m.path as Expression, m.params, m.hash, file, scope);
        return;
      }
      case "BlockStatement":
        this.block(node as hbs.AST.BlockStatement, file, scope);
        return;
      case "PartialStatement":
      case "PartialBlockStatement":
        this.partial(node as hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement, file, scope);
        return;
      default:
        return; // content, comments, decorators
    }
  }

  private isHelperName(path: Expression): path is PathExpression {
    if (path.type !== "PathExpression") return false;
    const p = path as PathExpression;
    return !p.data && p.depth === 0 && p.parts.length === 1 && !/^(this\b|\.)/.test(p.original) && this.helpers.has(p.parts[0]!);
  }

  /** A mustache or sub-expression: a helper call, or a plain path. */
  private call(path: Expression, params: Expression[], hash: Hash | undefined, file: string, scope: Scope): Shape {
    if (this.isHelperName(path) && !this.blockParam(path, scope)) {
      this.arguments(params, hash, file, scope);
      return ANY;
    }
    if (params.length > 0 || (hash?.pairs.length ?? 0) > 0) {
      if (path.type === "PathExpression") {
        const p = path as PathExpression;
        this.report(file, p, "modele.aide-inconnue", p.original, `l’aide « ${p.original} » n’existe pas`);
      }
      this.arguments(params, hash, file, scope);
      return ANY;
    }
    return this.expression(path, file, scope);
  }

  private arguments(params: Expression[], hash: Hash | undefined, file: string, scope: Scope): Shape[] {
    const shapes = params.map((p) => this.expression(p, file, scope));
    for (const pair of hash?.pairs ?? []) this.expression(pair.value, file, scope);
    return shapes;
  }

  private expression(node: Expression, file: string, scope: Scope): Shape {
    switch (node.type) {
      case "PathExpression":
        return this.path(node as PathExpression, file, scope);
      case "SubExpression": {
        const s = node as hbs.AST.SubExpression;
        return this.call(s.path, s.params, s.hash, file, scope);
      }
      case "StringLiteral":
      case "NumberLiteral":
      case "BooleanLiteral":
        return { values: [(node as hbs.AST.StringLiteral).value] };
      default:
        return { values: [undefined] };
    }
  }

  private blockParam(path: PathExpression, scope: Scope): Shape | undefined {
    if (path.data || path.depth > 0 || /^(this\b|\.)/.test(path.original)) return undefined;
    const head = path.parts[0];
    if (head === undefined) return undefined;
    for (const params of scope.blockParams) {
      const shape = params.get(head);
      if (shape !== undefined) return shape;
    }
    return undefined;
  }

  private path(path: PathExpression, file: string, scope: Scope): Shape {
    let shape: Shape;
    let parts = path.parts;
    if (path.data) {
      const head = parts[0] ?? "";
      if (head === "root") {
        shape = this.root;
        parts = parts.slice(1);
      } else if (EACH_DATA.has(head) && scope.inEach) {
        return ANY;
      } else if (head === "partial-block" && scope.inPartial) {
        return ANY;
      } else {
        const where = EACH_DATA.has(head) ? " en dehors d’un bloc #each" : "";
        this.report(file, path, "modele.variable-inconnue", path.original, `la variable « ${path.original} » n’existe pas${where}`);
        return ANY;
      }
    } else {
      const param = this.blockParam(path, scope);
      if (param !== undefined) {
        shape = param;
        parts = parts.slice(1);
      } else {
        const index = scope.contexts.length - 1 - path.depth;
        const context = scope.contexts[index];
        if (context === undefined) {
          this.report(file, path, "modele.champ-inconnu", path.original, `« ${path.original} » remonte au-delà de la racine du modèle de données`);
          return ANY;
        }
        shape = context;
      }
    }
    for (let i = 0; i < parts.length; i++) {
      const next = child(shape, parts[i]!);
      if (next === "missing") {
        this.report(file, path, "modele.champ-inconnu", path.original, `« ${path.original} » n’existe pas dans le modèle de données`);
        return ANY;
      }
      shape = next;
    }
    return shape;
  }

  private block(node: hbs.AST.BlockStatement, file: string, scope: Scope): void {
    const name = node.path.original;
    const isHelper = this.isHelperName(node.path) && !this.blockParam(node.path, scope);
    const blockParamNames = node.program?.blockParams ?? [];

    if (isHelper && (name === "each" || name === "with")) {
      const [target] = this.arguments(node.params, node.hash, file, scope);
      const value = target ?? ANY;
      const inner: Shape = name === "each" ? elements(value) : value;
      const params = new Map<string, Shape>();
      if (blockParamNames[0] !== undefined) params.set(blockParamNames[0], inner);
      if (blockParamNames[1] !== undefined) params.set(blockParamNames[1], ANY);
      this.program(node.program, file, {
        contexts: [...scope.contexts, inner],
        blockParams: [params, ...scope.blockParams],
        inEach: scope.inEach || name === "each",
        inPartial: scope.inPartial,
      });
      this.program(node.inverse, file, scope);
      return;
    }

    if (isHelper) {
      // if, unless and the logic helpers: same context, no new `../` level.
      this.arguments(node.params, node.hash, file, scope);
      this.program(node.program, file, scope);
      this.program(node.inverse, file, scope);
      return;
    }

    if (node.params.length > 0 || node.hash?.pairs.length) {
      this.report(file, node.path, "modele.aide-inconnue", name, `l’aide « ${name} » n’existe pas`);
      this.arguments(node.params, node.hash, file, scope);
      this.program(node.program, file, scope);
      this.program(node.inverse, file, scope);
      return;
    }

    // A section `{{#champ}}…{{/champ}}`: iterates an array, enters an object, tests anything else.
    const value = this.path(node.path, file, scope);
    const isList = value !== ANY && value.values.some((v) => Array.isArray(v));
    const inner = isList ? elements(value) : value;
    this.program(node.program, file, {
      contexts: [...scope.contexts, inner],
      blockParams: scope.blockParams,
      inEach: scope.inEach || isList,
      inPartial: scope.inPartial,
    });
    this.program(node.inverse, file, scope);
  }

  private partial(node: hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement, file: string, scope: Scope): void {
    const [param] = this.arguments(node.params, node.hash, file, scope);
    if (node.type === "PartialBlockStatement") {
      this.program((node as hbs.AST.PartialBlockStatement).program, file, scope);
    }
    if (node.name.type !== "PathExpression" || !this.options.partials) return;
    const name = (node.name as PathExpression).original;
    if (name === "@partial-block") return;
    const partial = this.options.partials.get(name);
    if (!partial) {
      this.report(file, node, "modele.partiel-introuvable", name, `le modèle partiel « ${name} » est introuvable (partials/${name}.md.hbs)`);
      return;
    }
    if (this.depth > 20) return; // a partial that includes itself
    let context = param ?? scope.contexts[scope.contexts.length - 1] ?? ANY;
    const pairs = node.hash?.pairs ?? [];
    if (pairs.length > 0 && context !== ANY) {
      const extra: Record<string, unknown> = {};
      for (const pair of pairs) {
        const shape = this.expression(pair.value, file, scope);
        extra[pair.key] = shape === ANY ? null : shape.values[0];
      }
      context = { values: context.values.map((v) => (isObject(v) && !Array.isArray(v) ? { ...v, ...extra } : { ...extra })) };
    }
    this.depth++;
    this.lintSource(partial, {
      contexts: param ? [...scope.contexts, context] : [...scope.contexts.slice(0, -1), context],
      blockParams: scope.blockParams,
      inEach: scope.inEach,
      inPartial: true,
    });
    this.depth--;
  }
}

/**
 * Checks every path `source` references against `sampleModel` and returns one finding per
 * unknown reference (code `modele.champ-inconnu`, `modele.aide-inconnue`,
 * `modele.partiel-introuvable`, `modele.variable-inconnue` or `modele.syntaxe`), each with the
 * file, line and 1-based column of the reference.
 */
export function lintWith(hb: Hb, src: LintSource, sampleModel: unknown, options: LintOptions = {}): Finding[] {
  const root: Shape = { values: [sampleModel] };
  const linter = new Linter(hb, root, options);
  linter.lintSource(src, { contexts: [root], blockParams: [], inEach: false, inPartial: false });
  return linter.findings;
}

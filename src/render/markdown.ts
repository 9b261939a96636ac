/**
 * Markdown → blocks: the restricted Markdown that templates produce, read by marked's lexer (GFM
 * tables on, plus the placeholder extension of placeholders.ts) and turned into a small typed
 * block model that docx.ts lays out.
 *
 * What templates may write:
 * - headings `#` to `####` (levels 1–4);
 * - paragraphs with **gras**, *italique*, ~~barré~~, `code` (printed as plain text), hard line
 *   breaks (`\` or two spaces at the end of a line, or `<br>`), links `[texte](https://…)`;
 * - bullet lists (`-`) and ordered lists (`1.`), nested by indentation; task items `- [ ]`;
 * - GFM tables, with column alignment from the separator row (`:--`, `:-:`, `--:`);
 * - block quotes (`>`), horizontal rules (`---`);
 * - placeholders `[[À COMPLÉTER : ce qui manque]]` (see placeholders.ts);
 * - figures made by the program (charts, maps), each alone in its paragraph:
 *   `![texte alternatif](figure:nom)` or `![texte alternatif](figure:nom "légende")`. The caller
 *   passes the figures (`FigureResolution`): an image (the alternative text and the caption of
 *   the template, when given, replace the figure's own), a short note shown instead (e.g. a map
 *   whose data is not installed), or nothing (no data for this project);
 * - directives, each alone on its line, as HTML comments (any other HTML is refused):
 *     `<!-- saut-de-page -->`                 page break;
 *     `<!-- droite -->` … `<!-- /droite -->`  paragraphs between them form a block on the
 *                                             right-hand half of the page (text aligned left
 *                                             from the middle of the line, as in a French letter);
 *     `<!-- centre -->` … `<!-- /centre -->`  paragraphs between them centred.
 *
 * Letter layout: the recipient's address block, the « Fait à …, le … » line and the signature
 * go between `<!-- droite -->` and `<!-- /droite -->` (the sender's block usually stays on the
 * left, at the top); lines of one address are joined by hard breaks (a `\` at the end of each
 * line) so they stay one paragraph, and each paragraph of the block gets some space after it:
 *
 *     <!-- droite -->
 *     Agence régionale de santé Nouvelle-Aquitaine\
 *     Délégation départementale de la Dordogne
 *
 *     Fait à Bergerac, le 1er mars 2026
 *     <!-- /droite -->
 *
 * Anything else (code blocks, images from files, raw HTML, link definitions, headings of level 5–6) throws
 * a `MarkdownError` naming the construct in French. French typography (src/french/typography.ts) is
 * applied to the text runs here, after parsing, never to link targets or code.
 */
import { Marked, type Token, type Tokens } from "marked";
import { PLACEHOLDER_TOKEN, placeholderExtension } from "./placeholders.js";
import { frenchTypography } from "../french/index.js";

export type Align = "left" | "center" | "right";

export interface TextRun {
  type: "text";
  text: string;
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  /** From a code span: no typography applied. */
  code?: boolean;
}
export interface BreakRun {
  type: "break";
}
export interface PlaceholderRun {
  type: "placeholder";
  /** What is missing, e.g. « date de l’assemblée générale ». */
  label: string;
}
export interface LinkRun {
  type: "link";
  href: string;
  runs: (TextRun | BreakRun | PlaceholderRun)[];
}
export type InlineRun = TextRun | BreakRun | PlaceholderRun | LinkRun;

export interface HeadingBlock {
  type: "heading";
  level: 1 | 2 | 3 | 4;
  runs: InlineRun[];
  align?: "center" | "right";
}
export interface ParagraphBlock {
  type: "paragraph";
  runs: InlineRun[];
  align?: "center" | "right";
}
export interface ListItem {
  /** `true`/`false` for a task item (`- [x]`/`- [ ]`), undefined otherwise. */
  checked?: boolean;
  /** Paragraphs and nested lists. */
  blocks: Block[];
}
export interface ListBlock {
  type: "list";
  ordered: boolean;
  /** Number of the first item of an ordered list. */
  start: number;
  items: ListItem[];
}
export interface TableBlock {
  type: "table";
  align: (Align | null)[];
  header: InlineRun[][];
  rows: InlineRun[][][];
}
export interface BlockquoteBlock {
  type: "blockquote";
  blocks: Block[];
}
/**
 * A picture (a chart, a map), made by code rather than written in a template: PNG bytes, its
 * size in pixels (96 to the inch; drawn smaller if wider than the text), what it shows in words
 * for readers who cannot see it, and an optional caption printed under it.
 */
export interface ImageBlock {
  type: "image";
  png: Uint8Array;
  width: number;
  height: number;
  alt: string;
  caption?: string;
}
/** What a `figure:` reference of the Markdown becomes. */
export type FigureResolution =
  | { type: "image"; png: Uint8Array; width: number; height: number; alt: string; caption?: string }
  /** Shown in italics in place of the figure. */
  | { type: "note"; text: string }
  /** Nothing is shown (the project has no data for it). */
  | { type: "none" };

/** A `figure:` reference of the Markdown, with its line (1-based). */
export interface FigureReference {
  name: string;
  line: number;
}

export const FIGURE_SCHEME = "figure:";

export type Block =
  | HeadingBlock
  | ParagraphBlock
  | ListBlock
  | TableBlock
  | BlockquoteBlock
  | ImageBlock
  | { type: "pageBreak" }
  | { type: "hr" };

export class MarkdownError extends Error {
  override readonly name = "MarkdownError";
  readonly code = "markdown.non-pris-en-charge";
  constructor(
    /** The marked token type, or the directive, that was refused. */
    readonly tokenType: string,
    /** 1-based line in the Markdown text (the `.md` twin), when known. */
    readonly line: number | undefined,
    detail: string,
  ) {
    super(line === undefined ? detail : `ligne ${line} du Markdown : ${detail}`);
  }
}

let instance: Marked | undefined;

/** The tokens of a Markdown text, with the placeholder extension. */
function lexMarkdown(markdown: string): Token[] {
  instance ??= new Marked({ gfm: true, breaks: false, extensions: [placeholderExtension] });
  return instance.lexer(markdown);
}

const TOKEN_NAMES: Record<string, string> = {
  code: "bloc de code",
  image: "image",
  html: "HTML",
  def: "définition de lien",
  checkbox: "case à cocher",
};

function unsupported(type: string, line: number | undefined, where = ""): MarkdownError {
  const name = TOKEN_NAMES[type] ? `${TOKEN_NAMES[type]} (${type})` : `« ${type} »`;
  return new MarkdownError(type, line, `élément Markdown non pris en charge${where} : ${name}`);
}

type Directive = "pageBreak" | "open-right" | "close-right" | "open-center" | "close-center";

function directiveOf(html: string): Directive | undefined {
  const m = /^<!--\s*(\/?)(saut-de-page|droite|centre)\s*-->$/u.exec(html.trim());
  if (!m) return undefined;
  if (m[2] === "saut-de-page") return m[1] === "" ? "pageBreak" : undefined;
  const side = m[2] === "droite" ? "right" : "center";
  return `${m[1] === "" ? "open" : "close"}-${side}`;
}

interface Marks {
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
}

class InlineBuilder {
  readonly runs: InlineRun[] = [];
  constructor(private readonly line: number | undefined) {}

  add(tokens: readonly Token[] | undefined, marks: Marks, target: InlineRun[] = this.runs, inLink = false): void {
    for (const token of tokens ?? []) this.addOne(token, marks, target, inLink);
  }

  private pushText(target: InlineRun[], text: string, marks: Marks, code = false): void {
    const run: TextRun = { type: "text", text: text.replace(/\n/g, " ") };
    if (marks.bold) run.bold = true;
    if (marks.italic) run.italic = true;
    if (marks.strike) run.strike = true;
    if (code) run.code = true;
    const last = target[target.length - 1];
    if (last?.type === "text" && sameMarks(last, run)) last.text += run.text;
    else target.push(run);
  }

  private addOne(token: Token, marks: Marks, target: InlineRun[], inLink: boolean): void {
    switch (token.type) {
      case "text": {
        const t = token as Tokens.Text;
        if (t.tokens && t.tokens.length > 0) this.add(t.tokens, marks, target, inLink);
        else this.pushText(target, t.text, marks);
        return;
      }
      case "escape":
        this.pushText(target, (token as Tokens.Escape).text, marks);
        return;
      case "strong":
        this.add((token as Tokens.Strong).tokens, { ...marks, bold: true }, target, inLink);
        return;
      case "em":
        this.add((token as Tokens.Em).tokens, { ...marks, italic: true }, target, inLink);
        return;
      case "del":
        this.add((token as Tokens.Del).tokens, { ...marks, strike: true }, target, inLink);
        return;
      case "codespan":
        this.pushText(target, (token as Tokens.Codespan).text, marks, true);
        return;
      case "br":
        target.push({ type: "break" });
        return;
      case PLACEHOLDER_TOKEN:
        target.push({ type: "placeholder", label: String((token as { label?: unknown }).label ?? "") });
        return;
      case "link": {
        const link = token as Tokens.Link;
        if (inLink) {
          this.add(link.tokens, marks, target, true);
          return;
        }
        const runs: InlineRun[] = [];
        this.add(link.tokens, marks, runs, true);
        target.push({ type: "link", href: link.href, runs: runs.filter((r) => r.type !== "link") });
        return;
      }
      case "image":
        throw new MarkdownError(
          "image",
          this.line,
          `figure « ${(token as Tokens.Image).raw} » mal placée : une figure ![texte alternatif](figure:nom) va seule dans son paragraphe, hors des listes, tableaux et citations`,
        );
      case "html": {
        if (/^<br\s*\/?>$/iu.test((token as Tokens.HTML).text.trim())) {
          target.push({ type: "break" });
          return;
        }
        throw new MarkdownError(
          "html",
          this.line,
          `HTML non pris en charge dans le texte : « ${(token as Tokens.HTML).text.trim()} » (seul <br> est accepté)`,
        );
      }
      default:
        throw unsupported(token.type, this.line, " dans le texte");
    }
  }
}

function sameMarks(a: TextRun, b: TextRun): boolean {
  return !!a.bold === !!b.bold && !!a.italic === !!b.italic && !!a.strike === !!b.strike && !!a.code === !!b.code;
}

/** Applies French typography along the runs of one paragraph, each run knowing the text before it. */
function typeset(runs: InlineRun[]): InlineRun[] {
  let before: string | undefined;
  const visit = (list: InlineRun[]): void => {
    for (const run of list) {
      if (run.type === "text") {
        if (!run.code) run.text = frenchTypography(run.text, before);
        if (run.text.length > 0) before = run.text[run.text.length - 1];
      } else if (run.type === "break") {
        before = "\n";
      } else if (run.type === "placeholder") {
        run.label = frenchTypography(run.label);
        before = "]";
      } else {
        visit(run.runs);
      }
    }
  };
  visit(runs);
  return runs;
}

function inlineRuns(tokens: readonly Token[] | undefined, line: number | undefined): InlineRun[] {
  const builder = new InlineBuilder(line);
  builder.add(tokens, {});
  // Spaces at the edges of a paragraph or cell print nothing: drop them.
  const runs = builder.runs;
  const first = runs[0];
  if (first?.type === "text") first.text = first.text.replace(/^[ \t]+/, "");
  const last = runs[runs.length - 1];
  if (last?.type === "text") last.text = last.text.replace(/[ \t]+$/, "");
  return typeset(runs.filter((r) => r.type !== "text" || r.text !== ""));
}

interface Context {
  /** The figures the caller drew; without them, figure references are checked only for their form. */
  figures?: ReadonlyMap<string, FigureResolution>;
  align?: "center" | "right";
  alignOpenedAt?: number;
  /** Where the blocks are, for error messages: "" at top level, " dans une liste"… */
  where: string;
}

function convertBlocks(tokens: readonly Token[], ctx: Context, lineOf: (t: Token) => number | undefined): Block[] {
  const out: Block[] = [];
  for (const token of tokens) {
    const line = lineOf(token);
    switch (token.type) {
      case "space":
        break;
      case "heading": {
        const h = token as Tokens.Heading;
        if (h.depth > 4) {
          throw new MarkdownError("heading", line, `titre de niveau ${h.depth} non pris en charge (niveaux 1 à 4)`);
        }
        const block: HeadingBlock = { type: "heading", level: h.depth as 1 | 2 | 3 | 4, runs: inlineRuns(h.tokens, line) };
        if (ctx.align) block.align = ctx.align;
        out.push(block);
        break;
      }
      case "paragraph":
      case "text": {
        const p = token as Tokens.Paragraph | Tokens.Text;
        const figure = ctx.where === "" ? figureOf(p) : undefined;
        if (figure) {
          out.push(...figureBlocks(figure, ctx, line));
          break;
        }
        const runs = p.tokens && p.tokens.length > 0 ? inlineRuns(p.tokens, line) : inlineRuns([token], line);
        const block: ParagraphBlock = { type: "paragraph", runs };
        if (ctx.align) block.align = ctx.align;
        out.push(block);
        break;
      }
      case "list": {
        refuseInAlign(ctx, "une liste", line);
        out.push(convertList(token as Tokens.List, line));
        break;
      }
      case "table": {
        refuseInAlign(ctx, "un tableau", line);
        const t = token as Tokens.Table;
        out.push({
          type: "table",
          align: t.align.map((a) => a ?? null),
          header: t.header.map((cell) => inlineRuns(cell.tokens, line)),
          rows: t.rows.map((row) => row.map((cell) => inlineRuns(cell.tokens, line))),
        });
        break;
      }
      case "blockquote": {
        refuseInAlign(ctx, "une citation", line);
        const q = token as Tokens.Blockquote;
        out.push({ type: "blockquote", blocks: convertBlocks(q.tokens, { where: " dans une citation" }, () => line) });
        break;
      }
      case "hr":
        out.push({ type: "hr" });
        break;
      case "html": {
        const html = (token as Tokens.HTML).text;
        const directive = directiveOf(html);
        if (directive === undefined || ctx.where !== "") {
          throw new MarkdownError(
            "html",
            line,
            directive === undefined
              ? `HTML non pris en charge : « ${html.trim()} ». Directives possibles, seules sur leur ligne : ` +
                  "<!-- saut-de-page -->, <!-- droite --> … <!-- /droite -->, <!-- centre --> … <!-- /centre -->. " +
                  "Pour un commentaire de modèle, utilisez {{!-- … --}}."
              : `la directive « ${html.trim()} » n’est possible qu’au premier niveau du document${ctx.where}`,
          );
        }
        if (directive === "pageBreak") {
          out.push({ type: "pageBreak" });
        } else if (directive.startsWith("open-")) {
          if (ctx.align) {
            throw new MarkdownError("html", line, `« ${html.trim()} » : un bloc aligné est déjà ouvert (ligne ${ctx.alignOpenedAt})`);
          }
          ctx.align = directive === "open-right" ? "right" : "center";
          ctx.alignOpenedAt = line;
        } else {
          const expected = directive === "close-right" ? "right" : "center";
          if (ctx.align !== expected) {
            throw new MarkdownError("html", line, `« ${html.trim()} » ferme un bloc qui n’a pas été ouvert`);
          }
          delete ctx.align;
          delete ctx.alignOpenedAt;
        }
        break;
      }
      default:
        throw unsupported(token.type, line, ctx.where);
    }
  }
  return out;
}

/** The image token of a paragraph made of one image and spaces, else undefined. */
function figureOf(p: Tokens.Paragraph | Tokens.Text): Tokens.Image | undefined {
  const tokens = (p.tokens ?? []).filter((t) => !(t.type === "text" && (t as Tokens.Text).text.trim() === ""));
  return tokens.length === 1 && tokens[0]!.type === "image" ? (tokens[0] as Tokens.Image) : undefined;
}

/** The text of inline tokens, without their marks (escapes undone). */
function tokenText(tokens: readonly Token[] | undefined): string {
  return (tokens ?? [])
    .map((t) => ("tokens" in t && t.tokens ? tokenText(t.tokens) : "text" in t ? String(t.text) : ""))
    .join("")
    .replace(/\s+/g, " ");
}

/** The name of a `figure:` address, or undefined for any other address. */
function figureName(href: string): string | undefined {
  return href.startsWith(FIGURE_SCHEME) ? decodeURIComponent(href.slice(FIGURE_SCHEME.length)).trim() : undefined;
}

function figureBlocks(image: Tokens.Image, ctx: Context, line: number | undefined): Block[] {
  const name = figureName(image.href);
  if (name === undefined) {
    throw new MarkdownError(
      "image",
      line,
      `image « ${image.href} » non prise en charge : seules les figures de l’outil sont possibles, ![texte alternatif](figure:nom)`,
    );
  }
  if (ctx.align) throw new MarkdownError("image", line, `une figure ne peut pas être alignée : placez « ${image.raw} » hors du bloc`);
  if (!ctx.figures) return [];
  const figure = ctx.figures.get(name);
  if (!figure) throw new MarkdownError("image", line, `figure inconnue « ${name} »`);
  if (figure.type === "none") return [];
  if (figure.type === "note") return [{ type: "paragraph", runs: typeset([{ type: "text", text: figure.text, italic: true }]) }];
  const alt = tokenText(image.tokens).trim();
  const caption = image.title?.trim() || figure.caption;
  return [
    {
      type: "image",
      png: figure.png,
      width: figure.width,
      height: figure.height,
      alt: alt || figure.alt,
      ...(caption ? { caption } : {}),
    },
  ];
}

function refuseInAlign(ctx: Context, what: string, line: number | undefined): void {
  if (ctx.align) {
    throw new MarkdownError(
      "html",
      line,
      `${what} ne peut pas être aligné${what === "une citation" || what === "une liste" ? "e" : ""} : ` +
        `seuls des paragraphes vont entre <!-- ${ctx.align === "right" ? "droite" : "centre"} --> et sa fermeture`,
    );
  }
}

function convertList(list: Tokens.List, line: number | undefined): ListBlock {
  const start = typeof list.start === "number" ? list.start : 1;
  return {
    type: "list",
    ordered: list.ordered,
    start,
    items: list.items.map((item) => {
      const tokens = item.tokens.filter((t) => t.type !== "checkbox");
      const result: ListItem = {
        blocks: convertBlocks(tokens, { where: " dans une liste" }, () => line),
      };
      if (item.task) result.checked = !!item.checked;
      for (const b of result.blocks) {
        if (b.type !== "paragraph" && b.type !== "list") {
          throw unsupported(b.type, line, " dans une liste (seuls du texte et des sous-listes)");
        }
      }
      return result;
    }),
  };
}

/**
 * Parses the Markdown produced by a template into blocks. Throws `MarkdownError` on a construct
 * that is not supported, with the line of the Markdown text where its top-level block starts.
 */
export function markdownToBlocks(markdown: string, options: { figures?: ReadonlyMap<string, FigureResolution> } = {}): Block[] {
  const { tokens, lineOf } = lexWithLines(markdown);
  return tokensToBlocks(tokens, lineOf, options.figures);
}

function lexWithLines(markdown: string): { tokens: Token[]; lineOf: (t: Token) => number | undefined } {
  const tokens = lexMarkdown(markdown);
  const lines = new Map<Token, number>();
  let line = 1;
  for (const t of tokens) {
    lines.set(t, line);
    const raw = t.raw ?? "";
    for (let i = 0; i < raw.length; i++) if (raw.charCodeAt(i) === 10) line++;
  }
  return { tokens, lineOf: (t) => lines.get(t) };
}

/**
 * The `figure:` references of a Markdown text, in order (a name may come several times): those
 * alone in a top-level paragraph, the only place a figure may go.
 */
export function figureReferences(markdown: string): FigureReference[] {
  const { tokens, lineOf } = lexWithLines(markdown);
  const out: FigureReference[] = [];
  for (const token of tokens) {
    if (token.type !== "paragraph") continue;
    const image = figureOf(token as Tokens.Paragraph);
    const name = image && figureName(image.href);
    if (name !== undefined) out.push({ name, line: lineOf(token) ?? 1 });
  }
  return out;
}

function tokensToBlocks(tokens: readonly Token[], lineOf: (t: Token) => number | undefined, figures?: ReadonlyMap<string, FigureResolution>): Block[] {
  const ctx: Context = { where: "", ...(figures ? { figures } : {}) };
  const blocks = convertBlocks(tokens, ctx, lineOf);
  if (ctx.align) {
    throw new MarkdownError(
      "html",
      ctx.alignOpenedAt,
      `<!-- ${ctx.align === "right" ? "droite" : "centre"} --> n’est jamais fermé (<!-- /${ctx.align === "right" ? "droite" : "centre"} -->)`,
    );
  }
  return blocks;
}

/**
 * The placeholders of blocks, in document order, each label once: what the document still
 * needs (for `valider` and the messages of `generer`).
 */
export function placeholdersOf(blocks: readonly Block[]): string[] {
  const seen = new Set<string>();
  const runs = (list: readonly InlineRun[]): void => {
    for (const run of list) {
      if (run.type === "placeholder") seen.add(run.label);
      else if (run.type === "link") runs(run.runs);
    }
  };
  const visit = (list: readonly Block[]): void => {
    for (const block of list) {
      switch (block.type) {
        case "heading":
        case "paragraph":
          runs(block.runs);
          break;
        case "list":
          for (const item of block.items) visit(item.blocks);
          break;
        case "table":
          for (const row of [block.header, ...block.rows]) for (const cell of row) runs(cell);
          break;
        case "blockquote":
          visit(block.blocks);
          break;
      }
    }
  };
  visit(blocks);
  return [...seen];
}

/** The placeholders of a rendered Markdown text (see `placeholdersOf`). Throws `MarkdownError` as `markdownToBlocks`. */
export function listPlaceholders(markdown: string): string[] {
  return placeholdersOf(markdownToBlocks(markdown));
}

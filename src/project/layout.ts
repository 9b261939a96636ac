/**
 * The user's layout of a project file, read when the file is parsed and given back when it is
 * written, through the `yaml` library's own extension points (its Document's comments, and
 * custom `str`, `map` and `seq` tags whose stringify calls yaml's with adjusted options).
 *
 * What yaml alone does not keep, and how it is kept here:
 * - A folded text (`>-`) is read as one line: yaml folds again at one `lineWidth` for the whole
 *   file, and 0 (never fold a plain text, which the wizard needs) writes it on one long line. An
 *   unchanged folded text is written with its own lines again; a changed one is folded by yaml
 *   at the width of its longest former line (80 for a new one).
 * - Spaces inside `[…]` and `{…}` are one option for the whole file: each flow list or map keeps
 *   its own.
 * - A comment written at a section's level after the end of a nested list or map is handed by
 *   the parser to that nested collection, which prints it indented inside it: it is given back
 *   to the key it stands before (or to the collection at its own indentation).
 * - Windows line endings (CRLF) and the byte order mark: yaml reads both and writes neither, so
 *   the text is converted back when written (src/project/file.ts).
 */
import { isCollection, isMap, isScalar, Scalar, visit, type Document, type LineCounter, type Node, type Pair, type YAMLMap } from "yaml";

/** The kind of text a file was: kept when it is written back. */
export interface TextFormat {
  /** The file started with a byte order mark (U+FEFF). */
  bom: boolean;
  /** Lines ended with CRLF (judged on the first line break). */
  crlf: boolean;
}

const ORIGINAL = Symbol("cpts.original-layout");

interface FoldedLayout {
  /** The value as read: the lines below are written again only while it is the same. */
  value: string;
  /** The header and lines as written in the file, without the last line break. */
  text: string;
  /** Indentation of the first line of text. */
  indent: string;
  /** The longest line, indentation included. */
  width: number;
}

type WithLayout = { [ORIGINAL]?: FoldedLayout | { padded: boolean } };

/** Width for a folded text written for the first time (yaml's default). */
const DEFAULT_FOLD_WIDTH = 80;

type Ctx = { indent: string; options: Record<string, unknown> };
type Stringify = (item: never, ctx: Ctx, onComment?: () => void, onChompKeep?: () => void) => string;
type Tag = { tag: string; stringify?: Stringify; [k: string]: unknown };

/** yaml's own writer for the tag, called with `options` changed for this node only. */
const withOptions = (tag: Tag, item: unknown, ctx: Ctx, options: Record<string, unknown>, onComment?: () => void, onChompKeep?: () => void) =>
  tag.stringify!(item as never, { ...ctx, options: { ...ctx.options, ...options } }, onComment, onChompKeep);

/**
 * yaml's core tags, with the string, map and list writers keeping the layout recorded by
 * `recordLayout`: pass as `customTags` when parsing, so every save of the document uses them.
 */
export function layoutTags(tags: unknown[]): unknown[] {
  return (tags as Tag[]).map((tag): Tag => {
    if (tag.tag === "tag:yaml.org,2002:str" && tag.stringify)
      return {
        ...tag,
        stringify(item: Scalar & WithLayout, ctx, onComment, onChompKeep) {
          if (item.type !== Scalar.BLOCK_FOLDED) return tag.stringify!(item as never, ctx, onComment, onChompKeep);
          const layout = item[ORIGINAL] as FoldedLayout | undefined;
          if (layout && layout.value === item.value && layout.indent === ctx.indent && !item.comment) return layout.text;
          return withOptions(tag, item, ctx, { lineWidth: layout?.width ?? DEFAULT_FOLD_WIDTH }, onComment, onChompKeep);
        },
      };
    if (tag.tag === "tag:yaml.org,2002:map" || tag.tag === "tag:yaml.org,2002:seq")
      return {
        ...tag,
        stringify(node: Node & WithLayout, ctx, onComment, onChompKeep) {
          const layout = node[ORIGINAL] as { padded: boolean } | undefined;
          // yaml reads the option once for the whole document, into the context as a string.
          const padded = layout ? { flowCollectionPadding: layout.padded ? " " : "" } : {};
          return node.toString({ ...ctx, ...padded } as never, onComment, onChompKeep);
        },
      };
    return tag;
  });
}

/** Splits a file's text into the text yaml reads (no BOM, LF line ends) and its format. */
export function splitFormat(raw: string): { text: string; format: TextFormat } {
  const bom = raw.startsWith("\uFEFF");
  const text = bom ? raw.slice(1) : raw;
  const firstBreak = text.indexOf("\n");
  const crlf = firstBreak > 0 && text[firstBreak - 1] === "\r";
  // Only CRLF pairs are turned into LF: a lone CR stays what it was, for yaml to judge.
  return { text: crlf ? text.replace(/\r\n/g, "\n") : text, format: { bom, crlf } };
}

/** The text to write for a document yaml wrote as `text`, in the file's own format. */
export function applyFormat(text: string, format: TextFormat): string {
  const lines = format.crlf ? text.replace(/\n/g, "\r\n") : text;
  return format.bom ? `\uFEFF${lines}` : lines;
}

/**
 * Records what `layoutTags` needs to write the document back as it was, and gives comments
 * their place back (see the module comment). `source` is the text the document was parsed from.
 */
export function recordLayout(doc: Document, source: string, lineCounter: LineCounter): void {
  let lines: string[] | undefined;
  visit(doc, {
    Scalar(_key, node) {
      if (node.type === Scalar.BLOCK_FOLDED && node.range && typeof node.value === "string") recordFolded(node, source);
    },
    Map(_key, node) {
      if (node.flow && node.range && node.items.length) (node as WithLayout)[ORIGINAL] = { padded: source[node.range[0] + 1] === " " };
      else if (!node.flow) giveCommentsBack(node, () => (lines ??= source.split("\n")), lineCounter);
    },
    Seq(_key, node) {
      if (node.flow && node.range && node.items.length) (node as WithLayout)[ORIGINAL] = { padded: source[node.range[0] + 1] === " " };
    },
  });
}

function recordFolded(node: Scalar, source: string): void {
  const text = source.slice(node.range![0], node.range![1]).replace(/\n+$/, "");
  const lines = text.split("\n");
  // Only `>` and `>-` alone on their line: with an indentation or keep indicator, or a comment,
  // yaml's own writing is used.
  if (!/^>-?$/.test(lines[0]!) || lines.length < 2) return;
  const first = lines.slice(1).find((l) => l.trim() !== "");
  if (first === undefined) return;
  const layout: FoldedLayout = {
    value: node.value as string,
    text,
    indent: first.slice(0, first.length - first.trimStart().length),
    width: Math.max(...lines.slice(1).map((l) => l.length)),
  };
  (node as WithLayout)[ORIGINAL] = layout;
}

/** The collections ending `node`: itself, its last item's value, and so on, while they are block collections. */
function trailingChain(node: unknown): Node[] {
  const chain: Node[] = [];
  let at = node;
  while (isCollection(at) && !at.flow && at.items.length) {
    chain.push(at);
    const last = at.items[at.items.length - 1];
    at = isMap(at) ? (last as Pair).value : last;
  }
  return chain;
}

const column = (lc: LineCounter, offset: number) => lc.linePos(offset).col - 1;

/**
 * For each key of a block map but the last, the comment lines the parser gave to the end of
 * the section before it are shared out again by their indentation: the lines at the key's
 * column (or left of it) go before the key, the others to the collection at their level.
 */
function giveCommentsBack(map: YAMLMap, sourceLines: () => string[], lc: LineCounter): void {
  for (let i = 0; i + 1 < map.items.length; i++) {
    const key = map.items[i + 1]!.key;
    if (!isScalar(key) || !key.range) continue;
    const chain = trailingChain(map.items[i]!.value);
    const holderAt = chain.findLastIndex((c) => Boolean(c.comment));
    if (holderAt < 0 || chain.slice(0, holderAt).some((c) => c.comment)) continue;
    const holder = chain[holderAt]!;
    const comment = holder.comment!.split("\n");
    const lines = sourceLines();
    // The source lines of the holder's comment end where the key's own comment lines begin
    // (line numbers from 1; blank lines between the two belong to neither).
    let last = lc.linePos(key.range[0]).line - 1 - (key.commentBefore ? key.commentBefore.split("\n").length : 0);
    while (last > 0 && lines[last - 1]!.trim() === "") last--;
    const first = last - comment.length + 1;
    if (first < 1) continue;
    const own = lines.slice(first - 1, last);
    if (!own.every((l, j) => (l.trim() === "" ? comment[j] === "" : l.trim() === `#${comment[j]}`.trimEnd()))) continue;
    const keyColumn = column(lc, key.range[0]);
    const indents = chain.slice(0, holderAt + 1).map((c) => column(lc, c.range![0]));
    shareOut(own, comment, keyColumn, indents, chain.slice(0, holderAt + 1), key, lines[first - 2]?.trim() === "");
  }
}

function shareOut(
  own: string[],
  comment: string[],
  keyColumn: number,
  indents: number[],
  chain: Node[],
  key: Scalar,
  blankBefore: boolean,
): void {
  // Owner of each line: -1 the key, otherwise the deepest collection at or left of its column;
  // never deeper than the line before, so the comment lines keep their order.
  const owners: number[] = [];
  let previous = chain.length - 1;
  for (const line of own) {
    if (line.trim() === "") {
      owners.push(previous);
      continue;
    }
    const col = line.indexOf("#");
    let owner = col <= keyColumn ? -1 : indents.findLastIndex((c) => c <= col);
    if (owner < 0 && col > keyColumn) owner = 0;
    owner = Math.min(owner, previous);
    owners.push(owner);
    previous = owner;
  }
  if (owners.every((o) => o === chain.length - 1)) return;
  const groups = new Map<number, string[]>();
  own.forEach((_l, j) => {
    // A blank line belongs to the group of the comment line after it.
    const owner = comment[j] === "" ? (owners.slice(j).find((_o, k) => comment[j + k] !== "") ?? owners[j]!) : owners[j]!;
    groups.set(owner, [...(groups.get(owner) ?? []), comment[j]!]);
  });
  chain.forEach((c, depth) => {
    const part = groups.get(depth);
    c.comment = part ? joinComment(part, depth === chain.length - 1 && blankBefore) : null;
  });
  const forKey = groups.get(-1);
  if (forKey) {
    // A blank line before the key's comment is the key's spaceBefore, not part of the comment.
    const text = joinComment(forKey, false).replace(/^\n/, "");
    key.commentBefore = key.commentBefore ? `${text}\n${key.commentBefore}` : text;
    key.spaceBefore = forKey[0] === "" || key.spaceBefore || undefined;
  }
}

/** Comment lines as yaml holds them: blank lines kept between, none at the end. */
function joinComment(lines: string[], blankBefore: boolean): string {
  const inner = [...lines];
  while (inner.length && inner[inner.length - 1] === "") inner.pop();
  const leading = inner[0] === "" || blankBefore;
  while (inner.length && inner[0] === "") inner.shift();
  return `${leading ? "\n" : ""}${inner.join("\n")}`;
}

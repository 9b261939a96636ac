/**
 * Blocks (markdown.ts) → a Word document built with the docx package, then made
 * byte-reproducible (reproducible.ts).
 *
 * Layout: A4 portrait; optional title page (organisation, title, subtitle, date in French) with
 * no header or footer; optional sommaire; the organisation's name in the page header;
 * « Page X sur Y » in the footer. Headings may be numbered (1., 1.1., 1.1.1.) by a text prefix,
 * counted from the shallowest heading level the document uses, so the numbers are the same in
 * Word, LibreOffice and the sommaire.
 *
 * The sommaire is written out, already filled: one paragraph per heading of the first two
 * levels, each an internal hyperlink to a bookmark (`_Toc<n>`) around its heading, then a right
 * tab with a dot leader and a PAGEREF field to that bookmark. LibreOffice computes the page
 * numbers when it lays the document out (so its PDF has them); the document asks Word to update
 * its fields when it opens (`updateFields`), which fills them there.
 *
 * A page break (`<!-- saut-de-page -->`, and the ends of the title page and of the sommaire) is
 * not a paragraph of its own: the next paragraph starts a new page (`pageBreakBefore`). A
 * paragraph holding only a break would be left alone on a page whenever the text before it
 * ends at the foot of a page, or whenever LibreOffice moves what follows to the next page.
 */
import {
  AlignmentType,
  BookmarkEnd,
  BookmarkStart,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  HighlightColor,
  ImageRun,
  InternalHyperlink,
  PageNumber,
  PageOrientation,
  PageReference,
  Packer,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  LeaderType,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphOptions,
  type ParagraphChild,
} from "docx";
import { formatDate, frenchTypography } from "../french/index.js";
import type { Block, ImageBlock, InlineRun, ListBlock, TableBlock } from "./markdown.js";
import { placeholderText } from "./placeholders.js";
import { provisionalPageSize, spacersBefore, type FlowBlock } from "./provisional-pages.js";
import { documentDate, makeReproducible } from "./reproducible.js";
import {
  COLORS,
  documentStyles,
  LANGUAGE,
  LIST_REFS,
  lineSpacing,
  MAX_LIST_LEVEL,
  numberingConfig,
  orderedReference,
  PAGE,
  SIZES,
  STYLE_IDS,
  TEXT_WIDTH,
} from "./styles.js";

export interface DocOptions {
  /** Document title: title page, document properties. */
  title: string;
  subtitle?: string;
  /** Name of the organisation, shown on the title page and in the page headers; author of the file. */
  organisation: string;
  /** Date of the document (`YYYY-MM-DD`): shown on the title page, and the date of the file's properties. */
  date?: string;
  titlePage: boolean;
  toc: boolean;
  headingNumbering: boolean;
  /** Organisation name in the page header (default true). */
  header?: boolean;
  /** « Page X sur Y » in the footer (default true). */
  footer?: boolean;
  /** Title of the sommaire (default « Sommaire »). */
  tocTitle?: string;
}

type FileChild = Paragraph | Table;
/** A block of the flow for provisional-pages.ts, with the paragraphs LibreOffice counts for it. */
type FlowEntry = FlowBlock & { nodes: number };
/** What LibreOffice takes off its paragraph count for each table. */
const TABLE_NODE_DISCOUNT = 25;
/** A paragraph's options, kept as data until it is known whether it starts a page. */
type ParagraphSpec = { -readonly [K in keyof IParagraphOptions]: IParagraphOptions[K] };

const HEADING_LEVELS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;
const THIN = { style: BorderStyle.SINGLE, size: 4, color: COLORS.tableBorder, space: 0 } as const;
const CELL_MARGINS = { top: 60, bottom: 60, left: 100, right: 100 } as const;
const RIGHT_BLOCK_INDENT = Math.round(TEXT_WIDTH * 0.5);
const PLACEHOLDER_LOOK = { bold: true, highlight: HighlightColor.YELLOW } as const;
/** Pixels per inch of an image's size (Word's and docx's convention), and twips per inch. */
const PIXELS_PER_INCH = 96;
const TWIPS_PER_INCH = 1440;
const MAX_IMAGE_WIDTH = Math.floor((TEXT_WIDTH * PIXELS_PER_INCH) / TWIPS_PER_INCH);

/**
 * Where an aligned block goes. `right` is the right-hand block of a French letter (addresses,
 * « Fait à …, le … », signature): text aligned left, starting at the middle of the line, with
 * some space after; `center` is centred text.
 */
function placement(align: "center" | "right" | undefined): ParagraphSpec {
  if (align === "right") return { indent: { left: RIGHT_BLOCK_INDENT }, spacing: { after: 240 }, keepLines: true };
  if (align === "center") return { alignment: AlignmentType.CENTER };
  return {};
}

/** Plain text of runs, for the sommaire and column widths. */
function plainText(runs: readonly InlineRun[]): string {
  return runs
    .map((r) =>
      r.type === "text" ? r.text : r.type === "break" ? " " : r.type === "placeholder" ? placeholderText(r.label) : plainText(r.runs),
    )
    .join("");
}

/** Lists of at most this many items are kept on one page with the paragraph that introduces them. */
const SHORT_LIST = 8;

/** Whether `lead` is a paragraph ending with « : » followed by a short list of one-paragraph items. */
function leadsShortList(lead: Block | undefined, list: Block | undefined): boolean {
  if (lead?.type !== "paragraph" || list?.type !== "list" || list.items.length > SHORT_LIST) return false;
  if (list.items.some((item) => item.blocks.length !== 1)) return false;
  return /:\s*$/u.test(plainText(lead.runs));
}

const isRightBlock = (block: Block | undefined) => block?.type === "paragraph" && block.align === "right";
const isLeadIn = (block: Block | undefined) => block?.type === "paragraph" && /:\s*$/u.test(plainText(block.runs));

/**
 * Whether a paragraph keeps with the next block because both close a letter or a record: the
 * lines of a right-hand block (« Fait à …, le … », the signatures), and a lead-in ending with
 * « : » between them (« Signatures des membres du bureau : »), are never parted by a page.
 */
function closesWithNext(block: Block, next: Block | undefined, afterNext: Block | undefined): boolean {
  // A table right after « Fait à … » is the signatures' table: it closes the record too.
  if (isRightBlock(block)) return isRightBlock(next) || next?.type === "table" || (isLeadIn(next) && isRightBlock(afterNext));
  return isLeadIn(block) && isRightBlock(next);
}

/**
 * Whether the closing lines start right after this block: its last lines then go with them, so
 * that signatures never stand on a page of their own, with none of the text they sign.
 */
const precedesClosing = (next: Block | undefined, afterNext: Block | undefined) =>
  isRightBlock(next) || (isLeadIn(next) && isRightBlock(afterNext));

/** The size an image is drawn at: its own, or the width of the text if it is wider, same proportions. */
function imageSize(image: Pick<ImageBlock, "width" | "height">): { width: number; height: number } {
  if (image.width <= MAX_IMAGE_WIDTH) return { width: image.width, height: image.height };
  return { width: MAX_IMAGE_WIDTH, height: Math.round((image.height * MAX_IMAGE_WIDTH) / image.width) };
}

/** Tables estimated at most this high (twips: 70 % of the text height of a page) are kept on one page. */
const KEEP_TABLE_HEIGHT = Math.round((PAGE.height - 2 * PAGE.margin) * 0.7);
/** Table text: average width of a character and height of a line (10 pt Arial), in twips. */
const TABLE_CHAR_WIDTH = 100;
const TABLE_LINE_HEIGHT = 250;

/** Lines a cell's text takes in a column `width` twips wide, each line break starting a new one. */
function cellLines(runs: readonly InlineRun[] | undefined, width: number): number {
  const perLine = Math.max(1, Math.floor((width - CELL_MARGINS.left - CELL_MARGINS.right) / TABLE_CHAR_WIDTH));
  const segments: string[] = [""];
  for (const run of runs ?? []) {
    if (run.type === "break") segments.push("");
    else segments[segments.length - 1] += plainText([run]);
  }
  return segments.reduce((sum, text) => sum + Math.max(1, Math.ceil(text.length / perLine)), 0);
}

/** A rough height of a table, in twips: enough to tell a table that fits easily on a page. */
function tableHeight(table: TableBlock, widths: readonly number[]): number {
  const rowHeight = (cells: readonly (readonly InlineRun[])[]) =>
    Math.max(1, ...widths.map((w, c) => cellLines(cells[c], w))) * TABLE_LINE_HEIGHT + CELL_MARGINS.top + CELL_MARGINS.bottom;
  return [table.header, ...table.rows].reduce((sum, cells) => sum + rowHeight(cells), 0);
}

/**
 * The two ends of a heading's bookmark, numbered by this document: `Bookmark` would take its
 * number from a counter the whole process shares, so a document's bytes would depend on what
 * was built before it. docx's own documentation puts `BookmarkStart`/`BookmarkEnd` among a
 * paragraph's children (its `ParagraphChild` type does not list them; the paragraph writes any
 * child it is given).
 */
const bookmarkStart = (name: string, id: number) => new BookmarkStart(name, id) as unknown as ParagraphChild;
const bookmarkEnd = (id: number) => new BookmarkEnd(id) as unknown as ParagraphChild;

interface TocEntry {
  level: 1 | 2;
  text: string;
  anchor: string;
}

class Builder {
  private readonly counters = [0, 0, 0, 0];
  private readonly baseLevel: number;
  private bookmarkCount = 0;
  private imageCount = 0;
  private orderedInstance = 0;
  /** A page break was asked for: the next paragraph starts a new page. */
  private breakPending = false;
  readonly orderedStarts = new Set<number>();
  readonly toc: TocEntry[] = [];
  /** How LibreOffice's first pagination sees each block of the flow (provisional-pages.ts). */
  readonly flow = new Map<FileChild, FlowEntry>();

  constructor(
    blocks: readonly Block[],
    private readonly options: DocOptions,
  ) {
    const levels = blocks.filter((b) => b.type === "heading").map((b) => b.level);
    this.baseLevel = levels.length > 0 ? Math.min(...levels) : 1;
  }

  /** Asks for the next paragraph to start a new page. */
  pageBreak(): void {
    this.breakPending = true;
  }

  /** A paragraph of the flow of the document: it takes a pending page break. */
  paragraph(spec: ParagraphSpec): Paragraph {
    if (this.breakPending) {
      spec.pageBreakBefore = true;
      this.breakPending = false;
    }
    const paragraph = new Paragraph(spec);
    // Headings keep with the next block through their style.
    this.flow.set(paragraph, {
      keepNext: Boolean(spec.keepNext || spec.heading),
      pageBreakBefore: Boolean(spec.pageBreakBefore),
      frames: 1,
      nodes: 1,
    });
    return paragraph;
  }

  runs(runs: readonly InlineRun[], extra: { bold?: boolean } = {}): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    for (const run of runs) {
      switch (run.type) {
        case "text":
          out.push(new TextRun({ text: run.text, bold: run.bold || extra.bold, italics: run.italic, strike: run.strike }));
          break;
        case "break":
          out.push(new TextRun({ break: 1 }));
          break;
        case "placeholder":
          out.push(new TextRun({ text: placeholderText(run.label), ...PLACEHOLDER_LOOK }));
          break;
        case "link": {
          const children = run.runs.map((r) =>
            r.type === "text"
              ? new TextRun({ text: r.text, style: "Hyperlink", bold: r.bold || extra.bold, italics: r.italic })
              : r.type === "break"
                ? new TextRun({ break: 1 })
                : new TextRun({ text: placeholderText(r.label), ...PLACEHOLDER_LOOK }),
          );
          out.push(
            run.href.startsWith("#")
              ? new InternalHyperlink({ anchor: run.href.slice(1), children })
              : new ExternalHyperlink({ link: run.href, children }),
          );
          break;
        }
      }
    }
    return out;
  }

  blocks(blocks: readonly Block[], context: { quote?: boolean } = {}): FileChild[] {
    const out: FileChild[] = [];
    for (const [index, block] of blocks.entries()) {
      switch (block.type) {
        case "heading":
          out.push(this.heading(block.level, block.runs, block.align));
          break;
        case "paragraph":
          out.push(
            this.paragraph({
              children: this.runs(block.runs),
              ...(context.quote ? { style: STYLE_IDS.quote } : {}),
              ...placement(block.align),
              ...(leadsShortList(block, blocks[index + 1]) ||
              closesWithNext(block, blocks[index + 1], blocks[index + 2]) ||
              precedesClosing(blocks[index + 1], blocks[index + 2])
                ? { keepNext: true }
                : {}),
            }),
          );
          break;
        case "list": {
          const specs = this.list(block, 0, context);
          const last = specs[specs.length - 1];
          // A short list introduced by « … : » stays on one page with its lead-in: never its
          // last line or two alone at the top of a page.
          if (leadsShortList(blocks[index - 1], block)) for (const spec of specs.slice(0, -1)) spec.keepNext = true;
          if (last) last.spacing = { after: 160 }; // a list ends with the space of a paragraph
          if (last && precedesClosing(blocks[index + 1], blocks[index + 2])) Object.assign(last, { keepNext: true, keepLines: true });
          out.push(...specs.map((spec) => this.paragraph(spec)));
          break;
        }
        case "table":
          // A table cannot start a page by itself: an empty paragraph takes the pending break.
          if (this.breakPending) out.push(this.paragraph({ spacing: { after: 0 }, children: [] }));
          out.push(this.table(block), this.paragraph({ spacing: { after: 60 }, children: [] }));
          break;
        case "blockquote":
          out.push(...this.blocks(block.blocks, { quote: true }));
          break;
        case "image":
          out.push(...this.image(block));
          break;
        case "hr":
          out.push(
            this.paragraph({
              children: [],
              spacing: { before: 120, after: 240 },
              border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: COLORS.rule, space: 1 } },
            }),
          );
          break;
        case "pageBreak":
          this.pageBreak();
          break;
      }
    }
    return out;
  }

  private heading(level: 1 | 2 | 3 | 4, runs: readonly InlineRun[], align?: "center" | "right"): Paragraph {
    const relative = Math.min(4, Math.max(1, level - this.baseLevel + 1));
    let prefix = "";
    if (this.options.headingNumbering && relative <= 3) {
      this.counters[relative - 1]! += 1;
      for (let i = relative; i < this.counters.length; i++) this.counters[i] = 0;
      prefix = `${this.counters.slice(0, relative).join(".")}. `;
    }
    let children: ParagraphChild[] = [...(prefix ? [new TextRun(prefix)] : []), ...this.runs(runs)];
    if (this.options.toc && relative <= 2) {
      const anchor = `_Toc${++this.bookmarkCount}`;
      this.toc.push({ level: relative as 1 | 2, text: prefix + plainText(runs), anchor });
      children = [bookmarkStart(anchor, this.bookmarkCount), ...children, bookmarkEnd(this.bookmarkCount)];
    }
    return this.paragraph({ heading: HEADING_LEVELS[level - 1], children, ...placement(align) });
  }

  private list(list: ListBlock, level: number, context: { quote?: boolean }): ParagraphSpec[] {
    const drawn = Math.min(level, MAX_LIST_LEVEL);
    const reference = list.ordered ? orderedReference(list.start) : LIST_REFS.bullet;
    if (list.ordered) this.orderedStarts.add(list.start);
    const instance = list.ordered ? ++this.orderedInstance : 0;
    const style = context.quote ? STYLE_IDS.quote : STYLE_IDS.listParagraph;
    const out: ParagraphSpec[] = [];
    for (const item of list.items) {
      let first = true;
      for (const block of item.blocks) {
        if (block.type === "list") {
          out.push(...this.list(block, level + 1, context));
          continue;
        }
        if (block.type !== "paragraph") continue;
        const box = first && item.checked !== undefined ? [new TextRun(item.checked ? "☒ " : "☐ ")] : [];
        out.push({
          style,
          children: [...box, ...this.runs(block.runs)],
          ...(first
            ? { numbering: { reference, level: drawn, instance } }
            : { indent: { left: 360 * (drawn + 1) }, spacing: { after: 60 } }),
        });
        first = false;
      }
    }
    return out;
  }

  private table(table: TableBlock): Table {
    const columns = Math.max(table.header.length, ...table.rows.map((r) => r.length));
    // Each column as wide as its longest text asks, within bounds, so short codes and numbers
    // stay narrow and descriptions get the room.
    const weights = Array.from({ length: columns }, (_, c) => {
      const lengths = [table.header[c], ...table.rows.map((r) => r[c])].map((cell) => (cell ? plainText(cell).length : 0));
      return Math.min(40, Math.max(6, ...lengths));
    });
    const total = weights.reduce((a, b) => a + b, 0);
    const widths = weights.map((w) => Math.floor((TEXT_WIDTH * w) / total));
    widths[widths.length - 1]! += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);

    // A table that fits well within a page is kept on one page (with the block before it, when
    // that keeps with it): every row but the last keeps with the next. A longer one breaks
    // between rows, its header row repeated.
    const whole = tableHeight(table, widths) <= KEEP_TABLE_HEIGHT;
    const cell = (runs: readonly InlineRun[] | undefined, c: number, header: boolean, keepNext: boolean) =>
      new TableCell({
        width: { size: widths[c]!, type: WidthType.DXA },
        verticalAlign: VerticalAlignTable.CENTER,
        ...(header ? { shading: { type: ShadingType.CLEAR, fill: COLORS.tableHeader, color: "auto" } } : {}),
        children: [
          new Paragraph({
            style: STYLE_IDS.tableText,
            // Left is the paragraph default: only other alignments are written.
            ...(table.align[c] && table.align[c] !== "left" ? { alignment: ALIGN[table.align[c]!] } : {}),
            ...(keepNext ? { keepNext: true } : {}),
            children: this.runs(runs ?? [], header ? { bold: true } : {}),
          }),
        ],
      });
    const row = (cells: readonly (readonly InlineRun[])[], header: boolean, last: boolean) =>
      new TableRow({
        tableHeader: header,
        cantSplit: true,
        // The header row always keeps with the first row, so it never stands alone at a page's foot.
        children: Array.from({ length: columns }, (_, c) => cell(cells[c], c, header, header || (whole && !last))),
      });

    const docxTable = new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      margins: CELL_MARGINS,
      borders: { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN },
      rows: [row(table.header, true, table.rows.length === 0), ...table.rows.map((r, i) => row(r, false, i === table.rows.length - 1))],
    });
    const cells = columns * (1 + table.rows.length);
    this.flow.set(docxTable, { keepNext: false, pageBreakBefore: false, frames: 1 + table.rows.length, nodes: 2 + 3 * cells - TABLE_NODE_DISCOUNT });
    return docxTable;
  }

  /**
   * An image, centred, with its alternative text as the drawing's description (what screen
   * readers say) and its caption as title. The caption goes above, as a figure's title does in a
   * report, kept on the image's page; the image's own source line is drawn under it. Drawing ids
   * are numbered per document, so the bytes do not depend on what else the process built.
   */
  private image(image: ImageBlock): Paragraph[] {
    const id = ++this.imageCount;
    const out: Paragraph[] = [];
    if (image.caption !== undefined) {
      out.push(this.paragraph({ style: STYLE_IDS.caption, keepNext: true, children: [new TextRun(frenchTypography(image.caption))] }));
    }
    out.push(
      this.paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 240 },
        children: [
          new ImageRun({
            type: "png",
            data: image.png,
            transformation: imageSize(image),
            altText: { id: String(id), name: `Image ${id}`, title: frenchTypography(image.caption ?? image.alt), description: frenchTypography(image.alt) },
          }),
        ],
      }),
    );
    return out;
  }
}

function titlePage(options: DocOptions): Paragraph[] {
  const out = [
    new Paragraph({
      spacing: { before: 2800, after: 240 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: COLORS.heading, space: 12 } },
      children: [
        new TextRun({ text: frenchTypography(options.organisation), size: SIZES.titlePage.organisation, bold: true, color: COLORS.heading }),
      ],
    }),
    new Paragraph({
      spacing: { before: 600, after: 240, ...lineSpacing(240) },
      children: [new TextRun({ text: frenchTypography(options.title), size: SIZES.titlePage.title, bold: true, color: COLORS.text })],
    }),
  ];
  if (options.subtitle) {
    out.push(
      new Paragraph({
        spacing: { after: 240 },
        children: [new TextRun({ text: frenchTypography(options.subtitle), size: SIZES.titlePage.subtitle, color: COLORS.muted })],
      }),
    );
  }
  if (options.date) {
    out.push(
      new Paragraph({
        spacing: { before: 2400 },
        children: [new TextRun({ text: formatDate(options.date), size: SIZES.titlePage.date, color: COLORS.muted })],
      }),
    );
  }
  return out;
}

/** The sommaire's entries: each a link to its heading, a dot leader, and the heading's page (a PAGEREF field). */
function tocEntries(entries: readonly TocEntry[]): Paragraph[] {
  const tabStops = [{ type: TabStopType.RIGHT, position: TEXT_WIDTH, leader: LeaderType.DOT }];
  return entries.map(
    (entry) =>
      new Paragraph({
        style: entry.level === 1 ? STYLE_IDS.toc1 : STYLE_IDS.toc2,
        tabStops,
        children: [
          new InternalHyperlink({
            anchor: entry.anchor,
            children: [new TextRun(entry.text), new TextRun({ children: [new Tab()] }), new PageReference(entry.anchor)],
          }),
        ],
      }),
  );
}

/** An empty paragraph that takes no room: hidden in Word, of zero height in LibreOffice. */
const spacer = () =>
  new Paragraph({ spacing: { before: 0, after: 0 }, run: { vanish: true }, children: [] });

/**
 * The flow with spacers where LibreOffice's provisional pages would cut a chain of
 * keep-with-next blocks (see provisional-pages.ts).
 */
function withSpacers(children: readonly FileChild[], flow: ReadonlyMap<FileChild, FlowEntry>): FileChild[] {
  const blocks = children.map((child) => flow.get(child) ?? { keepNext: false, pageBreakBefore: false, frames: 1, nodes: 1 });
  // LibreOffice counts the body's nodes with its start and end (checked: it guesses pages from 99
  // paragraphs on); drawings, headers and footers make no difference worth counting.
  const nodes = blocks.reduce((sum, block) => sum + block.nodes, 2);
  const size = provisionalPageSize(nodes);
  if (size === undefined) return [...children];
  const spacers = spacersBefore(blocks, size);
  return children.flatMap((child, i) => [...Array.from({ length: spacers.get(i) ?? 0 }, spacer), child]);
}

/** The docx `Document` for `blocks` (exposed for tests; use `blocksToDocx` to get bytes). */
export function buildDocument(blocks: readonly Block[], options: DocOptions): Document {
  const builder = new Builder(blocks, options);
  const front: Paragraph[] = [];
  if (options.titlePage) {
    front.push(...titlePage(options));
    builder.pageBreak();
  }
  if (options.toc) {
    front.push(builder.paragraph({ style: STYLE_IDS.tocHeading, children: [new TextRun(options.tocTitle ?? "Sommaire")] }));
    builder.pageBreak();
  }
  const body = builder.blocks(blocks);
  // The entries are known once the body is built; they follow the sommaire's title.
  const toc = options.toc ? tocEntries(builder.toc) : [];

  const header = new Header({
    children: [new Paragraph({ style: STYLE_IDS.header, children: [new TextRun(frenchTypography(options.organisation))] })],
  });
  const footer = new Footer({
    children: [
      new Paragraph({
        style: STYLE_IDS.footer,
        children: [new TextRun({ children: ["Page ", PageNumber.CURRENT, " sur ", PageNumber.TOTAL_PAGES] })],
      }),
    ],
  });

  return new Document({
    title: options.title,
    ...(options.subtitle ? { subject: options.subtitle } : {}),
    creator: options.organisation,
    lastModifiedBy: options.organisation,
    revision: 1,
    styles: documentStyles(),
    numbering: numberingConfig(builder.orderedStarts),
    // Word fills the sommaire's page numbers (PAGEREF fields) when it opens the file.
    ...(options.toc ? { features: { updateFields: true } } : {}),
    sections: [
      {
        properties: {
          titlePage: options.titlePage,
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
            margin: {
              top: PAGE.margin,
              bottom: PAGE.margin,
              left: PAGE.margin,
              right: PAGE.margin,
              header: PAGE.headerFooterMargin,
              footer: PAGE.headerFooterMargin,
            },
          },
        },
        headers: {
          ...(options.header !== false ? { default: header } : {}),
          ...(options.titlePage ? { first: new Header({ children: [] }) } : {}),
        },
        footers: {
          ...(options.footer !== false ? { default: footer } : {}),
          ...(options.titlePage ? { first: new Footer({ children: [] }) } : {}),
        },
        children: withSpacers([...front, ...toc, ...body], builder.flow),
      },
    ],
  });
}

/**
 * The DOCX bytes for `blocks`. The file's dates are `documentDate(options.date)` (the project
 * date, else `SOURCE_DATE_EPOCH`, else a constant): never the clock, so the same input gives
 * the same bytes.
 */
export async function blocksToDocx(
  blocks: readonly Block[],
  options: DocOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Uint8Array> {
  const date = documentDate(options.date, env); // an invalid date fails before any work
  const buffer = await Packer.toBuffer(buildDocument(blocks, options));
  return makeReproducible(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), { date, language: LANGUAGE });
}

/**
 * Blocks (markdown.ts) → a Word document (docx), made byte-reproducible (reproducible.ts).
 *
 * Layout: A4 portrait; optional title page (organisation, title, subtitle, date in French) with
 * no header or footer; optional table of contents; the organisation's name in the page header;
 * « Page X sur Y » in the footer. Headings may be numbered (1., 1.1., 1.1.1.) by a text prefix,
 * counted from the shallowest heading level the document uses, so the numbers are the same in
 * Word, LibreOffice and the table of contents.
 *
 * The table of contents is written out, already filled: one paragraph per heading of the first
 * two levels, each an internal hyperlink to a bookmark (`_Toc<n>`) around its heading. There is
 * no TOC field, so Word never asks to update fields when the file opens; the price is that the
 * entries carry no page numbers.
 */
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  HighlightColor,
  InternalHyperlink,
  PageBreak,
  PageNumber,
  PageOrientation,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphOptions,
  type ParagraphChild,
} from "docx";
import { formatDate } from "./format.js";
import type { Block, InlineRun, ListBlock, TableBlock } from "./markdown.js";
import { placeholderText } from "./placeholders.js";
import { documentDate, makeReproducible } from "./reproducible.js";
import {
  COLORS,
  documentStyles,
  LIST_REFS,
  MAX_LIST_LEVEL,
  numberingConfig,
  orderedReference,
  PAGE,
  SIZES,
  STYLE_IDS,
  TEXT_WIDTH,
} from "./styles.js";
import { frenchTypography } from "./typography.js";

export interface DocOptions {
  /** Document title: title page, document properties. */
  title: string;
  subtitle?: string;
  /** Name of the organisation, shown on the title page and in the page headers. */
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
  /** Title of the table of contents (default « Sommaire »). */
  tocTitle?: string;
}

type FileChild = Paragraph | Table;
/** The options of a list paragraph, kept as data until the list is complete. */
type ListParagraph = {
  -readonly [K in keyof IParagraphOptions]: IParagraphOptions[K];
};

const HEADING_LEVELS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;
const THIN = { style: BorderStyle.SINGLE, size: 4, color: COLORS.tableBorder } as const;
const CELL_MARGINS = { top: 60, bottom: 60, left: 100, right: 100 } as const;
const RIGHT_BLOCK_INDENT = Math.round(TEXT_WIDTH * 0.5);

/**
 * Where an aligned block goes. `right` is the right-hand block of a French letter (addresses,
 * « Fait à …, le … », signature): text aligned left, starting at the middle of the line, with
 * some space after; `center` is centred text.
 */
function placement(align: "center" | "right" | undefined) {
  if (align === "right") {
    return { alignment: AlignmentType.LEFT, indent: { left: RIGHT_BLOCK_INDENT }, spacing: { after: 240 } };
  }
  if (align === "center") return { alignment: AlignmentType.CENTER };
  return {};
}

/** Plain text of runs, for the table of contents and column widths. */
function plainText(runs: readonly InlineRun[]): string {
  return runs
    .map((r) =>
      r.type === "text" ? r.text : r.type === "break" ? " " : r.type === "placeholder" ? placeholderText(r.label) : plainText(r.runs),
    )
    .join("");
}

interface TocEntry {
  level: 1 | 2;
  text: string;
  anchor: string;
}

class Builder {
  private readonly counters = [0, 0, 0, 0];
  private readonly baseLevel: number;
  private bookmarkCount = 0;
  private orderedInstance = 0;
  readonly orderedStarts = new Set<number>();
  readonly toc: TocEntry[] = [];

  constructor(
    blocks: readonly Block[],
    private readonly options: DocOptions,
  ) {
    const levels = blocks.filter((b) => b.type === "heading").map((b) => b.level);
    this.baseLevel = levels.length > 0 ? Math.min(...levels) : 1;
  }

  runs(runs: readonly InlineRun[], extra: { bold?: boolean } = {}): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    for (const run of runs) {
      switch (run.type) {
        case "text":
          out.push(
            new TextRun({
              text: run.text,
              bold: run.bold || extra.bold,
              italics: run.italic,
              strike: run.strike,
            }),
          );
          break;
        case "break":
          out.push(new TextRun({ break: 1 }));
          break;
        case "placeholder":
          out.push(new TextRun({ text: placeholderText(run.label), bold: true, highlight: HighlightColor.YELLOW }));
          break;
        case "link": {
          const children = run.runs.map((r) =>
            r.type === "text"
              ? new TextRun({ text: r.text, style: "Hyperlink", bold: r.bold || extra.bold, italics: r.italic })
              : r.type === "break"
                ? new TextRun({ break: 1 })
                : new TextRun({ text: placeholderText(r.label), bold: true, highlight: HighlightColor.YELLOW }),
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
    for (const block of blocks) {
      switch (block.type) {
        case "heading":
          out.push(this.heading(block.level, block.runs, block.align));
          break;
        case "paragraph":
          out.push(
            new Paragraph({
              children: this.runs(block.runs),
              ...(context.quote ? { style: STYLE_IDS.quote } : {}),
              ...placement(block.align),
            }),
          );
          break;
        case "list": {
          const specs = this.list(block, 0, context);
          const last = specs[specs.length - 1];
          if (last) last.spacing = { after: 160 }; // a list ends with the space of a paragraph
          out.push(...specs.map((spec) => new Paragraph(spec)));
          break;
        }
        case "table":
          out.push(this.table(block), new Paragraph({ spacing: { after: 60 }, children: [] }));
          break;
        case "blockquote":
          out.push(...this.blocks(block.blocks, { quote: true }));
          break;
        case "hr":
          out.push(
            new Paragraph({
              children: [],
              spacing: { before: 120, after: 240 },
              border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: COLORS.rule, space: 1 } },
            }),
          );
          break;
        case "pageBreak":
          out.push(new Paragraph({ children: [new PageBreak()] }));
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
      children = [new Bookmark({ id: anchor, children })];
    }
    return new Paragraph({
      heading: HEADING_LEVELS[level - 1],
      children,
      ...placement(align),
    });
  }

  private list(list: ListBlock, level: number, context: { quote?: boolean }): ListParagraph[] {
    const drawn = Math.min(level, MAX_LIST_LEVEL);
    const reference = list.ordered ? orderedReference(list.start) : LIST_REFS.bullet;
    if (list.ordered) this.orderedStarts.add(list.start);
    const instance = list.ordered ? ++this.orderedInstance : 0;
    const out: ListParagraph[] = [];
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
          children: [...box, ...this.runs(block.runs)],
          ...(context.quote ? { style: STYLE_IDS.quote } : {}),
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
    const weights = Array.from({ length: columns }, (_, c) => {
      const lengths = [table.header[c], ...table.rows.map((r) => r[c])].map((cell) => (cell ? plainText(cell).length : 0));
      return Math.min(40, Math.max(6, ...lengths));
    });
    const total = weights.reduce((a, b) => a + b, 0);
    const widths = weights.map((w) => Math.floor((TEXT_WIDTH * w) / total));
    widths[widths.length - 1]! += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);

    const cell = (runs: readonly InlineRun[] | undefined, c: number, header: boolean) =>
      new TableCell({
        width: { size: widths[c]!, type: WidthType.DXA },
        margins: CELL_MARGINS,
        verticalAlign: VerticalAlignTable.CENTER,
        ...(header ? { shading: { type: ShadingType.CLEAR, fill: COLORS.tableHeader, color: "auto" } } : {}),
        children: [
          new Paragraph({
            style: STYLE_IDS.tableText,
            alignment: ALIGN[table.align[c] ?? "left"],
            children: this.runs(runs ?? [], header ? { bold: true } : {}),
            ...(header ? { keepNext: true } : {}),
          }),
        ],
      });
    const row = (cells: readonly (readonly InlineRun[])[], header: boolean) =>
      new TableRow({
        tableHeader: header,
        cantSplit: true,
        children: Array.from({ length: columns }, (_, c) => cell(cells[c], c, header)),
      });

    return new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN },
      rows: [row(table.header, true), ...table.rows.map((r) => row(r, false))],
    });
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
      spacing: { before: 600, after: 240, line: 240 },
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
  out.push(new Paragraph({ children: [new PageBreak()] }));
  return out;
}

function tableOfContents(entries: readonly TocEntry[], options: DocOptions): Paragraph[] {
  return [
    new Paragraph({ style: STYLE_IDS.tocHeading, children: [new TextRun(options.tocTitle ?? "Sommaire")] }),
    ...entries.map(
      (entry) =>
        new Paragraph({
          style: entry.level === 1 ? STYLE_IDS.toc1 : STYLE_IDS.toc2,
          children: [new InternalHyperlink({ anchor: entry.anchor, children: [new TextRun(entry.text)] })],
        }),
    ),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}

/** The docx `Document` for `blocks` (exposed for tests; use `blocksToDocx` to get bytes). */
export function buildDocument(blocks: readonly Block[], options: DocOptions): Document {
  const builder = new Builder(blocks, options);
  const body = builder.blocks(blocks);
  const children: FileChild[] = [
    ...(options.titlePage ? titlePage(options) : []),
    ...(options.toc ? tableOfContents(builder.toc, options) : []),
    ...body,
  ];
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
  const empty = () => ({ first: new Header({ children: [] }) });
  const emptyFooter = () => ({ first: new Footer({ children: [] }) });

  return new Document({
    title: options.title,
    ...(options.subtitle ? { subject: options.subtitle } : {}),
    creator: options.organisation,
    lastModifiedBy: options.organisation,
    styles: documentStyles(),
    numbering: numberingConfig(builder.orderedStarts),
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
          ...(options.titlePage ? empty() : {}),
        },
        footers: {
          ...(options.footer !== false ? { default: footer } : {}),
          ...(options.titlePage ? emptyFooter() : {}),
        },
        children,
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
  const buffer = await Packer.toBuffer(buildDocument(blocks, options));
  return makeReproducible(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), {
    date: documentDate(options.date, env),
  });
}



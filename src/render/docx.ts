/**
 * Blocks (markdown.ts) → a Word document, written directly as WordprocessingML and zipped once
 * (package.ts). The same blocks and options give the same bytes: nothing here reads the clock,
 * a counter shared between documents or a random number.
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
 *
 * Why not an object model such as the `docx` package: building and serialising its objects took
 * about 50 ms per document once warm (measured on the Bergerac documents), ten times the cost of
 * everything else; a document here is a few hundred paragraphs of a handful of shapes, which
 * string building writes in a few milliseconds.
 */
import { formatDate, frenchTypography } from "../french/index.js";
import type { Block, InlineRun, ListBlock, TableBlock } from "./markdown.js";
import { packageDocx } from "./package.js";
import { placeholderText } from "./placeholders.js";
import { documentDate } from "./reproducible.js";
import {
  border,
  COLORS,
  listNumbering,
  MAX_LIST_LEVEL,
  PAGE,
  paragraphProperties,
  runProperties,
  SIZES,
  STYLE_IDS,
  TEXT_WIDTH,
  type ListNumbering,
  type ParagraphLook,
  type RunLook,
} from "./styles.js";
import { esc } from "./xml.js";

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

const RIGHT_BLOCK_INDENT = Math.round(TEXT_WIDTH * 0.5);
const THIN = { size: 4, color: COLORS.tableBorder, space: 0 };
const CELL_MARGINS =
  '<w:tblCellMar><w:top w:type="dxa" w:w="60"/><w:left w:type="dxa" w:w="100"/><w:bottom w:type="dxa" w:w="60"/><w:right w:type="dxa" w:w="100"/></w:tblCellMar>';
const PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';
const PLACEHOLDER_LOOK: RunLook = { bold: true, highlight: "yellow" };

/**
 * Where an aligned block goes. `right` is the right-hand block of a French letter (addresses,
 * « Fait à …, le … », signature): text aligned left, starting at the middle of the line, with
 * some space after; `center` is centred text.
 */
function placement(align: "center" | "right" | undefined): ParagraphLook {
  if (align === "right") return { spacing: { after: 240 }, indent: { left: RIGHT_BLOCK_INDENT }, align: "left" };
  if (align === "center") return { align: "center" };
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

// Word drops spaces at the edges of a text element and may merge repeated ones unless told not
// to; saying it only where it matters keeps the XML (and the time to compress it) smaller.
const KEEP_SPACES = /^[ \t]|[ \t]$|[ \t]{2}/;
const textRun = (text: string, look: RunLook = {}) =>
  `<w:r>${runProperties(look)}<w:t${KEEP_SPACES.test(text) ? ' xml:space="preserve"' : ""}>${esc(text)}</w:t></w:r>`;
const paragraph = (look: ParagraphLook, content: string) => `<w:p>${paragraphProperties(look)}${content}</w:p>`;

interface TocEntry {
  level: 1 | 2;
  text: string;
  anchor: string;
}

class Builder {
  private readonly counters = [0, 0, 0, 0];
  private readonly baseLevel: number;
  private bookmarkCount = 0;
  readonly toc: TocEntry[] = [];
  readonly numbering: ListNumbering = listNumbering();
  /** Targets of the links to the web, in order of first use; relationship `rIdR<n>`. */
  readonly links: string[] = [];

  constructor(
    blocks: readonly Block[],
    private readonly options: DocOptions,
  ) {
    const levels = blocks.filter((b) => b.type === "heading").map((b) => b.level);
    this.baseLevel = levels.length > 0 ? Math.min(...levels) : 1;
  }

  runs(runs: readonly InlineRun[], extra: { bold?: boolean } = {}): string {
    let out = "";
    for (const run of runs) {
      switch (run.type) {
        case "text":
          out += textRun(run.text, { bold: run.bold || extra.bold || undefined, italic: run.italic || undefined, strike: run.strike });
          break;
        case "break":
          out += "<w:r><w:br/></w:r>";
          break;
        case "placeholder":
          out += textRun(placeholderText(run.label), PLACEHOLDER_LOOK);
          break;
        case "link": {
          const children = run.runs
            .map((r) =>
              r.type === "text"
                ? textRun(r.text, { style: "Hyperlink", bold: r.bold || extra.bold || undefined, italic: r.italic || undefined })
                : r.type === "break"
                  ? "<w:r><w:br/></w:r>"
                  : textRun(placeholderText(r.label), PLACEHOLDER_LOOK),
            )
            .join("");
          out += run.href.startsWith("#")
            ? `<w:hyperlink w:history="1" w:anchor="${esc(run.href.slice(1))}">${children}</w:hyperlink>`
            : `<w:hyperlink w:history="1" r:id="${this.linkId(run.href)}">${children}</w:hyperlink>`;
          break;
        }
      }
    }
    return out;
  }

  private linkId(href: string): string {
    let index = this.links.indexOf(href);
    if (index < 0) index = this.links.push(href) - 1;
    return `rIdR${index + 1}`;
  }

  blocks(blocks: readonly Block[], context: { quote?: boolean } = {}): string {
    let out = "";
    for (const block of blocks) {
      switch (block.type) {
        case "heading":
          out += this.heading(block.level, block.runs, block.align);
          break;
        case "paragraph":
          out += paragraph({ ...(context.quote ? { style: STYLE_IDS.quote } : {}), ...placement(block.align) }, this.runs(block.runs));
          break;
        case "list": {
          const items = this.list(block, 0, context);
          const last = items[items.length - 1];
          if (last) last.look.spacing = { after: 160 }; // a list ends with the space of a paragraph
          out += items.map((item) => paragraph(item.look, item.content)).join("");
          break;
        }
        case "table":
          out += this.table(block) + paragraph({ spacing: { after: 60 } }, "");
          break;
        case "blockquote":
          out += this.blocks(block.blocks, { quote: true });
          break;
        case "hr":
          out += paragraph({ borderBottom: { size: 6, color: COLORS.rule, space: 1 }, spacing: { before: 120, after: 240 } }, "");
          break;
        case "pageBreak":
          out += PAGE_BREAK;
          break;
      }
    }
    return out;
  }

  private heading(level: 1 | 2 | 3 | 4, runs: readonly InlineRun[], align?: "center" | "right"): string {
    const relative = Math.min(4, Math.max(1, level - this.baseLevel + 1));
    let prefix = "";
    if (this.options.headingNumbering && relative <= 3) {
      this.counters[relative - 1]! += 1;
      for (let i = relative; i < this.counters.length; i++) this.counters[i] = 0;
      prefix = `${this.counters.slice(0, relative).join(".")}. `;
    }
    let content = (prefix ? textRun(prefix) : "") + this.runs(runs);
    if (this.options.toc && relative <= 2) {
      const id = ++this.bookmarkCount;
      const anchor = `_Toc${id}`;
      this.toc.push({ level: relative as 1 | 2, text: prefix + plainText(runs), anchor });
      content = `<w:bookmarkStart w:name="${anchor}" w:id="${id}"/>${content}<w:bookmarkEnd w:id="${id}"/>`;
    }
    return paragraph({ style: `Heading${level}`, ...placement(align) }, content);
  }

  private list(list: ListBlock, level: number, context: { quote?: boolean }): { look: ParagraphLook; content: string }[] {
    const drawn = Math.min(level, MAX_LIST_LEVEL);
    const numId = list.ordered ? this.numbering.ordered(list.start) : this.numbering.bulletId;
    const out: { look: ParagraphLook; content: string }[] = [];
    for (const item of list.items) {
      let first = true;
      for (const block of item.blocks) {
        if (block.type === "list") {
          out.push(...this.list(block, level + 1, context));
          continue;
        }
        if (block.type !== "paragraph") continue;
        const box = first && item.checked !== undefined ? textRun(item.checked ? "☒ " : "☐ ") : "";
        out.push({
          look: {
            style: context.quote ? STYLE_IDS.quote : "ListParagraph",
            ...(first ? { numbering: { id: numId, level: drawn } } : { indent: { left: 360 * (drawn + 1) }, spacing: { after: 60 } }),
          },
          content: box + this.runs(block.runs),
        });
        first = false;
      }
    }
    return out;
  }

  private table(table: TableBlock): string {
    const columns = Math.max(table.header.length, ...table.rows.map((r) => r.length));
    const weights = Array.from({ length: columns }, (_, c) => {
      const lengths = [table.header[c], ...table.rows.map((r) => r[c])].map((cell) => (cell ? plainText(cell).length : 0));
      return Math.min(40, Math.max(6, ...lengths));
    });
    const total = weights.reduce((a, b) => a + b, 0);
    const widths = weights.map((w) => Math.floor((TEXT_WIDTH * w) / total));
    widths[widths.length - 1]! += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);

    const cell = (runs: readonly InlineRun[] | undefined, c: number, header: boolean) =>
      `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${widths[c]}"/>` +
      (header ? `<w:shd w:val="clear" w:color="auto" w:fill="${COLORS.tableHeader}"/>` : "") +
      '<w:vAlign w:val="center"/></w:tcPr>' +
      paragraph(
        // Left is the paragraph default: only other alignments are written.
        { style: STYLE_IDS.tableText, ...(header ? { keepNext: true } : {}), ...(table.align[c] && table.align[c] !== "left" ? { align: table.align[c]! } : {}) },
        this.runs(runs ?? [], header ? { bold: true } : {}),
      ) +
      "</w:tc>";
    const row = (cells: readonly (readonly InlineRun[])[], header: boolean) =>
      `<w:tr><w:trPr><w:cantSplit/>${header ? "<w:tblHeader/>" : ""}</w:trPr>` +
      Array.from({ length: columns }, (_, c) => cell(cells[c], c, header)).join("") +
      "</w:tr>";

    return (
      `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${TEXT_WIDTH}"/><w:tblBorders>` +
      ["top", "left", "bottom", "right", "insideH", "insideV"].map((side) => border(side, THIN)).join("") +
      `</w:tblBorders><w:tblLayout w:type="fixed"/>${CELL_MARGINS}</w:tblPr>` +
      `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>` +
      row(table.header, true) +
      table.rows.map((r) => row(r, false)).join("") +
      "</w:tbl>"
    );
  }
}

function titlePage(options: DocOptions): string {
  return (
    paragraph(
      { borderBottom: { size: 8, color: COLORS.heading, space: 12 }, spacing: { before: 2800, after: 240 } },
      textRun(frenchTypography(options.organisation), { bold: true, color: COLORS.heading, size: SIZES.titlePage.organisation }),
    ) +
    paragraph(
      { spacing: { before: 600, after: 240, line: 240 } },
      textRun(frenchTypography(options.title), { bold: true, color: COLORS.text, size: SIZES.titlePage.title }),
    ) +
    (options.subtitle
      ? paragraph({ spacing: { after: 240 } }, textRun(frenchTypography(options.subtitle), { color: COLORS.muted, size: SIZES.titlePage.subtitle }))
      : "") +
    (options.date ? paragraph({ spacing: { before: 2400 } }, textRun(formatDate(options.date), { color: COLORS.muted, size: SIZES.titlePage.date })) : "") +
    PAGE_BREAK
  );
}

function tableOfContents(entries: readonly TocEntry[], options: DocOptions): string {
  return (
    paragraph({ style: STYLE_IDS.tocHeading }, textRun(options.tocTitle ?? "Sommaire")) +
    entries
      .map((entry) =>
        paragraph(
          { style: entry.level === 1 ? STYLE_IDS.toc1 : STYLE_IDS.toc2 },
          `<w:hyperlink w:history="1" w:anchor="${entry.anchor}">${textRun(entry.text)}</w:hyperlink>`,
        ),
      )
      .join("") +
    PAGE_BREAK
  );
}

/** What `package.ts` zips: the body of `word/document.xml` and what it refers to. */
export interface WrittenDocument {
  /** Paragraphs and tables, then the section properties (page size, headers, footers). */
  body: string;
  numbering: string;
  /** Targets of the links to the web; the n-th is relationship `rIdR<n>`. */
  links: readonly string[];
}

/** The WordprocessingML of `blocks` (exposed for tests; use `blocksToDocx` to get bytes). */
export function writeDocument(blocks: readonly Block[], options: DocOptions): WrittenDocument {
  const builder = new Builder(blocks, options);
  const content = builder.blocks(blocks);
  const references =
    (options.header !== false ? '<w:headerReference w:type="default" r:id="rIdHeader"/>' : "") +
    (options.titlePage ? '<w:headerReference w:type="first" r:id="rIdHeaderFirst"/>' : "") +
    (options.footer !== false ? '<w:footerReference w:type="default" r:id="rIdFooter"/>' : "") +
    (options.titlePage ? '<w:footerReference w:type="first" r:id="rIdFooterFirst"/>' : "");
  const section =
    `<w:sectPr>${references}<w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}" w:orient="portrait"/>` +
    `<w:pgMar w:top="${PAGE.margin}" w:right="${PAGE.margin}" w:bottom="${PAGE.margin}" w:left="${PAGE.margin}" ` +
    `w:header="${PAGE.headerFooterMargin}" w:footer="${PAGE.headerFooterMargin}" w:gutter="0"/>` +
    `${options.titlePage ? "<w:titlePg/>" : ""}<w:docGrid w:linePitch="360"/></w:sectPr>`;
  return {
    body: (options.titlePage ? titlePage(options) : "") + (options.toc ? tableOfContents(builder.toc, options) : "") + content + section,
    numbering: builder.numbering.xml(),
    links: builder.links,
  };
}

/**
 * The DOCX bytes for `blocks`. The file's dates are `documentDate(options.date)` (the project
 * date, else `SOURCE_DATE_EPOCH`, else a constant): never the clock, so the same input gives
 * the same bytes.
 */
export function blocksToDocx(blocks: readonly Block[], options: DocOptions, env: NodeJS.ProcessEnv = process.env): Uint8Array {
  return packageDocx(writeDocument(blocks, options), {
    title: options.title,
    ...(options.subtitle ? { subject: options.subtitle } : {}),
    organisation: options.organisation,
    header: options.header !== false,
    footer: options.footer !== false,
    titlePage: options.titlePage,
    date: documentDate(options.date, env),
  });
}

/**
 * The look of every generated document: page, fonts, colours, paragraph and list styles, written
 * as the `word/styles.xml` and `word/numbering.xml` parts.
 *
 * Font: Arial, which every Word has and which LibreOffice replaces by the metric-compatible
 * Liberation Sans (same widths, so the same line and page breaks). Body 11 pt, headings in a
 * dark blue, tables with a light blue-grey header row. All sizes here are in WordprocessingML
 * units: half-points for font sizes, twentieths of a point (twips) for lengths.
 */
import { esc, W_NS, XML_DECLARATION } from "./xml.js";

export const FONT = "Arial";
export const LANGUAGE = "fr-FR";

export const COLORS = {
  text: "1A1A1A",
  heading: "1F3864",
  muted: "595959",
  rule: "A6A6A6",
  tableBorder: "8EA0B8",
  tableHeader: "DCE3EE",
  quoteBar: "8EA0B8",
  link: "1F4E9A",
} as const;

/** A4 portrait, 2,5 cm margins. */
export const PAGE = {
  width: 11906,
  height: 16838,
  margin: 1418,
  headerFooterMargin: 709,
} as const;
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

export const SIZES = {
  body: 22,
  small: 18,
  heading: { 1: 32, 2: 27, 3: 24, 4: 22 } as const,
  titlePage: { organisation: 32, title: 48, subtitle: 30, date: 24 } as const,
} as const;

export const STYLE_IDS = {
  quote: "Citation",
  tocHeading: "TitreSommaire",
  toc1: "Sommaire1",
  toc2: "Sommaire2",
  header: "EnTete",
  footer: "PiedDePage",
  tableText: "TexteTableau",
} as const;

const INDENT_STEP = 360;

/** A run's look, as WordprocessingML run properties (children of `w:rPr`, in schema order). */
export interface RunLook {
  style?: string;
  font?: string;
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  color?: string;
  size?: number;
  highlight?: string;
  underline?: boolean;
  language?: string;
}

export function runProperties(look: RunLook): string {
  let x = "";
  if (look.style) x += `<w:rStyle w:val="${esc(look.style)}"/>`;
  if (look.font) x += `<w:rFonts w:ascii="${look.font}" w:hAnsi="${look.font}" w:eastAsia="${look.font}" w:cs="${look.font}"/>`;
  if (look.bold !== undefined) x += look.bold ? "<w:b/><w:bCs/>" : '<w:b w:val="0"/><w:bCs w:val="0"/>';
  if (look.italic !== undefined) x += look.italic ? "<w:i/><w:iCs/>" : '<w:i w:val="0"/><w:iCs w:val="0"/>';
  if (look.strike) x += "<w:strike/>";
  if (look.color) x += `<w:color w:val="${look.color}"/>`;
  if (look.size) x += `<w:sz w:val="${look.size}"/><w:szCs w:val="${look.size}"/>`;
  if (look.highlight) x += `<w:highlight w:val="${look.highlight}"/>`;
  if (look.underline) x += '<w:u w:val="single"/>';
  if (look.language) x += `<w:lang w:val="${look.language}"/>`;
  return x ? `<w:rPr>${x}</w:rPr>` : "";
}

/** A border line: `size` in eighths of a point, `space` in points. */
export interface Border {
  size: number;
  color: string;
  space: number;
}

export const border = (side: string, b: Border) => `<w:${side} w:val="single" w:sz="${b.size}" w:space="${b.space}" w:color="${b.color}"/>`;

/** A paragraph's layout, as WordprocessingML paragraph properties (children of `w:pPr`, in schema order). */
export interface ParagraphLook {
  style?: string;
  keepNext?: boolean;
  keepLines?: boolean;
  numbering?: { id: number; level: number };
  borderLeft?: Border;
  borderBottom?: Border;
  spacing?: { before?: number; after?: number; line?: number };
  indent?: { left?: number; right?: number; hanging?: number };
  align?: "left" | "center" | "right";
  outlineLevel?: number;
}

export function paragraphProperties(look: ParagraphLook): string {
  let x = "";
  if (look.style) x += `<w:pStyle w:val="${esc(look.style)}"/>`;
  if (look.keepNext) x += "<w:keepNext/>";
  if (look.keepLines) x += "<w:keepLines/>";
  if (look.numbering) x += `<w:numPr><w:ilvl w:val="${look.numbering.level}"/><w:numId w:val="${look.numbering.id}"/></w:numPr>`;
  if (look.borderLeft || look.borderBottom)
    x += `<w:pBdr>${look.borderLeft ? border("left", look.borderLeft) : ""}${look.borderBottom ? border("bottom", look.borderBottom) : ""}</w:pBdr>`;
  if (look.spacing) {
    const { before, after, line } = look.spacing;
    x += `<w:spacing${before !== undefined ? ` w:before="${before}"` : ""}${after !== undefined ? ` w:after="${after}"` : ""}${
      line !== undefined ? ` w:line="${line}" w:lineRule="auto"` : ""
    }/>`;
  }
  if (look.indent) {
    const { left, right, hanging } = look.indent;
    x += `<w:ind${left !== undefined ? ` w:left="${left}"` : ""}${right !== undefined ? ` w:right="${right}"` : ""}${
      hanging !== undefined ? ` w:hanging="${hanging}"` : ""
    }/>`;
  }
  if (look.align) x += `<w:jc w:val="${look.align}"/>`;
  if (look.outlineLevel !== undefined) x += `<w:outlineLvl w:val="${look.outlineLevel}"/>`;
  return x ? `<w:pPr>${x}</w:pPr>` : "";
}

interface StyleDef {
  type: "paragraph" | "character";
  id: string;
  /** Word's own name for its built-in styles (shown translated by a French Word), ours otherwise. */
  name: string;
  basedOn?: string;
  next?: string;
  paragraph?: ParagraphLook;
  run?: RunLook;
}

const headingStyle = (level: 1 | 2 | 3 | 4): StyleDef => ({
  type: "paragraph",
  id: `Heading${level}`,
  name: `heading ${level}`,
  basedOn: "Normal",
  next: "Normal",
  paragraph: { keepNext: true, keepLines: true, spacing: { before: level === 1 ? 360 : 240, after: 120, line: 264 }, outlineLevel: level - 1 },
  run: { font: FONT, bold: true, italic: level === 4, color: COLORS.heading, size: SIZES.heading[level] },
});

const STYLES: readonly StyleDef[] = [
  { type: "paragraph", id: "Normal", name: "Normal" },
  headingStyle(1),
  headingStyle(2),
  headingStyle(3),
  headingStyle(4),
  { type: "paragraph", id: "ListParagraph", name: "List Paragraph", basedOn: "Normal", paragraph: { spacing: { after: 60 } } },
  {
    type: "paragraph",
    id: STYLE_IDS.quote,
    name: "Citation",
    basedOn: "Normal",
    next: "Normal",
    paragraph: { borderLeft: { size: 12, color: COLORS.quoteBar, space: 8 }, spacing: { before: 200, after: 200 }, indent: { left: 567, right: 567 } },
    run: { italic: true, color: COLORS.muted },
  },
  {
    type: "paragraph",
    id: STYLE_IDS.tocHeading,
    name: "Titre du sommaire",
    basedOn: "Normal",
    next: "Normal",
    paragraph: { spacing: { before: 0, after: 240 } },
    run: { bold: true, color: COLORS.heading, size: SIZES.heading[1] },
  },
  {
    type: "paragraph",
    id: STYLE_IDS.toc1,
    name: "Sommaire niveau 1",
    basedOn: "Normal",
    next: "Normal",
    paragraph: { spacing: { before: 120, after: 40 } },
    run: { bold: true },
  },
  {
    type: "paragraph",
    id: STYLE_IDS.toc2,
    name: "Sommaire niveau 2",
    basedOn: "Normal",
    next: "Normal",
    paragraph: { spacing: { before: 0, after: 40 }, indent: { left: 425 } },
  },
  {
    type: "paragraph",
    id: STYLE_IDS.header,
    name: "En-tête du document",
    basedOn: "Normal",
    paragraph: { borderBottom: { size: 4, color: COLORS.rule, space: 4 }, spacing: { after: 0 }, align: "right" },
    run: { color: COLORS.muted, size: SIZES.small },
  },
  {
    type: "paragraph",
    id: STYLE_IDS.footer,
    name: "Pied de page du document",
    basedOn: "Normal",
    paragraph: { spacing: { after: 0 }, align: "center" },
    run: { color: COLORS.muted, size: SIZES.small },
  },
  {
    type: "paragraph",
    id: STYLE_IDS.tableText,
    name: "Texte de tableau",
    basedOn: "Normal",
    paragraph: { spacing: { before: 0, after: 0, line: 252 } },
    run: { size: 20 },
  },
  { type: "character", id: "Hyperlink", name: "Hyperlink", run: { color: COLORS.link, underline: true } },
];

function styleXml(style: StyleDef): string {
  return (
    `<w:style w:type="${style.type}" w:styleId="${style.id}"${style.id === "Normal" ? ' w:default="1"' : ""}>` +
    `<w:name w:val="${esc(style.name)}"/>` +
    (style.basedOn ? `<w:basedOn w:val="${style.basedOn}"/>` : "") +
    (style.next ? `<w:next w:val="${style.next}"/>` : "") +
    "<w:qFormat/>" +
    (style.paragraph ? paragraphProperties(style.paragraph) : "") +
    (style.run ? runProperties(style.run) : "") +
    "</w:style>"
  );
}

let cachedStyles: string | undefined;

/** `word/styles.xml`: the defaults (Arial 11 pt, French) and every style the documents use. */
export function stylesXml(): string {
  return (cachedStyles ??=
    `${XML_DECLARATION}<w:styles ${W_NS}>` +
    "<w:docDefaults>" +
    `<w:rPrDefault>${runProperties({ font: FONT, color: COLORS.text, size: SIZES.body, language: LANGUAGE })}</w:rPrDefault>` +
    `<w:pPrDefault>${paragraphProperties({ spacing: { after: 120, line: 276 } })}</w:pPrDefault>` +
    "</w:docDefaults>" +
    STYLES.map(styleXml).join("") +
    "</w:styles>");
}

const BULLETS = ["•", "–", "◦", "▪"];
const ORDERED: { format: string; text: (n: number) => string }[] = [
  { format: "decimal", text: (n) => `%${n}.` },
  { format: "lowerLetter", text: (n) => `%${n})` },
  { format: "lowerRoman", text: (n) => `%${n}.` },
  { format: "decimal", text: (n) => `%${n}.` },
];

/** Deepest list level the definitions describe; deeper items are drawn at this level. */
export const MAX_LIST_LEVEL = BULLETS.length - 1;

const level = (ilvl: number, start: number, format: string, text: string) =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${esc(text)}"/><w:lvlJc w:val="left"/>` +
  `${paragraphProperties({ indent: { left: INDENT_STEP * (ilvl + 1), hanging: INDENT_STEP } })}</w:lvl>`;

/** The lists of one document: each ordered list is numbered on its own, from its first number. */
export interface ListNumbering {
  /** The `w:numId` of every bullet list. */
  readonly bulletId: number;
  /** A new `w:numId` for an ordered list starting at `start`. */
  ordered(start: number): number;
  /** `word/numbering.xml`. */
  xml(): string;
}

export function listNumbering(): ListNumbering {
  const orderedLists: number[] = []; // start of each ordered list, numId = index + 2
  return {
    bulletId: 1,
    ordered(start) {
      orderedLists.push(start);
      return orderedLists.length + 1;
    },
    xml() {
      const starts = [...new Set([1, ...orderedLists])].sort((a, b) => a - b);
      const abstractId = (start: number) => starts.indexOf(start) + 2;
      const bullet = `<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>${BULLETS.map((b, i) => level(i, 1, "bullet", b)).join("")}</w:abstractNum>`;
      const ordered = starts.map(
        (start) =>
          `<w:abstractNum w:abstractNumId="${abstractId(start)}"><w:multiLevelType w:val="hybridMultilevel"/>` +
          ORDERED.map((o, i) => level(i, i === 0 ? start : 1, o.format, o.text(i + 1))).join("") +
          "</w:abstractNum>",
      );
      // Each ordered list restarts: its own w:num, with every level's start overridden.
      const nums = [
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>',
        ...orderedLists.map(
          (start, i) =>
            `<w:num w:numId="${i + 2}"><w:abstractNumId w:val="${abstractId(start)}"/>` +
            ORDERED.map((_, l) => `<w:lvlOverride w:ilvl="${l}"><w:startOverride w:val="${l === 0 ? start : 1}"/></w:lvlOverride>`).join("") +
            "</w:num>",
        ),
      ];
      return `${XML_DECLARATION}<w:numbering ${W_NS}>${bullet}${ordered.join("")}${nums.join("")}</w:numbering>`;
    },
  };
}

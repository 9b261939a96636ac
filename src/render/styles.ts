/**
 * The look of every generated document: page, fonts, colours, paragraph and list styles, as the
 * `styles` and `numbering` options of a docx `Document`.
 *
 * Font: Arial, which every Word has and which LibreOffice replaces by the metric-compatible
 * Liberation Sans (same widths, so the same line and page breaks). Body 11 pt, headings in a
 * dark blue, tables with a light blue-grey header row. All sizes here are in WordprocessingML
 * units: half-points for font sizes, twentieths of a point (twips) for lengths.
 *
 * Every spacing with a `line` also says `lineRule: auto` (a multiple of single spacing): without
 * it LibreOffice reads the line height of list paragraphs differently from Word.
 */
import {
  AlignmentType,
  BorderStyle,
  LevelFormat,
  LineRuleType,
  UnderlineType,
  type ILevelsOptions,
  type INumberingOptions,
  type IStylesOptions,
} from "docx";

const FONT = "Arial";
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
  caption: "Caption",
  listParagraph: "ListParagraph",
} as const;

export const LIST_REFS = { bullet: "puces", ordered: "numeros" } as const;
const INDENT_STEP = 360;

/** Line spacing as a multiple of single spacing, in 240ths. */
export const lineSpacing = (line: number) => ({ line, lineRule: LineRuleType.AUTO });

const heading = (level: 1 | 2 | 3 | 4) => ({
  run: { font: FONT, size: SIZES.heading[level], bold: true, italics: level === 4, color: COLORS.heading },
  paragraph: {
    spacing: { before: level === 1 ? 360 : 240, after: 120, ...lineSpacing(264) },
    keepNext: true,
    keepLines: true,
    outlineLevel: level - 1,
  },
});

export function documentStyles(): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: FONT, size: SIZES.body, color: COLORS.text, language: { value: LANGUAGE } },
        paragraph: { spacing: { after: 120, ...lineSpacing(276) } },
      },
      heading1: heading(1),
      heading2: heading(2),
      heading3: heading(3),
      heading4: heading(4),
      listParagraph: { paragraph: { spacing: { after: 60 } } },
      hyperlink: { run: { color: COLORS.link, underline: { type: UnderlineType.SINGLE } } },
      // A figure's title, above it.
      caption: { run: { bold: true, color: COLORS.text, size: 20 }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 80 } } },
    },
    paragraphStyles: [
      {
        id: STYLE_IDS.quote,
        name: "Citation",
        basedOn: "Normal",
        next: "Normal",
        quickFormat: true,
        run: { italics: true, color: COLORS.muted },
        paragraph: {
          spacing: { before: 200, after: 200 },
          indent: { left: 567, right: 567 },
          border: { left: { style: BorderStyle.SINGLE, size: 12, color: COLORS.quoteBar, space: 8 } },
        },
      },
      {
        id: STYLE_IDS.tocHeading,
        name: "Titre du sommaire",
        basedOn: "Normal",
        next: "Normal",
        quickFormat: true,
        run: { size: SIZES.heading[1], bold: true, color: COLORS.heading },
        paragraph: { spacing: { before: 0, after: 240 } },
      },
      {
        id: STYLE_IDS.toc1,
        name: "Sommaire niveau 1",
        basedOn: "Normal",
        next: "Normal",
        quickFormat: true,
        run: { bold: true },
        paragraph: { spacing: { before: 120, after: 40 } },
      },
      {
        id: STYLE_IDS.toc2,
        name: "Sommaire niveau 2",
        basedOn: "Normal",
        next: "Normal",
        quickFormat: true,
        paragraph: { indent: { left: 425 }, spacing: { before: 0, after: 40 } },
      },
      {
        id: STYLE_IDS.header,
        name: "En-tête du document",
        basedOn: "Normal",
        quickFormat: true,
        run: { size: SIZES.small, color: COLORS.muted },
        paragraph: {
          alignment: AlignmentType.RIGHT,
          spacing: { after: 0 },
          border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: COLORS.rule, space: 4 } },
        },
      },
      {
        id: STYLE_IDS.footer,
        name: "Pied de page du document",
        basedOn: "Normal",
        quickFormat: true,
        run: { size: SIZES.small, color: COLORS.muted },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0 } },
      },
      {
        id: STYLE_IDS.tableText,
        name: "Texte de tableau",
        basedOn: "Normal",
        quickFormat: true,
        run: { size: 20 },
        paragraph: { spacing: { before: 0, after: 0, ...lineSpacing(252) } },
      },
    ],
  };
}

const BULLETS = ["•", "–", "◦", "▪"];
const ORDERED: { format: (typeof LevelFormat)[keyof typeof LevelFormat]; text: (n: number) => string }[] = [
  { format: LevelFormat.DECIMAL, text: (n) => `%${n}.` },
  { format: LevelFormat.LOWER_LETTER, text: (n) => `%${n})` },
  { format: LevelFormat.LOWER_ROMAN, text: (n) => `%${n}.` },
  { format: LevelFormat.DECIMAL, text: (n) => `%${n}.` },
];

/** Deepest list level the definitions describe; deeper items are drawn at this level. */
export const MAX_LIST_LEVEL = BULLETS.length - 1;

const levelIndent = (level: number) => ({ left: INDENT_STEP * (level + 1), hanging: INDENT_STEP });

/** The list definition of ordered lists whose first number is `start`. */
export function orderedReference(start: number): string {
  return start === 1 ? LIST_REFS.ordered : `${LIST_REFS.ordered}-${start}`;
}

/**
 * Bullet list and ordered list definitions: one ordered definition per first number the
 * document's ordered lists use (`orderedStarts`, 1 always included). Each ordered list is a
 * separate `instance` of its definition, so each is numbered on its own.
 */
export function numberingConfig(orderedStarts: Iterable<number> = []): INumberingOptions {
  const ordered = (start: number) => ({
    reference: orderedReference(start),
    levels: ORDERED.map(
      (o, level): ILevelsOptions => ({
        level,
        format: o.format,
        text: o.text(level + 1),
        start: level === 0 ? start : 1,
        alignment: AlignmentType.LEFT,
        style: { paragraph: { indent: levelIndent(level) } },
      }),
    ),
  });
  return {
    config: [
      {
        reference: LIST_REFS.bullet,
        levels: BULLETS.map(
          (text, level): ILevelsOptions => ({
            level,
            format: LevelFormat.BULLET,
            text,
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: levelIndent(level) } },
          }),
        ),
      },
      ...[...new Set([1, ...orderedStarts])].sort((a, b) => a - b).map(ordered),
    ],
  };
}

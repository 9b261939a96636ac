/**
 * The parts of a DOCX around its body, zipped once, in a fixed order, with fixed entry times:
 * the bytes depend only on the document and its date (see reproducible.ts for the date).
 *
 * Parts: content types, package and document relationships, core and application properties,
 * settings, the font table, styles and numbering (styles.ts), the body (docx.ts), and the page
 * header and footer, with an empty header and footer for a title page.
 */
import { zipSync, type Zippable } from "fflate";
import type { WrittenDocument } from "./docx.js";
import { FONT, LANGUAGE, STYLE_IDS, stylesXml } from "./styles.js";
import { frenchTypography } from "../french/index.js";
import { esc, RELATIONSHIP_TYPE, W_NS, XML_DECLARATION } from "./xml.js";
import { ZIP_MTIME } from "./reproducible.js";

export interface PackageOptions {
  title: string;
  subject?: string;
  organisation: string;
  header: boolean;
  footer: boolean;
  titlePage: boolean;
  /** Creation and modification date written in the document properties. */
  date: Date;
}

const CONTENT_TYPE = "application/vnd.openxmlformats-officedocument";
const WORD = `${CONTENT_TYPE}.wordprocessingml`;

const relationships = (items: readonly { id: string; type: string; target: string; external?: boolean }[]) =>
  `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  items
    .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${esc(r.target)}"${r.external ? ' TargetMode="External"' : ""}/>`)
    .join("") +
  "</Relationships>";

const PACKAGE_RELS = relationships([
  { id: "rId1", type: `${RELATIONSHIP_TYPE}/officeDocument`, target: "word/document.xml" },
  { id: "rId2", type: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", target: "docProps/core.xml" },
  { id: "rId3", type: `${RELATIONSHIP_TYPE}/extended-properties`, target: "docProps/app.xml" },
]);

const SETTINGS =
  `${XML_DECLARATION}<w:settings ${W_NS}><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>` +
  `<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
  `<w:themeFontLang w:val="${LANGUAGE}"/></w:settings>`;

const FONT_TABLE =
  `${XML_DECLARATION}<w:fonts ${W_NS}><w:font w:name="${FONT}"><w:panose1 w:val="020B0604020202020204"/><w:charset w:val="00"/>` +
  '<w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font></w:fonts>';

const APP =
  `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
  "<Application>cpts</Application></Properties>";

const FOOTER_PAGE_X_OF_Y =
  `<w:p><w:pPr><w:pStyle w:val="${STYLE_IDS.footer}"/></w:pPr>` +
  '<w:r><w:t xml:space="preserve">Page </w:t></w:r>' +
  '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>' +
  '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' +
  '<w:r><w:t xml:space="preserve"> sur </w:t></w:r>' +
  '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> NUMPAGES </w:instrText></w:r>' +
  '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>';

const headerXml = (content: string) => `${XML_DECLARATION}<w:hdr ${W_NS}>${content || "<w:p/>"}</w:hdr>`;
const footerXml = (content: string) => `${XML_DECLARATION}<w:ftr ${W_NS}>${content || "<w:p/>"}</w:ftr>`;

function coreXml(options: PackageOptions): string {
  const when = options.date.toISOString().replace(/\.\d{3}Z$/, "Z");
  return (
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${esc(options.title)}</dc:title>` +
    (options.subject ? `<dc:subject>${esc(options.subject)}</dc:subject>` : "") +
    `<dc:creator>${esc(options.organisation)}</dc:creator><cp:lastModifiedBy>${esc(options.organisation)}</cp:lastModifiedBy>` +
    `<dc:language>${LANGUAGE}</dc:language><cp:revision>1</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`
  );
}

/** The DOCX file: every part, zipped in a fixed order with 1980-01-01 00:00 as every entry's time. */
export function packageDocx(document: WrittenDocument, options: PackageOptions): Uint8Array {
  const headers: { id: string; type: "header" | "footer"; file: string; xml: string }[] = [];
  if (options.header)
    headers.push({
      id: "rIdHeader",
      type: "header",
      file: "header1.xml",
      xml: headerXml(
        `<w:p><w:pPr><w:pStyle w:val="${STYLE_IDS.header}"/></w:pPr><w:r><w:t xml:space="preserve">${esc(frenchTypography(options.organisation))}</w:t></w:r></w:p>`,
      ),
    });
  if (options.titlePage) headers.push({ id: "rIdHeaderFirst", type: "header", file: "header2.xml", xml: headerXml("") });
  if (options.footer) headers.push({ id: "rIdFooter", type: "footer", file: "footer1.xml", xml: footerXml(FOOTER_PAGE_X_OF_Y) });
  if (options.titlePage) headers.push({ id: "rIdFooterFirst", type: "footer", file: "footer2.xml", xml: footerXml("") });

  const contentTypes =
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/word/document.xml" ContentType="${WORD}.document.main+xml"/>` +
    `<Override PartName="/word/styles.xml" ContentType="${WORD}.styles+xml"/>` +
    `<Override PartName="/word/numbering.xml" ContentType="${WORD}.numbering+xml"/>` +
    `<Override PartName="/word/settings.xml" ContentType="${WORD}.settings+xml"/>` +
    `<Override PartName="/word/fontTable.xml" ContentType="${WORD}.fontTable+xml"/>` +
    headers.map((h) => `<Override PartName="/word/${h.file}" ContentType="${WORD}.${h.type}+xml"/>`).join("") +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    `<Override PartName="/docProps/app.xml" ContentType="${CONTENT_TYPE}.extended-properties+xml"/>` +
    "</Types>";

  const documentRels = relationships([
    { id: "rIdStyles", type: `${RELATIONSHIP_TYPE}/styles`, target: "styles.xml" },
    { id: "rIdNumbering", type: `${RELATIONSHIP_TYPE}/numbering`, target: "numbering.xml" },
    { id: "rIdSettings", type: `${RELATIONSHIP_TYPE}/settings`, target: "settings.xml" },
    { id: "rIdFonts", type: `${RELATIONSHIP_TYPE}/fontTable`, target: "fontTable.xml" },
    ...headers.map((h) => ({ id: h.id, type: `${RELATIONSHIP_TYPE}/${h.type}`, target: h.file })),
    ...document.links.map((target, i) => ({ id: `rIdR${i + 1}`, type: `${RELATIONSHIP_TYPE}/hyperlink`, target, external: true })),
  ]);

  const parts: [string, string][] = [
    ["[Content_Types].xml", contentTypes],
    ["_rels/.rels", PACKAGE_RELS],
    ["docProps/core.xml", coreXml(options)],
    ["docProps/app.xml", APP],
    ["word/document.xml", `${XML_DECLARATION}<w:document ${W_NS}><w:body>${document.body}</w:body></w:document>`],
    ["word/_rels/document.xml.rels", documentRels],
    ["word/styles.xml", stylesXml()],
    ["word/numbering.xml", document.numbering],
    ["word/settings.xml", SETTINGS],
    ["word/fontTable.xml", FONT_TABLE],
    ...headers.map((h): [string, string] => [`word/${h.file}`, h.xml]),
  ];
  const files: Zippable = {};
  const utf8 = new TextEncoder();
  for (const [path, xml] of parts) files[path] = [utf8.encode(xml), { mtime: ZIP_MTIME }];
  // Level 1: a fifth of level 6's time on a fresh process, for files about a third larger (still a few tens of KB).
  return zipSync(files, { level: 1 });
}

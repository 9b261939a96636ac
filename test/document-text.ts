/** Reading generated documents as text, for tests that compare them with the answers. */
import { strFromU8, unzipSync } from "fflate";

/**
 * Text of a DOCX body: paragraphs and line breaks as newlines, tabs as tabs, XML entities
 * decoded. Field instructions (the sommaire's `PAGEREF _Toc3`) are not text.
 */
export function docxText(bytes: Uint8Array): string {
  const xml = strFromU8(unzipSync(bytes)["word/document.xml"]!);
  return xml
    .replace(/<w:instrText\b[^>]*>[^<]*<\/w:instrText>/g, "")
    .replace(/<w:br\/>/g, "\n")
    .replace(/<\/w:p>/g, "\n")
    .replace(/<w:tab\/>/g, "\t")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** French typography made neutral (no-break spaces before « : ; ! ? », inside « », curly apostrophes). */
export function neutral(text: string): string {
  return text
    .replace(/’/g, "'")
    .replace(/[ \t\u00a0\u202f]*([:;!?»])/g, "$1")
    .replace(/«[ \t\u00a0\u202f]*/g, "«")
    .replace(/[ \t\u00a0\u202f]+/g, " ");
}

/**
 * Byte-reproducible DOCX: the same blocks and options give the same bytes, in one process or
 * in two, whatever the clock or the time zone.
 *
 * docx 9.15 leaves four sources of variation in its output, all fixed here after
 * `Packer.toBuffer` (see TECH-NOTES §2.2):
 * 1. `docProps/core.xml` created/modified dates come from the clock → set to the given date;
 * 2. zip entry times come from the clock → 1980-01-01 00:00, built from local-time fields
 *    because fflate writes DOS times from local fields (the same bytes in every time zone);
 * 3. relationship ids `rId<nanoid>` (external hyperlinks, numbering, …) are random →
 *    renamed `rIdR1`, `rIdR2`… in order of first appearance;
 * 4. bookmark ids (`w:bookmarkStart/End w:id`) and `_Toc<n>` names come from process-wide
 *    counters → renumbered from 1 in order of appearance, per document. Internal hyperlinks
 *    point at bookmark names (`w:anchor`), which docx.ts chooses per document, and carry no
 *    relationship id, so nothing else refers to these numbers.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { parseIsoDate } from "./format.js";

const ZIP_MTIME = new Date(1980, 0, 1, 0, 0, 0);
const RANDOM_REL_ID = /\brId[a-z0-9_-]{21}(?![a-z0-9_-])/g;
const TOC_NAME = /\b_Toc(\d+)\b/g;
const BOOKMARK_ID = /(<w:bookmark(?:Start|End)\b[^>]*?\sw:id=")(\d+)(")/g;
const CORE_DATE = /(<dcterms:(created|modified) xsi:type="dcterms:W3CDTF">)[^<]*(<\/dcterms:\2>)/g;
const BODY_PART = /^word\/(document|header\d+|footer\d+|footnotes|endnotes|comments)\.xml$/;

/** Default document date when neither the project nor `SOURCE_DATE_EPOCH` gives one. */
export const FALLBACK_DATE = new Date(Date.UTC(2000, 0, 1));

export class DocumentDateError extends Error {
  override readonly name = "DocumentDateError";
  readonly code = "document.date-invalide";
}

/**
 * The date written into a document's properties. Never the clock:
 * 1. the project's date (`YYYY-MM-DD`, e.g. the version date of the project), at 00:00 UTC;
 * 2. otherwise `SOURCE_DATE_EPOCH` (seconds since 1970, the reproducible-builds convention);
 * 3. otherwise 2000-01-01.
 * Throws `DocumentDateError` on an invalid project date or `SOURCE_DATE_EPOCH`.
 */
export function documentDate(projectDate?: string | null, env: NodeJS.ProcessEnv = process.env): Date {
  if (projectDate !== undefined && projectDate !== null && projectDate !== "") {
    const d = parseIsoDate(projectDate);
    if (!d) throw new DocumentDateError(`date du document invalide « ${projectDate} » : attendu AAAA-MM-JJ`);
    return new Date(Date.UTC(d.year, d.month - 1, d.day));
  }
  const epoch = env["SOURCE_DATE_EPOCH"];
  if (epoch !== undefined && epoch.trim() !== "") {
    if (!/^\d+$/.test(epoch.trim())) {
      throw new DocumentDateError(`SOURCE_DATE_EPOCH invalide « ${epoch} » : attendu un nombre de secondes depuis 1970`);
    }
    return new Date(Number(epoch.trim()) * 1000);
  }
  return FALLBACK_DATE;
}

/** Rewrites a DOCX produced by docx so that its bytes depend only on its content and `date`. */
export function makeReproducible(docx: Uint8Array, { date }: { date: Date }): Uint8Array {
  const iso = date.toISOString().replace(/\.\d{3}Z$/, "Z");
  const relIds = new Map<string, string>();
  const tocNames = new Map<string, number>();
  const bookmarkIds = new Map<string, number>();
  const number = (map: Map<string, number>, key: string): number => {
    let n = map.get(key);
    if (n === undefined) {
      n = map.size + 1;
      map.set(key, n);
    }
    return n;
  };
  const out: Record<string, Uint8Array> = {};
  for (const [path, bytes] of Object.entries(unzipSync(docx))) {
    if (!/\.(xml|rels)$/.test(path)) {
      out[path] = bytes;
      continue;
    }
    let xml = strFromU8(bytes).replace(RANDOM_REL_ID, (id) => {
      let stable = relIds.get(id);
      if (stable === undefined) {
        stable = `rIdR${relIds.size + 1}`;
        relIds.set(id, stable);
      }
      return stable;
    });
    if (BODY_PART.test(path)) {
      xml = xml
        .replace(TOC_NAME, (_, n: string) => `_Toc${number(tocNames, n)}`)
        .replace(BOOKMARK_ID, (_, a: string, n: string, b: string) => `${a}${number(bookmarkIds, n)}${b}`);
    }
    if (path === "docProps/core.xml") xml = xml.replace(CORE_DATE, `$1${iso}$3`);
    out[path] = strToU8(xml);
  }
  return zipSync(out, { mtime: ZIP_MTIME });
}

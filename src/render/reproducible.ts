/**
 * Byte-reproducible DOCX: the date of a generated document, and the one pass after the docx
 * package that makes its bytes depend only on the document and that date — the same in one
 * process or in several, whatever the clock, the time zone or the Node version.
 *
 * docx 9.15 leaves four sources of variation in its output (TECH-NOTES §2.2), fixed here after
 * `Packer.toBuffer`:
 * 1. `docProps/core.xml` created/modified dates come from the clock → set to the given date;
 * 2. zip entry times come from the clock → 1980-01-01 00:00, built from local-time fields
 *    because fflate writes DOS times from local fields (the same bytes in every time zone);
 * 3. relationship ids `rId<nanoid>` (links to the web) are random → renamed `rIdR1`, `rIdR2`…
 *    in order of first appearance;
 * 4. bookmark ids (`w:bookmarkStart/End w:id`) come from a process-wide counter → renumbered
 *    from 1 in order of appearance, per document. Links and page references point at bookmark
 *    names, which docx.ts chooses per document, so nothing else refers to these numbers.
 * Drawing ids (`wp:docPr`) are given by docx.ts, per document, so they need nothing here.
 *
 * The same pass adds the document's language (`dc:language`) to the core properties: the one
 * property docx has no option for.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { parseIsoDate } from "../french/index.js";

/**
 * Zip entry time: 1980-01-01 00:00, the earliest a zip can say, built from local-time fields
 * because fflate writes DOS times from local fields (so the same bytes in every time zone).
 */
const ZIP_MTIME = new Date(1980, 0, 1, 0, 0, 0);

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

const RANDOM_REL_ID = /\brId[a-z0-9_-]{21}(?![a-z0-9_-])/g;
const BOOKMARK_ID = /(<w:bookmark(?:Start|End)\b[^>]*?\sw:id=")(\d+)(")/g;
const CORE_DATE = /(<dcterms:(created|modified) xsi:type="dcterms:W3CDTF">)[^<]*(<\/dcterms:\2>)/g;
const BODY_PART = /^word\/(document|header\d+|footer\d+|footnotes|endnotes|comments)\.xml$/;

/** Rewrites a DOCX written by the docx package so that its bytes depend only on its content, `date` and `language`. */
export function makeReproducible(docx: Uint8Array, { date, language }: { date: Date; language: string }): Uint8Array {
  const iso = date.toISOString().replace(/\.\d{3}Z$/, "Z");
  const relIds = new Map<string, string>();
  const bookmarkIds = new Map<string, number>();
  const out: Record<string, [Uint8Array, { mtime: Date }]> = {};
  // unzipSync keeps the archive's order, so the entries are re-zipped in docx's own order.
  for (const [path, bytes] of Object.entries(unzipSync(docx))) {
    if (!/\.(xml|rels)$/.test(path)) {
      out[path] = [bytes, { mtime: ZIP_MTIME }];
      continue;
    }
    let xml = strFromU8(bytes).replace(RANDOM_REL_ID, (id) => {
      let stable = relIds.get(id);
      if (stable === undefined) relIds.set(id, (stable = `rIdR${relIds.size + 1}`));
      return stable;
    });
    if (BODY_PART.test(path)) {
      xml = xml.replace(BOOKMARK_ID, (_, before: string, id: string, after: string) => {
        let stable = bookmarkIds.get(id);
        if (stable === undefined) bookmarkIds.set(id, (stable = bookmarkIds.size + 1));
        return `${before}${stable}${after}`;
      });
    }
    if (path === "docProps/core.xml") {
      xml = xml.replace(CORE_DATE, `$1${iso}$3`).replace("</cp:coreProperties>", `<dc:language>${language}</dc:language></cp:coreProperties>`);
    }
    out[path] = [strToU8(xml), { mtime: ZIP_MTIME }];
  }
  return zipSync(out);
}

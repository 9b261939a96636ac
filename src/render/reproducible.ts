/**
 * The date of a generated document, and the zip entry time: the two inputs of a DOCX's bytes
 * that are not its content. Neither ever comes from the clock, so the same project gives the
 * same bytes, in one process or in two, whatever the time zone.
 */
import { parseIsoDate } from "../french/index.js";

/**
 * Zip entry time: 1980-01-01 00:00, the earliest a zip can say, built from local-time fields
 * because fflate writes DOS times from local fields (so the same bytes in every time zone).
 */
export const ZIP_MTIME = new Date(1980, 0, 1, 0, 0, 0);

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

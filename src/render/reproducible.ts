/**
 * Byte-reproducible DOCX: the date of a generated document, and the one pass after the docx
 * package that makes its bytes depend only on the document and that date — the same in one
 * process or in several, whatever the clock, the time zone or the Node version.
 *
 * docx 9.15 leaves these sources of variation in its output (TECH-NOTES §2.2):
 * 1. `docProps/core.xml` created/modified dates come from the clock → set here to the given date;
 * 2. zip entry times come from the clock, and no option of `Packer` sets them → the entries are
 *    zipped again here, dated 1980-01-01 00:00;
 * 3. relationship ids `rId<nanoid>` (links to the web) are random → renamed here `rIdR1`,
 *    `rIdR2`… in order of first appearance;
 * 4. bookmark ids come from a process-wide counter → docx.ts numbers its bookmarks itself, per
 *    document (and drawing ids too), so nothing is left to do here.
 *
 * Zipping again does not compress again: each entry keeps the DEFLATE data the docx package
 * made, read as stored (fflate's `Unzip` with a pass-through decoder) and written back through
 * fflate's `Zip` with its own size and CRC; only the parts changed here (core.xml, and the parts
 * holding random ids when a document links to the web) are compressed again. The entries are
 * written with data descriptors, as fflate's streaming `Zip` does and as Word itself writes
 * DOCX files (ECMA-376 Part 2, annex B). That costs about half of unzipping and zipping anew.
 *
 * The same pass adds the document's language (`dc:language`) to the core properties: the one
 * property docx has no option for.
 */
import { Unzip, UnzipPassThrough, Zip, ZipDeflate, ZipPassThrough, inflateSync, strFromU8, strToU8 } from "fflate";
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
/** The same, without the global flag: `test` then keeps no position from one call to the next. */
const HAS_RANDOM_REL_ID = new RegExp(RANDOM_REL_ID.source);
const CORE_DATE = /(<dcterms:(created|modified) xsi:type="dcterms:W3CDTF">)[^<]*(<\/dcterms:\2>)/g;
const CORE = "docProps/core.xml";

/**
 * An entry of the docx package's zip as it is stored: its DEFLATE data, not inflated. Registered
 * on fflate's `Unzip` for the DEFLATE method in place of its inflater.
 */
class StoredDeflate extends UnzipPassThrough {
  static override compression = 8;
}

/**
 * A zip entry whose DEFLATE data is already made (by the docx package): fflate's documented way
 * to add data compressed elsewhere — the file's own bytes are pushed (fflate takes their size
 * and CRC), and `process` gives the compressed data in their place.
 */
class Precompressed extends ZipPassThrough {
  constructor(
    filename: string,
    private readonly deflated: Uint8Array<ArrayBuffer>,
  ) {
    super(filename);
    this.compression = StoredDeflate.compression;
    this.mtime = ZIP_MTIME;
  }

  protected override process(_chunk: Uint8Array, final: boolean): void {
    if (final) this.ondata(null, this.deflated, true);
  }
}

interface Entry {
  path: string;
  /** As stored in the docx package's zip, when DEFLATE-compressed there. */
  deflated?: Uint8Array<ArrayBuffer>;
  /** The file's bytes. */
  bytes: Uint8Array;
}

/** The entries of a zip written by the docx package, in its order. */
function entriesOf(docx: Uint8Array): Entry[] {
  const entries: Entry[] = [];
  const unzip = new Unzip((file) => {
    const chunks: Uint8Array[] = [];
    file.ondata = (error, chunk, final) => {
      if (error) throw error;
      chunks.push(chunk);
      if (!final) return;
      const data = Buffer.concat(chunks);
      if (file.compression !== StoredDeflate.compression) {
        entries.push({ path: file.name, bytes: data }); // stored as is (fflate knows no other method)
        return;
      }
      // Inflated into a buffer of the size the zip gives, when it gives one (fflate would
      // otherwise grow a buffer as it goes).
      const bytes = file.originalSize === undefined ? inflateSync(data) : inflateSync(data, { out: new Uint8Array(file.originalSize) });
      entries.push({ path: file.name, deflated: data, bytes });
    };
    file.start();
  });
  unzip.register(StoredDeflate);
  unzip.push(docx, true);
  return entries;
}

/** Renames the random relationship ids `rId<nanoid>` to `rIdR1`, `rIdR2`… in order of first appearance. */
function renameRandomIds(entries: Entry[]): Set<Entry> {
  const changed = new Set<Entry>();
  if (!entries.some((e) => e.path.endsWith(".rels") && HAS_RANDOM_REL_ID.test(strFromU8(e.bytes)))) return changed;
  const ids = new Map<string, string>();
  for (const entry of entries) {
    if (!/\.(xml|rels)$/.test(entry.path)) continue;
    const text = strFromU8(entry.bytes);
    const renamed = text.replace(RANDOM_REL_ID, (id) => {
      let stable = ids.get(id);
      if (stable === undefined) ids.set(id, (stable = `rIdR${ids.size + 1}`));
      return stable;
    });
    if (renamed !== text) {
      entry.bytes = strToU8(renamed);
      changed.add(entry);
    }
  }
  return changed;
}

/** Rewrites a DOCX written by the docx package so that its bytes depend only on its content, `date` and `language`. */
export function makeReproducible(docx: Uint8Array, { date, language }: { date: Date; language: string }): Uint8Array {
  const iso = date.toISOString().replace(/\.\d{3}Z$/, "Z");
  const entries = entriesOf(docx);
  const changed = renameRandomIds(entries);
  for (const entry of entries) {
    if (entry.path !== CORE) continue;
    entry.bytes = strToU8(
      strFromU8(entry.bytes)
        .replace(CORE_DATE, `$1${iso}$3`)
        .replace("</cp:coreProperties>", `<dc:language>${language}</dc:language></cp:coreProperties>`),
    );
    changed.add(entry);
  }
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const entry of entries) {
    // Only what was changed here is compressed again; the rest keeps the docx package's DEFLATE
    // data. Nothing is stored uncompressed: LibreOffice refuses a stored entry with a data descriptor.
    const file = changed.has(entry) || !entry.deflated ? new ZipDeflate(entry.path) : new Precompressed(entry.path, entry.deflated);
    file.mtime = ZIP_MTIME;
    zip.add(file);
    file.push(entry.bytes, true);
  }
  zip.end();
  return Buffer.concat(chunks);
}

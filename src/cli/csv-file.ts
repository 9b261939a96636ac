/**
 * Reading a CSV file as a person saved it: UTF-8 (with or without BOM), UTF-16 with a BOM (Excel's
 * « Texte Unicode »), or Windows-1252 (what French Excel writes for « CSV (séparateur : point-
 * virgule) »). Decoding is strict: bytes that are none of these are refused with the line where
 * they are, never read as « Densit� ».
 *
 * UTF-8 and UTF-16 are checked by Node's `TextDecoder` in fatal mode. Windows-1252 is decoded by
 * iconv-lite: Node 20's `TextDecoder("windows-1252")` reads bytes 0x80–0x9F as C1 controls (as
 * ISO-8859-1 does), which would turn Excel's ’ € œ … into invisible characters.
 */
import { isUtf8 } from "node:buffer";
import { constants } from "node:fs";
import { open } from "node:fs/promises";
import { createRequire } from "node:module";
import { UserError } from "../project/index.js";

export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

/** Far above any indicator file, and above what a project file may hold. */
export const MAX_CSV_BYTES = 4 * 1024 * 1024;

/** How each encoding is named to the user. */
export const ENCODING_NAMES: Record<CsvEncoding, string> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16 (petit-boutiste, avec BOM)",
  "utf-16be": "UTF-16 (gros-boutiste, avec BOM)",
  "windows-1252": "Windows-1252 (Excel en français)",
};

export type Decoded = { text: string; encoding: CsvEncoding } | { line: number; message: string };

const SAVE_AS_UTF8 = "enregistrez-le depuis le tableur en « CSV UTF-8 (délimité par des points-virgules) »";
/** Bytes Windows-1252 leaves undefined. */
const UNDEFINED_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** 1-based line of byte `offset`: line feeds before it, plus one. */
function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** 1-based line of text position `index`. */
const textLine = (text: string, index: number) => text.slice(0, index).split("\n").length;

function decodeUtf16(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be"): Decoded {
  const body = bytes.subarray(2);
  try {
    if (body.length % 2 !== 0) throw new Error("odd length");
    return { text: new TextDecoder(encoding, { fatal: true }).decode(body), encoding };
  } catch {
    const loose = new TextDecoder(encoding).decode(body);
    const at = loose.indexOf("\ufffd");
    return {
      line: at >= 0 ? textLine(loose, at) : textLine(loose, loose.length),
      message: `octets illisibles en ${ENCODING_NAMES[encoding]}, l’encodage que la marque d’ordre (BOM) du fichier annonce : ${SAVE_AS_UTF8}`,
    };
  }
}

/** Lines as byte ranges (line feed excluded). */
function* byteLines(bytes: Uint8Array): Generator<{ line: number; start: number; end: number }> {
  let start = 0;
  let line = 1;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      yield { line, start, end: i };
      start = i + 1;
      line++;
    }
  }
}

/**
 * Windows-1252 when every line that is not UTF-8 reads as Windows-1252 text and no line is UTF-8
 * with accents (a file with both would come out half garbled whichever way it is read).
 */
function decodeLegacy(bytes: Uint8Array): Decoded {
  let firstBad: number | undefined;
  let utf8Accents: number | undefined;
  for (const { line, start, end } of byteLines(bytes)) {
    const slice = bytes.subarray(start, end);
    if (isUtf8(slice)) {
      if (utf8Accents === undefined && slice.some((b) => b >= 0x80)) utf8Accents = line;
      continue;
    }
    firstBad ??= line;
    const notText = slice.findIndex((b) => UNDEFINED_1252.has(b) || (b < 0x20 && b !== 0x09 && b !== 0x0d));
    if (notText >= 0) return { line, message: `octets qui ne sont ni de l’UTF-8 ni du Windows-1252 (fichier binaire ou encodage inconnu) : ${SAVE_AS_UTF8}` };
  }
  if (utf8Accents !== undefined)
    return {
      line: firstBad!,
      message: `le fichier mélange deux encodages (ligne ${utf8Accents} en UTF-8, ligne ${firstBad} en Windows-1252) : ${SAVE_AS_UTF8}`,
    };
  const iconv = createRequire(import.meta.url)("iconv-lite") as { decode(bytes: Buffer, encoding: string): string };
  return { text: iconv.decode(Buffer.from(bytes), "windows-1252"), encoding: "windows-1252" };
}

/** The text of a CSV file's bytes and their encoding, or the line where they cannot be read. */
export function decodeCsv(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, "utf-16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, "utf-16be");
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const nul = body.indexOf(0);
  if (nul >= 0)
    return {
      line: lineOf(body, nul),
      message: `octet nul : fichier binaire, ou UTF-16 sans marque d’ordre des octets (BOM) ; ${SAVE_AS_UTF8}`,
    };
  if (isUtf8(body)) return { text: new TextDecoder("utf-8").decode(body), encoding: "utf-8" };
  if (bom) {
    const bad = [...byteLines(body)].find(({ start, end }) => !isUtf8(body.subarray(start, end)));
    return { line: bad?.line ?? 1, message: `octets illisibles en UTF-8, l’encodage que la marque d’ordre (BOM) du fichier annonce : ${SAVE_AS_UTF8}` };
  }
  return decodeLegacy(body);
}

/**
 * The bytes of the CSV file `path` (or of the workbook, `kind` says which to the user), refused
 * before reading when it is not a regular file (a folder, a device, a pipe) or is too large.
 */
export async function readCsvBytes(path: string, shown: string, kind = "fichier CSV"): Promise<Uint8Array> {
  let handle;
  try {
    // Non-blocking: opening a named pipe must not wait for a writer before it can be refused.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UserError(`${shown} : fichier introuvable.`);
    if (code === "EISDIR") throw new UserError(`${shown} est un dossier, pas un ${kind}.`);
    if (code === "EACCES" || code === "EPERM") throw new UserError(`${shown} : lecture interdite (droits insuffisants).`);
    throw new UserError(`${shown} : lecture impossible (${code}).`);
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new UserError(`${shown} est un dossier, pas un ${kind}.`);
    if (!stat.isFile()) throw new UserError(`${shown} n’est pas un fichier ordinaire (périphérique, tube…) : indiquez un ${kind}.`);
    if (stat.size > MAX_CSV_BYTES)
      throw new UserError(`${shown} : fichier trop volumineux (${Math.ceil(stat.size / 1024 / 1024)} Mio ; ${MAX_CSV_BYTES / 1024 / 1024} Mio au plus pour des indicateurs).`);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

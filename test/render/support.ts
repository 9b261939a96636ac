/** Shared helpers of the render tests: unzip a DOCX, make temporary folders. */
import { strFromU8, unzipSync } from "fflate";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterEach } from "vitest";

/** The text of one part of a DOCX (word/document.xml by default). */
export function docxPart(docx: Uint8Array, part = "word/document.xml"): string {
  const entry = unzipSync(docx)[part];
  if (!entry) throw new Error(`${part} absent du DOCX`);
  return strFromU8(entry);
}

/** The names of every part of a DOCX. */
export function docxParts(docx: Uint8Array): string[] {
  return Object.keys(unzipSync(docx));
}

const created: string[] = [];

/** A fresh temporary folder, removed after the test. */
export async function tempDir(prefix = "cpts-render-"): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(created.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

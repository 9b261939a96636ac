/**
 * PDF from the DOCX, by LibreOffice (`soffice --headless --convert-to pdf`), the only program
 * that lays out a Word document faithfully without Word: the PDF has the sommaire's page
 * numbers (LibreOffice computes the PAGEREF fields), the images, and the document's title and
 * author (the CPTS) taken from the DOCX properties.
 *
 * Each conversion runs with its own LibreOffice profile in a temporary folder (two soffice
 * processes sharing a profile fail, and the user's own LibreOffice is left alone), all the
 * documents of a project in one soffice run (starting it costs seconds), within a time limit.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";

/** Longest time a conversion may take (a first start creates the profile: several seconds). */
const TIMEOUT_MS = 180_000;

/** How to install LibreOffice, for the message given when it is missing. */
export const INSTALL_LIBREOFFICE = [
  "LibreOffice est introuvable\u00a0: les PDF n’ont pas été produits (les autres formats sont écrits).",
  "Installez-le, puis relancez la commande\u00a0:",
  "  - Debian, Ubuntu\u00a0: sudo apt install libreoffice-writer",
  "  - macOS\u00a0: brew install --cask libreoffice (ou https://fr.libreoffice.org/download/)",
  "  - Windows\u00a0: winget install TheDocumentFoundation.LibreOffice (ou https://fr.libreoffice.org/download/)",
  "Si LibreOffice est installé ailleurs, indiquez son programme soffice dans la variable CPTS_SOFFICE.",
].join("\n");

export class PdfError extends Error {
  override readonly name = "PdfError";
}

/** Where LibreOffice's `soffice` is: CPTS_SOFFICE, then the PATH, then its usual places. */
export function findSoffice(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string | undefined {
  const named = env.CPTS_SOFFICE?.trim();
  if (named) return existsSync(named) ? named : undefined;
  const names = platform === "win32" ? ["soffice.exe", "soffice.com"] : ["soffice", "libreoffice"];
  for (const dir of (env.PATH ?? env.Path ?? "").split(delimiter).filter(Boolean)) {
    for (const name of names) if (existsSync(join(dir, name))) return join(dir, name);
  }
  const usual =
    platform === "darwin"
      ? ["/Applications/LibreOffice.app/Contents/MacOS/soffice"]
      : platform === "win32"
        ? [join(env.ProgramFiles ?? "C:\\Program Files", "LibreOffice", "program", "soffice.exe")]
        : [];
  return usual.find((file) => existsSync(file));
}

/**
 * Converts DOCX documents (`name` → bytes) to PDF with `soffice`, in one run. Throws PdfError,
 * in French, when LibreOffice fails, takes too long or leaves a document unconverted.
 */
export async function docxToPdf(soffice: string, documents: ReadonlyMap<string, Uint8Array>, timeoutMs = TIMEOUT_MS): Promise<Map<string, Uint8Array>> {
  const dir = await mkdtemp(join(tmpdir(), "cpts-pdf-"));
  try {
    const inputs = join(dir, "docx");
    const outputs = join(dir, "pdf");
    await mkdir(inputs);
    const files = [...documents.keys()].map((name) => join(inputs, `${name}.docx`));
    await Promise.all([...documents.values()].map((bytes, i) => writeFile(files[i]!, bytes)));
    const args = [`-env:UserInstallation=${pathToFileURL(join(dir, "profil")).href}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", outputs, ...files];
    await new Promise<void>((resolve, reject) => {
      execFile(soffice, args, { timeout: timeoutMs, killSignal: "SIGKILL", windowsHide: true }, (error, _stdout, stderr) => {
        if (!error) return resolve();
        const why = (error as { killed?: boolean }).killed ? `arrêté après ${Math.round(timeoutMs / 1000)}\u00a0s` : String(stderr).trim() || error.message;
        reject(new PdfError(`la conversion en PDF par LibreOffice (${soffice}) a échoué\u00a0: ${why}`));
      });
    });
    const out = new Map<string, Uint8Array>();
    for (const name of documents.keys()) {
      const pdf = await readFile(join(outputs, `${name}.pdf`)).catch(() => undefined);
      if (!pdf) throw new PdfError(`LibreOffice (${soffice}) n’a pas produit ${name}.pdf`);
      out.set(name, new Uint8Array(pdf));
    }
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

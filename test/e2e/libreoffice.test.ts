import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { EXAMPLES, runCli, tempDir } from "../helpers.js";

/**
 * Every document of the Bergerac example opens in LibreOffice: each DOCX is converted headless
 * to PDF and its text is read back with pdftotext. `.ci/run` installs LibreOffice and poppler
 * when they are missing, so this test runs (and must pass) in CI.
 */
const texts: Record<string, string> = {};
const flat = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, " ");

beforeAll(async () => {
  const dir = tempDir();
  const out = join(dir, "documents");
  const r = await runCli(["generer", join(EXAMPLES, "bergerac", "cpts.yaml"), "--sortie", out]);
  expect(r.code, r.stdout + r.stderr).toBe(0);
  const docx = readdirSync(out).filter((f) => f.endsWith(".docx"));
  expect(docx.sort()).toEqual(["diagnostic.docx", "lettre-intention.docx", "projet-sante.docx", "pv-ag-constitutive.docx", "statuts.docx"]);
  execFileSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", join(dir, "pdf"), ...docx.map((f) => join(out, f))], {
    stdio: "ignore",
    timeout: 240_000,
    env: { ...process.env, HOME: dir },
  });
  for (const f of docx) {
    const pdf = join(dir, "pdf", f.replace(/\.docx$/, ".pdf"));
    texts[f.replace(/\.docx$/, "")] = flat(execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }));
  }
}, 300_000);

describe("the Bergerac documents in LibreOffice", () => {
  it("each opens and names the CPTS", () => {
    for (const [id, text] of Object.entries(texts)) expect(text, id).toContain("CPTS du Pôle de Santé de Bergerac");
  });

  it("state the territory computed from official data", () => {
    for (const id of ["lettre-intention", "projet-sante", "diagnostic"]) {
      expect(texts[id], id).toContain("38 communes");
      expect(texts[id], id).toContain("61 915 habitants");
    }
    expect(texts["lettre-intention"]).toContain("ARS Nouvelle-Aquitaine");
    expect(texts["lettre-intention"]).toContain("Délégation départementale de la Dordogne");
  });

  it("describe each socle mission in the projet de santé", () => {
    for (const label of ["Accès aux soins", "Parcours pluriprofessionnels autour du patient", "Prévention", "Réponse aux crises sanitaires graves"])
      expect(texts["projet-sante"]).toContain(label);
  });

  it("give the statuts their articles and the PV its list of dirigeants", () => {
    for (const title of ["Dénomination", "Objet", "Siège", "Durée", "Cotisation", "Conseil d’administration", "Bureau", "Dissolution"])
      expect(texts.statuts).toMatch(new RegExp(`Article \\d+ — [^\\n]*${title}`));
    expect(texts["pv-ag-constitutive"]).toMatch(/procès-verbal/i);
    expect(texts["pv-ag-constitutive"]).toContain("Élodie Castaing");
    expect(texts["pv-ag-constitutive"]).not.toMatch(/né[e]? le/);
  });

  it("carry page numbers in the footer", () => {
    expect(texts["projet-sante"]).toMatch(/Page 2 sur \d+/);
  });
});

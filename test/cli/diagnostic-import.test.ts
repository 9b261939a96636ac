/**
 * `cpts diagnostic importer` on the files people really have: saved by French Excel
 * (Windows-1252), as « Texte Unicode » (UTF-16 with a BOM), half re-encoded, binary; a header
 * alone; indicators the project already has, with a comment written by hand.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { run } from "../../src/cli/main.js";
import { expectClean, sha256 } from "../bad-inputs.js";
import { memoryIo, ROOT, tempDir } from "../helpers.js";

const HEADER = "indicateur;valeur;unite;annee;source;territoire_de_reference";
const MINIMAL = join(ROOT, "examples", "minimal", "cpts.yaml");

/** A project whose indicator carries a hand-written comment, theme, references and a YAML comment. */
const WITH_INDICATOR = readFileSync(MINIMAL, "utf8").replace(
  "  indicateurs: []\n",
  [
    "  indicateurs:",
    "    # Chiffre relu avec l’ARS le 3 mars.",
    "    - libelle: Densité de médecins généralistes",
    "      valeur: 8.1",
    "      unite: pour 10 000 habitants",
    "      annee: 2022",
    "      source: Rézone CPTS",
    "      theme: offre_de_soins",
    "      commentaire: En baisse depuis 2018, écrit à la main.",
    "      references:",
    "        departement: 9.2",
    "        france: 8.9",
    "",
  ].join("\n"),
);

function project(text = readFileSync(MINIMAL, "utf8")): { dir: string; file: string } {
  const dir = tempDir();
  const file = join(dir, "cpts.yaml");
  writeFileSync(file, text);
  return { dir, file };
}

async function importCsv(dir: string, csv: string | Uint8Array, extra: string[] = []) {
  writeFileSync(join(dir, "i.csv"), csv);
  const io = memoryIo(dir);
  const code = await run(["diagnostic", "importer", "i.csv", ...extra], io);
  return { code, out: io.out, err: io.err, all: `${io.out}${io.err}` };
}

const indicators = (file: string) => (parse(readFileSync(file, "utf8")) as { diagnostic: { indicateurs: Record<string, unknown>[] } }).diagnostic.indicateurs;

/** Windows-1252 bytes of `text` (é, ’, œ, € and the other characters French Excel writes). */
function cp1252(text: string): Buffer {
  const table: Record<string, number> = { "€": 0x80, "’": 0x92, "œ": 0x9c, "…": 0x85 };
  return Buffer.from([...text].map((ch) => table[ch] ?? ch.charCodeAt(0)));
}

describe("encodings", () => {
  it("a file saved by French Excel (Windows-1252) is recognised, converted, and the output says so", async () => {
    const { dir, file } = project();
    const csv = cp1252(`${HEADER}\r\nDensité d’infirmiers (cœur de ville);12,5;€ par habitant;2024;Observatoire régional;\r\n`);
    const r = await importCsv(dir, csv);
    expectClean({ code: r.code, out: r.all }, [0]);
    expect(r.out).toContain("i.csv est encodé en Windows-1252 (Excel en français)\u00a0: converti en UTF-8");
    expect(indicators(file)).toEqual([{ libelle: "Densité d’infirmiers (cœur de ville)", valeur: 12.5, unite: "€ par habitant", annee: 2024, source: "Observatoire régional" }]);
  });

  it.each([
    ["utf-16le", Buffer.from([0xff, 0xfe])],
    ["utf-16be", Buffer.from([0xfe, 0xff])],
  ] as const)("UTF-16 with a BOM (%s)", async (encoding, bom) => {
    const { dir, file } = project();
    const text = `${HEADER}\r\nPart des 75 ans et plus;12,4;%;2021;INSEE, récensement;\r\n`;
    let body = Buffer.from(text, "utf16le");
    if (encoding === "utf-16be") body = Buffer.from(body).swap16();
    const r = await importCsv(dir, Buffer.concat([bom, body]), ["--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ valide: true, encodage: encoding, ajoutes: 1 });
    expect(indicators(file)[0]).toMatchObject({ libelle: "Part des 75 ans et plus", source: "INSEE, récensement" });
  });

  it.each([
    ["UTF-8 and Windows-1252 mixed", Buffer.concat([Buffer.from(`${HEADER}\nDensité;1;%;2021;X;\n`), cp1252("Ménages;2;%;2021;X;\n")]), 3, /mélange deux encodages \(ligne 2 en UTF-8, ligne 3 en Windows-1252\)/],
    ["binary bytes on line 3", Buffer.concat([Buffer.from(`${HEADER}\nA;1;%;2021;X;\n`), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x1a, 0x81, 0xff])]), 3, /ni de l’UTF-8 ni du Windows-1252/],
    ["UTF-16 without a BOM", Buffer.from(`${HEADER}\nA;1;%;2021;X;\n`, "utf16le"), 1, /octet nul\u00a0: fichier binaire, ou UTF-16 sans marque d’ordre/],
    ["UTF-8 with a BOM, then a bad byte", Buffer.concat([Buffer.from(`\ufeff${HEADER}\nA;1;%;2021;X;\nB;2;%;2021;`), Buffer.from([0xe9]), Buffer.from(";\n")]), 3, /octets illisibles en UTF-8/],
    ["UTF-16 with a BOM and a lone surrogate", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEADER}\nA;1;%;2021;X`, "utf16le"), Buffer.from([0x00, 0xd8]), Buffer.from(";\n", "utf16le")]), 2, /octets illisibles en UTF-16/],
  ])("%s: refused with the line, nothing written", async (_name, bytes, line, message) => {
    const { dir, file } = project();
    const before = sha256(file);
    const r = await importCsv(dir, bytes);
    expectClean({ code: r.code, out: r.all }, [1]);
    expect(r.err).toMatch(new RegExp(`i\\.csv:${line}\\u00a0: `));
    expect(r.err).toMatch(message);
    expect(r.all).not.toContain("\ufffd");
    expect(sha256(file)).toBe(before);
  });
});

describe("what the import changes", () => {
  it("a header alone changes nothing: no rewrite, the existing .bak kept", async () => {
    const { dir, file } = project();
    writeFileSync(`${file}.bak`, "version précédente\n");
    const before = sha256(file);
    const r = await importCsv(dir, `${HEADER}\r\n;;;;;\r\n`);
    expectClean({ code: r.code, out: r.all }, [0]);
    expect(r.out).toMatch(/Aucun indicateur dans i\.csv \(seulement l’en-tête\)\u00a0: cpts\.yaml n’a pas été modifié/);
    expect(sha256(file)).toBe(before);
    expect(readFileSync(`${file}.bak`, "utf8")).toBe("version précédente\n");
  });

  it("an indicator already there: merged, the hand-written comment, theme and references kept, the changes listed", async () => {
    const { dir, file } = project(WITH_INDICATOR);
    const csv = [HEADER, "Densite de medecins generalistes;7,9;;2023;Rézone CPTS;", "Densité de médecins généralistes;9;;2023;Rézone CPTS;departement", "Part des 75 ans et plus;12,4;%;2021;INSEE;"].join("\n");
    const r = await importCsv(dir, csv);
    expectClean({ code: r.code, out: r.all }, [0]);
    expect(r.out).toContain("2\u00a0indicateurs lus dans i.csv\u00a0: 1\u00a0ajouté, 1\u00a0mis à jour, 0\u00a0inchangé.");
    expect(r.out).toContain("  + Part des 75 ans et plus (ligne 4)");
    expect(r.out).toContain("  ~ Densité de médecins généralistes (ligne 2)\u00a0: valeur 8,1 → 7,9\u00a0; année 2022 → 2023\u00a0; référence département 9,2 → 9");
    const [merged] = indicators(file);
    expect(merged).toEqual({
      libelle: "Densité de médecins généralistes",
      valeur: 7.9,
      unite: "pour 10 000 habitants",
      annee: 2023,
      source: "Rézone CPTS",
      theme: "offre_de_soins",
      commentaire: "En baisse depuis 2018, écrit à la main.",
      references: { departement: 9, france: 8.9 },
    });
    expect(readFileSync(file, "utf8")).toContain("# Chiffre relu avec l’ARS le 3 mars.");
  });

  it("the same file imported twice: the second time writes nothing", async () => {
    const { dir, file } = project(WITH_INDICATOR);
    const csv = `${HEADER}\nPart des 75 ans et plus;12,4;%;2021;INSEE;\n`;
    expect((await importCsv(dir, csv)).code).toBe(0);
    const after = sha256(file);
    const bak = sha256(`${file}.bak`);
    const r = await importCsv(dir, csv, ["--json"]);
    expect(JSON.parse(r.out)).toMatchObject({ valide: true, ajoutes: 0, mis_a_jour: 0, inchanges: 1, modifie: false });
    expect(sha256(file)).toBe(after);
    expect(sha256(`${file}.bak`)).toBe(bak);
  });

  it("two comparison rows for the same indicator and level: refused with both lines", async () => {
    const { dir, file } = project();
    const before = sha256(file);
    const r = await importCsv(dir, [HEADER, "A;12;%;2021;INSEE;", "A;11;%;2021;INSEE;departement", "A;10;%;2021;INSEE;departement"].join("\n"));
    expectClean({ code: r.code, out: r.all }, [1]);
    expect(r.err).toContain("i.csv:4 colonne territoire_de_reference\u00a0: deux valeurs pour le département pour «\u00a0A\u00a0» (lignes 3 et 4)");
    expect(sha256(file)).toBe(before);
    expect(existsSync(`${file}.bak`)).toBe(false);
  });

  it("an unclosed quote, an overflowing number: the line and the real cause", async () => {
    const { dir } = project();
    const quote = await importCsv(dir, [HEADER, "A;12;%;2021;INSEE;", 'B;1;%;2021;"INSEE;', "C;1;%;2021;X;"].join("\n"));
    expectClean({ code: quote.code, out: quote.all }, [1]);
    expect(quote.err).toMatch(/i\.csv:3\u00a0: guillemet ouvert dans cette ligne et jamais refermé/);
    const big = await importCsv(dir, [HEADER, `A;${"9".repeat(320)};%;2021;INSEE;`].join("\n"));
    expectClean({ code: big.code, out: big.all }, [1]);
    expect(big.err).toMatch(/i\.csv:2 colonne valeur\u00a0: nombre trop grand/);
  });

  it("an escape sequence in a cell: refused with the line, never echoed", async () => {
    const { dir, file } = project();
    const before = sha256(file);
    const r = await importCsv(dir, [HEADER, "A;12;%;2021;INSEE;", "B\u001b[2J;1;%;2021;X;"].join("\n"));
    expectClean({ code: r.code, out: r.all }, [1]);
    expect(r.err).toMatch(/i\.csv:3 colonne indicateur\u00a0: caractère de contrôle U\+001B/);
    // An escape sequence holding « ; » breaks the row: the control character is still the cause given.
    const osc = await importCsv(dir, [HEADER, "A;12;%;2021;INSEE;", "B\u001b]0;pirate\u0007;1;%;2021;X;"].join("\n"));
    expectClean({ code: osc.code, out: osc.all }, [1]);
    expect(osc.err).toMatch(/i\.csv:3\u00a0: caractère de contrôle U\+001B/);
    expect(osc.err).not.toMatch(/cellules au lieu de/);
    for (const out of [r.all, osc.all]) expect(out).not.toMatch(/[\u0007\u001b]/);
    expect(sha256(file)).toBe(before);
  });
});

describe("files that are not CSV files", () => {
  it("a device: refused before reading", async () => {
    const { dir } = project();
    const io = memoryIo(dir);
    const code = await run(["diagnostic", "importer", "/dev/zero"], io);
    expectClean({ code, out: `${io.out}${io.err}` }, [2]);
    expect(io.err).toMatch(/\/dev\/zero n’est pas un fichier ordinaire/);
  });
});

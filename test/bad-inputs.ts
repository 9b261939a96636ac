/**
 * The broken project files of test/fixtures/bad/, what `cpts valider` must say about each, and
 * what every answer of cpts to a broken or hostile input must respect. Shared by the battery run
 * in-process (test/cli/bad-inputs.test.ts) and the cases run through the real binary
 * (test/e2e/bad-inputs.test.ts).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { ROOT } from "./helpers.js";

export const FIXTURES = join(ROOT, "test", "fixtures", "bad");
export const STACK = /^\s+at .+|node:internal/m;
/**
 * C0 controls other than tab and newline, DEL, C1 controls (CSI starts escape sequences too),
 * bidirectional overrides and isolates, the replacement character of undecodable bytes, and lone
 * surrogates (what an undecodable byte becomes in a string that never left the process).
 */
export const RAW_CONTROL =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffd]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export interface Result {
  code: number;
  /** Standard output, then standard error. */
  out: string;
}

export const sha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

/** What every answer of the tool must respect, whatever the input. */
export function expectClean(r: Result, codes: readonly number[]) {
  expect(r.out, "erreur interne").not.toMatch(/Erreur interne/);
  expect(r.out, "trace de pile").not.toMatch(STACK);
  expect(codes, `code ${r.code}\n${r.out.slice(0, 2000)}`).toContain(r.code);
  expect(r.out.match(RAW_CONTROL)?.[0], "caractère de contrôle brut dans la sortie").toBeUndefined();
}

/**
 * A PNG header and pseudo-random bytes without line breaks or YAML punctuation: YAML reads them
 * as one value, which a careless message would print back to the terminal as is.
 */
export function binaryBytes(): Buffer {
  let seed = 42;
  const bytes = Buffer.alloc(4096, 0).map(() => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const b = (seed >> 16) & 0xff;
    return "\n\r:#-[]{}'\"&*!|>%@`,?".includes(String.fromCharCode(b)) ? 0x01 : b;
  });
  return Buffer.concat([Buffer.from("\x89PNG", "latin1"), bytes]);
}

export interface Case {
  /** Fixture in test/fixtures/bad/, copied as cpts.yaml. */
  fixture: string;
  codes: readonly number[];
  message: RegExp;
  /** Places that must be named: `cpts.yaml:ligne:colonne` and/or field paths. */
  where?: string[];
  args?: string[];
}

export const VALIDER: Case[] = [
  { fixture: "yaml-guillemet-non-ferme.yaml", codes: [1], message: /guillemet.*n’est pas refermé/, where: ["cpts.yaml:5:1"] },
  { fixture: "yaml-crochet-non-ferme.yaml", codes: [1], message: /indentation incorrecte|crochet/, where: ["cpts.yaml:6:1"] },
  { fixture: "yaml-accolade-non-fermee.yaml", codes: [1], message: /indentation incorrecte|accolade/, where: ["cpts.yaml:8:1"] },
  { fixture: "yaml-indentation.yaml", codes: [1], message: /indentation ou deux-points incorrects/, where: ["cpts.yaml:3:8"] },
  { fixture: "yaml-deux-points-manquant.yaml", codes: [1], message: /il manque probablement un «\u00a0:\u00a0»/, where: ["cpts.yaml:2:1"] },
  { fixture: "yaml-deux-points-dans-valeur.yaml", codes: [1], message: /deux-points incorrects/, where: ["cpts.yaml:6:11"] },
  { fixture: "yaml-plusieurs-documents.yaml", codes: [1], message: /plusieurs documents YAML/, where: ["cpts.yaml:4:1"] },
  // `*porteurs_communs` names no anchor: the message must say so, not speak of too many aliases.
  { fixture: "yaml-alias-inconnu.yaml", codes: [1], message: /ancre.*n’existe pas/, where: ["cpts.yaml:4:11"] },
  { fixture: "yaml-echappement-invalide.yaml", codes: [1], message: /séquence d’échappement invalide/, where: ["cpts.yaml:3:11"] },
  { fixture: "yaml-etiquette-inconnue.yaml", codes: [1], message: /étiquette YAML \(!!…\) non reconnue[^]*un texte attendu|un texte attendu[^]*étiquette YAML/, where: ["cpts.yaml:3:8", "cpts.nom"] },
  { fixture: "tabulation-indentation.yaml", codes: [1], message: /tabulation dans l’indentation/, where: ["cpts.yaml:3:1"] },
  { fixture: "tabulation-dans-valeur.yaml", codes: [0], message: /cpts\.yaml est valide/ },
  { fixture: "cle-en-double.yaml", codes: [1], message: /clé en double/, where: ["cpts.yaml:4:1"] },
  { fixture: "cle-en-double-imbriquee.yaml", codes: [1], message: /clé en double/, where: ["cpts.yaml:7:5"] },
  {
    fixture: "types-partout.yaml",
    codes: [1],
    message: /9\u00a0erreurs dans cpts\.yaml/,
    where: [
      "cpts.yaml:1:10 version",
      "cpts.yaml:3:8 cpts.nom",
      "cpts.date_creation",
      "porteurs",
      "territoire.communes",
      "missions",
      "association.reglement_interieur",
      "association.cotisation.montant",
      "calendrier",
    ],
  },
  { fixture: "type-liste-au-lieu-de-section.yaml", codes: [1], message: /une section .* attendu, trouvé une liste/, where: ["cpts.yaml:2:7 cpts"] },
  { fixture: "type-nombre-code-postal.yaml", codes: [1], message: /code postal attendu.*«\u00a001000\u00a0».*guillemets/, where: ["cpts.yaml:8:18 association.siege.code_postal"] },
  { fixture: "racine-scalaire.yaml", codes: [1], message: /une section .* attendu, trouvé «\u00a0CPTS du Val\u00a0»/, where: ["cpts.yaml:1:1"] },
  { fixture: "champ-inconnu-racine.yaml", codes: [1], message: /vouliez-vous dire `porteurs`/, where: ["cpts.yaml:4:1 porteur"] },
  { fixture: "champ-inconnu-imbrique.yaml", codes: [1], message: /vouliez-vous dire `sigle`/, where: ["cpts.yaml:4:3 cpts.sigel"] },
  { fixture: "insee-inconnu.yaml", codes: [1], message: /Code INSEE inconnu «\s?24999\s?»/, where: ["cpts.yaml:5:23 territoire.communes[1]"] },
  { fixture: "insee-mal-forme.yaml", codes: [1], message: /code INSEE attendu.*«\u00a02C004\u00a0»/, where: ["cpts.yaml:5:14 territoire.communes[0]"] },
  { fixture: "epci-inconnu.yaml", codes: [1], message: /SIREN inconnu «\s?200000000\s?»/, where: ["cpts.yaml:5:10 territoire.epci[0]"] },
  { fixture: "vide.yaml", codes: [1], message: /le fichier est vide/, where: ["cpts.yaml:1:1"] },
  { fixture: "commentaires-seuls.yaml", codes: [1], message: /le fichier est vide/, where: ["cpts.yaml:1:1"] },
  { fixture: "alias-bombe.yaml", codes: [1], message: /trop d’alias YAML/, where: ["cpts.yaml:5:10"] },
  { fixture: "proto.yaml", codes: [1], message: /champ inconnu «\u00a0__proto__\u00a0»/, where: ["cpts.yaml:4:1 __proto__", "cpts.yaml:8:5 porteurs[0].__proto__"] },
  { fixture: "constructor.yaml", codes: [1], message: /champ inconnu «\u00a0constructor\u00a0»/, where: ["cpts.yaml:4:3 cpts.constructor"] },
  { fixture: "proto-categorie-acteurs.yaml", codes: [1], message: /«\u00a0__proto__\u00a0»/, where: ["cpts.yaml:6:5 acteurs.engages.__proto__"] },
  { fixture: "date-impossible.yaml", codes: [1], message: /date réelle attendue.*«\u00a02026-02-30\u00a0»/, where: ["cpts.yaml:5:18 calendrier.signature_aci"] },
  { fixture: "date-mois-13.yaml", codes: [1], message: /date réelle attendue.*«\u00a02026-13-01\u00a0»/, where: ["cpts.yaml:5:20 calendrier.ag_constitutive"] },
  { fixture: "population-negative.yaml", codes: [1], message: /supérieur ou égal à 0 attendu/, where: ["cpts.yaml:6:13 territoire.population.valeur"] },
  { fixture: "nombre-infini.yaml", codes: [1], message: /un nombre attendu, trouvé «\u00a0\.inf\u00a0»/, where: ["cpts.yaml:7:16 financement.autres[0].montant"] },
  { fixture: "presents-negatif.yaml", codes: [1], message: /supérieur ou égal à 0 attendu/, where: ["cpts.yaml:7:15 association.ag_constitutive.presents"] },
  // Control characters cannot be printed in a DOCX (XML forbids them) and would drive the
  // terminal when echoed: they must be refused with their place, never passed through.
  { fixture: "controle-brut.yaml", codes: [1], message: /caractère de contrôle/, where: ["cpts.nom"] },
  { fixture: "controle-echappe.yaml", codes: [1], message: /caractère de contrôle/, where: ["cpts.nom"] },
  { fixture: "version-future.yaml", codes: [2], message: /format 9, plus récent.*Mettez cpts à jour/ },
  { fixture: "version-texte.yaml", codes: [1], message: /un nombre entier attendu/, where: ["cpts.yaml:1:10 version"] },
  { fixture: "bom.yaml", codes: [0], message: /cpts\.yaml est valide/ },
  { fixture: "crlf.yaml", codes: [0], message: /cpts\.yaml est valide/ },
  // Valid; its layout (BOM, CRLF, folded and literal texts, comments) must survive a save.
  { fixture: "mise-en-forme.yaml", codes: [0], message: /cpts\.yaml est valide/ },
  { fixture: "utf16.yaml", codes: [1, 2], message: /UTF-8/ },
  // Text from the file quoted in a message: its escape sequences shown as codes, never sent raw.
  { fixture: "terminal-cle-echappement.yaml", codes: [1], message: /champ inconnu «\u00a0\\u001b\[31mrouge\\u001b\]0;titre\\u0007\\u009b2J\u00a0»/, where: ["cpts.yaml:4:3"] },
  { fixture: "terminal-bidi.yaml", codes: [0], message: /CPTS \\u202eeniarepus\\u202c du Val/, args: ["etat", "cpts.yaml", "--date", "2026-01-15"] },
];

/** A CSV file of test/fixtures/bad/ given to `cpts diagnostic importer`. */
export interface CsvCase {
  fixture: string;
  codes: readonly number[];
  message: RegExp;
  /** Whether the project file may change (a valid import that adds something). */
  writes: boolean;
}

export const IMPORTER: CsvCase[] = [
  { fixture: "csv-guillemet-non-ferme.csv", codes: [1], message: /csv-guillemet-non-ferme\.csv:3\u00a0: guillemet ouvert dans cette ligne et jamais refermé/, writes: false },
  { fixture: "csv-echappement.csv", codes: [1], message: /csv-echappement\.csv:3\u00a0: caractère de contrôle U\+001B/, writes: false },
  { fixture: "csv-reference-en-double.csv", codes: [1], message: /csv-reference-en-double\.csv:4 colonne territoire_de_reference\u00a0: deux valeurs pour le département .*\(lignes 3 et 4\)/, writes: false },
  { fixture: "csv-nombre-geant.csv", codes: [1], message: /csv-nombre-geant\.csv:2 colonne valeur\u00a0: nombre trop grand/, writes: false },
  { fixture: "csv-encodages-melanges.csv", codes: [1], message: /csv-encodages-melanges\.csv:3\u00a0: le fichier mélange deux encodages/, writes: false },
  { fixture: "csv-utf16-sans-bom.csv", codes: [1], message: /csv-utf16-sans-bom\.csv:1\u00a0: octet nul/, writes: false },
  { fixture: "csv-en-tete-seul.csv", codes: [0], message: /Aucun indicateur dans csv-en-tete-seul\.csv \(seulement l’en-tête\)\u00a0: cpts\.yaml n’a pas été modifié/, writes: false },
  { fixture: "csv-windows-1252.csv", codes: [0], message: /encodé en Windows-1252 \(Excel en français\)[^]*\+ Coût moyen d’un passage aux urgences/, writes: true },
  { fixture: "csv-utf16-bom.csv", codes: [0], message: /encodé en UTF-16 \(petit-boutiste, avec BOM\)[^]*\+ Part des 75 ans et plus/, writes: true },
];

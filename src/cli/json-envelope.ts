/**
 * The one form of every `--json` output, version 1, described by schemas/cpts-sortie.schema.json
 * (`cpts schema --sortie`):
 *
 *     { "version": 1, "commande": "valider", "fichier": "cpts.yaml", "valide": true,
 *       "documents": { "statuts": { … } }, "constats": [ … ], …keys of the command }
 *
 * `valide` is false exactly when the command ends with exit code 1 (the project has errors, a
 * document was refused, a required document is not ready). Keys are French and come in one
 * order: the common ones first as above, then the command's own in alphabetical order, and
 * inside every object in alphabetical order; arrays keep their order. The same input gives the
 * same bytes. A change that removes or renames a key, or changes its meaning, takes a new version.
 */
import { join } from "node:path";
import { documentGaps, type DocumentReadiness } from "../domain/index.js";
import { PACKAGE_ROOT, type Finding, type Severity } from "../project/index.js";
import { sortFindings } from "./findings-output.js";

export const ENVELOPE_VERSION = 1;

/** The schema of the envelope, shipped with the package. */
export const OUTPUT_SCHEMA_PATH = join(PACKAGE_ROOT, "schemas", "cpts-sortie.schema.json");

export const JSON_COMMANDS = ["valider", "etat", "generer", "territoire", "financement", "diagnostic importer"] as const;
export type JsonCommand = (typeof JSON_COMMANDS)[number];

/** The command of a `--json` output, or null for one without such output. */
export function jsonCommand(name: string): JsonCommand | null {
  return (JSON_COMMANDS as readonly string[]).includes(name) ? (name as JsonCommand) : null;
}

/** A finding, for machines. */
export interface Constat {
  /** Dotted path of the field concerned; empty for the whole file. */
  chemin: string;
  code: string;
  colonne: number | null;
  document: string | null;
  fichier: string | null;
  gravite: Severity;
  ligne: number | null;
  message: string;
}

/** Where a document of the project stands. */
export interface DocumentEntry {
  titre: string;
  etat: DocumentReadiness["etat"];
  pret: boolean;
  /** Points that block the document. */
  bloquants: number;
  /** Points advised, that do not block it. */
  conseils: number;
}

export interface EnvelopeHead {
  fichier: string | null;
  valide: boolean;
  documents?: Record<string, DocumentEntry>;
  constats?: readonly Finding[];
}

const HEAD_KEYS = new Set(["version", "commande", "fichier", "valide", "documents", "constats"]);

export function constats(findings: readonly Finding[]): Constat[] {
  return sortFindings(findings).map((f) => ({
    chemin: f.path,
    code: f.code,
    colonne: f.column ?? null,
    document: f.document ?? null,
    fichier: f.file ?? null,
    gravite: f.severity,
    ligne: f.line ?? null,
    message: f.message,
  }));
}

/** The documents of a project by identifier, with what each still needs. */
export function documentEntries(documents: readonly DocumentReadiness[]): Record<string, DocumentEntry> {
  const entries: Record<string, DocumentEntry> = {};
  for (const d of documents) {
    const gaps = documentGaps(d);
    entries[d.document] = { titre: d.titre, etat: d.etat, pret: gaps.pret, bloquants: gaps.bloquants.length, conseils: gaps.conseils.length };
  }
  return entries;
}

/** A copy of `value` with the keys of every object in alphabetical order and `undefined` left out. */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = sorted(v);
  }
  return out;
}

/** The envelope as the text a command prints: two-space indentation, final newline. */
export function envelope(commande: JsonCommand | null, head: EnvelopeHead, own: Record<string, unknown> = {}): string {
  const clash = Object.keys(own).find((k) => HEAD_KEYS.has(k));
  if (clash) throw new Error(`clé « ${clash} » réservée à l’enveloppe`);
  const data = {
    version: ENVELOPE_VERSION,
    commande,
    fichier: head.fichier,
    valide: head.valide,
    documents: sorted(head.documents ?? {}),
    constats: sorted(constats(head.constats ?? [])),
    ...(sorted(own) as object),
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}

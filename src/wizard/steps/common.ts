/** Small helpers shared by the steps: how people and items are named in lists. */
import { genreOf, personName as fullName, professionForm } from "../../domain/index.js";
import { NBSP } from "../../french/index.js";
import type { Project } from "../../project/index.js";
import type { FieldSpec } from "../ask.js";
import { getAt, type Path } from "../path.js";

const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

/** « Mme Claire Martin », « Dre Nadia Benhamou », « Martin », or « (sans nom) ». */
export function personName(p: Record<string, unknown>): string {
  const person = { civilite: str(p.civilite), titre: str(p.titre), prenom: str(p.prenom), nom: str(p.nom) };
  // Terminals show U+00A0 as a space; the documents keep it.
  const named = fullName(person)?.replaceAll(NBSP, " ");
  return named ?? ([person.civilite, person.titre, person.prenom, person.nom].filter(Boolean).join(" ") || "(sans nom)");
}

/** « Mme Claire Martin (infirmière) ». */
export function personLabel(p: Record<string, unknown>): string {
  const job = typeof p.profession === "string" ? professionForm(p.profession, genreOf(str(p.civilite)), { minuscule: true }) : "";
  return job ? `${personName(p)} (${job})` : personName(p);
}

/** Professions whose members usually carry the title « Dr ». */
const DOCTORS = new Set(["medecin_generaliste", "medecin_specialiste", "chirurgien_dentiste", "pharmacien", "biologiste"]);

/** Asked only for the professions that carry a title, after the civilité. */
export const titleField: FieldSpec = {
  path: "titre",
  when: (project: Project, path: Path) => {
    const person = getAt(project, path.slice(0, -1)) as Record<string, unknown> | undefined;
    return DOCTORS.has(String(person?.profession));
  },
  hint: "« Dr » pour une personne titulaire d’un doctorat d’exercice ; les documents écrivent « Dre » pour une femme.",
};

/** A text field of an item, or a placeholder. */
export function text(value: unknown, fallback = "(sans intitulé)"): string {
  return typeof value === "string" && value.trim() !== "" ? value : fallback;
}

/** `20h30`, `20 h 30`, `20h` → `20:30`, `20:00`; anything else is kept for the schema to judge. */
export function parseTime(input: string): string {
  const m = /^([0-2]?\d)\s*[h:]\s*([0-5]\d)?$/i.exec(input.trim());
  if (!m) return input.trim();
  return `${m[1]!.padStart(2, "0")}:${m[2] ?? "00"}`;
}

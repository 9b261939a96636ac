/** Small helpers shared by the steps: how people and items are named in lists. */
import { professionLabel } from "../../domain/index.js";

/** « Mme Claire Martin », « Dr Martin », or « (sans nom) ». */
export function personName(p: Record<string, unknown>): string {
  const name = [p.civilite, p.prenom, p.nom].filter((x) => typeof x === "string" && x !== "").join(" ");
  return name || "(sans nom)";
}

/** « Mme Claire Martin (infirmier) ». */
export function personLabel(p: Record<string, unknown>): string {
  const job = typeof p.profession === "string" ? professionLabel(p.profession).toLowerCase() : "";
  return job ? `${personName(p)} (${job})` : personName(p);
}

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

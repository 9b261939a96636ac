/**
 * The schema's lists of professions, missions and actor categories come from the data files
 * in `src/domain/data/`: this fills them in, so the two cannot drift. Run after editing a data
 * file: `npm run build && node dist/build/sync-schema.js` (a test fails while they differ).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ACTOR_CATEGORIES, MISSIONS, MISSION_COMPONENTS, PROFESSIONS } from "../domain/index.js";
import { SCHEMA_PATH } from "../project/index.js";

type Json = Record<string, any>;

export function syncSchema(schema: Json): Json {
  const out = structuredClone(schema);
  const defs = out.$defs as Json;
  defs.profession.enum = PROFESSIONS.map((p) => p.code);
  defs.profession.description =
    "Code de la profession : " + PROFESSIONS.map((p) => `${p.code} (${p.libelle})`).join(", ") + ".";
  defs.code_mission.enum = MISSIONS.map((m) => m.code);
  defs.code_mission.description =
    "Code d’une des six missions de l’ACI : " +
    MISSIONS.map((m) => `${m.code} (${m.libelle}, ${m.socle ? "socle" : "optionnelle"})`).join(", ") +
    ".";
  defs.composante_mission.enum = MISSION_COMPONENTS.map((c) => c.code);
  defs.composante_mission.description =
    "Code d’une composante attendue d’une mission de l’ACI : " +
    MISSIONS.map(
      (m) =>
        `${m.code} : ` +
        MISSION_COMPONENTS.filter((c) => c.mission === m.code)
          .map((c) => `${c.code} (${c.libelle})`)
          .join(", "),
    ).join(" ; ") +
    ".";
  defs.categorie_acteur.enum = ACTOR_CATEGORIES.map((c) => c.code);
  defs.categorie_acteur.description =
    "Code d’une catégorie d’acteurs : " + ACTOR_CATEGORIES.map((c) => `${c.code} (${c.libelle})`).join(", ") + ".";
  const byCategory = defs.acteurs_par_categorie as Json;
  byCategory.properties = Object.fromEntries(
    ACTOR_CATEGORIES.map((c) => [
      c.code,
      c.code === "liberaux"
        ? {
            type: "array",
            title: c.libelle,
            description: `${c.description} : une ligne par profession avec le nombre de professionnels.`,
            items: { $ref: "#/$defs/effectif" },
          }
        : { type: "array", title: c.libelle, description: `${c.description}.`, items: { $ref: "#/$defs/acteur" } },
    ]),
  );
  return out;
}

export function schemaText(schema: Json): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const current = JSON.parse(readFileSync(SCHEMA_PATH, "utf8")) as Json;
  writeFileSync(SCHEMA_PATH, schemaText(syncSchema(current)));
  console.log(`Schéma mis à jour : ${SCHEMA_PATH}`);
}

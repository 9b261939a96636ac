import { SCHEMA_COPY_REF, schemaCopyOutdated, schemaLink, type Finding } from "../project/index.js";

/**
 * What `cpts valider` says about the project's `$schema` line (src/project/schema-link.ts): a
 * warning when it leads to no file (the editor then describes nothing), a note when it is
 * missing or when the copy in `.cpts/` comes from another version of cpts.
 */
export async function schemaLinkFindings(path: string, name: string): Promise<Finding[]> {
  const link = await schemaLink(path);
  const at = { path: "", file: name, line: 1, column: 1 };
  const repair = "« cpts schema --lier » la répare (copie du schéma dans .cpts/, à côté du projet)";
  if (link.ref === undefined)
    return [
      {
        ...at,
        severity: "info",
        code: "schema.lien-absent",
        message: `pas de ligne « # yaml-language-server: $schema=… » en tête du fichier : votre éditeur ne peut pas décrire les champs ; ${repair.replace("la répare", "l’ajoute")}`,
      },
    ];
  if (!link.resolves)
    return [
      {
        ...at,
        severity: "avertissement",
        code: "schema.lien-casse",
        message: `la ligne $schema mène à « ${link.ref} », introuvable depuis ce dossier : votre éditeur ne peut plus décrire les champs ; ${repair}`,
      },
    ];
  if (await schemaCopyOutdated(link))
    return [
      {
        ...at,
        severity: "info",
        code: "schema.copie-ancienne",
        message: `la copie du schéma (${SCHEMA_COPY_REF}) vient d’une autre version de cpts ; elle est mise à jour au prochain enregistrement, ou tout de suite avec « cpts schema --lier »`,
      },
    ];
  return [];
}

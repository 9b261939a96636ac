import { isMap, isScalar, isSeq, visit, type Document } from "yaml";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Fields of a porteur that identify or reach a person; the rest (profession, role…) is kept. */
const PERSONAL_FIELDS = ["civilite", "prenom", "nom", "courriel", "telephone", "adresse", "code_postal", "date_naissance", "lieu_naissance"];

/**
 * Turns another CPTS's project into a starting point: structure and texts stay, dates go, the
 * porteurs lose their personal data and the lists of dirigeants and fondateurs are emptied.
 * Works on the YAML document so comments survive.
 */
export function anonymiseForReuse(doc: Document, newName: string): void {
  doc.setIn(["cpts", "nom"], newName);
  // Milestones are dated by nature: without their dates they would be invalid, so they go.
  const dated = [["calendrier", "jalons"], ["calendrier", "actualisation_projet_sante"]];
  for (const path of [["cpts", "sigle"], ["cpts", "siren"], ["territoire", "population"], ["territoire", "taille"], ...dated])
    if (doc.hasIn(path)) doc.deleteIn(path);
  visit(doc, {
    Pair(_key, pair) {
      if (isScalar(pair.value) && typeof pair.value.value === "string" && ISO_DATE.test(pair.value.value)) return visit.REMOVE;
      return undefined;
    },
    Seq(_key, seq) {
      seq.items = seq.items.filter((item) => !(isScalar(item) && typeof item.value === "string" && ISO_DATE.test(item.value)));
      return undefined;
    },
  });
  const porteurs = doc.get("porteurs", true);
  if (isSeq(porteurs)) {
    for (const item of porteurs.items) {
      if (!isMap(item)) continue;
      for (const field of PERSONAL_FIELDS) item.delete(field);
      item.delete("interlocuteur_principal");
    }
  }
  for (const path of [["association", "dirigeants"], ["association", "fondateurs"]]) {
    if (doc.hasIn(path)) doc.setIn(path, doc.createNode([]));
  }
  for (const path of [
    ["association", "ag_constitutive", "president_seance"],
    ["association", "ag_constitutive", "secretaire_seance"],
    ["association", "ag_constitutive", "presents"],
    ["association", "ag_constitutive", "representes"],
  ])
    if (doc.hasIn(path)) doc.deleteIn(path);
}

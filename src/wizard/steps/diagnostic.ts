/** Step 3: the territorial diagnosis — method, figures, needs, strengths and weaknesses. */
import { formatNumber } from "../../french/index.js";
import { professionLabel } from "../../domain/index.js";
import type { ItemSpec } from "../ask.js";
import { fieldsSection, listSection, type StepDefinition } from "../step.js";
import { text } from "./common.js";

const indicateurItem: ItemSpec = {
  noun: "un indicateur",
  fields: [
    "libelle",
    { path: "valeur", example: "13,2 (part des 75 ans et plus, en %)" },
    "annee",
    "source",
    "unite",
    "theme",
    "commentaire",
    { path: "references.departement", message: "Valeur pour le département" },
    { path: "references.region", message: "Valeur pour la région" },
    { path: "references.france", message: "Valeur pour la France" },
  ],
  label: (i) => {
    const value = typeof i.valeur === "number" ? formatNumber(i.valeur) : "?";
    return `${text(i.libelle)}\u00a0: ${value}${i.unite ? ` ${String(i.unite)}` : ""}${i.annee ? ` (${String(i.annee)})` : ""}`;
  },
};

const effectifItem: ItemSpec = {
  noun: "une profession",
  fields: ["profession", "nombre", { path: "precision", example: "« dont 12 de plus de 60 ans »" }],
  label: (e) => `${typeof e.profession === "string" ? professionLabel(e.profession, Number(e.nombre)) : "?"}\u00a0: ${String(e.nombre ?? "?")}`,
};

const besoinItem: ItemSpec = {
  noun: "un besoin",
  fields: ["intitule", "description", "priorite", "mission"],
  label: (b) => `${text(b.intitule)}${b.priorite ? ` (priorité ${String(b.priorite)})` : ""}`,
};

export const acteurItem: ItemSpec = {
  noun: "un acteur",
  fields: ["nom", "type", "commune", "commentaire"],
  label: (a) => `${text(a.nom, "(sans nom)")}${a.type ? ` (${String(a.type)})` : ""}`,
};

export const diagnosticStep: StepDefinition = {
  id: "diagnostic",
  title: "Le diagnostic",
  paths: ["diagnostic"],
  intro: () =>
    "Les constats chiffrés et partagés sur la santé du territoire, chacun avec sa source et son année. " +
    "Des indicateurs dans un tableur ? « cpts diagnostic importer fichier.csv » les ajoute d’un coup.",
  sections: () => [
    fieldsSection({
      id: "methode",
      title: "Méthode",
      base: "diagnostic",
      fields: [{ path: "methode", example: "« données Rézone CPTS et CartoSanté, enquête auprès des professionnels, trois réunions publiques »" }],
    }),
    listSection({ id: "indicateurs", path: "diagnostic.indicateurs", item: indicateurItem }),
    fieldsSection({
      id: "effectifs",
      title: "Professionnels du territoire",
      base: "diagnostic",
      fields: [{ path: "effectifs", item: effectifItem }, "effectifs_annee", "effectifs_source"],
      needed: ["effectifs"],
    }),
    listSection({ id: "besoins", path: "diagnostic.besoins", item: besoinItem }),
    fieldsSection({
      id: "forces",
      title: "Forces et faiblesses",
      base: "diagnostic",
      fields: ["forces", "faiblesses"],
      done: (p) => Boolean(p.diagnostic?.forces?.length || p.diagnostic?.faiblesses?.length),
    }),
    listSection({ id: "coordination", path: "diagnostic.coordination_existante", item: acteurItem }),
  ],
};

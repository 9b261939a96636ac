/** Step 3: the territorial diagnosis — method, figures, needs, strengths and weaknesses. */
import { formatNumber } from "../../french/index.js";
import { professionLabel } from "../../domain/index.js";
import type { Project } from "../../project/index.js";
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
  fields: [
    "profession",
    "nombre",
    { path: "precision", example: "« dont 12 de plus de 60 ans »" },
    { path: "references.departement", message: "Densité pour 10 000 habitants dans le département" },
    { path: "references.region", message: "Densité pour 10 000 habitants dans la région" },
    { path: "references.france", message: "Densité pour 10 000 habitants en France" },
  ],
  label: (e) => `${typeof e.profession === "string" ? professionLabel(e.profession, Number(e.nombre)) : "?"}\u00a0: ${String(e.nombre ?? "?")}`,
};

const trancheItem: ItemSpec = {
  noun: "une tranche d’âge",
  fields: [
    { path: "libelle", example: "« 75 ans ou plus »" },
    { path: "territoire", example: "13,1 (part de la tranche dans la population, en %)" },
    { path: "departement", message: "Part dans le département (%)" },
    { path: "region", message: "Part dans la région (%)" },
    { path: "france", message: "Part en France (%)" },
  ],
  label: (t) => `${text(t.libelle)}\u00a0: ${typeof t.territoire === "number" ? `${formatNumber(t.territoire)}\u00a0%` : "?"}`,
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
    {
      ...fieldsSection({
        id: "ages",
        title: "Population par âge",
        base: "diagnostic",
        fields: ["structure_age.source", "structure_age.annee", { path: "structure_age.tranches", item: trancheItem }],
        done: () => true,
      }),
      // Optional, as an optional list is: never proposed first, marked once answered.
      mark: (p: Project) => (p.diagnostic?.structure_age?.tranches?.length ? "✔" : " "),
    },
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

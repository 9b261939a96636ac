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
    "exemple",
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

const categorieItem: ItemSpec = {
  noun: "une catégorie de patients",
  fields: ["categorie", "libelle", "nombre", "part"],
  label: (c) => `${typeof c.categorie === "string" ? c.categorie : "?"}${c.nombre !== undefined ? `\u00a0: ${String(c.nombre)}` : ""}${c.part !== undefined ? ` (${String(c.part)}\u00a0%)` : ""}`,
};

const aplItem: ItemSpec = {
  noun: "une valeur d’APL",
  fields: ["profession", "valeur", "unite", "annee", "source", "exemple"],
  label: (a) => `${typeof a.profession === "string" ? professionLabel(a.profession, 2) : "?"}\u00a0: ${String(a.valeur ?? "?")}`,
};

const qpvItem: ItemSpec = {
  noun: "un quartier prioritaire",
  fields: ["nom", "commune", "population", "annee", "source", "exemple"],
  label: (q) => text(q.nom, "(sans nom)"),
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
      fields: [{ path: "effectifs", item: effectifItem }, "effectifs_annee", "effectifs_source", "effectifs_exemple"],
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
    fieldsSection({
      id: "sans-mt",
      title: "Patients sans médecin traitant",
      base: "diagnostic.patients_sans_medecin_traitant",
      fields: ["source", "annee", { path: "categories", item: categorieItem }, "exemple"],
      needed: ["categories"],
    }),
    fieldsSection({
      id: "snp",
      title: "Soins non programmés",
      base: "diagnostic.soins_non_programmes",
      fields: [
        "constat",
        { path: "organisation_existante", example: "« régulation par le centre 15, SAS de la Dordogne, maison médicale de garde le week-end »" },
        { path: "passages_urgences.valeur", message: "Passages aux urgences non suivis d’hospitalisation : valeur" },
        { path: "passages_urgences.unite", message: "Unité", example: "« pour 1 000 habitants »" },
        { path: "passages_urgences.annee", message: "Année de la donnée" },
        { path: "passages_urgences.source", message: "Source de la donnée", example: "« Rézone CPTS »" },
      ],
      needed: ["constat"],
    }),
    fieldsSection({
      id: "zonage",
      title: "Zonage des médecins de l’ARS",
      base: "diagnostic.zonage_medecins",
      fields: ["source", "arrete", "annee", { path: "zip", inline: true }, { path: "zac", inline: true }, "exemple"],
      needed: ["source"],
    }),
    listSection({ id: "apl", path: "diagnostic.apl", item: aplItem, optional: true }),
    listSection({ id: "qpv", path: "diagnostic.quartiers_prioritaires", item: qpvItem, optional: true }),
  ],
};

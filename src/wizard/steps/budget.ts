/**
 * Step 9: the budget prévisionnel — charges and produits of each contract year. A post has an
 * annual amount, or one amount per year typed as « 12000 ; 0 ; 0 » (« ? » for a year not known).
 * The ACI produits come from the simulator or the signed contract: nothing to type for them.
 */
import { NBSP, formatAmount } from "../../french/index.js";
import type { Project } from "../../project/index.js";
import type { FieldLike, FieldSpec, ItemSpec } from "../ask.js";
import { fieldsSection, listSection, type StepDefinition } from "../step.js";
import { text } from "./common.js";

/** « 12000 ; 0 ; ? » → [12000, 0, null]; anything that is not a list of amounts is kept as typed, for the schema to refuse. */
export function parseYearAmounts(typed: string): unknown {
  const parts = typed.split(";").map((p) => p.trim().replace(/\s/g, "").replace(",", "."));
  if (parts.every((p) => p === "?" || /^\d+(\.\d+)?$/.test(p))) return parts.map((p) => (p === "?" ? null : Number(p)));
  return typed;
}

export function formatYearAmounts(value: unknown): string {
  return Array.isArray(value) ? value.map((v) => (v === null ? "?" : String(v))).join(" ; ") : String(value);
}

const perYear = (path: string, message: string): FieldSpec => ({
  path,
  message,
  hint: `Un montant par année de contrat, séparés par « ; » (« ? » pour une année inconnue), par exemple 12000 ; 0 ; 0 ; 0 ; 0. Remplace le montant annuel.`,
  parse: parseYearAmounts,
  format: formatYearAmounts,
});

const lineFields = (prefix: string): FieldLike[] => [
  `${prefix}libelle`,
  `${prefix}montant`,
  perYear(`${prefix}par_annee`, "Montant par année (si les années diffèrent)"),
  `${prefix}source`,
  `${prefix}commentaire`,
  `${prefix}exemple`,
];

const lineItem = (noun: string): ItemSpec => ({
  noun,
  fields: lineFields(""),
  label: (l) => `${text(l.libelle)}${typeof l.montant === "number" ? `${NBSP}: ${formatAmount(l.montant)} par an` : ""}`,
});

function postSection(id: string, title: string, path: string) {
  return fieldsSection({ id, title, base: `budget.${path}`, fields: lineFields(""), needed: ["montant"], done: (p) => postDone(p, path) });
}

function postDone(p: Project, path: string): boolean {
  const l = (p.budget as Record<string, unknown> | undefined)?.[path] as { montant?: number; par_annee?: unknown[] } | undefined;
  return l?.montant !== undefined || (l?.par_annee?.length ?? 0) > 0;
}

export const budgetStep: StepDefinition = {
  id: "budget",
  title: "Le budget prévisionnel",
  paths: ["budget"],
  intro: () =>
    "Les charges et les produits de la CPTS, année par année sur la durée du contrat. Les financements de l’ACI " +
    "sont calculés par l’outil (ou repris du contrat signé) ; un montant que vous ne connaissez pas encore reste " +
    "« non connu », jamais estimé. « cpts financement --budget » affiche le tableau.",
  sections: () => [
    fieldsSection({
      id: "coordination",
      title: "Coordination",
      base: "budget.coordination",
      fields: [
        { path: "etp", example: "1 (temps plein)" },
        {
          path: "etp_par_annee",
          message: "Temps de travail par année (s’il change)",
          hint: "Un ETP par année de contrat, séparés par « ; », par exemple 0,5 ; 1 ; 1 ; 1 ; 1.",
          parse: parseYearAmounts,
          format: formatYearAmounts,
        },
        { path: "salaire_brut_annuel", example: "43000" },
        { path: "charges_patronales_pourcentage", example: "45" },
        "source",
        "exemple",
      ],
      needed: ["salaire_brut_annuel", "charges_patronales_pourcentage"],
    }),
    fieldsSection({
      id: "indemnisation",
      title: "Indemnisation et rémunération des professionnels",
      base: "budget.indemnisation",
      fields: [
        { path: "libelle", example: "« temps des groupes de travail et créneaux de soins non programmés »" },
        "montant",
        perYear("par_annee", "Montant par année (si les années diffèrent)"),
        "professionnels",
        "maximum_par_professionnel",
        "source",
        "exemple",
      ],
      done: (p) => postDone(p, "indemnisation"),
    }),
    postSection("si", "Système d’information", "systeme_information"),
    postSection("locaux", "Locaux", "locaux"),
    postSection("communication", "Communication", "communication"),
    postSection("comptabilite", "Comptabilité", "comptabilite"),
    fieldsSection({
      id: "cac",
      title: "Commissaire aux comptes",
      base: "budget",
      fields: [
        { path: "seuil_commissaire_aux_comptes.montant", message: "Seuil de subventions publiques au-delà duquel il est obligatoire" },
        { path: "seuil_commissaire_aux_comptes.source", message: "Texte qui fixe ce seuil" },
        ...lineFields("commissaire_aux_comptes."),
      ],
      done: () => true,
    }),
    listSection({ id: "autres-charges", path: "budget.autres_charges", item: lineItem("une autre charge"), optional: true }),
    fieldsSection({ id: "aci", title: "Part variable de l’ACI attendue", base: "budget", fields: ["aci_part_variable_pourcentage"], done: () => true }),
    postSection("fir", "Fonds d’intervention régional (FIR)", "fir"),
    listSection({ id: "subventions", path: "budget.subventions", item: lineItem("une subvention"), optional: true }),
    fieldsSection({
      id: "cotisations",
      title: "Cotisations",
      base: "budget.cotisations",
      fields: ["membres", "montant", "source", "exemple"],
      done: (p) => p.budget?.cotisations?.membres !== undefined || p.budget?.cotisations?.montant !== undefined,
    }),
    listSection({ id: "autres-produits", path: "budget.autres_produits", item: lineItem("un autre produit"), optional: true }),
    fieldsSection({ id: "annees", title: "Durée couverte", base: "budget", fields: ["annees"], done: () => true }),
  ],
};

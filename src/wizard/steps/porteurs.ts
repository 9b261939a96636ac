/**
 * Step 1: the project's name and story, whether an association is created or an existing one
 * becomes the CPTS (asked first: it decides the documents), and the professionals who carry it.
 */
import { genreOf, roleLabel } from "../../domain/index.js";
import type { FieldSpec, ItemSpec } from "../ask.js";
import type { WizardContext } from "../context.js";
import type { Path } from "../path.js";
import { fieldsSection, listSection, type StepDefinition } from "../step.js";
import { personLabel, personName, titleField } from "./common.js";

/** Only one interlocuteur principal: choosing one removes the mark from the others. */
async function keepSingleLead(ctx: WizardContext, path: Path, value: unknown): Promise<void> {
  if (value !== true) return;
  const index = path[path.length - 2] as number;
  const porteurs = ctx.editor.project.porteurs ?? [];
  const others = porteurs.map((p, i) => ({ p, i })).filter(({ p, i }) => i !== index && p.interlocuteur_principal);
  if (!others.length) return;
  await ctx.editor.apply(others.map(({ i }) => ({ op: "set" as const, path: ["porteurs", i, "interlocuteur_principal"], value: undefined })));
  for (const { p } of others)
    ctx.out(`${personName(p as unknown as Record<string, unknown>)} n’est plus ${roleLabel("interlocuteur_principal", genreOf(p.civilite), { article: true })}.`);
}

const lead: FieldSpec = {
  path: "interlocuteur_principal",
  message: "Est-ce l’interlocuteur principal de l’ARS ?",
  hint: "Une seule personne : celle que l’ARS contactera.",
  suggest: (project: { porteurs?: { interlocuteur_principal?: boolean }[] }) => !(project.porteurs ?? []).some((p) => p.interlocuteur_principal),
  after: keepSingleLead,
};

export const porteurItem: ItemSpec = {
  noun: "un porteur",
  fields: [
    "profession",
    "civilite",
    titleField,
    "prenom",
    "nom",
    "mode_exercice",
    "structure",
    "commune",
    "courriel",
    "telephone",
    { path: "role", example: "« présidente de l’association », « référent du groupe prévention »" },
    lead,
  ],
  label: (p) => `${personLabel(p)}${p.interlocuteur_principal ? ` — ${roleLabel("interlocuteur_principal", genreOf(typeof p.civilite === "string" ? p.civilite : undefined))}` : ""}`,
};

export const porteursStep: StepDefinition = {
  id: "porteurs",
  title: "Le projet et ses porteurs",
  paths: ["cpts.nom", "cpts.sigle", "cpts.historique", "association.parcours", "porteurs"],
  intro: () =>
    "Le nom de la CPTS, son histoire en quelques phrases, et les professionnels qui portent le projet. " +
    "Une CPTS est pluriprofessionnelle : des porteurs de plusieurs professions rassurent l’ARS.",
  sections: () => [
    fieldsSection({
      id: "identite",
      title: "Nom et histoire du projet",
      base: "cpts",
      fields: [
        "nom",
        "sigle",
        {
          path: "historique",
          example:
            "« En 2010, un médecin généraliste réunit les professionnels inquiets de la démographie médicale ; le collectif devient une association en 2014, puis une CPTS. » (Bergerac)",
        },
      ],
      needed: ["nom", "historique"],
    }),
    fieldsSection({
      id: "parcours",
      title: "Une association à créer, ou une association existante",
      base: "",
      fields: [
        {
          path: "association.parcours",
          message: "L’association qui portera la CPTS est-elle à créer, ou existe-t-elle déjà ?",
          hint: "Une association existante (un pôle de santé, par exemple) modifie ses statuts en assemblée générale extraordinaire ; une nouvelle tient son assemblée générale constitutive.",
          example: "Bergerac : le pôle de santé, association créée en 2014, porte la CPTS",
        },
      ],
    }),
    listSection({ id: "porteurs", path: "porteurs", item: porteurItem }),
  ],
};

/** Step 6: what the lettre d’intention asks of the ARS. */
import { notNeededReason } from "../../domain/index.js";
import { NBSP } from "../../french/index.js";
import type { Project } from "../../project/index.js";
import { fieldsSection, type StepDefinition } from "../step.js";

/** Where the letter is signed: the siège, else the interlocuteur principal’s commune. */
function suggestPlace(project: Project): string | undefined {
  const lead = project.porteurs?.find((p) => p.interlocuteur_principal) ?? project.porteurs?.[0];
  return project.association?.siege?.commune ?? lead?.commune;
}

export const lettreStep: StepDefinition = {
  id: "lettre-intention",
  title: "La lettre d’intention",
  paths: ["lettre_intention"],
  documents: ["lettre-intention"],
  intro: (project) => {
    const passed = notNeededReason("lettre-intention", project);
    return [
      "La lettre d’intention présente le projet à l’ARS et demande son soutien pour écrire le projet de santé. " +
        "Elle reprend les porteurs, le territoire, les acteurs, les premiers constats et les missions envisagées.",
      passed ? `Ce projet n’en a pas besoin${NBSP}: ${passed}.` : undefined,
    ]
      .filter(Boolean)
      .join("\n");
  },
  sections: () => [
    fieldsSection({
      id: "date",
      title: "Date et lieu",
      base: "lettre_intention",
      fields: ["date", { path: "lieu", suggest: suggestPlace }],
    }),
    fieldsSection({
      id: "soutien",
      title: "Soutien demandé à l’ARS",
      base: "lettre_intention.soutien_demande",
      fields: [
        { path: "montant", message: "Montant demandé (euros)" },
        "types",
        { path: "commentaire", example: "« accompagnement juridique pour les statuts et temps de coordination pour rédiger le projet de santé »" },
      ],
      needed: ["montant", "types"],
    }),
    fieldsSection({
      id: "gouvernance",
      title: "Gouvernance et coordination envisagées",
      base: "lettre_intention",
      fields: [
        {
          path: "gouvernance_envisagee",
          example: "« une association loi 1901 ; chaque profession élit 2 titulaires et 2 suppléants au conseil d’administration » (Bergerac)",
        },
        {
          path: "coordination_envisagee",
          example: "« une coordinatrice salariée, ancienne infirmière libérale, recrutée après la phase de création » (Chambéry agglo)",
        },
      ],
    }),
    fieldsSection({
      id: "pieces",
      title: "Pièces jointes",
      base: "lettre_intention",
      fields: [{ path: "pieces_jointes", inline: true, example: "diagnostic territorial ; liste des professionnels engagés" }],
    }),
  ],
};

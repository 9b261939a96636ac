/** Step 8: the organisation of the projet de santé — coordination, information system, communication, evaluation. */
import type { ItemSpec } from "../ask.js";
import { valueLabel } from "../labels.js";
import { fieldsSection, listSection, type StepDefinition } from "../step.js";
import { text } from "./common.js";

const groupeItem: ItemSpec = {
  noun: "un groupe de travail",
  fields: ["nom", "mission", "animateur", "description"],
  label: (g) => text(g.nom, "(sans nom)"),
};

const outilItem: ItemSpec = {
  noun: "un outil",
  fields: ["type", "nom", "usage"],
  label: (o) => {
    const type = typeof o.type === "string" ? valueLabel(["systeme_information", "outils", 0, "type"], o.type) : "?";
    return o.nom ? `${type}\u00a0: ${String(o.nom)}` : type;
  },
};

const communicationItem: ItemSpec = {
  noun: "une action de communication",
  fields: ["intitule", "public", "frequence"],
  label: (a) => `${text(a.intitule)}${a.frequence ? ` (${String(a.frequence)})` : ""}`,
};

export const projetSanteStep: StepDefinition = {
  id: "projet-sante",
  title: "Le projet de santé (organisation et suivi)",
  paths: ["organisation", "systeme_information", "communication", "evaluation", "cpts.site_internet"],
  intro: () =>
    "Comment la CPTS fonctionne au quotidien : coordination, groupes de travail, outils numériques partagés, " +
    "communication auprès des professionnels, suivi et évaluation des actions.",
  sections: () => [
    fieldsSection({
      id: "coordination",
      title: "Coordination et partenariats",
      base: "organisation",
      fields: [
        {
          path: "coordination",
          example: "« une coordinatrice salariée (cadre), ancienne infirmière libérale, à temps plein » (Chambéry agglo)",
        },
        "partenariats",
        "place_usagers",
      ],
      needed: ["coordination"],
    }),
    listSection({ id: "groupes", path: "organisation.groupes_travail", item: groupeItem }),
    fieldsSection({
      id: "si",
      title: "Système d’information",
      base: "systeme_information",
      fields: [{ path: "outils", item: outilItem }, "commentaire"],
      needed: ["outils"],
    }),
    fieldsSection({
      id: "communication",
      title: "Communication",
      base: "",
      fields: [
        { path: "communication.actions", item: communicationItem },
        { path: "communication.commentaire", example: "« site internet et lettre d’information mensuelle » (CPTS Sud 77)" },
        "cpts.site_internet",
      ],
      needed: ["communication.actions"],
    }),
    fieldsSection({
      id: "evaluation",
      title: "Évaluation",
      base: "evaluation",
      fields: ["modalites", "instance"],
      needed: ["modalites"],
    }),
  ],
};

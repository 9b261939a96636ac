/**
 * Step 5: the ACI missions and their fiches-actions. Each mission is explained in one sentence;
 * the four socle missions are required for the projet de santé.
 */
import { NBSP, upperFirst } from "../../french/index.js";
import { MISSIONS, MISSION_COMPONENTS, type Mission } from "../../domain/index.js";
import type { Project } from "../../project/index.js";
import { editList, editTextList, type ItemSpec } from "../ask.js";
import type { WizardContext } from "../context.js";
import { shorten } from "../display.js";
import type { Section, StepDefinition } from "../step.js";
import { text } from "./common.js";

/** Fiches-actions of real CPTS, one per mission, shown as examples. */
const ACTION_EXAMPLES: Record<string, string> = {
  ACCES: "« Trouver un médecin traitant aux patients les plus fragiles » (CPTS Paris 11)",
  PARCOURS: "« Parcours des patients douloureux chroniques » (CPTS Paris 11)",
  PREVENTION: "« Interventions de prévention dans les écoles » (CPTS Chambéry agglo)",
  CRISE: "« Centre de vaccination du territoire » (CPTS Seine et Forêts)",
  QUALITE: "« Téléexpertise entre confrères » (CPTS Sud 77)",
  ACCOMPAGNEMENT: "« Formations interprofessionnelles : AFGSU, soins palliatifs à domicile » (CPTS 78 Nord)",
};

const indicateurItem: ItemSpec = {
  noun: "un indicateur",
  fields: ["libelle", "type", "valeur_initiale", "source", "cible", "echeance", "exemple"],
  label: (i) => `${text(i.libelle)}${i.cible ? ` — cible${NBSP}: ${String(i.cible)}` : ""}`,
};

function actionItem(code: string): ItemSpec {
  return {
    noun: "une fiche-action",
    fields: [
      { path: "intitule", ...(ACTION_EXAMPLES[code] ? { example: ACTION_EXAMPLES[code] } : {}) },
      "objectif",
      {
        path: "composantes",
        message: "Ce que l’action couvre parmi les attentes de l’accord pour cette mission",
        values: () => MISSION_COMPONENTS.filter((c) => c.mission === code).map((c) => c.code),
      },
      "public",
      "pilote",
      { path: "partenaires", inline: true },
      "moyens",
      { path: "calendrier.debut", message: "Date de début prévue" },
      { path: "calendrier.fin", message: "Date de fin prévue" },
      { path: "indicateurs", item: indicateurItem },
    ],
    label: (a) => text(a.intitule),
  };
}

const indexOf = (project: Project, code: string) => (project.missions ?? []).findIndex((m) => m.code === code);

function status(project: Project, m: Mission): string {
  const i = indexOf(project, m.code);
  if (i < 0) return m.socle ? "à retenir (socle)" : "non retenue";
  const actions = project.missions![i]!.actions ?? [];
  return `retenue, ${actions.length} fiche${actions.length > 1 ? "s" : ""}-action${actions.length > 1 ? "s" : ""}`;
}

const ACTIONS = "actions";
const OBJECTIVES = "objectifs";
const DROP = "\u0000drop";
const DONE = "\u0000done";

async function runMission(ctx: WizardContext, m: Mission): Promise<void> {
  ctx.out(m.description);
  ctx.out(ctx.style.dim(m.socle ? `Mission socle${NBSP}: requise pour le projet de santé.` : `Mission optionnelle${NBSP}: à retenir si la CPTS s’y engage.`));
  if (indexOf(ctx.editor.project, m.code) < 0) {
    const keep = await ctx.ask.confirm({ message: `Retenir la mission « ${m.libelle} » ?`, default: m.socle });
    if (!keep) return;
    await ctx.editor.push(["missions"], { code: m.code });
  }
  for (;;) {
    const i = indexOf(ctx.editor.project, m.code);
    if (i < 0) return;
    const mission = ctx.editor.project.missions![i]!;
    const actions = mission.actions?.length ?? 0;
    const objectives = mission.objectifs?.length ?? 0;
    const choice = await ctx.ask.select<string>({
      message: `${m.libelle}${NBSP}: que voulez-vous compléter ?`,
      choices: [
        { value: ACTIONS, name: `Fiches-actions (${actions})` },
        { value: OBJECTIVES, name: `Objectifs de la mission (${objectives})` },
        { value: DROP, name: "Ne plus retenir cette mission" },
        { value: DONE, name: "Terminer" },
      ],
      default: actions === 0 ? ACTIONS : objectives === 0 ? OBJECTIVES : DONE,
    });
    if (choice === DONE) return;
    if (choice === ACTIONS) await editList(ctx, ["missions", i, "actions"], actionItem(m.code), `Fiches-actions — ${m.libelle}`);
    else if (choice === OBJECTIVES) await editTextList(ctx, ["missions", i, "objectifs"], { path: "objectifs" });
    else if (await ctx.ask.confirm({ message: `Ne plus retenir « ${m.libelle} » (ses fiches-actions seront retirées du fichier) ?`, default: false })) {
      await ctx.editor.remove(["missions"], i);
      ctx.out(`La mission « ${m.libelle} » n’est plus retenue.`);
      return;
    }
  }
}

function missionSection(m: Mission): Section {
  return {
    id: m.code,
    title: `${m.libelle} (${m.socle ? "socle" : "optionnelle"})`,
    run: (ctx) => runMission(ctx, m),
    summary: (project) => {
      const i = indexOf(project, m.code);
      if (i < 0) return [];
      const actions = project.missions![i]!.actions ?? [];
      return [`${m.libelle}${NBSP}: ${actions.length ? shorten(actions.map((a) => a.intitule).join(" ; "), 90) : "aucune fiche-action"}`];
    },
    describe: (project) => `${upperFirst(status(project, m))}. ${m.description}`,
    mark: (project) => (indexOf(project, m.code) < 0 && !m.socle ? " " : (project.missions?.[indexOf(project, m.code)]?.actions?.length ?? 0) > 0 ? "✔" : "·"),
    done: (project) => {
      const i = indexOf(project, m.code);
      return i >= 0 ? (project.missions![i]!.actions?.length ?? 0) > 0 : !m.socle;
    },
  };
}

export const missionsStep: StepDefinition = {
  id: "missions",
  title: "Les missions et fiches-actions",
  paths: ["missions"],
  intro: () =>
    "L’accord conventionnel interprofessionnel (ACI) finance six missions. Les quatre missions socles " +
    "(accès aux soins, parcours, prévention, crises sanitaires) sont requises pour le projet de santé ; " +
    "chaque mission retenue se décline en fiches-actions.",
  sections: () => MISSIONS.map(missionSection),
};

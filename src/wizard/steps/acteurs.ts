/** Step 4: the actors already engaged and those to involve, by category. */
import { NBSP } from "../../french/index.js";
import { ACTOR_CATEGORIES, professionLabel } from "../../domain/index.js";
import type { Project } from "../../project/index.js";
import { editList, type ItemSpec } from "../ask.js";
import type { Section, StepDefinition } from "../step.js";
import { acteurItem } from "./diagnostic.js";

const liberalItem: ItemSpec = {
  noun: "une profession",
  fields: ["profession", { path: "nombre", message: "Nombre de professionnels" }, { path: "precision", example: "« dont 3 maîtres de stage »" }],
  label: (e) => `${typeof e.profession === "string" ? professionLabel(e.profession, Number(e.nombre)) : "?"}${NBSP}: ${String(e.nombre ?? "?")}`,
};

type Group = "engages" | "a_associer";

function counts(project: Project, group: Group): { code: string; libelle: string; n: number }[] {
  const g = (project.acteurs?.[group] ?? {}) as Record<string, unknown[] | undefined>;
  return ACTOR_CATEGORIES.map((c) => ({ code: c.code, libelle: c.libelle, n: g[c.code]?.length ?? 0 }));
}

const DONE = "\u0000done";

function groupSection(group: Group, title: string): Section {
  return {
    id: group,
    title,
    async run(ctx) {
      let last: string | undefined;
      for (;;) {
        const list = counts(ctx.editor.project, group);
        const choice = await ctx.ask.select<string>({
          message: `${title}${NBSP}: quelle catégorie ?`,
          choices: [
            ...list.map((c) => ({
              value: c.code,
              name: `${c.n ? "✔" : "·"} ${c.libelle} (${c.n})`,
              short: c.libelle,
              description: ACTOR_CATEGORIES.find((x) => x.code === c.code)!.description,
            })),
            { value: DONE, name: "Terminer" },
          ],
          default: last === undefined ? "liberaux" : DONE,
        });
        if (choice === DONE) return;
        last = choice;
        const libelle = list.find((c) => c.code === choice)!.libelle;
        await editList(ctx, ["acteurs", group, choice], choice === "liberaux" ? liberalItem : acteurItem, `${title} — ${libelle}`);
      }
    },
    summary: (project) => {
      const list = counts(project, group).filter((c) => c.n > 0);
      return list.length ? [`${title}${NBSP}: ${list.map((c) => `${c.libelle.toLowerCase()} (${c.n})`).join(", ")}`] : [];
    },
    done: (project) => counts(project, group).some((c) => c.n > 0),
  };
}

export const acteursStep: StepDefinition = {
  id: "acteurs",
  title: "Les acteurs",
  paths: ["acteurs"],
  intro: () =>
    "Qui est déjà engagé dans la démarche, et qui faut-il associer : professionnels libéraux (par profession, " +
    "avec leur nombre), maisons de santé, établissements, médico-social, social, collectivités, usagers…",
  sections: () => [groupSection("engages", "Acteurs engagés"), groupSection("a_associer", "Acteurs à associer")],
};

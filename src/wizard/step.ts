/**
 * Steps are data: an id, a title, the paths of the project they fill, and their sections. A
 * section is a group of questions (some fields, a list, or something of its own, like the
 * territory search). Running a step shows its sections with what is filled, opens the first
 * one not done, and ends with a review of what was entered and what each document still needs.
 */
import { NBSP } from "../french/index.js";
import type { DocumentId } from "../domain/index.js";
import type { Project } from "../project/index.js";
import { askFields, editList, summarizeFields, type FieldLike, type ItemSpec } from "./ask.js";
import type { WizardContext } from "./context.js";
import { shorten } from "./display.js";
import { getAt, isBlank, parsePath } from "./path.js";
import { fieldInfo } from "./schema-info.js";
import { projectStatus, stepFindings, withoutDocumentPrefix, type StepScope } from "./status.js";

export const STEP_IDS = [
  "porteurs",
  "territoire",
  "diagnostic",
  "acteurs",
  "missions",
  "lettre-intention",
  "association",
  "projet-sante",
  "budget",
  "calendrier",
  "generer",
] as const;
export type StepId = (typeof STEP_IDS)[number];

export interface Section {
  id: string;
  title: string;
  run(ctx: WizardContext): Promise<void>;
  /** Lines that say what is entered (empty when nothing is). */
  summary(project: Project): string[];
  /** True when the section needs nothing more; it is then no longer proposed first. */
  done(project: Project): boolean;
  /** Shown under the menu while the section is highlighted (default: its summary). */
  describe?(project: Project): string;
  /** The mark before the title in the menu (default: ✔ when done, · otherwise). */
  mark?(project: Project): string;
}

export interface StepDefinition extends StepScope {
  id: StepId;
  title: string;
  /**
   * The documents the step is for, when it serves nothing else: a project that needs none of
   * them (a CPTS that updates its projet de santé has passed its lettre d’intention) sees the
   * step as passed, and it is never proposed.
   */
  documents?: readonly DocumentId[];
  /** A few lines printed when the step opens. */
  intro?(project: Project): string | undefined;
  /** The sections, in order (they may depend on the answers, e.g. droit local). */
  sections?(project: Project): Section[];
  /** A step that is not made of questions (generating the documents). */
  run?(ctx: WizardContext): Promise<void>;
}

const filled = (project: Project, base: string, fields: readonly FieldLike[]) =>
  fields.every((f) => {
    const path = [...parsePath(base), ...parsePath(typeof f === "string" ? f : f.path)];
    return !isBlank(getAt(project, path));
  });

/** A section that asks some fields in order. By default it is done when its required-looking fields are filled. */
export function fieldsSection(o: {
  id: string;
  title: string;
  base?: string;
  fields: readonly FieldLike[];
  /** Fields whose answer makes the section done (default: all of them). */
  needed?: readonly FieldLike[];
  done?: (project: Project) => boolean;
  before?: (ctx: WizardContext) => Promise<void> | void;
  after?: (ctx: WizardContext) => Promise<void> | void;
}): Section {
  const base = o.base ?? "";
  const basePath = base ? parsePath(base) : [];
  return {
    id: o.id,
    title: o.title,
    async run(ctx) {
      await o.before?.(ctx);
      await askFields(ctx, basePath, o.fields);
      await o.after?.(ctx);
    },
    summary: (project) => summarizeFields(project, basePath, o.fields),
    done: o.done ?? ((project) => filled(project, base, o.needed ?? o.fields)),
  };
}

/**
 * A section that edits one list of items. Done when the list has at least `min` items; an
 * optional list is never proposed first and is marked only once it has items.
 */
export function listSection(o: { id: string; title?: string; path: string; item: ItemSpec; min?: number; optional?: boolean }): Section {
  const path = parsePath(o.path);
  const title = o.title ?? fieldInfo(path).title;
  const items = (project: Project) => {
    const list = getAt(project, path);
    return Array.isArray(list) ? (list as Record<string, unknown>[]) : [];
  };
  return {
    id: o.id,
    title,
    run: (ctx) => editList(ctx, path, o.item, title),
    summary: (project) => {
      const list = items(project);
      if (!list.length) return [];
      return [`${title}${NBSP}: ${list.length} — ${shorten(list.map((it, i) => o.item.label(it, i)).join(" ; "), 90)}`];
    },
    done: (project) => o.optional === true || items(project).length >= (o.min ?? 1),
    ...(o.optional ? { mark: (project: Project) => (items(project).length ? "✔" : " ") } : {}),
  };
}

const FINISH = "\u0000finish";

/** Runs a step: its sections menu until « Terminer l’étape », then the review. */
export async function runStep(ctx: WizardContext, step: StepDefinition, number: number): Promise<void> {
  const s = ctx.style;
  ctx.out();
  ctx.out(s.bold(`${number}. ${step.title}`));
  const intro = step.intro?.(ctx.editor.project);
  if (intro) ctx.out(intro);
  if (step.run) {
    await step.run(ctx);
    return;
  }
  let last: string | undefined;
  for (;;) {
    const project = ctx.editor.project;
    const sections = step.sections!(project);
    // Propose the next section not done, after the one just completed: pressing Enter moves on.
    const from = last === undefined ? 0 : sections.findIndex((sec) => sec.id === last) + 1;
    const next = sections.slice(from).find((sec) => !sec.done(project));
    const choice = await ctx.ask.select<string>({
      message: `${step.title}${NBSP}: que voulez-vous compléter ?`,
      choices: [
        ...sections.map((sec) => {
          const summary = sec.summary(project);
          return {
            value: sec.id,
            name: `${sec.mark?.(project) ?? (sec.done(project) ? "✔" : "·")} ${sec.title}`,
            short: sec.title,
            description: sec.describe?.(project) ?? (summary.length ? summary.join(" · ") : "Rien n’est encore renseigné."),
          };
        }),
        { value: FINISH, name: "Terminer l’étape", description: "Voir ce qui est rempli et ce qui manque encore, puis revenir au sommaire." },
      ],
      default: next ? next.id : FINISH,
    });
    if (choice === FINISH) break;
    const section = sections.find((sec) => sec.id === choice)!;
    ctx.out(s.bold(`— ${section.title}`));
    await section.run(ctx);
    last = section.id;
  }
  ctx.out(stepReview(step, ctx.editor.project, ctx));
}

/** What the step holds now, and what is still missing from it for each document. */
export function stepReview(step: StepDefinition, project: Project, ctx: Pick<WizardContext, "style">): string {
  const s = ctx.style;
  const lines: string[] = ["", s.bold(`Récapitulatif${NBSP}: ${step.title.toLowerCase()}`)];
  const entered = (step.sections?.(project) ?? []).flatMap((sec) => sec.summary(project));
  if (entered.length) lines.push(...entered.map((l) => `  ${l}`));
  else lines.push("  Rien n’est encore renseigné.");
  const status = projectStatus(project);
  const findings = stepFindings(step, status);
  if (!findings.length) {
    lines.push(s.green(`✔ Rien ne manque à cette étape pour les documents.`));
    return lines.join("\n");
  }
  lines.push(s.bold(`Encore à compléter pour les documents${NBSP}:`));
  for (const doc of status.documents) {
    const mine = findings.filter((f) => f.document === doc.document);
    if (!mine.length) continue;
    lines.push(`  ${doc.titre}`);
    for (const f of mine)
      lines.push(`    ${f.severity === "erreur" ? s.red("✗") : s.yellow("!")} ${withoutDocumentPrefix(f.message)}${f.severity === "erreur" ? "" : " (conseillé)"}`);
  }
  return lines.join("\n");
}

/**
 * The result of each vote of a meeting, as its procès-verbal reports it: for every resolution
 * the statuts make the meeting vote (one election per collège, the bureau by the conseil…),
 * « à l’unanimité » or the votes for, against and abstentions. Each answer is saved at once in
 * the meeting’s `resolutions`.
 */
import { NBSP } from "../../french/index.js";
import { MEETING_PATHS, expectedResolutions, meetingOf, recordedResolution, type ExpectedResolution, type MeetingKind } from "../../domain/index.js";
import type { Project, Vote } from "../../project/index.js";
import type { WizardContext } from "../context.js";
import { parsePath } from "../path.js";
import type { Section } from "../step.js";

const UNANIMOUS = "unanimite";
const COUNTED = "voix";
const LATER = "\u0000later";

function voteText(v: Vote | undefined): string {
  if (!v) return "à renseigner";
  if (v.unanimite === true) return "unanimité";
  if (v.pour === undefined) return "à renseigner";
  return `${v.pour} pour, ${v.contre ?? 0} contre, ${v.abstentions ?? 0} abstention${(v.abstentions ?? 0) > 1 ? "s" : ""}`;
}

async function askCount(ctx: WizardContext, message: string, current: number | undefined): Promise<number> {
  const n = await ctx.ask.number({
    message,
    ...(current !== undefined ? { default: current } : {}),
    validate: (value) => (typeof value === "number" && Number.isInteger(value) && value >= 0 ? true : "Un nombre entier, 0 ou plus."),
  });
  return n ?? 0;
}

/** Asks one resolution’s vote and writes it (adding the resolution to the file when needed). */
async function askVote(ctx: WizardContext, kind: MeetingKind, e: ExpectedResolution): Promise<void> {
  const base = parsePath(MEETING_PATHS[kind]);
  const found = recordedResolution(meetingOf(ctx.editor.project, kind), e);
  const current = found?.resolution.vote;
  const how = await ctx.ask.select<string>({
    message: `Vote${NBSP}: ${e.intitule}`,
    hint: "Le résultat que rapporte le procès-verbal.",
    choices: [
      { value: UNANIMOUS, name: "Adoptée à l’unanimité des présents et représentés" },
      { value: COUNTED, name: "Nombre de voix pour, contre et d’abstentions" },
      { value: LATER, name: "Plus tard" },
    ],
    default: current?.unanimite === true ? UNANIMOUS : current?.pour !== undefined ? COUNTED : UNANIMOUS,
  });
  if (how === LATER) return;
  let vote: Vote = { unanimite: true };
  if (how === COUNTED) {
    vote = {
      pour: await askCount(ctx, "Voix pour", current?.pour),
      contre: await askCount(ctx, "Voix contre", current?.contre),
      abstentions: await askCount(ctx, "Abstentions", current?.abstentions),
    };
  }
  const resolution = { code: e.code, ...(e.college ? { college: e.college } : {}), vote };
  if (found) await ctx.editor.set([...base, "resolutions", found.index, "vote"], vote);
  else if (Array.isArray(ctx.editor.get([...base, "resolutions"]))) await ctx.editor.push([...base, "resolutions"], resolution);
  else await ctx.editor.set([...base, "resolutions"], [resolution]);
}

/** The votes of one meeting; done when every resolution has its result. */
export function votesSection(kind: MeetingKind, title: string): Section {
  const missing = (project: Project) =>
    expectedResolutions(project, kind).filter((e) => {
      const v = recordedResolution(meetingOf(project, kind), e)?.resolution.vote;
      return !v || (v.unanimite !== true && v.pour === undefined);
    });
  return {
    id: `votes-${kind}`,
    title,
    async run(ctx) {
      if (!meetingOf(ctx.editor.project, kind)) {
        ctx.out(ctx.style.yellow("Renseignez d’abord la date et les présents de la réunion."));
        return;
      }
      for (const e of expectedResolutions(ctx.editor.project, kind)) await askVote(ctx, kind, e);
    },
    summary: (project) => {
      const meeting = meetingOf(project, kind);
      if (!meeting?.resolutions?.length) return [];
      return expectedResolutions(project, kind).map((e) => `${e.intitule}${NBSP}: ${voteText(recordedResolution(meeting, e)?.resolution.vote)}`);
    },
    done: (project) => meetingOf(project, kind) !== undefined && missing(project).length === 0,
  };
}

/** Step 11: generating the documents, through the `generer` command. */
import { NBSP, joinFr, lowerFirst, upperFirst } from "../../french/index.js";
import { documentGaps, documentTitle, gapsLabel, projectDocuments } from "../../domain/index.js";
import { UserError } from "../../project/index.js";
import { askFields } from "../ask.js";
import type { WizardContext } from "../context.js";
import { projectStatus, withoutDocumentPrefix } from "../status.js";
import type { StepDefinition } from "../step.js";

/** Today on this computer, as the date proposed for the documents (the user confirms it; it is then saved). */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

async function generate(ctx: WizardContext): Promise<void> {
  // Without documents.date the title pages carry no date and Word shows 1 January 2000.
  await askFields(ctx, ["documents"], [{ path: "date", suggest: () => today() }, "lieu"]);
  const status = projectStatus(ctx.editor.project);
  ctx.out(`Documents${NBSP}:`);
  for (const d of status.documents) {
    // Counted as `valider`, `etat` and `generer` count them (documentGaps).
    const gaps = documentGaps(d);
    if (gaps.pret) ctx.out(`  ${ctx.style.green("✔")} ${d.titre}${NBSP}: ${gapsLabel(gaps)}`);
    else ctx.out(`  ${ctx.style.red("✗")} ${d.titre}${NBSP}: ${gapsLabel(gaps)}, dont ${withoutDocumentPrefix(gaps.bloquants[0]!.message)}`);
  }
  const go = await ctx.ask.confirm({ message: "Générer les documents maintenant ?", default: true });
  if (!go) return;
  const incomplete = status.documents.some((d) => !documentGaps(d).pret);
  const brouillon = incomplete
    ? await ctx.ask.confirm({
        message: "Générer aussi les documents incomplets, en brouillon ?",
        hint: "Ce qui manque y apparaît surligné (« [À COMPLÉTER : …] ») ; sinon seuls les documents prêts sont écrits.",
        default: true,
      })
    : false;
  try {
    const code = await ctx.generate({ brouillon });
    if (code !== 0) ctx.out(ctx.style.yellow("Certains documents n’ont pas pu être générés : voyez les messages ci-dessus."));
  } catch (error) {
    // The answers are all saved already: a failed generation must not end the wizard.
    if (error instanceof Error && (error.name === "ExitPromptError" || error.name === "AbortPromptError")) throw error;
    const reason = error instanceof UserError ? error.message : `La génération des documents a échoué (${error instanceof Error ? error.message : String(error)}).`;
    ctx.out(ctx.style.yellow(reason));
  }
}

export const genererStep: StepDefinition = {
  id: "generer",
  title: "Générer les documents",
  paths: ["documents"],
  // The documents of this project, as `valider` and `generer` count them.
  intro: (project) => `${upperFirst(joinFr(projectDocuments(project).map((id) => lowerFirst(documentTitle(id, project)))))}, au format Word (DOCX).`,
  run: generate,
};

import { existsSync } from "node:fs";
import { basename, dirname } from "node:path";
import { NBSP, frenchSpacing } from "../french/index.js";
import { DEFAULT_PROJECT_FILE, EXIT, UserError, displayPath } from "../project/index.js";
import {
  ProjectEditor,
  ProjectFileInvalid,
  draftsNotice,
  STEP_IDS,
  runWizard,
  terminalPrompter,
  wrapText,
  type Prompter,
  type StepId,
  type WizardContext,
} from "../wizard/index.js";
import { formatFindingGroups } from "./findings-output.js";
import { resolveProjectPath } from "./project-context.js";
import { guardedIo, type Io } from "./io.js";
import { style } from "./style.js";
import { didYouMean } from "./suggest.js";

export interface AssistantOptions {
  etape?: string;
}

export function isPromptExit(error: unknown): boolean {
  return error instanceof Error && (error.name === "ExitPromptError" || error.name === "AbortPromptError");
}

function resumeCommand(fileArg: string | undefined): string {
  return `cpts assistant${fileArg ? ` ${fileArg}` : ""}`;
}

function interrupted(name: string, fileArg: string | undefined, drafts?: string): string {
  return `\nInterrompu${NBSP}: vos réponses sont enregistrées dans ${name}.\n${drafts ? `${wrapText(frenchSpacing(drafts))}\n` : ""}Reprenez avec${NBSP}: ${resumeCommand(fileArg)}\n`;
}

/**
 * `cpts assistant [fichier]`: the step-by-step wizard. Refuses to run without a terminal
 * (exit 2), and on a file with errors (exit 1, file untouched). Ctrl-C ends it with exit 130;
 * every answer given is already saved. `prompter` is for tests.
 */
export async function assistantCommand(
  fileArg: string | undefined,
  opts: AssistantOptions,
  unguardedIo: Io,
  prompter?: Prompter,
): Promise<number> {
  // Run by tests without `run()`: the wizard prints the project's texts, guarded here as well.
  const io = guardedIo(unguardedIo);
  if (opts.etape !== undefined && !(STEP_IDS as readonly string[]).includes(opts.etape))
    throw new UserError(`--etape : étape inconnue « ${opts.etape} »${didYouMean(opts.etape, STEP_IDS) || "."} Étapes possibles${NBSP}: ${STEP_IDS.join(", ")}.`);
  const tell = (text: string) => io.stderr(frenchSpacing(text));
  if (!io.interactive) {
    tell(
      `L’assistant pose des questions et a besoin d’un terminal${NBSP}: il ne démarre pas ici (intégration continue, redirection).\n` +
        `Vérifiez le projet avec « cpts valider » et voyez ce qui manque avec « cpts etat ».\n`,
    );
    return EXIT.usage;
  }
  const path = resolveProjectPath(fileArg, io.cwd, io);
  const name = displayPath(path, io.cwd);
  const s = style(io.color);
  const ask = prompter ?? (await terminalPrompter());
  // Known once the file is open: said on Ctrl-C, with the texts it kept aside.
  let opened: ProjectEditor | undefined;

  try {
    if (!existsSync(path) && basename(path) === DEFAULT_PROJECT_FILE) {
      const create = await ask.confirm({ message: `Aucun projet dans ce dossier (${name}). Le créer maintenant ?`, default: true });
      if (!create) {
        tell("Rien n’a été créé. Créez un projet avec « cpts init ».\n");
        return EXIT.usage;
      }
      const { checkName, initCommand } = await import("./init.js");
      const nom = await ask.text({
        message: "Nom de la CPTS",
        hint: "Le nom complet, tel qu’il figurera sur les documents. Exemple : « CPTS du Bergeracois ».".replace(" :", `${NBSP}:`),
        validate: checkName,
      });
      const code = await initCommand(dirname(path), { nom, assistant: false }, io);
      if (code !== EXIT.ok) return code;
    }

    let editor: ProjectEditor;
    try {
      editor = await ProjectEditor.open(path, name, { onWait: (message) => io.stderr(`${message}\n`) });
      opened = editor;
    } catch (error) {
      if (error instanceof ProjectFileInvalid) {
        io.stderr(formatFindingGroups(error.problems, s));
        tell(`${name} contient des erreurs${NBSP}: corrigez-les (« cpts valider ${name} ») puis relancez l’assistant. Le fichier n’a pas été modifié.\n`);
        return EXIT.projectErrors;
      }
      throw error;
    }

    const out = (text = "") => io.stdout(`${wrapText(frenchSpacing(text))}\n`);
    // The documents command, loaded when the wizard's last step runs it.
    const generate = async ({ brouillon }: { brouillon: boolean }) =>
      (await import("./generer.js")).generateCommand([editor.path], { brouillon }, io);
    const ctx: WizardContext = { editor, ask, style: s, out, generate };
    const stopOnSignal = () => {
      // Ctrl-C outside a question (while a list loads): wait for a save under way, then stop.
      void editor.idle().then(() => {
        tell(interrupted(name, fileArg, draftsNotice(editor)));
        process.exit(EXIT.interrupted);
      });
    };
    process.once("SIGINT", stopOnSignal);
    try {
      await runWizard(ctx, opts.etape ? { step: opts.etape as StepId } : {});
    } finally {
      process.removeListener("SIGINT", stopOnSignal);
      await editor.idle();
    }
    io.stdout(frenchSpacing(`\nÀ bientôt${NBSP}: vos réponses sont enregistrées dans ${name}. Reprenez avec « ${resumeCommand(fileArg)} ».\n`));
    return EXIT.ok;
  } catch (error) {
    if (isPromptExit(error)) {
      tell(interrupted(name, fileArg, opened && draftsNotice(opened)));
      return EXIT.interrupted;
    }
    if (error instanceof ProjectFileInvalid) {
      io.stderr(formatFindingGroups(error.problems, s));
      tell(`${error.message}\nCorrigez le fichier (« cpts valider ${name} ») puis reprenez avec « ${resumeCommand(fileArg)} ».\n`);
      return EXIT.projectErrors;
    }
    throw error;
  }
}

import { Command, CommanderError } from "commander";
import { createRequire } from "node:module";
import { EXIT, UserError } from "../project/errors.js";
import { frenchHelp, translateCommanderMessage } from "./french-help.js";
import { processIo, type Io } from "./io.js";

const require = createRequire(import.meta.url);
const { version } = require("../../package.json") as { version: string };

/** Raised inside actions to end the command with an exit code, after it printed its output. */
class Done {
  constructor(readonly code: number) {}
}

function buildProgram(io: Io, debug: { on: boolean }): Command {
  const program = new Command("cpts");
  frenchHelp(program)
    .description(
      "Créer une CPTS (Communauté Professionnelle Territoriale de Santé), du projet de territoire\n" +
        "à la lettre d’intention, aux statuts et au projet de santé.",
    )
    .usage("[options] <commande>")
    .version(version, "-v, --version", "afficher la version")
    .helpOption("-h, --help", "afficher l’aide")
    .helpCommand("aide [commande]", "afficher l’aide d’une commande")
    .option("--debug", "afficher le détail technique des erreurs inattendues")
    .addHelpText(
      "after",
      "\nCodes de sortie : 0 réussite, 1 le projet contient des erreurs, 2 usage ou fichier illisible.\n" +
        "Documentation des champs : « cpts schema » donne le chemin du schéma du fichier projet.",
    )
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: (s, write) => write(translateCommanderMessage(s)),
    })
    .showHelpAfterError("(« cpts --help » pour l’aide)")
    .exitOverride()
    .hook("preAction", (cmd) => {
      debug.on = Boolean(cmd.opts().debug);
    });

  const run = async (load: () => Promise<(...args: any[]) => Promise<number>>, args: unknown[]) => {
    const fn = await load();
    throw new Done(await fn(...args, io));
  };

  program
    .command("init")
    .alias("new")
    .description("créer un fichier projet cpts.yaml commenté")
    .argument("[dossier]", "dossier du projet", ".")
    .option("-n, --nom <nom>", "nom de la CPTS, par exemple « CPTS du Bergeracois »")
    .option("-y, --oui", "accepter les réponses par défaut sans poser de question")
    .option("--depuis <projet>", "partir d’un autre fichier projet (textes et structure gardés ; dates et données personnelles effacées)")
    .action((dir, opts) => run(async () => (await import("./init.js")).initCommand, [dir, opts]));

  program
    .command("assistant")
    .alias("wizard")
    .description("répondre aux questions étape par étape ; chaque réponse est enregistrée aussitôt")
    .argument("[fichier]", "fichier projet (défaut : ./cpts.yaml)")
    .option("-e, --etape <nom>", "ouvrir directement une étape : porteurs, territoire, diagnostic, acteurs, missions, lettre, association, projet-sante, calendrier, generer")
    .action((file, opts) => run(async () => (await import("./assistant.js")).assistantCommand, [file, opts]));

  program
    .command("valider")
    .alias("validate")
    .description("vérifier le fichier projet et lister tout ce qui est à corriger")
    .argument("[fichier]", "fichier projet (défaut : ./cpts.yaml)")
    .option("--json", "écrire les constats en JSON (tableau) sur la sortie standard")
    .action((file, opts) => run(async () => (await import("./valider.js")).validateCommand, [file, opts]));

  program
    .command("schema")
    .description("afficher le chemin du schéma JSON du fichier projet")
    .option("--contenu", "afficher le schéma lui-même")
    .action((opts) => run(async () => (await import("./schema-command.js")).schemaCommand, [opts]));

  return program;
}

/**
 * Runs the CLI with the given arguments and returns the exit code. Only this function turns
 * errors into messages and exit codes; commands return their code or throw `UserError`.
 */
export async function run(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const debug = { on: argv.includes("--debug") };
  const program = buildProgram(io, debug);
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT.ok;
    }
    await program.parseAsync([...argv], { from: "user" });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof Done) return error.code;
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help")
        return EXIT.ok;
      return EXIT.usage;
    }
    if (error instanceof UserError) {
      io.stderr(`${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof Error && (error.name === "ExitPromptError" || error.name === "AbortPromptError")) {
      io.stderr("\nInterrompu. Rien de ce qui était déjà enregistré n’est perdu.\n");
      return EXIT.interrupted;
    }
    io.stderr(
      `Erreur interne de cpts : ${error instanceof Error ? error.message : String(error)}\n` +
        (debug.on && error instanceof Error && error.stack ? `${error.stack}\n` : "Relancez avec --debug pour le détail technique.\n"),
    );
    return EXIT.internal;
  }
}


import { Command, CommanderError } from "commander";
import { createRequire } from "node:module";
import { EXIT, UserError } from "../project/index.js";
import { frenchHelp, translateCommanderMessage } from "./french-help.js";
import { guardedIo, processIo, type Io } from "./io.js";

// The bundle (src/build/bundle.ts) writes the version in; the unbundled build reads package.json.
declare const CPTS_VERSION: string | undefined;
const version =
  typeof CPTS_VERSION === "string" ? CPTS_VERSION : (createRequire(import.meta.url)("../../package.json") as { version: string }).version;

/** Raised inside actions to end the command with an exit code, after it printed its output. */
class Done {
  constructor(readonly code: number) {}
}

function buildProgram(io: Io, debug: { on: boolean }): Command {
  const program = new Command("cpts");
  frenchHelp(program)
    .description(
      // One line: commander wraps it to the terminal's width (a line break here left a lone word).
      "Créer une CPTS (Communauté Professionnelle Territoriale de Santé), du projet de territoire " +
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
    .command("territoire")
    .alias("territory")
    .description("afficher ou modifier le territoire, calculé à partir des données officielles")
    .argument("[fichier]", "fichier projet (défaut : ./cpts.yaml)")
    .option("--epci <siren|nom...>", "intercommunalités couvertes entièrement (remplace la liste)")
    .option("--communes <codes|noms...>", "communes, par code INSEE ou par nom, séparées par des virgules (remplace la liste)")
    .option("--ajouter <commune|epci...>", "ajouter des communes ou une intercommunalité")
    .option("--retirer <commune|epci...>", "retirer des communes ou une intercommunalité")
    .option("--departement <code|nom...>", "ajouter toutes les communes d’un département")
    .option("--maj", "enregistrer la population et la taille calculées dans le fichier")
    .option("--json", "écrire le résumé en JSON")
    .action((file, opts) => run(async () => (await import("./territoire.js")).territoryCommand, [file, opts]));

  program
    .command("financement")
    .alias("funding")
    .description("simuler les financements de l’ACI par année de contrat, sans montant inventé")
    .argument("[fichier]", "fichier projet (défaut : ./cpts.yaml)")
    .option("--taille <taille>", "taille de la CPTS sans fichier projet : T1, T2, T3 ou T4")
    .option("--missions <codes>", "missions retenues, séparées par des virgules (ACCES,PARCOURS,…)")
    .option("--annees <n>", "nombre d’années de contrat à afficher (5 par défaut)")
    .option("--signature <date>", "date de signature du contrat (prévue ou réelle) : montants de cette date")
    .option("--budget", "budget prévisionnel du fichier projet : charges, produits et solde par année")
    .option("--json", "écrire le tableau en JSON")
    .action((file, opts) => run(async () => (await import("./financement.js")).financingCommand, [file, opts]));

  program
    .command("etat")
    .alias("status")
    .description("où en est le projet : étapes, documents prêts, prochaines actions et échéances")
    .argument("[fichier]", "fichier projet (défaut : ./cpts.yaml)")
    .option("--date <AAAA-MM-JJ>", "date du jour à utiliser pour les échéances")
    .option("--json", "écrire l’état en JSON")
    .action((file, opts) => run(async () => (await import("./etat.js")).statusCommand, [file, opts]));

  const diagnostic = program.command("diagnostic").alias("diagnosis").description("outils du diagnostic territorial");
  frenchHelp(diagnostic);
  diagnostic
    .command("importer")
    .alias("import")
    .description("importer des indicateurs depuis un fichier CSV (indicateur;valeur;unite;annee;source;territoire_de_reference)")
    .argument("<csv>", "fichier CSV séparé par des points-virgules")
    .option("-p, --projet <fichier>", "fichier projet (défaut : ./cpts.yaml)")
    .option("--json", "écrire le résultat en JSON")
    .action((csv, opts) => run(async () => (await import("./diagnostic.js")).importCommand, [csv, opts]));

  program
    .command("generer")
    .alias("render")
    .description("écrire les documents (DOCX, et Markdown pour relire les différences)")
    .argument("[fichiers...]", "un ou plusieurs fichiers projet (défaut : ./cpts.yaml)")
    .option("-d, --document <ids...>", "documents à écrire : diagnostic, lettre-intention, statuts, pv-ag-constitutive, projet-sante")
    .option("-o, --sortie <dossier>", "dossier des documents (défaut : documents/ à côté du fichier projet)")
    .option("-f, --format <formats>", "docx, md, pdf, ou plusieurs séparés par des virgules (docx,pdf)", "docx")
    .option("--forcer", "régénérer même les documents à jour, et remplacer ceux modifiés à la main")
    .option("--brouillon", "écrire les documents incomplets, avec leurs manques surlignés")
    .option("--modeles <dossier>", "dossier de modèles qui remplacent ceux de l’outil (défaut : modeles/ à côté du projet)")
    .option("--ouvrir", "ouvrir ensuite le document écrit, ou le dossier des documents, quand un écran le permet")
    .option("--json", "écrire le compte rendu en JSON")
    .action((files, opts) => run(async () => (await import("./generer.js")).generateCommand, [files, opts]));

  program
    .command("schema")
    .description("afficher le chemin du schéma JSON du fichier projet")
    .option("--contenu", "afficher le schéma lui-même")
    .action((opts) => run(async () => (await import("./schema-command.js")).schemaCommand, [opts]));

  return program;
}

/**
 * Runs the CLI with the given arguments and returns the exit code. Only this function turns
 * errors into messages and exit codes; commands return their code or throw `UserError`. What
 * it prints goes through `guardedIo`: no text from a file or an argument drives the terminal.
 */
export async function run(argv: readonly string[], rawIo: Io = processIo()): Promise<number> {
  const io = guardedIo(rawIo);
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


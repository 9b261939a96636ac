import { Command, CommanderError, Option } from "commander";
import { createRequire } from "node:module";
import { EXIT, UserError } from "../project/index.js";
import { frenchHelp, translateCommanderMessage } from "./french-help.js";
import { EXIT_CODES_HELP, addExamples } from "./help-texts.js";
import { invocation, invocationIo } from "./invocation.js";
import { guardedIo, processIo, type Io } from "./io.js";
import { didYouMean, type Named } from "./suggest.js";

// The bundle (src/build/bundle.ts) writes the version in; the unbundled build reads package.json.
declare const CPTS_VERSION: string | undefined;
const version =
  typeof CPTS_VERSION === "string" ? CPTS_VERSION : (createRequire(import.meta.url)("../../package.json") as { version: string }).version;

/** Raised inside actions to end the command with an exit code, after it printed its output. */
class Done {
  constructor(readonly code: number) {}
}

type Loader = () => Promise<(...args: any[]) => Promise<number>>;
type Runner = (load: Loader, args: unknown[]) => Promise<never>;

const PROJECT_FILE = "fichier projet (défaut\u00a0: cpts.yaml du dossier courant ou d’un dossier parent)";

/** Commands that create or fill a project. */
function addProjectCommands(program: Command, run: Runner): void {
  program
    .command("init")
    .alias("new")
    .description("créer un fichier projet cpts.yaml commenté, puis proposer l’assistant")
    .argument("[dossier]", "dossier du projet (défaut\u00a0: le dossier courant)")
    .option("-n, --nom <nom>", "nom de la CPTS, par exemple « CPTS du Bergeracois »")
    .option("-y, --oui", "accepter les réponses par défaut sans poser de question (ou --yes)")
    .addOption(new Option("--yes").hideHelp())
    .option("--depuis <projet>", "partir d’un autre fichier projet (textes et structure gardés ; dates et données personnelles effacées)")
    .action((dir, opts) => run(async () => (await import("./init.js")).initCommand, [dir ?? ".", { ...opts, oui: opts.oui || opts.yes }]));

  program
    .command("assistant")
    .alias("wizard")
    .description("répondre aux questions étape par étape ; chaque réponse est enregistrée aussitôt")
    .argument("[fichier]", PROJECT_FILE)
    .option(
      "-e, --etape <nom>",
      "ouvrir directement une étape : porteurs, territoire, diagnostic, acteurs, missions, lettre-intention, association, projet-sante, calendrier, generer",
    )
    .action((file, opts) => run(async () => (await import("./assistant.js")).assistantCommand, [file, opts]));

  program
    .command("territoire")
    .alias("territory")
    .description("afficher ou modifier le territoire, calculé à partir des données officielles")
    .argument("[fichier]", PROJECT_FILE)
    .option("--epci <siren|nom...>", "intercommunalités couvertes entièrement (remplace la liste)")
    .option("--communes <codes|noms...>", "communes, par code INSEE ou par nom, séparées par des virgules (remplace la liste)")
    .option("--ajouter <commune|epci...>", "ajouter des communes ou une intercommunalité")
    .option("--retirer <commune|epci...>", "retirer des communes ou une intercommunalité")
    .option("--departement <code|nom...>", "ajouter toutes les communes d’un département")
    .option("--maj", "enregistrer la population et la taille calculées dans le fichier")
    .option("--json", "écrire le résumé en JSON (enveloppe décrite par « cpts schema --sortie »)")
    .action((file, opts) => run(async () => (await import("./territoire.js")).territoryCommand, [file, opts]));

  const diagnostic = program.command("diagnostic").alias("diagnosis").description("outils du diagnostic territorial").usage("<commande> [options]");
  frenchHelp(diagnostic).helpCommand(false);
  diagnostic
    .command("importer")
    .alias("import")
    .description("importer des indicateurs depuis un classeur Excel (.xlsx) ou un fichier CSV (colonnes\u00a0: « cpts diagnostic modele »)")
    .argument("<fichier>", "classeur .xlsx (feuille « Indicateurs », ou la première) ou fichier CSV séparé par des points-virgules")
    .option("-p, --projet <fichier>", PROJECT_FILE)
    .option("--json", "écrire le résultat en JSON (enveloppe décrite par « cpts schema --sortie »)")
    .action((file, opts) => run(async () => (await import("./diagnostic.js")).importCommand, [file, opts]));
  diagnostic
    .command("modele")
    .alias("template")
    .description("écrire un fichier à remplir : les colonnes attendues et deux lignes d’exemple")
    .argument("[fichier]", "fichier à créer, jamais remplacé s’il existe (défaut\u00a0: indicateurs.xlsx ; un nom en .csv donne un CSV)")
    .action((file, opts) => run(async () => (await import("./diagnostic.js")).templateCommand, [file, opts]));
}

/** Commands that read a project and report on it or write its documents. */
function addReportCommands(program: Command, run: Runner): void {
  program
    .command("valider")
    .alias("validate")
    .description("vérifier le fichier projet : résumé par document et par où commencer")
    .argument("[fichier]", PROJECT_FILE)
    .option("--tout", "lister chaque point à compléter, document par document")
    .option("--exiger <documents...>", "documents qui doivent être prêts, sinon code de sortie 1 (intégration continue) : lettre-intention, statuts…")
    .option("--json", "écrire le résultat en JSON (enveloppe décrite par « cpts schema --sortie »)")
    .action((file, opts) => run(async () => (await import("./valider.js")).validateCommand, [file, opts]));

  program
    .command("etat")
    .alias("status")
    .description("où en est le projet : étapes, documents prêts, prochaines actions et échéances")
    .argument("[fichier]", PROJECT_FILE)
    .option("--date <AAAA-MM-JJ>", "date du jour à utiliser pour les échéances")
    .option("--json", "écrire l’état en JSON (enveloppe décrite par « cpts schema --sortie »)")
    .action((file, opts) => run(async () => (await import("./etat.js")).statusCommand, [file, opts]));

  program
    .command("financement")
    .alias("funding")
    .description("simuler les financements de l’ACI par année de contrat, sans montant inventé")
    .argument("[fichier]", PROJECT_FILE)
    .option("--taille <taille>", "taille de la CPTS sans fichier projet : T1, T2, T3 ou T4")
    .option("--missions <codes>", "missions retenues, séparées par des virgules (ACCES,PARCOURS,…)")
    .option("--annees <n>", "nombre d’années de contrat à afficher (5 par défaut)")
    .option("--signature <date>", "date de signature du contrat (prévue ou réelle) : montants de cette date")
    .option("--budget", "budget prévisionnel du fichier projet : charges, produits et solde par année")
    .option("--json", "écrire le tableau en JSON (enveloppe décrite par « cpts schema --sortie »)")
    .action((file, opts) => run(async () => (await import("./financement.js")).financingCommand, [file, opts]));

  program
    .command("generer")
    .alias("render")
    .description("écrire les documents (DOCX, et Markdown pour relire les différences)")
    .argument("[fichiers...]", "un ou plusieurs fichiers projet (défaut\u00a0: cpts.yaml du dossier courant ou d’un dossier parent)")
    .option("-d, --document <ids...>", "documents à écrire (défaut\u00a0: ceux dont le projet a besoin) : diagnostic, lettre-intention, statuts, pv-ag-constitutive, pv-ag-extraordinaire, pv-conseil-administration, liste-dirigeants, declaration, demande-inscription, projet-sante")
    .option("-o, --sortie <dossier>", "dossier des documents (défaut\u00a0: documents/ à côté du fichier projet\u00a0; {projet} y est remplacé par le nom du dossier de chaque projet)")
    .addOption(new Option("-f, --format <formats>", "docx, md, pdf, ou plusieurs séparés par des virgules (docx,pdf)").default("docx"))
    .option("--forcer", "régénérer même les documents à jour, et remplacer ceux modifiés à la main")
    .option("--brouillon", "écrire les documents incomplets, avec leurs manques surlignés")
    .option("--modeles <dossier>", "dossier de modèles qui remplacent ceux de l’outil (défaut\u00a0: modeles/ à côté du projet)")
    .option("--ouvrir", "ouvrir ensuite le document écrit, ou le dossier des documents, quand un écran le permet")
    .option("-q, --quiet", "n’écrire que les erreurs (documents non générés, projets en erreur)")
    .option("--json", "écrire le compte rendu en JSON (enveloppe décrite par « cpts schema --sortie »)")
    .action((files, opts) => run(async () => (await import("./generer.js")).generateCommand, [files, opts]));
}

/** Commands about the tool itself: the schema, shell completion, help. */
function addToolCommands(program: Command, run: Runner): void {
  program
    .command("schema")
    .description("le schéma JSON du fichier projet : son chemin, son contenu, ou la ligne $schema du projet à réparer")
    .argument("[fichier]", `avec --lier : ${PROJECT_FILE}`)
    .option("--contenu", "afficher le schéma lui-même")
    .option("--sortie", "le schéma de la sortie --json des commandes au lieu de celui du fichier projet")
    .option("--lier", "faire pointer la ligne $schema du projet vers une copie du schéma placée à côté de lui (.cpts/)")
    .action((file, opts) => run(async () => (await import("./schema-command.js")).schemaCommand, [file, opts]));

  program
    .command("completion")
    .description("écrire le script de complétion des commandes pour bash, zsh ou fish")
    .argument("<shell>", "bash, zsh ou fish")
    .action((shell) => run(async () => (await import("./completion.js")).completionCommand, [shell, program]));

  program
    .command("aide")
    .alias("help")
    .description("afficher l’aide d’une commande")
    .argument("[commande...]", "commande (et sous-commande) dont afficher l’aide")
    .action((names: string[]) => {
      throw new Done(showHelp(program, names));
    });
}

/** `cpts aide diagnostic importer`: the help of that command, on standard output. */
function showHelp(program: Command, names: readonly string[]): number {
  let target = program;
  for (const name of names) {
    const sub = target.commands.find((c) => c.name() === name || c.aliases().includes(name));
    if (!sub) throw new UserError(`aide : commande inconnue « ${name} »${didYouMean(name, commandNames(target)) || "."} « cpts --help » liste les commandes.`);
    target = sub;
  }
  target.outputHelp();
  return EXIT.ok;
}

/** An unknown command: the nearest French name, never commander's English alias. */
function suggestUnknownCommands(cmd: Command): void {
  cmd.on("command:*", ([name]: string[]) => {
    cmd.error(`erreur : commande inconnue « ${name} »${didYouMean(name!, commandNames(cmd))}`, { code: "commander.unknownCommand", exitCode: EXIT.usage });
  });
}

function commandNames(cmd: Command): Named[] {
  return cmd.commands.map((c) => ({ name: c.name(), aliases: c.aliases() }));
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
    .version(version, "-V, --version", "afficher la version (ou -v)")
    .addOption(new Option("-v").hideHelp())
    .helpOption("-h, --help", "afficher l’aide")
    .helpCommand(false)
    .option("--debug", "afficher le détail technique des erreurs inattendues")
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
  program.on("option:v", () => {
    io.stdout(`${version}\n`);
    throw new CommanderError(EXIT.ok, "commander.version", version);
  });
  suggestUnknownCommands(program);

  const run: Runner = async (load, args) => {
    const fn = await load();
    throw new Done(await fn(...args, io));
  };
  addProjectCommands(program, run);
  addReportCommands(program, run);
  addToolCommands(program, run);
  suggestUnknownCommands(program.commands.find((c) => c.name() === "diagnostic")!);
  program.addHelpText("after", `\n${EXIT_CODES_HELP}\nDocumentation des champs\u00a0: « cpts schema » donne le chemin du schéma.`);
  addExamples(program);
  return program;
}

/** The --json envelope of a command stopped by a `UserError`: what went wrong, in `erreur` and `constats`. */
async function errorEnvelope(program: Command, argv: readonly string[], error: UserError): Promise<string> {
  const { envelope, jsonCommand } = await import("./json-envelope.js");
  const words = argv.filter((a) => !a.startsWith("-"));
  const top = program.commands.find((c) => c.name() === words[0] || c.aliases().includes(words[0]!));
  const sub = top?.commands.find((c) => c.name() === words[1] || c.aliases().includes(words[1]!));
  const fichier = error.findings.find((f) => f.file)?.file ?? null;
  const findings = error.findings.length ? error.findings : [{ path: "", message: error.message, severity: "erreur" as const, code: "commande" }];
  return envelope(jsonCommand([top?.name(), sub?.name()].filter(Boolean).join(" ")), { fichier, valide: false, constats: findings }, { erreur: error.message });
}

/**
 * Runs the CLI with the given arguments and returns the exit code. Only this function turns
 * errors into messages and exit codes; commands return their code or throw `UserError`. What
 * it prints goes through `guardedIo`: no text from a file or an argument drives the terminal;
 * and through `invocationIo`: hints name the command as the user runs it (`npx cpts …`).
 */
export async function run(argv: readonly string[], rawIo: Io = processIo()): Promise<number> {
  const prefix = rawIo.invocation ?? invocation(rawIo.env, process.argv[1]);
  const io = guardedIo(invocationIo({ ...rawIo, invocation: prefix }, prefix));
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
      // A machine reading --json gets its one JSON document even when the command stops early.
      if (argv.includes("--json")) io.stdout(await errorEnvelope(program, argv, error));
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

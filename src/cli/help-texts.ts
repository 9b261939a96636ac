/**
 * What `--help` adds below commander's lists: examples for each command and the exit codes.
 * Plain strings, loaded with the program itself (`cpts --help` must stay near bare Node startup).
 */
import type { Command } from "commander";

/** Examples by command path (`diagnostic importer`), each a command line and what it does. */
const EXAMPLES: Record<string, [string, string][]> = {
  "": [
    ["cpts init ma-cpts", "créer un projet dans le dossier ma-cpts"],
    ["cpts assistant", "répondre aux questions, étape par étape"],
    ["cpts etat", "voir où en est le projet et quoi faire ensuite"],
    ["cpts generer --brouillon", "écrire les documents, même incomplets"],
  ],
  init: [
    ["cpts init", "créer cpts.yaml dans le dossier courant (le nom est demandé)"],
    ["cpts init ma-cpts --nom \"CPTS du Val de l’Isle\"", "créer ma-cpts/cpts.yaml sans question"],
    ["cpts init nouvelle --nom \"CPTS …\" --depuis modele/cpts.yaml", "partir d’un projet existant"],
  ],
  assistant: [
    ["cpts assistant", "le sommaire des étapes du projet trouvé ici ou dans un dossier parent"],
    ["cpts assistant --etape territoire", "aller directement à l’étape du territoire"],
    ["cpts assistant ma-cpts/cpts.yaml", "continuer un autre projet"],
  ],
  valider: [
    ["cpts valider", "résumé par document et première chose à faire"],
    ["cpts valider --tout", "la liste complète de ce qui manque"],
    ["cpts valider --json > constats.json", "les constats pour une machine (intégration continue)"],
    ["cpts valider --exiger lettre-intention,statuts", "échouer (code 1) si l’un d’eux n’est pas prêt"],
  ],
  territoire: [
    ["cpts territoire", "afficher le territoire, sa population et sa taille"],
    ["cpts territoire --epci 200070647", "couvrir une intercommunalité entière (SIREN)"],
    ["cpts territoire --ajouter 24037,Lamonzie-Saint-Martin", "ajouter des communes par code INSEE ou par nom"],
  ],
  financement: [
    ["cpts financement", "financements de l’ACI du projet, année par année"],
    ["cpts financement --taille T2 --missions ACCES,PARCOURS", "simulation sans fichier projet"],
    ["cpts financement --json", "le tableau et ses sources, pour une machine"],
  ],
  etat: [
    ["cpts etat", "étapes, documents prêts, prochaines actions et échéances"],
    ["cpts etat --date 2026-09-01", "les échéances vues depuis une autre date"],
    ["cpts etat --json", "l’état pour une machine, avec les documents périmés"],
  ],
  diagnostic: [
    ["cpts diagnostic modele", "écrire indicateurs.xlsx, le classeur à remplir"],
    ["cpts diagnostic importer indicateurs.xlsx", "importer les indicateurs chiffrés du classeur (ou d’un CSV)"],
  ],
  "diagnostic importer": [
    ["cpts diagnostic importer indicateurs.xlsx", "importer dans le projet trouvé ici (ou dans un dossier parent)"],
    ["cpts diagnostic importer indicateurs.csv", "importer un CSV séparé par des points-virgules"],
    ["cpts diagnostic importer donnees.xlsx --projet ma-cpts/cpts.yaml", "importer dans un autre projet"],
  ],
  "diagnostic modele": [
    ["cpts diagnostic modele", "indicateurs.xlsx\u00a0: colonnes, deux lignes d’exemple, une feuille d’aide"],
    ["cpts diagnostic modele donnees.csv", "le même modèle en CSV"],
  ],
  generer: [
    ["cpts generer", "écrire les documents prêts dans documents/"],
    ["cpts generer --brouillon --format docx,md", "écrire aussi les documents incomplets, et leur version Markdown"],
    ["cpts generer -d lettre-intention -o envoi/", "écrire la seule lettre d’intention dans envoi/"],
    ["cpts generer cpts-*/cpts.yaml", "écrire les documents de plusieurs projets"],
    ["cpts generer */cpts.yaml -o sorties/{projet} -q", "chaque projet dans son dossier, rien d’écrit sauf les erreurs"],
  ],
  schema: [
    ["cpts schema", "chemin du schéma dans l’installation de cpts"],
    ["cpts schema --lier", "réparer la ligne $schema du projet (copie du schéma dans .cpts/)"],
    ["cpts schema --sortie --contenu", "le schéma de la sortie --json des commandes"],
  ],
  completion: [
    ["cpts completion bash > ~/.local/share/bash-completion/completions/cpts", "bash"],
    ["cpts completion zsh > ~/.zfunc/_cpts", "zsh (avec fpath+=~/.zfunc avant compinit)"],
    ["cpts completion fish > ~/.config/fish/completions/cpts.fish", "fish"],
  ],
  aide: [
    ["cpts aide", "la liste des commandes"],
    ["cpts aide generer", "l’aide d’une commande (comme « cpts generer --help »)"],
  ],
};

/** The exit codes every command uses (src/project/errors.ts), as the root help lists them. */
export const EXIT_CODES_HELP = [
  "Codes de sortie\u00a0:",
  "  0    réussite",
  "  1    le projet contient des erreurs, un document n’a pas été généré,",
  "       ou un document exigé (valider --exiger) n’est pas prêt",
  "  2    usage incorrect, fichier introuvable ou illisible,",
  "       ou pas de terminal pour les questions",
  "  69   un programme manque pour ce qui est demandé (LibreOffice pour le PDF)\u00a0;",
  "       le reste est fait",
  "  70   erreur interne de cpts (« --debug » en donne le détail)",
  "  130  interrompu (Ctrl-C)\u00a0; ce qui était enregistré est gardé",
].join("\n");

function pathOf(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(" ");
}

function examplesText(path: string): string | undefined {
  const list = EXAMPLES[path];
  if (!list) return undefined;
  const width = Math.max(...list.map(([line]) => [...line].length));
  // Side by side when every line fits in 80 columns; otherwise each description under its command.
  const fits = list.every(([, what]) => 2 + width + 2 + [...what].length <= 80);
  const lines = list.map(([line, what]) => (fits ? `  ${line.padEnd(width)}  ${what}` : `  ${line}\n      ${what}`));
  return `\nExemples\u00a0:\n${lines.join("\n")}`;
}

/** Adds its examples below the help of `cmd` and of each of its subcommands. */
export function addExamples(cmd: Command): void {
  const text = examplesText(pathOf(cmd));
  if (text) cmd.addHelpText("after", text);
  for (const sub of cmd.commands) addExamples(sub);
}

/** Command paths that have examples (a test checks that every command has some). */
export const COMMANDS_WITH_EXAMPLES = Object.keys(EXAMPLES);

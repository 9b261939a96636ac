/**
 * Commander in French: help titles, option texts, error messages. `cpts --help` loads this module
 * and must stay close to bare Node startup, so its few no-break spaces are written `\u00a0` here
 * rather than loading src/french (a chunk of its own in the bundle).
 */
import { Help as HelpClass, type Argument, type Command, type Help, type Option } from "commander";

const TITLES: Record<string, string> = {
  "Usage:": "Utilisation :",
  "Options:": "Options :",
  "Commands:": "Commandes :",
  "Arguments:": "Arguments :",
  "Global Options:": "Options globales :",
};

function frenchTitle(title: string): string {
  return (TITLES[title] ?? title).replace(" :", "\u00a0:");
}

/** Commander's English messages, translated. Each pattern is matched on one message line. */
const ERRORS: [RegExp, (...m: string[]) => string][] = [
  [/^error: unknown option '(.+?)'$/, (o) => `option inconnue « ${o} »`],
  [/^\(Did you mean (.+)\?\)$/, (s) => `(vouliez-vous dire ${s}\u00a0?)`],
  [/^\(Did you mean one of (.+)\?\)$/, (s) => `(vouliez-vous dire l’une de ces options : ${s}\u00a0?)`],
  [/^error: unknown command '(.+?)'$/, (c) => `commande inconnue « ${c} » ; « cpts --help » liste les commandes`],
  [/^error: missing required argument '(.+?)'$/, (a) => `argument obligatoire manquant : ${a}`],
  [/^error: option '(.+?)' argument missing$/, (o) => `l’option ${o} attend une valeur`],
  [/^error: required option '(.+?)' not specified$/, (o) => `option obligatoire manquante : ${o}`],
  [
    /^error: option '(.+?)' argument '(.*?)' is invalid\. Allowed choices are (.+)\.$/,
    (o, v, c) => `valeur « ${v} » invalide pour ${o} (valeurs possibles : ${c})`,
  ],
  [/^error: option '(.+?)' argument '(.*?)' is invalid\.(.*)$/, (o, v, r) => `valeur « ${v} » invalide pour ${o}.${r ?? ""}`],
  [
    /^error: too many arguments(?: for '(.+?)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (c, e, g) => `trop d’arguments${c ? ` pour « ${c} »` : ""} : ${e} attendu(s), ${g} reçu(s)`,
  ],
  [/^error: (.+) cannot be used with (.+)$/, (a, b) => `${a} ne peut pas être utilisée avec ${b}`],
];

export function translateCommanderMessage(text: string): string {
  return text
    .split("\n")
    .map((line) => {
      for (const [re, fn] of ERRORS) {
        const m = re.exec(line);
        if (m) return (line.startsWith("error:") ? "erreur : " : "") + fn(...m.slice(1).map((x) => x ?? ""));
      }
      return line.replace(/^error: /, "erreur : ");
    })
    .join("\n")
    .replace(/ :/g, "\u00a0:");
}

function optionDescription(help: Help, option: Option): string {
  const extra: string[] = [];
  if (option.argChoices) extra.push(`valeurs : ${option.argChoices.join(", ")}`);
  if (option.defaultValue !== undefined && option.defaultValue !== false)
    extra.push(`défaut\u00a0: ${option.defaultValueDescription ?? `« ${String(option.defaultValue)} »`}`);
  return extra.length ? `${option.description} (${extra.join(" ; ")})` : option.description;
}

/** Commander's « (default: ".") » and « (choices: …) » after an argument, in French. */
function argumentDescription(argument: Argument): string {
  const extra: string[] = [];
  if (argument.argChoices) extra.push(`valeurs : ${argument.argChoices.join(", ")}`);
  if (argument.defaultValue !== undefined) extra.push(`défaut\u00a0: ${argument.defaultValueDescription ?? `« ${String(argument.defaultValue)} »`}`);
  return extra.length ? `${argument.description} (${extra.join(" ; ")})` : argument.description;
}

/** No-break spaces before « : ; ! ? » and inside guillemets, as in every text cpts prints. */
function frenchSpaces(text: string): string {
  return text.replace(/ ([:;!?»])/g, "\u00a0$1").replace(/« /g, "«\u00a0");
}

// Commander wraps at any `\s`, which includes the no-break space: hide it from the wrapping.
const KEPT_SPACE = "\ue000";
function boxWrap(this: Help, text: string, width: number): string {
  return HelpClass.prototype.boxWrap.call(this, text.replaceAll("\u00a0", KEPT_SPACE), width).replaceAll(KEPT_SPACE, "\u00a0");
}

/** French headings, option hints and error messages for a command and all its subcommands. */
export function frenchHelp(program: Command): Command {
  return program.configureHelp({
    styleTitle: frenchTitle,
    boxWrap,
    optionDescription: (option) => frenchSpaces(optionDescription(undefined as unknown as Help, option)),
    argumentDescription: (argument) => frenchSpaces(argumentDescription(argument)),
    subcommandDescription: (cmd) => frenchSpaces(cmd.summary() || cmd.description()),
    commandDescription: (cmd) => frenchSpaces(cmd.description()),
    subcommandTerm: (cmd) => {
      const args = cmd.registeredArguments.map((a) => (a.required ? `<${a.name()}>` : `[${a.name()}]`)).join(" ");
      return `${cmd.name()}${cmd.options.length ? " [options]" : ""}${args ? ` ${args}` : ""}`;
    },
  });
}

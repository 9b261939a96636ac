/**
 * `cpts completion bash|zsh|fish`: a completion script drawn from the program itself (its
 * commands, aliases and options, so it cannot drift from them), with the values the tool knows:
 * document names, wizard steps, tailles, mission codes, formats. The scripts are static: the
 * shell completes without starting cpts at each Tab.
 */
import type { Command } from "commander";
import { DOCUMENT_IDS, MISSION_CODES, TAILLES } from "../domain/index.js";
import { EXIT, UserError } from "../project/index.js";
import { STEP_IDS } from "../wizard/index.js";
import type { Io } from "./io.js";
import { didYouMean } from "./suggest.js";

export const SHELLS = ["bash", "zsh", "fish"] as const;
type Shell = (typeof SHELLS)[number];

/** What may follow an option or stand for an argument. */
type Value = { words: readonly string[]; list?: boolean } | "file" | "yaml" | "table" | "dir" | "free";

interface OptionSpec {
  short?: string;
  long?: string;
  description: string;
  value?: Value;
}

interface CommandSpec {
  name: string;
  aliases: string[];
  description: string;
  options: OptionSpec[];
  argument?: Value;
  subcommands: CommandSpec[];
}

/** Values by `command option` or `command <argument>`; `[fichier]` arguments are project files. */
function knownValues(program: Command): Record<string, Value> {
  return {
    "assistant --etape": { words: STEP_IDS },
    "generer --document": { words: DOCUMENT_IDS, list: true },
    "valider --exiger": { words: DOCUMENT_IDS, list: true },
    "generer --format": { words: ["docx", "md", "pdf", "docx,md", "docx,pdf", "docx,md,pdf"] },
    "generer --sortie": "dir",
    "generer --modeles": "dir",
    "financement --taille": { words: TAILLES },
    "financement --missions": { words: MISSION_CODES, list: true },
    "init --depuis": "yaml",
    "init <dossier>": "dir",
    "diagnostic importer --projet": "yaml",
    "diagnostic importer <fichier>": "table",
    "diagnostic modele <fichier>": "table",
    "completion <shell>": { words: SHELLS },
    "aide <commande>": { words: program.commands.map((c) => c.name()) },
  };
}

function describe(cmd: Command, path: string, values: Record<string, Value>): CommandSpec {
  const options: OptionSpec[] = cmd.options
    .filter((o) => !o.hidden)
    .map((o) => {
      const value = o.required || o.optional ? (values[`${path} ${o.long}`] ?? "free") : undefined;
      return { ...(o.short ? { short: o.short } : {}), ...(o.long ? { long: o.long } : {}), description: shortText(o.description), ...(value ? { value } : {}) };
    });
  options.push({ short: "-h", long: "--help", description: "afficher l’aide" });
  const arg = cmd.registeredArguments[0];
  const argument = arg ? (values[`${path} <${arg.name()}>`] ?? (arg.name().startsWith("fichier") ? "yaml" : "free")) : undefined;
  return {
    name: cmd.name(),
    aliases: cmd.aliases(),
    description: shortText(cmd.description()),
    options,
    ...(argument ? { argument } : {}),
    subcommands: cmd.commands.map((sub) => describe(sub, `${path} ${sub.name()}`, values)),
  };
}

/** A description fit for a completion menu: its first clause, without quotes or brackets. */
function shortText(text: string): string {
  return text
    .split(/ : | \(|, puis /)[0]!
    .replace(/[«»"'`[\]$\\]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

const ROOT_OPTIONS: OptionSpec[] = [
  { short: "-h", long: "--help", description: "afficher l’aide" },
  { short: "-V", long: "--version", description: "afficher la version" },
  { long: "--debug", description: "afficher le détail technique des erreurs inattendues" },
];

const names = (c: CommandSpec) => [c.name, ...c.aliases];
const flags = (options: readonly OptionSpec[]) => options.flatMap((o) => [o.short, o.long].filter((f): f is string => f !== undefined));

// ——— bash ———

function bashValue(value: Value): string {
  if (value === "free") return "return";
  if (value === "dir") return "COMPREPLY=($(compgen -d -- \"$cur\")); return";
  if (value === "file") return "COMPREPLY=($(compgen -f -- \"$cur\")); return";
  if (value === "yaml") return "COMPREPLY=($(compgen -d -- \"$cur\") $(compgen -f -X '!*.yaml' -- \"$cur\") $(compgen -f -X '!*.yml' -- \"$cur\")); return";
  if (value === "table") return "COMPREPLY=($(compgen -d -- \"$cur\") $(compgen -f -X '!*.xlsx' -- \"$cur\") $(compgen -f -X '!*.csv' -- \"$cur\")); return";
  const words = value.words.join(" ");
  // A list (-d diagnostic,statuts) completes the word after the last comma.
  if (value.list) return `_cpts_list "${words}"; return`;
  return `COMPREPLY=($(compgen -W "${words}" -- "$cur")); return`;
}

function bashCommand(c: CommandSpec): string {
  const valued = c.options.filter((o) => o.value);
  const lines = [`    ${names(c).join("|")})`];
  if (valued.length) {
    lines.push('      case $prev in');
    for (const o of valued) lines.push(`        ${[o.short, o.long].filter(Boolean).join("|")}) ${bashValue(o.value!)} ;;`);
    lines.push("      esac");
  }
  lines.push(`      if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W "${flags(c.options).join(" ")}" -- "$cur")); return; fi`);
  if (c.subcommands.length) lines.push(`      COMPREPLY=($(compgen -W "${c.subcommands.flatMap(names).join(" ")}" -- "$cur")); return ;;`);
  else lines.push(`      ${c.argument ? bashValue(c.argument) : "return"} ;;`);
  return lines.join("\n");
}

function bashScript(commands: readonly CommandSpec[]): string {
  const cases: string[] = [];
  for (const c of commands) {
    cases.push(bashCommand(c));
    for (const sub of c.subcommands) cases.push(bashCommand({ ...sub, name: `${c.name}\\ ${sub.name}`, aliases: sub.aliases.map((a) => `${c.name}\\ ${a}`) }));
  }
  const top = [...commands.flatMap(names), ...flags(ROOT_OPTIONS)].join(" ");
  const nested = commands.filter((c) => c.subcommands.length).flatMap(names).join("|");
  return `# Complétion des commandes de cpts pour bash (« cpts completion bash »).
# Installation : cpts completion bash > ~/.local/share/bash-completion/completions/cpts
# ou, dans ~/.bashrc : source <(cpts completion bash)
_cpts_list() {
  local head=""
  [[ $cur == *,* ]] && head=\${cur%,*},
  COMPREPLY=($(compgen -P "$head" -W "$1" -- "\${cur##*,}"))
}
_cpts() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]}
  local cmd="" i w
  for ((i = 1; i < COMP_CWORD; i++)); do
    w=\${COMP_WORDS[i]}
    [[ $w == -* ]] && continue
    if [[ -z $cmd ]]; then cmd=$w; continue; fi
    # A command with subcommands takes the next word as its subcommand.
    case $cmd in ${nested}) cmd="$cmd $w" ;; esac
  done
  if [[ -z $cmd ]]; then
    COMPREPLY=($(compgen -W "${top}" -- "$cur"))
    return
  fi
  case $cmd in
${cases.join("\n")}
  esac
}
complete -o filenames -o bashdefault -F _cpts cpts
`;
}

// ——— zsh ———

const zshQuote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
const zshDesc = (s: string) => s.replace(/:/g, "\\:");

function zshAction(value: Value | undefined, label: string): string {
  if (!value || value === "free") return `:${label}: `;
  if (value === "dir") return `:${label}:_files -/`;
  if (value === "file") return `:${label}:_files`;
  if (value === "yaml") return `:${label}:_files -g "*.y(a|)ml(-.)"`;
  if (value === "table") return `:${label}:_files -g "*.(xlsx|csv)(-.)"`;
  if (value.list) return `:${label}:_sequence compadd - ${value.words.join(" ")}`;
  return `:${label}:(${value.words.join(" ")})`;
}

function zshSpecs(c: CommandSpec): string[] {
  const specs = c.options.map((o) => {
    const all = [o.short, o.long].filter((f): f is string => f !== undefined);
    const exclusive = all.length > 1 ? `(${all.join(" ")})` : "";
    const names = all.length > 1 ? `{${all.join(",")}}` : all[0]!;
    const desc = `[${zshDesc(o.description)}]${o.value ? zshAction(o.value, (o.long ?? o.short!).replace(/^-+/, "")) : ""}`;
    return all.length > 1 ? `${zshQuote(exclusive)}${names}${zshQuote(desc)}` : zshQuote(`${names}${desc}`);
  });
  if (c.argument) specs.push(zshQuote(`*${zshAction(c.argument, "argument")}`));
  return specs;
}

function zshDescribe(commands: readonly CommandSpec[], label: string): string {
  const entries = commands.flatMap((c) => names(c).map((n) => zshQuote(`${n}:${zshDesc(c.description)}`)));
  return `local -a ${label}; ${label}=(${entries.join(" ")}); _describe -t ${label} ${zshQuote(label)} ${label}`;
}

function zshCase(c: CommandSpec): string {
  if (!c.subcommands.length) return `    ${names(c).join("|")}) _arguments -s ${zshSpecs(c).join(" ")} ;;`;
  const inner = c.subcommands.map((sub) => `        ${names(sub).join("|")}) _arguments -s ${zshSpecs(sub).join(" ")} ;;`);
  return [
    `    ${names(c).join("|")})`,
    `      if (( CURRENT == 2 )); then ${zshDescribe(c.subcommands, "souscommandes")}; return; fi`,
    "      shift words; (( CURRENT-- ))",
    "      case $words[1] in",
    ...inner,
    "      esac ;;",
  ].join("\n");
}

function zshScript(commands: readonly CommandSpec[]): string {
  return `#compdef cpts
# Complétion des commandes de cpts pour zsh (« cpts completion zsh »).
# Installation : cpts completion zsh > ~/.zfunc/_cpts, avec fpath+=(~/.zfunc) avant compinit
# dans ~/.zshrc ; ou, après compinit : source <(cpts completion zsh)
_cpts() {
  local curcontext=$curcontext state line
  _arguments -C ${zshSpecs({ name: "", aliases: [], description: "", options: ROOT_OPTIONS, subcommands: [] }).join(" ")} '1: :->commande' '*:: :->arguments' && return
  case $state in
    commande) ${zshDescribe(commands, "commandes")} ;;
    arguments)
      case $words[1] in
${commands.map(zshCase).join("\n")}
      esac ;;
  esac
}
if [[ $funcstack[1] == _cpts ]]; then _cpts "$@"; else compdef _cpts cpts; fi
`;
}

// ——— fish ———

const fishQuote = (s: string) => `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;

function fishValue(value: Value | undefined): string {
  if (!value) return "";
  if (value === "free") return " -x";
  if (value === "dir") return " -xa '(__fish_complete_directories)'";
  if (value === "file" || value === "yaml" || value === "table") return " -rF";
  return ` -xa ${fishQuote(value.words.join(" "))}`;
}

function fishOptions(condition: string, options: readonly OptionSpec[]): string[] {
  return options.map((o) => {
    const short = o.short ? ` -s ${o.short.slice(1)}` : "";
    const long = o.long ? ` -l ${o.long.slice(2)}` : "";
    return `complete -c cpts -n ${fishQuote(condition)}${short}${long}${fishValue(o.value)} -d ${fishQuote(o.description)}`;
  });
}

function fishScript(commands: readonly CommandSpec[]): string {
  const lines = [
    "# Complétion des commandes de cpts pour fish (« cpts completion fish »).",
    "# Installation : cpts completion fish > ~/.config/fish/completions/cpts.fish",
    "complete -c cpts -f",
    ...fishOptions("__fish_use_subcommand", ROOT_OPTIONS),
  ];
  for (const c of commands) {
    for (const n of names(c)) lines.push(`complete -c cpts -n __fish_use_subcommand -a ${n} -d ${fishQuote(c.description)}`);
    const seen = `__fish_seen_subcommand_from ${names(c).join(" ")}`;
    if (c.subcommands.length) {
      const subNames = c.subcommands.flatMap(names).join(" ");
      for (const sub of c.subcommands) {
        for (const n of names(sub)) lines.push(`complete -c cpts -n ${fishQuote(`${seen}; and not __fish_seen_subcommand_from ${subNames}`)} -a ${n} -d ${fishQuote(sub.description)}`);
        const inSub = `${seen}; and __fish_seen_subcommand_from ${names(sub).join(" ")}`;
        lines.push(...fishOptions(inSub, sub.options));
        if (sub.argument) lines.push(`complete -c cpts -n ${fishQuote(inSub)}${fishValue(sub.argument === "free" ? undefined : sub.argument)}`);
      }
      continue;
    }
    lines.push(...fishOptions(seen, c.options));
    if (c.argument && c.argument !== "free") lines.push(`complete -c cpts -n ${fishQuote(seen)}${fishValue(c.argument)}`);
  }
  return `${lines.join("\n")}\n`;
}

/** The completion script of `shell` for `program`'s commands. */
export function completionScript(shell: Shell, program: Command): string {
  const values = knownValues(program);
  const commands = program.commands.map((c) => describe(c, c.name(), values));
  return shell === "bash" ? bashScript(commands) : shell === "zsh" ? zshScript(commands) : fishScript(commands);
}

/** `cpts completion <shell>`: prints the script on standard output. */
export async function completionCommand(shell: string, program: Command, io: Io): Promise<number> {
  if (!(SHELLS as readonly string[]).includes(shell))
    throw new UserError(`completion : shell inconnu « ${shell} »${didYouMean(shell, SHELLS) || "."} Shells possibles : ${SHELLS.join(", ")}.`);
  io.stdout(completionScript(shell as Shell, program));
  return EXIT.ok;
}

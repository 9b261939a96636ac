/**
 * A `Prompter` that answers from a script, for testing the wizard's steps without a terminal.
 * Each entry is `[part of the expected question, answer]`. Text answers go through the
 * question's validation like typed text: a refused answer is recorded in `errors` and the next
 * entry answers the same question again. When the script runs out, the next question fails as
 * Ctrl-C does (an error named ExitPromptError).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { memoryIo, tempDir } from "../helpers.js";
import { generateCommand } from "../../src/cli/generer.js";
import { style } from "../../src/cli/style.js";
import { skeleton } from "../../src/project/skeleton.js";
import type { WizardContext } from "../../src/wizard/context.js";
import { ProjectEditor } from "../../src/wizard/editor.js";
import {
  parseFrenchNumber,
  type CheckboxQuestion,
  type ConfirmQuestion,
  type NumberQuestion,
  type Prompter,
  type SearchQuestion,
  type SelectQuestion,
  type TextQuestion,
} from "../../src/wizard/prompts.js";

export const CTRL_C = Symbol("ctrl-c");

/** French typography puts a no-break space before « : » ; scripts and assertions use plain spaces. */
export const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

export type Answer =
  | string
  | boolean
  | string[]
  | typeof CTRL_C
  /** Ctrl-C at a text question while this was being written. */
  | { ctrlC: string }
  /** Search: what is typed, then the part of the name of the result to choose. */
  | { search: string; pick?: string };

export type Entry = [expected: string | RegExp, answer: Answer];

export class ScriptedPrompter implements Prompter {
  /** Every question asked, in order. */
  readonly asked: string[] = [];
  /** Every validation message shown. */
  readonly errors: string[] = [];
  /** Every text question asked, as the wizard asked it (default, hint, multiline…). */
  readonly texts: TextQuestion[] = [];
  /** Choices offered by each select, by question. */
  readonly offered: { message: string; choices: string[] }[] = [];
  private position = 0;

  constructor(private readonly script: Entry[]) {}

  get remaining(): number {
    return this.script.length - this.position;
  }

  private next(raw: string): Answer {
    const message = plain(raw);
    this.asked.push(message);
    const entry = this.script[this.position];
    if (!entry) throw Object.assign(new Error("User force closed the prompt"), { name: "ExitPromptError" });
    const [expected, answer] = entry;
    const ok = typeof expected === "string" ? message.includes(expected) : expected.test(message);
    if (!ok)
      throw new Error(`script entry ${this.position + 1}: expected a question matching ${String(expected)}, got « ${message} »`);
    this.position++;
    if (answer === CTRL_C) throw Object.assign(new Error("User force closed the prompt"), { name: "ExitPromptError" });
    if (typeof answer === "object" && "ctrlC" in answer)
      throw Object.assign(new Error("User force closed the prompt"), { name: "ExitPromptError", typed: answer.ctrlC });
    return answer;
  }

  async text(q: TextQuestion): Promise<string> {
    this.texts.push(q);
    for (;;) {
      const answer = this.next(q.message);
      if (typeof answer !== "string") throw new Error(`text question « ${q.message} » needs a string answer`);
      const value = answer === "" ? (q.default ?? "") : answer;
      const verdict = q.validate ? q.validate(value.trim()) : true;
      if (verdict === true) return value.trim();
      this.errors.push(plain(verdict));
    }
  }

  async number(q: NumberQuestion): Promise<number | undefined> {
    const text = await this.text({
      message: q.message,
      ...(q.default !== undefined ? { default: String(q.default) } : {}),
      validate: (t) => (q.validate ? q.validate(parseFrenchNumber(t)) : true),
    });
    const n = parseFrenchNumber(text);
    return typeof n === "number" ? n : undefined;
  }

  async select<T>(q: SelectQuestion<T>): Promise<T> {
    this.offered.push({ message: plain(q.message), choices: q.choices.map((c) => plain(c.name)) });
    const answer = this.next(q.message);
    const enabled = q.choices.filter((c) => !c.disabled);
    if (answer === "") {
      const found = q.default !== undefined ? enabled.find((c) => c.value === q.default) : enabled[0];
      return (found ?? enabled[0]!).value;
    }
    if (typeof answer !== "string") throw new Error(`select « ${q.message} » needs a string answer`);
    const found = enabled.find((c) => plain(c.name).includes(answer));
    if (!found) throw new Error(`select « ${q.message} »: no choice contains « ${answer} » in ${enabled.map((c) => c.name).join(" | ")}`);
    return found.value;
  }

  async checkbox<T>(q: CheckboxQuestion<T>): Promise<T[]> {
    const answer = this.next(q.message);
    this.offered.push({ message: plain(q.message), choices: q.choices.map((c) => plain(c.name)) });
    if (answer === "") return q.choices.filter((c) => c.checked).map((c) => c.value);
    if (!Array.isArray(answer)) throw new Error(`checkbox « ${q.message} » needs a list of names`);
    // A part names the choice of that name, or else the first one that starts with it.
    const picked = answer.map((part) => {
      const found = q.choices.find((c) => plain(c.name) === part) ?? q.choices.find((c) => plain(c.name).startsWith(part));
      if (!found) throw new Error(`checkbox « ${q.message} »: no choice starts with « ${part} »`);
      return found;
    });
    // Like the real prompt: the checked choices, in the order of the list.
    return q.choices.filter((c) => picked.includes(c)).map((c) => c.value);
  }

  async confirm(q: ConfirmQuestion): Promise<boolean> {
    const answer = this.next(q.message);
    if (answer === "") return q.default ?? true;
    if (typeof answer !== "boolean") throw new Error(`confirm « ${q.message} » needs true, false or ""`);
    return answer;
  }

  async search<T>(q: SearchQuestion<T>): Promise<T> {
    const answer = this.next(q.message);
    if (typeof answer !== "object" || Array.isArray(answer) || answer === null || !("search" in answer)) throw new Error(`search « ${q.message} » needs { search, pick }`);
    const choices = (await q.source(answer.search)).filter((c) => !c.disabled);
    const found = answer.pick ? choices.find((c) => plain(c.name).includes(answer.pick!)) : choices[0];
    if (!found) throw new Error(`search « ${answer.search} »: nothing matches « ${answer.pick} » in ${choices.map((c) => c.name).join(" | ")}`);
    return found.value;
  }
}

/** A project folder with a fresh `cpts.yaml` (as `cpts init` writes it), or the given text. */
export function projectDir(source?: string): { dir: string; file: string; read: () => string } {
  const dir = tempDir();
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "cpts.yaml");
  writeFileSync(file, source ?? skeleton("CPTS du Val", "schema.json"));
  return { dir, file, read: () => readFileSync(file, "utf8") };
}

/** A wizard context on a project file, with a scripted prompter and the printed lines. */
export async function scriptedContext(file: string, script: Entry[]) {
  const editor = await ProjectEditor.open(file, "cpts.yaml");
  const ask = new ScriptedPrompter(script);
  const io = memoryIo(join(file, ".."), true);
  /** What was printed, with plain spaces. */
  const printed = () => plain(io.out);
  const generate = (options: { brouillon: boolean }) => generateCommand([file], options, io);
  const ctx: WizardContext = { editor, ask, style: style(false), out: (text = "") => io.stdout(`${text}\n`), generate };
  return { ctx, ask, io, editor, printed };
}

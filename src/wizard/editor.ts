/**
 * The project file as the wizard edits it: every accepted answer is written at once, through
 * the YAML document read from disk (setIn/addIn/deleteIn), so the user's comments, key order and
 * formatting survive; saves are atomic and keep `cpts.yaml.bak`.
 *
 * Two rules keep the file usable between sessions:
 * - the file on disk is the truth: each answer is applied to the file as read again under the
 *   project's lock (src/project/save.ts), so a hand edit or another command's change saved
 *   while the wizard runs (`cpts territoire --ajouter`…) is kept;
 * - nothing that fails the project schema is ever written.
 */
import { existsSync } from "node:fs";
import { isCollection, isScalar, isSeq, type Document, type Node, type YAMLSeq } from "yaml";
import { EXIT, UserError, hasErrors, projectFiles, type Finding, type LockOptions, type Project, type ProjectFile } from "../project/index.js";
import { formatPath, getAt, type Path } from "./path.js";

// The wizard reads, checks and saves the file from its first question on.
const { checkProject, createProjectFile, readDrafts, readProjectFile, updateProjectFile, writeDraft } = await projectFiles();

/** The file has YAML or schema errors: the wizard does not touch it. */
export class ProjectFileInvalid extends UserError {
  constructor(
    message: string,
    readonly problems: readonly Finding[],
  ) {
    super(message, EXIT.projectErrors, problems);
  }
}

const isPlainScalar = (v: unknown) => v === null || ["string", "number", "boolean"].includes(typeof v);

/** An empty `[]` or `{}` becomes a block collection before something is added to it. */
function unflow(node: unknown): void {
  if (!isCollection(node) || !node.flow || node.items.length > 0) return;
  node.flow = false;
  // « epci: []   # par exemple … »: keep the comment above the items rather than after them.
  if (isSeq(node) && node.comment && !node.commentBefore) {
    node.commentBefore = node.comment;
    node.comment = null;
  }
}

/** A list emptied by the wizard goes back to `[]`, its comment back on the same line. */
function reflowEmpty(node: unknown): void {
  if (!isSeq(node) || node.items.length > 0) return;
  node.flow = true;
  if (node.commentBefore && !node.comment) {
    node.comment = node.commentBefore;
    node.commentBefore = null;
  }
}

export type Change =
  | { op: "set"; path: Path; value: unknown }
  | { op: "push"; path: Path; value: unknown }
  | { op: "remove"; path: Path; index: number };

/** Short lists of codes read well on one line (`fonctions: [president, tresorier]`); sentences do not. */
function isCodeList(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.every((v) => typeof v === "number" || (typeof v === "string" && /^[\p{L}\d_.-]+$/u.test(v))) &&
    value.join(", ").length <= 60
  );
}

function createNode(doc: Document, value: unknown): unknown {
  if (isPlainScalar(value)) return value;
  return doc.createNode(value, { flow: isCodeList(value) });
}

function ancestorsUnflowed(doc: Document, path: Path): void {
  for (let i = 1; i < path.length; i++) unflow(doc.getIn(path.slice(0, i), true));
}

function applySet(doc: Document, path: Path, value: unknown): void {
  if (value === undefined) {
    if (doc.hasIn(path)) doc.deleteIn(path);
    return;
  }
  ancestorsUnflowed(doc, path);
  const existing = doc.getIn(path, true) as Node | undefined;
  if (isScalar(existing) && isPlainScalar(value)) {
    existing.value = value; // keeps the comment and the quoting style of the value
    return;
  }
  if (isSeq(existing) && Array.isArray(value) && value.every(isPlainScalar)) {
    existing.items = value.map((v) => doc.createNode(v));
    if (value.length === 0) reflowEmpty(existing);
    return;
  }
  doc.setIn(path, createNode(doc, value));
}

function applyPush(doc: Document, path: Path, value: unknown): void {
  ancestorsUnflowed(doc, path);
  const seq = doc.getIn(path, true);
  if (!isSeq(seq)) {
    doc.setIn(path, doc.createNode([value], { flow: false }));
    return;
  }
  unflow(seq);
  // A section does not fit well in a one-line list written by hand: switch that list to block.
  if (seq.flow && !isPlainScalar(value)) seq.flow = false;
  (seq as YAMLSeq).items.push(createNode(doc, value) as never);
}

function applyRemove(doc: Document, path: Path, index: number): void {
  const seq = doc.getIn(path, true);
  if (!isSeq(seq) || index < 0 || index >= seq.items.length) return;
  seq.items.splice(index, 1);
  reflowEmpty(seq);
}

export class ProjectEditor {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly path: string,
    readonly displayName: string,
    private file: ProjectFile,
    private readonly lockOptions: LockOptions,
    private readonly drafts: Record<string, string>,
  ) {}

  /**
   * Reads and checks the project file. Throws `ProjectFileInvalid` (exit 1, with the findings
   * of valider) when it has YAML or schema errors, `UserError` (exit 2) when it cannot be read.
   */
  static async open(path: string, displayName: string, lockOptions: LockOptions = {}): Promise<ProjectEditor> {
    const file = await ProjectEditor.readChecked(path, displayName);
    return new ProjectEditor(path, displayName, file, lockOptions, await readDrafts(path));
  }

  private static async readChecked(path: string, displayName: string): Promise<ProjectFile> {
    const file = await readProjectFile(path, displayName);
    const problems = checkProject(file, displayName);
    if (hasErrors(problems))
      throw new ProjectFileInvalid(`${displayName} contient des erreurs : l’assistant ne l’a pas modifié.`, problems);
    return file;
  }

  /** The current answers (plain data, as validated). */
  get project(): Project {
    return this.file.data as Project;
  }

  /** The text last read or written. */
  get source(): string {
    return this.file.source;
  }

  get(path: Path): unknown {
    return getAt(this.file.data, path);
  }

  /** Reads the file again (hand edits between two steps are taken as they are). */
  async reload(): Promise<void> {
    await this.enqueue(async () => {
      this.file = await ProjectEditor.readChecked(this.path, this.displayName);
    });
  }

  /** Sets a value (undefined removes the field) and saves. */
  async set(path: Path, value: unknown): Promise<void> {
    await this.apply([{ op: "set", path, value }]);
  }

  /** Appends an item to a list (created if needed) and saves; returns the item's index. */
  async push(path: Path, value: unknown): Promise<number> {
    await this.apply([{ op: "push", path, value }]);
    const list = this.get(path);
    return Array.isArray(list) ? list.length - 1 : 0;
  }

  async remove(path: Path, index: number): Promise<void> {
    await this.apply([{ op: "remove", path, index }]);
  }

  /** Applies several changes and saves once: all of them or, if the result is invalid, none. */
  async apply(changes: readonly Change[]): Promise<void> {
    await this.enqueue(() => this.commit(changes));
    await this.forgetDrafts(changes);
  }

  /** Fields with a draft (text being typed when the wizard was stopped), by path. */
  get draftFields(): string[] {
    return Object.keys(this.drafts);
  }

  /** The draft of the field at `path`, if one was kept. */
  draft(path: Path): string | undefined {
    return this.drafts[formatPath(path)];
  }

  /** Keeps what was being typed for `path` (src/project/drafts.ts); undefined forgets it. */
  async keepDraft(path: Path, text: string | undefined): Promise<void> {
    await this.setDraft(formatPath(path), text);
  }

  private async setDraft(field: string, text: string | undefined): Promise<void> {
    if (text === undefined) delete this.drafts[field];
    else this.drafts[field] = text;
    await writeDraft(this.path, field, text);
  }

  /**
   * Once answers are saved, the drafts of what they replace go: those of the fields set (and of
   * the fields below them), and all those of a list an item was added to or removed from (its
   * items' numbers may have changed).
   */
  private async forgetDrafts(changes: readonly Change[]): Promise<void> {
    if (Object.keys(this.drafts).length === 0) return;
    const prefixes = changes.map((c) => formatPath(c.path));
    const under = (field: string, prefix: string) => field === prefix || field.startsWith(`${prefix}.`) || field.startsWith(`${prefix}[`);
    for (const field of Object.keys(this.drafts)) {
      if (prefixes.some((p) => under(field, p))) await this.setDraft(field, undefined);
    }
  }

  /** Resolves when no save is under way. */
  async idle(): Promise<void> {
    await this.queue.catch(() => undefined);
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.catch(() => undefined).then(task);
    this.queue = run;
    return run;
  }

  private async commit(changes: readonly Change[]): Promise<void> {
    let fresh: ProjectFile | undefined;
    const apply = (file: ProjectFile) => {
      fresh = file;
      for (const change of changes) {
        if (change.op === "set") applySet(file.doc, change.path, change.value);
        else if (change.op === "push") applyPush(file.doc, change.path, change.value);
        else applyRemove(file.doc, change.path, change.index);
      }
    };
    try {
      if (existsSync(this.path)) this.file = (await updateProjectFile(this.path, this.displayName, apply, this.lockOptions)).file;
      else {
        // Removed while the wizard ran: written again from the last version read, with the answer.
        const doc = this.file.doc.clone();
        apply({ ...this.file, doc });
        this.file = await createProjectFile(this.path, this.displayName, doc, this.lockOptions);
      }
    } catch (error) {
      if (!(error instanceof UserError) || error.exitCode !== EXIT.projectErrors) throw error;
      // Before the edit: the file was broken by hand meanwhile; after: the answer would break it.
      const where = changes.map((c) => formatPath(c.path)).join(", ");
      throw new ProjectFileInvalid(
        fresh
          ? `Cette réponse (${where}) rendrait ${this.displayName} invalide : elle n’a pas été enregistrée.`
          : `${this.displayName} a été modifié pendant l’assistant et contient maintenant des erreurs : la dernière réponse n’a pas été enregistrée.`,
        error.findings,
      );
    }
  }
}

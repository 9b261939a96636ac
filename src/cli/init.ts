import { existsSync } from "node:fs";
import { mkdir, stat } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import {
  DEFAULT_PROJECT_FILE,
  EXIT,
  MODELINE_PREFIX,
  SCHEMA_COPY_REF,
  UserError,
  displayPath,
  hasErrors,
  projectFiles,
} from "../project/index.js";
import type { Io } from "./io.js";
import { formatFindingGroups } from "./findings-output.js";
import { style } from "./style.js";

export interface InitOptions {
  nom?: string;
  oui?: boolean;
  depuis?: string;
  /** false when the wizard itself creates the file: no hand-over back to it. */
  assistant?: boolean;
}

const MIN_NAME = 3;

export function checkName(name: string): string | true {
  const trimmed = name.trim();
  if (trimmed.length < MIN_NAME) return `Le nom doit compter au moins ${MIN_NAME} caractères, par exemple « CPTS du Bergeracois ».`;
  if (trimmed.length > 150) return "Le nom doit compter 150 caractères au plus.";
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) return "Le nom ne doit pas contenir de caractère de contrôle.";
  return true;
}

function defaultName(dir: string): string {
  const folder = basename(dir).replace(/[-_]+/g, " ").trim();
  return folder && folder !== "." ? `CPTS ${folder}` : "CPTS";
}

/** `cpts init [dossier]`: writes a commented, valid `cpts.yaml`; never overwrites a project. */
export async function initCommand(dirArg: string, opts: InitOptions, io: Io): Promise<number> {
  const dir = resolve(io.cwd, dirArg);
  const target = join(dir, DEFAULT_PROJECT_FILE);
  const shown = displayPath(target, io.cwd);
  if (existsSync(target))
    throw new UserError(
      `${shown} existe déjà : il n’a pas été modifié. Continuez-le avec « cpts assistant » ou choisissez un autre dossier.`,
    );
  if (existsSync(dir) && !(await stat(dir)).isDirectory())
    throw new UserError(`${displayPath(dir, io.cwd)} est un fichier, pas un dossier : choisissez un dossier pour le projet.`);

  let name = opts.nom;
  if (name === undefined) {
    if (opts.oui) name = defaultName(dir);
    else if (io.interactive) {
      const { askText } = await import("../wizard/index.js");
      name = await askText({
        message: "Nom de la CPTS",
        hint: "Le nom complet, tel qu’il figurera sur les documents.",
        default: defaultName(dir),
        validate: checkName,
      });
    } else
      throw new UserError(
        "Indiquez le nom de la CPTS avec --nom « CPTS du … » (ou --oui pour un nom par défaut) : aucune question n’est posée hors d’un terminal.",
      );
  }
  const check = checkName(name);
  if (check !== true) throw new UserError(check);
  const finalName = name.trim();

  await mkdir(dir, { recursive: true });
  const s = style(io.color);
  const { anonymiseForReuse, createProjectFile, readProjectFile, skeleton } = await projectFiles();
  // Created under the project's lock, after the checks of any save: a file created meanwhile
  // under the same name is never replaced, and the new file is one cpts reads without error.
  const create = async (content: Parameters<typeof createProjectFile>[2]) => {
    try {
      await createProjectFile(target, shown, content, { onWait: (message) => io.stderr(`${message}\n`) });
    } catch (error) {
      if (error instanceof UserError && error.findings.length) io.stderr(formatFindingGroups(error.findings, s));
      throw error;
    }
  };
  let cleared: string[] | undefined;
  if (opts.depuis) {
    const sourcePath = resolve(io.cwd, opts.depuis);
    const model = await readProjectFile(sourcePath, displayPath(sourcePath, io.cwd));
    if (hasErrors(model.findings)) {
      io.stderr(formatFindingGroups(model.findings, s));
      throw new UserError(`${displayPath(sourcePath, io.cwd)} n’est pas un fichier YAML lisible : corrigez-le avant de vous en servir comme modèle.`, EXIT.projectErrors);
    }
    cleared = anonymiseForReuse(model.doc, finalName);
    setModeline(model.doc, SCHEMA_COPY_REF);
    await create(model.doc);
  } else {
    await create(skeleton(finalName, SCHEMA_COPY_REF));
  }
  if (cleared) io.stdout(clearedSummary(cleared));
  io.stdout(`${s.green("✓")} ${shown} créé pour « ${finalName} ».\n`);
  // The wizard names the project by its folder; none is needed when it is the current one.
  const projectArg = dir === io.cwd ? undefined : shellWord(displayPath(dir, io.cwd));
  const wizard = `cpts assistant${projectArg ? ` ${projectArg}` : ""}`;
  if (io.interactive && !opts.oui && opts.assistant !== false) {
    const { askConfirm } = await import("../wizard/index.js");
    const start = await askConfirm({
      message: "Lancer l’assistant maintenant ?",
      hint: "Il pose les questions une à une et enregistre chaque réponse aussitôt ; vous pouvez l’arrêter à tout moment.",
      default: true,
    });
    if (start) {
      const { assistantCommand } = await import("./assistant.js");
      return assistantCommand(shown === DEFAULT_PROJECT_FILE ? undefined : shown, {}, io);
    }
  }
  io.stdout(
    `Suite\u00a0: répondez aux questions de l’assistant avec « ${wizard} ».\n` +
      `(Ou complétez ${shown} dans votre éditeur, qui décrit chaque champ, puis vérifiez-le avec « cpts valider${projectArg ? ` ${projectArg}` : ""} ».)\n`,
  );
  return EXIT.ok;
}

/** A path as one shell word: quoted when it holds anything but letters, digits and `._/-`. */
function shellWord(text: string): string {
  return /^[\w./-]+$/.test(text) ? text : `"${text.replace(/(["\\$`])/g, "\\$1")}"`;
}

/** What `--depuis` removed: the personal fields by kind (`porteurs[].nom`), then what it cannot see. */
function clearedSummary(paths: readonly string[]): string {
  const kinds = [...new Set(paths.map((p) => p.replace(/\[\d+\]/g, "[]")))];
  const head = paths.length
    ? `Données personnelles effacées (${paths.length} valeur${paths.length > 1 ? "s" : ""})\u00a0: ${kinds.join(", ")}.`
    : "Aucune donnée personnelle à effacer dans le modèle.";
  return `${head}\nLes dates sont retirées aussi. Relisez les textes libres (historique, descriptions)\u00a0: ils peuvent encore nommer des personnes.\n`;
}

/** The copied file must point at this installation's schema, not the model's. */
function setModeline(doc: import("yaml").Document, ref: string): void {
  const lines = (doc.commentBefore ?? "").split("\n").filter((l) => !l.trim().startsWith(MODELINE_PREFIX.slice(2).trim()));
  doc.commentBefore = [` ${MODELINE_PREFIX.slice(2)}${ref}`, ...lines].join("\n").replace(/\n+$/, "");
}


/**
 * What a project's generated documents are made from, as one key (`generationKey`), and what the
 * manifest of a documents folder says of each recorded file against the current key
 * (`generatedStates`): `cpts generer` skips documents that are up to date, `cpts etat` says
 * which ones are out of date with cpts.yaml. One place, so that both always agree.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { dirname, join, sep } from "node:path";
import { PACKAGE_ROOT, TEMPLATES_DIR } from "../project/index.js";
import { inputsKey, recordedFiles } from "../render/index.js";
import { defaultContoursDir } from "../territory/index.js";

/** Names the list of parts below: change it when they change, so older keys never match. */
const KEY_FORMAT = "cpts generer, clé 1";

/** Where the build writes its identity (src/build/bundle.ts). */
const BUILD_ID = join(PACKAGE_ROOT, "dist", "build-id");

/**
 * The files of a template folder and of its subfolders (`partials/`, and whatever else templates
 * may use), as `[relative path, bytes]`, in path order.
 */
async function folderFiles(dir: string): Promise<[string, Uint8Array][]> {
  const names = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  const files = await Promise.all(
    names.sort().map(async (name) => {
      const bytes = await readFile(join(dir, name)).catch(() => undefined); // folders fail here
      return bytes && ([name.split(sep).join("/"), bytes] as [string, Uint8Array]);
    }),
  );
  return files.filter((f): f is [string, Uint8Array] => f !== undefined);
}

/**
 * The tool itself, as parts of a key: package.json and the build's identity, so a rebuilt tool
 * counts as a new one (without a build, sources under test, the package.json alone stands for
 * it), and the contours the map is drawn from, since CPTS_CONTOURS_DIR may name others than the
 * build's.
 */
export async function toolIdentity(env: NodeJS.ProcessEnv): Promise<Uint8Array[]> {
  const files = [join(PACKAGE_ROOT, "package.json"), BUILD_ID, join(defaultContoursDir(env), "index.json")];
  return Promise.all(files.map((f) => readFile(f).catch(() => new Uint8Array())));
}

/**
 * The key of everything a project's documents are made from, each document and format alike:
 * the project file, every file of the template folders in their order (partials included), the
 * options that change what is written (--brouillon, SOURCE_DATE_EPOCH for documents without a
 * date), and the tool itself. Made from bytes alone, without reading YAML or compiling a
 * template, so that finding documents up to date costs about a start of the tool. Undefined when
 * the project file cannot be read (the full run reports why).
 */
export async function generationKey(
  projectPath: string,
  templateDirs: readonly string[],
  brouillon: boolean,
  env: NodeJS.ProcessEnv,
  tool: readonly Uint8Array[],
): Promise<string | undefined> {
  const project = await readFile(projectPath).catch(() => undefined);
  if (project === undefined) return undefined;
  const parts: (string | Uint8Array)[] = [KEY_FORMAT, ...tool, project, brouillon ? "brouillon" : "", env.SOURCE_DATE_EPOCH?.trim() ?? ""];
  for (const [i, files] of (await Promise.all(templateDirs.map(folderFiles))).entries()) {
    parts.push(`modèles ${i} : ${files.length}`);
    for (const [name, bytes] of files) parts.push(name, bytes);
  }
  return inputsKey(parts);
}

async function isDirectory(path: string): Promise<boolean | undefined> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return undefined;
  }
}

/**
 * The template folders of a project, the first one winning: `--modeles` when given, else the
 * `modeles/` folder beside the project when there is one, then the tool's own templates.
 */
export async function projectTemplateDirs(projectPath: string, userTemplates: string | undefined): Promise<{ custom: string | undefined; dirs: string[] }> {
  const local = join(dirname(projectPath), "modeles");
  const custom = userTemplates ?? ((await isDirectory(local)) ? local : undefined);
  return { custom, dirs: [custom, TEMPLATES_DIR].filter((d): d is string => d !== undefined) };
}

/** A generated file of a documents folder, against what the project is now. */
export interface GeneratedState {
  /** Path in the documents folder (with `/`), e.g. `statuts.docx`. */
  fichier: string;
  absolutePath: string;
  /**
   * `a_jour`: made from the project, templates and tool as they are now; `perime`: made before
   * they changed; `modifie`: changed by hand since; `absent`: recorded but no longer there.
   */
  etat: "a_jour" | "perime" | "modifie" | "absent";
}

/**
 * Each file the manifest of `outDir` records, with its state against the project as it is now
 * (drafts or not: either key counts as up to date), in path order. Empty when the folder or its
 * manifest is missing.
 */
export async function generatedStates(projectPath: string, outDir: string, env: NodeJS.ProcessEnv): Promise<GeneratedState[]> {
  const files = await recordedFiles(outDir);
  if (files.length === 0) return [];
  const tool = await toolIdentity(env);
  const { dirs } = await projectTemplateDirs(projectPath, undefined);
  const keys = new Set(await Promise.all([false, true].map((brouillon) => generationKey(projectPath, dirs, brouillon, env, tool))));
  return files.map((f) => ({
    fichier: f.relPath,
    absolutePath: f.absolutePath,
    etat: f.state === "absent" ? "absent" : f.state === "edited" ? "modifie" : f.cle !== undefined && keys.has(f.cle) ? "a_jour" : "perime",
  }));
}

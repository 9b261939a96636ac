/**
 * The example projects as the CLI reads them (src/project: read, migrate, validate), and their
 * document model dated like `cpts generer` dates it (`documents.date`). The domain reads no file.
 */
import { join } from "node:path";
import { buildModel, type DocumentModel, type ModelOptions } from "../src/domain/model/index.js";
import { loadProject } from "../src/project/load.js";
import type { Project } from "../src/project/types.js";
import { EXAMPLES } from "./helpers.js";

export type ExampleName = "bergerac" | "chambery" | "minimal" | "vallee-herault" | "saverne";

/** Path of examples/<name>/cpts.yaml. */
export function examplePath(name: ExampleName): string {
  return join(EXAMPLES, name, "cpts.yaml");
}

/** The project of an example and its model options; throws if the example is not valid. */
export async function loadExample(name: ExampleName): Promise<[Project, ModelOptions]> {
  const path = examplePath(name);
  const loaded = await loadProject(path, path);
  if (!loaded.project) throw new Error(`${path} : ${loaded.findings.map((f) => f.message).join(" ; ")}`);
  const date = loaded.project.documents?.date;
  return [loaded.project, date ? { date } : {}];
}

/** The document model of an example (Bergerac, complete, by default). */
export async function exampleModel(name: ExampleName = "bergerac"): Promise<DocumentModel> {
  return buildModel(...(await loadExample(name)));
}

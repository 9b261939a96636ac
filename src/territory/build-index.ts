/**
 * The build step that writes the territory index: `npm run build` runs
 * `node dist/territory/build-index.js dist/territory/index.json`, which writes the catalogue at
 * that path and the parts and the name file in `index-parts/` beside it (index-format.ts,
 * index-files.ts). The CLI then reads the catalogue and only the parts it needs (data.ts).
 */
import { realpathSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { formatNumber } from "../french/index.js";
import { TerritoryData } from "./data.js";
import { writeIndexFiles } from "./index-files.js";
import { buildNameFile } from "./name-file.js";
import { buildIndex, type CompactIndex } from "./package-index.js";
import { splitIndex } from "./split-index.js";

/** Builds the index and writes its catalogue to `outFile`, its parts and name file beside it. */
export function writeIndex(outFile: string, packageDir?: string): CompactIndex {
  const index = buildIndex(packageDir);
  const split = splitIndex(index);
  const data = new TerritoryData(split.catalogue, (p) => split.parts[p]!, "package");
  writeIndexFiles(outFile, split, buildNameFile(data, split.catalogue.stamp));
  return index;
}

function main(argv: readonly string[]): number {
  const outFile = argv[0];
  if (!outFile || argv.length > 1) {
    process.stderr.write("Usage\u00a0: node dist/territory/build-index.js <fichier de sortie>\n");
    return 2;
  }
  const index = writeIndex(outFile);
  process.stdout.write(
    `Index du territoire écrit dans ${outFile} (${formatNumber(index.communes.count, 0)} communes, ` +
      `${formatNumber(index.epci.count, 0)} intercommunalités, ${index.source.package} ${index.source.version}).\n`,
  );
  if (index.source.population.year === null) {
    process.stderr.write(
      `Attention\u00a0: l’année des populations de ${index.source.package} ${index.source.version} n’est pas connue de l’outil\u00a0; ` +
        "les documents l’indiqueront comme inconnue.\n",
    );
  }
  return 0;
}

/** True when this file is the script Node was started with (symlinks resolved, as Node does). */
function isMainModule(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(resolve(script)) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMainModule()) {
  process.exitCode = main(process.argv.slice(2));
}

/**
 * A valid project read by `cpts valider` or `cpts generer` never needs the full `yaml` parse:
 * its data comes from the fast read path and its document is parsed only when a message needs a
 * position or the file is saved. These tests keep that from silently regressing.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { describe, expect, it } from "vitest";
import { fullParseCount, parseProjectSource, positionOf, readProjectFile } from "../../src/project/file.js";
import { fastParseCount } from "../../src/project/fast-yaml.js";
import { loadProject } from "../../src/project/load.js";
import { CURRENT_VERSION, migrate, type Migration } from "../../src/project/migrate.js";
import { EXAMPLES } from "../helpers.js";

const BERGERAC = join(EXAMPLES, "bergerac", "cpts.yaml");

describe("the full YAML parse is done only when needed", () => {
  it("is not done to load and validate examples/bergerac/cpts.yaml", async () => {
    const full = fullParseCount();
    const fast = fastParseCount();
    const loaded = await loadProject(BERGERAC, "cpts.yaml");
    expect(loaded.findings).toEqual([]);
    expect(loaded.project).toBeDefined();
    expect(loaded.migration).toEqual({ from: CURRENT_VERSION, to: CURRENT_VERSION, applied: [] });
    expect(fastParseCount()).toBe(fast + 1);
    expect(fullParseCount()).toBe(full);
  });

  it("is done once, on first access to the document, and gives the same data", async () => {
    const file = await readProjectFile(BERGERAC, "cpts.yaml");
    const before = fullParseCount();
    const doc = file.doc;
    expect(fullParseCount()).toBe(before + 1);
    expect(file.doc).toBe(doc);
    expect(file.lineCounter).toBeDefined();
    expect(fullParseCount()).toBe(before + 1);
    expect(doc.toJS()).toEqual(file.data);
    const source = readFileSync(BERGERAC, "utf8");
    expect(positionOf(file, source.indexOf("historique:"))).toEqual({ line: 17, column: 3 });
  });

  it("is done at once for a file the fast path declines", () => {
    const before = fullParseCount();
    const file = parseProjectSource("a: &x 1\nb: *x\n", "cpts.yaml");
    expect(fullParseCount()).toBe(before + 1);
    expect(file.data).toEqual({ a: 1, b: 1 });
    void file.doc;
    expect(fullParseCount()).toBe(before + 1);
  });
});

describe("migrating a project file read by the fast path", () => {
  /** A project file whose document is parsed on demand, counting the parses. */
  function lazyFile(source: string) {
    let parses = 0;
    let doc: ReturnType<typeof parseDocument> | undefined;
    return {
      data: parseDocument(source).toJS() as unknown,
      get doc() {
        if (!doc) parses++;
        return (doc ??= parseDocument(source));
      },
      get parses() {
        return parses;
      },
    };
  }
  const STEPS: Migration[] = [{ from: 1, describe: "ajoute cpts.sigle", up: (d) => d.setIn(["cpts", "sigle"], "S") }];

  it("decides from the data when there is nothing to migrate", () => {
    for (const source of [`version: ${CURRENT_VERSION}\n`, "cpts:\n  nom: X\n", 'version: "1"\n', "version: 1.5\n", "version: 0\n", "version: [1]\n"]) {
      const file = lazyFile(source);
      expect(migrate(file, "cpts.yaml"), source).toEqual(migrate(parseDocument(source), "cpts.yaml"));
      expect(file.parses, source).toBe(0);
    }
  });

  it("uses the document to migrate an older file, as before", () => {
    const file = lazyFile("# garde-moi\nversion: 1\ncpts:\n  nom: X\n");
    expect(migrate(file, "cpts.yaml", STEPS, 2)).toEqual({ from: 1, to: 2, applied: ["ajoute cpts.sigle"] });
    expect(file.parses).toBe(1);
    expect(file.doc.toString()).toBe("# garde-moi\nversion: 2\ncpts:\n  nom: X\n  sigle: S\n");
  });

  it("refuses a newer file with the same message", () => {
    const source = `version: ${CURRENT_VERSION + 1}\n`;
    expect(() => migrate(lazyFile(source), "cpts.yaml")).toThrow(/plus récent.*Mettez cpts à jour/);
  });

  it("asks the document when the data is not a section", () => {
    for (const source of ["- version: 2\n", "texte\n"]) {
      const file = lazyFile(source);
      expect(migrate(file, "cpts.yaml")).toEqual({ from: CURRENT_VERSION, to: CURRENT_VERSION, applied: [] });
    }
  });
});

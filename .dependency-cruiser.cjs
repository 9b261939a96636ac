/**
 * The architecture of cpts, as rules on imports (dependency-cruiser; run by `npm test` through
 * test/architecture/dependencies.test.ts, or alone with `npm run lint:architecture`).
 *
 *   cli → wizard → domain → territory, project      render: generic documents      french: a leaf
 *
 * The layer rules apply to type-only imports too (`tsPreCompilationDeps`). A type import creates no
 * coupling at run time, but it still lets a layer speak the vocabulary of one it must not know
 * (the wizard typing itself with the CLI's `Io`, render with the document model), and none is
 * needed today. If one ever is, add `dependencyTypesNot: ["type-only"]` to that one rule and say
 * why beside it. Only the cycle rule leaves them out (see its comment).
 *
 * @type {import("dependency-cruiser").IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: "french-is-a-leaf",
      comment: "src/french (numbers, dates, typography, lists) is used by every layer and imports none of them.",
      severity: "error",
      from: { path: "^src/french/" },
      to: { path: "^src/", pathNot: "^src/french/" },
    },
    {
      name: "domain-is-pure",
      comment:
        "The rules of a CPTS neither print, prompt, write documents nor read files: cli, wizard and render " +
        "use the domain, never the other way round.",
      severity: "error",
      from: { path: "^src/domain/" },
      to: { path: "^src/(cli|wizard|render|build)/" },
    },
    {
      name: "domain-uses-no-node-api",
      comment:
        "No file, terminal or process in the domain (node:fs, node:readline, process…): the project comes in " +
        "already read by src/project, the results go out as data.",
      severity: "error",
      from: { path: "^src/domain/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "territory-knows-no-domain",
      comment:
        "Geography (communes, EPCI, population, ARS, CPAM) knows nothing of the ACI: the taille rule and the " +
        "project's territory live in src/domain, which uses src/territory.",
      severity: "error",
      from: { path: "^src/territory/" },
      to: { path: "^src/(domain|cli|wizard|render|build)/" },
    },
    {
      name: "render-knows-no-cpts",
      comment: "Templates, Markdown, blocks, DOCX and written files: generic, fed a model it does not know.",
      severity: "error",
      from: { path: "^src/render/" },
      to: { path: "^src/(domain|territory|wizard|cli|build)/" },
    },
    {
      name: "project-knows-no-prompts",
      comment: "The project file (read, check, migrate, save) is below every other layer and asks nothing.",
      severity: "error",
      from: { path: "^src/project/" },
      to: { path: ["^src/(domain|territory|render|wizard|cli|build)/", "(^|/)node_modules/(@inquirer/|commander/)"] },
    },
    {
      name: "wizard-receives-from-cli",
      comment:
        "The wizard gets what it needs from the CLI (prompts, output, the generate function) instead of " +
        "importing it; documents are the generate function's business.",
      severity: "error",
      from: { path: "^src/wizard/" },
      to: { path: "^src/(cli|render|build)/" },
    },
    {
      name: "one-module-wraps-the-prompts",
      comment: "Only src/wizard/prompts.ts talks to @inquirer: the French theme and Ctrl-C live there, tests replace it.",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/wizard/prompts\\.ts$" },
      to: { path: "(^|/)node_modules/@inquirer/" },
    },
    {
      name: "commander-in-cli-only",
      comment: "Commands, options and their French help belong to src/cli.",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/cli/" },
      to: { path: "(^|/)node_modules/commander/" },
    },
    {
      name: "build-is-tooling",
      comment: "src/build runs at build time (bundle, compiled validator, precompiled templates): nothing imports it.",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/build/" },
      to: { path: "^src/build/" },
    },
    {
      name: "through-the-index",
      comment:
        "A folder's index.ts is its public face: other folders import it, never a file behind it. Where a part " +
        "is heavy, the index exports an async loader for it (projectFiles() in src/project, the prompts in " +
        "src/wizard) so that `cpts --help` stays near bare Node startup.",
      severity: "error",
      from: { path: "^src/([^/]+)/" },
      to: { path: "^src/", pathNot: ["^src/$1/", "^src/[^/]+/index\\.ts$"] },
    },
    {
      name: "no-circular",
      comment:
        "A cycle of imports makes two modules one: split out what they share. Type-only imports are erased " +
        "before run time, and a lazy `await import()` loads a module only when it is used, so neither closes " +
        "a cycle: `cpts init` hands over to the wizard, which may create the project with init; " +
        "src/project/index.ts loads files.ts on demand, which re-exports it.",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only", "dynamic-import"] } },
    },
    {
      name: "not-to-unresolvable",
      comment: "An import that resolves to nothing fails at run time.",
      severity: "error",
      from: { path: "^src/" },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "(^|/)node_modules/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".js", ".json"],
      // "types" last: a package of types alone (@types/geojson, whose `main` is empty) resolves to
      // its declarations, as TypeScript resolves it, instead of counting as unresolvable.
      mainFields: ["module", "main", "types", "typings"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};

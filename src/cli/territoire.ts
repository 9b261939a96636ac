import type { Document } from "yaml";
import { NBSP, formatNumber as fmt } from "../french/index.js";
import { projectTerritory, type ProjectTerritory } from "../domain/index.js";
import { EXIT, UserError, displayPath, projectFiles, type Finding, type Project } from "../project/index.js";
import { resolveItem } from "../territory/index.js";
import { formatFinding } from "./findings-output.js";
import type { Io } from "./io.js";
import { envelope } from "./json-envelope.js";
import { changeProject, requireValidProject } from "./project-context.js";
import { style } from "./style.js";

export interface TerritoryOptions {
  epci?: string[];
  communes?: string[];
  ajouter?: string[];
  retirer?: string[];
  departement?: string[];
  maj?: boolean;
  json?: boolean;
}

/** Options may be repeated or hold comma-separated lists: `--communes 24037,24053`. */
const values = (list: string[] | undefined) => (list ?? []).flatMap((v) => v.split(/[,;]/)).map((v) => v.trim()).filter(Boolean);

/**
 * `cpts territoire [fichier]`: prints the territory computed from official data; with options,
 * changes it first (atomic, comment-preserving save) and stores the computed population and taille.
 */
export async function territoryCommand(fileArg: string | undefined, opts: TerritoryOptions, io: Io): Promise<number> {
  const loaded = await requireValidProject(fileArg, io);
  const name = displayPath(loaded.path, io.cwd);
  const { locate } = await projectFiles();
  const problems: Finding[] = [];
  const notes: string[] = [];
  for (const [option, list] of Object.entries({ epci: opts.epci, communes: opts.communes, ajouter: opts.ajouter, retirer: opts.retirer, departement: opts.departement }))
    if (list !== undefined && values(list).length === 0) throw new UserError(`--${option} : valeur vide ; indiquez un code ou un nom.`);
  const changing = [opts.epci, opts.communes, opts.ajouter, opts.retirer, opts.departement].some((o) => o?.length);

  const resolveAll = (raw: string[], option: string) =>
    raw.flatMap((value) => {
      const { item, findings } = resolveItem(value);
      problems.push(...findings.map((f) => ({ ...f, path: `--${option} ${value}` })));
      return item ? [item] : [];
    });
  // Names and codes are resolved once, before the project is locked; the change itself is
  // applied to the territory as read under the lock, so another command's change is kept.
  const resolved = {
    epci: opts.epci?.length ? resolveAll(values(opts.epci), "epci") : undefined,
    communes: opts.communes?.length ? resolveAll(values(opts.communes), "communes") : undefined,
    departement: resolveAll(values(opts.departement), "departement"),
    ajouter: resolveAll(values(opts.ajouter), "ajouter"),
    retirer: resolveAll(values(opts.retirer), "retirer"),
  };
  if (problems.some((f) => f.severity === "erreur")) {
    for (const f of problems) io.stderr(`${formatFinding(f)}\n`);
    throw new UserError(`Territoire non modifié : corrigez les valeurs ci-dessus. ${name} n’a pas été touché.`, EXIT.usage);
  }
  const change = (project: Project): Project => {
    const t = (project.territoire ??= {});
    if (resolved.epci) t.epci = [...new Set(resolved.epci.filter((i) => i.kind === "epci").map((i) => i.code))];
    if (resolved.communes) t.communes = [...new Set(resolved.communes.flatMap((i) => i.communes))];
    for (const item of resolved.departement) t.communes = [...new Set([...(t.communes ?? []), ...item.communes])];
    for (const item of resolved.ajouter) {
      if (item.kind === "epci") t.epci = [...new Set([...(t.epci ?? []), item.code])];
      else t.communes = [...new Set([...(t.communes ?? []), ...item.communes])];
    }
    for (const item of resolved.retirer) removeItem(t, item, notes);
    if (changing) dropCoveredCommunes(t, notes);
    const computed = projectTerritory(project);
    if (computed.summary) {
      t.population = { valeur: computed.summary.population, ...(computed.summary.populationYear ? { annee: computed.summary.populationYear } : {}), source: `INSEE, ${computed.summary.populationLabel}` };
      t.taille = computed.taille!;
    } else {
      delete t.population;
      delete t.taille;
    }
    return project;
  };

  let project = loaded.project;
  let file = loaded.file;
  if (changing || opts.maj) {
    const updated = await changeProject(loaded.path, name, io, (fresh) => {
      const next = change(structuredClone(fresh.data as Project));
      writeTerritory(fresh.doc, next.territoire!);
      return next;
    });
    project = updated.value;
    file = updated.file;
  }
  const t = project.territoire ?? {};
  const result = projectTerritory(project);
  const findings = [...problems, ...locate(result.findings.filter((f) => !f.code.endsWith("-ecart")), file, name)];
  const failed = findings.some((f) => f.severity === "erreur");
  if (opts.json) {
    const s = result.summary;
    const own = {
      modifie: changing || Boolean(opts.maj),
      epci: t.epci ?? [],
      communes_ajoutees: t.communes ?? [],
      communes: s?.communes.map((c) => ({ code: c.code, nom: c.name, population: c.population, departement: c.department })) ?? [],
      nombre_communes: s?.communeCount ?? 0,
      population: s?.population ?? null,
      population_source: s?.populationLabel ?? null,
      taille: result.taille ?? null,
      departements: s?.departments ?? [],
      regions: s?.regions ?? [],
      ars: s?.ars.map((a) => ({ code: a.code_ans, nom: a.nom })) ?? [],
      cpam: s?.cpam.map((c) => ({ departement: c.departement, nom: c.nom })) ?? [],
      notes,
    };
    io.stdout(envelope("territoire", { fichier: name, valide: !failed, constats: findings }, own));
    return failed ? EXIT.projectErrors : EXIT.ok;
  }
  const st = style(io.color);
  if (changing) io.stdout(`${st.green("✓")} Territoire mis à jour dans ${name}.\n`);
  for (const n of notes) io.stdout(`${n}\n`);
  io.stdout(`${formatSummary(project, result, st)}\n`);
  for (const f of findings) io.stdout(`${f.severity === "erreur" ? st.red("✗") : st.yellow("!")} ${formatFinding(f)}\n`);
  return findings.some((f) => f.severity === "erreur") ? EXIT.projectErrors : EXIT.ok;
}

function removeItem(t: NonNullable<Project["territoire"]>, item: { kind: string; code: string; name: string; communes: readonly string[] }, notes: string[]): void {
  if (item.kind === "epci") {
    t.epci = (t.epci ?? []).filter((c) => c !== item.code);
    return;
  }
  const gone = new Set(item.communes);
  t.communes = (t.communes ?? []).filter((c) => !gone.has(c));
}

/** A commune already inside one of the EPCI would be counted twice: it is left out, with a note. */
function dropCoveredCommunes(t: NonNullable<Project["territoire"]>, notes: string[]): void {
  const covered = new Map<string, string>();
  for (const siren of t.epci ?? []) {
    const { item } = resolveItem({ value: siren, kind: "epci" });
    for (const code of item?.communes ?? []) covered.set(code, item!.name);
  }
  const kept = (t.communes ?? []).filter((code) => {
    const epci = covered.get(code);
    if (epci) notes.push(`La commune ${code} fait déjà partie de ${epci} : elle n’est pas ajoutée une seconde fois.`);
    return !epci;
  });
  t.communes = kept;
}

/** Writes the territory back into the YAML document, key by key, so comments elsewhere stay. */
function writeTerritory(doc: Document, t: NonNullable<Project["territoire"]>): void {
  for (const key of ["epci", "communes"] as const) {
    const list = t[key] ?? [];
    const node = doc.createNode(list);
    (node as { flow?: boolean }).flow = true;
    doc.setIn(["territoire", key], node);
  }
  for (const key of ["population", "taille"] as const) {
    if (t[key] === undefined) {
      if (doc.hasIn(["territoire", key])) doc.deleteIn(["territoire", key]);
    } else doc.setIn(["territoire", key], t[key]);
  }
}

function formatSummary(project: Project, r: ProjectTerritory, st: ReturnType<typeof style>): string {
  const s = r.summary;
  if (!s) return `Territoire${NBSP}: aucune commune. Ajoutez un EPCI (--epci 200070647) ou des communes (--communes 24037,24053).`;
  const lines = [
    st.bold(project.territoire?.nom ?? "Territoire de la CPTS"),
    `  Communes${NBSP}: ${s.communeCount}`,
    `  Population${NBSP}: ${fmt(s.population)} habitants (${s.populationLabel})`,
    `  Taille ACI${NBSP}: ${r.taille}`,
    `  Département${s.departments.length > 1 ? "s" : ""}${NBSP}: ${s.departments.map((d) => `${d.name} (${d.code})`).join(", ")}`,
    `  Région${s.regions.length > 1 ? "s" : ""}${NBSP}: ${s.regions.map((d) => d.name).join(", ")}`,
    `  ARS${NBSP}: ${s.ars.map((a) => a.nom).join(", ") || "—"}`,
    `  Assurance Maladie${NBSP}: ${s.cpam.map((c) => c.nom ?? `caisse du département ${c.departement}`).join(", ") || "—"}`,
  ];
  return lines.join("\n");
}

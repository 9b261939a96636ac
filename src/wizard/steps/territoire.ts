/**
 * Step 2: the territory. Communes and intercommunalités are searched by name as the user types;
 * the population and the ACI taille are shown (and stored) as soon as the list changes.
 */
import { NBSP, formatNumber } from "../../french/index.js";
import type { Project } from "../../project/index.js";
import { resolveTerritory, searchTerritory, type SearchResult } from "../../territory/index.js";
import { projectTerritory } from "../../domain/index.js";
import type { WizardContext } from "../context.js";
import type { Change } from "../editor.js";
import type { Choice } from "../prompts.js";
import type { ItemSpec } from "../ask.js";
import { fieldsSection, listSection, type Section, type StepDefinition } from "../step.js";

const EPCI_TYPES: Record<string, string> = {
  CA: "Communauté d’agglomération",
  CC: "Communauté de communes",
  CU: "Communauté urbaine",
  METRO: "Métropole",
  MET69: "Métropole de Lyon",
  EPT: "Établissement public territorial",
};

/** « CA Bergeracoise » → « Communauté d’agglomération Bergeracoise ». */
export function epciFullName(name: string): string {
  const m = /^(CA|CC|CU) (.+)$/.exec(name);
  return m ? `${EPCI_TYPES[m[1]!]} ${m[2]}` : name;
}

const KIND_WORDS: Record<SearchResult["kind"], string> = {
  commune: "commune",
  arrondissement: "arrondissement",
  deleguee: "commune déléguée",
  associee: "commune associée",
  epci: "intercommunalité",
  departement: "département",
};

function describeResult(r: SearchResult): string {
  const what =
    r.kind === "epci"
      ? `${KIND_WORDS.epci}${r.epciType && EPCI_TYPES[r.epciType] ? ` (${EPCI_TYPES[r.epciType]!.toLowerCase()})` : ""}`
      : r.parent
        ? `${KIND_WORDS[r.kind]} de ${r.parent.name}`
        : `${KIND_WORDS[r.kind]}, ${r.code}`;
  const people = r.population !== null ? `, ${formatNumber(r.population)} hab.` : "";
  return `${r.name} — ${what}, ${r.departmentName}${people}`;
}

/** Search choices for what is typed: nothing below two characters, then the ten best places. */
export function placeChoices(term: string | undefined): Choice<SearchResult>[] {
  if (!term || term.trim().length < 2) return [];
  return searchTerritory(term, { kinds: ["epci", "commune", "arrondissement", "deleguee", "associee"], limit: 10 }).map((r) => ({
    value: r,
    name: describeResult(r),
  }));
}

interface Listed {
  list: "epci" | "communes";
  index: number;
  name: string;
  communes: readonly string[];
}

function listed(project: Project): Listed[] {
  const t = project.territoire ?? {};
  const out: Listed[] = [];
  const add = (list: Listed["list"], values: readonly string[] | undefined) =>
    (values ?? []).forEach((value, index) => {
      const r = resolveTerritory([{ value, kind: list === "epci" ? "epci" : "commune" }]);
      const item = r.items[0];
      out.push({ list, index, name: item ? (list === "epci" ? `${item.name} (${item.communes.length} communes)` : item.name) : value, communes: item?.communes ?? [] });
    });
  add("epci", t.epci);
  add("communes", t.communes);
  return out;
}

/** « 38 communes, 61 915 habitants (population municipale, données 2023), taille ACI T2 ». */
export function territoryLine(project: Project): string {
  const t = projectTerritory(project);
  if (!t.summary) return "aucune commune pour l’instant";
  const s = t.summary;
  const ars = s.ars.length ? ` — ${s.ars.map((a) => a.nom).join(", ")}` : "";
  return `${s.communeCount} commune${s.communeCount > 1 ? "s" : ""}, ${formatNumber(s.population)} habitants (${s.populationLabel}), taille ACI ${t.taille}${ars}`;
}

/** The population and taille the file stores for offline reading, recomputed from the data. */
function computedFacts(project: Project): Change[] {
  const t = projectTerritory(project);
  if (!t.summary || !t.taille)
    return [
      { op: "set", path: ["territoire", "population"], value: undefined },
      { op: "set", path: ["territoire", "taille"], value: undefined },
    ];
  const s = t.summary;
  return [
    {
      op: "set",
      path: ["territoire", "population"],
      value: { valeur: s.population, ...(s.populationYear ? { annee: s.populationYear } : {}), source: `INSEE, ${s.populationLabel}` },
    },
    { op: "set", path: ["territoire", "taille"], value: t.taille },
  ];
}

async function refreshFacts(ctx: WizardContext): Promise<void> {
  await ctx.editor.apply(computedFacts(ctx.editor.project));
  for (const f of projectTerritory(ctx.editor.project).findings.filter((f) => f.severity !== "info"))
    ctx.out(ctx.style.yellow(`  ! ${f.message}`));
}

const ADD = "\u0000add";
const REMOVE = "\u0000remove";
const DONE = "\u0000done";

async function addPlace(ctx: WizardContext): Promise<void> {
  const place = await ctx.ask.search<SearchResult>({
    message: "Intercommunalité ou commune",
    hint: "Tapez le début du nom (ou le code INSEE, le SIREN, le code postal), puis choisissez dans la liste. Exemple : « bergerac ».",
    source: placeChoices,
  });
  const project = ctx.editor.project;
  const t = project.territoire ?? {};
  if (place.kind === "epci") {
    if ((t.epci ?? []).includes(place.code)) {
      ctx.out(`${place.name} fait déjà partie du territoire.`);
      return;
    }
    await ctx.editor.push(["territoire", "epci"], place.code);
    ctx.out(`${ctx.style.green("✔")} ${place.name} ajoutée (SIREN ${place.code}).`);
  } else {
    const code = place.parent && (place.kind === "deleguee" || place.kind === "associee") ? place.parent.code : place.code;
    const name = place.parent && code === place.parent.code ? place.parent.name : place.name;
    if (code !== place.code) ctx.out(`${place.name} est une ${KIND_WORDS[place.kind]} : c’est la commune de ${name} qui est ajoutée.`);
    const owner = listed(project).find((l) => l.communes.includes(code));
    if (owner) {
      ctx.out(`${name} fait déjà partie du territoire (${owner.name}).`);
      return;
    }
    await ctx.editor.push(["territoire", "communes"], code);
    ctx.out(`${ctx.style.green("✔")} ${name} ajoutée (code INSEE ${code}).`);
  }
  await refreshFacts(ctx);
}

async function removePlace(ctx: WizardContext): Promise<void> {
  const items = listed(ctx.editor.project);
  const which = await ctx.ask.select<string>({
    message: "Que retirer du territoire ?",
    choices: [...items.map((l, i) => ({ value: String(i), name: l.name })), { value: DONE, name: "Rien (revenir)" }],
    default: DONE,
  });
  if (which === DONE) return;
  const item = items[Number(which)]!;
  await ctx.editor.remove(["territoire", item.list], item.index);
  ctx.out(`${item.name} retiré du territoire.`);
  await refreshFacts(ctx);
}

const placesSection: Section = {
  id: "communes",
  title: "Communes et intercommunalités",
  async run(ctx) {
    for (;;) {
      const project = ctx.editor.project;
      const items = listed(project);
      ctx.out(`Territoire${NBSP}: ${territoryLine(project)}`);
      for (const l of items) ctx.out(`  • ${l.name}`);
      const action = await ctx.ask.select<string>({
        message: "Communes et intercommunalités",
        hint: "Ajoutez des intercommunalités (EPCI) entières et, si besoin, des communes.",
        choices: [
          { value: ADD, name: "Rechercher et ajouter une intercommunalité ou une commune" },
          ...(items.length ? [{ value: REMOVE, name: "Retirer une intercommunalité ou une commune…" }] : []),
          { value: DONE, name: "Terminer" },
        ],
        default: items.length ? DONE : ADD,
      });
      if (action === DONE) return;
      if (action === ADD) await addPlace(ctx);
      else await removePlace(ctx);
    }
  },
  summary: (project) => {
    const items = listed(project);
    return items.length ? [`Territoire${NBSP}: ${items.map((l) => l.name).join(", ")}`, `Population${NBSP}: ${territoryLine(project)}`] : [];
  },
  done: (project) => projectTerritory(project).facts.resolved,
};

/** The usual name of the territory: the full name of its only intercommunalité. */
function suggestName(project: Project): string | undefined {
  const epci = project.territoire?.epci ?? [];
  if (epci.length !== 1) return undefined;
  const item = resolveTerritory([{ value: epci[0]!, kind: "epci" }]).items[0];
  return item ? epciFullName(item.name) : undefined;
}

const voisineItem: ItemSpec = {
  noun: "une CPTS voisine",
  fields: ["nom", "etat", "territoire", "chevauchement", { path: "articulation", example: "« limite commune : la rivière ; soins non programmés partagés le week-end »" }],
  label: (v) => `${typeof v.nom === "string" ? v.nom : "?"}${v.chevauchement ? " (chevauchement)" : ""}`,
};

export const territoireStep: StepDefinition = {
  id: "territoire",
  title: "Le territoire",
  paths: ["territoire"],
  intro: () =>
    "Le territoire d’action de la CPTS : des intercommunalités entières et/ou des communes. La population " +
    "et la taille ACI (T1 à T4) sont calculées à partir des données officielles de l’INSEE.",
  sections: () => [
    placesSection,
    fieldsSection({
      id: "justification",
      title: "Nom et justification du périmètre",
      base: "territoire",
      fields: [
        { path: "nom", suggest: (p: Project) => suggestName(p) },
        {
          path: "justification",
          example: "« le bassin de vie de Bergerac : les patients de l’agglomération consultent en ville et à l’hôpital de Bergerac »",
        },
        "coherence_cpts_voisines",
        { path: "superficie_km2", example: "579 (Communauté d’agglomération bergeracoise)" },
      ],
      needed: ["nom", "justification"],
    }),
    listSection({ id: "voisines", path: "territoire.cpts_voisines", item: voisineItem, optional: true }),
  ],
};

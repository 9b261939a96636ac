/**
 * Reads `@etalab/decoupage-administratif` and builds the compact index of the whole of France
 * ({@link CompactIndex}), in memory.
 *
 * The package's communes.json and epci.json weigh 12.6 MB and take about 0.3 s to parse; the
 * CLI only needs a few fields of them. The build (build-index.ts) writes this index once, cut
 * into a catalogue and parts, and the CLI reads those (see data.ts). The same function runs in
 * memory when no built index is found (tests run from `src/`), so both paths give the same data.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CODE_WIDTH, SEPARATOR, SIREN_WIDTH } from "./index-format.js";

export const PACKAGE_NAME = "@etalab/decoupage-administratif";

/** Where the population figures of the package come from, and for which year. */
export interface PopulationSource {
  /** Census year (« millésime ») of the population municipale; null when not established. */
  year: number | null;
  /** The INSEE measure stored by the package. */
  measure: "population municipale";
  /** Date from which these figures are the official ones (ISO date), null when unknown. */
  effectiveFrom: string | null;
  /** INSEE publication the package's build reads. */
  url: string | null;
  /** How the year was established (for maintainers; not shown to users). */
  evidence: string;
  /** Parts of the data whose figures come from another census year. */
  exceptions: readonly PopulationException[];
}

export interface PopulationException {
  /** Département codes concerned. */
  departements: readonly string[];
  year: number | null;
  /** French note, may be shown to users. */
  note: string;
  url: string;
}

export interface IndexSource {
  package: string;
  version: string;
  /** Year of the Code officiel géographique (communes as of 1 January of that year). */
  cogYear: number | null;
  population: PopulationSource;
}

/**
 * Facts about each known version of the package that its data files do not state. The
 * package's README maps version 6.0.0 to the year 2026 and names its population source by URL
 * only; the census year behind that URL is recorded here with the evidence.
 */
const KNOWN_VERSIONS: Record<string, { cogYear: number; population: PopulationSource }> = {
  "6.0.0": {
    cogYear: 2026,
    population: {
      year: 2023,
      measure: "population municipale",
      effectiveFrom: "2026-01-01",
      url: "https://www.insee.fr/fr/statistiques/8680726?sommaire=8681011",
      evidence:
        "README of @etalab/decoupage-administratif 6.0.0: version 6.0.0 = year 2026; « Population légale » " +
        "links to insee.fr/fr/statistiques/8680726, the INSEE « Populations de référence 2023 » " +
        "(published December 2025, in force on 1 January 2026); the package's build reads PMUN " +
        "(population municipale) from its donnees_communes.csv. Cross-check: Bergerac (24037) is " +
        "27 110 in communes.json while its 2022 figure (26 852, also the figure in this package's " +
        "epci.json, built from the DGCL file) and its 2021 figure (26 323) differ.",
      exceptions: [
        {
          departements: ["976"],
          year: 2017,
          note: "Mayotte : population du recensement de 2017 (dernier recensement exhaustif repris par les données).",
          url: "https://www.insee.fr/fr/statistiques/3291775?sommaire=2120838",
        },
        {
          departements: ["975", "977", "978", "984", "986", "987", "988", "989"],
          year: null,
          note: "Collectivités d’outre-mer : populations issues de leurs propres recensements, d’années différentes.",
          url: "https://www.insee.fr/fr/statistiques/8680702?sommaire=8681011",
        },
      ],
    },
  },
};

/** Letter stored per commune in {@link CompactIndex.communes.kind}. */
export const KIND_LETTERS = {
  "commune-actuelle": "c",
  "commune-deleguee": "d",
  "commune-associee": "a",
  "arrondissement-municipal": "m",
} as const;

/**
 * The compact index of the whole of France: only the fields the tool uses, packed (a few long
 * strings and number arrays instead of 37 000 objects). Communes are sorted by INSEE code
 * (commune actuelle or arrondissement first when a déléguée shares its code). It is cut into
 * the catalogue and parts the CLI reads (split-index.ts) before being written or used.
 */
export interface CompactIndex {
  source: IndexSource;
  /** [code, nom] */
  regions: [string, string][];
  /** [code, nom, code région] */
  departements: [string, string, string][];
  communes: {
    count: number;
    /** INSEE codes, {@link CODE_WIDTH} characters each, sorted. */
    codes: string;
    /** Official names joined by {@link SEPARATOR}. */
    names: string;
    /** One letter per commune: c (actuelle), d (déléguée), a (associée), m (arrondissement municipal). */
    kinds: string;
    /** Index into `departements`. */
    dep: number[];
    /** Population municipale; -1 when the data has none (déléguées, associées, uninhabited). */
    pop: number[];
    /** Flat pairs [commune, commune actuelle] for every déléguée, associée and arrondissement. */
    parents: number[];
    /** Postal codes of each commune separated by a space; communes joined by {@link SEPARATOR}. */
    postalCodes: string;
    /** Every postal code in use, {@link CODE_WIDTH} characters each, sorted, without repeats. */
    postalCodeList: string;
  };
  /**
   * Former INSEE codes (« anciensCodes ») that are no longer the code of any entry, packed like
   * `communes.codes` (sorted), with the commune actuelle that absorbed each.
   */
  oldCodes: { codes: string; communes: number[] };
  /** EPCI à fiscalité propre and EPT of the Métropole du Grand Paris, sorted by SIREN. */
  epci: {
    count: number;
    /** SIREN, {@link SIREN_WIDTH} characters each, sorted. */
    codes: string;
    names: string;
    /** CC, CA, CU, METRO, MET69 or EPT, joined by {@link SEPARATOR}. */
    types: string;
    /** Members of EPCI i are `members[offsets[i]] … members[offsets[i + 1] - 1]` (commune indexes). */
    offsets: number[];
    members: number[];
  };
}

const KIND_RANK: Record<string, number> = { c: 0, m: 1, d: 2, a: 3 };

function packCodes(codes: readonly string[], width: number): string {
  for (const code of codes) {
    if (code.length !== width) throw new Error(`${PACKAGE_NAME}: code ${code} is not ${width} characters long`);
  }
  return codes.join("");
}

function packTexts(texts: readonly string[]): string {
  for (const text of texts) {
    if (text.includes(SEPARATOR)) throw new Error(`${PACKAGE_NAME}: « ${text} » contains ${SEPARATOR}`);
  }
  return texts.join(SEPARATOR);
}

/** An entry of the package's communes.json. */
export interface RawCommune {
  code: string;
  nom: string;
  type: string;
  departement: string;
  region: string;
  population?: number;
  chefLieu?: string;
  commune?: string;
  codesPostaux?: string[];
  anciensCodes?: string[];
}

interface RawGroup {
  code: string;
  nom: string;
  type: string;
  membres: { code: string }[];
}

/**
 * Folder of the installed `@etalab/decoupage-administratif` package: the first of the folders
 * Node searches for a bare name (`node_modules` of this module's folder, then of each parent)
 * that holds it. Checked directly, since Node's resolver costs about a millisecond to set up at
 * every command start; Node's resolver is asked only when none does (NODE_PATH and the like).
 */
export function findPackageDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, "node_modules", PACKAGE_NAME);
    if (existsSync(join(candidate, "package.json"))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const require = createRequire(import.meta.url);
  return dirname(require.resolve(`${PACKAGE_NAME}/package.json`));
}

/** Version of the installed package (read from its package.json). */
export function installedPackageVersion(packageDir: string = findPackageDir()): string {
  const pkg = JSON.parse(readFileSync(resolve(packageDir, "package.json"), "utf8")) as { version: string };
  return pkg.version;
}

function readData<T>(packageDir: string, file: string): T {
  return JSON.parse(readFileSync(resolve(packageDir, "data", file), "utf8")) as T;
}

/** Describes the data of a package version; an unknown version gets a null year, never a guess. */
export function describeSource(version: string): IndexSource {
  const known = KNOWN_VERSIONS[version];
  if (known) return { package: PACKAGE_NAME, version, cogYear: known.cogYear, population: known.population };
  return {
    package: PACKAGE_NAME,
    version,
    cogYear: null,
    population: {
      year: null,
      measure: "population municipale",
      effectiveFrom: null,
      url: null,
      evidence: `Version ${version} of ${PACKAGE_NAME} is not described in build-index.ts: read its README and record the census year there.`,
      exceptions: [],
    },
  };
}

/**
 * Reads the package data and returns the compact index. Throws if the package data is
 * inconsistent (a commune pointing at an unknown département or chef-lieu, an EPCI member that
 * is not a commune actuelle): the tool must not run on data it misreads.
 */
export function buildIndex(packageDir: string = findPackageDir()): CompactIndex {
  const version = installedPackageVersion(packageDir);
  const regions = readData<{ code: string; nom: string }[]>(packageDir, "regions.json");
  const departements = readData<{ code: string; nom: string; region: string }[]>(packageDir, "departements.json");
  const communes = readData<RawCommune[]>(packageDir, "communes.json");
  const epci = readData<RawGroup[]>(packageDir, "epci.json");
  const ept = readData<RawGroup[]>(packageDir, "ept.json");

  const depIndex = new Map(departements.map((d, i) => [d.code, i]));
  const letters = communes.map((c) => {
    const letter = KIND_LETTERS[c.type as keyof typeof KIND_LETTERS];
    if (!letter) throw new Error(`${PACKAGE_NAME}: unexpected commune type ${c.type} (${c.code})`);
    return letter;
  });
  // Sorted order: by code, then commune actuelle / arrondissement before déléguée / associée.
  const order = communes.map((_c, i) => i);
  order.sort((x, y) => {
    const cx = communes[x]!.code;
    const cy = communes[y]!.code;
    if (cx !== cy) return cx < cy ? -1 : 1;
    return KIND_RANK[letters[x]!]! - KIND_RANK[letters[y]!]!;
  });
  const actuelle = new Map<string, number>();
  order.forEach((from, to) => {
    if (letters[from] === "c") actuelle.set(communes[from]!.code, to);
  });

  const parents: number[] = [];
  const dep: number[] = [];
  const pop: number[] = [];
  order.forEach((from, to) => {
    const c = communes[from]!;
    const letter = letters[from]!;
    const d = depIndex.get(c.departement);
    if (d === undefined) throw new Error(`${PACKAGE_NAME}: commune ${c.code} has unknown département ${c.departement}`);
    dep.push(d);
    pop.push(typeof c.population === "number" ? c.population : -1);
    if (letter !== "c") {
      const parentCode = letter === "m" ? c.commune : c.chefLieu;
      const parent = parentCode === undefined ? undefined : actuelle.get(parentCode);
      if (parent === undefined) throw new Error(`${PACKAGE_NAME}: commune ${c.code} points at unknown commune ${parentCode}`);
      parents.push(to, parent);
    }
  });
  const sorted = order.map((i) => communes[i]!);

  const taken = new Set(sorted.map((c) => c.code));
  const old: [string, number][] = [];
  sorted.forEach((c, i) => {
    if (c.type !== "commune-actuelle") return;
    for (const code of c.anciensCodes ?? []) {
      if (taken.has(code)) continue;
      taken.add(code);
      old.push([code, i]);
    }
  });
  old.sort((x, y) => (x[0] < y[0] ? -1 : 1));

  const groups = [...epci, ...ept].sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
  const offsets: number[] = [0];
  const members: number[] = [];
  for (const g of groups) {
    for (const m of g.membres) {
      const i = actuelle.get(m.code);
      if (i === undefined) throw new Error(`${PACKAGE_NAME}: ${g.type} ${g.code} has unknown member ${m.code}`);
      members.push(i);
    }
    offsets.push(members.length);
  }

  return {
    source: describeSource(version),
    regions: regions.map((r) => [r.code, r.nom]),
    departements: departements.map((d) => [d.code, d.nom, d.region]),
    communes: {
      count: sorted.length,
      codes: packCodes(
        sorted.map((c) => c.code),
        CODE_WIDTH,
      ),
      names: packTexts(sorted.map((c) => c.nom)),
      kinds: order.map((i) => letters[i]!).join(""),
      dep,
      pop,
      parents,
      postalCodes: packTexts(sorted.map((c) => (c.codesPostaux ?? []).join(" "))),
      postalCodeList: packCodes(
        [...new Set(sorted.flatMap((c) => c.codesPostaux ?? []))].sort(),
        CODE_WIDTH,
      ),
    },
    oldCodes: {
      codes: packCodes(
        old.map(([code]) => code),
        CODE_WIDTH,
      ),
      communes: old.map(([, i]) => i),
    },
    epci: {
      count: groups.length,
      codes: packCodes(
        groups.map((g) => g.code),
        SIREN_WIDTH,
      ),
      names: packTexts(groups.map((g) => g.nom)),
      types: packTexts(groups.map((g) => g.type)),
      offsets,
      members,
    },
  };
}

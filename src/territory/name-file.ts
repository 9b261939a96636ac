/**
 * Computes the name file of the index (see IndexNames in index-format.ts) from loaded data, with
 * the very functions the lookups use: the build writes it, and the data computes it in memory
 * when there is no usable file, so both give the same keys and figures.
 */
import type { TerritoryData } from "./data.js";
import { INDEX_FORMAT, KEY_SEPARATOR, type IndexNames } from "./index-format.js";
import { communeIndexesOfDepartment, departmentsOfEpci, epciCoreKey, epciKey, epciPopulation } from "./names.js";
import { nameKey } from "./text.js";

/** The name file of `data` (reads every part). */
export function buildNameFile(data: TerritoryData, stamp: string): IndexNames {
  data.loadAll();
  const communes: string[] = new Array<string>(data.size);
  for (let i = 0; i < data.size; i++) communes[i] = nameKey(data.nameAt(i));
  const epci: string[] = [];
  const epciDepartments: string[] = [];
  const epciPopulations: number[] = [];
  for (const e of data.epcis) {
    epci.push(epciKey(e.name), nameKey(e.name), epciCoreKey(e.name));
    epciDepartments.push(departmentsOfEpci(data, e)[0]?.code ?? "");
    epciPopulations.push(epciPopulation(data, e));
  }
  const departmentPopulations = [...data.departments.values()].map((d) => {
    let population = 0;
    for (const i of communeIndexesOfDepartment(data, d.code)) population += data.populationAt(i) ?? 0;
    return population;
  });
  for (const key of [...communes, ...epci]) {
    if (key.includes(KEY_SEPARATOR)) throw new Error(`Territory index: name key « ${key} » contains a line break`);
  }
  return {
    format: INDEX_FORMAT,
    stamp,
    communes: communes.join(KEY_SEPARATOR),
    epci: epci.join(KEY_SEPARATOR),
    epciDepartments: epciDepartments.join(" "),
    epciPopulations,
    departmentPopulations,
  };
}

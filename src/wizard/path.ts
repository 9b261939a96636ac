/** Paths into the project data: `["missions", 0, "actions"]`, written `missions[0].actions`. */
import { formatPath } from "../project/index.js";

export type Path = readonly (string | number)[];

export { formatPath };

/** `missions[0].actions` → `["missions", 0, "actions"]`. */
export function parsePath(text: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of text.split(".")) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) throw new Error(`bad path ${text}`);
    if (m[1]) out.push(m[1]);
    for (const index of m[2]!.matchAll(/\[(\d+)\]/g)) out.push(Number(index[1]));
  }
  return out;
}

export function toPath(path: Path | string): (string | number)[] {
  return typeof path === "string" ? parsePath(path) : [...path];
}

/** The value at a path of plain data, or undefined. */
export function getAt(data: unknown, path: Path): unknown {
  let node = data;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/**
 * Sets (or, for `undefined`, deletes) the value at a path of plain data, creating the objects
 * and arrays on the way. Mutates `data`, which must be an object.
 */
export function setAt(data: Record<string, unknown>, path: Path, value: unknown): void {
  let node: Record<string | number, unknown> = data;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    let next = node[key];
    if (next === null || typeof next !== "object") {
      if (value === undefined) return;
      next = typeof path[i + 1] === "number" ? [] : {};
      node[key] = next;
    }
    node = next as Record<string | number, unknown>;
  }
  const last = path[path.length - 1]!;
  if (value !== undefined) node[last] = value;
  else if (Array.isArray(node) && typeof last === "number") node.splice(last, 1);
  else delete node[last];
}

/** True for what counts as « not answered »: nothing, blank text, an empty list or section. */
export function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object") return Object.values(value).every(isBlank);
  return false;
}

/** True when `path` is `prefix` or lies inside it (`porteurs[0].nom` is inside `porteurs`). */
export function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}

import { nodeAt, type ProjectFile } from "./file.js";
import type { Finding } from "./findings.js";

/** `territoire.communes[3]` → `["territoire", "communes", 3]`. */
export function parsePath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (part[2] !== undefined) out.push(Number(part[2]));
    else if (part[1] !== undefined) out.push(part[1]);
  }
  return out;
}

/**
 * Gives findings computed from data (territory, readiness) the file position of their field,
 * or of its nearest existing parent, so every message says where to look.
 */
export function locate(findings: readonly Finding[], file: ProjectFile, displayName: string): Finding[] {
  return findings.map((f) => {
    if (f.line !== undefined) return { file: displayName, ...f };
    const segments = parsePath(f.path);
    for (let n = segments.length; n >= 0; n--) {
      const node = nodeAt(file.doc, segments.slice(0, n)) as { range?: [number, number, number] } | undefined;
      if (node?.range) {
        const { line, col } = file.lineCounter.linePos(node.range[0]);
        return { ...f, file: displayName, line, column: col };
      }
    }
    return { ...f, file: displayName };
  });
}

import { NBSP } from "../french/index.js";
import { SEVERITY_ORDER, type Finding, type Severity } from "../project/index.js";
import type { Style } from "./style.js";

/** `cpts.yaml:42:9 territoire.communes[3] : code INSEE attendu…` — one line per finding. */
export function formatFinding(f: Finding): string {
  const where = f.file ? `${f.file}${f.line ? `:${f.line}:${f.column ?? 1}` : ""} ` : "";
  const path = f.path ? `${f.path}${NBSP}: ` : "";
  return `${where}${path}${f.message}`;
}

const HEADINGS: Record<Severity, [string, string]> = {
  erreur: ["Erreur", "Erreurs"],
  avertissement: ["Avertissement", "Avertissements"],
  info: ["Information", "Informations"],
};

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.line ?? Infinity) - (b.line ?? Infinity) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.path.localeCompare(b.path),
  );
}

/** Findings grouped by severity, each group with its count. */
export function formatFindingGroups(findings: readonly Finding[], s: Style): string {
  const out: string[] = [];
  for (const severity of ["erreur", "avertissement", "info"] as const) {
    const group = sortFindings(findings.filter((f) => f.severity === severity));
    if (!group.length) continue;
    const [one, many] = HEADINGS[severity];
    const colour = severity === "erreur" ? s.red : severity === "avertissement" ? s.yellow : s.cyan;
    out.push(colour(s.bold(`${group.length > 1 ? many : one} (${group.length})`)));
    for (const f of group) out.push(`  ${formatFinding(f)}`);
    out.push("");
  }
  return out.join("\n");
}

export function countLabel(n: number, one: string, many: string): string {
  return `${n}${NBSP}${n > 1 ? many : one}`;
}

export function summaryLine(findings: readonly Finding[], name: string, s: Style): string {
  const errors = findings.filter((f) => f.severity === "erreur").length;
  const warnings = findings.filter((f) => f.severity === "avertissement").length;
  if (errors === 0 && warnings === 0) return s.green(`✓ ${name} est valide.`);
  const parts = [];
  if (errors) parts.push(countLabel(errors, "erreur", "erreurs"));
  if (warnings) parts.push(countLabel(warnings, "avertissement", "avertissements"));
  const text = `${parts.join(" et ")} dans ${name}`;
  return errors ? s.red(`✗ ${text}.`) : s.yellow(`✓ ${name} est valide, avec ${parts.join(" et ")}.`);
}

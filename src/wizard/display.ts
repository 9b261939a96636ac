/** How answers are shown back to the user: French numbers, labels instead of codes, short texts. */
import { formatNumber } from "../french/index.js";
import { valueLabel } from "./labels.js";
import type { Path } from "./path.js";
import { fieldInfo } from "./schema-info.js";

export function shorten(text: string, max = 70): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/** A stored value as the user reads it: labels for codes, « oui »/« non », French numbers; dates as stored. */
export function displayValue(path: Path, value: unknown, max = 70): string {
  if (value === undefined || value === null) return "";
  const info = fieldInfo(path);
  if (info.kind === "enum" && typeof value === "string") return valueLabel(path, value);
  if (info.kind === "enum-list" && Array.isArray(value)) return value.map((v) => valueLabel(path, String(v))).join(", ");
  if (typeof value === "boolean") return value ? "oui" : "non";
  if (typeof value === "number") return formatNumber(value);
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === "string")) return shorten(value.join(" ; "), max);
    return `${value.length} élément${value.length > 1 ? "s" : ""}`;
  }
  if (typeof value === "object") return "…";
  return shorten(String(value), max);
}

/**
 * « Vouliez-vous dire … ? » for commands, documents, steps and shells typed wrong. The answer is
 * always a French name the tool accepts: an English alias or a word of a name leads to that name.
 * Loaded with the program (an unknown command is found while parsing): nothing heavy here.
 */
import { UserError, closest, foldAccents } from "../project/index.js";

export interface Named {
  name: string;
  aliases?: readonly string[];
}

/**
 * The name `word` most likely meant, or undefined: the name itself written with accents or
 * capitals (`état` → `etat`), a name or alias within typing distance (`statut` → `status` →
 * `etat`), or the one name that begins with it or has it as one of its words (`lettre` →
 * `lettre-intention`, `sante` → `projet-sante`).
 */
export function nearestName(word: string, names: readonly (string | Named)[]): string | undefined {
  const entries = names.map((n) => (typeof n === "string" ? { name: n, aliases: [] as readonly string[] } : { name: n.name, aliases: n.aliases ?? [] }));
  const w = foldAccents(word.trim());
  if (w === "") return undefined;
  const owner = new Map<string, string>();
  for (const e of entries) for (const key of [e.name, ...e.aliases]) owner.set(foldAccents(key), e.name);
  const exact = owner.get(w);
  if (exact) return exact;
  const near = closest(w, [...owner.keys()]);
  if (near) return owner.get(near);
  const partial = entries.filter((e) =>
    [e.name, ...e.aliases].some((key) => {
      const k = foldAccents(key);
      return (w.length >= 2 && k.startsWith(w)) || k.split(/[-_ ]/).some((part) => part === w || (w.length >= 4 && part.startsWith(w)));
    }),
  );
  return partial.length === 1 ? partial[0]!.name : undefined;
}

/** « ; vouliez-vous dire « etat » ? » or nothing. */
export function didYouMean(word: string, names: readonly (string | Named)[]): string {
  const best = nearestName(word, names);
  return best ? ` ; vouliez-vous dire « ${best} »\u00a0?` : "";
}

/**
 * The values of a list option (`-d statuts,lettre-intention`, repeatable), each one of `allowed`,
 * without repeats; an unknown value stops the command with the nearest name. Undefined when the
 * option is absent.
 */
export function checkedList<T extends string>(raw: string[] | string | undefined, allowed: readonly T[], option: string): T[] | undefined {
  if (raw === undefined) return undefined;
  const items = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
  const bad = items.filter((i) => !(allowed as readonly string[]).includes(i));
  if (bad.length)
    throw new UserError(
      `${option} : valeur${bad.length > 1 ? "s" : ""} inconnue${bad.length > 1 ? "s" : ""} ${bad.map((b) => `« ${b} »`).join(", ")}${didYouMean(bad[0]!, allowed) || "."} Valeurs possibles : ${allowed.join(", ")}.`,
    );
  return [...new Set(items)] as T[];
}

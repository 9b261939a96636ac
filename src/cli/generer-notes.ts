/**
 * The words of `cpts generer`'s report that other screens share: how many elements a document
 * still needs (counted by `documentGaps`, as `valider`, `etat` and the wizard count them), the
 * highlighted passages of a draft, and the date the documents carry.
 */
import { missingLabel, type DocumentGaps } from "../domain/index.js";
import { formatDate } from "../french/index.js";

const passages = (n: number) => `${n}\u00a0passage${n > 1 ? "s" : ""} surligné${n > 1 ? "s" : ""}`;

/**
 * « créé », « créé, brouillon : 3 éléments à compléter ; 7 passages surlignés », « à jour ;
 * 5 passages surlignés » — `gaps` is undefined when the project was not read (documents found
 * up to date from their bytes alone: only their highlighted passages are known then).
 */
export function writtenNote(word: string, gaps: DocumentGaps | undefined, placeholders: number): string {
  const parts: string[] = [];
  if (gaps && !gaps.pret) parts.push(`${word}, brouillon\u00a0: ${missingLabel(gaps.bloquants.length)}`);
  else parts.push(word);
  if (placeholders) parts.push(`${passages(placeholders)}${gaps?.pret ? " à compléter dans le document" : ""}`);
  return parts.join(" ; ");
}

/** « non généré, 3 éléments à compléter ». */
export function refusedNote(count: number): string {
  return `non généré, ${missingLabel(count)}`;
}

/**
 * The date the documents carry when the project gives none in `documents.date`: the day of
 * `SOURCE_DATE_EPOCH`, or no date at all (no date on the title page, and Word shows the
 * files' fixed creation date, 1 January 2000). Undefined when `documents.date` is set.
 */
export function documentsDateNote(projectDate: string | undefined, sourceDate: string | undefined): string | undefined {
  if (projectDate) return undefined;
  if (sourceDate) return `Date des documents\u00a0: ${formatDate(sourceDate)}, prise de SOURCE_DATE_EPOCH (le projet n’indique pas documents.date).`;
  return [
    "Date des documents\u00a0: aucune, documents.date manque dans le projet (page de titre",
    "sans date, et Word affiche le 1er janvier 2000 comme date de création). Datez-les",
    "avec « cpts assistant --etape generer » ou «\u00a0documents: { date: AAAA-MM-JJ }\u00a0».",
  ].join("\n");
}

/**
 * The two no-break spaces of French typography, as `Intl` writes them for `fr-FR`: U+202F (narrow)
 * between digit groups and, in documents, before `; ! ?` and inside « »; U+00A0 before `:`, `€`,
 * `%` and between a number and its noun. Terminals show U+202F poorly, so what they print uses
 * U+00A0 throughout (see `frenchSpacing`).
 */
export const NBSP = "\u00A0";
export const NNBSP = "\u202F";

/**
 * French text, the same in every layer: numbers, dates, times and amounts written without `Intl`
 * (the output does not depend on the ICU data of the Node that runs it), plurals, lists, first
 * letters, quotation marks, numbers in words, no-break spaces and typography. A leaf: it imports
 * nothing of the project, so any folder may use it.
 */
export { NBSP, NNBSP } from "./spaces.js";
export {
  FormatError,
  formatAmount,
  formatDate,
  formatDateShort,
  formatNumber,
  formatPercent,
  frenchNumber,
  hourText,
  isSingular,
  parseIsoDate,
  plural,
  requireIsoDate,
  type IsoDate,
} from "./format.js";
export { daysInWords, joinFr, lowerFirst, numberInWords, ordinalInWords, quote, upperFirst, yearsInWords } from "./words.js";
export { frenchSpacing, frenchTypography, typographicApostrophes } from "./typography.js";
export { firstControl, visibleControls } from "./visible.js";
export { wrapText } from "./wrap.js";

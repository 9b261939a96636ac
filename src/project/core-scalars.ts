/**
 * How a plain (unquoted) scalar is resolved by `yaml`'s YAML 1.2 core schema
 * (node_modules/yaml/dist/schema/core/*.js and common/null.js): same regular expressions, same
 * order, same construction. Both fast readers of project files use this one table, so that they
 * cannot drift apart from each other.
 */
export const CORE_SCALARS: readonly [name: string, test: RegExp, construct: (s: string) => unknown][] = [
  ["null", /^(?:~|[Nn]ull|NULL)?$/, () => null],
  ["bool", /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (s) => s[0] === "t" || s[0] === "T"],
  ["int-oct", /^0o[0-7]+$/, (s) => parseInt(s.substring(2), 8)],
  ["int", /^[-+]?[0-9]+$/, (s) => parseInt(s.substring(0), 10)],
  ["int-hex", /^0x[0-9a-fA-F]+$/, (s) => parseInt(s.substring(2), 16)],
  [
    "float-nan",
    /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    (s) => (s.slice(-3).toLowerCase() === "nan" ? NaN : s[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY),
  ],
  ["float-exp", /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, (s) => parseFloat(s)],
  ["float", /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, (s) => parseFloat(s)],
];

/**
 * Every non-empty text the table can match starts with one of these characters; most texts of a
 * project file do not, and skip the regular expression below.
 */
const MAY_RESOLVE = /^[-+.0-9~nNtTfF]/;

/**
 * The table's expressions as one, each in a group, in the table's order: the first group that
 * matches is the first expression of the table that matches (each one is anchored at both ends,
 * and none has a group of its own).
 */
const ANY_CORE_SCALAR = new RegExp(`^(?:${CORE_SCALARS.map(([, test]) => `(${test.source.slice(1, -1)})`).join("|")})$`);

/** The value of a plain scalar, as the core schema reads it. */
export function resolvePlain(text: string): unknown {
  if (text !== "" && !MAY_RESOLVE.test(text)) return text;
  const m = ANY_CORE_SCALAR.exec(text);
  if (m === null) return text;
  let group = 1;
  while (m[group] === undefined) group++;
  return CORE_SCALARS[group - 1]![2](text);
}

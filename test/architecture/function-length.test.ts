/**
 * No function in src/ longer than MAX_LINES lines: a function that does not fit on two screens
 * does several things, and its parts deserve names (src/domain/model/ is the example: one
 * builder per document section). Measured with TypeScript's parser, from the function's first
 * token to its closing brace, nested functions included.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";

const MAX_LINES = 150;
const SRC = join(ROOT, "src");

interface LongFunction {
  where: string;
  name: string;
  lines: number;
}

/** The functions of one source text longer than `max` lines. */
function longFunctions(file: string, text: string, max: number): LongFunction[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: LongFunction[] = [];
  const line = (position: number) => source.getLineAndCharacterOfPosition(position).line + 1;
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && "body" in node && node.body) {
      const first = line(node.getStart(source));
      const lines = line(node.end) - first + 1;
      if (lines > max) {
        const holder = node.parent;
        const named = node.name ?? (ts.isVariableDeclaration(holder) || ts.isPropertyAssignment(holder) ? holder.name : undefined);
        found.push({ where: `${file}:${first}`, name: named ? named.getText(source) : "(anonyme)", lines });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    // Generated from the schema: types only, no function.
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".generated.ts") ? [path] : [];
  });
}

describe("function length", () => {
  it(`finds no function over ${MAX_LINES} lines in src/`, () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(50);
    const long = files.flatMap((file) => longFunctions(relative(ROOT, file), readFileSync(file, "utf8"), MAX_LINES));
    expect(long.map((f) => `${f.where} ${f.name} : ${f.lines} lignes`)).toEqual([]);
  });

  it("measures declarations, methods and arrow functions, nested ones too", () => {
    const body = (n: number) => Array.from({ length: n }, (_, i) => `  const v${i} = ${i};`).join("\n");
    const text = [
      `export function long() {\n${body(10)}\n}`,
      `class K {\n  method() {\n${body(10)}\n  }\n}`,
      `const step = { run: async () => {\n${body(10)}\n} };`,
      `function short() {\n  return 1;\n}`,
    ].join("\n");
    const found = longFunctions("essai.ts", text, 10);
    expect(found.map((f) => [f.name, f.lines])).toEqual([
      ["long", 12],
      ["method", 12],
      ["run", 12],
    ]);
  });
});

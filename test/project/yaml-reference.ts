/**
 * The reference the fast read paths are compared with (test/project/fast-yaml.test.ts,
 * yaml-subset.test.ts): what `yaml` gives, and a form of data that compares strictly.
 */
import { parseDocument } from "yaml";

/** What `yaml` gives, with the options of src/project/file.ts, or its problems. */
export function yamlParse(source: string): { data: unknown; problems: string[] } {
  const doc = parseDocument(source, { prettyErrors: true, uniqueKeys: true, keepSourceTokens: false });
  const problems = [...doc.errors, ...doc.warnings].map((e) => `${e.code} ${e.message.split("\n")[0]}`);
  return { data: problems.length ? undefined : doc.toJS({ maxAliasCount: 500 }), problems };
}

/** A form of the value that `toEqual` compares strictly: key order, own keys, prototypes, -0. */
export function shape(value: unknown): unknown {
  if (Array.isArray(value)) return ["liste", value.map(shape)];
  if (typeof value === "object" && value !== null) {
    return [
      "section",
      Object.getPrototypeOf(value) === Object.prototype,
      Reflect.ownKeys(value).map((key) => {
        const descriptor = Object.getOwnPropertyDescriptor(value, key)!;
        return [key, descriptor.enumerable, shape(descriptor.value)];
      }),
    ];
  }
  if (typeof value === "number") return ["nombre", Object.is(value, -0) ? "-0" : String(value)];
  return [typeof value, value];
}

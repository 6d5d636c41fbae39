import { createRequire } from "node:module";
import { mapSubschemas, type SchemaNode as Schema } from "@plugboard/sdk/internal";
import { type DefinitionNames, linkDefinitions } from "./definition-names.ts";

// json-schema-to-typescript's own `compile()` is async only because it dereferences `$ref`s and
// runs Prettier. Config schemas hold only local `$ref`s (check-schemas.ts), which
// linkDefinitions() resolves in place, and we format nothing, so its synchronous stages are
// called directly; they are loaded lazily. Those stages live in its `dist/src/`, not its public
// API: package.json pins its exact version and test/pinned-internals.test.ts fails when
// the installed one differs, so an upgrade is a deliberate change that re-checks these paths.
type Stage = (...args: never[]) => unknown;
interface Jstt {
  link: Stage;
  normalize: Stage;
  parse: Stage;
  optimize: Stage;
  generate: Stage;
}

let jstt: Jstt | undefined;

function load(): Jstt {
  if (jstt) return jstt;
  const require = createRequire(import.meta.url);
  const base = "json-schema-to-typescript/dist/src";
  jstt = {
    link: require(`${base}/linker.js`).link,
    normalize: require(`${base}/normalizer.js`).normalize,
    parse: require(`${base}/parser.js`).parse,
    optimize: require(`${base}/optimizer.js`).optimize,
    generate: require(`${base}/generator.js`).generate,
  };
  return jstt;
}

const OPTIONS = {
  $refOptions: {},
  // Unspecified `additionalProperties` reads as "the declared properties" (no index signature);
  // an explicit `true` or a schema gives one. See typesView() for objects with no properties.
  additionalProperties: false,
  bannerComment: "",
  cwd: "/",
  declareExternallyReferenced: true,
  enableConstEnums: true,
  inferStringEnumKeysFromValues: false,
  format: false,
  // `maxItems: 20` must not explode into a union of 21 tuples: arrays stay `T[]`.
  ignoreMinAndMaxItems: true,
  maxItems: -1,
  strictIndexSignatures: false,
  style: {},
  unreachableDefinitions: false,
  unknownAny: true,
};

const ROOT = "PlugboardRoot";

/**
 * The TypeScript declaration (`export interface Name {…}` or `export type Name = …`) of one
 * normalised schema, with descriptions as JSDoc. `name` must be a valid identifier. Each
 * `definitions` entry a `$ref` reaches becomes a named declaration of its own, once per file
 * (`names` is shared by the schemas of one file); recursion gives a recursive type.
 */
export function schemaToType(
  schema: Schema | boolean,
  name: string,
  names?: DefinitionNames,
): string {
  const { link, normalize, parse, optimize, generate } = load();
  const view = typesView(schema);
  if (typeof view !== "boolean" && names) linkDefinitions(view, schema, name, names);
  const linked = link(
    (typeof view === "boolean" ? (view ? {} : { tsType: "never" }) : view) as never,
  );
  const normalized = normalize(
    linked as never,
    new WeakMap() as never,
    ROOT as never,
    OPTIONS as never,
  );
  const parsed = parse(
    normalized as never,
    OPTIONS as never,
    undefined as never,
    new Map() as never,
    new Set() as never,
  );
  const code = String(
    generate(optimize(parsed as never, OPTIONS as never) as never, OPTIONS as never),
  );
  // The root is the only named declaration (titles are stripped), so renaming its head suffices.
  const head = new RegExp(`^export (interface|type) ${ROOT}\\b`, "m");
  if (!head.test(code)) throw new Error(`unexpected json-schema-to-typescript output for ${name}`);
  return (
    code
      .replace(head, `export $1 ${name}`)
      // A `$ref: "#"` makes the root refer to itself.
      .replaceAll(new RegExp(`\\b${ROOT}\\b`, "g"), name)
      .replace(/\/\*\*\n \* (.*)\n \*\//g, "/** $1 */")
      .replace(/\{\n+\}/g, "{}")
      .trimEnd()
  );
}

/**
 * What json-schema-to-typescript sees: a deep copy of the normalised schema (it mutates its input)
 * where an object with nothing declared says `additionalProperties: true`, so it becomes
 * `{ [k: string]: unknown }` (= `Record<string, unknown>`) rather than `{}`.
 */
function typesView(schema: Schema | boolean): Schema | boolean {
  if (typeof schema === "boolean") return schema;
  const out: Schema = {};
  for (const [keyword, value] of Object.entries(schema)) {
    out[keyword] = mapSubschemas(keyword, value, (sub) => typesView(sub as Schema | boolean));
    if (
      keyword === "enum" ||
      keyword === "const" ||
      keyword === "default" ||
      keyword === "examples"
    ) {
      out[keyword] = structuredClone(value);
    }
  }
  const declaresNothing =
    out.properties === undefined &&
    out.patternProperties === undefined &&
    out.additionalProperties === undefined;
  if (declaresNothing && isObjectType(out.type)) out.additionalProperties = true;
  // A schema that constrains nothing (`{}`, or only a description) accepts any value.
  if (!Object.keys(out).some((keyword) => SHAPING.has(keyword))) out.tsType = "unknown";
  return out;
}

/** Keywords that give a value a shape; a schema with none of them is `unknown`. */
const SHAPING = new Set([
  "$ref",
  "type",
  "enum",
  "const",
  "properties",
  "patternProperties",
  "additionalProperties",
  "items",
  "additionalItems",
  "allOf",
  "anyOf",
  "oneOf",
  "not",
  "if",
  "required",
  "minProperties",
  "maxProperties",
]);

function isObjectType(type: unknown): boolean {
  return type === "object" || (Array.isArray(type) && type.includes("object"));
}

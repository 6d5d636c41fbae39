import { escapePointer, isObject } from "./utils.ts";

/** A JSON Schema node (a boolean schema is not one). */
export type SchemaNode = { [keyword: string]: unknown };

/** Draft-07 keywords that hold one subschema. */
export const SCHEMA_KEYWORDS = [
  "additionalItems",
  "additionalProperties",
  "contains",
  "propertyNames",
  "not",
  "if",
  "then",
  "else",
] as const;
/** Draft-07 keywords that hold an array of subschemas. */
export const SCHEMA_ARRAY_KEYWORDS = ["allOf", "anyOf", "oneOf"] as const;
/** Draft-07 keywords that hold a map of subschemas (`dependencies` also holds property lists). */
export const SCHEMA_MAP_KEYWORDS = [
  "properties",
  "patternProperties",
  "definitions",
  "dependencies",
] as const;

const ONE = new Set<string>(SCHEMA_KEYWORDS);
const ARRAY = new Set<string>(SCHEMA_ARRAY_KEYWORDS);
const MAP = new Set<string>(SCHEMA_MAP_KEYWORDS);
const NONE: ReadonlyArray<{ suffix: string; schema: unknown }> = Object.freeze([]);

/**
 * The subschemas `keyword`'s `value` holds, each with its pointer suffix (`/properties/a~1b`):
 * the one place that knows which draft-07 keywords hold schemas. Data keywords give none.
 */
export function subschemas(
  keyword: string,
  value: unknown,
): ReadonlyArray<{ suffix: string; schema: unknown }> {
  // Most keywords of a schema hold data: they cost no pointer string and no array.
  if (!ONE.has(keyword) && !ARRAY.has(keyword) && !MAP.has(keyword) && keyword !== "items") {
    return NONE;
  }
  // Draft-07 keyword names hold no `~` or `/`: none needs escaping.
  const at = `/${keyword}`;
  if (ONE.has(keyword)) return [{ suffix: at, schema: value }];
  if (keyword === "items") {
    if (!Array.isArray(value)) return [{ suffix: at, schema: value }];
    return value.map((schema, i) => ({ suffix: `${at}/${i}`, schema }));
  }
  if (ARRAY.has(keyword)) {
    if (!Array.isArray(value)) return [];
    return value.map((schema, i) => ({ suffix: `${at}/${i}`, schema }));
  }
  if (MAP.has(keyword) && isObject(value)) {
    return Object.entries(value)
      .filter(([, schema]) => !Array.isArray(schema))
      .map(([key, schema]) => ({ suffix: `${at}/${escapePointer(key)}`, schema }));
  }
  return [];
}

/**
 * Visits every schema object under `schema` (itself first), depth-first, with its JSON pointer
 * (`pointer` is the root's). Boolean schemas and non-objects are not visited.
 */
export function walkSchema(
  schema: unknown,
  pointer: string,
  visit: (node: SchemaNode, pointer: string) => void,
): void {
  if (!isObject(schema)) return;
  visit(schema, pointer);
  for (const [keyword, value] of Object.entries(schema)) {
    for (const sub of subschemas(keyword, value))
      walkSchema(sub.schema, pointer + sub.suffix, visit);
  }
}

/**
 * `value` of `keyword` with `fn` applied to each subschema it holds (a new array or map); data
 * keywords and `dependencies`' property lists come back as they are.
 */
export function mapSubschemas(
  keyword: string,
  value: unknown,
  fn: (schema: unknown) => unknown,
): unknown {
  if (ONE.has(keyword)) return fn(value);
  if (keyword === "items") return Array.isArray(value) ? value.map(fn) : fn(value);
  if (ARRAY.has(keyword)) return Array.isArray(value) ? value.map(fn) : value;
  if (MAP.has(keyword) && isObject(value)) {
    const out: SchemaNode = {};
    for (const [key, sub] of Object.entries(value)) out[key] = Array.isArray(sub) ? sub : fn(sub);
    return out;
  }
  return value;
}

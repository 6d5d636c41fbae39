/** A JSON Schema node as codegen handles it. */
export type Schema = { [keyword: string]: unknown };

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
/** Draft-07 keywords that hold a map of subschemas. */
export const SCHEMA_MAP_KEYWORDS = ["properties", "patternProperties", "definitions"] as const;
/** Draft-07 keywords kept as they are (assertions, plus the annotations types turn into JSDoc). */
const VALUE_KEYWORDS = [
  // Local only (check-schemas.ts); kept so validators follow it and types name its target.
  "$ref",
  "type",
  "enum",
  "const",
  "multipleOf",
  "maximum",
  "exclusiveMaximum",
  "minimum",
  "exclusiveMinimum",
  "maxLength",
  "minLength",
  "pattern",
  "maxItems",
  "minItems",
  "uniqueItems",
  "maxProperties",
  "minProperties",
  "required",
  "description",
  "default",
  "examples",
  "deprecated",
  "readOnly",
  "writeOnly",
] as const;

/**
 * The one normalised form of a config schema that both the types and the validators are built
 * from, so they agree. It keeps only draft-07 keywords: everything else (`label`, `help_text`,
 * `x-autohive-input`, `nullable`, and json-schema-to-typescript's own `tsType`…) is ignored by
 * the runtime validator, so dropping it changes no verdict and stops it leaking into code.
 * Draft-03 `"required": true|false` on a property is dropped the same way (see check-schemas.ts).
 * `format` goes too (never asserted), and so do `title`, `$id` and `$comment` (types are named
 * from the action, not from titles). The input is not mutated.
 */
export function normalizeSchema(schema: unknown): Schema | boolean {
  if (typeof schema === "boolean") return schema;
  if (schema === null || typeof schema !== "object" || Array.isArray(schema)) return {};
  const source = schema as Schema;
  const out: Schema = {};
  for (const keyword of VALUE_KEYWORDS) {
    if (!(keyword in source)) continue;
    const value = source[keyword];
    if (keyword === "required" && !Array.isArray(value)) continue;
    if (keyword === "description" && typeof value !== "string") continue;
    out[keyword] = value;
  }
  for (const keyword of SCHEMA_MAP_KEYWORDS) {
    const map = source[keyword];
    if (map === null || typeof map !== "object" || Array.isArray(map)) continue;
    const normalised: Schema = {};
    for (const [key, sub] of Object.entries(map)) normalised[key] = normalizeSchema(sub);
    out[keyword] = normalised;
  }
  if ("items" in source) {
    const items = source.items;
    out.items = Array.isArray(items) ? items.map(normalizeSchema) : normalizeSchema(items);
  }
  for (const keyword of SCHEMA_KEYWORDS) {
    if (keyword in source) out[keyword] = normalizeSchema(source[keyword]);
  }
  for (const keyword of SCHEMA_ARRAY_KEYWORDS) {
    const list = source[keyword];
    if (Array.isArray(list)) out[keyword] = list.map(normalizeSchema);
  }
  const dependencies = source.dependencies;
  if (dependencies !== null && typeof dependencies === "object" && !Array.isArray(dependencies)) {
    const normalised: Schema = {};
    for (const [key, dep] of Object.entries(dependencies)) {
      normalised[key] = Array.isArray(dep) ? dep : normalizeSchema(dep);
    }
    out.dependencies = normalised;
  }
  return out;
}

/** Drops the annotations (descriptions, defaults, examples) a validator never reads. */
export function stripAnnotations(schema: Schema | boolean): Schema | boolean {
  if (typeof schema === "boolean") return schema;
  const out: Schema = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(keyword)) continue;
    out[keyword] = mapSubschemas(keyword, value, stripAnnotations);
  }
  return out;
}

const ANNOTATIONS = new Set([
  "description",
  "default",
  "examples",
  "deprecated",
  "readOnly",
  "writeOnly",
]);

/** Applies `fn` to the subschemas held by `keyword`'s `value`, leaving data keywords alone. */
export function mapSubschemas(
  keyword: string,
  value: unknown,
  fn: (schema: Schema | boolean) => Schema | boolean,
): unknown {
  if ((SCHEMA_KEYWORDS as readonly string[]).includes(keyword)) return fn(value as Schema);
  if ((SCHEMA_ARRAY_KEYWORDS as readonly string[]).includes(keyword)) {
    return (value as Schema[]).map(fn);
  }
  if (keyword === "items") return Array.isArray(value) ? value.map(fn) : fn(value as Schema);
  if ((SCHEMA_MAP_KEYWORDS as readonly string[]).includes(keyword) || keyword === "dependencies") {
    const out: Schema = {};
    for (const [key, sub] of Object.entries(value as Schema)) {
      out[key] = Array.isArray(sub) ? sub : fn(sub as Schema);
    }
    return out;
  }
  return value;
}

import type { JsonSchema } from "./config-types.ts";

const SCHEMA_MAPS = ["properties", "patternProperties", "definitions", "dependencies"];
const SCHEMA_ONE = [
  "additionalProperties",
  "additionalItems",
  "contains",
  "propertyNames",
  "not",
  "if",
  "then",
  "else",
];
const SCHEMA_LISTS = ["allOf", "anyOf", "oneOf"];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A copy of a config.json schema that Ajv validates exactly as the Python SDK's
 * `Draft7Validator` does: without `nullable` (an OpenAPI keyword Ajv would honour but
 * draft-07 ignores), without a non-array `required` (draft-03's `"required": false`,
 * which Draft7Validator never checks), and without `$schema`/`$id` (Draft7Validator
 * always applies draft-07, and ids must not clash between schemas compiled together).
 */
export function normalizeSchema(schema: JsonSchema): JsonSchema {
  return normalizeNode(schema, true) as JsonSchema;
}

function normalizeNode(node: unknown, root = false): unknown {
  if (!isObject(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "nullable" || key === "$schema" || (root && key === "$id")) continue;
    if (key === "required" && !Array.isArray(value)) continue;
    if (SCHEMA_MAPS.includes(key) && isObject(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, sub]) => [name, normalizeNode(sub)]),
      );
    } else if (SCHEMA_ONE.includes(key)) {
      out[key] = normalizeNode(value);
    } else if (key === "items") {
      out[key] = Array.isArray(value)
        ? value.map((sub) => normalizeNode(sub))
        : normalizeNode(value);
    } else if (SCHEMA_LISTS.includes(key) && Array.isArray(value)) {
      out[key] = value.map((sub) => normalizeNode(sub));
    } else {
      out[key] = value;
    }
  }
  return out;
}

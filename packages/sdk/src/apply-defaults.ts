import type { JsonSchema } from "./config-types.ts";
import { isObject, refSegments } from "./utils.ts";

/** Follows a local `$ref` (`#/definitions/x`, any JSON pointer into `root`). */
function resolveRef(root: JsonSchema, ref: string): JsonSchema | undefined {
  const segments = refSegments(ref);
  if (!segments) return undefined;
  let node: unknown = root;
  for (const key of segments) {
    if (!isObject(node)) return undefined;
    node = node[key];
  }
  return isObject(node) ? node : undefined;
}

const hasDefaultsCache = new WeakMap<JsonSchema, boolean>();

/** Whether a `default` appears anywhere (a property named "default" too: a harmless copy). */
function containsDefault(node: unknown, seen: Set<unknown>): boolean {
  if (typeof node !== "object" || node === null || seen.has(node)) return false;
  seen.add(node);
  if (isObject(node) && "default" in node) return true;
  return Object.values(node).some((child) => containsDefault(child, seen));
}

function fill(
  schema: JsonSchema | undefined,
  value: unknown,
  root: JsonSchema,
  depth: number,
): void {
  // A `$ref` cycle only recurses as deep as the data, but guard against schema-only cycles.
  if (!schema || depth > 64) return;
  if (typeof schema.$ref === "string") {
    fill(resolveRef(root, schema.$ref), value, root, depth + 1);
    return;
  }
  if (Array.isArray(schema.allOf)) {
    for (const part of schema.allOf) if (isObject(part)) fill(part, value, root, depth + 1);
  }
  if (isObject(value) && isObject(schema.properties)) {
    for (const [key, property] of Object.entries(schema.properties)) {
      if (!isObject(property)) continue;
      const target =
        typeof property.$ref === "string"
          ? (resolveRef(root, property.$ref) ?? property)
          : property;
      if (!Object.hasOwn(value, key) && "default" in target) {
        value[key] = structuredClone(target.default);
      }
      if (Object.hasOwn(value, key)) fill(property, value[key], root, depth + 1);
    }
  }
  if (Array.isArray(value) && isObject(schema.items)) {
    for (const item of value) fill(schema.items, item, root, depth + 1);
  }
}

/**
 * `inputs` with the schema's `default`s filled in where properties are absent, as Ajv's
 * `useDefaults` would (under `properties`, `items`, `allOf` and local `$ref`s, not in
 * `anyOf`/`oneOf`). The caller's object is never changed: a copy is filled. Written out rather
 * than Ajv's option because that mutates the caller's inputs, and precompiled validators would
 * need a second build.
 */
export function applyDefaults<T>(schema: JsonSchema, inputs: T): T {
  let has = hasDefaultsCache.get(schema);
  if (has === undefined) {
    has = containsDefault(schema, new Set());
    hasDefaultsCache.set(schema, has);
  }
  if (!has || typeof inputs !== "object" || inputs === null) return inputs;
  const copy = structuredClone(inputs);
  fill(schema, copy, schema, 0);
  return copy;
}

import type { JsonSchema } from "@plugboard/sdk";

/** A component name OpenAPI accepts (`^[a-zA-Z0-9._-]+$`). */
function componentName(...parts: string[]): string {
  return parts.map((part) => part.replace(/[^a-zA-Z0-9._-]/g, "_")).join(".");
}

/** One token of a JSON pointer fragment (`%7E`-encoded, `~1`/`~0` escaped) as a key. */
function decodeToken(token: string): string {
  return decodeURIComponent(token).replace(/~1/g, "/").replace(/~0/g, "~");
}

/**
 * Places an action's or trigger's draft-07 schema in the OpenAPI document. Its local
 * `definitions` become `components/schemas` entries named `<prefix>.<definition>`, and every
 * local `$ref` (which would otherwise resolve against the OpenAPI document's root) is rewritten
 * to point there; a `$ref` into any other part of the schema makes the whole schema a component
 * (`<prefix>`) and points into it. Returns the schema to embed; `schemas` receives the rest.
 */
export function embedSchema(
  schema: JsonSchema,
  prefix: string,
  schemas: Record<string, unknown>,
): JsonSchema {
  if (typeof schema !== "object" || schema === null) return schema;
  const definitions = (schema as { definitions?: Record<string, unknown> }).definitions ?? {};
  const root = componentName(prefix);
  let rootNeeded = false;

  const rewrite = (ref: string): string => {
    const found = /^#\/definitions\/([^/]+)(\/.*)?$/.exec(ref);
    if (found?.[1] !== undefined) {
      const name = decodeToken(found[1]);
      if (Object.hasOwn(definitions, name)) {
        return `#/components/schemas/${componentName(prefix, name)}${found[2] ?? ""}`;
      }
    }
    rootNeeded = true;
    return `#/components/schemas/${root}${ref.slice(1)}`;
  };
  const copy = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(copy);
    if (typeof value !== "object" || value === null) return value;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] =
        key === "$ref" && typeof item === "string" && item.startsWith("#")
          ? rewrite(item)
          : copy(item);
    }
    return out;
  };

  const { definitions: _moved, ...rest } = schema as Record<string, unknown>;
  for (const [name, definition] of Object.entries(definitions)) {
    schemas[componentName(prefix, name)] = copy(definition);
  }
  const embedded = copy(rest) as JsonSchema;
  if (!rootNeeded) return embedded;
  // A pointer into the schema itself (`#`, `#/properties/…`): keep it whole, definitions
  // included, as a component, and embed a reference to it.
  schemas[root] = copy(schema);
  return { $ref: `#/components/schemas/${root}` } as JsonSchema;
}

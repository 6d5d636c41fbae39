type Schema = { [keyword: string]: unknown };

/**
 * A small value that should satisfy a (normalised) schema: required properties, minimum
 * lengths and counts, the first enum value or union branch. Patterns and other exotic
 * constraints are not solved; callers check the sample against Ajv before relying on it.
 */
export function sampleValue(schema: unknown): unknown {
  if (schema === true || schema === undefined || schema === null) return null;
  if (typeof schema !== "object") return null;
  const s = schema as Schema;
  if ("const" in s) return s.const;
  if (Array.isArray(s.enum)) return s.enum[0];
  for (const union of ["oneOf", "anyOf", "allOf"]) {
    const branches = s[union];
    if (
      Array.isArray(branches) &&
      branches.length > 0 &&
      s.type === undefined &&
      s.properties === undefined
    ) {
      return sampleValue(branches[0]);
    }
  }
  const types = Array.isArray(s.type)
    ? (s.type as string[])
    : s.type === undefined
      ? []
      : [s.type as string];
  const type =
    types.find((t) => t !== "null") ??
    types[0] ??
    (s.properties ? "object" : s.items ? "array" : undefined);
  switch (type) {
    case "object": {
      const out: Record<string, unknown> = {};
      const properties = (s.properties ?? {}) as Record<string, unknown>;
      for (const name of (s.required as string[] | undefined) ?? [])
        out[name] = sampleValue(properties[name] ?? {});
      return out;
    }
    case "array": {
      const count = typeof s.minItems === "number" ? s.minItems : 0;
      const item = Array.isArray(s.items) ? s.items[0] : s.items;
      return Array.from({ length: count }, () => sampleValue(item ?? {}));
    }
    case "string":
      return "x".repeat(typeof s.minLength === "number" ? s.minLength : 0);
    case "integer":
    case "number": {
      let n = typeof s.minimum === "number" ? Math.ceil(s.minimum) : 0;
      if (typeof s.exclusiveMinimum === "number") n = Math.floor(s.exclusiveMinimum) + 1;
      if (typeof s.maximum === "number" && n > s.maximum) n = Math.floor(s.maximum);
      return n;
    }
    case "boolean":
      return false;
    case "null":
      return null;
    default:
      return null;
  }
}

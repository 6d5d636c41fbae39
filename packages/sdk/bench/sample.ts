/** Builds a small value meant to satisfy a JSON Schema: required properties only, minimal sizes. */
export function sample(schema: unknown, depth = 0): unknown {
  if (typeof schema !== "object" || schema === null || depth > 12) return null;
  const s = schema as Record<string, unknown>;
  if ("const" in s) return s.const;
  if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum[0];
  for (const key of ["oneOf", "anyOf", "allOf"]) {
    const list = s[key];
    if (Array.isArray(list) && list.length > 0)
      return sample({ ...s, [key]: undefined, ...list[0] }, depth + 1);
  }
  const types = Array.isArray(s.type) ? s.type : [s.type];
  const type = types.find((t) => t !== "null") ?? (types.includes("null") ? "null" : inferType(s));
  switch (type) {
    case "object": {
      const out: Record<string, unknown> = {};
      const props = (s.properties ?? {}) as Record<string, unknown>;
      for (const name of Array.isArray(s.required) ? s.required : []) {
        out[name as string] = sample(props[name as string] ?? {}, depth + 1);
      }
      return out;
    }
    case "array": {
      const min = typeof s.minItems === "number" ? s.minItems : 0;
      return Array.from({ length: min }, () => sample(s.items ?? {}, depth + 1));
    }
    case "string":
      return "x".repeat(typeof s.minLength === "number" ? Math.max(1, s.minLength) : 3);
    case "integer":
      return typeof s.minimum === "number" ? Math.ceil(s.minimum) : 1;
    case "number":
      return typeof s.minimum === "number" ? s.minimum : 1.5;
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return {};
  }
}

function inferType(s: Record<string, unknown>): string {
  if (s.properties || s.required) return "object";
  if (s.items) return "array";
  return "any";
}

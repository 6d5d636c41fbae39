import { isObject, mapSubschemas, type SchemaNode as Schema } from "@plugboard/sdk/internal";

/**
 * A copy of an input schema where every property with a `default` is also `required`: the
 * type of inputs after the SDK applied the defaults (`apply_defaults: true`), for types only.
 * Validators keep the schema as written, since the defaults are applied before them anyway.
 */
export function defaultsRequired(schema: Schema | boolean): Schema | boolean {
  if (typeof schema === "boolean") return schema;
  const out: Schema = {};
  for (const [keyword, value] of Object.entries(schema)) {
    out[keyword] = mapSubschemas(keyword, value, (sub) =>
      isObject(sub) ? defaultsRequired(sub) : sub,
    );
  }
  const properties = schema.properties;
  if (!isObject(properties)) return out;
  const defaulted = Object.entries(properties)
    .filter(([, property]) => isObject(property) && "default" in property)
    .map(([key]) => key);
  if (defaulted.length === 0) return out;
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  out.required = [...required, ...defaulted.filter((key) => !required.includes(key))];
  return out;
}

import { escapePointer, mapSubschemas } from "@plugboard/sdk/internal";
import { isObject, type Json, type JsonObject } from "./description.ts";
import { resolvePointer, unescapeFragmentSegment } from "./resolve-ref.ts";

/** Which side of the wire a schema describes: `readOnly` leaves inputs, `writeOnly` outputs. */
export type Direction = "input" | "output";

/** The state of converting the schemas of one `input_schema` or `output_schema`. */
export interface SchemaScope {
  document: Json;
  direction: Direction;
  /** OpenAPI 3.0 has `nullable` and boolean `exclusiveMinimum`; 3.1 schemas are JSON Schema. */
  legacy: boolean;
  /** The shared schemas reached so far, by `definitions` name. */
  definitions: Record<string, Json>;
}

// OpenAPI-only keywords with no meaning to a draft-07 validator or to the generated types.
const DROPPED = new Set([
  "nullable",
  "discriminator",
  "xml",
  "externalDocs",
  "example",
  "deprecated",
  "$schema",
  "$id",
  "$anchor",
  "$comment",
]);
/** The `definitions` name of a shared schema: its component name, else its whole pointer. */
export function definitionName(ref: string): string {
  const prefix = "#/components/schemas/";
  if (ref.startsWith(prefix)) return unescapeFragmentSegment(ref.slice(prefix.length));
  return ref
    .slice(2)
    .split("/")
    .map(unescapeFragmentSegment)
    .join("_")
    .replace(/[^A-Za-z0-9_.-]/g, "_");
}

/** A new scope for one input or output schema. */
export function schemaScope(document: Json, direction: Direction, legacy: boolean): SchemaScope {
  return { document, direction, legacy, definitions: {} };
}

function convertRef(ref: string, scope: SchemaScope): JsonObject {
  if (!ref.startsWith("#/")) {
    // The parser bundles external files into the document, so this is a description error.
    throw new Error(`$ref "${ref}" is not a local reference`);
  }
  const name = definitionName(ref);
  if (!(name in scope.definitions)) {
    // Reserve the name first: a recursive schema then refers to itself instead of looping.
    scope.definitions[name] = {};
    scope.definitions[name] = convertSchema(resolvePointer(scope.document, ref) ?? {}, scope);
  }
  return { $ref: `#/definitions/${escapePointer(name)}` };
}

function isDroppedProperty(schema: Json, scope: SchemaScope): boolean {
  if (!isObject(schema)) return false;
  return scope.direction === "input" ? schema.readOnly === true : schema.writeOnly === true;
}

/** Adds `null` to a converted schema the way draft-07 says it: in `type`, `enum` or `anyOf`. */
function withNull(schema: JsonObject): JsonObject {
  const { type } = schema;
  if (typeof type === "string" && !("$ref" in schema)) {
    const result: JsonObject = { ...schema, type: [type, "null"] };
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) {
      result.enum = [...schema.enum, null];
    }
    return result;
  }
  if (Array.isArray(type)) {
    return type.includes("null") ? schema : { ...schema, type: [...type, "null"] };
  }
  return { anyOf: [schema, { type: "null" }] };
}

/** Converts `properties`, leaving out those that do not travel in this direction. */
function convertProperties(map: Json, scope: SchemaScope): JsonObject {
  const result: JsonObject = {};
  if (!isObject(map)) return result;
  for (const [key, value] of Object.entries(map)) {
    if (isDroppedProperty(value, scope)) continue;
    result[key] = convertSchema(value, scope);
  }
  return result;
}

/**
 * Converts one OpenAPI Schema Object to draft-07: `nullable`, boolean `exclusiveMinimum`/
 * `exclusiveMaximum` and `example` become their JSON Schema forms, `readOnly` properties leave
 * inputs and `writeOnly` ones outputs, and `$ref`s become `#/definitions/…` references to shared
 * schemas collected in the scope (recursion preserved).
 */
export function convertSchema(schema: Json, scope: SchemaScope): Json {
  if (typeof schema === "boolean") return schema;
  if (!isObject(schema)) return {};
  if (typeof schema.$ref === "string") {
    const ref = convertRef(schema.$ref, scope);
    // OpenAPI 3.0 ignores $ref siblings; 3.1 applies them, which draft-07 says through allOf.
    const siblings = Object.keys(schema).filter(
      (key) => key !== "$ref" && key !== "description" && key !== "summary" && !DROPPED.has(key),
    );
    if (scope.legacy || siblings.length === 0) {
      return typeof schema.description === "string"
        ? { ...ref, description: schema.description }
        : ref;
    }
    const { $ref: _ref, ...rest } = schema;
    return convertSchema({ ...rest, allOf: [{ $ref: schema.$ref }] }, scope);
  }
  const result: JsonObject = {};
  const convert = (sub: unknown) => convertSchema(sub as Json, scope);
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED.has(key) || key.startsWith("x-")) continue;
    if (key === "properties") {
      result.properties = convertProperties(value, scope);
    } else if (key === "prefixItems" && Array.isArray(value)) {
      // JSON Schema 2020-12 (OpenAPI 3.1) tuple form; draft-07 spells it `items: [...]`.
      result.items = value.map(convert);
    } else {
      // Every draft-07 keyword that holds schemas, as the SDK's schema walk knows them (`$defs`
      // like `definitions`); data keywords stay as they are. Only top-level
      // `#/components/schemas` refs are rewritten; nested definitions stay inline.
      result[key] = mapSubschemas(key === "$defs" ? "definitions" : key, value, convert) as Json;
    }
  }
  if (Array.isArray(result.required) && isObject(result.properties)) {
    const kept = result.properties;
    const hidden = isObject(schema.properties)
      ? Object.keys(schema.properties).filter((name) => !(name in kept))
      : [];
    result.required = result.required.filter(
      (name) => typeof name !== "string" || !hidden.includes(name),
    );
    if (result.required.length === 0) delete result.required;
  }
  if (scope.legacy) legacyBounds(schema, result);
  if ("example" in schema && !("examples" in result)) result.examples = [schema.example ?? null];
  return scope.legacy && schema.nullable === true ? withNull(result) : result;
}

/** OpenAPI 3.0's boolean `exclusiveMinimum`/`exclusiveMaximum` become draft-07's numbers. */
function legacyBounds(schema: JsonObject, result: JsonObject): void {
  for (const [exclusive, bound] of [
    ["exclusiveMinimum", "minimum"],
    ["exclusiveMaximum", "maximum"],
  ] as const) {
    if (typeof schema[exclusive] !== "boolean") continue;
    if (schema[exclusive] === true && typeof schema[bound] === "number") {
      result[exclusive] = schema[bound];
      delete result[bound];
    } else {
      delete result[exclusive];
    }
  }
}

/** Wraps a converted schema with the definitions its scope collected, if any. */
export function withDefinitions(schema: Json, scope: SchemaScope): Json {
  const names = Object.keys(scope.definitions).sort();
  if (names.length === 0 || !isObject(schema)) return schema;
  const definitions: JsonObject = {};
  for (const name of names) definitions[name] = scope.definitions[name] ?? {};
  // A root that is only a reference is spelled out: type generators want a root of their own.
  const root = typeof schema.$ref === "string" ? schema.$ref.slice("#/definitions/".length) : "";
  const target = definitions[unescapeFragmentSegment(root)];
  if (root !== "" && isObject(target) && Object.keys(schema).length <= 2) {
    // Its examples stay with the definition: one schema's examples are checked once.
    const { examples: _examples, ...spelled } = target;
    return {
      ...spelled,
      ...(schema.description === undefined ? {} : { description: schema.description }),
      definitions,
    };
  }
  return { ...schema, definitions };
}

import { isDeepStrictEqual } from "node:util";
import { escapePointer } from "@plugboard/sdk/internal";

/** A semver bump, from none at all to major. */
export type Bump = "none" | "patch" | "minor" | "major";

/** One difference between two configs and the bump it needs on its own. */
export interface ConfigChange {
  bump: Exclude<Bump, "none">;
  /** JSON pointer into config.json. */
  pointer: string;
  message: string;
}

/** `in` for what callers send (inputs, credentials), `out` for what they receive (outputs). */
export type Variance = "in" | "out";

type Schema = Record<string, unknown>;

// Keywords that only document a schema: changing them never breaks anyone.
const documentation = new Set([
  "description",
  "title",
  "label",
  "help_text",
  "display_name",
  "examples",
  "default",
  "format",
  "$comment",
  "nullable",
  "x-autohive-input",
]);
const handled = new Set([
  "type",
  "enum",
  "properties",
  "required",
  "items",
  "additionalProperties",
]);
const lowerBounds = ["minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties"];
const upperBounds = ["maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties"];

function isSchema(value: unknown): value is Schema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function typesOf(schema: Schema): Set<string> | undefined {
  const type = schema.type;
  if (typeof type === "string") return new Set([type]);
  if (Array.isArray(type)) return new Set(type.filter((t): t is string => typeof t === "string"));
  return undefined;
}

function accepts(types: Set<string> | undefined, type: string): boolean {
  if (types === undefined) return true;
  return types.has(type) || (type === "integer" && types.has("number"));
}

/** Accepting less is a narrowing: breaking for inputs, safe for outputs; widening the reverse. */
function severity(variance: Variance, narrowed: boolean): "major" | "minor" {
  return (variance === "in") === narrowed ? "major" : "minor";
}

function compareTypes(before: Schema, after: Schema, pointer: string, variance: Variance) {
  const changes: ConfigChange[] = [];
  const was = typesOf(before);
  const now = typesOf(after);
  const all = ["string", "number", "integer", "boolean", "object", "array", "null"];
  const lost = all.filter((t) => accepts(was, t) && !accepts(now, t));
  const gained = all.filter((t) => !accepts(was, t) && accepts(now, t));
  if (lost.length > 0) {
    const message = `type narrowed: no longer accepts ${lost.join(", ")}`;
    changes.push({ bump: severity(variance, true), pointer: `${pointer}/type`, message });
  }
  if (gained.length > 0) {
    const message = `type widened: now accepts ${gained.join(", ")}`;
    changes.push({ bump: severity(variance, false), pointer: `${pointer}/type`, message });
  }
  return changes;
}

function compareEnum(before: Schema, after: Schema, pointer: string, variance: Variance) {
  const was = Array.isArray(before.enum) ? before.enum : undefined;
  const now = Array.isArray(after.enum) ? after.enum : undefined;
  const at = `${pointer}/enum`;
  if (was === undefined && now === undefined) return [];
  if (was === undefined) {
    return [{ bump: severity(variance, true), pointer: at, message: "enum added" }];
  }
  if (now === undefined) {
    return [{ bump: severity(variance, false), pointer: at, message: "enum removed" }];
  }
  const has = (list: unknown[], value: unknown) => list.some((v) => isDeepStrictEqual(v, value));
  const removed = was.filter((value) => !has(now, value));
  const added = now.filter((value) => !has(was, value));
  const changes: ConfigChange[] = [];
  if (removed.length > 0) {
    const message = `enum values removed: ${removed.map((v) => JSON.stringify(v)).join(", ")}`;
    changes.push({ bump: severity(variance, true), pointer: at, message });
  }
  if (added.length > 0) {
    const message = `enum values added: ${added.map((v) => JSON.stringify(v)).join(", ")}`;
    changes.push({ bump: severity(variance, false), pointer: at, message });
  }
  return changes;
}

function compareBounds(before: Schema, after: Schema, pointer: string, variance: Variance) {
  const changes: ConfigChange[] = [];
  for (const [keys, tighter] of [
    [lowerBounds, (a: number, b: number) => b > a],
    [upperBounds, (a: number, b: number) => b < a],
  ] as const) {
    for (const key of keys) {
      const was = before[key];
      const now = after[key];
      if (isDeepStrictEqual(was, now)) continue;
      const narrowed = typeof now === "number" && (typeof was !== "number" || tighter(was, now));
      const message = `${key} ${JSON.stringify(was)} → ${JSON.stringify(now)}`;
      changes.push({ bump: severity(variance, narrowed), pointer: `${pointer}/${key}`, message });
    }
  }
  return changes;
}

function requiredOf(schema: Schema): Set<string> {
  return new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
}

function compareObject(before: Schema, after: Schema, pointer: string, variance: Variance) {
  const changes: ConfigChange[] = [];
  const was = isSchema(before.properties) ? before.properties : {};
  const now = isSchema(after.properties) ? after.properties : {};
  const wasRequired = requiredOf(before);
  const nowRequired = requiredOf(after);
  const what = variance === "in" ? "input" : "output";
  for (const key of Object.keys(was)) {
    const at = `${pointer}/properties/${escapePointer(key)}`;
    if (!(key in now)) {
      changes.push({ bump: "major", pointer: at, message: `${what} "${key}" removed` });
      continue;
    }
    changes.push(...compareSchema(was[key], now[key], at, variance));
    if (!wasRequired.has(key) && nowRequired.has(key)) {
      const bump = variance === "in" ? "major" : "minor";
      changes.push({ bump, pointer: at, message: `${what} "${key}" is now required` });
    }
    if (wasRequired.has(key) && !nowRequired.has(key)) {
      const bump = variance === "in" ? "minor" : "major";
      changes.push({ bump, pointer: at, message: `${what} "${key}" is no longer required` });
    }
  }
  for (const key of Object.keys(now)) {
    if (key in was) continue;
    const at = `${pointer}/properties/${escapePointer(key)}`;
    const required = nowRequired.has(key);
    const bump = variance === "in" && required ? "major" : "minor";
    const message = `${required ? "required" : "optional"} ${what} "${key}" added`;
    changes.push({ bump, pointer: at, message });
  }
  if (before.additionalProperties !== false && after.additionalProperties === false) {
    const message = "additionalProperties: false added";
    changes.push({ bump: severity(variance, true), pointer, message });
  } else if (before.additionalProperties === false && after.additionalProperties !== false) {
    const message = "additionalProperties: false removed";
    changes.push({ bump: severity(variance, false), pointer, message });
  }
  return changes;
}

/** Compares two JSON Schemas and lists every change with the bump it needs. */
export function compareSchema(
  before: unknown,
  after: unknown,
  pointer: string,
  variance: Variance,
): ConfigChange[] {
  if (isDeepStrictEqual(before, after)) return [];
  if (!isSchema(before) || !isSchema(after)) {
    return [{ bump: "major", pointer, message: "schema replaced" }];
  }
  const changes: ConfigChange[] = [
    ...compareTypes(before, after, pointer, variance),
    ...compareEnum(before, after, pointer, variance),
    ...compareBounds(before, after, pointer, variance),
    ...compareObject(before, after, pointer, variance),
  ];
  if (!isDeepStrictEqual(before.items, after.items)) {
    changes.push(
      ...compareSchema(before.items ?? {}, after.items ?? {}, `${pointer}/items`, variance),
    );
  }
  const bounds = new Set([...lowerBounds, ...upperBounds]);
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (handled.has(key) || bounds.has(key) || isDeepStrictEqual(before[key], after[key])) continue;
    const at = `${pointer}/${escapePointer(key)}`;
    if (documentation.has(key) || !isValidationKeyword(key)) {
      changes.push({ bump: "patch", pointer: at, message: `${key} changed` });
    } else {
      // oneOf, pattern, const…: whether the change is compatible cannot be told safely.
      const message = `${key} changed; treated as breaking`;
      changes.push({ bump: "major", pointer: at, message });
    }
  }
  return changes;
}

const validationKeywords = new Set([
  "pattern",
  "const",
  "oneOf",
  "anyOf",
  "allOf",
  "not",
  "if",
  "then",
  "else",
  "dependencies",
  "patternProperties",
  "propertyNames",
  "uniqueItems",
  "multipleOf",
  "contains",
  "additionalItems",
  "$ref",
  "definitions",
]);

function isValidationKeyword(key: string): boolean {
  return validationKeywords.has(key);
}

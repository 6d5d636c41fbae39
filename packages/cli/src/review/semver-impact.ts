import { isDeepStrictEqual } from "node:util";
import { type Bump, type ConfigChange, compareSchema } from "./schema-impact.ts";

export type { Bump, ConfigChange } from "./schema-impact.ts";

type Json = Record<string, unknown>;

const order: Bump[] = ["none", "patch", "minor", "major"];

/** The larger of two bumps. */
export function maxBump(a: Bump, b: Bump): Bump {
  return order.indexOf(a) >= order.indexOf(b) ? a : b;
}

/** The bump a list of changes needs: the largest of them, `none` when empty. */
export function requiredBump(changes: ConfigChange[]): Bump {
  return changes.reduce<Bump>((bump, change) => maxBump(bump, change.bump), "none");
}

function section(config: Json, key: string): Json {
  const value = config[key];
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Json)
    : {};
}

function compareOperations(before: Json, after: Json, key: string, kind: string): ConfigChange[] {
  const changes: ConfigChange[] = [];
  const was = section(before, key);
  const now = section(after, key);
  for (const name of Object.keys(was)) {
    const pointer = `/${key}/${name}`;
    if (!(name in now)) {
      changes.push({ bump: "major", pointer, message: `${kind} "${name}" removed` });
      continue;
    }
    const a = section(was, name);
    const b = section(now, name);
    changes.push(...compareSchema(a.input_schema, b.input_schema, `${pointer}/input_schema`, "in"));
    changes.push(
      ...compareSchema(a.output_schema, b.output_schema, `${pointer}/output_schema`, "out"),
    );
    for (const field of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (field === "input_schema" || field === "output_schema") continue;
      if (isDeepStrictEqual(a[field], b[field])) continue;
      changes.push({ bump: "patch", pointer: `${pointer}/${field}`, message: `${field} changed` });
    }
  }
  for (const name of Object.keys(now)) {
    if (!(name in was)) {
      changes.push({
        bump: "minor",
        pointer: `/${key}/${name}`,
        message: `${kind} "${name}" added`,
      });
    }
  }
  return changes;
}

function compareAuth(before: Json, after: Json): ConfigChange[] {
  const was = section(before, "auth");
  const now = section(after, "auth");
  if (isDeepStrictEqual(was, now)) return [];
  if (was.type !== now.type) {
    const message = `auth type ${JSON.stringify(was.type)} → ${JSON.stringify(now.type)}`;
    return [{ bump: "major", pointer: "/auth/type", message }];
  }
  const changes = compareSchema(was.fields ?? {}, now.fields ?? {}, "/auth/fields", "in");
  for (const field of new Set([...Object.keys(was), ...Object.keys(now)])) {
    if (field === "type" || field === "fields" || isDeepStrictEqual(was[field], now[field])) {
      continue;
    }
    // New scopes or another provider make every user re-authorise: callers must opt in.
    const bump = field === "scopes" || field === "provider" ? "minor" : "patch";
    changes.push({ bump, pointer: `/auth/${field}`, message: `auth ${field} changed` });
  }
  return changes;
}

/**
 * Lists what changed between two versions of a config.json and the bump each change needs:
 * removed actions or inputs, newly required inputs and narrowed types or enums are major;
 * new actions and optional inputs minor; descriptions patch.
 */
export function diffConfigs(before: Json, after: Json): ConfigChange[] {
  const changes: ConfigChange[] = [];
  if (before.name !== after.name) {
    const message = `name ${JSON.stringify(before.name)} → ${JSON.stringify(after.name)}`;
    changes.push({ bump: "major", pointer: "/name", message });
  }
  changes.push(...compareAuth(before, after));
  changes.push(...compareOperations(before, after, "actions", "action"));
  changes.push(...compareOperations(before, after, "polling_triggers", "polling trigger"));
  const skip = new Set(["name", "version", "auth", "actions", "polling_triggers"]);
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (skip.has(key) || isDeepStrictEqual(before[key], after[key])) continue;
    const dropped = before[key] === true && after[key] !== true;
    const bump = key.startsWith("supports_") ? (dropped ? "major" : "minor") : "patch";
    changes.push({ bump, pointer: `/${key}`, message: `${key} changed` });
  }
  return changes;
}

import { POLLING_INTERVAL_HINT, tryParsePollingInterval } from "./polling-interval.ts";
import { walkSchema } from "./schema-walk.ts";
import { escapePointer, isObject } from "./utils.ts";

/** A structural problem in a config: where (JSON pointer) and what, with the fix. */
export interface ConfigProblem {
  pointer: string;
  message: string;
  /** `false` when the text must not be walked again to find a line (it is nested too deep). */
  locate?: false;
}

type Obj = Record<string, unknown>;

const DEDUPE: readonly string[] = ["unique", "greatest", "last"];
const JSON_TYPES = new Set(["string", "number", "integer", "boolean", "object", "array", "null"]);

function kind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return `${typeof value} ${JSON.stringify(value)}`;
}

class Checker {
  problem: ConfigProblem | undefined;

  fail(pointer: string, message: string): false {
    this.problem ??= { pointer, message };
    return false;
  }

  /** Checks `parent[key]`; `required` adds a "missing" problem with the fix. */
  field(
    parent: Obj,
    at: string,
    key: string,
    expect: "string" | "boolean" | "object",
    required: string | false,
  ): boolean {
    const value = parent[key];
    if (value === undefined) {
      return required === false ? true : this.fail(at, `missing "${key}": ${required}`);
    }
    const ok = expect === "object" ? isObject(value) : typeof value === expect;
    const article = expect === "object" ? "an" : "a";
    return ok || this.fail(`${at}/${key}`, `expected ${article} ${expect}, got ${kind(value)}`);
  }

  /** Checks that `parent[key]`, when present, is an array of non-empty strings. */
  stringList(parent: Obj, at: string, key: string): string[] {
    const value = parent[key];
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      return this.fail(`${at}/${key}`, `expected an array of strings, got ${kind(value)}`) || [];
    }
    for (const [i, item] of value.entries()) {
      if (typeof item !== "string" || item === "") {
        return (
          this.fail(`${at}/${key}/${i}`, `expected a non-empty string, got ${kind(item)}`) || []
        );
      }
    }
    return value as string[];
  }

  /** Checks an action's or trigger's `secrets` names against the top-level declarations. */
  secretRefs(entry: Obj, at: string, declared: Set<string>): void {
    for (const [i, name] of this.stringList(entry, at, "secrets").entries()) {
      if (declared.has(name)) continue;
      const known = declared.size ? [...declared].map((n) => `"${n}"`).join(", ") : "none";
      this.fail(
        `${at}/secrets/${i}`,
        `secret "${name}" is not declared (declared: ${known}); add { "name": "${name}", "keys": [...] } to the top-level "secrets"`,
      );
    }
  }

  schema(parent: Obj, at: string, key: string): void {
    if (!this.field(parent, at, key, "object", `add ${article(key)} ${key} object`)) return;
    this.schemaNode(parent[key], `${at}/${key}`);
  }

  /** Walks a JSON Schema (the SDK's schema walk), checking `type` keywords; other keywords are left to the validator. */
  schemaNode(node: unknown, at: string): void {
    walkSchema(node, at, (schema, pointer) => {
      if (!this.problem) this.types(schema, pointer);
    });
  }

  types(node: Obj, at: string): void {
    const type = node.type;
    if (type === undefined) return;
    const types = Array.isArray(type) ? type : [type];
    types.forEach((t, i) => {
      if (typeof t !== "string" || !JSON_TYPES.has(t)) {
        const where = Array.isArray(type) ? `${at}/type/${i}` : `${at}/type`;
        const valid = [...JSON_TYPES].map((x) => `"${x}"`).join(", ");
        this.fail(where, `expected one of ${valid}, got ${JSON.stringify(t)}`);
      }
    });
  }

  section(root: Obj, key: string, check: (entry: Obj, at: string) => void): void {
    const section = root[key];
    if (!isObject(section)) return;
    for (const [name, entry] of Object.entries(section)) {
      const at = `/${key}/${escapePointer(name)}`;
      if (!isObject(entry)) {
        this.fail(at, `expected an object, got ${kind(entry)}`);
        continue;
      }
      check(entry, at);
    }
  }
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? "an" : "a";
}

/**
 * How deeply objects and arrays may nest in a config.json. The deepest real config nests 16
 * levels; far deeper input would overflow the call stack of recursive schema tools (the checks
 * below, Ajv, json-schema-to-typescript) with a raw `RangeError` instead of a message.
 */
export const MAX_CONFIG_DEPTH = 64;

/** The first value nested deeper than `MAX_CONFIG_DEPTH`, found without recursion. */
function findDepthProblem(root: unknown): ConfigProblem | undefined {
  const stack: Array<{ value: unknown; pointer: string; depth: number }> = [
    { value: root, pointer: "", depth: 0 },
  ];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { value, pointer, depth } = item;
    if (typeof value !== "object" || value === null) continue;
    if (depth >= MAX_CONFIG_DEPTH) {
      return {
        pointer,
        message: `nested deeper than ${MAX_CONFIG_DEPTH} levels of objects and arrays, the most a config.json may have; flatten this schema`,
        // json-source-map builds every pointer of the document: quadratic in its depth.
        locate: false,
      };
    }
    const entries = Object.entries(value);
    // Reversed, so that the first offending value in document order is found first.
    for (let i = entries.length - 1; i >= 0; i -= 1) {
      const [key, child] = entries[i] as [string, unknown];
      stack.push({ value: child, pointer: `${pointer}/${escapePointer(key)}`, depth: depth + 1 });
    }
  }
  return undefined;
}

/** Finds the first structural problem in a parsed config.json, or `undefined` when it is sound. */
export function findConfigProblem(root: unknown): ConfigProblem | undefined {
  const tooDeep = findDepthProblem(root);
  if (tooDeep) return tooDeep;
  const c = new Checker();
  if (!isObject(root)) return c.fail("", `expected an object, got ${kind(root)}`) || c.problem;
  for (const key of ["name", "version", "description", "entry_point"]) {
    c.field(root, "", key, "string", `add a "${key}" string`);
  }
  c.field(root, "", "display_name", "string", false);
  c.field(root, "", "supports_connected_account", "boolean", false);
  c.field(root, "", "supports_billing", "boolean", false);
  c.field(root, "", "apply_defaults", "boolean", false);
  if (c.field(root, "", "auth", "object", false) && isObject(root.auth)) {
    const auth = root.auth;
    c.field(auth, "/auth", "type", "string", 'add a "type" ("platform" or "custom")');
    const fieldsRequired =
      auth.type === "custom" ? "add a JSON Schema object describing them" : false;
    if (c.field(auth, "/auth", "fields", "object", fieldsRequired)) {
      c.schemaNode(auth.fields, "/auth/fields");
    }
  }
  const declared = secretDeclarations(c, root);
  c.field(root, "", "actions", "object", 'add an "actions" object (it may be empty)');
  c.section(root, "actions", (action, at) => {
    c.secretRefs(action, at, declared);
    c.field(action, at, "display_name", "string", false);
    c.field(action, at, "description", "string", 'add a "description" string');
    c.schema(action, at, "input_schema");
    c.schema(action, at, "output_schema");
  });
  c.field(root, "", "polling_triggers", "object", false);
  c.section(root, "polling_triggers", (trigger, at) => {
    c.secretRefs(trigger, at, declared);
    c.field(trigger, at, "display_name", "string", false);
    c.field(trigger, at, "description", "string", 'add a "description" string');
    const interval = trigger.polling_interval;
    if (interval === undefined) {
      c.fail(at, `missing "polling_interval": add one, e.g. "5m"`);
    } else if (tryParsePollingInterval(interval) === undefined) {
      c.fail(
        `${at}/polling_interval`,
        `${JSON.stringify(interval)} is not an interval: ${POLLING_INTERVAL_HINT}`,
      );
    }
    const dedupe = trigger.dedupe;
    if (dedupe !== undefined && !DEDUPE.includes(dedupe as string)) {
      c.fail(
        `${at}/dedupe`,
        `expected one of ${DEDUPE.map((d) => `"${d}"`).join(", ")}, got ${kind(dedupe)}`,
      );
    }
    c.schema(trigger, at, "input_schema");
    c.schema(trigger, at, "output_schema");
  });
  return c.problem;
}

/** Checks the top-level `secrets` list (Tracecat's `RegistrySecret`) and returns its names. */
function secretDeclarations(c: Checker, root: Obj): Set<string> {
  const names = new Set<string>();
  const list = root.secrets;
  if (list === undefined) return names;
  if (!Array.isArray(list)) {
    c.fail("/secrets", `expected an array of { name, keys, optional_keys }, got ${kind(list)}`);
    return names;
  }
  for (const [i, entry] of list.entries()) {
    const at = `/secrets/${i}`;
    if (!isObject(entry)) {
      c.fail(at, `expected an object { name, keys, optional_keys }, got ${kind(entry)}`);
      continue;
    }
    if (!c.field(entry, at, "name", "string", 'add a "name" string, e.g. "openai"')) continue;
    const name = entry.name as string;
    if (names.has(name)) c.fail(`${at}/name`, `secret "${name}" is declared twice; keep one`);
    names.add(name);
    const keys = [...c.stringList(entry, at, "keys"), ...c.stringList(entry, at, "optional_keys")];
    if (keys.length === 0 && !c.problem) {
      c.fail(at, `secret "${name}" has no keys: add "keys": ["${name.toUpperCase()}_API_KEY"]`);
    }
  }
  return names;
}

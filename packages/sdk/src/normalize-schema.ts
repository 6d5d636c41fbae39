import type { JsonSchema } from "./config-types.ts";
import { DRAFT_07_ANNOTATIONS, DRAFT_07_ASSERTIONS } from "./draft-07-keywords.ts";
import { mapSubschemas, type SchemaNode } from "./schema-walk.ts";
import { isObject } from "./utils.ts";

const ASSERTIONS = new Set<string>(DRAFT_07_ASSERTIONS);
const ANNOTATIONS = new Set<string>(DRAFT_07_ANNOTATIONS);

/** Options of `normalizeSchema`. */
export interface NormalizeOptions {
  /** Keep `description`, `default`, `examples`…; on by default. Validators are built without. */
  annotations?: boolean;
  /**
   * Keep `title`, `format` and unknown keys (`label`, `help_text`…) as they are; off by default.
   * For schemas shown rather than validated (MCP tool schemas): `nullable`, `$async`, `$schema`
   * and `$id` still go.
   */
  otherKeywords?: boolean;
}

/** Keywords dropped even when `otherKeywords` keeps the rest. */
const NEVER_KEPT = new Set(["nullable", "$async", "$schema", "$id"]);

/**
 * The one normalised form of a config.json schema, shared by the runtime's Ajv, codegen's
 * precompiled validators and codegen's types, so that they agree with each other and with the
 * Python SDK's `Draft7Validator`. Only draft-07 keywords are kept: OpenAPI's `nullable` (which
 * Ajv would honour), `$async`, `$schema`, `$id` (ids must not clash between schemas compiled
 * together), `format` (never asserted), `title`, and every unknown key (`label`,
 * `x-autohive-input`…) go. Draft-03's `"required": true|false` is dropped (Draft7Validator never
 * checks it), and so is a non-string `description`. The input is not mutated.
 */
export function normalizeSchema(schema: JsonSchema, options?: NormalizeOptions): JsonSchema;
export function normalizeSchema(schema: unknown, options?: NormalizeOptions): JsonSchema | boolean;
export function normalizeSchema(
  schema: unknown,
  options: NormalizeOptions = {},
): JsonSchema | boolean {
  const annotations = options.annotations ?? true;
  const other = options.otherKeywords ?? false;
  const node = (value: unknown): unknown => {
    if (typeof value === "boolean") return value;
    if (!isObject(value)) return {};
    const out: SchemaNode = {};
    for (const [keyword, sub] of Object.entries(value)) {
      if (keyword === "required" && !Array.isArray(sub)) continue;
      if (keyword === "description" && typeof sub !== "string") continue;
      if (ASSERTIONS.has(keyword)) out[keyword] = mapSubschemas(keyword, sub, node);
      else if (annotations && ANNOTATIONS.has(keyword)) out[keyword] = sub;
      else if (other && !ANNOTATIONS.has(keyword) && !NEVER_KEPT.has(keyword)) out[keyword] = sub;
    }
    return out;
  };
  return node(schema) as JsonSchema | boolean;
}

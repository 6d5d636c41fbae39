import type { JsonSchema } from "@plugboard/sdk";
import { isObject, mapSubschemas, normalizeSchema } from "@plugboard/sdk/internal";

/** A JSON Schema whose root is an object, as MCP requires of `inputSchema` and `outputSchema`. */
export type ObjectSchema = { type: "object" } & Record<string, unknown>;

/** A tool schema, and whether the action's value sits under one property of it. */
export interface ToolSchema {
  schema: ObjectSchema;
  /** The property that holds the action's value (`input` / `result`), when the root was wrapped. */
  wrappedAs: string | undefined;
}

const DEFINITIONS = ["definitions", "$defs"];

interface Rewrite {
  /** Drops `format`: Plugboard never asserts it, a client that does would reject good output. */
  dropFormat: boolean;
  /** Rewrites a local `$ref` after the root moved under a property. */
  ref: ((ref: string) => string) | undefined;
}

/**
 * Copies a schema node keeping only JSON Schema: config.json's `label` becomes `title` and its
 * `help_text` joins `description` (standard annotations every client shows), `x-autohive-input`
 * and other `x-` keys are dropped (UI hints meant for one platform).
 */
function rewriteNode(node: unknown, rewrite: Rewrite): unknown {
  if (!isObject(node)) return node;
  const out: Record<string, unknown> = {};
  const rewriteSub = (sub: unknown) => rewriteNode(sub, rewrite);
  for (const [key, value] of Object.entries(node)) {
    if (key === "label" || key === "help_text" || key.startsWith("x-")) continue;
    if (key === "format" && rewrite.dropFormat) continue;
    if (key === "$ref" && typeof value === "string" && rewrite.ref) out[key] = rewrite.ref(value);
    // The SDK's walk knows draft-07's subschema keywords; `$defs` (2019-09) is held like
    // `definitions`, so a schema written with it keeps resolving once the root moves.
    else out[key] = mapSubschemas(key === "$defs" ? "definitions" : key, value, rewriteSub);
  }
  const label = node.label;
  const help = node.help_text;
  if (typeof label === "string" && out.title === undefined) out.title = label;
  if (typeof help === "string" && help !== out.description) {
    out.description = typeof out.description === "string" ? `${out.description}\n${help}` : help;
  }
  return out;
}

/**
 * Whether the root can stand as an MCP object schema as it is. Arguments are always an object,
 * so an input root that is untyped or allows `"object"` among others is narrowed to it; an
 * output root must be `type: "object"` exactly, or its values would not fit.
 */
function isObjectRoot(schema: Record<string, unknown>, narrow: boolean): boolean {
  if (schema.type === "object") return true;
  if (!narrow) return false;
  return (
    schema.type === undefined || (Array.isArray(schema.type) && schema.type.includes("object"))
  );
}

function wrap(schema: Record<string, unknown>, property: string): ObjectSchema {
  const inner: Record<string, unknown> = { ...schema };
  const root: ObjectSchema = { type: "object" };
  // Local definitions move to the new root, so `#/definitions/…` keeps resolving.
  for (const key of DEFINITIONS) {
    if (inner[key] !== undefined) {
      root[key] = inner[key];
      delete inner[key];
    }
  }
  root.properties = { [property]: inner };
  root.required = [property];
  root.additionalProperties = false;
  return root;
}

function movedRef(property: string): (ref: string) => string {
  return (ref) => {
    if (ref === "#") return `#/properties/${property}`;
    if (!ref.startsWith("#/")) return ref;
    if (DEFINITIONS.some((key) => ref.startsWith(`#/${key}/`))) return ref;
    return `#/properties/${property}${ref.slice(1)}`;
  };
}

/** Shown to a model, not validated: title, format, label and help_text stay for rewriteNode. */
const SHOWN = { otherKeywords: true };

function toolSchema(
  source: JsonSchema | undefined,
  property: string,
  options: { narrow: boolean; dropFormat: boolean },
): ToolSchema {
  const normalized = normalizeSchema(source ?? {}, SHOWN) as Record<string, unknown>;
  if (isObjectRoot(normalized, options.narrow)) {
    const schema = rewriteNode(normalized, { dropFormat: options.dropFormat, ref: undefined });
    return {
      schema: { ...(schema as Record<string, unknown>), type: "object" },
      wrappedAs: undefined,
    };
  }
  const rewrite = { dropFormat: options.dropFormat, ref: movedRef(property) };
  const schema = rewriteNode(normalized, rewrite) as Record<string, unknown>;
  return { schema: wrap(schema, property), wrappedAs: property };
}

/**
 * The tool's `inputSchema`: the action's `input_schema` when its root is or may be an
 * object (MCP arguments are always one), otherwise wrapped as `{ input: … }`.
 */
export function inputToolSchema(inputSchema: JsonSchema | undefined): ToolSchema {
  return toolSchema(inputSchema, "input", { narrow: true, dropFormat: false });
}

/**
 * The tool's `outputSchema`: the action's `output_schema` when its root is `type: "object"`,
 * otherwise (arrays, a root `oneOf`, `null` unions, no type) wrapped as `{ result: … }`; the
 * tool's `structuredContent` is wrapped the same way (no `output_schema` is an untyped root,
 * so `{ result: … }` too). `format` is dropped, see `rewriteNode`.
 */
export function outputToolSchema(outputSchema: JsonSchema | undefined): ToolSchema {
  return toolSchema(outputSchema, "result", { narrow: false, dropFormat: true });
}

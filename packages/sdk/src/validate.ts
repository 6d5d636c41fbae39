import type { Ajv } from "ajv";
import type { JsonSchema } from "./config-types.ts";
import { normalizeSchema } from "./normalize-schema.ts";
import type { ValidateFunction, ValidatorError } from "./types.ts";
import { pointerSegments } from "./utils.ts";

/** One way a value breaks its schema: where (a JSON path such as `$.labels[0]`), what, and the value. */
export interface Violation {
  path: string;
  message: string;
  value: unknown;
}

/**
 * The Ajv options that reproduce the Python SDK's Draft7Validator semantics, for the schemas
 * `normalizeSchema` returns: the runtime compiles with them, and codegen's precompiled
 * validators add only `code` (how to print the source). Validators stop
 * at the first error (the fast path for valid data); `explain` recompiles with `allErrors` to
 * list every violation once something failed.
 */
export const AJV_OPTIONS = {
  strict: false,
  allErrors: false,
  validateFormats: false,
  useDefaults: false,
  coerceTypes: false,
  removeAdditional: false,
  validateSchema: false,
  // Normalised schemas carry no `$id`, so Ajv keys nothing by id (no "already exists" clash
  // between two actions' schemas), and a root `$ref: "#"` resolves, as Draft7Validator's does.
  addUsedSchema: true,
  // Config patterns are written for Python's `re`; non-unicode mode accepts more of them.
  unicodeRegExp: false,
  // Only own properties count, as with Python dicts: `{}` must not satisfy
  // `required: ["toString"]`, nor fail an optional `constructor` string property.
  ownProperties: true,
} as const;

const compiled = new WeakMap<object, ValidateFunction>();
const explainers = new WeakMap<object, ValidateFunction>();
let ajv: Promise<{ fast: Ajv; full: Ajv }> | undefined;

// Ajv costs ~100 ms to import: only integrations without precompiled validators pay it,
// once, on the first validation (or the first failure, to explain it).
function loadAjv(): Promise<{ fast: Ajv; full: Ajv }> {
  ajv ??= import("ajv").then(({ default: AjvClass }) => ({
    fast: new AjvClass.default(AJV_OPTIONS) as Ajv,
    full: new AjvClass.default({ ...AJV_OPTIONS, allErrors: true }) as Ajv,
  }));
  return ajv;
}

/** The cached validator of `schema`, if it was compiled already. */
export function cachedValidator(schema: JsonSchema): ValidateFunction | undefined {
  return compiled.get(schema);
}

/** Compiles `schema` with the `fast` or the `full` (all-errors) Ajv, once per schema object. */
async function compileCached(
  schema: JsonSchema,
  which: "fast" | "full",
  cache: WeakMap<object, ValidateFunction>,
): Promise<ValidateFunction> {
  const hit = cache.get(schema);
  if (hit) return hit;
  const normalised = normalizeSchema(schema, { annotations: false });
  const validate = (await loadAjv())[which].compile(normalised) as ValidateFunction;
  cache.set(schema, validate);
  return validate;
}

/** Compiles `schema` with Ajv (draft-07, formats and unknown keywords ignored), once per schema object. */
export function compileSchema(schema: JsonSchema): Promise<ValidateFunction> {
  return compileCached(schema, "fast", compiled);
}

/** The all-errors validator of `schema`, compiled on the first failure and cached. */
function compileExplainer(schema: JsonSchema): Promise<ValidateFunction> {
  return compileCached(schema, "full", explainers);
}

/** Every violation of `schema` by `data`, listing all of them even if `validate` stopped at one. */
export async function explain(
  schema: JsonSchema,
  validate: ValidateFunction,
  data: unknown,
): Promise<Violation[]> {
  let errors = validate.errors ?? [];
  // Validators stop at the first error (precompiled ones too): ask Ajv for the full list.
  const full = await compileExplainer(schema);
  if (!full(data)) errors = full.errors ?? errors;
  const seen = new Set<string>();
  const out: Violation[] = [];
  for (const error of errors) {
    const violation = toViolation(error, data);
    const key = `${violation.path}\u0000${violation.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(violation);
  }
  return out;
}

/** `$`-rooted JSON path of a list of keys: `$.labels[0]["odd key"]`. */
export function jsonPath(keys: readonly string[]): string {
  let path = "$";
  for (const key of keys) {
    if (/^(0|[1-9][0-9]*)$/.test(key)) path += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) path += `.${key}`;
    else path += `[${JSON.stringify(key)}]`;
  }
  return path;
}

function valueAt(data: unknown, keys: readonly string[]): unknown {
  let node = data;
  for (const key of keys) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function toViolation(error: ValidatorError, data: unknown): Violation {
  const keys = pointerSegments(error.instancePath);
  const params = error.params;
  if (error.keyword === "required" && typeof params.missingProperty === "string") {
    return {
      path: jsonPath([...keys, params.missingProperty]),
      message: "is required",
      value: null,
    };
  }
  let message = error.message ?? `fails "${error.keyword}"`;
  if (error.keyword === "enum" && Array.isArray(params.allowedValues)) {
    message = `must be one of ${params.allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
  } else if (error.keyword === "additionalProperties" && params.additionalProperty !== undefined) {
    message = `must NOT have additional property ${JSON.stringify(params.additionalProperty)}`;
  }
  return { path: jsonPath(keys), message, value: valueAt(data, keys) ?? null };
}

/** One line listing every violation: `$.title: is required; $.count: must be integer`. */
export function describeViolations(violations: readonly Violation[]): string {
  return violations.map((v) => `${v.path}: ${v.message}`).join("; ");
}

import { escapePointer, isObject } from "@plugboard/sdk/internal";

type Json = Record<string, unknown>;

/** One validation problem placed on a form field by JSON pointer ("" is the whole form). */
export interface FieldError {
  pointer: string;
  message: string;
}

/** Turns a JSON path like `$.labels[0]` or `$['a b']` into a JSON pointer. */
export function jsonPathToPointer(jsonPath: string): string {
  let pointer = "";
  const pattern = /\.([^.[\]]+)|\[(\d+)\]|\[['"]((?:[^'"\\]|\\.)*)['"]\]/g;
  for (const match of jsonPath.replace(/^\$/, "").matchAll(pattern)) {
    pointer += `/${escapePointer(match[1] ?? match[2] ?? match[3] ?? "")}`;
  }
  return pointer;
}

function missingProperty(error: Json, message: string): string | undefined {
  const params = isObject(error.params) ? error.params : {};
  if (typeof params.missingProperty === "string") return params.missingProperty;
  const match = /required property '([^']+)'|'([^']+)' is a required property/.exec(message);
  return match?.[1] ?? match?.[2];
}

function fromError(error: Json, fallback: string): FieldError {
  const message = typeof error.message === "string" ? error.message : fallback;
  let pointer = "";
  if (typeof error.instancePath === "string") pointer = error.instancePath;
  else if (typeof error.pointer === "string") pointer = error.pointer;
  else if (typeof error.property === "string") pointer = jsonPathToPointer(error.property);
  else if (typeof error.path === "string") pointer = jsonPathToPointer(error.path);
  // "must have required property 'x'" belongs on field x, not on its parent object.
  const missing = missingProperty(error, message);
  if (missing !== undefined && !pointer.endsWith(`/${escapePointer(missing)}`)) {
    pointer += `/${escapePointer(missing)}`;
  }
  return { pointer, message };
}

const violation = /(\$(?:\.[A-Za-z_$][\w$]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])*): ([^;]+)/g;

/**
 * The field errors of a `validation_error` result. The SDK lists every violation in its
 * message (`$.title: is required; $.count: must be integer`) and the first in `property`.
 */
export function fieldErrors(result: unknown): FieldError[] {
  if (!isObject(result)) return [];
  const fallback = typeof result.message === "string" ? result.message : "invalid value";
  const list = Array.isArray(result.errors) ? result.errors.filter(isObject) : [];
  if (list.length > 0) return list.map((error) => fromError(error, fallback));
  const listed = [...fallback.matchAll(violation)].map((match) => ({
    pointer: jsonPathToPointer(match[1] ?? "$"),
    message: (match[2] ?? "").trim(),
  }));
  if (listed.length > 0) return listed;
  return [fromError(result, fallback)];
}

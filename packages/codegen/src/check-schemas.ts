import { createRequire } from "node:module";
import type { IntegrationConfig } from "@plugboard/sdk";
import { escapePointer, isObject, walkSchema } from "@plugboard/sdk/internal";
import { CodegenError, type ConfigWarning } from "./errors.ts";
import { likelyKeyword } from "./keyword-typos.ts";
import { isLocalRef, resolveLocalRef } from "./schema-ref.ts";

interface MetaError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}
interface MetaValidator {
  validateSchema(schema: unknown): boolean;
  errors?: MetaError[] | null;
}

let meta: MetaValidator | undefined;

function metaValidator(): MetaValidator {
  if (meta) return meta;
  const Ajv = createRequire(import.meta.url)("ajv").default;
  meta = new Ajv({ strict: false, allErrors: true, validateFormats: false }) as MetaValidator;
  return meta;
}

/** Every schema in a config with its JSON pointer. */
export function schemasOf(config: IntegrationConfig): Array<{ pointer: string; schema: unknown }> {
  const found: Array<{ pointer: string; schema: unknown }> = [];
  const auth = config.auth as { fields?: unknown } | undefined;
  if (auth?.fields !== undefined) found.push({ pointer: "/auth/fields", schema: auth.fields });
  for (const section of ["actions", "polling_triggers"] as const) {
    for (const [name, entry] of Object.entries(config[section] ?? {})) {
      const at = `/${section}/${escapePointer(name)}`;
      const op = entry as { input_schema?: unknown; output_schema?: unknown };
      if (op.input_schema !== undefined)
        found.push({ pointer: `${at}/input_schema`, schema: op.input_schema });
      if (op.output_schema !== undefined)
        found.push({ pointer: `${at}/output_schema`, schema: op.output_schema });
    }
  }
  return found;
}

/**
 * Checks every schema of a config against the draft-07 meta-schema and what codegen supports.
 * Throws `CodegenError` (`invalid_schema` with the pointer and keyword, or `unsupported_schema`
 * for a `$ref` that is not local); returns the tolerated oddities (draft-03 `"required": true|false` on a property,
 * OpenAPI `nullable`) as warnings: both are ignored, as the run-time validator ignores them.
 */
export function checkSchemas(config: IntegrationConfig, file?: string): ConfigWarning[] {
  const warnings: ConfigWarning[] = [];
  const tolerated = new Set<string>();
  const where = (pointer: string) => `${file ?? "config.json"}#${pointer}`;
  for (const { pointer, schema } of schemasOf(config)) {
    walkSchema(schema, pointer, (node, at) => {
      if ("$ref" in node) checkRef(node.$ref, schema, at, where, file);
      for (const key of Object.keys(node)) {
        const meant = likelyKeyword(key);
        if (meant === undefined) continue;
        warnings.push({
          file,
          pointer: `${at}/${escapePointer(key)}`,
          message: `unknown keyword "${key}" is ignored: did you mean "${meant}"?`,
        });
      }
      if (typeof node.required === "boolean") {
        tolerated.add(`${at}/required`);
        warnings.push({
          file,
          pointer: `${at}/required`,
          message: `draft-03 style "required": ${node.required} is ignored; list required properties in the parent's "required" array instead`,
        });
      }
      if ("nullable" in node) {
        warnings.push({
          file,
          pointer: `${at}/nullable`,
          message: `"nullable" is not JSON Schema (draft-07) and is ignored; allow null with "type": [..., "null"] instead`,
        });
      }
      for (const [keyword, patterns] of [
        ["pattern", typeof node.pattern === "string" ? [node.pattern] : []],
        [
          "patternProperties",
          isObject(node.patternProperties) ? Object.keys(node.patternProperties) : [],
        ],
      ] as const) {
        for (const pattern of patterns) {
          try {
            new RegExp(pattern);
          } catch (error) {
            const reason = error instanceof Error ? error.message : String(error);
            throw new CodegenError(
              `${where(`${at}/${keyword}`)}: invalid JSON Schema (keyword "${keyword}"): ${reason}; write a valid regular expression`,
              { code: "invalid_schema", file, pointer: `${at}/${keyword}`, keyword, cause: error },
            );
          }
        }
      }
    });
    const validator = metaValidator();
    if (validator.validateSchema(schema)) continue;
    const errors = (validator.errors ?? []).filter(
      (error) => !tolerated.has(`${pointer}${error.instancePath}`) && error.keyword !== "anyOf",
    );
    const first = errors[0];
    if (!first) continue;
    const at = `${pointer}${first.instancePath}`;
    const keyword = first.instancePath.split("/").pop() || first.keyword;
    throw new CodegenError(
      `${where(at)}: invalid JSON Schema (keyword "${keyword}"): ${first.message ?? "invalid"}${hint(first)}`,
      { code: "invalid_schema", file, pointer: at, keyword },
    );
  }
  return warnings;
}

/** A `$ref` must be local (`#/definitions/…`) and resolve to a schema within its root schema. */
function checkRef(
  ref: unknown,
  root: unknown,
  at: string,
  where: (pointer: string) => string,
  file: string | undefined,
): void {
  const pointer = `${at}/$ref`;
  if (typeof ref !== "string" || !isLocalRef(ref)) {
    throw new CodegenError(
      `${where(pointer)}: only local "$ref"s are supported (like "#/definitions/task"), got ${JSON.stringify(ref)}; move the referenced schema under this schema's "definitions"`,
      { code: "unsupported_schema", file, pointer, keyword: "$ref" },
    );
  }
  const target = resolveLocalRef(root, ref);
  if (typeof target !== "boolean" && !isObject(target)) {
    throw new CodegenError(
      `${where(pointer)}: "$ref" ${JSON.stringify(ref)} points at nothing in this schema; add it under "definitions" or fix the name`,
      { code: "invalid_schema", file, pointer, keyword: "$ref" },
    );
  }
}

function hint(error: MetaError): string {
  const allowed = error.params.allowedValues;
  if (Array.isArray(allowed)) return ` (${allowed.map((v) => JSON.stringify(v)).join(", ")})`;
  return "; see https://json-schema.org/draft-07/json-schema-validation";
}

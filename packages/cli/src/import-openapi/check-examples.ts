import { Ajv } from "ajv";
import type { ImportedAction } from "./build-action.ts";
import { isObject, type Json } from "./description.ts";
import { escapePointer } from "./resolve-ref.ts";

/** An example of the description that its own (converted) schema rejects. */
export interface RejectedExample {
  /** `<action> response example <name>`, or `<action> <input|output>_schema#<pointer>`. */
  where: string;
  /** The first validation error: where in the example, and what. */
  error: string;
}

/** How the description's examples fare against the schemas made from it. */
export interface ExampleReport {
  checked: number;
  rejected: RejectedExample[];
}

const SCHEMA_MAPS = new Set(["properties", "patternProperties", "definitions", "dependencies"]);

/** Every `examples` list in a converted schema, with the JSON pointer of its schema. */
function examplesIn(node: Json, pointer: string, found: Array<[string, Json[]]>): void {
  if (Array.isArray(node)) {
    for (const [index, item] of node.entries()) examplesIn(item, `${pointer}/${index}`, found);
    return;
  }
  if (!isObject(node)) return;
  if (Array.isArray(node.examples)) found.push([pointer, node.examples]);
  for (const [key, value] of Object.entries(node)) {
    if (key === "examples" || key === "enum" || key === "const" || key === "default") continue;
    if (SCHEMA_MAPS.has(key) && isObject(value)) {
      for (const [name, schema] of Object.entries(value)) {
        examplesIn(schema, `${pointer}/${key}/${escapePointer(name)}`, found);
      }
    } else examplesIn(value, `${pointer}/${escapePointer(key)}`, found);
  }
}

/**
 * Validates every example of the description against the schemas made from it, with the
 * generated validators' semantics (draft-07, formats not asserted): each response example
 * against its action's `output_schema`, each schema `example` against its own schema. A
 * shared schema's examples are checked once per direction.
 */
export function checkExamples(actions: ImportedAction[]): ExampleReport {
  const ajv = new Ajv({ strict: false, validateFormats: false });
  const report: ExampleReport = { checked: 0, rejected: [] };
  const seen = new Set<string>();
  const check = (where: string, id: string, pointer: string, value: Json) => {
    const validate = ajv.getSchema(`${id}#${pointer}`);
    if (validate === undefined) return;
    report.checked++;
    if (validate(value)) return;
    const first = validate.errors?.[0];
    report.rejected.push({
      where,
      error: `${first?.instancePath || "/"} ${first?.message ?? "is invalid"}`,
    });
  };
  for (const action of actions) {
    for (const direction of ["input", "output"] as const) {
      const schema = action.config[`${direction}_schema`] as Json;
      const id = `urn:plugboard:${action.name}:${direction}`;
      ajv.addSchema(isObject(schema) ? schema : {}, id);
      if (direction === "output") {
        for (const example of action.response.examples) {
          check(`${action.name} response example ${example.name}`, id, "", example.value);
        }
      }
      const found: Array<[string, Json[]]> = [];
      examplesIn(schema, "", found);
      for (const [pointer, examples] of found) {
        const key = pointer.startsWith("/definitions/")
          ? `${direction}:${pointer}`
          : `${action.name}:${direction}:${pointer}`;
        if (seen.has(key)) continue;
        seen.add(key);
        for (const value of examples) {
          check(`${action.name} ${direction}_schema#${pointer}`, id, pointer, value);
        }
      }
    }
  }
  return report;
}

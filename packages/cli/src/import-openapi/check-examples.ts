import { AJV_OPTIONS, normalizeSchema, walkSchema } from "@plugboard/sdk/internal";
import { Ajv } from "ajv";
import type { ImportedAction } from "./build-action.ts";
import { isObject, type Json } from "./description.ts";

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

/** Every `examples` list in a converted schema, with the JSON pointer of its schema. */
function examplesIn(schema: Json, found: Array<[string, Json[]]>): void {
  walkSchema(schema, "", (node, pointer) => {
    if (Array.isArray(node.examples)) found.push([pointer, node.examples as Json[]]);
  });
}

/**
 * Validates every example of the description against the schemas made from it, with the
 * runtime's semantics (the SDK's Ajv options and normalised schemas): each response example
 * against its action's `output_schema`, each schema `example` against its own schema. A
 * shared schema's examples are checked once per direction.
 */
export function checkExamples(actions: ImportedAction[]): ExampleReport {
  const ajv = new Ajv(AJV_OPTIONS);
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
      ajv.addSchema(normalizeSchema(isObject(schema) ? schema : {}, { annotations: false }), id);
      if (direction === "output") {
        for (const example of action.response.examples) {
          check(`${action.name} response example ${example.name}`, id, "", example.value);
        }
      }
      const found: Array<[string, Json[]]> = [];
      examplesIn(schema, found);
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

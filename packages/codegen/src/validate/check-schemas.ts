import { Ajv } from "ajv";
import type { Finding } from "./finding.ts";

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Checks every input, output and credentials schema is a valid draft-07 JSON Schema. */
export function checkSchemas(config: Json): Finding[] {
  // Unknown keywords (label, help_text…) are allowed, as at run time.
  const ajv = new Ajv({ strict: false, validateFormats: false });
  const findings: Finding[] = [];
  const check = (pointer: string, schema: unknown) => {
    if (schema === undefined) return;
    if (ajv.validateSchema(schema as Json)) return;
    for (const error of ajv.errors ?? []) {
      findings.push({
        level: "error",
        check: "schemas",
        message: `config.json#${pointer}${error.instancePath}: ${error.message ?? "invalid"} (JSON Schema draft-07)`,
      });
    }
  };
  for (const section of ["actions", "polling_triggers"]) {
    const items = isObject(config[section]) ? config[section] : {};
    for (const [name, item] of Object.entries(items)) {
      if (!isObject(item)) continue;
      check(`/${section}/${name}/input_schema`, item.input_schema);
      check(`/${section}/${name}/output_schema`, item.output_schema);
    }
  }
  if (isObject(config.auth)) check("/auth/fields", config.auth.fields);
  return findings;
}

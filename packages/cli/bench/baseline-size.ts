import { createRequire } from "node:module";
import type { IntegrationConfig } from "@plugboard/sdk";
import { normalizeSchema } from "@plugboard/sdk/internal";

const require = createRequire(import.meta.url);
const Ajv = require("ajv").default;
const standaloneCode = require("ajv/dist/standalone").default;

/**
 * The size of Ajv's default standalone output for one integration: every input, output and
 * credentials schema of config.json (as the runtime normalises them), compiled with the
 * runtime's semantics (draft-07, strict off, formats off) into one ESM module, untouched.
 */
export function ajvDefaultSize(config: IntegrationConfig): number {
  const ajv = new Ajv({ code: { source: true, esm: true }, strict: false, validateFormats: false });
  const refs: Record<string, string> = {};
  const add = (key: string, schema: unknown) => {
    if (schema === undefined) return;
    ajv.addSchema(normalizeSchema(schema as Record<string, unknown>), key);
    refs[key] = key;
  };
  const auth = config.auth as { fields?: unknown } | undefined;
  add("credentials", auth?.fields);
  let i = 0;
  for (const section of [config.actions, config.polling_triggers ?? {}]) {
    for (const spec of Object.values(section)) {
      add(`v${i++}`, spec.input_schema);
      add(`v${i++}`, spec.output_schema);
    }
  }
  return Buffer.byteLength(standaloneCode(ajv, refs));
}

import { createRequire } from "node:module";
import type { PrecompiledValidators, ValidateFunction } from "../src/index.ts";
import { AJV_OPTIONS, normalizeSchema } from "../src/internal.ts";
import type { ActionCase } from "./corpus-cases.ts";

const require = createRequire(import.meta.url);

/** Validators built with Ajv standalone code (as codegen ships them), keyed by integration. */
export function standaloneValidators(cases: ActionCase[]): Map<string, PrecompiledValidators> {
  const { default: Ajv } = require("ajv") as typeof import("ajv");
  const standaloneCode = (
    require("ajv/dist/standalone") as { default: (ajv: unknown, v: unknown) => string }
  ).default;
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
  const build = (schema: unknown): ValidateFunction => {
    const code = standaloneCode(
      ajv,
      ajv.compile(normalizeSchema(schema as Record<string, unknown>)),
    );
    const module = { exports: {} as Record<string, unknown> };
    new Function("module", "exports", "require", code)(module, module.exports, require);
    return module.exports as unknown as ValidateFunction;
  };
  const out = new Map<string, PrecompiledValidators>();
  for (const c of cases) {
    let entry = out.get(c.integration);
    if (!entry) {
      entry = { actions: {} };
      if (c.credentialsSchema) entry.credentials = build(c.credentialsSchema);
      out.set(c.integration, entry);
    }
    const spec = c.config.actions[c.action];
    if (!spec || !entry.actions) continue;
    entry.actions[c.action] = {
      input: build(spec.input_schema),
      output: build(spec.output_schema),
    };
  }
  return out;
}

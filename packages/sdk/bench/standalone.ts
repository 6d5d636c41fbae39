import { createRequire } from "node:module";
import type { PrecompiledValidators, ValidateFunction } from "../src/index.ts";
import { AJV_OPTIONS, normalizeSchema } from "../src/internal.ts";
import type { ActionCase } from "./corpus-cases.ts";

const require = createRequire(import.meta.url);

/**
 * Validators built with Ajv standalone code, as codegen ships them: from each schema normalised
 * without annotations, one function per distinct schema of an integration (codegen's
 * `validatorKey`), keyed by integration.
 */
export function standaloneValidators(cases: ActionCase[]): Map<string, PrecompiledValidators> {
  const { default: Ajv } = require("ajv") as typeof import("ajv");
  const standaloneCode = (
    require("ajv/dist/standalone") as { default: (ajv: unknown, v: unknown) => string }
  ).default;
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
  const shared = new Map<string, Map<string, ValidateFunction>>();
  const build = (integration: string, schema: unknown): ValidateFunction => {
    const normalised = normalizeSchema(schema as Record<string, unknown>, { annotations: false });
    const key = JSON.stringify(normalised);
    let seen = shared.get(integration);
    if (!seen) {
      seen = new Map();
      shared.set(integration, seen);
    }
    const known = seen.get(key);
    if (known) return known;
    const code = standaloneCode(ajv, ajv.compile(normalised));
    const module = { exports: {} as Record<string, unknown> };
    new Function("module", "exports", "require", code)(module, module.exports, require);
    const validate = module.exports as unknown as ValidateFunction;
    seen.set(key, validate);
    return validate;
  };
  const out = new Map<string, PrecompiledValidators>();
  for (const c of cases) {
    let entry = out.get(c.integration);
    if (!entry) {
      entry = { actions: {} };
      if (c.credentialsSchema) entry.credentials = build(c.integration, c.credentialsSchema);
      out.set(c.integration, entry);
    }
    const spec = c.config.actions[c.action];
    if (!spec || !entry.actions) continue;
    entry.actions[c.action] = {
      input: build(c.integration, spec.input_schema),
      output: build(c.integration, spec.output_schema),
    };
  }
  return out;
}

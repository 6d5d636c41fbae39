import { createRequire } from "node:module";
import type { PrecompiledValidators, ValidateFunction } from "../src/index.ts";
import { AJV_OPTIONS, normalizeSchema } from "../src/internal.ts";
import type { ActionCase } from "./corpus-cases.ts";

const require = createRequire(import.meta.url);

/** Indexes into `StandaloneSources.code`: which function validates what, per integration. */
interface IntegrationRefs {
  credentials?: number;
  actions: Record<string, { input: number; output: number }>;
}

/** The generated validators as data (JSON), to load in this process or another. */
export interface StandaloneSources {
  /** Ajv standalone code (CommonJS), one module per distinct schema of an integration. */
  code: string[];
  refs: Record<string, IntegrationRefs>;
}

/**
 * Ajv standalone code as codegen ships it: from each schema normalised without annotations,
 * one function per distinct schema of an integration (codegen's `validatorKey`).
 */
export function standaloneSources(cases: ActionCase[]): StandaloneSources {
  const { default: Ajv } = require("ajv") as typeof import("ajv");
  const standaloneCode = (
    require("ajv/dist/standalone") as { default: (ajv: unknown, v: unknown) => string }
  ).default;
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
  const sources: StandaloneSources = { code: [], refs: {} };
  const seen = new Map<string, number>();
  const build = (integration: string, schema: unknown): number => {
    const normalised = normalizeSchema(schema as Record<string, unknown>, { annotations: false });
    const key = `${integration}\n${JSON.stringify(normalised)}`;
    const known = seen.get(key);
    if (known !== undefined) return known;
    sources.code.push(standaloneCode(ajv, ajv.compile(normalised)));
    seen.set(key, sources.code.length - 1);
    return sources.code.length - 1;
  };
  for (const c of cases) {
    let refs = sources.refs[c.integration];
    if (!refs) {
      refs = { actions: {} };
      if (c.credentialsSchema) refs.credentials = build(c.integration, c.credentialsSchema);
      sources.refs[c.integration] = refs;
    }
    const spec = c.config.actions[c.action];
    if (!spec) continue;
    refs.actions[c.action] = {
      input: build(c.integration, spec.input_schema),
      output: build(c.integration, spec.output_schema),
    };
  }
  return sources;
}

/** Loads `sources` as validator functions, keyed by integration. */
export function loadStandalone(sources: StandaloneSources): Map<string, PrecompiledValidators> {
  const functions = sources.code.map((code) => {
    const module = { exports: {} as Record<string, unknown> };
    new Function("module", "exports", "require", code)(module, module.exports, require);
    return module.exports as unknown as ValidateFunction;
  });
  const at = (index: number) => functions[index] as ValidateFunction;
  const out = new Map<string, PrecompiledValidators>();
  for (const [integration, refs] of Object.entries(sources.refs)) {
    const actions: NonNullable<PrecompiledValidators["actions"]> = {};
    for (const [action, { input, output }] of Object.entries(refs.actions)) {
      actions[action] = { input: at(input), output: at(output) };
    }
    out.set(integration, {
      actions,
      ...(refs.credentials === undefined ? {} : { credentials: at(refs.credentials) }),
    });
  }
  return out;
}

/** The generated validators of `cases`, loaded in this process. */
export function standaloneValidators(cases: ActionCase[]): Map<string, PrecompiledValidators> {
  return loadStandalone(standaloneSources(cases));
}

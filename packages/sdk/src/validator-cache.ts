import type { IntegrationConfig, JsonSchema } from "./config-types.ts";
import type { PrecompiledValidators, ValidateFunction } from "./types.ts";
import { cachedValidator, compileSchema, explain, type Violation } from "./validate.ts";

/** A schema with the validator to run against it. */
export interface SchemaCheck {
  schema: JsonSchema;
  validate: ValidateFunction;
}

/** The validators of one action or trigger: inputs and output (record data for triggers). */
export interface HandlerChecks {
  input: SchemaCheck;
  output: SchemaCheck;
}

/** Resolves and caches the validators of an integration: precompiled when given, else Ajv. */
export class ValidatorCache {
  readonly #config: IntegrationConfig;
  readonly #precompiled: PrecompiledValidators;
  readonly #handlers = new Map<string, HandlerChecks>();
  readonly #pending = new Map<string, Promise<HandlerChecks>>();
  #credentials: SchemaCheck | null | undefined;

  constructor(config: IntegrationConfig, precompiled: PrecompiledValidators = {}) {
    this.#config = config;
    this.#precompiled = precompiled;
  }

  /** Checks of action `name` (`kind: "actions"`) or trigger `name` (`kind: "triggers"`). */
  handler(kind: "actions" | "triggers", name: string): HandlerChecks | Promise<HandlerChecks> {
    const key = `${kind}:${name}`;
    const ready = this.#handlers.get(key);
    if (ready) return ready;
    // Concurrent first calls share one resolution, so a loader runs once.
    let pending = this.#pending.get(key);
    if (!pending) {
      pending = this.#resolveHandler(kind, name, key);
      this.#pending.set(key, pending);
      pending.then(
        () => this.#pending.delete(key),
        () => this.#pending.delete(key),
      );
    }
    return pending;
  }

  async #resolveHandler(kind: "actions" | "triggers", name: string, key: string) {
    const spec =
      kind === "actions" ? this.#config.actions[name] : this.#config.polling_triggers?.[name];
    if (!spec) throw new Error(`no ${kind} entry "${name}" in the config`);
    const entry = this.#precompiled[kind]?.[name];
    // A loader is called once: the result is cached with the checks below.
    const given = typeof entry === "function" ? await entry() : entry;
    // With precompiled validators the schemas are read on the error path only (to explain a
    // failure): a generated config parses each schema on first access.
    const checks: HandlerChecks = {
      input: await check(() => spec.input_schema, given?.input),
      output: await check(() => spec.output_schema, given?.output),
    };
    this.#handlers.set(key, checks);
    return checks;
  }

  /** The check of `auth.fields`, or `null` when the config declares no fields. */
  credentials(): SchemaCheck | null | Promise<SchemaCheck | null> {
    if (this.#credentials !== undefined) return this.#credentials;
    const fields = this.#config.auth?.fields as JsonSchema | undefined;
    if (!fields) {
      this.#credentials = null;
      return null;
    }
    return check(() => fields, this.#precompiled.credentials).then((resolved) => {
      this.#credentials = resolved;
      return resolved;
    });
  }
}

async function check(
  schemaOf: () => JsonSchema,
  given: ValidateFunction | undefined,
): Promise<SchemaCheck> {
  if (given) {
    let schema: JsonSchema | undefined;
    return {
      get schema() {
        schema ??= schemaOf();
        return schema;
      },
      validate: given,
    };
  }
  const schema = schemaOf();
  return { schema, validate: cachedValidator(schema) ?? (await compileSchema(schema)) };
}

/** What is reported for data nested deeper than a validator can recurse. */
const TOO_DEEP: Violation[] = [
  {
    path: "$",
    message: "is nested too deeply to validate (the call stack overflowed); flatten the data",
    value: null,
  },
];

/**
 * The violations of `data`, or `undefined` when it is valid. Data nested deeper than the call
 * stack allows (10,000 levels against a recursive schema) is a violation, not a `RangeError`.
 */
export function violationsOf(check: SchemaCheck, data: unknown): undefined | Promise<Violation[]> {
  let valid: boolean;
  try {
    valid = check.validate(data);
  } catch (error) {
    if (error instanceof RangeError) return Promise.resolve(TOO_DEEP);
    throw error;
  }
  if (valid) return undefined;
  return explain(check.schema, check.validate, data).catch((error: unknown) => {
    if (error instanceof RangeError) return TOO_DEEP;
    throw error;
  });
}

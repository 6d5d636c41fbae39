import { applyDefaults } from "./apply-defaults.ts";
import { type AnyContext, assertCredentials } from "./check-credentials.ts";
import { ValidationError } from "./errors.ts";
import type { RunHooks } from "./execute-action.ts";
import type { PollingRecord, PollingTriggerHandler } from "./types.ts";
import { isObject } from "./utils.ts";
import { describeViolations } from "./validate.ts";
import { type ValidatorCache, violationsOf } from "./validator-cache.ts";

/** Runs one poll as `executePollingTrigger` documents it, throwing `ValidationError` on bad data. */
export async function runPollingTrigger(
  name: string,
  handler: PollingTriggerHandler<never, unknown, never, never> | undefined,
  checks: ValidatorCache,
  given: unknown,
  lastPollTs: string | null,
  context: AnyContext,
  hooks: RunHooks = {},
): Promise<PollingRecord[]> {
  if (!handler) {
    throw new ValidationError(`Polling trigger "${name}" is not registered`, {
      code: "not_registered",
      source: "input",
    });
  }
  const { input, output } = await checks.handler("triggers", name);
  const inputs = hooks.applyDefaults ? applyDefaults(input.schema, given) : given;
  const badInput = violationsOf(input, inputs);
  if (badInput) {
    const found = await badInput;
    throw new ValidationError(
      `Invalid inputs for polling trigger "${name}": ${describeViolations(found)}`,
      {
        code: "invalid_input",
        source: "input",
        property: found[0]?.path ?? null,
        value: context.redactValue(found[0]?.value ?? null),
      },
    );
  }
  await assertCredentials(checks, context);
  let records: unknown;
  try {
    records = await handler(inputs as never, lastPollTs, context as never);
  } catch (error) {
    throw hooks.mapError ? hooks.mapError(error) : error;
  }
  if (!Array.isArray(records)) {
    const kind = records === null ? "null" : typeof records;
    throw new ValidationError(
      `Polling trigger "${name}" must return an array of { id, data } records, got ${kind}`,
      { code: "invalid_result", source: "output" },
    );
  }
  for (const [index, record] of records.entries()) {
    const where = `Record ${index} of polling trigger "${name}"`;
    for (const key of ["id", "data"] as const) {
      if (!isObject(record) || !(key in record)) {
        throw new ValidationError(`${where} has no "${key}" field; return { id, data } objects`, {
          code: "invalid_result",
          source: "output",
          property: `$[${index}].${key}`,
        });
      }
    }
    const bad = violationsOf(output, (record as { data: unknown }).data);
    if (bad) {
      const found = await bad;
      throw new ValidationError(`${where}: invalid data: ${describeViolations(found)}`, {
        code: "invalid_output",
        source: "output",
        property: found[0]?.path ?? null,
        value: context.redactValue(found[0]?.value ?? null),
      });
    }
  }
  return records as PollingRecord[];
}

import { applyDefaults } from "./apply-defaults.ts";
import { type AnyContext, credentialViolation } from "./check-credentials.ts";
import type { ErrorMapper } from "./error-mapping.ts";
import { ActionError } from "./errors.ts";
import { type ActionOutcome, RESULT_VERSION, validationResult } from "./result.ts";
import type { ActionHandler } from "./types.ts";
import { describeViolations, type Violation } from "./validate.ts";
import { type SchemaCheck, type ValidatorCache, violationsOf } from "./validator-cache.ts";

/** `instanceof`, or the same shape from another copy of the SDK (e.g. `src` next to `dist`). */
function isActionError(value: unknown): value is ActionError {
  if (value instanceof ActionError) return true;
  if (!(value instanceof Error) || !("cost_usd" in value)) return false;
  return value.name === "ActionError" || value.name === "PaginationError";
}

function isCost(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === "number" && Number.isFinite(value))
  );
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object without data" : typeof value;
}

function actionError(error: ActionError, context: AnyContext): ActionOutcome<never> {
  // An ActionError is often built from an API's reply, which may echo a credential.
  const result = {
    message: context.redact(String(error.message)),
    cost_usd: error.cost_usd ?? null,
  };
  return { version: RESULT_VERSION, type: "action_error", result };
}

function rejected(
  what: string,
  found: Violation[],
  source: "input" | "output",
  context: AnyContext,
): ActionOutcome<never> {
  const first = found[0];
  return validationResult({
    message: `${what}: ${describeViolations(found)}`,
    property: first?.path ?? null,
    value: context.redactValue(first?.value ?? null),
    source,
  });
}

/** What an integration declares once and every run of its handlers applies. */
export interface RunHooks {
  /** Maps what a handler threw (see `integration.mapErrors`). */
  mapError?: ErrorMapper | undefined;
  /** Fill inputs from schema `default`s before validating them (`apply_defaults`). */
  applyDefaults?: boolean;
}

/**
 * Everything one action's run needs, resolved once per action (handler, validators of inputs,
 * output and credentials), so a call does no lookups by name and builds no strings unless it
 * fails.
 */
export interface ResolvedAction {
  name: string;
  handler: ActionHandler<never, unknown, never, never>;
  input: SchemaCheck;
  output: SchemaCheck;
  credentials: SchemaCheck | null;
  /** The action declares secrets, checked against `context.secrets` before each run. */
  secrets: boolean;
}

/** Resolves an action's validators (loading or compiling them once) into its run record. */
export async function resolveAction(
  name: string,
  handler: ActionHandler<never, unknown, never, never>,
  checks: ValidatorCache,
  secrets: boolean,
): Promise<ResolvedAction> {
  const { input, output } = await checks.handler("actions", name);
  const credentials = await checks.credentials();
  return { name, handler, input, output, credentials, secrets };
}

/** The envelope of a call to an action without a registered handler. */
export function notRegistered(name: string): ActionOutcome<never> {
  const message = `Action "${name}" is not registered`;
  return validationResult({ message, property: null, value: null, source: "input" });
}

/**
 * Runs one action as `executeAction` documents it. The hot path awaits only the handler's
 * promise: each needless await is a microtask hop, a measurable share of a ~2 µs call.
 */
export async function runAction(
  action: ResolvedAction,
  given: unknown,
  context: AnyContext,
  hooks: RunHooks = {},
): Promise<ActionOutcome> {
  const { name, handler, input, output, credentials } = action;
  const inputs = hooks.applyDefaults ? applyDefaults(input.schema, given) : given;
  const badInput = violationsOf(input, inputs);
  if (badInput)
    return rejected(`Invalid inputs for action "${name}"`, await badInput, "input", context);
  const badCredentials = credentials && violationsOf(credentials, context.credentials);
  if (badCredentials) {
    const problem = credentialViolation(await badCredentials, context);
    return validationResult({ ...problem, value: null, source: "input" });
  }
  let returned: unknown;
  try {
    returned = await handler(inputs as never, context as never);
  } catch (thrown) {
    const error = hooks.mapError ? hooks.mapError(thrown) : thrown;
    if (isActionError(error)) return actionError(error, context);
    throw error;
  }
  if (isActionError(returned)) return actionError(returned, context);
  if (typeof returned !== "object" || returned === null || !("data" in returned)) {
    return badReturn(name, returned);
  }
  const { data, cost_usd } = returned as { data: unknown; cost_usd?: unknown };
  if (!isCost(cost_usd)) return badReturn(name, returned);
  const badOutput = violationsOf(output, data);
  if (badOutput)
    return rejected(`Invalid output of action "${name}"`, await badOutput, "output", context);
  const result = { data, cost_usd: (cost_usd as number | null | undefined) ?? null };
  return { version: RESULT_VERSION, type: "action", result };
}

function badReturn(name: string, returned: unknown): ActionOutcome<never> {
  const kind = Array.isArray(returned) ? "an array" : kindOf(returned);
  const message = `Action handler "${name}" must return an ActionResult ({ data, cost_usd? }), got ${kind}`;
  return validationResult({ message, property: null, value: null, source: "output" });
}

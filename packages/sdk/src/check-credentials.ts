import type { ExecutionContext } from "./context.ts";
import { ValidationError } from "./errors.ts";
import { describeViolations, type Violation } from "./validate.ts";
import { type ValidatorCache, violationsOf } from "./validator-cache.ts";

/** Any execution context: credentials are checked at run time, whatever their static type. */
export type AnyContext = ExecutionContext<unknown, unknown>;

/** Why credentials were rejected: paths and messages only, never values. */
export interface CredentialProblem {
  message: string;
  property: string | null;
}

/**
 * Checks `context.credentials` against `auth.fields`: `undefined` when valid (known
 * synchronously once compiled, keeping the hot path free of awaits), else the problem.
 */
export function credentialProblem(
  checks: ValidatorCache,
  context: AnyContext,
): undefined | Promise<CredentialProblem | undefined> {
  const pending = checks.credentials();
  if (pending instanceof Promise) return pending.then(() => credentialProblem(checks, context));
  if (!pending) return undefined;
  const bad = violationsOf(pending, context.credentials);
  return bad?.then((found) => credentialViolation(found, context));
}

/** Why credentials were rejected, from their violations: paths and messages, never values. */
export function credentialViolation(found: Violation[], context: AnyContext): CredentialProblem {
  return {
    // Ajv's messages never quote the offending value; redact anyway, in case a schema does.
    message: context.redact(`Invalid credentials: ${describeViolations(found)}`),
    property: found[0]?.path ?? null,
  };
}

/** Throws `ValidationError` when the credentials do not match `auth.fields`. */
export async function assertCredentials(
  checks: ValidatorCache,
  context: AnyContext,
): Promise<void> {
  const problem = await credentialProblem(checks, context);
  if (problem) {
    throw new ValidationError(problem.message, {
      code: "invalid_credentials",
      source: "input",
      property: problem.property,
    });
  }
}

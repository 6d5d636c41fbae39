import { UnrecoverableError } from "bullmq";
import type { CredentialSource } from "./credential-source.ts";

/**
 * A job's data: the operation's inputs and either the end user's credentials (`auth`) or a
 * reference to them (`auth_ref`) that the worker's credential source resolves. A job named
 * `<integration>.<trigger>` with `kind: "poll"` is one poll of a polling trigger.
 */
export interface JobData {
  inputs?: unknown;
  auth?: Record<string, unknown>;
  auth_ref?: string;
  kind?: "action" | "poll";
  /** For a poll: the state key, `<integration>.<trigger>` by default (add one per account). */
  state_key?: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The job's credentials: inline, resolved from `auth_ref`, or none. */
export async function jobCredentials(
  data: JobData,
  source: CredentialSource | undefined,
): Promise<Record<string, unknown> | undefined> {
  if (!isObject(data)) throw new UnrecoverableError("job data must be an object { inputs, auth }");
  const ref = data.auth_ref;
  if (ref === undefined) return isObject(data.auth) ? data.auth : undefined;
  if (typeof ref !== "string") throw new UnrecoverableError("job data: auth_ref must be a string");
  const found = source ? await source.resolve(ref) : undefined;
  if (!found) {
    // The reference is a name, not a secret: it may appear in the reason.
    throw new UnrecoverableError(
      `credentials "${ref}" not found: give the worker a credential source that has them`,
    );
  }
  return found;
}

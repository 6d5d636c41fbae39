import type { Envelope } from "./tool-result.ts";

/** A request to run one action: its inputs and the end user's credentials. */
export interface RunRequest {
  inputs: unknown;
  auth: Record<string, unknown> | undefined;
}

/**
 * Runs `<integration>.<action>` through the service's execution path and returns its
 * `IntegrationResult` envelope; a handler's unexpected error (an HTTP failure…) is thrown.
 */
export type ActionRunner = (qualifiedName: string, request: RunRequest) => Promise<Envelope>;

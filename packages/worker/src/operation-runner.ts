import type { IntegrationResult, PollingRecord } from "@plugboard/sdk";

/** What a job asks to run: its inputs and the end user's credentials. */
export interface OperationRequest {
  inputs: unknown;
  auth?: Record<string, unknown> | undefined;
}

/** What the worker knows of a polling trigger, from its config.json. */
export interface TriggerInfo {
  /** `polling_interval` in milliseconds. */
  intervalMs: number;
  /** The trigger's `dedupe` strategy, if it declares one. */
  dedupe?: "unique" | "greatest" | "last" | undefined;
}

/**
 * Runs a job's operation off the worker's event loop. `@plugboard/server`'s execution pool is
 * one: handlers run in its worker threads, so a CPU-bound handler never blocks BullMQ's lock
 * renewal (which would let the job stall and run twice). A rejection carries the thrown
 * error's `name`, `code` and, for a `RateLimitError`, `retryAfter` in seconds.
 */
export interface OperationRunner {
  executeAction(qualifiedName: string, request: OperationRequest): Promise<IntegrationResult>;
  pollTrigger(
    qualifiedName: string,
    request: OperationRequest & { lastPollTs: string | null },
  ): Promise<PollingRecord[]>;
  /** The trigger's schedule and dedupe, or `undefined` for an unknown trigger. */
  triggerInfo(qualifiedName: string): TriggerInfo | undefined;
}

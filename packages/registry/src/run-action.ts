import { performance } from "node:perf_hooks";
import { type IntegrationConfig, pickSecrets } from "@plugboard/sdk";
import { RegistryError } from "./errors.ts";
import type { HttpCall, LoadedIntegration, RunContext, RunResult } from "./types.ts";

/** What one local run produced: the envelope, the HTTP calls made, and how long it took. */
export interface ActionRun {
  result: RunResult;
  calls: HttpCall[];
  durationMs: number;
}

/** Options of one local run. */
export interface RunActionOptions {
  action: string;
  inputs: unknown;
  auth?: Record<string, unknown> | undefined;
  originOverrides?: Record<string, string> | undefined;
  /** Seconds the run may take; no limit when absent or 0. */
  timeout?: number | undefined;
  /** Gives the run up when it aborts (e.g. the playground's client went away). */
  signal?: AbortSignal | undefined;
  /** Where the action's declared secrets come from (e.g. the environment); only its keys are read. */
  secretLookup?: ((key: string) => string | undefined) | undefined;
}

/**
 * Runs one action of a loaded integration in a fresh context: the path `run` and `dev` share.
 * A run past its timeout is a `RegistryError` `timed_out`, its context closed so its requests
 * stop; an exception from the handler is a `RegistryError` `handler_failed` whose message has
 * every credential redacted (the original error is not kept: it may hold them).
 */
export async function runAction(
  loaded: LoadedIntegration,
  options: RunActionOptions,
): Promise<ActionRun> {
  const calls: HttpCall[] = [];
  const config = (loaded.integration as { config?: IntegrationConfig }).config;
  const secrets =
    config && options.secretLookup
      ? await pickSecrets(config, "actions", options.action, options.secretLookup)
      : undefined;
  const context = new loaded.ExecutionContext({
    ...(secrets === undefined ? {} : { secrets }),
    ...(options.auth === undefined ? {} : { auth: options.auth }),
    ...(options.originOverrides === undefined ? {} : { originOverrides: options.originOverrides }),
    onHttpCall: (call) => calls.push(call),
  });
  const deadline = {
    ...(options.timeout ? { timeout: options.timeout } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
  const started = performance.now();
  try {
    const result = await loaded.integration.executeAction(
      options.action,
      options.inputs,
      context,
      ...(Object.keys(deadline).length > 0 ? [deadline] : []),
    );
    return { result, calls, durationMs: performance.now() - started };
  } catch (error) {
    throw reported(error, options.action, context);
  } finally {
    await context.close();
  }
}

function reported(error: unknown, action: string, context: RunContext): RegistryError {
  const e = error instanceof Error ? error : new Error(String(error));
  const message = context.redact(e.message);
  if (e.name === "ExecutionAbortedError") {
    const code = (e as { code?: unknown }).code === "timed_out" ? "timed_out" : "handler_failed";
    return new RegistryError(code, message);
  }
  return new RegistryError("handler_failed", `action "${action}" threw ${e.name}: ${message}`);
}

import { performance } from "node:perf_hooks";
import {
  type HttpInterceptor,
  type IntegrationConfig,
  type PollOptions,
  pickSecrets,
  type SecretSource,
} from "@plugboard/sdk";
import { RegistryError } from "./errors.ts";
import type { HttpCall, LoadedIntegration, RunContext, RunResult, TriggerRecord } from "./types.ts";

/** What one local run produced: the envelope, the HTTP calls made, and how long it took. */
export interface ActionRun {
  result: RunResult;
  calls: HttpCall[];
  durationMs: number;
}

/** What one local poll produced: the records (or a validation_error envelope) and the calls. */
export interface TriggerRun {
  /** The records of the poll; empty when `result` is a validation_error. */
  records: TriggerRecord[];
  /** With a state store: the records split by the trigger's `dedupe`, as the SDK's poll does. */
  split?: {
    delivered: TriggerRecord[];
    seen: TriggerRecord[];
    /** The first poll's records, recorded and not delivered (seed-on-enable). */
    seeded: TriggerRecord[];
    dedupe: string | null;
    /** The `lastPollTs` the handler got. */
    lastPollTs: string | null;
  };
  /** `{ type: "polling_trigger", result: { records } }`, or a `validation_error` envelope. */
  result: RunResult;
  calls: HttpCall[];
  durationMs: number;
}

/** What every local run takes: credentials and origin overrides. */
export interface RunOptions {
  auth?: Record<string, unknown> | undefined;
  originOverrides?: Record<string, string> | undefined;
  /** Seconds an action may take; no limit when absent or 0. */
  timeout?: number | undefined;
  /** Gives an action up when it aborts (e.g. the playground's client went away). */
  signal?: AbortSignal | undefined;
  /** Called after each HTTP attempt, besides collecting it into `calls`. */
  onHttpCall?: ((call: HttpCall) => void) | undefined;
  /** undici interceptors on the run's connections, e.g. the `--record` recorder. */
  interceptors?: HttpInterceptor[] | undefined;
  /**
   * Told the declared secret values a run gets, before it starts, so that what watches its
   * connections (the `--record` recorder) can redact them as the context does.
   */
  onSecrets?: ((secrets: Readonly<Record<string, string>>) => void) | undefined;
  /**
   * Where declared secrets come from (e.g. the SDK's `envSecretSource()`); only the keys the
   * action or trigger declares are read.
   */
  secretSource?: SecretSource | undefined;
}

/** Options of one local action run. */
export interface RunActionOptions extends RunOptions {
  action: string;
  inputs: unknown;
}

/** Options of one local poll. */
export interface RunTriggerOptions extends RunOptions {
  trigger: string;
  inputs: unknown;
  /** The handler's `lastPollTs`; with `state`, `undefined` means the stored one. */
  lastPollTs?: string | null | undefined;
  /** Keep state between polls through the SDK's `integration.poll` (dedupe, seeding). */
  state?: Omit<PollOptions, "lastPollTs"> | undefined;
}

const VERSION = "2.0.0";

/** The SDK's `ValidationError` of whatever SDK copy the integration runs on. */
function isValidationError(error: unknown): error is Error & {
  property?: unknown;
  value?: unknown;
  source?: unknown;
} {
  return error instanceof Error && error.name === "ValidationError";
}

/**
 * Runs `body` in a fresh context. A run past its timeout is a RegistryError `timed_out`; a
 * handler's uncaught exception a RegistryError `handler_failed` whose message is one line with credentials redacted; the calls made so far
 * ride on it as `calls`.
 */
async function inContext<T>(
  loaded: LoadedIntegration,
  options: RunOptions & { secrets?: Record<string, string> | undefined },
  label: string,
  body: (context: RunContext) => Promise<T>,
): Promise<{ value: T; calls: HttpCall[]; durationMs: number }> {
  const calls: HttpCall[] = [];
  if (options.secrets) options.onSecrets?.(options.secrets);
  const context = new loaded.ExecutionContext({
    ...(options.secrets === undefined ? {} : { secrets: options.secrets }),
    ...(options.auth === undefined ? {} : { auth: options.auth }),
    ...(options.originOverrides === undefined ? {} : { originOverrides: options.originOverrides }),
    ...(options.interceptors === undefined ? {} : { interceptors: options.interceptors }),
    onHttpCall: (call) => {
      calls.push(call);
      options.onHttpCall?.(call);
    },
  });
  const started = performance.now();
  try {
    const value = await body(context);
    return { value, calls, durationMs: performance.now() - started };
  } catch (error) {
    if (isValidationError(error)) throw error;
    const name = error instanceof Error ? error.name : "Error";
    const raw = error instanceof Error ? error.message : String(error);
    // One line, credentials redacted; the original error is not kept: it may hold them.
    const message = context.redact(raw.split("\n")[0] ?? "");
    if (name === "ExecutionAbortedError") {
      const code =
        (error as { code?: unknown }).code === "timed_out" ? "timed_out" : "handler_failed";
      throw new RegistryError(code, message, { calls, thrown: name });
    }
    throw new RegistryError("handler_failed", `${label} threw ${name}: ${message}`, {
      calls,
      thrown: name,
    });
  } finally {
    await context.close();
  }
}

function validationEnvelope(
  error: Error & { property?: unknown; value?: unknown; source?: unknown },
) {
  return {
    version: VERSION,
    type: "validation_error",
    result: {
      message: error.message,
      property: error.property ?? null,
      value: error.value ?? null,
      source: error.source ?? "input",
    },
  };
}

/** Runs one action of a loaded integration in a fresh context: the path `run` and `dev` share. */
export async function runAction(
  loaded: LoadedIntegration,
  options: RunActionOptions,
): Promise<ActionRun> {
  const config = (loaded.integration as { config?: IntegrationConfig }).config;
  const secrets =
    config && options.secretSource
      ? await pickSecrets(config, "actions", options.action, options.secretSource)
      : undefined;
  const deadline = {
    ...(options.timeout ? { timeout: options.timeout } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
  const run = await inContext(
    loaded,
    { ...options, secrets },
    `action "${options.action}"`,
    (context) =>
      loaded.integration.executeAction(
        options.action,
        options.inputs,
        context,
        ...(Object.keys(deadline).length > 0 ? [deadline] : []),
      ),
  );
  return { result: run.value, calls: run.calls, durationMs: run.durationMs };
}

/** Runs one poll of a polling trigger; rejected inputs or records give a validation_error. */
export async function runTrigger(
  loaded: LoadedIntegration,
  options: RunTriggerOptions,
): Promise<TriggerRun> {
  const started = performance.now();
  try {
    const config = (loaded.integration as { config?: IntegrationConfig }).config;
    const secrets =
      config && options.secretSource
        ? await pickSecrets(config, "polling_triggers", options.trigger, options.secretSource)
        : undefined;
    const withSecrets = { ...options, secrets };
    const { state } = options;
    const poll = loaded.integration.poll?.bind(loaded.integration);
    if (state && poll) {
      const run = await inContext(loaded, withSecrets, `trigger "${options.trigger}"`, (context) =>
        poll(options.trigger, options.inputs, context, {
          ...state,
          ...(options.lastPollTs === undefined ? {} : { lastPollTs: options.lastPollTs }),
        }),
      );
      const outcome = run.value as {
        delivered: TriggerRecord[];
        seen: TriggerRecord[];
        seeded: TriggerRecord[];
        dedupe?: string;
        lastPollTs: string | null;
      };
      const records = [...outcome.seen, ...outcome.seeded, ...outcome.delivered];
      return {
        records,
        split: {
          delivered: outcome.delivered,
          seen: outcome.seen,
          seeded: outcome.seeded,
          dedupe: outcome.dedupe ?? null,
          lastPollTs: outcome.lastPollTs,
        },
        result: { version: VERSION, type: "polling_trigger", result: { records } },
        calls: run.calls,
        durationMs: run.durationMs,
      };
    }
    const run = await inContext(loaded, withSecrets, `trigger "${options.trigger}"`, (context) =>
      loaded.integration.executePollingTrigger(
        options.trigger,
        options.inputs,
        options.lastPollTs ?? null,
        context,
      ),
    );
    return {
      records: run.value,
      result: { version: VERSION, type: "polling_trigger", result: { records: run.value } },
      calls: run.calls,
      durationMs: run.durationMs,
    };
  } catch (error) {
    if (!isValidationError(error)) throw error;
    return {
      records: [],
      result: validationEnvelope(error),
      calls: [],
      durationMs: performance.now() - started,
    };
  }
}

/** Runs the connected-account handler; missing credentials or handler give a validation_error. */
export async function runConnectedAccount(
  loaded: LoadedIntegration,
  options: RunOptions,
): Promise<ActionRun> {
  const started = performance.now();
  try {
    const run = await inContext(loaded, options, "the connected-account handler", (context) =>
      loaded.integration.getConnectedAccount(context),
    );
    return { result: run.value, calls: run.calls, durationMs: run.durationMs };
  } catch (error) {
    if (!isValidationError(error)) throw error;
    return {
      result: validationEnvelope(error),
      calls: [],
      durationMs: performance.now() - started,
    };
  }
}

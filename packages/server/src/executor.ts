import { suggestion } from "@plugboard/registry";
import {
  type ActionOutcome,
  type ConnectedAccountResult,
  type IntegrationConfig,
  type PollingRecord,
  pickSecrets,
} from "@plugboard/sdk";
import { ServerError } from "./errors.ts";
import { createPool, defaultWorkers, type Isolation } from "./pool.ts";
import { envSecretSource, type SecretSource } from "./secret-source.ts";
import { readServedIntegrations, type ServedIntegration } from "./served-integration.ts";
import { Slots } from "./slots.ts";
import type { Task, TaskOutcome } from "./task.ts";

/** Options of `createExecutor`. */
export interface ExecutorOptions {
  /** Integration folders, or folders of them (`integrations/`); the workspace's when empty. */
  integrations: string[];
  /** Pool size (default: one per core, 2 to 8). */
  workers?: number;
  /** Per-call timeout in ms (default 30 000); a call over it is stopped and its worker replaced. */
  timeoutMs?: number;
  /** Per-action timeouts by qualified name (`"perplexity.chat_completion": 120_000`). */
  actionTimeoutsMs?: Record<string, number>;
  /** V8 heap limit per worker in MB (default 256); a handler exceeding it fails alone. */
  memoryLimitMb?: number;
  /** `"thread"` (default) or `"process"` for a child process per worker. */
  isolation?: Isolation;
  /** Where declared secrets come from (default: the server's environment). */
  secretSource?: SecretSource;
  /** Run `dist/index.js` when built (`"build"`, default) or always the TS source. */
  prefer?: "build" | "source";
  /** Maps real API origins to test origins, as `ExecutionContext` does. */
  originOverrides?: Record<string, string>;
}

/** Per-call options. */
export interface CallOptions {
  /** Overrides the configured timeout for this call. */
  timeoutMs?: number;
  /** Aborts the call; its worker is stopped and replaced. */
  signal?: AbortSignal;
}

/** One action call: inputs and the end user's credentials (flat or wrapped). */
export interface ActionCall {
  inputs: unknown;
  auth?: Record<string, unknown>;
}

/** One poll of a trigger. */
export interface TriggerCall extends ActionCall {
  lastPollTs?: string | null;
  /** Passed to the handler as `context.metadata.state`. */
  state?: unknown;
}

/** What a poll gives: its records, or why its data was rejected. */
export type TriggerOutcome =
  | { type: "records"; records: PollingRecord[] }
  | Extract<ActionOutcome, { type: "validation_error" }>;

/** Runs integrations off the caller's event loop: the one execution path of every entry. */
export interface Executor {
  /** The integrations served, with their checked configs. */
  readonly integrations: readonly ServedIntegration[];
  /** Runs `<integration>.<action>` and returns its `IntegrationResult` envelope. */
  executeAction(
    qualifiedName: string,
    call: ActionCall,
    options?: CallOptions,
  ): Promise<ActionOutcome>;
  /** Runs one poll of `<integration>.<trigger>`. */
  pollTrigger(
    qualifiedName: string,
    call: TriggerCall,
    options?: CallOptions,
  ): Promise<TriggerOutcome>;
  /** Describes the account `auth` belongs to, as a `connected_account` envelope. */
  connectedAccount(
    integration: string,
    call: { auth?: Record<string, unknown> },
    options?: CallOptions,
  ): Promise<ConnectedAccountResult>;
  /** Calls running or queued right now. */
  readonly pending: number;
  /** Stops every worker; calls in flight fail. */
  close(): Promise<void>;
}

function splitName(qualifiedName: string, kind: string): [string, string] {
  const dot = qualifiedName.indexOf(".");
  if (dot <= 0 || dot === qualifiedName.length - 1) {
    throw new ServerError(
      kind === "action" ? "unknown_action" : "unknown_trigger",
      `expected <integration>.<${kind}>, got "${qualifiedName}"`,
    );
  }
  return [qualifiedName.slice(0, dot), qualifiedName.slice(dot + 1)];
}

function positive(value: number | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new ServerError("invalid_options", `${name}: expected a positive number, got ${value}`);
  }
  return value;
}

/**
 * Reads the integrations' configs, starts the worker pool and loads every integration in each
 * worker, so the first call pays no load time. Rejects with `ServerError` when one fails to load.
 */
export async function createExecutor(options: ExecutorOptions): Promise<Executor> {
  const integrations = await readServedIntegrations(options.integrations);
  const byName = new Map(integrations.map((i) => [i.name, i]));
  const workers = Math.floor(positive(options.workers, "workers", defaultWorkers()));
  const timeoutMs = positive(options.timeoutMs, "timeoutMs", 30_000);
  const memoryLimitMb = positive(options.memoryLimitMb, "memoryLimitMb", 256);
  const actionTimeouts = options.actionTimeoutsMs ?? {};
  const secrets = options.secretSource ?? envSecretSource();
  const prefer = options.prefer ?? "build";
  const pool = createPool({ workers, memoryLimitMb, isolation: options.isolation ?? "thread" });
  const slots = new Slots(workers);
  let pending = 0;

  const base = {
    prefer,
    inputs: undefined,
    auth: undefined,
    secrets: {},
    lastPollTs: null,
    originOverrides: options.originOverrides,
    metadata: undefined,
  } satisfies Partial<Task>;

  async function run(
    task: Task,
    label: string,
    call: CallOptions,
    limit: number,
  ): Promise<TaskOutcome> {
    const ms = positive(call.timeoutMs, "timeoutMs", limit);
    pending++;
    try {
      await slots.acquire(call.signal);
    } catch {
      pending--;
      throw new ServerError("aborted", `${label} was aborted by the caller before it started`);
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), ms);
    const signal = call.signal
      ? AbortSignal.any([controller.signal, call.signal])
      : controller.signal;
    try {
      return (await pool.run(task, { signal })) as TaskOutcome;
    } catch (error) {
      if (controller.signal.aborted) {
        throw new ServerError(
          "timeout",
          `${label} did not finish within ${ms} ms: it was stopped and its worker replaced; raise the timeout if it needs longer`,
        );
      }
      if (call.signal?.aborted)
        throw new ServerError("aborted", `${label} was aborted by the caller`);
      const code = (error as { code?: unknown }).code;
      if (code === "ERR_WORKER_OUT_OF_MEMORY") {
        throw new ServerError(
          "out_of_memory",
          `${label} ran out of memory (limit ${memoryLimitMb} MB per worker): it was stopped and its worker replaced`,
        );
      }
      const reason = error instanceof Error ? error.message : String(error);
      throw new ServerError("worker_failed", `${label}: its worker failed (${reason})`);
    } finally {
      clearTimeout(timer);
      slots.release();
      pending--;
    }
  }

  function integration(name: string): ServedIntegration {
    const found = byName.get(name);
    if (found) return found;
    throw new ServerError(
      "unknown_integration",
      `unknown integration "${name}".${suggestion(name, [...byName.keys()])}`,
    );
  }

  function entry(
    qualifiedName: string,
    section: "actions" | "polling_triggers",
  ): { served: ServedIntegration; name: string } {
    const kind = section === "actions" ? "action" : "trigger";
    const [integrationName, name] = splitName(qualifiedName, kind);
    const served = integration(integrationName);
    const names = Object.keys(served.config[section] ?? {});
    if (names.includes(name)) return { served, name };
    const qualified = names.map((n) => `${served.name}.${n}`);
    throw new ServerError(
      kind === "action" ? "unknown_action" : "unknown_trigger",
      `unknown ${kind} "${qualifiedName}".${suggestion(qualifiedName, qualified) || ` ${served.name} has no ${kind}s.`}`,
    );
  }

  function unwrap(outcome: TaskOutcome): TaskOutcome & { ok: true } {
    if (outcome.ok) return outcome;
    throw new ServerError(outcome.failure.code, outcome.failure.message, {
      ...(outcome.failure.retryAfter === undefined
        ? {}
        : { retryAfter: outcome.failure.retryAfter }),
    });
  }

  const warmed = await Promise.allSettled(
    Array.from({ length: workers }, () =>
      pool.run({ ...base, kind: "warm", dir: "", name: "", warm: integrations.map((i) => i.dir) }),
    ),
  );
  for (const result of warmed) {
    const outcome = result.status === "fulfilled" ? (result.value as TaskOutcome) : undefined;
    if (outcome?.ok) continue;
    await pool.destroy();
    if (outcome) throw new ServerError(outcome.failure.code, outcome.failure.message);
    const reason = result.status === "rejected" ? String(result.reason) : "unknown";
    throw new ServerError("worker_failed", `a worker failed to start: ${reason}`);
  }

  return {
    integrations,
    get pending() {
      return pending;
    },

    async executeAction(qualifiedName, call, callOptions = {}) {
      const { served, name } = entry(qualifiedName, "actions");
      const task: Task = {
        ...base,
        kind: "action",
        dir: served.dir,
        name,
        inputs: call.inputs,
        auth: call.auth,
        secrets: await secretsFor(served.config, "actions", name),
      };
      const limit = actionTimeouts[qualifiedName] ?? timeoutMs;
      const outcome = unwrap(await run(task, `action "${qualifiedName}"`, callOptions, limit));
      return (outcome as { result: ActionOutcome }).result;
    },

    async pollTrigger(qualifiedName, call, callOptions = {}) {
      const { served, name } = entry(qualifiedName, "polling_triggers");
      const task: Task = {
        ...base,
        kind: "trigger",
        dir: served.dir,
        name,
        inputs: call.inputs,
        auth: call.auth,
        lastPollTs: call.lastPollTs ?? null,
        metadata: call.state === undefined ? undefined : { state: call.state },
        secrets: await secretsFor(served.config, "polling_triggers", name),
      };
      const limit = actionTimeouts[qualifiedName] ?? timeoutMs;
      const outcome = unwrap(await run(task, `trigger "${qualifiedName}"`, callOptions, limit));
      if ("records" in outcome) return { type: "records", records: outcome.records };
      return (outcome as { result: TriggerOutcome }).result;
    },

    async connectedAccount(integrationName, call, callOptions = {}) {
      const served = integration(integrationName);
      const task: Task = {
        ...base,
        kind: "connected_account",
        dir: served.dir,
        name: "",
        auth: call.auth,
      };
      const label = `connected account of "${integrationName}"`;
      const outcome = unwrap(await run(task, label, callOptions, timeoutMs));
      return (outcome as { result: ConnectedAccountResult }).result;
    },

    async close() {
      await pool.destroy();
    },
  };

  function secretsFor(
    config: IntegrationConfig,
    section: "actions" | "polling_triggers",
    name: string,
  ): Promise<Record<string, string>> {
    return pickSecrets(config, section, name, (key) => secrets.get(key));
  }
}

import { suggestion } from "@plugboard/registry";
import {
  type ActionOutcome,
  type ConnectedAccountResult,
  envSecretSource,
  type IntegrationConfig,
  type PollingRecord,
  pickSecrets,
  type SecretSource,
} from "@plugboard/sdk";
import { ServerError } from "./errors.ts";
import {
  createProcessPool,
  createThreadPool,
  defaultWorkers,
  type Isolation,
  type Pool,
  stopWorker,
} from "./pool.ts";
import { readServedIntegrations, type ServedIntegration } from "./served-integration.ts";
import { Slots } from "./slots.ts";
import type { Task, TaskOutcome, WorkerSetup } from "./task.ts";

/** Options of `createExecutor`. */
export interface ExecutorOptions {
  /** Integration folders, or folders of them (`integrations/`); the workspace's when empty. */
  integrations: string[];
  /** Pool size (default: one per core, 2 to 8). */
  workers?: number;
  /**
   * Calls one worker thread runs at once (default 1). More lets handlers that mostly wait on
   * APIs share a worker and cuts the cost per call under load, but a CPU-bound handler then
   * holds up the other calls on its worker, and a call stopped for its timeout takes them down
   * with its worker. Child processes always run one call each.
   */
  concurrency?: number;
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
  /**
   * Cancels the call while it waits for a worker (it then fails with `aborted`). A call already
   * running is not stopped by it: it settles or reaches its timeout, so a caller that goes away
   * never costs a worker restart halfway through a handler's side effects.
   */
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
  /**
   * `executeAction` for an HTTP answer: the envelope as the worker serialized it, with its
   * status (`envelopeStatus`), so the server's thread neither clones the object back nor
   * stringifies it.
   */
  executeActionJson(
    qualifiedName: string,
    call: ActionCall,
    options?: CallOptions,
  ): Promise<{ json: string; status: 200 | 400 | 422 | 502 }>;
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

const NO_SECRETS: Record<string, string> = Object.freeze({}) as Record<string, string>;

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
  const isolation = options.isolation ?? "thread";
  // A call with an abort signal (process isolation's timeout) runs alone on its worker.
  const concurrency =
    isolation === "thread" ? Math.floor(positive(options.concurrency, "concurrency", 1)) : 1;
  // Threads note which call they run in shared memory, so a call over its timeout stops exactly
  // its own worker; child processes share no memory and get the pool's abort signal instead.
  const running =
    isolation === "thread"
      ? new Int32Array(new SharedArrayBuffer(4 * workers * concurrency))
      : undefined;
  const setup: WorkerSetup = {
    warm: integrations.map((i) => i.dir),
    prefer,
    ...(running ? { running } : {}),
  };
  const threads = running
    ? createThreadPool({ workers, concurrency, memoryLimitMb, setup })
    : undefined;
  const pool: Pool = threads ?? createProcessPool({ workers, concurrency, memoryLimitMb, setup });
  const slots = new Slots(workers * concurrency);
  const names = new Map(
    integrations.map((i) => [
      i.name,
      {
        actions: new Set(Object.keys(i.config.actions ?? {})),
        polling_triggers: new Set(Object.keys(i.config.polling_triggers ?? {})),
      },
    ]),
  );
  let pending = 0;
  // Why a worker was stopped, by thread id, while the calls it ran are failing.
  const stopped = new Map<number, string>();

  const base = {
    prefer,
    inputs: undefined,
    auth: undefined,
    secrets: {},
    lastPollTs: null,
    originOverrides: options.originOverrides,
    metadata: undefined,
    slot: -1,
    deadline: 0,
  } satisfies Partial<Task>;

  const timeoutError = (label: string, ms: number) =>
    new ServerError(
      "timeout",
      `${label} did not finish within ${ms} ms: it was stopped and its worker replaced; raise the timeout if it needs longer`,
    );

  async function run(
    task: Task,
    label: string,
    call: CallOptions,
    limit: number,
  ): Promise<TaskOutcome> {
    const ms = positive(call.timeoutMs, "timeoutMs", limit);
    pending++;
    let slot: number;
    try {
      slot = await slots.acquire(call.signal);
    } catch {
      pending--;
      throw new ServerError("aborted", `${label} was aborted by the caller before it started`);
    }
    task.deadline = Date.now() + ms;
    let timedOut = false;
    let timer: NodeJS.Timeout;
    let controller: AbortController | undefined;
    if (running && threads) {
      task.slot = slot;
      const stop = () => {
        const threadId = Atomics.load(running, slot);
        if (threadId === 0) {
          // Not started yet: its worker will refuse it as past its deadline; look again soon.
          timer = setTimeout(stop, 5);
          return;
        }
        timedOut = true;
        // The other calls on that worker (concurrency > 1) fail with it, and say why.
        stopped.set(threadId, `stopped: ${label} on it overran its timeout`);
        void stopWorker(threads, threadId)?.then(() => {
          // After the pool has rejected the worker's calls and their catch blocks have read it.
          setImmediate(() => stopped.delete(threadId));
        });
      };
      timer = setTimeout(stop, ms);
    } else {
      const abort = new AbortController();
      controller = abort;
      timer = setTimeout(() => {
        timedOut = true;
        abort.abort();
      }, ms);
    }
    try {
      const outcome = (await (controller
        ? pool.run(task, { signal: controller.signal })
        : pool.run(task))) as TaskOutcome;
      if (!outcome.ok && outcome.failure.code === "timeout") {
        // Refused by its worker, reached past the deadline (a replacement was still loading).
        throw new ServerError(
          "timeout",
          `${label} did not start within ${ms} ms: no worker was free in time, so it never ran; raise the timeout or the worker count`,
        );
      }
      return outcome;
    } catch (error) {
      if (timedOut) throw timeoutError(label, ms);
      if (error instanceof ServerError) throw error;
      const code = (error as { code?: unknown }).code;
      if (code === "ERR_WORKER_OUT_OF_MEMORY") {
        throw new ServerError(
          "out_of_memory",
          `${label} ran out of memory (limit ${memoryLimitMb} MB per worker): it was stopped and its worker replaced`,
        );
      }
      const reason =
        (running && stopped.get(Atomics.load(running, slot))) ||
        (error instanceof Error ? error.message : String(error));
      throw new ServerError("worker_failed", `${label}: its worker failed (${reason})`);
    } finally {
      clearTimeout(timer);
      if (running) Atomics.store(running, slot, 0);
      slots.release(slot);
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
    const known = names.get(served.name)?.[section];
    if (known?.has(name)) return { served, name };
    const qualified = [...(known ?? [])].map((n) => `${served.name}.${n}`);
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

  // Each worker loads the integrations as it starts (worker.ts); one "warm" task per worker
  // waits for that and reports a load failure, which then stops the server from starting.
  const warmed = await Promise.allSettled(
    Array.from({ length: workers }, () =>
      pool.run({ ...base, kind: "warm", dir: "", name: "", warm: setup.warm }),
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
      const outcome = await action(qualifiedName, call, callOptions, undefined);
      return (outcome as { result: ActionOutcome }).result;
    },

    async executeActionJson(qualifiedName, call, callOptions = {}) {
      const outcome = await action(qualifiedName, call, callOptions, "json");
      return outcome as { json: string; status: 200 | 400 | 422 | 502 };
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

  async function action(
    qualifiedName: string,
    call: ActionCall,
    callOptions: CallOptions,
    reply: Task["reply"],
  ): Promise<TaskOutcome & { ok: true }> {
    const { served, name } = entry(qualifiedName, "actions");
    const task: Task = {
      ...base,
      kind: "action",
      dir: served.dir,
      name,
      inputs: call.inputs,
      auth: call.auth,
      secrets: await secretsFor(served.config, "actions", name),
      ...(reply ? { reply } : {}),
    };
    const limit = actionTimeouts[qualifiedName] ?? timeoutMs;
    return unwrap(await run(task, `action "${qualifiedName}"`, callOptions, limit));
  }

  function secretsFor(
    config: IntegrationConfig,
    section: "actions" | "polling_triggers",
    name: string,
  ): Record<string, string> | Promise<Record<string, string>> {
    // Most actions declare no secret: skip the lookup (and its promise) for them.
    if (!config[section]?.[name]?.secrets?.length) return NO_SECRETS;
    return pickSecrets(config, section, name, secrets);
  }
}

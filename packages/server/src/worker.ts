import { threadId, workerData } from "node:worker_threads";
import { type LoadedIntegration, loadIntegration } from "@plugboard/registry";
import type { ExecutionContextOptions, IntegrationResult, PollingRecord } from "@plugboard/sdk";
import { envelopeStatus } from "./status.ts";
import {
  SETUP_ARG,
  type Task,
  type TaskFailure,
  type TaskOutcome,
  type WorkerSetup,
} from "./task.ts";

// Runs inside a pool worker (a thread with an empty environment, or a child process). The
// integration, its SDK copy and its validators load here, never in the server's thread.

/** What the worker calls on a loaded integration; the registry types only `executeAction`. */
interface Runnable {
  executeAction(name: string, inputs: unknown, context: unknown): Promise<IntegrationResult>;
  executePollingTrigger(
    name: string,
    inputs: unknown,
    lastPollTs: string | null,
    context: unknown,
  ): Promise<PollingRecord[]>;
  getConnectedAccount(context: unknown): Promise<IntegrationResult>;
}

interface Context {
  redact(text: string): string;
  redactValue<T>(value: T): T;
  close(): Promise<void>;
}

const loaded = new Map<string, Promise<LoadedIntegration>>();

function load(task: Pick<Task, "prefer" | "dir">): Promise<LoadedIntegration> {
  const key = `${task.prefer}:${task.dir}`;
  let pending = loaded.get(key);
  if (!pending) {
    pending = loadIntegration(task.dir, { prefer: task.prefer });
    // A failed load is retried by the next call rather than cached.
    pending.catch(() => loaded.delete(key));
    loaded.set(key, pending);
  }
  return pending;
}

function readSetup(): WorkerSetup | undefined {
  // Piscina's worker threads get it as `workerData`; Tinypool's child processes as an argument.
  const data = workerData as WorkerSetup | undefined;
  if (data?.warm) return data;
  const at = process.argv.indexOf(SETUP_ARG);
  const arg = at >= 0 ? process.argv[at + 1] : undefined;
  return arg === undefined ? undefined : (JSON.parse(arg) as WorkerSetup);
}

const setup = readSetup();
// The pool imports this module before it marks the worker ready, so a worker started in place of
// a stopped one takes its first call with the integrations already loaded. A failure here is
// reported by the call (or the startup "warm" task) that needs the integration, not thrown: a
// throw would end the worker before it could say why.
if (setup) {
  await Promise.allSettled(setup.warm.map((dir) => load({ prefer: setup.prefer, dir })));
}
const running = setup?.running;

function failure(error: unknown, context: Context | undefined): TaskOutcome {
  const e = error as Error & { code?: unknown; retryAfter?: unknown; status?: unknown };
  const raw = error instanceof Error ? error.message : String(error);
  const message = context ? context.redact(raw) : raw;
  let failed: TaskFailure;
  if (e?.name === "ConfigurationError" && e.code === "missing_secret") {
    failed = { code: "missing_secret", message };
  } else if (e?.name === "RateLimitError") {
    failed = { code: "rate_limited", message, retryAfter: Number(e.retryAfter) || 60 };
  } else if (e?.name === "NetworkError") {
    // Kept apart from handler failures: a queue retries these, as it does timeouts.
    failed = { code: "network_error", message: `NetworkError: ${message}` };
  } else if (e?.name === "RegistryError") {
    failed = { code: "load_failed", message };
  } else if (e?.name === "ValidationError" && e.code === "not_registered") {
    failed = { code: "no_connected_account", message };
  } else {
    const name = error instanceof Error ? error.name : "Error";
    failed = { code: "handler_failed", message: `${name}: ${message}` };
  }
  return { ok: false, failure: failed };
}

/** A trigger's or connected-account lookup's `ValidationError` as a `validation_error` envelope. */
function validationEnvelope(error: unknown, context: Context): TaskOutcome | undefined {
  const e = error as Error & { code?: unknown; source?: unknown; property?: unknown };
  if (e?.name !== "ValidationError" || e.code === "not_registered") return undefined;
  const result = {
    message: context.redact(e.message),
    property: typeof e.property === "string" ? e.property : null,
    value: context.redactValue((e as { value?: unknown }).value ?? null),
    source: e.source === "output" ? "output" : "input",
  };
  return { ok: true, result: { version: "2.0.0", type: "validation_error", result } as never };
}

/** Runs one task: loads the integration (once per worker), builds a context, executes. */
export default async function run(task: Task): Promise<TaskOutcome> {
  let context: Context | undefined;
  // Noted before anything runs, so the executor can stop this worker if the call overstays.
  if (running && task.slot >= 0) Atomics.store(running, task.slot, threadId);
  if (task.deadline > 0 && Date.now() >= task.deadline) {
    return {
      ok: false,
      failure: { code: "timeout", message: "reached its worker after its deadline" },
    };
  }
  try {
    if (task.kind === "warm") {
      const dirs = task.warm ?? [];
      await Promise.all(dirs.map((dir) => load({ ...task, dir })));
      return { ok: true, warmed: dirs.length };
    }
    const { integration, ExecutionContext } = await load(task);
    const options: ExecutionContextOptions = {
      secrets: task.secrets,
      ...(task.auth === undefined ? {} : { auth: task.auth }),
      ...(task.originOverrides === undefined ? {} : { originOverrides: task.originOverrides }),
      ...(task.metadata === undefined ? {} : { metadata: task.metadata }),
    };
    context = new ExecutionContext(options as never) as unknown as Context;
    const runnable = integration as unknown as Runnable;
    try {
      if (task.kind === "action") {
        const result = await runnable.executeAction(task.name, task.inputs, context);
        if (task.reply !== "json") return { ok: true, result };
        return { ok: true, json: JSON.stringify(result), status: envelopeStatus(result) };
      }
      if (task.kind === "trigger") {
        const records = await runnable.executePollingTrigger(
          task.name,
          task.inputs,
          task.lastPollTs,
          context,
        );
        return { ok: true, records };
      }
      return { ok: true, result: await runnable.getConnectedAccount(context) };
    } catch (error) {
      return validationEnvelope(error, context) ?? failure(error, context);
    }
  } catch (error) {
    return failure(error, context);
  } finally {
    await context?.close();
  }
}

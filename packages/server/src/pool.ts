import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import Tinypool from "tinypool";
import { SETUP_ARG, type Task, type WorkerSetup } from "./task.ts";
import { SERVER_V8_FLAGS } from "./v8-flags.ts";

/** How handlers are isolated from the server and from each other. */
export type Isolation = "thread" | "process";

/** Options of the worker pool. */
export interface PoolOptions {
  workers: number;
  /** Calls one worker runs at once (the pools' `concurrentTasksPerWorker`). */
  concurrency: number;
  memoryLimitMb: number;
  isolation: Isolation;
  setup: WorkerSetup;
}

/** What the executor asks of a pool: Piscina's and Tinypool's `run` and `destroy`. */
export interface Pool {
  run(task: Task, options?: { signal?: AbortSignal }): Promise<unknown>;
  destroy(): Promise<void>;
}

/** The worker count when none is given: one per core, at least 2, at most 8. */
export function defaultWorkers(): number {
  return Math.min(8, Math.max(2, availableParallelism()));
}

/** The pool's entry: `dist/worker.js` when built, the tsx shim when running from sources. */
function workerFile(): URL {
  return import.meta.url.endsWith(".ts")
    ? new URL("./worker-dev.mjs", import.meta.url)
    : new URL("./worker.js", import.meta.url);
}

/**
 * A Piscina of `workers` long-lived worker threads with an empty environment and a V8 heap
 * limit. Piscina rather than Tinypool for threads: Tinypool's worker reads
 * `process.memoryUsage()` after every call (an open, read and close of /proc/self/stat, about a
 * third of a worker's busy time on a no-op action), Piscina does not; the server benchmark
 * measures the difference (less CPU and latency per call; HTTP throughput, bound by the server's
 * own thread, stays the same). Each worker loads `setup.warm` before Piscina marks it ready.
 * Piscina 5, the newest release on Node 20 (6 needs Node 22).
 */
export function createThreadPool(options: Omit<PoolOptions, "isolation">): Piscina {
  const pool = new Piscina({
    filename: workerFile().href,
    minThreads: options.workers,
    maxThreads: options.workers,
    // Workers stay: an integration loads once per worker, not once per call.
    idleTimeout: Number.POSITIVE_INFINITY,
    concurrentTasksPerWorker: options.concurrency,
    // The executor hands the pool no more calls than it has free workers (slots.ts), so the
    // queue stays empty; no limit, rather than a "queue full" error the executor would not expect.
    maxQueue: Number.POSITIVE_INFINITY,
    // Run and wait time histograms: a cost on every call that nothing reads.
    recordTiming: false,
    // `env: {}`: a handler reading process.env finds none of the server's variables.
    env: {},
    workerData: options.setup,
    resourceLimits: {
      maxOldGenerationSizeMb: options.memoryLimitMb,
      maxYoungGenerationSizeMb: Math.max(4, Math.floor(options.memoryLimitMb / 8)),
    },
  });
  // Piscina emits "error" on itself for a worker that fails with no call on it; unheard, that
  // would end the server. The calls on a failed worker are rejected one by one anyway.
  pool.on("error", () => {});
  return pool;
}

/**
 * A Tinypool of `workers` long-lived child processes (`--max-old-space-size`), for when a crash
 * must not share an address space with the server; Piscina runs threads only. The setup goes
 * as an argument, and each call carries an abort signal to stop it (no shared memory).
 */
export function createProcessPool(options: Omit<PoolOptions, "isolation">): Tinypool {
  const { running, ...plain } = options.setup;
  const pool = new Tinypool({
    filename: workerFile().href,
    runtime: "child_process",
    minThreads: options.workers,
    maxThreads: options.workers,
    idleTimeout: 2 ** 31 - 1,
    concurrentTasksPerWorker: options.concurrency,
    env: {},
    argv: [SETUP_ARG, JSON.stringify(plain)],
    // Plugboard's own processes: the V8 flags of a process serving many actions, too.
    execArgv: [
      ...process.execArgv,
      ...SERVER_V8_FLAGS,
      `--max-old-space-size=${options.memoryLimitMb}`,
    ],
  });
  // As for threads: a worker failing with no call on it must not end the server.
  pool.on("error", () => {});
  return pool;
}

/**
 * Terminates the worker thread `threadId`: Piscina rejects the calls on it ("worker exited")
 * and starts a replacement. Piscina's own way is an abort signal per call, which makes every
 * call pay for the signal and its abortable-task bookkeeping (see the server benchmark).
 * Resolves once it has exited; `undefined` when no such worker is left.
 */
export function stopWorker(pool: Piscina, threadId: number): Promise<void> | undefined {
  const worker = pool.threads.find((w) => w.threadId === threadId);
  return worker?.terminate().then(() => {});
}

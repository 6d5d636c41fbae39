import { availableParallelism } from "node:os";
import Tinypool from "tinypool";
import type { WorkerSetup } from "./task.ts";

/** How handlers are isolated from the server and from each other. */
export type Isolation = "thread" | "process";

/** Options of the worker pool. */
export interface PoolOptions {
  workers: number;
  /** Calls one worker runs at once (Tinypool's `concurrentTasksPerWorker`). */
  concurrency: number;
  memoryLimitMb: number;
  isolation: Isolation;
  setup: WorkerSetup;
}

/** The worker count when none is given: one per core, at least 2, at most 8. */
export function defaultWorkers(): number {
  return Math.min(8, Math.max(2, availableParallelism()));
}

/** The argument that carries `WorkerSetup` to a child-process worker (no shared memory there). */
export const SETUP_ARG = "--plugboard-worker-setup";

/** The pool's entry: `dist/worker.js` when built, the tsx shim when running from sources. */
function workerFile(): URL {
  return import.meta.url.endsWith(".ts")
    ? new URL("./worker-dev.mjs", import.meta.url)
    : new URL("./worker.js", import.meta.url);
}

/**
 * A Tinypool of `workers` long-lived workers with an empty environment: threads with a V8
 * heap limit, or child processes (`--max-old-space-size`) where a crash must not share an
 * address space with the server. Each worker loads `setup.warm` before Tinypool hands it a call.
 */
export function createPool(options: PoolOptions): Tinypool {
  const processes = options.isolation === "process";
  const { running, ...plain } = options.setup;
  const pool = new Tinypool({
    filename: workerFile().href,
    runtime: processes ? "child_process" : "worker_threads",
    minThreads: options.workers,
    maxThreads: options.workers,
    // Workers stay: an integration loads once per worker, not once per call.
    idleTimeout: 2 ** 31 - 1,
    concurrentTasksPerWorker: options.concurrency,
    // `env: {}`: a handler reading process.env finds none of the server's variables.
    env: {},
    ...(processes
      ? {
          argv: [SETUP_ARG, JSON.stringify(plain)],
          execArgv: [...process.execArgv, `--max-old-space-size=${options.memoryLimitMb}`],
        }
      : {
          workerData: options.setup,
          resourceLimits: {
            maxOldGenerationSizeMb: options.memoryLimitMb,
            maxYoungGenerationSizeMb: Math.max(4, Math.floor(options.memoryLimitMb / 8)),
          },
        }),
  });
  // Tinypool emits "error" on itself for a worker that fails with no call on it; unheard, that
  // would end the server. The calls on a failed worker are rejected one by one anyway.
  pool.on("error", () => {});
  return pool;
}

/**
 * Stops the worker with thread id `threadId` the way Tinypool stops a crashed one: the calls on
 * it are rejected with `reason`, the worker terminated and a fresh one started in its place.
 * Tinypool's own way is an abort signal per task, which makes every call pay for the signal
 * and Tinypool's abortable-task bookkeeping (see the server benchmark); emitting "error" on the
 * worker is the path its crash handling takes. Returns false when no such worker is left.
 */
export function stopWorker(pool: Tinypool, threadId: number, reason: Error): boolean {
  const worker = pool.threads.find((w) => w.threadId === threadId);
  if (!worker) return false;
  worker.emit("error", reason);
  return true;
}

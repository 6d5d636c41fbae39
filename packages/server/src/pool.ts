import { availableParallelism } from "node:os";
import Tinypool from "tinypool";

/** How handlers are isolated from the server and from each other. */
export type Isolation = "thread" | "process";

/** Options of the worker pool. */
export interface PoolOptions {
  workers: number;
  memoryLimitMb: number;
  isolation: Isolation;
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
 * A Tinypool of `workers` long-lived workers with an empty environment: threads with a V8
 * heap limit, or child processes (`--max-old-space-size`) where a crash must not share an
 * address space with the server.
 */
export function createPool(options: PoolOptions): Tinypool {
  const processes = options.isolation === "process";
  return new Tinypool({
    filename: workerFile().href,
    runtime: processes ? "child_process" : "worker_threads",
    minThreads: options.workers,
    maxThreads: options.workers,
    // Workers stay: an integration loads once per worker, not once per call.
    idleTimeout: 2 ** 31 - 1,
    // `env: {}`: a handler reading process.env finds none of the server's variables.
    env: {},
    ...(processes
      ? { execArgv: [...process.execArgv, `--max-old-space-size=${options.memoryLimitMb}`] }
      : {
          resourceLimits: {
            maxOldGenerationSizeMb: options.memoryLimitMb,
            maxYoungGenerationSizeMb: Math.max(4, Math.floor(options.memoryLimitMb / 8)),
          },
        }),
  });
}

import { once } from "node:events";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { WorkerJob } from "./codegen-worker.ts";
import { type IntegrationOutcome, processIntegration } from "./process-integration.ts";

/** Options of `runCodegen`. */
export interface RunCodegenOptions {
  /** Change nothing; report stale or missing files as `stale`. */
  check?: boolean;
  /** Called as each integration finishes, in completion order. */
  onOutcome?: (outcome: IntegrationOutcome, done: number, total: number) => void;
  /** Worker threads to use; default: one per core, at most 4. */
  workers?: number;
}

/** Below this many integrations, starting workers costs more than it saves. */
const WORKER_THRESHOLD = 4;

/**
 * Runs codegen over integration folders, in worker threads when there are many (whole-corpus
 * figures in docs/benchmarks.md). There is no cache here: in a workspace, Turborepo caches the
 * `codegen` task. One integration's failure never stops the others. Outcomes come back in
 * `dirs` order.
 */
export async function runCodegen(
  dirs: string[],
  options: RunCodegenOptions = {},
): Promise<IntegrationOutcome[]> {
  const check = options.check ?? false;
  const outcomes: IntegrationOutcome[] = new Array(dirs.length);
  let done = 0;
  const finish = (index: number, outcome: IntegrationOutcome) => {
    outcomes[index] = outcome;
    options.onOutcome?.(outcome, ++done, dirs.length);
  };
  const workerCount = Math.min(options.workers ?? Math.min(availableParallelism(), 4), dirs.length);
  // Workers run the built JavaScript; from TypeScript sources (tests) everything stays in-process.
  if (workerCount > 1 && dirs.length >= WORKER_THRESHOLD && import.meta.url.endsWith(".js")) {
    let next = 0;
    const work = async () => {
      const worker = new Worker(new URL("./codegen-worker.js", import.meta.url));
      try {
        for (let id = next++; id < dirs.length; id = next++) {
          const job: WorkerJob = { id, dir: dirs[id] as string, check };
          worker.postMessage(job);
          finish(id, await reply(worker, job.dir));
        }
      } finally {
        await worker.terminate();
      }
    };
    await Promise.all(Array.from({ length: workerCount }, work));
    return outcomes;
  }
  for (const [index, dir] of dirs.entries()) {
    finish(index, processIntegration(dir, { check }));
    // Let progress output reach the terminal between integrations.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return outcomes;
}

/** The worker's answer to its current job; rejects if the worker fails or exits instead. */
async function reply(worker: Worker, dir: string): Promise<IntegrationOutcome> {
  const settled = new AbortController();
  try {
    // `once` rejects on the worker's `error` event; an exit without one is a failure too.
    const [message] = await Promise.race([
      once(worker, "message", { signal: settled.signal }),
      once(worker, "exit", { signal: settled.signal }).then(([code]) => {
        throw new Error(`codegen worker stopped (exit ${code}) on ${dir}`);
      }),
    ]);
    return (message as { outcome: IntegrationOutcome }).outcome;
  } finally {
    settled.abort();
  }
}

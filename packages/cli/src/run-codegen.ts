import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { WorkerJob } from "./codegen-worker.ts";
import { type IntegrationOutcome, knownFresh, processIntegration } from "./process-integration.ts";

/** Options of `runCodegen`. */
export interface RunCodegenOptions {
  /** Change nothing; report stale or missing files as `stale`. */
  check?: boolean;
  /** Called as each integration finishes, in completion order. */
  onOutcome?: (outcome: IntegrationOutcome, done: number, total: number) => void;
  /** Worker threads to use for stale integrations; default: one per core, at most 4. */
  workers?: number;
}

/** Below this many integrations to generate, starting workers costs more than it saves. */
const WORKER_THRESHOLD = 4;

/**
 * Runs codegen over integration folders. Fresh ones are recognised from the freshness cache
 * without loading any generator library; the rest are generated, in worker threads when there
 * are many. One integration's failure never stops the others. Outcomes come back in `dirs` order.
 */
export async function runCodegen(
  dirs: string[],
  options: RunCodegenOptions = {},
): Promise<IntegrationOutcome[]> {
  const outcomes: IntegrationOutcome[] = new Array(dirs.length);
  let done = 0;
  const finish = (index: number, outcome: IntegrationOutcome) => {
    outcomes[index] = outcome;
    options.onOutcome?.(outcome, ++done, dirs.length);
  };
  const pending: number[] = [];
  dirs.forEach((dir, index) => {
    if (knownFresh(dir)) finish(index, { dir, status: "unchanged", files: [], warnings: [] });
    else pending.push(index);
  });
  const workerCount = Math.min(
    options.workers ?? Math.min(availableParallelism(), 4),
    pending.length,
  );
  const workerFile = new URL("./codegen-worker.js", import.meta.url);
  // Workers run the built JavaScript; from TypeScript sources (tests) everything stays in-process.
  if (workerCount > 1 && pending.length >= WORKER_THRESHOLD && import.meta.url.endsWith(".js")) {
    await inWorkers(workerFile, pending, dirs, options.check ?? false, workerCount, finish);
  } else {
    for (const index of pending) {
      finish(index, processIntegration(dirs[index] as string, { check: options.check ?? false }));
      // Let progress output reach the terminal between integrations.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return outcomes;
}

async function inWorkers(
  file: URL,
  pending: number[],
  dirs: string[],
  check: boolean,
  count: number,
  finish: (index: number, outcome: IntegrationOutcome) => void,
): Promise<void> {
  const queue = [...pending];
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(fileURLToPath(file));
      let current: number | undefined;
      const next = () => {
        current = queue.shift();
        if (current === undefined) {
          resolve();
          void worker.terminate();
          return;
        }
        const job: WorkerJob = { id: current, dir: dirs[current] as string, check };
        worker.postMessage(job);
      };
      worker.on("message", (message: { id: number; outcome: IntegrationOutcome }) => {
        finish(message.id, message.outcome);
        next();
      });
      worker.on("error", reject);
      worker.on("exit", (code) => {
        if (current !== undefined)
          reject(new Error(`codegen worker stopped (exit ${code}) on ${dirs[current]}`));
      });
      next();
    });
  await Promise.all(Array.from({ length: count }, runWorker));
}

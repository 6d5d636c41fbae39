import { parentPort } from "node:worker_threads";
import { processIntegration } from "./process-integration.ts";

/** A job for a codegen worker thread: one integration folder. */
export interface WorkerJob {
  id: number;
  dir: string;
  check: boolean;
}

parentPort?.on("message", (job: WorkerJob) => {
  parentPort?.postMessage({
    id: job.id,
    outcome: processIntegration(job.dir, { check: job.check }),
  });
});

import type { Executor } from "@plugboard/server";
import { type KeepJobs, Queue, Worker } from "bullmq";
import type { Redis } from "ioredis";
import { connectRedis } from "./connection.ts";
import type { CredentialSource } from "./credential-source.ts";
import type { JobData } from "./job-data.ts";
import { createProcessor } from "./process-job.ts";
import { RedisStateStore } from "./redis-state-store.ts";

/** Options of `startWorker`. */
export interface WorkerOptions {
  /**
   * Runs the operations: `@plugboard/server`'s execution pool. Handlers never run inside
   * BullMQ's processor: a CPU-bound one there would block lock renewal and the job run twice.
   */
  executor: Executor;
  /** `redis://…`, `rediss://…` or `unix:///…/redis.sock`, or an open ioredis connection. */
  redis: string | Redis;
  /** The queue's name; `plugboard` by default. Delivered trigger records go to `<queue>-records`. */
  queue?: string;
  /** Jobs run at once by this worker process; 8 by default. */
  concurrency?: number;
  /** Resolves a job's `auth_ref`. */
  credentials?: CredentialSource;
  /** Completed jobs kept in Redis; none by default (their envelope reaches the producer by event). */
  removeOnComplete?: KeepJobs;
  /** Failed jobs kept in Redis; a day and 1,000 jobs by default, their credentials removed. */
  removeOnFail?: KeepJobs;
  /** How long a job's lock lasts without renewal (ms); a worker that dies frees it after this. */
  lockDuration?: number;
  /** How often stalled jobs (their worker died) are looked for and put back (ms). */
  stalledInterval?: number;
  /** One line per finished job: its id, name and outcome, never its data. */
  log?: (line: string) => void;
}

/** A running queue worker. */
export interface RunningWorker {
  worker: Worker;
  /** The queue itself, on the worker's connection: for `scheduleTrigger` and inspection. */
  queue: Queue;
  /** Stops taking jobs, lets the running ones finish, and closes its Redis connections. */
  close(): Promise<void>;
}

const DAY_SECONDS = 24 * 60 * 60;

/**
 * Consumes the queue: each job named `<integration>.<action>` runs in the runner and completes
 * with its `IntegrationResult` envelope; `<integration>.<trigger>` jobs with `kind: "poll"`
 * (see `scheduleTrigger`) poll a trigger and queue each new record on `<queue>-records`.
 */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const name = options.queue ?? "plugboard";
  const owned = typeof options.redis === "string";
  const connection =
    typeof options.redis === "string" ? connectRedis(options.redis) : options.redis;
  const queue = new Queue(name, { connection });
  const records = new Queue(`${name}-records`, { connection });
  const processor = createProcessor({
    executor: options.executor,
    credentials: options.credentials,
    store: new RedisStateStore(connection),
    records,
  });
  const worker = new Worker<JobData>(name, processor, {
    connection,
    concurrency: options.concurrency ?? 8,
    removeOnComplete: options.removeOnComplete ?? { count: 0 },
    removeOnFail: options.removeOnFail ?? { age: DAY_SECONDS, count: 1000 },
    ...(options.lockDuration === undefined ? {} : { lockDuration: options.lockDuration }),
    ...(options.stalledInterval === undefined ? {} : { stalledInterval: options.stalledInterval }),
  });
  const log = options.log;
  worker.on("completed", (job, result) => {
    const type = (result as { type?: unknown } | undefined)?.type;
    log?.(`job ${job.id} ${job.name}: ${typeof type === "string" ? type : "polled"}`);
  });
  worker.on("failed", (job, error) => {
    if (!job) return;
    const final = job.finishedOn !== undefined || job.attemptsMade >= (job.opts.attempts ?? 1);
    log?.(`job ${job.id} ${job.name}: failed${final ? "" : ", will retry"}: ${firstLine(error)}`);
    // A job that failed for good stays in Redis for inspection: without the credentials.
    if (final && job.data?.auth !== undefined) {
      const { auth: _auth, ...rest } = job.data;
      void job.updateData(rest).catch(() => undefined);
    }
  });
  // Without a listener, an 'error' event (e.g. Redis going away) would end the process.
  worker.on("error", (error) => log?.(`worker: ${firstLine(error)}`));
  await worker.waitUntilReady();
  return {
    worker,
    queue,
    close: async () => {
      await worker.close();
      await records.close();
      await queue.close();
      if (owned) await connection.quit().catch(() => undefined);
    },
  };
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0] ?? "";
}

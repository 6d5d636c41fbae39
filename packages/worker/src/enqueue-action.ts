import { randomUUID } from "node:crypto";
import type { IntegrationResult } from "@plugboard/sdk";
import { type JobsOptions, Queue, QueueEvents } from "bullmq";
import type { Redis } from "ioredis";
import { connectRedis } from "./connection.ts";
import { WorkerError } from "./errors.ts";

/** Actions by qualified name with their input and output types: see `QualifiedActions`. */
export type ActionTypes = Record<string, { input: unknown; output: unknown }>;

/**
 * An integration's generated `Actions` type under qualified names:
 * `QualifiedActions<"hackernews", Actions>` has `"hackernews.get_item"` and so on.
 */
export type QualifiedActions<I extends string, A extends ActionTypes> = {
  [K in keyof A & string as `${I}.${K}`]: A[K];
};

/** A queue to enqueue actions on, with the events stream that reports their envelopes. */
export class ActionQueue<T extends ActionTypes = ActionTypes> {
  readonly queue: Queue;
  readonly events: QueueEvents;
  readonly #owned: Redis | undefined;
  readonly #blocking: Redis;
  /** Jobs awaited by `enqueueAction`, by id: settled from the events stream. */
  readonly #waiting = new Map<
    string,
    { resolve: (value: unknown) => void; reject: (reason: Error) => void }
  >();

  /** Opens the queue `name` (`plugboard` by default) on `redis` (a URL or a connection). */
  constructor(redis: string | Redis, name = "plugboard") {
    const connection = typeof redis === "string" ? connectRedis(redis) : redis;
    this.#owned = typeof redis === "string" ? connection : undefined;
    this.queue = new Queue(name, { connection });
    // The events stream blocks on its connection: it gets one of its own.
    this.#blocking = connection.duplicate();
    this.events = new QueueEvents(name, { connection: this.#blocking });
    // One listener for every awaited job: a job removed on completion is settled by its event
    // alone, whereas BullMQ's waitUntilFinished may look for it after it is gone.
    this.events.on("completed", ({ jobId, returnvalue }) => {
      this.#waiting.get(jobId)?.resolve(returnvalue);
      this.#waiting.delete(jobId);
    });
    this.events.on("failed", ({ jobId, failedReason }) => {
      this.#waiting.get(jobId)?.reject(new Error(failedReason));
      this.#waiting.delete(jobId);
    });
  }

  /** Resolves once both the queue and its events stream are connected. */
  async ready(): Promise<this> {
    await Promise.all([this.queue.waitUntilReady(), this.events.waitUntilReady()]);
    return this;
  }

  /** A promise of job `id`'s return value, listening before the job exists. */
  waitFor(id: string, waitMs?: number): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const timer =
        waitMs === undefined
          ? undefined
          : setTimeout(() => {
              this.#waiting.delete(id);
              reject(new Error(`no outcome within ${waitMs} ms`));
            }, waitMs);
      const clear = () => clearTimeout(timer);
      this.#waiting.set(id, {
        resolve: (value) => {
          clear();
          resolve(value);
        },
        reject: (reason) => {
          clear();
          reject(reason);
        },
      });
    });
  }

  /** Stops listening for `id` (its job was never added). */
  forget(id: string): void {
    this.#waiting.delete(id);
  }

  /** Closes the queue, the events stream and the connection it opened. */
  async close(): Promise<void> {
    await this.events.close();
    await this.queue.close();
    await this.#blocking.quit().catch(() => undefined);
    await this.#owned?.quit().catch(() => undefined);
  }

  /** Phantom member carrying `T`, so `enqueueAction` can type names, inputs and outputs. */
  declare readonly types?: T;
}

/** Per-job options of `enqueueAction`; retries default to 3 attempts with exponential back-off. */
export interface EnqueueOptions {
  /** Credentials by reference (resolved by the worker) instead of `auth`. */
  authRef?: string;
  /** BullMQ job options: attempts, backoff, delay, priority, jobId… */
  job?: JobsOptions;
  /** Give up waiting after this many ms (the job itself keeps its course). */
  waitMs?: number;
}

/**
 * Enqueues `<integration>.<action>` and resolves with its `IntegrationResult` envelope once a
 * worker has run it: `action`, `action_error` or `validation_error`. Rejects with a
 * `WorkerError` (`job_failed`) when the job failed for another reason, after its retries.
 */
export async function enqueueAction<T extends ActionTypes, N extends keyof T & string>(
  target: ActionQueue<T>,
  qualifiedName: N,
  inputs: T[N]["input"],
  auth?: Record<string, unknown>,
  options: EnqueueOptions = {},
): Promise<IntegrationResult<T[N]["output"]>> {
  const jobId = options.job?.jobId ?? randomUUID();
  const outcome = target.waitFor(jobId, options.waitMs);
  try {
    await target.queue.add(
      qualifiedName,
      {
        inputs,
        ...(options.authRef === undefined ? { auth } : { auth_ref: options.authRef }),
      },
      { attempts: 3, backoff: { type: "exponential", delay: 1000 }, ...options.job, jobId },
    );
  } catch (error) {
    target.forget(jobId);
    throw error;
  }
  try {
    return (await outcome) as IntegrationResult<T[N]["output"]>;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // A validation_error fails its job for good; the reason is the envelope itself.
    if (reason.startsWith('{"version"')) return JSON.parse(reason) as IntegrationResult<never>;
    throw new WorkerError("job_failed", `${qualifiedName} (job ${jobId}): ${reason}`, {
      cause: error,
    });
  }
}

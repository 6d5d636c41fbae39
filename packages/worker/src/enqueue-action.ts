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

  /** Opens the queue `name` (`plugboard` by default) on `redis` (a URL or a connection). */
  constructor(redis: string | Redis, name = "plugboard") {
    const connection = typeof redis === "string" ? connectRedis(redis) : redis;
    this.#owned = typeof redis === "string" ? connection : undefined;
    this.queue = new Queue(name, { connection });
    // The events stream blocks on its connection: it gets one of its own.
    this.#blocking = connection.duplicate();
    this.events = new QueueEvents(name, { connection: this.#blocking });
    // Every job awaited at once listens on the events stream: thousands are expected.
    this.events.setMaxListeners(0);
    this.queue.setMaxListeners(0);
  }

  /** Resolves once both the queue and its events stream are connected. */
  async ready(): Promise<this> {
    await Promise.all([this.queue.waitUntilReady(), this.events.waitUntilReady()]);
    return this;
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
  const job = await target.queue.add(
    qualifiedName,
    {
      inputs,
      ...(options.authRef === undefined ? { auth } : { auth_ref: options.authRef }),
    },
    { attempts: 3, backoff: { type: "exponential", delay: 1000 }, ...options.job },
  );
  try {
    return (await job.waitUntilFinished(target.events, options.waitMs)) as IntegrationResult<
      T[N]["output"]
    >;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // A validation_error fails its job for good; the reason is the envelope itself.
    if (reason.startsWith('{"version"')) return JSON.parse(reason) as IntegrationResult<never>;
    throw new WorkerError("job_failed", `${qualifiedName} (job ${job.id}): ${reason}`, {
      cause: error,
    });
  }
}

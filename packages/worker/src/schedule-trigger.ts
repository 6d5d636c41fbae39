import type { Executor } from "@plugboard/server";
import type { Queue } from "bullmq";
import { WorkerError } from "./errors.ts";
import type { JobData } from "./job-data.ts";
import { triggerInfo } from "./trigger-info.ts";

/** Options of `scheduleTrigger`. */
export interface ScheduleOptions {
  inputs?: unknown;
  /**
   * A reference the workers' credential source resolves. Preferred over `auth` for schedules:
   * a scheduler's job template stays in Redis for as long as the schedule exists.
   */
  authRef?: string;
  /** Inline credentials, stored in the scheduler's job template. */
  auth?: Record<string, unknown>;
  /** Milliseconds between polls; the trigger's `polling_interval` by default. */
  every?: number;
  /** One schedule and one dedupe state per key; `<integration>.<trigger>` by default. */
  key?: string;
  /** Attempts of each poll (network errors and timeouts are retried with back-off); 3. */
  attempts?: number;
}

/**
 * Polls `<integration>.<trigger>` on a BullMQ job scheduler at its `polling_interval`: one poll
 * job per interval for the whole deployment, whichever worker takes it. Calling it again with
 * the same key updates the schedule. Returns the scheduler's id.
 */
export async function scheduleTrigger(
  queue: Queue,
  executor: Executor,
  qualifiedName: string,
  options: ScheduleOptions = {},
): Promise<string> {
  const info = triggerInfo(executor, qualifiedName);
  if (!info) {
    throw new WorkerError("unknown_operation", `unknown polling trigger "${qualifiedName}"`);
  }
  const key = options.key ?? qualifiedName;
  const data: JobData = {
    kind: "poll",
    inputs: options.inputs ?? {},
    state_key: key,
    ...(options.authRef === undefined ? {} : { auth_ref: options.authRef }),
    ...(options.auth === undefined ? {} : { auth: options.auth }),
  };
  await queue.upsertJobScheduler(
    key,
    { every: options.every ?? info.intervalMs },
    {
      name: qualifiedName,
      data,
      opts: {
        attempts: options.attempts ?? 3,
        backoff: { type: "exponential", delay: 1000 },
      },
    },
  );
  return key;
}

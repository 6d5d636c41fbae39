import { createHash } from "node:crypto";
import {
  type IntegrationResult,
  pollWithState,
  type TriggerState,
  type TriggerStateStore,
} from "@plugboard/sdk";
import type { Executor } from "@plugboard/server";
import { DelayedError, type Job, type Queue, UnrecoverableError } from "bullmq";
import type { CredentialSource } from "./credential-source.ts";
import { type JobData, jobCredentials } from "./job-data.ts";
import { classifyFailure } from "./job-outcome.ts";
import { triggerInfo } from "./trigger-info.ts";

/** What a completed poll job returns: counts only, the records go to the records queue. */
export interface PollSummary {
  delivered: number;
  seen: number;
  seeded: number;
}

/** What the processor needs besides the job. */
export interface ProcessorDeps {
  executor: Executor;
  credentials?: CredentialSource | undefined;
  store: TriggerStateStore;
  records: Queue;
}

/**
 * Holds back a poll's state write until its records are queued: the poll's dedupe runs against
 * the real state, then the records are added (with ids derived from the record, so adding twice
 * is harmless), then the state is stored. A crash in between delivers again, never loses.
 */
class StagedStore implements TriggerStateStore {
  staged:
    | { key: string; expected: number | undefined; state: TriggerState; unconditional?: boolean }
    | undefined;
  readonly #store: TriggerStateStore;

  constructor(store: TriggerStateStore) {
    this.#store = store;
  }

  get(key: string): Promise<TriggerState | undefined> {
    return this.#store.get(key);
  }

  /** Unused by `pollWithState` (this store has `compareAndSet`); stages an unconditional write. */
  async set(key: string, state: TriggerState): Promise<void> {
    this.staged = { key, expected: undefined, state, unconditional: true };
  }

  async compareAndSet(key: string, expected: number | undefined, state: TriggerState) {
    this.staged = { key, expected, state };
    return true;
  }
}

/** A records-queue job id for one record of one trigger: stable, and free of `:`. */
export function recordJobId(trigger: string, id: string): string {
  return createHash("sha256").update(`${trigger}\0${id}`).digest("hex").slice(0, 32);
}

async function poll(
  job: Job<JobData>,
  deps: ProcessorDeps,
  auth: Record<string, unknown> | undefined,
) {
  const info = triggerInfo(deps.executor, job.name);
  if (!info) throw new UnrecoverableError(`unknown polling trigger "${job.name}"`);
  const staged = new StagedStore(deps.store);
  const key = job.data.state_key ?? job.name;
  const trigger = job.name.slice(job.name.indexOf(".") + 1);
  const outcome = await pollWithState(
    key,
    trigger,
    info.dedupe,
    async (lastPollTs) => {
      const polled = await deps.executor.pollTrigger(job.name, {
        inputs: job.data.inputs ?? {},
        ...(auth === undefined ? {} : { auth }),
        lastPollTs,
      });
      // Records that fail their schema are the trigger's bug: polling again gets the same.
      if (polled.type !== "records") throw new UnrecoverableError(JSON.stringify(polled));
      return polled.records;
    },
    { store: staged },
  );
  if (outcome.delivered.length > 0) {
    await deps.records.addBulk(
      outcome.delivered.map((record) => ({
        name: job.name,
        data: { trigger: job.name, state_key: key, id: record.id, data: record.data },
        opts: { jobId: recordJobId(key, record.id) },
      })),
    );
  }
  const write = staged.staged;
  if (write && !write.unconditional && deps.store.compareAndSet) {
    if (!(await deps.store.compareAndSet(write.key, write.expected, write.state))) {
      // Another worker polled this trigger meanwhile: poll again against what it stored.
      throw new Error(`trigger state "${key}" changed during the poll; polling again`);
    }
  } else if (write) {
    await deps.store.set(write.key, write.state);
  }
  const summary: PollSummary = {
    delivered: outcome.delivered.length,
    seen: outcome.seen.length,
    seeded: outcome.seeded.length,
  };
  return summary;
}

/**
 * Runs one job in the runner and maps the outcome to BullMQ: `action` and `action_error`
 * complete the job with the envelope; `validation_error` fails it for good (its reason is the
 * envelope's JSON); a `RateLimitError` delays it by `retryAfter` without using an attempt;
 * network errors and timeouts fail the attempt (BullMQ retries with the job's back-off);
 * anything else fails for good with a one-line reason.
 */
export function createProcessor(deps: ProcessorDeps) {
  return async (job: Job<JobData>, token?: string): Promise<IntegrationResult | PollSummary> => {
    const auth = await jobCredentials(job.data, deps.credentials);
    try {
      if (job.data.kind === "poll") return await poll(job, deps, auth);
      const envelope = await deps.executor.executeAction(job.name, {
        inputs: job.data.inputs ?? {},
        ...(auth === undefined ? {} : { auth }),
      });
      if (envelope.type === "validation_error") {
        throw new UnrecoverableError(JSON.stringify(envelope));
      }
      return envelope;
    } catch (error) {
      if (error instanceof UnrecoverableError || error instanceof DelayedError) throw error;
      const failure = classifyFailure(error);
      if (failure.kind === "rate_limited") {
        await job.moveToDelayed(Date.now() + failure.retryAfterMs, token);
        throw new DelayedError(failure.reason);
      }
      if (failure.kind === "transient") throw new Error(failure.reason);
      throw new UnrecoverableError(failure.reason);
    }
  };
}

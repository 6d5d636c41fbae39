import { splitRecords } from "./dedupe.ts";
import { StateStoreError } from "./errors.ts";
import type { ExecuteOptions } from "./execution-deadline.ts";
import type { DedupeStrategy, TriggerState, TriggerStateStore } from "./trigger-state.ts";
import type { PollingRecord } from "./types.ts";
import { isObject } from "./utils.ts";

/** Options of `integration.poll`; `signal`/`timeout` bound the handler as for `executePollingTrigger`. */
export interface PollOptions extends ExecuteOptions {
  /** Where the trigger's state lives between polls (`MemoryStateStore`, `FileStateStore`…). */
  store: TriggerStateStore;
  /** The state key; `<integration>.<trigger>` by default. Add a suffix to keep one per account. */
  key?: string;
  /** `lastPollTs` for the handler instead of the stored one (`null`: as if never polled). */
  lastPollTs?: string | null;
  /** Deliver the first poll's records instead of only recording their ids (seed-on-enable). */
  deliverFirstPoll?: boolean;
  /** How many ids `unique` remembers; 100 by default. */
  window?: number;
  /** The clock, for the `lastPollTs` stored for the next poll; `new Date()` by default. */
  now?: () => Date;
}

/** One poll, its records split by the trigger's `dedupe` strategy. */
export interface PollOutcome<R = unknown> {
  /** Records to deliver: new since the earlier polls (every record without `dedupe`). */
  delivered: Array<PollingRecord<R>>;
  /** Records the handler returned that earlier polls already delivered or recorded. */
  seen: Array<PollingRecord<R>>;
  /** On the first poll, the records recorded without being delivered (seed-on-enable). */
  seeded: Array<PollingRecord<R>>;
  /** The trigger's `dedupe` strategy from config.json, if any. */
  dedupe: DedupeStrategy | undefined;
  /** The `lastPollTs` the handler was given. */
  lastPollTs: string | null;
  /** The state stored for the next poll. */
  state: TriggerState;
}

/** How many times a poll recomputes its dedupe when other polls of the same key write first. */
const MAX_WRITE_ATTEMPTS = 5;

async function readState(store: TriggerStateStore, key: string): Promise<TriggerState | undefined> {
  const state: unknown = await store.get(key);
  if (state === undefined || state === null) return undefined;
  if (!isObject(state) || typeof state.revision !== "number") {
    throw new StateStoreError(
      `Trigger state "${key}" is not trigger state (expected an object with a numeric "revision"); delete it to start over`,
      { code: "state_invalid", key },
    );
  }
  return state as unknown as TriggerState;
}

/**
 * Runs one poll with state: gives the handler the stored `lastPollTs`, splits its records by
 * `dedupe`, and stores what to remember. `run` is the validated poll (`executePollingTrigger`,
 * or a poll run elsewhere, as the queue worker runs it in the execution pool). `key` names the
 * state and `trigger` the trigger, for messages.
 */
export async function pollWithState<R>(
  key: string,
  trigger: string,
  dedupe: DedupeStrategy | undefined,
  run: (lastPollTs: string | null) => Promise<Array<PollingRecord<R>>>,
  options: PollOptions,
): Promise<PollOutcome<R>> {
  const { store } = options;
  let previous = await readState(store, key);
  const lastPollTs =
    options.lastPollTs !== undefined ? options.lastPollTs : (previous?.lastPollTs ?? null);
  const startedAt = (options.now?.() ?? new Date()).toISOString();
  const records = await run(lastPollTs);

  for (let attempt = 1; ; attempt++) {
    const seeding = previous === undefined && dedupe !== undefined && !options.deliverFirstPoll;
    const split = dedupe
      ? splitRecords(dedupe, records, previous, trigger, options.window)
      : { delivered: records, seen: [], memory: {} };
    const state: TriggerState = {
      revision: (previous?.revision ?? 0) + 1,
      lastPollTs: startedAt,
      ...split.memory,
    };
    const outcome: PollOutcome<R> = {
      delivered: seeding ? [] : split.delivered,
      seen: split.seen,
      seeded: seeding ? split.delivered : [],
      dedupe,
      lastPollTs,
      state,
    };
    if (!store.compareAndSet) {
      await store.set(key, state);
      return outcome;
    }
    if (await store.compareAndSet(key, previous?.revision, state)) return outcome;
    if (attempt === MAX_WRITE_ATTEMPTS) {
      throw new StateStoreError(
        `Trigger state "${key}" changed under ${attempt} attempts to store this poll's; too many polls of one trigger at once, poll it less often`,
        { code: "state_conflict", key },
      );
    }
    // Another poll of this key stored its state first: split again against what it stored.
    previous = await readState(store, key);
  }
}

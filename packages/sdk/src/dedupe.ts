import { ValidationError } from "./errors.ts";
import type { DedupeStrategy, TriggerState } from "./trigger-state.ts";
import type { PollingRecord } from "./types.ts";

/** What a strategy remembers of the records it saw. */
export type DedupeMemory = Pick<TriggerState, "ids" | "greatest" | "last">;

/** One poll's records split into those to deliver and those already seen, and what to remember. */
export interface DedupeSplit<R> {
  delivered: Array<PollingRecord<R>>;
  seen: Array<PollingRecord<R>>;
  memory: DedupeMemory;
}

/** How many ids `unique` remembers by default, as Pipedream does. */
export const DEFAULT_DEDUPE_WINDOW = 100;

const INTEGER = /^-?\d+$/;

function numericId(id: string, strategy: string, trigger: string): bigint | number {
  if (INTEGER.test(id)) return BigInt(id);
  const value = id.trim() === "" ? Number.NaN : Number(id);
  if (!Number.isFinite(value)) {
    throw new ValidationError(
      `Polling trigger "${trigger}" dedupes by "${strategy}" but returned the non-numeric id ${JSON.stringify(id)}; return numeric ids or use "unique"`,
      { code: "invalid_result", source: "output", value: id },
    );
  }
  return value;
}

function greater(a: bigint | number, b: bigint | number): boolean {
  // bigint and number compare exactly with `>` in JavaScript, mixed or not.
  return a > b;
}

/**
 * Splits records by Pipedream's semantics. `unique`: an id delivered within the last `window`
 * ids is seen. `greatest`: only ids greater than the largest of earlier polls are delivered.
 * `last`: records after the one whose id was last seen are delivered (all of them when that id
 * is not in this poll). Records are taken in the order the handler returned them; an id twice in
 * one poll is delivered once.
 */
export function splitRecords<R>(
  strategy: DedupeStrategy,
  records: Array<PollingRecord<R>>,
  previous: DedupeMemory | undefined,
  trigger: string,
  window: number = DEFAULT_DEDUPE_WINDOW,
): DedupeSplit<R> {
  const delivered: Array<PollingRecord<R>> = [];
  const seen: Array<PollingRecord<R>> = [];
  const inPoll = new Set<string>();
  const deliver = (record: PollingRecord<R>, isNew: boolean) => {
    const id = String(record.id);
    if (isNew && !inPoll.has(id)) delivered.push(record);
    else seen.push(record);
    inPoll.add(id);
  };

  if (strategy === "unique") {
    const ids = (previous?.ids ?? []).slice(-window);
    const known = new Set(ids);
    for (const record of records) {
      const id = String(record.id);
      deliver(record, !known.has(id));
      if (!known.has(id)) {
        known.add(id);
        ids.push(id);
      }
    }
    return { delivered, seen, memory: { ids: ids.slice(-window) } };
  }

  if (strategy === "greatest") {
    const before =
      previous?.greatest === undefined
        ? undefined
        : numericId(previous.greatest, strategy, trigger);
    let greatest = before;
    let greatestText = previous?.greatest;
    for (const record of records) {
      const id = String(record.id);
      const value = numericId(id, strategy, trigger);
      deliver(record, before === undefined || greater(value, before));
      if (greatest === undefined || greater(value, greatest)) {
        greatest = value;
        greatestText = id;
      }
    }
    return {
      delivered,
      seen,
      memory: greatestText === undefined ? {} : { greatest: greatestText },
    };
  }

  const lastSeen = previous?.last;
  const at = lastSeen === undefined ? -1 : records.findIndex((r) => String(r.id) === lastSeen);
  for (const [index, record] of records.entries()) deliver(record, index > at);
  const final = records.at(-1);
  const last = final === undefined ? lastSeen : String(final.id);
  return { delivered, seen, memory: last === undefined ? {} : { last } };
}

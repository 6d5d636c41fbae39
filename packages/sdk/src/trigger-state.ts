/** How a polling trigger drops records it already delivered, after Pipedream's `dedupe` option. */
export type DedupeStrategy = "unique" | "greatest" | "last";

/** What one trigger remembers between polls, stored as JSON under `<integration>.<trigger>`. */
export interface TriggerState {
  /** Increases by one on every write; what `compareAndSet` compares. */
  revision: number;
  /** When the previous poll started (ISO 8601), passed to the handler as `lastPollTs`. */
  lastPollTs: string | null;
  /** `unique`: the most recent ids delivered or seeded, oldest first, at most the window. */
  ids?: string[];
  /** `greatest`: the largest numeric id seen, as its decimal text. */
  greatest?: string;
  /** `last`: the id of the last record seen. */
  last?: string;
}

/**
 * Where trigger state lives between polls. A store is a JSON key-value map: `get`/`set` of one
 * `TriggerState` per key. `compareAndSet`, when a store has it, makes concurrent polls of one
 * key safe: the SDK writes with it and recomputes the dedupe when another poll wrote first.
 * A Redis store is `GET`/`SET` of the JSON text, and a small Lua script for `compareAndSet`.
 */
export interface TriggerStateStore {
  /** The state stored under `key`, or `undefined` when there is none. */
  get(key: string): Promise<TriggerState | undefined>;
  /** Stores `state` under `key`, replacing what was there. */
  set(key: string, state: TriggerState): Promise<void>;
  /**
   * Stores `state` only if the stored revision is still `expected` (`undefined`: no state yet);
   * resolves to whether it did.
   */
  compareAndSet?(key: string, expected: number | undefined, state: TriggerState): Promise<boolean>;
}

/** A `TriggerStateStore` in process memory: state lasts as long as the store object. */
export class MemoryStateStore implements TriggerStateStore {
  readonly #states = new Map<string, string>();

  /** The state stored under `key`, or `undefined`. */
  async get(key: string): Promise<TriggerState | undefined> {
    const text = this.#states.get(key);
    return text === undefined ? undefined : (JSON.parse(text) as TriggerState);
  }

  /** Stores `state` under `key` (as JSON text, so later changes to the object are not seen). */
  async set(key: string, state: TriggerState): Promise<void> {
    this.#states.set(key, JSON.stringify(state));
  }

  /** Stores `state` if the stored revision is still `expected`. */
  async compareAndSet(
    key: string,
    expected: number | undefined,
    state: TriggerState,
  ): Promise<boolean> {
    const current = await this.get(key);
    if (current?.revision !== expected) return false;
    await this.set(key, state);
    return true;
  }
}

import type { TriggerState, TriggerStateStore } from "@plugboard/sdk";
import type { Redis } from "ioredis";

/**
 * Replaces the state only when its stored revision is still the expected one ("" expects no
 * state yet): one atomic step in Redis, so two workers polling one trigger never both win.
 */
const COMPARE_AND_SET = `
local current = redis.call('GET', KEYS[1])
if current then
  local revision = cjson.decode(current).revision
  if ARGV[1] == '' or tonumber(ARGV[1]) ~= revision then return 0 end
elseif ARGV[1] ~= '' then
  return 0
end
redis.call('SET', KEYS[1], ARGV[2])
return 1
`;

/**
 * Polling-trigger state in Redis, one JSON string per `<integration>.<trigger>` key under
 * `prefix`, shared by every worker of a deployment: a record is delivered once across workers
 * and restarts. State is kept until deleted (it is what makes the next poll's dedupe work).
 */
export class RedisStateStore implements TriggerStateStore {
  readonly #redis: Redis;
  readonly #prefix: string;

  constructor(redis: Redis, options: { prefix?: string } = {}) {
    this.#redis = redis;
    this.#prefix = options.prefix ?? "plugboard:trigger-state:";
  }

  /** The state stored under `key`, or `undefined`. */
  async get(key: string): Promise<TriggerState | undefined> {
    const text = await this.#redis.get(this.#prefix + key);
    return text === null ? undefined : (JSON.parse(text) as TriggerState);
  }

  /** Stores `state` under `key`. */
  async set(key: string, state: TriggerState): Promise<void> {
    await this.#redis.set(this.#prefix + key, JSON.stringify(state));
  }

  /** Stores `state` if the stored revision is still `expected`, atomically. */
  async compareAndSet(
    key: string,
    expected: number | undefined,
    state: TriggerState,
  ): Promise<boolean> {
    const stored = await this.#redis.eval(
      COMPARE_AND_SET,
      1,
      this.#prefix + key,
      expected === undefined ? "" : String(expected),
      JSON.stringify(state),
    );
    return stored === 1;
  }
}

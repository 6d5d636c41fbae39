import { Redis, type RedisOptions } from "ioredis";
import { WorkerError } from "./errors.ts";

/**
 * Opens an ioredis connection from a URL: `redis://[user:password@]host[:port][/db]`,
 * `rediss://…` (TLS) or `unix:///path/to/redis.sock`. BullMQ's workers block on Redis, so
 * commands wait for a reconnect instead of failing (`maxRetriesPerRequest: null`).
 */
export function connectRedis(url: string, options: RedisOptions = {}): Redis {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new WorkerError(
      "invalid_redis_url",
      `--redis ${redactUrl(url)}: expected redis://host:port, rediss://host:port or unix:///path/to/redis.sock`,
    );
  }
  const shared: RedisOptions = { maxRetriesPerRequest: null, lazyConnect: false, ...options };
  if (parsed.protocol === "unix:") return new Redis({ ...shared, path: parsed.pathname });
  if (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:") {
    throw new WorkerError(
      "invalid_redis_url",
      `--redis ${redactUrl(url)}: unsupported scheme "${parsed.protocol}"; use redis://, rediss:// or unix://`,
    );
  }
  return new Redis(url, shared);
}

/** The URL with its password replaced, for messages: a Redis URL may carry credentials. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return url.replace(/\/\/[^@/]*@/, "//***@");
  }
}

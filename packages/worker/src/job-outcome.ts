/** What a failed run means for its job. */
export type Failure =
  | { kind: "rate_limited"; retryAfterMs: number; reason: string }
  | { kind: "transient"; reason: string }
  | { kind: "permanent"; reason: string };

/** `Retry-After` is capped so a hostile API cannot park a job for a year. */
const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

/** One line, no stack: what the worker logs and BullMQ stores as the failed reason. */
function oneLine(error: unknown): string {
  const e = error as { name?: unknown; message?: unknown };
  const name = typeof e?.name === "string" ? e.name : "Error";
  const message = typeof e?.message === "string" ? e.message : String(error);
  return `${name}: ${message.split("\n")[0]}`;
}

/**
 * Classifies what a run threw (the SDK's errors, or the execution pool's `ServerError` codes):
 * a rate limit waits for its `retryAfter` without using an attempt; network errors and
 * timeouts (of a request, or of the handler in the pool) are retried with back-off; anything
 * else (a bug, a 4xx `HTTPError`, a missing secret, a worker out of memory) fails for good.
 */
export function classifyFailure(error: unknown): Failure {
  const e = (error ?? {}) as { name?: unknown; code?: unknown; retryAfter?: unknown };
  const reason = oneLine(error);
  if (e.name === "RateLimitError" || e.code === "rate_limited") {
    const seconds = typeof e.retryAfter === "number" && e.retryAfter >= 0 ? e.retryAfter : 60;
    return {
      kind: "rate_limited",
      retryAfterMs: Math.min(seconds * 1000, MAX_RETRY_AFTER_MS),
      reason,
    };
  }
  if (e.name === "NetworkError" || e.code === "timeout" || e.code === "network_error") {
    return { kind: "transient", reason };
  }
  return { kind: "permanent", reason };
}

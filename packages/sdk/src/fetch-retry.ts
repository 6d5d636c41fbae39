/** Methods a server must treat as idempotent (RFC 9110 §9.2.2): replaying them is safe. */
const IDEMPOTENT = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"]);

// Failures before a connection existed: the request provably never left this process.
const NEVER_SENT = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EAI_NONAME",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/** The `code`s along an error's `cause` chain (ofetch wraps undici's error, which wraps the socket's). */
export function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  for (let e = error, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") codes.push(code);
  }
  return codes;
}

/** Whether a failed attempt never reached the network: safe to replay whatever the method. */
export function neverSent(error: unknown): boolean {
  return errorCodes(error).some((code) => NEVER_SENT.has(code));
}

/** How many retries a call gets and whether a failure that may have reached the server counts. */
export interface RetryPolicy {
  retries: number;
  /** Replaying is safe even when the request may have been received. */
  replayable: boolean;
}

/**
 * The retry policy of one call: idempotent methods are retried after any network failure,
 * others only when the request never left, unless `retry` opts the call in (or out).
 */
export function retryPolicy(
  method: string,
  retry: boolean | number | undefined,
  maxRetries: number,
): RetryPolicy {
  if (retry === false) return { retries: 0, replayable: false };
  if (retry === true) return { retries: maxRetries, replayable: true };
  if (typeof retry === "number") return { retries: Math.max(0, retry), replayable: true };
  return { retries: maxRetries, replayable: IDEMPOTENT.has(method) };
}

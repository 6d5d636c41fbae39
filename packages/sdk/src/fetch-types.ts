/** Options of `context.fetch`, mirroring the Python SDK's `fetch` keyword arguments. */
export interface FetchOptions {
  /** HTTP method; `GET` by default. */
  method?: string;
  /** Query parameters: objects and arrays are JSON-encoded, `null`/`undefined` dropped. */
  params?: Record<string, unknown>;
  /** A JSON body; sets `Content-Type: application/json`. */
  json?: unknown;
  /** A raw body; an object is url-encoded with `application/x-www-form-urlencoded`. */
  data?: unknown;
  /** Extra headers; an explicit `Authorization` wins over the injected bearer token. */
  headers?: Record<string, string>;
  /** The `Content-Type` of `data`. */
  contentType?: string;
  /**
   * Deadline of each attempt in seconds, from sending the request to the last byte of the
   * response; overrides `requestConfig.timeout`.
   */
  timeout?: number;
  /**
   * Whether a network failure may be retried. By default GET, HEAD, PUT, DELETE, OPTIONS and
   * TRACE are retried after any network failure, other methods (POST, PATCH…) only when the
   * request provably never left (connection refused, DNS failure, connect timeout). `true`
   * retries this call as an idempotent one (for APIs with idempotency keys), a number also sets
   * how many retries; `false` never retries.
   */
  retry?: boolean | number;
  /**
   * Follow a redirect to another origin instead of failing with `ResponseError`
   * (`redirect_refused`). The redirected request carries no credential: only `Accept`,
   * `Accept-Language` and `User-Agent` headers are kept, and no body is ever re-sent (a 307/308
   * of a request with a body is still refused). An `https` → `http` redirect is always refused.
   */
  allowCrossOriginRedirect?: boolean;
  /** Largest response body accepted, in bytes after decompression; overrides `requestConfig.maxResponseBytes`. */
  maxResponseBytes?: number;
}

/** What `context.fetch` resolves to. */
// biome-ignore lint/suspicious/noExplicitAny: handlers read API bodies whose shape only they know; `any` keeps that terse, and outputs are validated anyway.
export interface FetchResponse<T = any> {
  status: number;
  /** Response headers with lower-case names. */
  headers: Record<string, string>;
  /** Parsed JSON for a JSON content type, else the text; `null` for an empty 200/201/204. */
  data: T;
}

/** One HTTP attempt as reported to `onHttpCall`, secrets redacted. */
export interface HttpCall {
  method: string;
  /** The URL the handler asked for (before `originOverrides`), secrets redacted. */
  url: string;
  /** The response status, absent when the attempt got no response. */
  status?: number;
  durationMs: number;
  /** Why the attempt failed without a response (timeout, connection reset…). */
  error?: string;
}

/** Retry and timeout settings of an execution context. */
export interface RequestConfig {
  /** Retries after a network error or timeout (see `FetchOptions.retry`); 3 by default. */
  maxRetries?: number;
  /** Deadline of each attempt in seconds, the whole response body included; 30 by default. */
  timeout?: number;
  /** Largest response body accepted, in bytes after decompression; 50 MiB by default. */
  maxResponseBytes?: number;
  /** Milliseconds to wait before retry number `attempt` (1-based); 1 s, 2 s, 4 s… by default. */
  retryDelay?: (attempt: number) => number;
}

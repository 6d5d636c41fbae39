import type { FetchContext, FetchOptions as OfetchOptions } from "ofetch";
import { type ConnectionPool, loadHttp } from "./connection-pool.ts";
import { bearerToken } from "./credentials.ts";
import { HTTPError, NetworkError, RateLimitError } from "./errors.ts";
import { overrideOrigin, prepareRequest, withParams } from "./fetch-request.ts";
import { headersObject, parseBody, retryAfterSeconds } from "./fetch-response.ts";
import type { FetchOptions, FetchResponse, HttpCall } from "./fetch-types.ts";
import type { Logger } from "./logger.ts";
import type { Redactor } from "./redact.ts";

/** Everything `context.fetch` needs from its execution context. */
export interface FetchSettings {
  auth: Record<string, unknown> | undefined;
  maxRetries: number;
  timeoutSeconds: number;
  retryDelay: (attempt: number) => number;
  originOverrides: Record<string, string> | undefined;
  onHttpCall: ((call: HttpCall) => void) | undefined;
  redactor: Redactor;
  logger: Logger;
  /** The context's connections; closing it fails requests in flight. */
  pool: ConnectionPool;
}

/** `context.fetch`: the signature handlers call. */
export type ContextFetch = <T = FetchResponse["data"]>(
  url: string,
  options?: FetchOptions,
) => Promise<FetchResponse<T>>;

/** Default back-off before retry `attempt` (1-based): 1 s, 2 s, 4 s… */
export const defaultRetryDelay = (attempt: number): number => 1000 * 2 ** (attempt - 1);

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (isTimeout(error)) return "timed out";
  const cause = error.cause as { code?: string; message?: string } | undefined;
  const detail = cause?.code ?? cause?.message;
  return detail ? `${error.message} (${detail})` : error.message;
}

const TIMEOUT_CODES = new Set([
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "UND_ERR_CONNECT_TIMEOUT",
]);

function isTimeout(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && TIMEOUT_CODES.has(code)) return true;
  return error.cause !== undefined && error.cause !== error && isTimeout(error.cause);
}

/** Creates the `fetch` of one execution context: ofetch configured with auth, retries and hooks. */
export function createContextFetch(settings: FetchSettings): ContextFetch {
  const bearer = bearerToken(settings.auth);
  const { maxRetries, logger, pool } = settings;

  const report = (call: HttpCall) => {
    logger.debug("http call", { ...call });
    if (!settings.onHttpCall) return;
    try {
      settings.onHttpCall(call);
    } catch (error) {
      logger.warn("onHttpCall failed", { error: describe(error) });
    }
  };

  return async function fetch<T>(url: string, options: FetchOptions = {}) {
    const request = prepareRequest(withParams(url, options.params), options, bearer);
    const method = request.method;
    const shownUrl = settings.redactor.text(request.url);
    // Built on the error paths only: also hides the request's own Authorization value.
    const redactor = () =>
      settings.redactor.with(request.headers.Authorization ?? request.headers.authorization);
    const timeoutMs = (options.timeout ?? settings.timeoutSeconds) * 1000;
    let attempts = 0;
    let started = 0;
    let lastError: unknown;

    const ofetchOptions: OfetchOptions<"text"> = {
      method,
      headers: request.headers,
      body: request.body as OfetchOptions["body"],
      responseType: "text",
      // Statuses are turned into HTTPError below; with responses never failing inside ofetch,
      // its retry only sees requests without a response, which it reports as status 500.
      ignoreResponseError: true,
      retry: maxRetries,
      retryStatusCodes: [500],
      retryDelay: (context: FetchContext) =>
        settings.retryDelay(maxRetries - Number(context.options.retry ?? 0) + 1),
      onRequest() {
        attempts += 1;
        started = performance.now();
      },
      onRequestError(context) {
        lastError = context.error;
        // Once the context is closed, failing fast beats retrying against a destroyed pool.
        if (pool.closed) context.options.retry = false;
        const error = redactor().text(describe(context.error));
        report({ method, url: shownUrl, durationMs: performance.now() - started, error });
      },
      onResponse(context) {
        const durationMs = performance.now() - started;
        report({ method, url: shownUrl, status: context.response.status, durationMs });
      },
    };

    if (pool.closed) throw closedError(method, shownUrl, attempts);
    const { ofetch, Agent } = await loadHttp();
    ofetchOptions.dispatcher = pool.agent(Agent, timeoutMs);
    let response: Awaited<ReturnType<typeof ofetch.raw<string, "text">>>;
    try {
      response = await ofetch.raw(
        overrideOrigin(request.url, settings.originOverrides),
        ofetchOptions,
      );
    } catch (error) {
      if (pool.closed) throw closedError(method, shownUrl, attempts);
      const cause = lastError ?? (error as Error).cause ?? error;
      const timedOut = isTimeout(cause);
      const what = timedOut
        ? `timed out after ${timeoutMs / 1000} s`
        : redactor().text(describe(cause));
      const tries = attempts === 1 ? "1 attempt" : `${attempts} attempts`;
      throw new NetworkError(`[${method}] ${shownUrl}: no response after ${tries}: ${what}`, {
        code: timedOut ? "timeout" : "network_error",
        method,
        url: shownUrl,
        attempts,
      });
    }

    const status = response.status;
    const data = parseBody(status, response.headers.get("content-type"), response._data ?? "");
    if (status === 429) {
      const retryAfter = retryAfterSeconds(response.headers.get("retry-after"));
      throw new RateLimitError(
        `[${method}] ${shownUrl}: 429 ${response.statusText || "Too Many Requests"}; retry after ${retryAfter} s`,
        { method, url: shownUrl, status, retryAfter, responseData: redactor().deep(data) },
      );
    }
    if (status >= 400) {
      const excerpt = typeof data === "string" ? data : JSON.stringify(data);
      const tail = excerpt ? `: ${redactor().text(excerpt.slice(0, 300))}` : "";
      throw new HTTPError(`[${method}] ${shownUrl}: ${status} ${response.statusText}${tail}`, {
        method,
        url: shownUrl,
        status,
        responseData: redactor().deep(data),
      });
    }
    return { status, headers: headersObject(response.headers), data: data as T };
  };
}

function closedError(method: string, url: string, attempts: number): NetworkError {
  return new NetworkError(`[${method}] ${url}: the execution context is closed`, {
    code: "aborted",
    method,
    url,
    attempts,
  });
}

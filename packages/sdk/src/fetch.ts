import type { FetchOptions as OfetchOptions, FetchResponse as OfetchResponse } from "ofetch";
import { type ConnectionPool, loadHttp, PoolClosed } from "./connection-pool.ts";
import { bearerToken } from "./credentials.ts";
import { HTTPError, NetworkError, RateLimitError, ResponseError } from "./errors.ts";
import { Deadline, DeadlineExpired, readBody } from "./fetch-body.ts";
import { followRedirect, type Hop, REDIRECT_STATUSES } from "./fetch-redirect.ts";
import { overrideOrigin, prepareRequest, withParams } from "./fetch-request.ts";
import { decodeBody, headersObject, parseBody, retryAfterSeconds } from "./fetch-response.ts";
import { errorCodes, neverSent, retryPolicy } from "./fetch-retry.ts";
import type { FetchOptions, FetchResponse, HttpCall } from "./fetch-types.ts";
import type { Logger } from "./logger.ts";
import { headerSecrets, type Redactor } from "./redact.ts";

/** Everything `context.fetch` needs from its execution context. */
export interface FetchSettings {
  auth: Record<string, unknown> | undefined;
  maxRetries: number;
  timeoutSeconds: number;
  maxResponseBytes: number;
  retryDelay: (attempt: number) => number;
  originOverrides: Record<string, string> | undefined;
  onHttpCall: ((call: HttpCall) => void) | undefined;
  redactor: Redactor;
  logger: Logger;
  /** The context's connections; closing it fails requests in flight and back-offs. */
  pool: ConnectionPool;
}

/** `context.fetch`: the signature handlers call. */
export type ContextFetch = <T = FetchResponse["data"]>(
  url: string,
  options?: FetchOptions,
) => Promise<FetchResponse<T>>;

/** Default back-off before retry `attempt` (1-based): 1 s, 2 s, 4 s… */
export const defaultRetryDelay = (attempt: number): number => 1000 * 2 ** (attempt - 1);

/** Default `maxResponseBytes`: 50 MiB of decompressed body. */
export const DEFAULT_MAX_RESPONSE_BYTES = 50 * 1024 * 1024;

const TIMEOUT_CODES = new Set([
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "UND_ERR_CONNECT_TIMEOUT",
]);

function isTimeout(error: unknown): boolean {
  if (error instanceof DeadlineExpired) return true;
  return errorCodes(error).some((code) => TIMEOUT_CODES.has(code));
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (isTimeout(error)) return "timed out";
  let root: Error = error;
  while (root.cause instanceof Error && root.cause !== root) root = root.cause;
  const code = errorCodes(error).at(-1);
  const detail = code ?? (root !== error ? root.message : undefined);
  return detail ? `${error.message} (${detail})` : error.message;
}

type Raw = OfetchResponse<ReadableStream<Uint8Array>>;

/** Creates the `fetch` of one execution context: ofetch configured with auth, retries and hooks. */
export function createContextFetch(settings: FetchSettings): ContextFetch {
  const bearer = bearerToken(settings.auth);
  const { logger, pool, originOverrides } = settings;

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
    // Built on the error paths only: also hides the credentials in the request's own headers.
    let hiding: Redactor | undefined;
    const redactor = () => {
      hiding ??= settings.redactor.with(headerSecrets(request.headers));
      return hiding;
    };
    const timeoutMs = (options.timeout ?? settings.timeoutSeconds) * 1000;
    const maxBytes = options.maxResponseBytes ?? settings.maxResponseBytes;
    const policy = retryPolicy(method, options.retry, settings.maxRetries);
    const where = `[${method}] ${shownUrl}`;
    let attempts = 0;

    if (pool.closed) throw closedError(method, shownUrl, attempts);
    const { ofetch, Agent } = await loadHttp();
    // Checked again: the context may have closed while the HTTP modules loaded, and a request
    // on a fresh agent of a closed pool would outlive its context.
    if (pool.closed) throw closedError(method, shownUrl, attempts);
    const dispatcher = pool.agent(Agent, timeoutMs);

    const networkError = (cause: unknown) => {
      if (pool.closed) return closedError(method, shownUrl, attempts);
      const timedOut = isTimeout(cause);
      const what = timedOut
        ? `timed out after ${timeoutMs / 1000} s`
        : redactor().text(describe(cause));
      const tries = attempts === 1 ? "1 attempt" : `${attempts} attempts`;
      return new NetworkError(`${where}: no response after ${tries}: ${what}`, {
        code: timedOut ? "timeout" : "network_error",
        method,
        url: shownUrl,
        attempts,
      });
    };

    /** One hop, retried by `policy`: its response and the deadline still running on its body. */
    const send = async (hop: Hop): Promise<{ response: Raw; deadline: Deadline }> => {
      let retried = 0;
      for (;;) {
        attempts += 1;
        const started = performance.now();
        const deadline = new Deadline(timeoutMs);
        const hopUrl = settings.redactor.text(hop.url);
        try {
          const response = await deadline.race(
            ofetch.raw<ReadableStream<Uint8Array>, "stream">(
              overrideOrigin(hop.url, originOverrides),
              {
                method: hop.method,
                headers: hop.headers,
                body: hop.body as OfetchOptions["body"],
                dispatcher,
                redirect: "manual",
                responseType: "stream",
                // Statuses become HTTPError below; retries and redirects are decided here.
                ignoreResponseError: true,
                retry: false,
              },
            ),
          );
          const durationMs = performance.now() - started;
          report({ method: hop.method, url: hopUrl, status: response.status, durationMs });
          return { response, deadline };
        } catch (error) {
          deadline.clear();
          const durationMs = performance.now() - started;
          const shown = redactor().text(describe(error));
          report({ method: hop.method, url: hopUrl, durationMs, error: shown });
          if (pool.closed) throw closedError(method, shownUrl, attempts);
          if (retried >= policy.retries || !(policy.replayable || neverSent(error))) {
            throw networkError(error);
          }
          retried += 1;
          try {
            await pool.sleep(settings.retryDelay(retried));
          } catch (cut) {
            if (cut instanceof PoolClosed) throw closedError(method, shownUrl, attempts);
            throw cut;
          }
        }
      }
    };

    let hop: Hop = { url: request.url, method, headers: request.headers, body: request.body };
    for (let redirects = 0; ; redirects += 1) {
      const { response, deadline } = await send(hop);
      const status = response.status;
      const location = response.headers.get("location");
      if (REDIRECT_STATUSES.has(status) && location !== null) {
        deadline.clear();
        response.body?.cancel().catch(() => {});
        const outcome = followRedirect(hop, status, location, {
          allowCrossOrigin: options.allowCrossOriginRedirect === true,
          overrides: originOverrides,
          redactor: redactor(),
          redirects,
        });
        if ("refused" in outcome) {
          throw new ResponseError(`${where}: refused ${outcome.refused}`, {
            code: outcome.code,
            method,
            url: shownUrl,
            status,
          });
        }
        hop = outcome.next;
        continue;
      }
      const responseError = (code: ResponseError["code"], what: string) =>
        new ResponseError(`${where}: ${status} response ${what}`, {
          code,
          method,
          url: shownUrl,
          status,
        });
      let bytes: Uint8Array | undefined;
      try {
        const declared = Number(response.headers.get("content-length") ?? Number.NaN);
        const encoded = response.headers.has("content-encoding");
        if (!encoded && declared > maxBytes) response.body?.cancel().catch(() => {});
        else bytes = await readBody(response.body, maxBytes, deadline);
      } catch (error) {
        throw networkError(error);
      } finally {
        deadline.clear();
      }
      if (bytes === undefined) {
        throw responseError(
          "response_too_large",
          `body exceeds ${maxBytes} bytes (decompressed); raise maxResponseBytes if it is expected`,
        );
      }
      const contentType = response.headers.get("content-type");
      const failed = status >= 400;
      const decoded = decodeBody(bytes, contentType);
      if ("problem" in decoded && !failed) {
        throw responseError("undecodable_body", `body has ${decoded.problem} (${contentType})`);
      }
      // An error status is reported whatever its body; a mangled body beats losing the status.
      const text = "text" in decoded ? decoded.text : new TextDecoder().decode(bytes);
      const parsed = parseBody(status, contentType, text);
      if ("problem" in parsed && !failed) {
        throw responseError(
          "invalid_json",
          `body under ${contentType} is ${redactor().text(parsed.problem)}`,
        );
      }
      const data = "data" in parsed ? parsed.data : text;
      if (status === 429) {
        const retryAfter = retryAfterSeconds(response.headers.get("retry-after"));
        throw new RateLimitError(
          `${where}: 429 ${response.statusText || "Too Many Requests"}; retry after ${retryAfter} s`,
          { method, url: shownUrl, status, retryAfter, responseData: redactor().deep(data) },
        );
      }
      if (failed) {
        const excerpt = typeof data === "string" ? data : JSON.stringify(data);
        // Redacted whole, then cut: a cut first could split a secret and let most of it through.
        const tail = excerpt ? `: ${redactor().text(excerpt).slice(0, 300)}` : "";
        throw new HTTPError(`${where}: ${status} ${response.statusText}${tail}`, {
          method,
          url: shownUrl,
          status,
          responseData: redactor().deep(data),
        });
      }
      return { status, headers: headersObject(response.headers), data: data as T };
    }
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

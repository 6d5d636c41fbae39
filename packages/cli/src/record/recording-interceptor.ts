import type { HttpInterceptor } from "@plugboard/sdk";

/** One exchange as it crossed the wire, before it is redacted and written down. */
export interface RawExchange {
  /** The order the request was sent in, from 0: exchanges complete in any order. */
  sequence: number;
  method: string;
  /** The origin the request went to (after `--origin` overrides). */
  origin: string;
  /** Path and query string. */
  path: string;
  requestHeaders: Record<string, string>;
  requestBody: Buffer;
  status: number;
  responseHeaders: Record<string, string>;
  /** The body as received, before any `Content-Encoding` is undone. */
  responseBody: Buffer;
}

type Dispatch = Parameters<HttpInterceptor>[0];
type DispatchOptions = Parameters<Dispatch>[0];
type DispatchHandler = Parameters<Dispatch>[1];

function headerRecord(headers: DispatchOptions["headers"]): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  if (Array.isArray(headers)) {
    for (let at = 0; at + 1 < headers.length; at += 2) {
      out[String(headers[at]).toLowerCase()] = String(headers[at + 1]);
    }
    return out;
  }
  const entries =
    Symbol.iterator in headers
      ? [...(headers as Iterable<[string, string | string[] | undefined]>)]
      : Object.entries(headers);
  for (const [name, value] of entries) {
    if (value !== undefined) {
      out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : String(value);
    }
  }
  return out;
}

function rawHeaderRecord(raw: Buffer[] | string[] | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (let at = 0; raw && at + 1 < raw.length; at += 2) {
    const name = String(raw[at]).toLowerCase();
    const value = String(raw[at + 1]);
    out[name] = out[name] === undefined ? value : `${out[name]}, ${value}`;
  }
  return out;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<Uint8Array | string> {
  return typeof value === "object" && value !== null && Symbol.asyncIterator in value;
}

/**
 * An undici interceptor that hands each completed exchange to `record`, whatever its origin:
 * request bodies are teed as undici sends them, response bytes as they arrive. Failed
 * requests (no response) are not recorded.
 */
export function recordingInterceptor(record: (exchange: RawExchange) => void): HttpInterceptor {
  let sent = 0;
  return (dispatch) => (options, handler) => {
    const sequence = sent++;
    const requestChunks: Buffer[] = [];
    let body = options.body;
    if (typeof body === "string" || body instanceof Uint8Array) {
      requestChunks.push(Buffer.from(body));
    } else if (isAsyncIterable(body)) {
      const source = body;
      // undici's fetch sends bodies as an async iterable: pass every chunk on, keeping a copy.
      body = (async function* tee() {
        for await (const chunk of source) {
          requestChunks.push(Buffer.from(chunk));
          yield chunk;
        }
      })() as unknown as typeof body;
    }
    let status = 0;
    let responseHeaders: Record<string, string> = {};
    const responseChunks: Buffer[] = [];
    const wrapped: DispatchHandler = {
      onConnect: (...args) => handler.onConnect?.(...args),
      onError: (...args) => handler.onError?.(...args),
      onUpgrade: (...args) => handler.onUpgrade?.(...args),
      onResponseStarted: () => handler.onResponseStarted?.(),
      onBodySent: (...args) => handler.onBodySent?.(...args),
      onHeaders(statusCode, headers, resume, statusText) {
        status = statusCode;
        responseHeaders = rawHeaderRecord(headers);
        return handler.onHeaders?.(statusCode, headers, resume, statusText) ?? true;
      },
      onData(chunk) {
        responseChunks.push(Buffer.from(chunk));
        return handler.onData?.(chunk) ?? true;
      },
      onComplete(trailers) {
        try {
          record({
            sequence,
            method: options.method,
            origin: new URL(String(options.origin)).origin,
            path: options.path,
            requestHeaders: headerRecord(options.headers),
            requestBody: Buffer.concat(requestChunks),
            status,
            responseHeaders,
            responseBody: Buffer.concat(responseChunks),
          });
        } finally {
          handler.onComplete?.(trailers);
        }
      },
    };
    return dispatch({ ...options, body }, wrapped);
  };
}

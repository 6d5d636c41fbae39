import { createServer, type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the server received, decoded for assertions. */
export interface RecordedRequest {
  method: string;
  /** The path without the query string, e.g. `/v1/pages/abc`. */
  path: string;
  /** Query parameters; a repeated key becomes an array. */
  query: Record<string, string | string[]>;
  headers: IncomingHttpHeaders;
  /** The body parsed as JSON when it is JSON, else the raw text (`""` when empty). */
  body: unknown;
  rawBody: string;
  /** The body's bytes as received. */
  bodyBytes: Buffer;
}

/** What the server answers: a JSON body unless `raw` is given. */
export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** A body sent as is (no JSON encoding), e.g. an HTML error page (text as UTF-8) or bytes. */
  raw?: string | Uint8Array;
  /** Close the connection without answering, as a crashed server or a reset network does. */
  reset?: boolean;
}

/** Computes a reply from the request; may throw to answer 500. */
export type Responder = (request: RecordedRequest) => Reply | Promise<Reply>;

/** Replies keyed by `"METHOD /path"`; a list is served in order, its last entry repeating. */
export type Routes = Record<string, Reply | Responder | Array<Reply | Responder>>;

/** Options of `startRecordingServer`. */
export interface RecordingServerOptions {
  /** Answers every request no route matches; without it such a request gets a JSON 404. */
  fallback?: Responder;
}

/** A running recording server. */
export interface RecordingServer {
  /** `http://127.0.0.1:<port>`, the value to put in `originOverrides`. */
  origin: string;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  /** The requests received for one `"METHOD /path"` key. */
  requestsTo(key: string): RecordedRequest[];
  /** Stops the server; calling it again is harmless. */
  close(): Promise<void>;
}

function parseQuery(search: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of search) {
    const previous = query[key];
    if (previous === undefined) query[key] = value;
    else query[key] = Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return query;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function decodeBody(raw: string, contentType: string | undefined): unknown {
  if (raw === "" || !contentType?.includes("json")) return raw;
  return JSON.parse(raw);
}

/**
 * Starts a `node:http` server on 127.0.0.1, port 0, that answers from `routes`, records every
 * request, and answers 404 with a JSON body naming the unknown route (or asks `fallback`).
 */
export async function startRecordingServer(
  routes: Routes,
  options: RecordingServerOptions = {},
): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  const served = new Map<string, number>();
  const server = createServer(async (incoming, outgoing) => {
    const url = new URL(incoming.url ?? "/", "http://127.0.0.1");
    const bodyBytes = await readBody(incoming);
    const rawBody = bodyBytes.toString("utf8");
    const recorded: RecordedRequest = {
      method: incoming.method ?? "GET",
      path: decodeURIComponent(url.pathname),
      query: parseQuery(url.searchParams),
      headers: incoming.headers,
      body: decodeBody(rawBody, incoming.headers["content-type"]),
      rawBody,
      bodyBytes,
    };
    requests.push(recorded);
    const key = `${recorded.method} ${recorded.path}`;
    const route = routes[key];
    let reply: Reply;
    try {
      if (route === undefined && options.fallback) {
        reply = await options.fallback(recorded);
      } else if (route === undefined) {
        reply = { status: 404, body: { error: `test server has no route for ${key}` } };
      } else {
        const count = served.get(key) ?? 0;
        served.set(key, count + 1);
        const entry = Array.isArray(route) ? route[Math.min(count, route.length - 1)] : route;
        reply = typeof entry === "function" ? await entry(recorded) : (entry ?? {});
      }
    } catch (error) {
      reply = { status: 500, body: { error: String(error) } };
    }
    if (reply.reset) {
      incoming.socket.destroy();
      return;
    }
    const text = reply.raw ?? (reply.body === undefined ? "" : JSON.stringify(reply.body));
    const headers: Record<string, string> = { ...reply.headers };
    if (reply.raw === undefined && reply.body !== undefined) {
      headers["content-type"] ??= "application/json; charset=utf-8";
    }
    outgoing.writeHead(reply.status ?? 200, headers);
    outgoing.end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    requestsTo: (key) => requests.filter((r) => `${r.method} ${r.path}` === key),
    close: () => {
      // Idempotent, so an afterEach hook may close a server a test already closed.
      closing ??= new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      });
      return closing;
    },
  };
}

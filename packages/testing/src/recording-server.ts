import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";

/** One request the server received, decoded for assertions. */
export interface RecordedRequest {
  method: string;
  /** The request target as received, undecoded: path and query, e.g. `/v1/pages/abc?x=1`. */
  url: string;
  /** The path without the query string, e.g. `/v1/pages/abc`. */
  path: string;
  /** Query parameters; a repeated key becomes an array. */
  query: Record<string, string | string[]>;
  headers: IncomingHttpHeaders;
  /** The body parsed when it is valid JSON under a JSON content type, else the raw text (`""` when empty). */
  body: unknown;
  rawBody: string;
  /** The body's bytes as received. */
  bodyBytes: Buffer;
}

/** What the server answers: a JSON body unless `raw` is given, or what `handle` writes. */
export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** A body sent as is (no JSON encoding), e.g. an HTML error page (text as UTF-8) or bytes. */
  raw?: string | Uint8Array;
  /** Close the connection without answering, as a crashed server or a reset network does. */
  reset?: boolean;
  /**
   * Answers by hand instead of the fields above (give it alone; it is awaited): write the head,
   * stream or stall a body, destroy the socket, or return without answering, which `close()` then
   * cuts off. If it throws, the server answers 500 naming the error, or destroys the socket once
   * the head is sent.
   */
  handle?: (response: ServerResponse) => unknown;
}

const CANNED: ReadonlyArray<keyof Reply> = ["status", "headers", "body", "raw", "reset"];

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
  /** Stops the server, cutting requests still open (unanswered or streaming); idempotent. */
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
  try {
    return JSON.parse(raw);
  } catch {
    // Malformed JSON is what some tests send on purpose: keep it as text for their assertions.
    return raw;
  }
}

async function answerByHand(reply: Reply, key: string, outgoing: ServerResponse): Promise<void> {
  const conflicting = CANNED.filter((field) => reply[field] !== undefined);
  try {
    if (conflicting.length > 0) {
      throw new Error(
        `the reply for ${key} has handle and ${conflicting.join(", ")}: handle answers alone, drop the others`,
      );
    }
    await reply.handle?.(outgoing);
  } catch (error) {
    if (outgoing.headersSent) outgoing.destroy();
    else sendReply({ status: 500, body: { error: String(error) } }, outgoing);
  }
}

function sendReply(reply: Reply, outgoing: ServerResponse): void {
  const text = reply.raw ?? (reply.body === undefined ? "" : JSON.stringify(reply.body));
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.raw === undefined && reply.body !== undefined) {
    headers["content-type"] ??= "application/json; charset=utf-8";
  }
  outgoing.writeHead(reply.status ?? 200, headers);
  outgoing.end(text);
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
  const serve = async (incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> => {
    const url = new URL(incoming.url ?? "/", "http://127.0.0.1");
    const bodyBytes = await readBody(incoming);
    const rawBody = bodyBytes.toString("utf8");
    const recorded: RecordedRequest = {
      method: incoming.method ?? "GET",
      url: incoming.url ?? "/",
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
    if (reply.handle) await answerByHand(reply, key, outgoing);
    else if (reply.reset) incoming.socket.destroy();
    else sendReply(reply, outgoing);
  };
  const server = createServer((incoming, outgoing) => {
    serve(incoming, outgoing).catch((error: unknown) => {
      // A client gone mid-upload fails the body read: nothing is left to answer then.
      if (outgoing.headersSent || incoming.socket.destroyed) incoming.socket.destroy();
      else sendReply({ status: 500, body: { error: String(error) } }, outgoing);
    });
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

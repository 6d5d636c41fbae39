import { type Fixture, type FixtureExchange, loadFixture } from "./fixture.ts";
import {
  type RecordedRequest,
  type RecordingServer,
  type Reply,
  startRecordingServer,
} from "./recording-server.ts";

/** A fixture being served: pass `originOverrides` to the SDK's `ExecutionContext`. */
export interface FixtureReplay {
  /** Each recorded API origin mapped to the local server replaying it. */
  originOverrides: Record<string, string>;
  /** The local servers by recorded origin, with the requests they received. */
  servers: Record<string, RecordingServer>;
  /** Exchanges no request has replayed yet, as `"METHOD url"`. */
  unused(): string[];
  /** Stops every server. */
  close(): Promise<void>;
}

const REDACTED = "[REDACTED]";

function queryMatches(recorded: URLSearchParams, request: RecordedRequest): boolean {
  const keys = new Set([...recorded.keys(), ...Object.keys(request.query)]);
  for (const key of keys) {
    const want = recorded.getAll(key);
    const got = request.query[key];
    const values = got === undefined ? [] : Array.isArray(got) ? got : [got];
    // A redacted parameter matches any value: the test runs with other credentials.
    if (want.length === 1 && want[0] === REDACTED && values.length === 1) continue;
    if (want.join("\u0000") !== values.join("\u0000")) return false;
  }
  return true;
}

function replyOf(exchange: FixtureExchange): Reply {
  const { status, headers, body, bodyEncoding } = exchange.response;
  const kept = Object.fromEntries(
    Object.entries(headers).filter(
      ([name]) => !["content-length", "content-encoding", "transfer-encoding"].includes(name),
    ),
  );
  if (body === null || body === undefined) return { status, headers: kept, raw: "" };
  // Served byte for byte as recorded: base64 decoded to bytes, text as UTF-8, JSON compact.
  if (bodyEncoding === "base64")
    return { status, headers: kept, raw: Buffer.from(String(body), "base64") };
  if (bodyEncoding === "text") return { status, headers: kept, raw: String(body) };
  if (bodyEncoding === "json") return { status, headers: kept, raw: JSON.stringify(body) };
  const json = kept["content-type"]?.includes("json") ?? false;
  if (typeof body === "string" && !json) return { status, headers: kept, raw: body };
  if (body === null || body === undefined) return { status, headers: kept, raw: "" };
  return { status, headers: kept, body };
}

/**
 * Serves a recorded fixture (a file path or the parsed object) from one local `node:http`
 * server per recorded origin, so a test runs a handler on real payloads offline. A request
 * is answered by the first unused exchange with its method, path and query (redacted query
 * parameters match any value); one that matches none gets a 404 naming it.
 */
export async function replayFixture(source: string | URL | Fixture): Promise<FixtureReplay> {
  const fixture =
    typeof source === "object" && "exchanges" in source ? source : await loadFixture(source);
  const used = new Set<number>();
  const servers: Record<string, RecordingServer> = {};
  const origins = [
    ...new Set(fixture.exchanges.map((exchange) => new URL(exchange.request.url).origin)),
  ];
  for (const origin of origins) {
    servers[origin] = await startRecordingServer(
      {},
      {
        fallback: (request) => {
          const index = fixture.exchanges.findIndex((exchange, at) => {
            if (used.has(at) || exchange.request.method !== request.method) return false;
            const url = new URL(exchange.request.url);
            return (
              url.origin === origin &&
              decodeURIComponent(url.pathname) === request.path &&
              queryMatches(url.searchParams, request)
            );
          });
          const exchange = fixture.exchanges[index];
          if (!exchange) {
            return {
              status: 404,
              body: {
                error: `the fixture has no unused exchange for ${request.method} ${origin}${request.path}; record it again with plugboard run … --record`,
              },
            };
          }
          used.add(index);
          return replyOf(exchange);
        },
      },
    );
  }
  return {
    originOverrides: Object.fromEntries(
      Object.entries(servers).map(([origin, server]) => [origin, server.origin]),
    ),
    servers,
    unused: () =>
      fixture.exchanges
        .filter((_, index) => !used.has(index))
        .map((exchange) => `${exchange.request.method} ${exchange.request.url}`),
    close: async () => {
      await Promise.all(Object.values(servers).map((server) => server.close()));
    },
  };
}

import { type RecordingServer, type Routes, startRecordingServer } from "@plugboard/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  ExecutionContext,
  type ExecutionContextOptions,
  HTTPError,
  type HttpCall,
  NetworkError,
  RateLimitError,
} from "../src/index.ts";

let server: RecordingServer;
const contexts: ExecutionContext[] = [];

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
  await server?.close();
});

/** Starts this test's server. */
async function serve(routes: Routes): Promise<void> {
  server = await startRecordingServer(routes);
}

const ok = { body: { ok: true } };
const json = { "content-type": "application/json" };
/** Never answers; `close()` cuts the request off. */
const hang = { handle: () => {} };

function context(options: ExecutionContextOptions = {}): ExecutionContext {
  const created = new ExecutionContext({
    ...options,
    requestConfig: { retryDelay: () => 5, timeout: 2, ...options.requestConfig },
  });
  contexts.push(created);
  return created;
}

describe("response bodies", () => {
  it("parses JSON, returns status and lower-case headers", async () => {
    await serve({
      "GET /items": { status: 201, headers: { ...json, "X-Request-Id": "abc" }, body: { id: 7 } },
    });
    const response = await context().fetch(`${server.origin}/items`);
    expect(response.status).toBe(201);
    expect(response.data).toEqual({ id: 7 });
    expect(response.headers["x-request-id"]).toBe("abc");
    expect(response.headers["content-type"]).toBe("application/json");
  });

  it("returns text for other content types", async () => {
    await serve({ "GET /text": { headers: { "content-type": "text/plain" }, raw: "hello" } });
    expect((await context().fetch(`${server.origin}/text`)).data).toBe("hello");
  });

  it.each([200, 201, 204])("returns null for an empty %i", async (status) => {
    await serve({ "GET /empty": { status, headers: json } });
    const response = await context().fetch(`${server.origin}/empty`);
    expect(response).toMatchObject({ status, data: null });
  });

  it("reads a large body whole", async () => {
    const items = Array.from({ length: 50_000 }, (_, i) => ({ i, name: `item-${i}` }));
    await serve({ "GET /big": { body: { items } } });
    // The deadline covers the whole body: generous, for a busy machine.
    const response = await context({ requestConfig: { timeout: 60 } }).fetch(
      `${server.origin}/big`,
    );
    expect(response.data.items).toHaveLength(50_000);
    expect(response.data.items[49_999]).toEqual({ i: 49_999, name: "item-49999" });
  });

  it("sends a large body whole", async () => {
    const text = "x".repeat(3_000_000);
    await serve({ "POST /upload": ok });
    // The deadline covers the upload too: generous, for a busy machine.
    await context({ requestConfig: { timeout: 60 } }).fetch(`${server.origin}/upload`, {
      method: "POST",
      json: { text },
    });
    expect(JSON.parse(server.requests[0]?.rawBody ?? "").text).toHaveLength(3_000_000);
  });
});

describe("request encoding", () => {
  it("sends json with application/json", async () => {
    await serve({ "POST /a": ok });
    await context().fetch(`${server.origin}/a`, { method: "post", json: { n: 1, tags: ["x"] } });
    const request = server.requests[0];
    expect(request?.method).toBe("POST");
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request?.rawBody ?? "")).toEqual({ n: 1, tags: ["x"] });
  });

  it("url-encodes an object given as form data", async () => {
    await serve({ "POST /form": ok });
    await context().fetch(`${server.origin}/form`, {
      method: "POST",
      data: { name: "A B", q: "x&y" },
      contentType: "application/x-www-form-urlencoded",
    });
    const request = server.requests[0];
    expect(request?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(request?.rawBody).toBe("name=A+B&q=x%26y");
  });

  it("sends string data as given", async () => {
    await serve({ "PUT /raw": ok });
    await context().fetch(`${server.origin}/raw`, {
      method: "PUT",
      data: "<xml/>",
      contentType: "application/xml",
    });
    expect(server.requests[0]?.rawBody).toBe("<xml/>");
    expect(server.requests[0]?.headers["content-type"]).toBe("application/xml");
  });

  it("encodes params: objects as JSON, nulls dropped, & when the URL has a query", async () => {
    await serve({ "GET /search": ok });
    await context().fetch(`${server.origin}/search?page=2`, {
      params: {
        q: "a b",
        filter: { state: "open" },
        ids: [1, 2],
        none: null,
        gone: undefined,
        n: 3,
      },
    });
    const query = server.requests[0]?.query;
    expect(query?.page).toBe("2");
    expect(query?.q).toBe("a b");
    expect(query?.filter).toBe('{"state":"open"}');
    expect(query?.ids).toBe("[1,2]");
    expect(query?.n).toBe("3");
    expect(query).not.toHaveProperty("none");
    expect(query).not.toHaveProperty("gone");
  });
});

describe("auth injection", () => {
  const token = "tok-PLATFORM-123456";
  beforeEach(() => serve({ "GET /me": ok }));

  it("injects a bearer token for PlatformOauth2 and for wrapped credentials without auth_type", async () => {
    await context({
      auth: { auth_type: "PlatformOauth2", credentials: { access_token: token } },
    }).fetch(`${server.origin}/me`);
    await context({ auth: { credentials: { access_token: token } } }).fetch(`${server.origin}/me`);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([
      `Bearer ${token}`,
      `Bearer ${token}`,
    ]);
  });

  it("lets an explicit Authorization header win", async () => {
    const ctx = context({
      auth: { auth_type: "PlatformOauth2", credentials: { access_token: token } },
    });
    await ctx.fetch(`${server.origin}/me`, { headers: { authorization: "Token mine" } });
    expect(server.requests[0]?.headers.authorization).toBe("Token mine");
  });

  it.each(["ApiKey", "Basic", "Custom"])("injects nothing for %s", async (authType) => {
    await context({ auth: { auth_type: authType, credentials: { access_token: token } } }).fetch(
      `${server.origin}/me`,
    );
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
  });

  it("injects nothing for flat credentials", async () => {
    await context({ auth: { api_key: "k-12345" } }).fetch(`${server.origin}/me`);
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
  });
});

describe("HTTP errors", () => {
  it("throws HTTPError with the parsed body for a 4xx, without retrying", async () => {
    await serve({ "POST /items": { status: 422, body: { error: "title missing" } } });
    const error = await context()
      .fetch(`${server.origin}/items`, { method: "POST", json: {} })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HTTPError);
    expect(error).toMatchObject({
      status: 422,
      responseData: { error: "title missing" },
      method: "POST",
    });
    expect((error as Error).message).toContain(`[POST] ${server.origin}/items: 422`);
    expect(server.requests).toHaveLength(1);
  });

  it("does not retry a burst of 5xx: each call fails once with HTTPError", async () => {
    await serve({ "GET /flaky": { status: 503, body: { error: "down" } } });
    const ctx = context();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => ctx.fetch(`${server.origin}/flaky`).catch((e: unknown) => e)),
    );
    for (const result of results) expect(result).toMatchObject({ name: "HTTPError", status: 503 });
    expect(server.requests).toHaveLength(5);
  });

  it("recovers when a 5xx burst ends", async () => {
    const failure = { status: 500, body: {} };
    await serve({ "GET /x": [failure, failure, failure, { body: { ok: 3 } }] });
    const ctx = context();
    const outcomes: unknown[] = [];
    for (let i = 0; i < 4; i += 1) {
      outcomes.push(
        await ctx.fetch(`${server.origin}/x`).then(
          (r) => r.status,
          (e: HTTPError) => e.status,
        ),
      );
    }
    expect(outcomes).toEqual([500, 500, 500, 200]);
  });

  it("throws RateLimitError with Retry-After in seconds, not retried", async () => {
    await serve({
      "GET /x": { status: 429, headers: { "retry-after": "17" }, body: { error: "slow" } },
    });
    const error = await context()
      .fetch(`${server.origin}/x`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toBeInstanceOf(HTTPError);
    expect(error).toMatchObject({ status: 429, retryAfter: 17, responseData: { error: "slow" } });
    expect(server.requests).toHaveLength(1);
  });

  it("reads Retry-After as an HTTP date", async () => {
    const date = new Date(Date.now() + 120_000).toUTCString();
    await serve({ "GET /x": { status: 429, headers: { "retry-after": date }, body: {} } });
    const error = (await context()
      .fetch(`${server.origin}/x`)
      .catch((e: unknown) => e)) as RateLimitError;
    expect(error.retryAfter).toBeGreaterThanOrEqual(118);
    expect(error.retryAfter).toBeLessThanOrEqual(120);
  });

  it("uses 60 seconds when Retry-After is absent", async () => {
    await serve({ "GET /x": { status: 429, body: {} } });
    const error = (await context()
      .fetch(`${server.origin}/x`)
      .catch((e: unknown) => e)) as RateLimitError;
    expect(error.retryAfter).toBe(60);
  });
});

describe("network failures", () => {
  it("retries a reset connection with back-off, then names method and URL", async () => {
    await serve({ "DELETE /reset": { reset: true } });
    const delays: number[] = [];
    const ctx = context({
      // maxRetries left at its default, 3.
      requestConfig: {
        retryDelay: (attempt) => {
          delays.push(attempt);
          return 1;
        },
      },
    });
    const error = await ctx
      .fetch(`${server.origin}/reset`, { method: "DELETE" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: "network_error", method: "DELETE", attempts: 4 });
    expect((error as Error).message).toContain(`[DELETE] ${server.origin}/reset`);
    expect(delays).toEqual([1, 2, 3]);
    expect(server.requests).toHaveLength(4);
  });

  it("succeeds when a retry gets through", async () => {
    await serve({ "GET /eventually": [{ reset: true }, { reset: true }, { body: { i: 2 } }] });
    const response = await context().fetch(`${server.origin}/eventually`);
    expect(response.data).toEqual({ i: 2 });
  });

  it("times out on a server that never answers, retrying each attempt with its own deadline", async () => {
    await serve({ "GET /hang": hang });
    const ctx = context({ requestConfig: { maxRetries: 1, timeout: 0.2 } });
    const started = performance.now();
    const error = await ctx.fetch(`${server.origin}/hang`).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "NetworkError", code: "timeout", attempts: 2 });
    expect((error as Error).message).toMatch(/timed out after 0\.2 s/);
    expect(server.requests).toHaveLength(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(380);
  });

  it("times out on a body that stalls after the headers", async () => {
    await serve({
      "GET /stall": {
        handle: (res) => {
          res.writeHead(200, { "content-type": "application/json" });
          res.write('{"items": [');
        },
      },
    });
    const error = await context({ requestConfig: { maxRetries: 0, timeout: 0.2 } })
      .fetch(`${server.origin}/stall`)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "NetworkError", code: "timeout" });
  });

  it("uses the per-call timeout over the context's", async () => {
    await serve({ "GET /hang": hang });
    const error = await context({ requestConfig: { maxRetries: 0, timeout: 30 } })
      .fetch(`${server.origin}/hang`, { timeout: 0.1 })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "timeout", attempts: 1 });
  });

  it("aborts in-flight requests on close() and refuses new ones", async () => {
    let arrived: () => void = () => {};
    const received = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    await serve({ "GET /hang": { handle: () => arrived() } });
    const ctx = context({ requestConfig: { timeout: 10 } });
    const pending = ctx.fetch(`${server.origin}/hang`).catch((e: unknown) => e);
    await received;
    await ctx.close();
    expect(await pending).toMatchObject({ name: "NetworkError", code: "aborted" });
    expect(await ctx.fetch(`${server.origin}/x`).catch((e: unknown) => e)).toMatchObject({
      code: "aborted",
    });
    expect(server.requests).toHaveLength(1);
  });

  it("uses the default 1 s, 2 s, 4 s back-off when none is given", async () => {
    const { defaultRetryDelay } = await import("../src/index.ts");
    expect([1, 2, 3].map(defaultRetryDelay)).toEqual([1000, 2000, 4000]);
  });
});

describe("originOverrides and onHttpCall", () => {
  it("sends requests for an overridden origin to the test server, keeping path and query", async () => {
    await serve({ "GET /v1/pages/abc": ok });
    const calls: HttpCall[] = [];
    const ctx = context({
      originOverrides: { "https://api.notion.com": server.origin },
      onHttpCall: (call) => calls.push(call),
    });
    const response = await ctx.fetch("https://api.notion.com/v1/pages/abc?x=1", {
      params: { y: 2 },
    });
    expect(response.status).toBe(200);
    expect(server.requests[0]?.url).toBe("/v1/pages/abc?x=1&y=2");
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      method: "GET",
      url: "https://api.notion.com/v1/pages/abc?x=1&y=2",
      status: 200,
    });
    expect(calls[0]?.durationMs).toBeGreaterThan(0);
  });

  it("does not override an origin that merely shares a prefix", async () => {
    await serve({ "GET /same": ok });
    const ctx = context({ originOverrides: { "http://127.0.0.1:1": "http://127.0.0.1:9" } });
    const response = await ctx.fetch(`${server.origin}/same`);
    expect(response.status).toBe(200);
  });

  it("reports every attempt, failed ones with their error", async () => {
    await serve({ "GET /twice": [{ reset: true }, { status: 404, body: {} }] });
    const calls: HttpCall[] = [];
    const ctx = context({ onHttpCall: (call) => calls.push(call) });
    await ctx.fetch(`${server.origin}/twice`).catch(() => {});
    expect(calls).toHaveLength(2);
    expect(calls[0]?.status).toBeUndefined();
    expect(calls[0]?.error).toBeTruthy();
    expect(calls[1]).toMatchObject({ status: 404 });
  });
});

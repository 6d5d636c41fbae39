import { createServer } from "node:net";
import { type RecordingServer, type Routes, startRecordingServer } from "@plugboard/testing";
import { afterEach, describe, expect, it } from "vitest";
import {
  ExecutionContext,
  type ExecutionContextOptions,
  type HttpCall,
  NetworkError,
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

/** Closes the connection once the request (body included) has arrived, without answering. */
const reset = { reset: true };

function context(options: ExecutionContextOptions = {}): ExecutionContext {
  const created = new ExecutionContext({
    ...options,
    requestConfig: { retryDelay: () => 5, timeout: 30, ...options.requestConfig },
  });
  contexts.push(created);
  return created;
}

/** An origin on which nothing listens: connections are refused, so requests never leave. */
async function refusingOrigin(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return `http://127.0.0.1:${port}`;
}

describe("non-idempotent methods are not replayed once sent", () => {
  it.each(["POST", "PATCH"])(
    "sends a %s once when the connection is reset after the body arrived",
    async (method) => {
      await serve({ [`${method} /charge`]: reset });
      const error = await context()
        .fetch(`${server.origin}/charge`, { method, json: { amount: 100 } })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NetworkError);
      expect(error).toMatchObject({ code: "network_error", attempts: 1 });
      expect(server.requests).toHaveLength(1);
      expect(server.requests[0]?.rawBody).toBe('{"amount":100}');
    },
  );

  it("sends a POST once when it times out waiting for the response", async () => {
    await serve({ "POST /ticket": { handle: () => {} } });
    const error = await context({ requestConfig: { timeout: 0.2 } })
      .fetch(`${server.origin}/ticket`, { method: "POST", json: { title: "t" } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "NetworkError", code: "timeout", attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it("retries a POST whose connection was refused: it never left", async () => {
    const origin = await refusingOrigin();
    const calls: HttpCall[] = [];
    const error = await context({ onHttpCall: (call) => calls.push(call) })
      .fetch(`${origin}/charge`, { method: "POST", json: { amount: 100 } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "NetworkError", code: "network_error", attempts: 4 });
    expect(calls.map((c) => c.error)).toEqual(
      Array(4).fill(expect.stringContaining("ECONNREFUSED")),
    );
  });

  it("retries a POST when the handler opts in with retry: true", async () => {
    await serve({ "POST /idempotent": [reset, reset, { status: 201, body: { i: 2 } }] });
    const response = await context().fetch(`${server.origin}/idempotent`, {
      method: "POST",
      json: { n: 1 },
      headers: { "Idempotency-Key": "abc-123" },
      retry: true,
    });
    expect(response).toMatchObject({ status: 201, data: { i: 2 } });
    expect(server.requests).toHaveLength(3);
  });

  it("takes a number of retries for the call", async () => {
    await serve({ "POST /x": reset });
    const error = await context()
      .fetch(`${server.origin}/x`, { method: "POST", retry: 1 })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ attempts: 2 });
    expect(server.requests).toHaveLength(2);
  });
});

describe("idempotent methods", () => {
  it.each(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"])(
    "retries a %s after a reset, as before",
    async (method) => {
      await serve({ [`${method} /x`]: reset });
      const error = await context()
        .fetch(`${server.origin}/x`, { method })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ name: "NetworkError", attempts: 4 });
      expect(server.requests).toHaveLength(4);
    },
  );

  it("does not retry a GET with retry: false", async () => {
    await serve({ "GET /x": reset });
    const error = await context()
      .fetch(`${server.origin}/x`, { retry: false })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });
});

describe("close() during a back-off", () => {
  it("settles the pending fetch at once instead of after the back-off", async () => {
    await serve({ "GET /x": reset });
    let failedOnce: () => void = () => {};
    const firstFailure = new Promise<void>((resolve) => {
      failedOnce = resolve;
    });
    // A 10-minute back-off: the fetch can only settle promptly if close() cuts it short.
    const ctx = context({
      requestConfig: { retryDelay: () => 600_000 },
      onHttpCall: () => failedOnce(),
    });
    const pending = ctx.fetch(`${server.origin}/x`).catch((e: unknown) => e);
    await firstFailure;
    await ctx.close();
    const outcome = await Promise.race([
      pending,
      new Promise((resolve) => setTimeout(() => resolve("still waiting"), 10_000).unref()),
    ]);
    expect(outcome).toMatchObject({ name: "NetworkError", code: "aborted", attempts: 1 });
    expect(server.requests).toHaveLength(1);
  }, 20_000);

  it("also settles when the context's signal aborts", async () => {
    await serve({ "GET /x": reset });
    const controller = new AbortController();
    let failedOnce: () => void = () => {};
    const firstFailure = new Promise<void>((resolve) => {
      failedOnce = resolve;
    });
    const ctx = context({
      requestConfig: { retryDelay: () => 600_000 },
      onHttpCall: () => failedOnce(),
      signal: controller.signal,
    });
    const pending = ctx.fetch(`${server.origin}/x`).catch((e: unknown) => e);
    await firstFailure;
    controller.abort();
    const outcome = await Promise.race([
      pending,
      new Promise((resolve) => setTimeout(() => resolve("still waiting"), 10_000).unref()),
    ]);
    expect(outcome).toMatchObject({ name: "NetworkError", code: "aborted" });
    expect(ctx.closed).toBe(true);
  }, 20_000);
});

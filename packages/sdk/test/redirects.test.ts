import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ExecutionContext, type ExecutionContextOptions, ResponseError } from "../src/index.ts";
import { sendJson, startServer, type TestServer } from "./server.ts";

const API_KEY = "k-live-REDIRECT-5e8f1a";

// Two servers on two ports: two origins.
let api: TestServer;
let other: TestServer;
const contexts: ExecutionContext[] = [];

beforeAll(async () => {
  [api, other] = await Promise.all([startServer(), startServer()]);
});
afterAll(() => Promise.all([api.close(), other.close()]));
afterEach(async () => {
  api.requests.length = 0;
  other.requests.length = 0;
  other.respond((_r, res) => sendJson(res, 200, { landed: true }));
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});

function context(options: ExecutionContextOptions = {}): ExecutionContext {
  const created = new ExecutionContext({
    auth: { auth_type: "Custom", credentials: { api_key: API_KEY } },
    requestConfig: { retryDelay: () => 5, timeout: 30 },
    ...options,
  });
  contexts.push(created);
  return created;
}

function redirectTo(status: number, location: () => string): void {
  api.respond((r, res) => {
    if (r.url.startsWith("/final")) return sendJson(res, 200, { same: true, method: r.method });
    res.writeHead(status, { location: location() });
    res.end();
  });
}

const credentialHeaders = {
  "X-API-Key": API_KEY,
  "X-Custom-Auth": "custom-credential-value",
  Authorization: `Token ${API_KEY}`,
  Cookie: "session=abcdef123456",
  Accept: "application/json",
};

describe("redirects to another origin", () => {
  it.each([301, 302, 303, 307, 308])(
    "refuses a %i by default, and the other origin receives nothing",
    async (status) => {
      redirectTo(status, () => `${other.origin}/steal`);
      const error = await context()
        .fetch(`${api.origin}/start`, {
          method: "POST",
          json: { api_key: API_KEY },
          headers: credentialHeaders,
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ResponseError);
      expect(error).toMatchObject({ code: "redirect_refused", status, method: "POST" });
      expect((error as Error).message).toContain("another origin");
      expect((error as Error).message).toContain("allowCrossOriginRedirect");
      expect(other.requests).toHaveLength(0);
    },
  );

  it.each([301, 302, 303])(
    "when allowed, follows a %i as a GET with no credential header and no body",
    async (status) => {
      redirectTo(status, () => `${other.origin}/landing`);
      const response = await context().fetch(`${api.origin}/start`, {
        method: "POST",
        json: { api_key: API_KEY },
        headers: credentialHeaders,
        allowCrossOriginRedirect: true,
      });
      expect(response.data).toEqual({ landed: true });
      const received = other.requests[0];
      expect(received?.method).toBe("GET");
      expect(received?.body).toBe("");
      expect(received?.headers.accept).toBe("application/json");
      for (const name of [
        "x-api-key",
        "x-custom-auth",
        "authorization",
        "cookie",
        "content-type",
      ]) {
        expect(received?.headers[name]).toBeUndefined();
      }
      expect(JSON.stringify(received)).not.toContain(API_KEY);
    },
  );

  it.each([307, 308])(
    "when allowed, still refuses a %i that would re-send the body",
    async (status) => {
      redirectTo(status, () => `${other.origin}/steal`);
      const error = await context()
        .fetch(`${api.origin}/start`, {
          method: "POST",
          json: { api_key: API_KEY },
          allowCrossOriginRedirect: true,
        })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ name: "ResponseError", code: "redirect_refused" });
      expect((error as Error).message).toContain("re-send the request body");
      expect(other.requests).toHaveLength(0);
    },
  );

  it("when allowed, follows a 307 of a GET without its credential headers", async () => {
    redirectTo(307, () => `${other.origin}/landing`);
    await context().fetch(`${api.origin}/start`, {
      headers: credentialHeaders,
      allowCrossOriginRedirect: true,
    });
    expect(other.requests[0]?.headers["x-api-key"]).toBeUndefined();
    expect(other.requests[0]?.headers.authorization).toBeUndefined();
    expect(other.requests[0]?.headers["x-custom-auth"]).toBeUndefined();
  });

  it("keeps the credential out of the error when the Location carries it", async () => {
    redirectTo(302, () => `${other.origin}/x?key=${API_KEY}`);
    const error = await context()
      .fetch(`${api.origin}/start`)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "redirect_refused" });
    expect(JSON.stringify({ ...(error as object), m: (error as Error).message })).not.toContain(
      API_KEY,
    );
  });
});

describe("redirects within the origin", () => {
  it("follows a 307 with method, body and credential headers, as before", async () => {
    redirectTo(307, () => "/final");
    const response = await context().fetch(`${api.origin}/start`, {
      method: "POST",
      json: { n: 1 },
      headers: { "X-API-Key": API_KEY },
    });
    expect(response.data).toEqual({ same: true, method: "POST" });
    const final = api.requests[1];
    expect(final?.body).toBe('{"n":1}');
    expect(final?.headers["x-api-key"]).toBe(API_KEY);
  });

  it("turns a POST into a GET without body on a 302", async () => {
    redirectTo(302, () => `${api.origin}/final`);
    const response = await context().fetch(`${api.origin}/start`, {
      method: "POST",
      json: { n: 1 },
    });
    expect(response.data).toEqual({ same: true, method: "GET" });
    expect(api.requests[1]?.body).toBe("");
    expect(api.requests[1]?.headers["content-type"]).toBeUndefined();
  });

  it("gives up after 20 redirects", async () => {
    api.respond((_r, res) => {
      res.writeHead(302, { location: "/again" });
      res.end();
    });
    const error = await context()
      .fetch(`${api.origin}/start`)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ResponseError", code: "too_many_redirects" });
    expect(api.requests).toHaveLength(21);
  });
});

describe("https → http", () => {
  it("never follows a downgrade, even when cross-origin redirects are allowed", async () => {
    // The https API is served by the test server through originOverrides.
    api.respond((_r, res) => {
      res.writeHead(301, { location: "http://api.example.invalid/plain" });
      res.end();
    });
    const ctx = context({ originOverrides: { "https://api.example.invalid": api.origin } });
    const error = await ctx
      .fetch("https://api.example.invalid/start", { allowCrossOriginRedirect: true })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ResponseError", code: "redirect_refused" });
    expect((error as Error).message).toContain("downgrade");
    expect(api.requests).toHaveLength(1);
  });

  it("follows an absolute Location on the test origin as the same origin", async () => {
    api.respond((r, res) => {
      if (r.url === "/final") return sendJson(res, 200, { ok: true });
      res.writeHead(302, { location: `${api.origin}/final` });
      res.end();
    });
    const ctx = context({ originOverrides: { "https://api.example.invalid": api.origin } });
    const response = await ctx.fetch("https://api.example.invalid/start");
    expect(response.data).toEqual({ ok: true });
  });
});

import {
  type RecordingServer,
  type Responder,
  type Routes,
  startRecordingServer,
} from "@plugboard/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ExecutionContext, type ExecutionContextOptions, ResponseError } from "../src/index.ts";

const API_KEY = "k-live-REDIRECT-5e8f1a";

// Two servers on two ports: two origins. `other` lands whatever reaches it.
let api: RecordingServer;
let other: RecordingServer;
const contexts: ExecutionContext[] = [];

beforeEach(async () => {
  other = await startRecordingServer({}, { fallback: () => ({ body: { landed: true } }) });
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
  await Promise.all([api?.close(), other.close()]);
});

/** Starts this test's API server, answering from `routes` or else `fallback`. */
async function serveApi(routes: Routes, fallback?: Responder): Promise<void> {
  api = await startRecordingServer(routes, fallback ? { fallback } : {});
}

function context(options: ExecutionContextOptions = {}): ExecutionContext {
  const created = new ExecutionContext({
    auth: { auth_type: "Custom", credentials: { api_key: API_KEY } },
    requestConfig: { retryDelay: () => 5, timeout: 30 },
    ...options,
  });
  contexts.push(created);
  return created;
}

/** Serves the API: `/final…` answers with the method it got, any other path redirects. */
function redirectTo(status: number, location: () => string): Promise<void> {
  return serveApi({}, (r) =>
    r.path.startsWith("/final")
      ? { body: { same: true, method: r.method } }
      : { status, headers: { location: location() } },
  );
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
      await redirectTo(status, () => `${other.origin}/steal`);
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
      await redirectTo(status, () => `${other.origin}/landing`);
      const response = await context().fetch(`${api.origin}/start`, {
        method: "POST",
        json: { api_key: API_KEY },
        headers: credentialHeaders,
        allowCrossOriginRedirect: true,
      });
      expect(response.data).toEqual({ landed: true });
      const received = other.requests[0];
      expect(received?.method).toBe("GET");
      expect(received?.rawBody).toBe("");
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
      await redirectTo(status, () => `${other.origin}/steal`);
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
    await redirectTo(307, () => `${other.origin}/landing`);
    await context().fetch(`${api.origin}/start`, {
      headers: credentialHeaders,
      allowCrossOriginRedirect: true,
    });
    expect(other.requests[0]?.headers["x-api-key"]).toBeUndefined();
    expect(other.requests[0]?.headers.authorization).toBeUndefined();
    expect(other.requests[0]?.headers["x-custom-auth"]).toBeUndefined();
  });

  it("keeps the credential out of the error when the Location carries it", async () => {
    await redirectTo(302, () => `${other.origin}/x?key=${API_KEY}`);
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
    await redirectTo(307, () => "/final");
    const response = await context().fetch(`${api.origin}/start`, {
      method: "POST",
      json: { n: 1 },
      headers: { "X-API-Key": API_KEY },
    });
    expect(response.data).toEqual({ same: true, method: "POST" });
    const final = api.requests[1];
    expect(final?.rawBody).toBe('{"n":1}');
    expect(final?.headers["x-api-key"]).toBe(API_KEY);
  });

  it("turns a POST into a GET without body on a 302", async () => {
    await redirectTo(302, () => `${api.origin}/final`);
    const response = await context().fetch(`${api.origin}/start`, {
      method: "POST",
      json: { n: 1 },
    });
    expect(response.data).toEqual({ same: true, method: "GET" });
    expect(api.requests[1]?.rawBody).toBe("");
    expect(api.requests[1]?.headers["content-type"]).toBeUndefined();
  });

  it("gives up after 20 redirects", async () => {
    const again = { status: 302, headers: { location: "/again" } };
    await serveApi({ "GET /start": again, "GET /again": again });
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
    await serveApi({
      "GET /start": { status: 301, headers: { location: "http://api.example.invalid/plain" } },
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
    await serveApi({
      "GET /start": () => ({ status: 302, headers: { location: `${api.origin}/final` } }),
      "GET /final": { body: { ok: true } },
    });
    const ctx = context({ originOverrides: { "https://api.example.invalid": api.origin } });
    const response = await ctx.fetch("https://api.example.invalid/start");
    expect(response.data).toEqual({ ok: true });
  });
});

import { type RecordingServer, type Routes, startRecordingServer } from "@plugboard/testing";
import { afterEach, describe, expect, it } from "vitest";
import { ActionError, ExecutionContext, type HttpCall, Integration } from "../src/index.ts";
import { sampleConfig } from "./fixtures.ts";

// 27 characters, as in the report that found 26 of them surviving the 300-character cut.
const SECRET = "sk-live-CUT-4d9e2b7a1c3f5e8";

let server: RecordingServer;
afterEach(() => server?.close());

/** Starts this test's server. */
async function serve(routes: Routes): Promise<void> {
  server = await startRecordingServer(routes);
}

/** Everything an error exposes: message, stack, own enumerable properties and cause. */
function exposed(error: unknown): string {
  const e = error as Error & Record<string, unknown>;
  return [e.message, e.stack, JSON.stringify({ ...e }), String(e.cause ?? "")].join("\n");
}

describe("excerpts are cut after redaction", () => {
  it("leaves no fragment of a secret that straddles the 300-character cut", async () => {
    await serve({
      "GET /x": {
        status: 400,
        headers: { "content-type": "text/plain" },
        raw: `${"e".repeat(290)}${SECRET} trailing`,
      },
    });
    const context = new ExecutionContext({ auth: { api_key: SECRET } });
    const error = await context.fetch(`${server.origin}/x`).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "HTTPError", status: 400 });
    expect(exposed(error)).not.toContain(SECRET.slice(0, 10));
    await context.close();
  });
});

describe("Authorization values", () => {
  it("hides a Basic credential the server echoes, encoded or decoded", async () => {
    const user = "acct-user-42";
    const password = "hunter2-PASSWORD-9c1d";
    const basic = Buffer.from(`${user}:${password}`).toString("base64");
    await serve({
      "GET /me": (request) => {
        const echoed = request.headers.authorization?.split(" ")[1] ?? "";
        return {
          status: 401,
          body: {
            error: `bad credentials ${echoed}`,
            decoded: Buffer.from(echoed, "base64").toString(),
          },
        };
      },
    });
    const calls: HttpCall[] = [];
    const lines: string[] = [];
    const log = (message: string, fields?: unknown) =>
      lines.push(`${message} ${JSON.stringify(fields)}`);
    // Credentials not in the context: the handler builds the header from somewhere else.
    const context = new ExecutionContext({
      onHttpCall: (call) => calls.push(call),
      logger: { debug: log, info: log, warn: log, error: log },
    });
    const error = await context
      .fetch(`${server.origin}/me`, { headers: { Authorization: `Basic ${basic}` } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "HTTPError", status: 401 });
    const everything = [
      exposed(error),
      JSON.stringify((error as { responseData: unknown }).responseData),
    ].join("\n");
    expect(everything).toContain("[REDACTED]");
    for (const leaked of [basic, password, `${user}:${password}`]) {
      expect(everything).not.toContain(leaked);
    }
    await context.close();
  });

  it("hides a bearer token a handler obtained itself", async () => {
    const session = "sess-OBTAINED-AT-LOGIN-77aa";
    await serve({
      "GET /me": (request) => ({
        status: 403,
        body: { seen: request.headers.authorization?.slice(7) },
      }),
    });
    const context = new ExecutionContext();
    const error = await context
      .fetch(`${server.origin}/me`, { headers: { authorization: `Bearer ${session}` } })
      .catch((e: unknown) => e);
    expect(exposed(error)).not.toContain(session);
    expect(JSON.stringify((error as { responseData: unknown }).responseData)).not.toContain(
      session,
    );
    await context.close();
  });
});

describe("numeric credentials", () => {
  it("hides a numeric credential in messages and in parsed bodies", async () => {
    const pin = 83920174;
    await serve({ "GET /x": { status: 401, body: { error: `pin ${pin} refused`, pin } } });
    const context = new ExecutionContext({ auth: { account_id: "acme", pin } });
    const error = await context.fetch(`${server.origin}/x`).catch((e: unknown) => e);
    expect(exposed(error)).not.toContain(String(pin));
    expect((error as { responseData: unknown }).responseData).toEqual({
      error: "pin [REDACTED] refused",
      pin: "[REDACTED]",
    });
    expect(context.redact(`pin=${pin}`)).toBe("pin=[REDACTED]");
    await context.close();
  });
});

describe("action_error envelopes", () => {
  it("redacts a credential an ActionError message carries", async () => {
    const integration = new Integration(sampleConfig()).action("create_issue", async () => {
      throw new ActionError(`The API said: key ${SECRET} is revoked`, { cost_usd: 0.01 });
    });
    const context = new ExecutionContext({ auth: { api_key: SECRET } });
    const result = await integration.executeAction("create_issue", { title: "t" }, context);
    expect(result).toEqual({
      version: "2.0.0",
      type: "action_error",
      result: { message: "The API said: key [REDACTED] is revoked", cost_usd: 0.01 },
    });
  });
});

describe("redactValue", () => {
  it("keeps an own __proto__ key a key, never a prototype", () => {
    const context = new ExecutionContext({ auth: { api_key: SECRET } });
    const value = JSON.parse(`{"__proto__": {"polluted": "${SECRET}"}, "a": "${SECRET}"}`);
    const copy = context.redactValue(value) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(copy.polluted).toBeUndefined();
    expect(Object.keys(copy)).toEqual(["__proto__", "a"]);
    expect(Object.getOwnPropertyDescriptor(copy, "__proto__")?.value).toEqual({
      polluted: "[REDACTED]",
    });
  });

  it("redacts at any depth and keeps key order", () => {
    const context = new ExecutionContext({ auth: { api_key: SECRET } });
    let deep: unknown = { secret: SECRET };
    for (let i = 0; i < 1000; i += 1) deep = { next: deep };
    const copy = context.redactValue({ z: 1, a: deep, m: [SECRET] });
    expect(JSON.stringify(copy)).not.toContain(SECRET);
    expect(Object.keys(copy)).toEqual(["z", "a", "m"]);
  });

  it("redacts an error in a log line, keeping its class", () => {
    const lines: unknown[] = [];
    const log = (_message: string, fields?: unknown) => lines.push(fields);
    const context = new ExecutionContext({
      auth: { api_key: SECRET },
      logger: { debug: log, info: log, warn: log, error: log },
    });
    context.logger.error("failed", { error: new TypeError(`bad ${SECRET}`) });
    const error = (lines[0] as { error: Error }).error;
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe("bad [REDACTED]");
    expect(error.stack).not.toContain(SECRET);
  });
});

import { type RecordingServer, type Routes, startRecordingServer } from "@plugboard/testing";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ExecutionContext, type HttpCall, Integration, type Logger } from "../src/index.ts";
import { sampleConfig } from "./fixtures.ts";

const SECRET = "sk-live-SECRET-7f3a9b2c";
const TOKEN = "ya29.PLATFORM-TOKEN-5d1e";

let server: RecordingServer;
afterEach(() => server?.close());

/** Starts this test's server. */
async function serve(routes: Routes): Promise<void> {
  server = await startRecordingServer(routes);
}

/** Everything an error exposes: message, stack, own enumerable properties and cause. */
function exposed(error: unknown): string {
  const e = error as Error & Record<string, unknown>;
  const props = Object.fromEntries(Object.entries(e));
  return [e.message, e.stack, JSON.stringify(props), String(e.cause ?? "")].join("\n");
}

function recordingLogger(lines: string[]): Logger {
  const write = (message: string, fields?: unknown) =>
    lines.push(`${message} ${JSON.stringify(fields ?? {})}`);
  return { debug: write, info: write, warn: write, error: write };
}

describe("no secret leaks", () => {
  it("keeps credentials out of HTTP errors, logs and onHttpCall, even when the API echoes them", async () => {
    await serve({
      "GET /me": (request) => ({
        status: 401,
        body: {
          error: `bad key ${SECRET}`,
          echoed: request.headers.authorization,
          url: request.url,
        },
      }),
    });
    const lines: string[] = [];
    const calls: HttpCall[] = [];
    const context = new ExecutionContext({
      auth: { auth_type: "Custom", credentials: { api_key: SECRET } },
      logger: recordingLogger(lines),
      onHttpCall: (call) => calls.push(call),
      requestConfig: { retryDelay: () => 1 },
    });
    const error = await context
      .fetch(`${server.origin}/me`, {
        params: { key: SECRET },
        headers: { Authorization: `Bearer ${SECRET}` },
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "HTTPError", status: 401 });
    // The request itself did carry the secret: the redaction is what is under test.
    expect(server.requests.at(-1)?.url).toContain(encodeURIComponent(SECRET));
    const everything = [exposed(error), JSON.stringify(calls), ...lines].join("\n");
    expect(everything).toContain("[REDACTED]");
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toContain(encodeURIComponent(SECRET));
  });

  it("keeps the platform token and Authorization header out of network errors and reports", async () => {
    await serve({ "GET /x": { reset: true } });
    const lines: string[] = [];
    const calls: HttpCall[] = [];
    const context = new ExecutionContext({
      auth: { auth_type: "PlatformOauth2", credentials: { access_token: TOKEN } },
      logger: recordingLogger(lines),
      onHttpCall: (call) => calls.push(call),
      requestConfig: { maxRetries: 1, retryDelay: () => 1 },
    });
    const error = await context.fetch(`${server.origin}/x?token=${TOKEN}`).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "NetworkError" });
    expect(server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    const everything = [exposed(error), JSON.stringify(calls), ...lines].join("\n");
    expect(calls.length).toBe(2);
    expect(everything).not.toContain(TOKEN);
  });

  it("keeps credentials out of a serialised or inspected context", async () => {
    const { inspect } = await import("node:util");
    const context = new ExecutionContext({
      auth: { auth_type: "Custom", credentials: { api_key: SECRET } },
    });
    expect(context.credentials).toEqual({ api_key: SECRET });
    expect(JSON.stringify(context)).not.toContain(SECRET);
    expect(inspect(context)).not.toContain(SECRET);
  });

  it("redacts credentials in handler logs", () => {
    const lines: string[] = [];
    const context = new ExecutionContext({
      auth: { api_key: SECRET },
      logger: recordingLogger(lines),
    });
    context.logger.info(`calling with ${SECRET}`, {
      headers: { authorization: `Bearer ${SECRET}` },
    });
    expect(lines.join("\n")).not.toContain(SECRET);
    expect(lines.join("\n")).toContain("[REDACTED]");
  });

  it("keeps credentials out of validation results and errors", async () => {
    const config = sampleConfig();
    const fields = (config.auth as unknown as { fields: { properties: Record<string, unknown> } })
      .fields;
    fields.properties.api_key = { type: "string", pattern: "^sk-test-" };
    const integration = new Integration(config)
      .action("create_issue", async () => ({ data: { id: SECRET } }))
      .pollingTrigger("new_issues", async () => []);
    const context = new ExecutionContext({
      auth: { auth_type: "Custom", credentials: { api_key: SECRET } },
    });
    const result = await integration.executeAction("create_issue", { title: "x" }, context);
    expect(result).toMatchObject({
      type: "validation_error",
      result: { property: "$.api_key", value: null },
    });
    const thrown = await integration
      .executePollingTrigger("new_issues", { project: "p" }, null, context)
      .catch((e: unknown) => e);
    expect(thrown).toMatchObject({ name: "ValidationError", code: "invalid_credentials" });
    expect(JSON.stringify(result)).not.toContain(SECRET);
    expect(exposed(thrown)).not.toContain(SECRET);
  });

  it("redacts a credential a handler echoes into invalid output", async () => {
    const integration = new Integration(sampleConfig()).action("create_issue", async () => ({
      data: { id: 1, url: SECRET } as never,
    }));
    const context = new ExecutionContext({ auth: { api_key: SECRET } });
    const wrong = await integration.executeAction(
      "create_issue",
      { title: SECRET } as never,
      context,
    );
    expect(wrong.type).toBe("validation_error");
    expect(JSON.stringify(wrong)).not.toContain(SECRET);
  });

  it("writes nothing to stdout or stderr on its own", async () => {
    const out = vi.spyOn(process.stdout, "write");
    const err = vi.spyOn(process.stderr, "write");
    try {
      await serve({ "GET /x": { reset: true } });
      const context = new ExecutionContext({
        auth: { api_key: SECRET },
        requestConfig: { maxRetries: 1, retryDelay: () => 1 },
      });
      await context.fetch(`${server.origin}/x`).catch(() => {});
      const integration = new Integration(sampleConfig()).action("create_issue", async () => {
        throw new Error("boom");
      });
      await integration.executeAction("create_issue", {} as never, context);
      await integration.executeAction("create_issue", { title: "t" }, context).catch(() => {});
      expect(out).not.toHaveBeenCalled();
      expect(err).not.toHaveBeenCalled();
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  });
});

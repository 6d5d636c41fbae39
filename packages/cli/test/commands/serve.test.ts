import { randomUUID } from "node:crypto";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import {
  type RecordingServer,
  removeWorkspace,
  startRecordingServer,
  writeProbeIntegration,
} from "@plugboard/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resultsDir } from "../fixtures/workspace.ts";
import { type ServeProcess, startServe } from "../serve-process.ts";

const TOKEN = "serve-token-0123456789abcdef";
const SECRET = "probe-SECRET-value-5f1e9a";
const OTHER = "other-SECRET-value-77aa01";
const CANARY = "canary-value-3c4d";

let root: string;
let api: RecordingServer;
let server: ServeProcess;

beforeAll(async () => {
  root = path.join(resultsDir, `serve-${randomUUID().slice(0, 8)}`);
  await writeProbeIntegration(root);
  api = await startRecordingServer({ "GET /v1/ping": { body: { pong: true } } });
  server = await startServe(
    [
      "--workers",
      "2",
      "--timeout",
      "20000",
      "--memory",
      "64",
      "--body-limit",
      "4096",
      "--origin",
      `https://api.probe.test=${api.origin}`,
      "--cwd",
      root,
    ],
    {
      PLUGBOARD_SERVE_TOKEN: TOKEN,
      PROBE_API_KEY: SECRET,
      PROBE_OTHER_SECRET: OTHER,
      PROBE_CANARY: CANARY,
    },
    TOKEN,
  );
}, 120_000);

afterAll(async () => {
  const code = await server?.stop();
  await api?.close();
  await removeWorkspace(root);
  expect(code).toBe(0);
  // Nothing the server printed, in any test, holds the token or a secret.
  for (const value of [TOKEN, SECRET, OTHER]) expect(server.output()).not.toContain(value);
});

const action = (name: string) => `/integrations/probe/actions/${name}`;

describe("plugboard serve: the registry", () => {
  it("answers /healthz without a token", async () => {
    const { status, body } = await server.call("/healthz", { token: null });
    expect(status).toBe(200);
    expect(body).toEqual({ status: "ok", integrations: 1, pending: 0 });
  });

  it("lists integrations with qualified names, schemas, triggers and declared secret keys", async () => {
    const { status, body } = await server.call("/integrations");
    expect(status).toBe(200);
    const [probe] = body.integrations;
    expect(probe.name).toBe("probe");
    expect(probe.actions.map((a: { qualified_name: string }) => a.qualified_name)).toContain(
      "probe.echo",
    );
    const echo = probe.actions.find((a: { name: string }) => a.name === "echo");
    expect(echo.input_schema.required).toEqual(["text"]);
    expect(probe.triggers[0]).toMatchObject({
      qualified_name: "probe.new_items",
      polling_interval: "5m",
    });
    expect(probe.secrets[0]).toEqual({
      name: "probe",
      keys: ["PROBE_API_KEY"],
      optional_keys: ["PROBE_REGION"],
    });
    expect(JSON.stringify(body)).not.toContain(SECRET);
  });

  it("describes every endpoint in /openapi.json with the actions' schemas", async () => {
    const { status, body } = await server.call("/openapi.json");
    expect(status).toBe(200);
    expect(body.openapi).toBe("3.1.0");
    const echo = body.paths["/integrations/probe/actions/echo"].post;
    expect(echo.requestBody.content["application/json"].schema.properties.inputs.required).toEqual([
      "text",
    ]);
    expect(Object.keys(echo.responses)).toEqual(
      expect.arrayContaining(["200", "400", "401", "404", "413", "422", "502", "504"]),
    );
    expect(body.paths["/integrations/probe/triggers/new_items"]).toBeDefined();
    expect(body.paths["/integrations/probe/connected-account"]).toBeDefined();
  });
});

describe("plugboard serve: envelopes and status codes", () => {
  it("runs an action and answers its envelope", async () => {
    expect(await server.call(action("noop"), { body: { inputs: {} } })).toMatchObject({
      status: 200,
      body: { version: "2.0.0", type: "action", result: { data: {}, cost_usd: null } },
    });
  });

  it("answers 400 for rejected inputs, 422 for a refusal, 502 for output breaking its schema", async () => {
    const invalid = await server.call(action("echo"), { body: { inputs: {} } });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toEqual({
      version: "2.0.0",
      type: "validation_error",
      result: {
        message: 'Invalid inputs for action "echo": $.text: is required',
        property: "$.text",
        value: null,
        source: "input",
      },
    });
    const refused = await server.call(action("refuse"), { body: { inputs: {} } });
    expect(refused).toMatchObject({
      status: 422,
      body: { type: "action_error", result: { message: "probe refuses", cost_usd: 0.5 } },
    });
    const bad = await server.call(action("bad_output"), { body: { inputs: {} } });
    expect(bad.status).toBe(502);
    expect(bad.body.result).toMatchObject({ property: "$.n", source: "output" });
  });

  it("polls a trigger and describes the connected account", async () => {
    const poll = await server.call("/integrations/probe/triggers/new_items", {
      body: { inputs: { count: 2 }, last_poll_ts: "2026-01-01T00:00:00Z" },
    });
    expect(poll.status).toBe(200);
    expect(poll.body).toEqual({
      records: [
        { id: "2026-01-01T00:00:00Z-0", data: { n: 0 } },
        { id: "2026-01-01T00:00:00Z-1", data: { n: 1 } },
      ],
    });
    const invalid = await server.call("/integrations/probe/triggers/new_items", {
      body: { inputs: {} },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({
      type: "validation_error",
      result: { property: "$.count" },
    });
    const account = await server.call("/integrations/probe/connected-account", {
      body: { auth: { api_key: "k-123456" } },
    });
    expect(account.status).toBe(200);
    expect(account.body).toEqual({
      version: "2.0.0",
      type: "connected_account",
      result: {
        email: "probe@example.com",
        first_name: null,
        last_name: null,
        username: null,
        user_id: "with-key",
        avatar_url: null,
        organization: null,
      },
    });
  });

  it("answers malformed JSON, a non-object body and an oversized body with clear JSON errors", async () => {
    const malformed = await server.call(action("noop"), { raw: '{"inputs": {,}' });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({
      error: {
        code: "invalid_json",
        message: "request body: invalid JSON at line 1, column 13; send a JSON object",
      },
    });
    const list = await server.call(action("noop"), { body: [1] });
    expect(list.status).toBe(400);
    expect(list.body.error.code).toBe("invalid_body");
    const big = await server.call(action("echo"), { body: { inputs: { text: "x".repeat(8000) } } });
    expect(big.status).toBe(413);
    expect(big.body.error).toEqual({
      code: "body_too_large",
      message: "request body: larger than the limit of 4096 bytes; send less data",
    });
  });

  it("answers 404 naming the closest integration or action", async () => {
    const integration = await server.call("/integrations/prob/actions/noop", { body: {} });
    expect(integration.status).toBe(404);
    expect(integration.body.error).toEqual({
      code: "unknown_integration",
      message: 'unknown integration "prob". Did you mean "probe"?',
    });
    const unknown = await server.call(action("nop"), { body: {} });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("unknown_action");
    expect(unknown.body.error.message).toContain('Did you mean "probe.noop"?');
    const route = await server.call("/nowhere");
    expect(route.status).toBe(404);
  });
});

describe("plugboard serve: access", () => {
  it("gives a stranger 401 and runs nothing; the token holder's call reaches the API", async () => {
    const before = api.requests.length;
    for (const token of [null, "wrong-token-0123456789"]) {
      const denied = await server.call(action("call_api"), { body: { inputs: {} }, token });
      expect(denied.status).toBe(401);
      expect(denied.body.error.code).toBe("unauthorized");
      expect((await server.call("/integrations", { token })).status).toBe(401);
    }
    expect(api.requests.length).toBe(before);
    const allowed = await server.call(action("call_api"), {
      body: { inputs: {}, auth: { api_key: "user-key-1234" } },
    });
    expect(allowed.body).toMatchObject({ type: "action", result: { data: { pong: true } } });
    expect(api.requests.length).toBe(before + 1);
    expect(api.requests.at(-1)?.headers.authorization).toBe("Bearer user-key-1234");
  });
});

describe("plugboard serve: isolation and secrets", () => {
  it("shows a handler none of the server's environment variables", async () => {
    const { body } = await server.call(action("env"), { body: { inputs: {} } });
    expect(body.result.data).toEqual({ keys: [], canary: null });
  });

  it("gives an action its declared secret only, never an undeclared one", async () => {
    const { status, body } = await server.call(action("secret"), { body: { inputs: {} } });
    expect(status).toBe(200);
    expect(body.result.data).toEqual({
      keys: ["PROBE_API_KEY"],
      length: SECRET.length,
      other: null,
      env: null,
    });
  });

  it("refuses an action whose declared secret is not set, naming the key", async () => {
    const { status, body } = await server.call(action("needs_absent"), { body: { inputs: {} } });
    expect(status).toBe(500);
    expect(body.error.code).toBe("missing_secret");
    expect(body.error.message).toContain("PROBE_ABSENT_KEY");
  });

  it("redacts a secret a handler puts in an error", async () => {
    const { status, body } = await server.call(action("leak"), { body: { inputs: {} } });
    expect(status).toBe(502);
    expect(body.error).toEqual({
      code: "handler_failed",
      message: "Error: upstream said: bad key [REDACTED]",
    });
  });

  it("stops a handler that never settles or spins, replaces its worker, and keeps serving", async () => {
    for (const name of ["hang", "spin"]) {
      const { status, body } = await server.call(action(name), {
        body: { inputs: {}, timeout_ms: 1500 },
      });
      expect(status).toBe(504);
      expect(body.error.code).toBe("timeout");
      expect(body.error.message).toContain(`action "probe.${name}" did not finish within 1500 ms`);
    }
    expect((await server.call(action("noop"), { body: { inputs: {} } })).status).toBe(200);
  });

  it("fails a handler that exhausts its memory alone", async () => {
    const { status, body } = await server.call(action("hog"), { body: { inputs: {} } });
    expect(status).toBe(500);
    expect(body.error.code).toBe("out_of_memory");
    expect((await server.call(action("noop"), { body: { inputs: {} } })).status).toBe(200);
  });

  it("answers light calls while a CPU-bound handler holds a worker", async () => {
    // The busy handler spins until the file exists, which the test creates only after the
    // light calls: they can only have been answered while it was spinning.
    const file = path.join(root, "release-busy");
    let busyDone = false;
    const busy = server
      .call(action("busy_until"), { body: { inputs: { file } } })
      .then((response) => {
        busyDone = true;
        return response;
      });
    await expect.poll(async () => (await server.call("/healthz")).body.pending).toBe(1);
    for (let i = 0; i < 5; i++) {
      expect((await server.call(action("noop"), { body: { inputs: {} } })).status).toBe(200);
    }
    expect(busyDone).toBe(false);
    await writeFile(file, "");
    expect((await busy).status).toBe(200);
  });
});

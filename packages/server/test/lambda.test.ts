import { randomUUID } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { removeWorkspace, startRecordingServer, writeProbeIntegration } from "@plugboard/testing";
import type { LambdaEvent } from "hono/aws-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLambdaHandler, type RunningServer, startServer } from "../src/index.ts";
import { apiGatewayV2Event, functionUrlEvent } from "./fixtures/lambda-events.ts";

const TOKEN = "lambda-token-0123456789abcdef";
const root = fileURLToPath(
  new URL(`../test-results/lambda-${randomUUID().slice(0, 8)}`, import.meta.url),
);
let server: RunningServer;
let handler: ReturnType<typeof createLambdaHandler>;

beforeAll(async () => {
  await writeProbeIntegration(root);
  const options = {
    integrations: [path.join(root, "integrations")],
    token: TOKEN,
    workers: 1,
    prefer: "source" as const,
    bodyLimitBytes: 4096,
  };
  server = await startServer({ ...options, port: 0 });
  handler = createLambdaHandler(options);
});

afterAll(async () => {
  await server?.close();
  await removeWorkspace(root);
});

const requests = [
  { method: "GET", path: "/integrations", auth: true },
  { method: "GET", path: "/healthz", auth: false },
  { method: "POST", path: "/integrations/probe/actions/noop", auth: true, body: '{"inputs":{}}' },
  { method: "POST", path: "/integrations/probe/actions/echo", auth: true, body: '{"inputs":{}}' },
  { method: "POST", path: "/integrations/probe/actions/refuse", auth: true, body: "{}" },
  { method: "POST", path: "/integrations/probe/actions/noop", auth: true, body: '{"inputs":' },
  { method: "POST", path: "/integrations/prob/actions/noop", auth: true, body: "{}" },
  {
    method: "POST",
    path: "/integrations/probe/triggers/new_items",
    auth: true,
    body: '{"inputs":{"count":1},"last_poll_ts":"t"}',
  },
  { method: "POST", path: "/integrations/probe/actions/noop", auth: false, body: "{}" },
  {
    method: "POST",
    path: "/integrations/probe/actions/echo",
    auth: true,
    body: JSON.stringify({ inputs: { text: "x".repeat(5000) } }),
  },
];

async function overHttp(request: (typeof requests)[number]) {
  const response = await fetch(`${server.url}${request.path}`, {
    method: request.method,
    headers: {
      "content-type": "application/json",
      ...(request.auth ? { authorization: `Bearer ${TOKEN}` } : {}),
    },
    ...(request.body === undefined ? {} : { body: request.body }),
  });
  return { status: response.status, body: await response.json() };
}

describe.each([
  ["API Gateway v2", apiGatewayV2Event],
  ["a function URL", functionUrlEvent],
])("the Lambda handler behind %s", (_name, makeEvent) => {
  it.each(requests)(
    "answers $method $path (token: $auth) as the HTTP server does",
    async (request) => {
      const event = makeEvent({
        method: request.method,
        path: request.path,
        headers: request.auth ? { authorization: `Bearer ${TOKEN}` } : {},
        ...(request.body === undefined ? {} : { body: request.body }),
      });
      const result = await handler(event as unknown as LambdaEvent);
      const http = await overHttp(request);
      expect(result.statusCode).toBe(http.status);
      const body = result.isBase64Encoded
        ? Buffer.from(result.body, "base64").toString("utf8")
        : result.body;
      expect(JSON.parse(body)).toEqual(http.body);
    },
  );
});

it("gives the Lambda caller without a token 401 and runs nothing", async () => {
  const api = await startRecordingServer({ "GET /v1/ping": { body: { pong: true } } });
  const guarded = createLambdaHandler({
    integrations: [path.join(root, "integrations")],
    token: TOKEN,
    workers: 1,
    prefer: "source",
    originOverrides: { "https://api.probe.test": api.origin },
  });
  const call = (headers: Record<string, string>) =>
    guarded(
      apiGatewayV2Event({
        method: "POST",
        path: "/integrations/probe/actions/call_api",
        headers,
        body: '{"inputs":{},"auth":{"api_key":"user-key-1"}}',
      }) as unknown as LambdaEvent,
    );
  try {
    expect((await call({})).statusCode).toBe(401);
    expect((await call({ authorization: "Bearer not-the-token-0123456" })).statusCode).toBe(401);
    expect(api.requests).toEqual([]);
    const allowed = await call({ authorization: `Bearer ${TOKEN}` });
    expect(allowed.statusCode).toBe(200);
    expect(api.requests).toHaveLength(1);
  } finally {
    await api.close();
  }
});

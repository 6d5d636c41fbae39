import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLambdaHandler, type LambdaHandler } from "../../src/lambda.ts";
import { writeShapesIntegration } from "./shapes-integration.ts";

// `/mcp` is stateless, so the Lambda handler serves it too: a Function URL event (payload 2.0)
// carrying one JSON-RPC request gets the JSON-RPC answer.

const root = fileURLToPath(
  new URL(`../../test-results/mcp-lambda-${randomUUID().slice(0, 8)}/`, import.meta.url),
);
const TOKEN = "lambda-token-0123456789abcdef";
let handler: LambdaHandler;

function functionUrlEvent(body: unknown, token: string) {
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath: "/mcp",
    rawQueryString: "",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      authorization: `Bearer ${token}`,
      host: "abc.lambda-url.eu-west-1.on.aws",
    },
    requestContext: {
      accountId: "anonymous",
      apiId: "abc",
      domainName: "abc.lambda-url.eu-west-1.on.aws",
      domainPrefix: "abc",
      http: {
        method: "POST",
        path: "/mcp",
        protocol: "HTTP/1.1",
        sourceIp: "203.0.113.9",
        userAgent: "test",
      },
      requestId: randomUUID(),
      routeKey: "$default",
      stage: "$default",
      time: "30/Nov/2026:12:00:00 +0000",
      timeEpoch: 1_796_040_000_000,
    },
    body: JSON.stringify(body),
    isBase64Encoded: false,
  };
}

beforeAll(async () => {
  const dir = await writeShapesIntegration(root);
  handler = createLambdaHandler({
    integrations: [dir],
    workers: 1,
    prefer: "source",
    token: TOKEN,
    mcp: { env: { PLUGBOARD_AUTH_SHAPES_API_KEY: "lambda-key-0123" } },
  });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("/mcp on AWS Lambda", () => {
  it("answers tools/call with the tool result", async () => {
    const call = { jsonrpc: "2.0", id: 7, method: "tools/call" };
    const params = { name: "shapes__list", arguments: { count: 2 } };
    const response = await handler(functionUrlEvent({ ...call, params }, TOKEN) as never);
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(String(response.body))).toEqual({
      jsonrpc: "2.0",
      id: 7,
      result: {
        content: [{ type: "text", text: '[{"n":0},{"n":1}]' }],
        structuredContent: { result: [{ n: 0 }, { n: 1 }] },
      },
    });
  });

  it("answers 401 to a wrong token", async () => {
    const call = { jsonrpc: "2.0", id: 8, method: "tools/list" };
    const response = await handler(functionUrlEvent(call, "wrong-token-0123456789") as never);
    expect(response.statusCode).toBe(401);
    expect(String(response.body)).not.toContain("shapes__");
  });
});

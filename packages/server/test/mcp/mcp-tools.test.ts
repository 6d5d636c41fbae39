import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createExecutor, type Executor } from "../../src/executor.ts";
import { lookupCredentials } from "../../src/mcp/credentials.ts";
import { createMcpServer } from "../../src/mcp/mcp-server.ts";
import { buildCatalog } from "../../src/mcp/tool-catalog.ts";
import { writeShapesIntegration } from "./shapes-integration.ts";

// Inside the package, so the integration's `@plugboard/sdk` import resolves; gitignored.
const root = fileURLToPath(
  new URL(`../../test-results/mcp-${randomUUID().slice(0, 8)}/`, import.meta.url),
);
const API_KEY = "shapes-key-0123456789";

let executor: Executor;
let client: Client;
let env: NodeJS.ProcessEnv;

function text(result: CallToolResult): string {
  return (result.content[0] as { text: string }).text;
}

async function call(name: string, args: Record<string, unknown> = {}) {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

beforeAll(async () => {
  const dir = await writeShapesIntegration(root);
  executor = await createExecutor({
    integrations: [dir],
    workers: 2,
    prefer: "source",
    actionTimeoutsMs: { "shapes.hang": 1_000 },
    secretSource: { get: () => undefined },
  });
  env = { PLUGBOARD_AUTH_SHAPES_API_KEY: API_KEY };
  const server = await createMcpServer({
    catalog: buildCatalog(executor.integrations),
    run: (name, request, options) => executor.executeAction(name, request, options),
    credentials: (integration) => lookupCredentials(integration, { env }),
  });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  client = new Client({ name: "mcp-tools-test", version: "1.0.0" });
  await server.connect(serverSide);
  await client.connect(clientSide);
  // The client checks structuredContent against the outputSchema it cached while listing.
  await client.listTools();
});

afterAll(async () => {
  await client?.close();
  await executor?.close();
  await rm(root, { recursive: true, force: true });
});

describe("tools of an integration with every output shape", () => {
  it("lists each action with its title, qualified name and annotated schemas", async () => {
    const { tools } = await client.listTools();
    const list = tools.find((tool) => tool.name === "shapes__list");
    expect(list).toMatchObject({
      title: "List things",
      description: "Returns an array root",
      _meta: { "plugboard/qualified_name": "shapes.list" },
      inputSchema: {
        type: "object",
        properties: {
          count: { type: "integer", title: "How many", description: "At most 5." },
        },
        required: ["count"],
      },
      outputSchema: { type: "object", required: ["result"] },
    });
    expect(tools.map((tool) => tool.name).sort()).toEqual(
      ["bad_output", "either", "hang", "leak", "list", "maybe", "refuse", "sum", "vault"].map(
        (name) => `shapes__${name}`,
      ),
    );
  });

  it("wraps an array output as { result } in structuredContent, validated by the client", async () => {
    const result = await call("shapes__list", { count: 2 });
    expect(result.isError).toBeUndefined();
    expect(result.structuredContent).toEqual({ result: [{ n: 0 }, { n: 1 }] });
    expect(text(result)).toBe('[{"n":0},{"n":1}]');
  });

  it("wraps a null union and a root oneOf the same way", async () => {
    expect((await call("shapes__maybe", { empty: true })).structuredContent).toEqual({
      result: null,
    });
    expect((await call("shapes__maybe", {})).structuredContent).toEqual({ result: ["a", "b"] });
    expect((await call("shapes__either")).structuredContent).toEqual({ result: { ok: true } });
  });

  it("unwraps { input } for an action whose input root is an array", async () => {
    const result = await call("shapes__sum", { input: [1, 2, 3.5] });
    expect(result.structuredContent).toEqual({ total: 6.5 });
  });
});

describe("tool errors", () => {
  it("gives an action_error as an error result with its message", async () => {
    const result = await call("shapes__refuse");
    expect(result.isError).toBe(true);
    expect(text(result)).toBe("shapes refuses politely");
  });

  it("gives invalid inputs as an error result naming the path", async () => {
    const result = await call("shapes__list", { count: "two" });
    expect(result.isError).toBe(true);
    expect(text(result)).toContain("$.count");
    expect(result._meta).toMatchObject({
      "plugboard/error": { type: "validation_error", source: "input", property: "$.count" },
    });
  });

  it("gives an output the schema rejects as an error result, not bad structuredContent", async () => {
    const result = await call("shapes__bad_output");
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toBeUndefined();
    expect(result._meta).toMatchObject({
      "plugboard/error": { type: "validation_error", source: "output", property: "$.n" },
    });
  });

  it("gives a thrown error one line without the credential", async () => {
    const result = await call("shapes__leak");
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/^Error: upstream rejected key \[REDACTED\]$/);
    expect(JSON.stringify(result)).not.toContain(API_KEY);
  });

  it("gives a call over its timeout an error result, and keeps serving", async () => {
    const result = await call("shapes__hang");
    expect(result.isError).toBe(true);
    expect(text(result)).toContain("did not finish within 1000 ms");
    expect(result._meta).toMatchObject({ "plugboard/error": { type: "timeout" } });
    expect((await call("shapes__list", { count: 1 })).structuredContent).toEqual({
      result: [{ n: 0 }],
    });
  });

  it("names a missing declared secret without running the action", async () => {
    const result = await call("shapes__vault");
    expect(result.isError).toBe(true);
    expect(text(result)).toContain("SHAPES_VAULT_KEY");
    expect(result._meta).toMatchObject({ "plugboard/error": { type: "missing_secret" } });
  });

  it("fails a call without credentials, naming the missing field and where to set it", async () => {
    const saved = env.PLUGBOARD_AUTH_SHAPES_API_KEY;
    delete env.PLUGBOARD_AUTH_SHAPES_API_KEY;
    try {
      const result = await call("shapes__list", { count: 1 });
      expect(result.isError).toBe(true);
      expect(text(result)).toBe(
        'integration shapes needs credentials: missing "api_key" (pass --auth-file or set PLUGBOARD_AUTH_SHAPES_API_KEY)',
      );
    } finally {
      env.PLUGBOARD_AUTH_SHAPES_API_KEY = saved;
    }
  });

  it("answers an unknown tool with a protocol error", async () => {
    await expect(call("shapes__nope")).rejects.toThrow(/unknown tool "shapes__nope"/);
  });
});

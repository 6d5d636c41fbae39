import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { type RecordingServer, startRecordingServer } from "@plugboard/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// `/mcp` of `plugboard serve`: the built CLI as a real process on port 0, behind its bearer
// token, driven over Streamable HTTP by the official MCP client.

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
const bin = path.join(repoRoot, "packages/cli/bin/plugboard.js");
const TOKEN = "serve-token-0123456789abcdef";

let api: RecordingServer;
let serve: ChildProcess;
let url: URL;
let output = "";

function connect(token: string): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(url, {
    requestInit: { headers: { Authorization: `Bearer ${token}` } },
  });
  const client = new Client({ name: "plugboard-serve-mcp-test", version: "1.0.0" });
  return client.connect(transport).then(() => client);
}

beforeAll(async () => {
  api = await startRecordingServer({
    "GET /v0/topstories.json": { body: [7] },
    "GET /v0/item/7.json": { body: { id: 7, type: "story", title: "Seven", time: 1 } },
  });
  serve = spawn(
    process.execPath,
    [
      bin,
      "serve",
      "--cwd",
      repoRoot,
      "--port",
      "0",
      "--workers",
      "2",
      "--origin",
      `https://hacker-news.firebaseio.com=${api.origin}`,
    ],
    { env: { PATH: process.env.PATH ?? "", PLUGBOARD_SERVE_TOKEN: TOKEN } },
  );
  serve.stderr?.on("data", (chunk) => {
    output += String(chunk);
  });
  // The first stdout line names the address: wait for it, or for the process to die.
  const lines = createInterface({ input: serve.stdout as NodeJS.ReadableStream });
  const listening = new Promise<string>((resolve) => {
    lines.on("line", (line) => {
      output += `${line}\n`;
      const found = /Plugboard server: (http:\/\/\S+)/.exec(line);
      if (found?.[1]) resolve(found[1]);
    });
  });
  const exited = once(serve, "exit").then(([code]) => {
    throw new Error(`plugboard serve exited with ${code}: ${output}`);
  });
  url = new URL("/mcp", await Promise.race([listening, exited]));
}, 120_000);

afterAll(async () => {
  if (serve && serve.exitCode === null) {
    const exited = once(serve, "exit");
    serve.kill("SIGTERM");
    await exited;
  }
  await api?.close();
});

describe("/mcp in plugboard serve", () => {
  it("lists every action of the six integrations and runs one against the local API", async () => {
    const client = await connect(TOKEN);
    try {
      const { tools } = await client.listTools();
      const expected: string[] = [];
      const dir = path.join(repoRoot, "integrations");
      for (const name of readdirSync(dir)) {
        const config = JSON.parse(readFileSync(path.join(dir, name, "config.json"), "utf8"));
        for (const action of Object.keys(config.actions)) expected.push(`${name}__${action}`);
      }
      expect(tools.map((tool) => tool.name).sort()).toEqual(expected.sort());
      const result = (await client.callTool({
        name: "hackernews__get_top_stories",
        arguments: { limit: 1 },
      })) as CallToolResult;
      expect(result.isError).toBeUndefined();
      expect(result.structuredContent).toMatchObject({ stories: [{ id: 7, title: "Seven" }] });
      expect(api.requestsTo("GET /v0/item/7.json")).toHaveLength(1);
    } finally {
      await client.close();
    }
  });

  it("fails a call that lacks credentials with the missing field", async () => {
    const client = await connect(TOKEN);
    try {
      const result = (await client.callTool({
        name: "notion__search",
        arguments: {},
      })) as CallToolResult;
      expect(result.isError).toBe(true);
      expect((result.content[0] as { text: string }).text).toContain(
        'integration notion needs credentials: missing "access_token"',
      );
    } finally {
      await client.close();
    }
  });

  it("turns away a client without the token: 401, and nothing runs", async () => {
    const before = api.requests.length;
    await expect(connect("wrong-token-0123456789")).rejects.toThrow(/unauthorized/);
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
      },
      body: JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method: "tools/call",
        params: { name: "hackernews__get_top_stories", arguments: {} },
      }),
    });
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain("stories");
    expect(api.requests.length).toBe(before);
  });
});

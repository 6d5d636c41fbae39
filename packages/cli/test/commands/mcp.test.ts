import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { type RecordingServer, startRecordingServer } from "@plugboard/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resultsDir } from "../fixtures/workspace.ts";

// `plugboard mcp` as an agent runs it: the built CLI in a child process, driven over stdio by
// the official MCP client, calling the six integrations of this repository against a local API.

const exec = promisify(execFile);
const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
const bin = path.join(repoRoot, "packages/cli/bin/plugboard.js");
const NOTION_TOKEN = "ntn-secret-token-4242";
const TASKS_TOKEN = "ya29-tasks-token-4242";
const PATTERN = /^[a-zA-Z0-9_-]{1,64}$/;

/** `<integration>__<action>` for every action of integrations/*, from their config.json. */
function expectedTools(): Map<string, string> {
  const tools = new Map<string, string>();
  const dir = path.join(repoRoot, "integrations");
  for (const name of readdirSync(dir)) {
    const config = JSON.parse(readFileSync(path.join(dir, name, "config.json"), "utf8"));
    for (const [action, spec] of Object.entries(config.actions)) {
      tools.set(`${name}__${action}`, (spec as { display_name: string }).display_name);
    }
  }
  return tools;
}

const story = (id: number) => ({
  id,
  type: "story",
  by: "pg",
  time: 1_700_000_000,
  title: `S${id}`,
});
const page = {
  object: "page",
  id: "p-1",
  created_time: "2026-01-01T00:00:00.000Z",
  last_edited_time: "2026-01-02T00:00:00.000Z",
  archived: false,
  parent: { type: "workspace" },
  properties: {},
  url: "https://www.notion.so/p-1",
};

let api: RecordingServer;
let scratch: string;
let authFile: string;
let client: Client;
let stderr = "";

function text(result: CallToolResult): string {
  return (result.content[0] as { text: string }).text;
}

async function call(name: string, args: Record<string, unknown> = {}) {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

function mcpArgs(...extra: string[]): string[] {
  return [
    bin,
    "mcp",
    "--cwd",
    repoRoot,
    "--workers",
    "2",
    "--origin",
    `https://hacker-news.firebaseio.com=${api.origin}`,
    "--origin",
    `https://api.notion.com=${api.origin}`,
    "--origin",
    `https://tasks.googleapis.com=${api.origin}`,
    ...extra,
  ];
}

beforeAll(async () => {
  api = await startRecordingServer({
    "GET /v0/topstories.json": { body: [1, 2] },
    "GET /v0/item/1.json": { body: story(1) },
    "GET /v0/item/2.json": { body: story(2) },
    "GET /v0/item/404.json": { body: null },
    "GET /v0/user/forbidden.json": { status: 403, body: { error: "Permission denied" } },
    "GET /v0/user/busy.json": { status: 429, headers: { "retry-after": "7" }, body: {} },
    "GET /v1/pages/p-1": { body: page },
    "GET /v1/pages/echo": (request) => ({
      status: 401,
      body: { message: `token ${String(request.headers.authorization)} is invalid` },
    }),
    "GET /tasks/v1/users/@me/lists": {
      body: { items: [{ id: "l1", title: "Inbox", updated: "2026-01-01T00:00:00.000Z" }] },
    },
  });
  scratch = path.join(resultsDir, `mcp-${process.pid}`);
  await mkdir(scratch, { recursive: true });
  authFile = path.join(scratch, "auth.json");
  await writeFile(authFile, JSON.stringify({ notion: { access_token: NOTION_TOKEN } }));
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: mcpArgs("--auth-file", authFile),
    // No PLUGBOARD_AUTH_* but the one for google-tasks: the environment is a credential source.
    env: { PATH: process.env.PATH ?? "", PLUGBOARD_AUTH_GOOGLE_TASKS_ACCESS_TOKEN: TASKS_TOKEN },
    stderr: "pipe",
  });
  transport.stderr?.on("data", (chunk) => {
    stderr += String(chunk);
  });
  client = new Client({ name: "plugboard-mcp-test", version: "1.0.0" });
  await client.connect(transport);
}, 120_000);

afterAll(async () => {
  await client?.close();
  await api?.close();
  await rm(scratch, { recursive: true, force: true });
});

describe("plugboard mcp over stdio", () => {
  it("lists every action of the six integrations, with valid names and titles", async () => {
    const { tools } = await client.listTools();
    const expected = expectedTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual([...expected.keys()].sort());
    for (const tool of tools) {
      expect(tool.name).toMatch(PATTERN);
      expect(tool.title).toBe(expected.get(tool.name));
      expect(tool.inputSchema.type).toBe("object");
      expect(tool.outputSchema?.type).toBe("object");
      expect(tool._meta?.["plugboard/qualified_name"]).toBe(tool.name.replace("__", "."));
    }
  });

  it("runs a call against the local API and returns structuredContent", async () => {
    const result = await call("hackernews__get_top_stories", { limit: 2 });
    expect(result.isError).toBeUndefined();
    const stories = (result.structuredContent as { stories: Array<{ id: number }> }).stories;
    expect(stories.map((s) => s.id)).toEqual([1, 2]);
    expect(JSON.parse(text(result))).toEqual(result.structuredContent);
    expect(api.requestsTo("GET /v0/item/2.json")).toHaveLength(1);
  });

  it("sends the auth file's credentials for its integration", async () => {
    const result = await call("notion__get_page", { page_id: "p-1" });
    expect(result.structuredContent).toEqual({ page });
    expect(api.requestsTo("GET /v1/pages/p-1").at(-1)?.headers.authorization).toBe(
      `Bearer ${NOTION_TOKEN}`,
    );
  });

  it("reads PLUGBOARD_AUTH_<INTEGRATION>_<FIELD> when the auth file has no entry", async () => {
    const result = await call("google-tasks__list_task_lists");
    expect(result.isError).toBeUndefined();
    expect(api.requestsTo("GET /tasks/v1/users/@me/lists").at(-1)?.headers.authorization).toBe(
      `Bearer ${TASKS_TOKEN}`,
    );
  });

  it("fails a call without credentials, saying which are missing and where to put them", async () => {
    const before = api.requests.length;
    const result = await call("instagram__get_profile");
    expect(result.isError).toBe(true);
    expect(text(result)).toBe(
      `integration instagram needs credentials: missing "access_token" (set "instagram" in ${authFile} or PLUGBOARD_AUTH_INSTAGRAM_ACCESS_TOKEN)`,
    );
    expect(api.requests.length).toBe(before);
  });

  it("gives an action_error and a validation_error as error results", async () => {
    const refused = await call("hackernews__get_item", { item_id: 404 });
    expect(refused.isError).toBe(true);
    expect(text(refused)).toBe("Hacker News has no item 404: check the id.");
    const invalid = await call("hackernews__get_top_stories", { limit: "many" });
    expect(invalid.isError).toBe(true);
    expect(text(invalid)).toContain("$.limit");
  });

  it("gives an HTTP failure one line with the status and URL", async () => {
    const result = await call("hackernews__get_user", { username: "forbidden" });
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(
      /^HTTPError: \[GET\] https:\/\/hacker-news\.firebaseio\.com\/v0\/user\/forbidden\.json: 403 Forbidden/,
    );
    expect(text(result)).not.toContain("\n");
  });

  it("gives a rate limit its delay", async () => {
    const result = await call("hackernews__get_user", { username: "busy" });
    expect(result.isError).toBe(true);
    expect(text(result)).toContain("429");
    expect(text(result)).toContain("retry after 7 s");
    expect(result._meta).toMatchObject({
      "plugboard/error": { type: "rate_limited", retry_after: 7 },
    });
  });

  it("never shows a credential, even when the API echoes it", async () => {
    const result = await call("notion__get_page", { page_id: "echo" });
    expect(result.isError).toBe(true);
    expect(text(result)).toContain("401");
    expect(JSON.stringify(result)).not.toContain(NOTION_TOKEN);
    expect(stderr).not.toContain(NOTION_TOKEN);
  });

  it("answers an unknown tool with a protocol error", async () => {
    await expect(call("hackernews__get_nothing")).rejects.toThrow(/unknown tool/);
  });
});

describe("plugboard mcp refusing its input", () => {
  it("is listed by plugboard --help and explains itself on --help", async () => {
    const top = await exec(process.execPath, [bin, "--help"]);
    expect(top.stdout).toMatch(/^ {2}mcp \[integration…\] +serve every action as an MCP tool/m);
    const help = await exec(process.execPath, [bin, "mcp", "--help"]);
    expect(help.stdout).toContain("Usage: plugboard mcp [integration…]");
    expect(help.stdout).toContain("PLUGBOARD_AUTH_<INTEGRATION>_<FIELD>");
  });

  it("names the auth file entry that is not an object, and exits 1", async () => {
    const bad = path.join(scratch, "bad-auth.json");
    await writeFile(bad, JSON.stringify({ notion: "ntn-plain-string" }));
    const failed = await exec(process.execPath, mcpArgs("--auth-file", bad)).catch(
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failed).toMatchObject({ code: 1, stdout: "" });
    expect((failed as { stderr: string }).stderr).toContain(`${bad}#/notion: expected an object`);
    expect((failed as { stderr: string }).stderr).not.toContain("ntn-plain-string");
  });
});

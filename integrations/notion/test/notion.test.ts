import { ExecutionContext, HTTPError, RateLimitError } from "@plugboard/sdk";
import { type RecordingServer, type Routes, startRecordingServer } from "@plugboard/testing";
import { afterEach, describe, expect, it } from "vitest";
import type { AppendBlockChildrenInput } from "../src/generated/types.gen.ts";
import { integration } from "../src/index.ts";
import { groceryDatabase, kalePage, list, notionError, paragraph } from "./fixtures.ts";

const TOKEN = "ntn_test_token_4Qf9";
let server: RecordingServer;

async function serve(routes: Routes): Promise<ExecutionContext> {
  server = await startRecordingServer(routes);
  return new ExecutionContext({
    auth: { auth_type: "PlatformOauth2", credentials: { access_token: TOKEN } },
    originOverrides: { "https://api.notion.com": server.origin },
  });
}

function only() {
  expect(server.requests).toHaveLength(1);
  const request = server.requests[0];
  if (!request) throw new Error("no request");
  expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
  expect(request.headers["notion-version"]).toBe("2022-06-28");
  return request;
}

afterEach(async () => {
  await server?.close();
});

describe("notion actions", () => {
  it("search posts the query, object filter, sort and paging", async () => {
    const context = await serve({
      "POST /v1/search": { body: list([kalePage, groceryDatabase], "e6c6f5ba") },
    });
    const result = await integration.executeAction(
      "search",
      { query: "kale", filter: "page", sort_direction: "descending", page_size: 10 },
      context,
    );
    expect(result).toMatchObject({
      type: "action",
      result: {
        data: {
          next_cursor: "e6c6f5ba",
          has_more: true,
          results: [{ id: kalePage.id }, { object: "database" }],
        },
      },
    });
    expect(only().body).toEqual({
      query: "kale",
      filter: { property: "object", value: "page" },
      sort: { timestamp: "last_edited_time", direction: "descending" },
      page_size: 10,
    });
  });

  it("get_page reads one page", async () => {
    const context = await serve({ [`GET /v1/pages/${kalePage.id}`]: { body: kalePage } });
    const result = await integration.executeAction("get_page", { page_id: kalePage.id }, context);
    expect(result).toMatchObject({
      type: "action",
      result: { data: { page: { url: kalePage.url } } },
    });
    expect(only().method).toBe("GET");
  });

  it("create_page puts the title in the named property and sends the children", async () => {
    const context = await serve({ "POST /v1/pages": { body: kalePage } });
    const children: AppendBlockChildrenInput["children"] = [
      { type: "paragraph", paragraph: { rich_text: [{ text: { content: "Buy two bunches." } }] } },
    ];
    const result = await integration.executeAction(
      "create_page",
      {
        parent_database_id: groceryDatabase.id,
        title: "Tuscan kale",
        title_property: "Name",
        properties: { "In stock": { checkbox: true } },
        children,
      },
      context,
    );
    expect(result.type).toBe("action");
    expect(only().body).toEqual({
      parent: { database_id: groceryDatabase.id },
      properties: {
        "In stock": { checkbox: true },
        Name: { title: [{ type: "text", text: { content: "Tuscan kale" } }] },
      },
      children,
    });
  });

  it("create_page with two parents is an action error and sends nothing", async () => {
    const context = await serve({});
    const result = await integration.executeAction(
      "create_page",
      { parent_page_id: "98ad959b", parent_database_id: groceryDatabase.id, title: "x" },
      context,
    );
    expect(result.type).toBe("action_error");
    expect((result.result as { message: string }).message).toMatch(/exactly one parent/);
    expect(server.requests).toHaveLength(0);
  });

  it("update_page patches only the given fields", async () => {
    const context = await serve({
      [`PATCH /v1/pages/${kalePage.id}`]: { body: { ...kalePage, archived: true } },
    });
    const result = await integration.executeAction(
      "update_page",
      { page_id: kalePage.id, archived: true, icon: null },
      context,
    );
    expect(result).toMatchObject({
      type: "action",
      result: { data: { page: { archived: true } } },
    });
    expect(only().body).toEqual({ archived: true, icon: null });
  });

  it("update_page with nothing to change is an action error", async () => {
    const context = await serve({});
    const result = await integration.executeAction(
      "update_page",
      { page_id: kalePage.id },
      context,
    );
    expect(result.type).toBe("action_error");
    expect(server.requests).toHaveLength(0);
  });

  it("query_database posts filter, sorts and paging to the database", async () => {
    const path = `/v1/databases/${groceryDatabase.id}/query`;
    const context = await serve({ [`POST ${path}`]: { body: list([kalePage], null, "page") } });
    const filter = { property: "In stock", checkbox: { equals: true } };
    const sorts = [{ property: "Name", direction: "ascending" }];
    const result = await integration.executeAction(
      "query_database",
      { database_id: groceryDatabase.id, filter, sorts, start_cursor: "abc", page_size: 50 },
      context,
    );
    expect(result).toMatchObject({
      type: "action",
      result: { data: { has_more: false, next_cursor: null } },
    });
    expect(only().body).toEqual({ filter, sorts, start_cursor: "abc", page_size: 50 });
  });

  it("get_block_children pages with query parameters", async () => {
    const path = `/v1/blocks/${kalePage.id}/children`;
    const context = await serve({ [`GET ${path}`]: { body: list([paragraph], "c3d4", "block") } });
    const result = await integration.executeAction(
      "get_block_children",
      { block_id: kalePage.id, page_size: 25, start_cursor: "a1b2" },
      context,
    );
    expect(result).toMatchObject({
      type: "action",
      result: { data: { results: [{ type: "paragraph" }], next_cursor: "c3d4" } },
    });
    expect(only().query).toEqual({ page_size: "25", start_cursor: "a1b2" });
  });

  it("append_block_children patches the children after a given block", async () => {
    const path = `/v1/blocks/${kalePage.id}/children`;
    const context = await serve({ [`PATCH ${path}`]: { body: list([paragraph], null, "block") } });
    const children: AppendBlockChildrenInput["children"] = [
      { type: "to_do", to_do: { rich_text: [{ text: { content: "Wash" } }], checked: false } },
    ];
    const result = await integration.executeAction(
      "append_block_children",
      { block_id: kalePage.id, children, after: paragraph.id },
      context,
    );
    expect(result).toMatchObject({
      type: "action",
      result: { data: { results: [{ id: paragraph.id }] } },
    });
    expect(only().body).toEqual({ children, after: paragraph.id });
  });
});

describe("notion paging", () => {
  it("search's next_cursor, passed back as start_cursor, reads the next page", async () => {
    const context = await serve({
      "POST /v1/search": (request) =>
        (request.body as { start_cursor?: string }).start_cursor === "e6c6f5ba"
          ? { body: list([groceryDatabase], null) }
          : { body: list([kalePage], "e6c6f5ba") },
    });
    const first = await integration.executeAction("search", { page_size: 1 }, context);
    expect(first).toMatchObject({
      result: { data: { results: [{ id: kalePage.id }], next_cursor: "e6c6f5ba", has_more: true } },
    });
    const second = await integration.executeAction(
      "search",
      { page_size: 1, start_cursor: "e6c6f5ba" },
      context,
    );
    expect(second).toMatchObject({
      result: { data: { results: [{ object: "database" }], next_cursor: null, has_more: false } },
    });
    expect(server.requests.map((r) => r.body)).toEqual([
      { page_size: 1 },
      { page_size: 1, start_cursor: "e6c6f5ba" },
    ]);
    for (const request of server.requests) {
      expect(request.headers["notion-version"]).toBe("2022-06-28");
    }
  });

  it("a next_cursor without has_more is not offered as a next page", async () => {
    const path = `/v1/blocks/${kalePage.id}/children`;
    const body = { ...list([paragraph], null, "block"), next_cursor: "stale" };
    const context = await serve({ [`GET ${path}`]: { body } });
    const result = await integration.executeAction(
      "get_block_children",
      { block_id: kalePage.id },
      context,
    );
    expect(result).toMatchObject({ result: { data: { next_cursor: null, has_more: false } } });
    expect(only().query).toEqual({});
  });
});

describe("notion failures", () => {
  it("turns Notion's 400 into an action error with Notion's message", async () => {
    const message = "body failed validation: body.children[0].paragraph should be defined.";
    const path = `/v1/blocks/${kalePage.id}/children`;
    const context = await serve({
      [`PATCH ${path}`]: { status: 400, body: notionError(400, "validation_error", message) },
    });
    const result = await integration.executeAction(
      "append_block_children",
      { block_id: kalePage.id, children: [{ type: "paragraph", paragraph: { rich_text: [] } }] },
      context,
    );
    expect(result.type).toBe("action_error");
    expect((result.result as { message: string }).message).toBe(
      `400 from PATCH https://api.notion.com${path}: ${message}`,
    );
    only();
  });

  it("surfaces Notion's 404 as HTTPError carrying the error body", async () => {
    const context = await serve({
      "GET /v1/pages/missing": {
        status: 404,
        body: notionError(404, "object_not_found", "Could not find page with ID: missing."),
      },
    });
    const run = integration.executeAction("get_page", { page_id: "missing" }, context);
    await expect(run).rejects.toBeInstanceOf(HTTPError);
    await expect(run).rejects.toMatchObject({
      status: 404,
      responseData: { code: "object_not_found" },
    });
  });

  it("surfaces a 429 as RateLimitError and never shows the token", async () => {
    const context = await serve({
      "POST /v1/search": {
        status: 429,
        headers: { "retry-after": "3" },
        body: notionError(
          429,
          "rate_limited",
          "You have been rate limited. Please try again in a few minutes.",
        ),
      },
    });
    const error = await integration.executeAction("search", {}, context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfter: 3 });
    expect(String((error as Error).message)).not.toContain(TOKEN);
  });
});

import {
  type ActionOutcome,
  ExecutionContext,
  HTTPError,
  MemoryStateStore,
  RateLimitError,
} from "@plugboard/sdk";
import { type RecordingServer, type Routes, startRecordingServer } from "@plugboard/testing";
import { afterEach, describe, expect, it } from "vitest";
import { HN_API } from "../src/hn-item.ts";
import { integration } from "../src/index.ts";
import { items } from "./fixtures.ts";

const HN_ORIGIN = new URL(HN_API).origin;
let server: RecordingServer;

function itemRoutes(): Routes {
  const routes: Routes = {};
  for (const [id, item] of Object.entries(items))
    routes[`GET /v0/item/${id}.json`] = { body: item };
  return routes;
}

async function serve(routes: Routes): Promise<ExecutionContext> {
  server = await startRecordingServer({ ...itemRoutes(), ...routes });
  return new ExecutionContext({ originOverrides: { [HN_ORIGIN]: server.origin } });
}

/** The output of a successful action; fails the test on any other outcome. */
function dataOf<O>(result: ActionOutcome<O>): O {
  if (result.type !== "action")
    throw new Error(`expected an action result: ${JSON.stringify(result)}`);
  return result.result.data;
}

const itemPaths = () =>
  server.requests.map((r) => r.path).filter((path) => path.startsWith("/v0/item/"));

afterEach(async () => {
  await server?.close();
});

describe("story lists", () => {
  it("fetches the ranked ids, then the first `limit` items in ranking order, normalised", async () => {
    const context = await serve({ "GET /v0/topstories.json": { body: [121003, 8863, 192327] } });
    const result = await integration.executeAction("get_top_stories", { limit: 2 }, context);
    const { stories } = dataOf(result);
    expect(stories.map((s) => s.id)).toEqual([121003, 8863]);
    expect(stories[0]).toMatchObject({
      title: "Ask HN: The Arc Effect",
      url: null,
      by: "tel",
      score: 25,
      kids_count: 1,
      hn_url: "https://news.ycombinator.com/item?id=121003",
    });
    expect(stories[1]).toMatchObject({
      url: "http://www.getdropbox.com/u/2/screencast.html",
      text: null,
    });
    expect(itemPaths().sort()).toEqual(["/v0/item/121003.json", "/v0/item/8863.json"]);
    expect(server.requests.every((r) => r.method === "GET")).toBe(true);
  });

  it.each([
    ["get_new_stories", "/v0/newstories.json"],
    ["get_best_stories", "/v0/beststories.json"],
  ])("%s reads %s and skips deleted and dead stories", async (action, path) => {
    const context = await serve({ [`GET ${path}`]: { body: [126809, 126810, 8863] } });
    const result = await integration.executeAction(action as "get_new_stories", {}, context);
    const { stories } = dataOf(result);
    expect(stories.map((s) => s.id)).toEqual([8863]);
    expect(server.requestsTo(`GET ${path}`)).toHaveLength(1);
  });
});

describe("get_item", () => {
  it("walks the comment thread depth-first and stops at max_depth", async () => {
    const context = await serve({});
    const result = await integration.executeAction(
      "get_item",
      { item_id: 8863, max_depth: 2 },
      context,
    );
    const data = dataOf(result);
    expect(data.item).toMatchObject({ id: 8863, descendants: 71 });
    expect(data.comments.map((c) => [c.id, c.depth, c.parent])).toEqual([
      [9224, 1, 8863],
      [9272, 2, 9224],
      [8917, 1, 8863],
    ]);
    expect(data.comments[2]).toMatchObject({ deleted: true, by: null });
    expect(data.comments_truncated).toBe(true);
    expect(itemPaths()).not.toContain("/v0/item/9479.json");
  });

  it("stops at max_comments", async () => {
    const context = await serve({});
    const result = await integration.executeAction(
      "get_item",
      { item_id: 8863, max_depth: 10, max_comments: 3 },
      context,
    );
    const data = dataOf(result);
    expect(data.comments.map((c) => c.id)).toEqual([9224, 9272, 9479]);
    expect(data.comments_truncated).toBe(true);
  });

  it("fetches only the item when include_comments is false", async () => {
    const context = await serve({});
    const result = await integration.executeAction(
      "get_item",
      { item_id: 8863, include_comments: false },
      context,
    );
    expect(result).toMatchObject({
      type: "action",
      result: { data: { comments: [], comments_truncated: false } },
    });
    expect(itemPaths()).toEqual(["/v0/item/8863.json"]);
  });

  it("reports an unknown item (the API answers null) as an action error", async () => {
    const context = await serve({ "GET /v0/item/99999999.json": { body: null } });
    const result = await integration.executeAction("get_item", { item_id: 99999999 }, context);
    expect(result.type).toBe("action_error");
    expect((result.result as { message: string }).message).toContain("no item 99999999");
  });
});

describe("get_user", () => {
  it("returns the profile with the latest 30 submissions", async () => {
    const submitted = Array.from({ length: 45 }, (_, i) => 9_000_000 - i);
    const context = await serve({
      "GET /v0/user/jl.json": {
        body: { about: "This is a test", created: 1173923446, id: "jl", karma: 2937, submitted },
      },
    });
    const result = await integration.executeAction("get_user", { username: "jl" }, context);
    expect(result).toMatchObject({
      type: "action",
      result: {
        data: {
          id: "jl",
          karma: 2937,
          about: "This is a test",
          submission_count: 45,
          profile_url: "https://news.ycombinator.com/user?id=jl",
        },
      },
    });
    const data = dataOf(result);
    expect(data.recent_submissions).toEqual(submitted.slice(0, 30));
  });

  it("reports an unknown user as an action error", async () => {
    const context = await serve({ "GET /v0/user/nobody-here.json": { body: null } });
    const result = await integration.executeAction(
      "get_user",
      { username: "nobody-here" },
      context,
    );
    expect(result).toMatchObject({ type: "action_error" });
  });
});

describe("new_stories trigger", () => {
  it("yields stories newer than the last poll, keyed by their id as a string", async () => {
    const context = await serve({ "GET /v0/newstories.json": { body: [192327, 121003, 8863] } });
    const lastPoll = new Date(1203000000 * 1000).toISOString();
    const records = await integration.executePollingTrigger("new_stories", {}, lastPoll, context);
    expect(records.map((r) => r.id)).toEqual(["192327", "121003"]);
    expect(records[0]?.data).toMatchObject({ id: 192327, type: "job", title: expect.any(String) });
  });

  it("yields every new story on the first poll, filtered by min_score", async () => {
    const context = await serve({ "GET /v0/newstories.json": { body: [192327, 121003, 8863] } });
    const records = await integration.executePollingTrigger(
      "new_stories",
      { min_score: 20 },
      null,
      context,
    );
    expect(records.map((r) => r.id)).toEqual(["121003", "8863"]);
  });

  it("declares dedupe unique: a story seen by an earlier poll is never delivered again", async () => {
    const context = await serve({
      "GET /v0/newstories.json": [{ body: [121003, 8863] }, { body: [192327, 121003, 8863] }],
    });
    // A clock behind the stories' times: the time filter alone would deliver them all twice.
    const options = { store: new MemoryStateStore(), now: () => new Date(0) };
    const first = await integration.poll("new_stories", {}, context, options);
    expect(first.dedupe).toBe("unique");
    expect(first.seeded.map((r) => r.id)).toEqual(["121003", "8863"]);
    expect(first.delivered).toEqual([]);
    const second = await integration.poll("new_stories", {}, context, options);
    expect(second.delivered.map((r) => r.id)).toEqual(["192327"]);
    expect(second.seen.map((r) => r.id)).toEqual(["121003", "8863"]);
  });
});

describe("output schema", () => {
  it("rejects an item type the API does not document as an output validation error", async () => {
    const context = await serve({
      "GET /v0/topstories.json": { body: [5] },
      "GET /v0/item/5.json": { body: { id: 5, type: "link", by: "x", time: 1, title: "?" } },
    });
    const result = await integration.executeAction("get_top_stories", {}, context);
    expect(result).toMatchObject({ type: "validation_error", result: { source: "output" } });
  });
});

describe("HTTP failures", () => {
  it("surfaces an HTTP error from the API as HTTPError with its status", async () => {
    const context = await serve({
      "GET /v0/topstories.json": { status: 401, body: { error: "Permission denied" } },
    });
    const run = integration.executeAction("get_top_stories", {}, context);
    await expect(run).rejects.toBeInstanceOf(HTTPError);
    await expect(run).rejects.toMatchObject({ status: 401 });
  });

  it("surfaces a 429 as RateLimitError with Retry-After", async () => {
    const context = await serve({
      "GET /v0/item/8863.json": { status: 429, headers: { "retry-after": "12" }, body: {} },
    });
    const run = integration.executeAction("get_item", { item_id: 8863 }, context);
    await expect(run).rejects.toBeInstanceOf(RateLimitError);
    await expect(run).rejects.toMatchObject({ retryAfter: 12 });
  });
});

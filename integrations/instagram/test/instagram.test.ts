import { ExecutionContext, HTTPError, RateLimitError } from "@plugboard/sdk";
import { type RecordingServer, type Routes, startRecordingServer } from "@plugboard/testing";
import { afterEach, describe, expect, it } from "vitest";
import { integration } from "../src/index.ts";
import { COMMENT_FIELDS, MEDIA_FIELDS, PROFILE_FIELDS } from "../src/instagram-api.ts";
import { comments, graphError, graphPage, photo, profile, reel } from "./fixtures.ts";

const TOKEN = "IGAAT_test_token_8s7d6f";
let server: RecordingServer;

async function serve(routes: Routes): Promise<ExecutionContext> {
  server = await startRecordingServer(routes);
  return new ExecutionContext({
    auth: { auth_type: "PlatformOauth2", credentials: { access_token: TOKEN } },
    originOverrides: { "https://graph.instagram.com": server.origin },
  });
}

function only() {
  expect(server.requests).toHaveLength(1);
  const request = server.requests[0];
  if (!request) throw new Error("no request");
  expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
  return request;
}

afterEach(async () => {
  await server?.close();
});

describe("profile and connected account", () => {
  it("get_profile asks for the profile fields and returns them", async () => {
    const context = await serve({ "GET /v23.0/me": { body: profile } });
    const result = await integration.executeAction("get_profile", {}, context);
    expect(result).toMatchObject({
      type: "action",
      result: {
        data: {
          user_id: profile.user_id,
          username: "lumen.ceramics",
          followers_count: 1873,
          website: null,
        },
      },
    });
    expect(only().query).toEqual({ fields: PROFILE_FIELDS });
  });

  it("describes the connected account with username, id and avatar", async () => {
    const context = await serve({ "GET /v23.0/me": { body: profile } });
    const result = await integration.getConnectedAccount(context);
    expect(result).toMatchObject({
      type: "connected_account",
      result: {
        username: "lumen.ceramics",
        user_id: "17841405822304914",
        avatar_url: profile.profile_picture_url,
        email: null,
      },
    });
    expect(only().query).toEqual({ fields: "user_id,username,profile_picture_url" });
  });
});

describe("media", () => {
  it("list_media pages with limit and after, and normalises missing fields to null", async () => {
    const context = await serve({
      "GET /v23.0/me/media": { body: graphPage([photo, reel], "QVFIUm5leHQ") },
    });
    const result = await integration.executeAction(
      "list_media",
      { limit: 2, after: "QVFIUnByZXY" },
      context,
    );
    expect(result).toMatchObject({
      type: "action",
      result: {
        data: {
          next_cursor: "QVFIUm5leHQ",
          media: [
            { id: photo.id, caption: photo.caption, thumbnail_url: null, like_count: 214 },
            { id: reel.id, caption: null, like_count: null, media_product_type: "REELS" },
          ],
        },
      },
    });
    expect(only().query).toEqual({ fields: MEDIA_FIELDS, limit: "2", after: "QVFIUnByZXY" });
  });

  it("list_media reports no next cursor on the last page", async () => {
    const context = await serve({ "GET /v23.0/me/media": { body: graphPage([photo], null) } });
    const result = await integration.executeAction("list_media", {}, context);
    expect(result).toMatchObject({ type: "action", result: { data: { next_cursor: null } } });
    expect(only().query.limit).toBe("25");
  });

  it("get_media reads one media object", async () => {
    const context = await serve({ [`GET /v23.0/${photo.id}`]: { body: photo } });
    const result = await integration.executeAction("get_media", { media_id: photo.id }, context);
    expect(result).toMatchObject({
      type: "action",
      result: { data: { media: { permalink: photo.permalink } } },
    });
    only();
  });

  it("get_media on an unknown id is an action error", async () => {
    const context = await serve({
      "GET /v23.0/123": {
        status: 400,
        body: graphError(
          100,
          "Unsupported get request. Object with ID '123' does not exist.",
          "GraphMethodException",
        ),
      },
    });
    const result = await integration.executeAction("get_media", { media_id: "123" }, context);
    expect(result.type).toBe("action_error");
    expect((result.result as { message: string }).message).toContain("media 123 does not exist");
  });
});

describe("comments", () => {
  it("list_comments reads a media's comments", async () => {
    const context = await serve({
      [`GET /v23.0/${photo.id}/comments`]: { body: graphPage(comments, null) },
    });
    const result = await integration.executeAction(
      "list_comments",
      { media_id: photo.id, limit: 50 },
      context,
    );
    expect(result).toMatchObject({
      type: "action",
      result: {
        data: {
          next_cursor: null,
          comments: [
            { id: "17858893269000001", reply_count: 1, parent_id: null },
            { text: "Gorgeous 😍", reply_count: 0 },
          ],
        },
      },
    });
    expect(only().query).toEqual({ fields: COMMENT_FIELDS, limit: "50" });
  });

  it("reply_to_comment posts the message as a query parameter", async () => {
    const path = "/v23.0/17858893269000001/replies";
    const context = await serve({ [`POST ${path}`]: { body: { id: "17858893269000009" } } });
    const result = await integration.executeAction(
      "reply_to_comment",
      { comment_id: "17858893269000001", message: "Yes, it is dishwasher safe!" },
      context,
    );
    expect(result).toMatchObject({ type: "action", result: { data: { id: "17858893269000009" } } });
    const request = only();
    expect(request.method).toBe("POST");
    expect(request.query).toEqual({ message: "Yes, it is dishwasher safe!" });
  });
});

describe("paging and declared error mapping", () => {
  it("list_media's next_cursor, passed back as after, reads the next page", async () => {
    const context = await serve({
      "GET /v23.0/me/media": (request) =>
        request.query.after === "QVFIUm5leHQ"
          ? { body: graphPage([reel], null) }
          : { body: graphPage([photo], "QVFIUm5leHQ") },
    });
    const first = await integration.executeAction("list_media", { limit: 1 }, context);
    const cursor = (first.result as { data: { next_cursor: string } }).data.next_cursor;
    expect(cursor).toBe("QVFIUm5leHQ");
    const second = await integration.executeAction(
      "list_media",
      { limit: 1, after: cursor },
      context,
    );
    expect(second).toMatchObject({
      type: "action",
      result: { data: { media: [{ id: reel.id }], next_cursor: null } },
    });
    // One request per call: a page-at-a-time action never reads ahead.
    expect(server.requests.map((r) => r.query)).toEqual([
      { fields: MEDIA_FIELDS, limit: "1" },
      { fields: MEDIA_FIELDS, limit: "1", after: "QVFIUm5leHQ" },
    ]);
  });

  it("list_comments's next_cursor is the after cursor while Graph says a next page exists", async () => {
    const context = await serve({
      [`GET /v23.0/${photo.id}/comments`]: { body: graphPage(comments, "QVFIUmMy") },
    });
    const result = await integration.executeAction(
      "list_comments",
      { media_id: photo.id, limit: 2 },
      context,
    );
    expect(result).toMatchObject({ result: { data: { next_cursor: "QVFIUmMy" } } });
    only();
  });

  it("list_comments on an unknown media and a reply to an unknown comment are action errors", async () => {
    const unknown = (id: string) => ({
      status: 400,
      body: graphError(
        100,
        `Unsupported get request. Object with ID '${id}' does not exist.`,
        "GraphMethodException",
      ),
    });
    const context = await serve({
      "GET /v23.0/404/comments": unknown("404"),
      "POST /v23.0/405/replies": unknown("405"),
    });
    const listed = await integration.executeAction("list_comments", { media_id: "404" }, context);
    expect(listed).toMatchObject({
      type: "action_error",
      result: {
        message:
          "Instagram media 404 does not exist or does not belong to the connected account: take the id from List Media.",
      },
    });
    const replied = await integration.executeAction(
      "reply_to_comment",
      { comment_id: "405", message: "Thanks!" },
      context,
    );
    expect(replied).toMatchObject({
      type: "action_error",
      result: {
        message:
          "Instagram comment 405 does not exist or is not on one of the connected account's posts: take the id from List Comments.",
      },
    });
  });
});

describe("failures", () => {
  it("surfaces an expired token as HTTPError with the Graph API error", async () => {
    const body = graphError(190, "Error validating access token: Session has expired.");
    const context = await serve({ "GET /v23.0/me/media": { status: 400, body } });
    const error = await integration
      .executeAction("list_media", {}, context)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HTTPError);
    expect(error).toMatchObject({ status: 400, responseData: body });
    expect((error as Error).message).not.toContain(TOKEN);
  });

  it("surfaces a 429 as RateLimitError", async () => {
    const context = await serve({
      [`GET /v23.0/${photo.id}/comments`]: {
        status: 429,
        headers: { "retry-after": "30" },
        body: graphError(4, "Application request limit reached", "OAuthException"),
      },
    });
    const run = integration.executeAction("list_comments", { media_id: photo.id }, context);
    await expect(run).rejects.toBeInstanceOf(RateLimitError);
    await expect(run).rejects.toMatchObject({ retryAfter: 30 });
  });
});

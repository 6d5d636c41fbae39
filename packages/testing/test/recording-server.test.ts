import { afterEach, describe, expect, it } from "vitest";
import { type RecordingServer, startRecordingServer } from "../src/index.ts";

let server: RecordingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("startRecordingServer", () => {
  it("serves a route and records method, path, query, headers and JSON body", async () => {
    server = await startRecordingServer({ "POST /v1/items": { status: 201, body: { id: "7" } } });
    const response = await fetch(`${server.origin}/v1/items?tag=a&tag=b&limit=2`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer t" },
      body: JSON.stringify({ name: "x" }),
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ id: "7" });
    const [request] = server.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/v1/items");
    expect(request?.query).toEqual({ tag: ["a", "b"], limit: "2" });
    expect(request?.headers.authorization).toBe("Bearer t");
    expect(request?.body).toEqual({ name: "x" });
  });

  it("records the request target undecoded and keeps malformed JSON as text", async () => {
    server = await startRecordingServer({ "POST /a b": { status: 204 } });
    const response = await fetch(`${server.origin}/a%20b?x=1&y=%2F`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(204);
    expect(server.requests[0]).toMatchObject({
      url: "/a%20b?x=1&y=%2F",
      path: "/a b",
      query: { x: "1", y: "/" },
      body: "{not json",
      rawBody: "{not json",
    });
  });

  it("serves a list of replies in order and repeats the last one", async () => {
    server = await startRecordingServer({ "GET /n": [{ body: 1 }, (r) => ({ body: r.query })] });
    const bodies = [];
    for (let i = 0; i < 3; i++)
      bodies.push(await (await fetch(`${server.origin}/n?i=${i}`)).json());
    expect(bodies).toEqual([1, { i: "1" }, { i: "2" }]);
    expect(server.requestsTo("GET /n")).toHaveLength(3);
  });

  it("answers 404 naming an unknown route and 500 when a responder throws", async () => {
    server = await startRecordingServer({
      "GET /boom": () => {
        throw new Error("broken");
      },
    });
    const missing = await fetch(`${server.origin}/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "test server has no route for GET /nope" });
    expect((await fetch(`${server.origin}/boom`)).status).toBe(500);
  });

  it("can be closed twice", async () => {
    const closed = await startRecordingServer({});
    await closed.close();
    await expect(closed.close()).resolves.toBeUndefined();
    await expect(fetch(`${closed.origin}/`)).rejects.toThrow();
  });
});

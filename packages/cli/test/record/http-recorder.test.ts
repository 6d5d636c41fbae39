import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { ExecutionContext } from "@plugboard/sdk";
import { loadFixture, replayFixture, startRecordingServer } from "@plugboard/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand } from "../../src/commands/run.ts";
import { capture } from "../capture.ts";
import { createFixtureWorkspace } from "../fixtures/workspace.ts";

let workspace: Awaited<ReturnType<typeof createFixtureWorkspace>>;
/** Stands in for the real notes API: `--record` forwards to it and records what it answers. */
let realApi: Awaited<ReturnType<typeof startRecordingServer>>;
let authFile = "";

beforeAll(async () => {
  workspace = await createFixtureWorkspace();
  realApi = await startRecordingServer({
    "POST /v1/notes": (request) => ({
      status: 201,
      headers: { "x-request-id": "req-77" },
      body: { id: "note-9", ...(request.body as object), echoed_key: request.query.key },
    }),
  });
  authFile = path.join(workspace.root, "auth.json");
  await writeFile(authFile, JSON.stringify({ api_key: "sk-live-recorded-4821" }));
}, 60_000);

afterAll(async () => {
  await realApi?.close();
  await workspace?.remove();
});

describe("plugboard run --record and replayFixture", () => {
  it("records a real run with credentials redacted and readable bodies, and replays it offline", async () => {
    const { code, stdout, stderr } = await capture(runCommand, [
      "notes.create_note",
      "--input",
      '{"title": "Buy milk", "priority": "high"}',
      "--auth-file",
      authFile,
      "--cwd",
      workspace.root,
      "--origin",
      `https://api.notes.test=${realApi.origin}`,
      "--record",
      "fixtures/create-note.json",
    ]);
    expect(code).toBe(0);
    expect(stderr).toBe("recorded 1 HTTP exchange to fixtures/create-note.json\n");
    expect(JSON.parse(stdout).result.data.note.id).toBe("note-9");
    // The run really reached the API with the real key.
    expect(realApi.requests[0]?.headers.authorization).toBe("Bearer sk-live-recorded-4821");

    const file = path.join(workspace.root, "fixtures/create-note.json");
    const text = await readFile(file, "utf8");
    expect(text).not.toContain("sk-live-recorded-4821");
    const fixture = await loadFixture(file);
    expect(fixture.recorded).toBe("plugboard run notes.create_note");
    const [exchange] = fixture.exchanges;
    expect(exchange?.request).toMatchObject({
      method: "POST",
      url: "https://api.notes.test/v1/notes?key=%5BREDACTED%5D",
      body: { title: "Buy milk", priority: "high" },
    });
    expect(exchange?.request.headers.authorization).toBe("[REDACTED]");
    expect(exchange?.response).toMatchObject({
      status: 201,
      body: { id: "note-9", title: "Buy milk", echoed_key: "[REDACTED]" },
    });
    expect(exchange?.response.headers["x-request-id"]).toBe("req-77");

    // Replay: the real API is gone from the picture; a handler gets the recorded payload.
    const replay = await replayFixture(file);
    const context = new ExecutionContext({
      auth: { api_key: "test-key" },
      originOverrides: replay.originOverrides,
    });
    try {
      const response = await context.fetch("https://api.notes.test/v1/notes", {
        method: "POST",
        json: { title: "Buy milk", priority: "high" },
        params: { key: "test-key" },
      });
      expect(response.status).toBe(201);
      expect(response.data).toMatchObject({ id: "note-9", title: "Buy milk" });
      expect(response.headers["x-request-id"]).toBe("req-77");
      expect(replay.unused()).toEqual([]);
      // A request the fixture does not hold is a 404 that says so.
      await expect(context.fetch("https://api.notes.test/v1/other")).rejects.toThrow(
        /no unused exchange for GET https:\/\/api\.notes\.test\/v1\/other/,
      );
    } finally {
      await context.close();
      await replay.close();
    }
    expect(realApi.requests).toHaveLength(1);
  });
});

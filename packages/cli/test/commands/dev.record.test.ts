import { readFile } from "node:fs/promises";
import path from "node:path";
import { loadFixture, startRecordingServer } from "@plugboard/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DevProcess, startDev } from "../dev-process.ts";
import { createFixtureWorkspace } from "../fixtures/workspace.ts";

const KEY = "sk-live-dev-recorded-5517";

let workspace: Awaited<ReturnType<typeof createFixtureWorkspace>>;
/** Stands in for the real notes API: the playground's runs reach it and are recorded. */
let realApi: Awaited<ReturnType<typeof startRecordingServer>>;
let dev: DevProcess | undefined;

beforeAll(async () => {
  workspace = await createFixtureWorkspace();
  realApi = await startRecordingServer({
    "POST /v1/notes": (request) => ({
      status: 201,
      body: { id: `note-${realApi.requests.length}`, ...(request.body as object) },
    }),
    "GET /v1/me": { body: { email: "ada@example.com", name: "Ada" } },
  });
}, 60_000);

afterAll(async () => {
  await dev?.stop();
  await realApi?.close();
  await workspace?.remove();
});

async function post(url: string, body: unknown) {
  const response = await fetch(new URL("/api/run", url), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) };
}

describe("plugboard dev --record", () => {
  it("records each run from the page into a fixture per action, credentials redacted", async () => {
    dev = await startDev(
      workspace.root,
      "--origin",
      `https://api.notes.test=${realApi.origin}`,
      "--record",
      "fixtures/dev",
    );
    const run = (title: string) =>
      post(dev?.url ?? "", {
        action: "notes.create_note",
        inputs: { title, priority: "high" },
        credentials: { api_key: KEY },
      });

    const first = await run("Buy milk");
    expect(first.status).toBe(200);
    expect(first.body.result.type).toBe("action");
    expect(first.body.recorded).toBe(path.join("fixtures", "dev", "notes.create_note.json"));
    expect(first.text).not.toContain(KEY);
    // The run reached the API with the real key; the fixture holds none of it.
    expect(realApi.requests[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
    const file = path.join(workspace.root, "fixtures/dev/notes.create_note.json");
    expect(await readFile(file, "utf8")).not.toContain(KEY);
    const fixture = await loadFixture(file);
    expect(fixture.recorded).toBe("plugboard dev: notes.create_note");
    expect(fixture.exchanges).toHaveLength(1);
    expect(fixture.exchanges[0]?.request).toMatchObject({
      method: "POST",
      url: "https://api.notes.test/v1/notes?key=%5BREDACTED%5D",
      body: { title: "Buy milk", priority: "high" },
    });
    expect(fixture.exchanges[0]?.request.headers.authorization).toBe("[REDACTED]");

    // The latest run of an action replaces its fixture.
    const second = await run("Walk the dog");
    expect(second.body.recorded).toBe(first.body.recorded);
    const replaced = await loadFixture(file);
    expect(replaced.exchanges).toHaveLength(1);
    expect(replaced.exchanges[0]?.request.body).toMatchObject({ title: "Walk the dog" });

    // The connected-account handler's requests are recorded too, into a fixture of their own.
    const account = await post(dev.url, {
      connectedAccount: "notes",
      credentials: { api_key: KEY },
    });
    expect(account.status).toBe(200);
    expect(account.body.recorded).toBe(
      path.join("fixtures", "dev", "notes.connected_account.json"),
    );
    const me = await loadFixture(
      path.join(workspace.root, "fixtures/dev/notes.connected_account.json"),
    );
    expect(me.exchanges.map((e) => `${e.request.method} ${e.request.url}`)).toEqual([
      expect.stringMatching(/^GET https:\/\/api\.notes\.test\/v1\/me/),
    ]);
    expect(dev.stderr()).toContain(
      `recorded 1 HTTP exchange to ${path.join("fixtures", "dev", "notes.create_note.json")}`,
    );
    expect(dev.stderr()).not.toContain(KEY);
  }, 60_000);

  it("records nothing and says nothing of fixtures without --record", async () => {
    await dev?.stop();
    dev = await startDev(workspace.root, "--origin", `https://api.notes.test=${realApi.origin}`);
    const plain = await post(dev.url, {
      action: "notes.create_note",
      inputs: { title: "Unrecorded", priority: "low" },
      credentials: { api_key: KEY },
    });
    expect(plain.body.result.type).toBe("action");
    expect(plain.body).not.toHaveProperty("recorded");
    expect(dev.stderr()).not.toContain("recorded");
  }, 60_000);
});

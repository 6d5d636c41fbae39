import { request } from "node:http";
import { startRecordingServer } from "@plugboard/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPlayground } from "../src/server.ts";
import { createFixtureWorkspace } from "./fixtures/workspace.ts";

/** The notes API: every request is recorded and answered 201 with the posted JSON and an id. */
async function startNotesApi() {
  const api = await startRecordingServer(
    {},
    {
      fallback: (request) => ({
        status: 201,
        body: { id: `note-${api.requests.length}`, ...(request.body as object) },
      }),
    },
  );
  return api;
}

let workspace: Awaited<ReturnType<typeof createFixtureWorkspace>>;
let api: Awaited<ReturnType<typeof startNotesApi>>;
let playground: Awaited<ReturnType<typeof startPlayground>>;

beforeAll(async () => {
  workspace = await createFixtureWorkspace();
  api = await startNotesApi();
  playground = await startPlayground({
    root: workspace.root,
    port: 0,
    originOverrides: { "https://api.notes.test": api.origin },
  });
}, 60_000);

afterAll(async () => {
  await playground?.close();
  await api?.close();
  await workspace?.remove();
});

// biome-ignore lint/suspicious/noExplicitAny: API responses, whose shape the assertions check.
type Body = Record<string, any>;

async function post(body: unknown) {
  const response = await fetch(new URL("/api/run", playground.url), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Body };
}

describe("the playground server", () => {
  it("listens on 127.0.0.1 and serves the page, its script and the form library", async () => {
    expect(playground.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await fetch(playground.url);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(await page.text()).toContain('<script src="/vendor/jsoneditor.js"></script>');
    const library = await fetch(new URL("/vendor/jsoneditor.js", playground.url));
    expect(library.status).toBe(200);
    expect((await library.text()).length).toBeGreaterThan(100_000);
    expect((await fetch(new URL("/nope", playground.url))).status).toBe(404);
  });

  it("lists integrations with form schemas and a credentials form", async () => {
    const response = await fetch(new URL("/api/integrations", playground.url));
    const body = (await response.json()) as { integrations: Body[] };
    const notes = body.integrations.find((integration) => integration.name === "notes");
    expect(notes?.actions.map((action: { qualifiedName: string }) => action.qualifiedName)).toEqual(
      ["notes.create_note", "notes.archive_note"],
    );
    expect(notes?.actions[0].schema.properties.title.title).toBe("Title");
    expect(notes?.credentials.properties.api_key).toMatchObject({
      format: "password",
      title: "API key",
    });
    const weather = body.integrations.find((integration) => integration.name === "weather");
    expect(weather?.credentials).toBeNull();
  });

  it("runs an action through the same path as `plugboard run`, returning redacted HTTP calls", async () => {
    const { status, body } = await post({
      action: "notes.create_note",
      inputs: { title: "From the page", priority: "normal" },
      credentials: { api_key: "pg-secret-42" },
    });
    expect(status).toBe(200);
    expect(body.result).toMatchObject({
      type: "action",
      result: { data: { note: { title: "From the page" } } },
    });
    expect(body.calls).toHaveLength(1);
    expect(body.calls[0]).toMatchObject({ method: "POST", status: 201 });
    expect(body.calls[0].url).toMatch(/^https:\/\/api\.notes\.test\/v1\/notes\?key=/);
    expect(JSON.stringify(body)).not.toContain("pg-secret-42");
    expect(api.requests.at(-1)?.headers.authorization).toBe("Bearer pg-secret-42");
  });

  it("places validation errors on the offending fields", async () => {
    const { body } = await post({
      action: "notes.create_note",
      inputs: { priority: "urgent", count: 0 },
      credentials: { api_key: "k" },
    });
    expect(body.result.type).toBe("validation_error");
    const pointers = body.fieldErrors.map((error: { pointer: string }) => error.pointer).sort();
    expect(pointers).toEqual(["/count", "/priority", "/title"]);
  });

  it("answers bad requests with one clear error", async () => {
    expect((await post({ action: "notes.create_note", inputs: {} })).body.error).toBe(
      'notes needs credentials: missing "api_key": fill in the credentials form',
    );
    expect((await post({ action: "notes.create_nte" })).body.error).toContain(
      'Did you mean "notes.create_note"?',
    );
    const text = await fetch(new URL("/api/run", playground.url), { method: "POST", body: "{}" });
    expect(text.status).toBe(415);
  });

  it("refuses requests addressed to another host name", async () => {
    const { port } = new URL(playground.url);
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request({
        host: "127.0.0.1",
        port,
        path: "/",
        headers: { host: `evil.test:${port}` },
      });
      req.on("response", (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on("error", reject);
      req.end();
    });
    expect(status).toBe(403);
  });
});

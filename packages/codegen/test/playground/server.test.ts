import { once } from "node:events";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devCommand } from "../../src/commands/dev.ts";
import { startPlayground } from "../../src/playground/server.ts";
import { capture } from "../cli/capture.ts";
import { startFakeApi } from "../cli/fake-api.ts";
import { createFixtureWorkspace } from "../cli/fixtures/workspace.ts";

let workspace: Awaited<ReturnType<typeof createFixtureWorkspace>>;
let api: Awaited<ReturnType<typeof startFakeApi>>;
let playground: Awaited<ReturnType<typeof startPlayground>>;

beforeAll(async () => {
  workspace = await createFixtureWorkspace();
  api = await startFakeApi();
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
    expect(api.received.at(-1)?.headers.authorization).toBe("Bearer pg-secret-42");
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

describe("plugboard dev", () => {
  it("fails with one line when the port is in use", async () => {
    const blocker = createServer();
    blocker.listen(0, "127.0.0.1");
    await once(blocker, "listening");
    const { port } = blocker.address() as AddressInfo;
    try {
      const { code, stderr } = await capture(devCommand, [
        "--port",
        String(port),
        "--cwd",
        workspace.root,
      ]);
      expect(code).toBe(1);
      expect(stderr).toBe(
        `plugboard dev: port ${port} is in use on 127.0.0.1: pass --port <n>, or --port 0 for any free port\n`,
      );
    } finally {
      blocker.close();
    }
  });

  it("rejects a port that is not a number and explains itself on --help", async () => {
    expect((await capture(devCommand, ["--port", "http"])).stderr).toBe(
      "plugboard dev: --port http: expected a port number from 0 to 65535\n",
    );
    expect((await capture(devCommand, ["--help"])).stdout).toContain("Usage: plugboard dev");
  });
});

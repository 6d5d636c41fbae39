import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { ExecutionContext } from "@plugboard/sdk";
import { loadFixture, replayFixture, startRecordingServer } from "@plugboard/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pollCommand } from "../../src/commands/poll.ts";
import { runCommand } from "../../src/commands/run.ts";
import { processIntegration } from "../../src/process-integration.ts";
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
    "GET /v1/feed": [
      { body: { notes: [{ id: "n1", title: "First" }] } },
      {
        body: {
          notes: [
            { id: "n1", title: "First" },
            { id: "n2", title: "Second" },
          ],
        },
      },
    ],
    "GET /v1/me": { body: { email: "ada@example.com", name: "Ada" } },
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

describe("plugboard poll --record and run --connected-account --record", () => {
  it("records every poll of a simulated schedule into one fixture", async () => {
    const { code, stderr } = await capture(pollCommand, [
      "notes.new_notes",
      "--times",
      "2",
      "--json",
      "--auth-file",
      authFile,
      "--cwd",
      workspace.root,
      "--origin",
      `https://api.notes.test=${realApi.origin}`,
      "--record",
      "fixtures/new-notes.json",
    ]);
    expect(code).toBe(0);
    expect(stderr).toContain("recorded 2 HTTP exchanges to fixtures/new-notes.json");
    const file = path.join(workspace.root, "fixtures/new-notes.json");
    expect(await readFile(file, "utf8")).not.toContain("sk-live-recorded-4821");
    const fixture = await loadFixture(file);
    expect(fixture.recorded).toBe("plugboard poll notes.new_notes --times 2");
    expect(fixture.exchanges.map((e) => e.request.url)).toEqual([
      "https://api.notes.test/v1/feed?key=%5BREDACTED%5D",
      expect.stringMatching(/^https:\/\/api\.notes\.test\/v1\/feed\?key=%5BREDACTED%5D&since=/),
    ]);
    expect(fixture.exchanges[1]?.response.body).toMatchObject({ notes: [{}, { id: "n2" }] });
  });

  it("records the connected-account handler's requests", async () => {
    const { code, stderr } = await capture(runCommand, [
      "notes",
      "--connected-account",
      "--json",
      "--auth-file",
      authFile,
      "--cwd",
      workspace.root,
      "--origin",
      `https://api.notes.test=${realApi.origin}`,
      "--record",
      "fixtures/me.json",
    ]);
    expect(code).toBe(0);
    expect(stderr).toBe("recorded 1 HTTP exchange to fixtures/me.json\n");
    const fixture = await loadFixture(path.join(workspace.root, "fixtures/me.json"));
    expect(fixture.recorded).toBe("plugboard run notes");
    expect(fixture.exchanges[0]).toMatchObject({
      request: { method: "GET", url: "https://api.notes.test/v1/me" },
      response: { status: 200, body: { email: "ada@example.com" }, bodyEncoding: "json" },
    });
  });
});

// An integration whose API root comes from the credentials (as Freshdesk's helpdesk does),
// next to an API named in its sources: --record must see both without being told either.
const filesConfig = {
  name: "files",
  display_name: "Files",
  version: "1.0.0",
  description: "Reads files from two APIs, one of them at an address the credentials give.",
  entry_point: "src/index.ts",
  auth: {
    type: "custom",
    title: "Files API",
    fields: {
      type: "object",
      properties: {
        api_key: { type: "string", format: "password", label: "API key" },
        base_url: { type: "string", label: "Where your files server is" },
      },
      required: ["api_key", "base_url"],
    },
  },
  actions: {
    fetch_files: {
      display_name: "Fetch files",
      description: "Reads metadata, a text file, an image and gzipped stats.",
      input_schema: { type: "object", properties: {} },
      output_schema: { type: "object" },
    },
  },
};

const filesSources: Record<string, string> = {
  "package.json":
    '{ "name": "@plugboard/integration-files", "version": "1.0.0", "type": "module" }\n',
  "src/index.ts": `import { createIntegration, type Handlers } from "./generated/contract.gen.ts";
import { fetchFiles } from "./actions/fetch_files.ts";

/** The files test integration: its own server's root comes from the credentials. */
export const integration = createIntegration({
  actions: { fetch_files: fetchFiles } satisfies Handlers,
}).requests({ baseUrl: (c) => c.base_url, auth: { headers: { "X-Api-Key": "api_key" } } });
`,
  "src/actions/fetch_files.ts": `import { createHash } from "node:crypto";
import { defineAction } from "../generated/contract.gen.ts";

/** Reads from both APIs; the image's digest shows whether its bytes arrived intact. */
export const fetchFiles = defineAction("fetch_files", async (_inputs, context) => {
  const meta = await context.fetch("https://api.files.test/v1/files/7");
  const readme = await context.fetch("https://api.files.test/v1/files/7/readme.txt");
  const logo = await context.fetch("/logo.png");
  const stats = await context.fetch("/stats", { params: { token: context.credentials.api_key } });
  const digest = createHash("sha256").update(String(logo.data)).digest("hex");
  return { data: { meta: meta.data, readme: readme.data, logo: digest, stats: stats.data } };
});
`,
};

describe("plugboard run --record: every origin, readable text, exact bytes", () => {
  const key = "fk-live-77c1e0d9a3";
  // Not UTF-8 (0x89, 0xff, 0xfe…): stored as base64, replayed byte for byte.
  const logo = Buffer.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe, 0x80, 0xc3, 0x28, 0x7f,
  ]);
  const readme = "Café menu ✓\nline two\n";
  const meta = { id: 7, name: "menu", tags: ["a", "b"] };
  const stats = { downloads: 12, owner_token: key };

  it("records an origin taken from the credentials, and replays all payloads byte-equal", async () => {
    const dir = path.join(workspace.root, "integrations/files");
    await mkdir(path.join(dir, "src/actions"), { recursive: true });
    await writeFile(path.join(dir, "config.json"), `${JSON.stringify(filesConfig, null, 2)}\n`);
    for (const [file, contents] of Object.entries(filesSources)) {
      await writeFile(path.join(dir, file), contents);
    }
    expect(processIntegration(dir).status).not.toBe("failed");

    const namedApi = await startRecordingServer({
      "GET /v1/files/7": { body: meta },
      "GET /v1/files/7/readme.txt": {
        headers: { "content-type": "text/plain; charset=utf-8" },
        raw: readme,
      },
    });
    const credentialApi = await startRecordingServer({
      "GET /logo.png": { headers: { "content-type": "image/png" }, raw: logo },
      "GET /stats": {
        headers: { "content-type": "application/json", "content-encoding": "gzip" },
        raw: gzipSync(JSON.stringify(stats)),
      },
    });
    const auth = path.join(workspace.root, "files-auth.json");
    await writeFile(auth, JSON.stringify({ api_key: key, base_url: credentialApi.origin }));
    try {
      const recorded = await capture(runCommand, [
        "files.fetch_files",
        "--json",
        "--auth-file",
        auth,
        "--cwd",
        workspace.root,
        "--origin",
        `https://api.files.test=${namedApi.origin}`,
        "--record",
        "fixtures/files.json",
      ]);
      expect(recorded.stderr).toBe("recorded 4 HTTP exchanges to fixtures/files.json\n");
      expect(recorded.code).toBe(0);
      expect(credentialApi.requests[0]?.headers["x-api-key"]).toBe(key);

      const file = path.join(workspace.root, "fixtures/files.json");
      const text = await readFile(file, "utf8");
      expect(text).not.toContain(key);
      const fixture = await loadFixture(file);
      const [metaX, readmeX, logoX, statsX] = fixture.exchanges;
      expect(metaX?.request.url).toBe("https://api.files.test/v1/files/7");
      expect(metaX?.response).toMatchObject({ body: meta, bodyEncoding: "json" });
      // Text stays readable in the file, not base64.
      expect(readmeX?.response).toMatchObject({ body: readme, bodyEncoding: "text" });
      expect(logoX?.request.url).toBe(`${credentialApi.origin}/logo.png`);
      expect(logoX?.request.headers["x-api-key"]).toBe("[REDACTED]");
      expect(logoX?.response).toMatchObject({
        body: logo.toString("base64"),
        bodyEncoding: "base64",
      });
      // Gzip undone so the body is readable; the credential inside it and in the query redacted.
      expect(statsX?.request.url).toBe(`${credentialApi.origin}/stats?token=%5BREDACTED%5D`);
      expect(statsX?.response.headers["content-encoding"]).toBeUndefined();
      expect(statsX?.response).toMatchObject({
        body: { downloads: 12, owner_token: "[REDACTED]" },
        bodyEncoding: "json",
      });

      const replay = await replayFixture(file);
      try {
        const bytes = async (origin: string, pathAndQuery: string) => {
          const local = replay.originOverrides[origin];
          const response = await fetch(`${local}${pathAndQuery}`);
          return Buffer.from(await response.arrayBuffer());
        };
        expect(await bytes("https://api.files.test", "/v1/files/7")).toEqual(
          Buffer.from(JSON.stringify(meta)),
        );
        expect(await bytes("https://api.files.test", "/v1/files/7/readme.txt")).toEqual(
          Buffer.from(readme),
        );
        expect(await bytes(credentialApi.origin, "/logo.png")).toEqual(logo);
        expect(replay.unused()).toEqual([`GET ${credentialApi.origin}/stats?token=%5BREDACTED%5D`]);
      } finally {
        await replay.close();
      }

      // The handler itself, replayed offline: the same output as the recorded run, but for
      // the credential the fixture redacted.
      const again = await replayFixture(file);
      try {
        const replayed = await capture(runCommand, [
          "files.fetch_files",
          "--json",
          "--auth-file",
          auth,
          "--cwd",
          workspace.root,
          ...Object.entries(again.originOverrides).flatMap(([from, to]) => [
            "--origin",
            `${from}=${to}`,
          ]),
        ]);
        expect(replayed.code).toBe(0);
        const before = JSON.parse(recorded.stdout).result.data;
        const after = JSON.parse(replayed.stdout).result.data;
        expect(after).toEqual({ ...before, stats: { ...before.stats, owner_token: "[REDACTED]" } });
        expect(again.unused()).toEqual([]);
      } finally {
        await again.close();
      }
    } finally {
      await namedApi.close();
      await credentialApi.close();
    }
  });
});

// An operator's declared secret that travels where no credential name marks it: --record
// redacts it as the run's context does, from the value itself.
const relayConfig = {
  name: "relay",
  version: "1.0.0",
  description: "Posts notes signed with the operator's key.",
  entry_point: "src/index.ts",
  secrets: [{ name: "relay", keys: ["RELAY_SIGNING_KEY"] }],
  actions: {
    post_note: {
      description: "Posts a note with the operator's signature in its body.",
      secrets: ["relay"],
      input_schema: { type: "object", properties: {} },
      output_schema: { type: "object" },
    },
  },
};

const relaySources: Record<string, string> = {
  "package.json":
    '{ "name": "@plugboard/integration-relay", "version": "1.0.0", "type": "module" }\n',
  "src/index.ts": `import { createIntegration, type Handlers } from "./generated/contract.gen.ts";
import { postNote } from "./actions/post_note.ts";

/** The relay test integration. */
export const integration = createIntegration({ actions: { post_note: postNote } satisfies Handlers });
`,
  "src/actions/post_note.ts": `import { defineAction } from "../generated/contract.gen.ts";

/** Sends the operator's key in a body field no credential name marks. */
export const postNote = defineAction("post_note", async (_inputs, context) => {
  const sent = await context.fetch("https://api.relay.test/v1/notes", {
    method: "POST",
    json: { text: "hello", memo: context.secrets.RELAY_SIGNING_KEY },
  });
  return { data: { status: sent.status } };
});
`,
};

describe("plugboard run --record and declared secrets", () => {
  const signingKey = "rsk-live-5f0c2a7e91";

  it("redacts the operator's declared secret values wherever they travel", async () => {
    const dir = path.join(workspace.root, "integrations/relay");
    await mkdir(path.join(dir, "src/actions"), { recursive: true });
    await writeFile(path.join(dir, "config.json"), `${JSON.stringify(relayConfig, null, 2)}\n`);
    for (const [file, contents] of Object.entries(relaySources)) {
      await writeFile(path.join(dir, file), contents);
    }
    expect(processIntegration(dir).status).not.toBe("failed");
    // The API echoes the note back: the key travels in both directions.
    const relayApi = await startRecordingServer({
      "POST /v1/notes": (request) => ({ status: 201, body: { echoed: request.body } }),
    });
    process.env.RELAY_SIGNING_KEY = signingKey;
    try {
      const { code, stdout, stderr } = await capture(runCommand, [
        "relay.post_note",
        "--json",
        "--cwd",
        workspace.root,
        "--origin",
        `https://api.relay.test=${relayApi.origin}`,
        "--record",
        "fixtures/relay.json",
      ]);
      expect(code).toBe(0);
      expect(stderr).toBe("recorded 1 HTTP exchange to fixtures/relay.json\n");
      // The run really sent the key; neither the fixture nor the output holds it.
      expect(relayApi.requests[0]?.body).toEqual({ text: "hello", memo: signingKey });
      expect(stdout).not.toContain(signingKey);
      const file = path.join(workspace.root, "fixtures/relay.json");
      expect(await readFile(file, "utf8")).not.toContain(signingKey);
      const [exchange] = (await loadFixture(file)).exchanges;
      expect(exchange?.request.body).toEqual({ text: "hello", memo: "[REDACTED]" });
      expect(exchange?.response.body).toEqual({ echoed: { text: "hello", memo: "[REDACTED]" } });
    } finally {
      delete process.env.RELAY_SIGNING_KEY;
      await relayApi.close();
    }
  });
});

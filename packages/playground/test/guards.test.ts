import { mkdir, writeFile } from "node:fs/promises";
import { request } from "node:http";
import path from "node:path";
import { generate } from "@plugboard/codegen";
import type { IntegrationConfig } from "@plugboard/sdk";
import { startRecordingServer } from "@plugboard/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "../src/api.ts";
import { startPlayground } from "../src/server.ts";
import { createFixtureWorkspace } from "./fixtures/workspace.ts";

const VAULT_KEY = "vk-live-NEVER-SHOWN-3e7a";

// Handlers that misbehave: one throws with its key, one never returns.
const vault = {
  name: "vault",
  version: "1.0.0",
  description: "Misbehaving handlers.",
  entry_point: "src/index.ts",
  auth: {
    type: "custom",
    fields: { type: "object", properties: { api_key: { type: "string" } }, required: ["api_key"] },
  },
  actions: {
    leak: {
      description: "Throws quoting the key.",
      input_schema: { type: "object", properties: {} },
      output_schema: { type: "object" },
    },
    hang: {
      description: "Never returns.",
      input_schema: { type: "object", properties: {} },
      output_schema: { type: "object" },
    },
  },
};

const vaultSources: Record<string, string> = {
  "src/actions/leak.ts": `import { defineAction } from "../generated/contract.gen.ts";
export const leak = defineAction("leak", async (_inputs, context) => {
  throw new TypeError(\`request with key \${context.credentials.api_key} failed\`);
});
`,
  "src/actions/hang.ts": `import { defineAction } from "../generated/contract.gen.ts";
export const hang = defineAction("hang", () => new Promise(() => {}));
`,
  "package.json": `{ "name": "@plugboard/integration-vault", "version": "1.0.0", "type": "module" }
`,
};

let workspace: Awaited<ReturnType<typeof createFixtureWorkspace>>;
let playground: Awaited<ReturnType<typeof startPlayground>>;
let hasty: Awaited<ReturnType<typeof startPlayground>>;
let api: Awaited<ReturnType<typeof startRecordingServer>>;

beforeAll(async () => {
  workspace = await createFixtureWorkspace();
  const dir = path.join(workspace.root, "integrations", "vault");
  const files = [
    ...Object.entries(vaultSources).map(([file, contents]) => ({ path: file, contents })),
    { path: "config.json", contents: JSON.stringify(vault) },
    ...generate(vault as unknown as IntegrationConfig).filter(
      (file) => file.kind === "generated" || file.path === "src/index.ts",
    ),
  ];
  for (const file of files) {
    await mkdir(path.dirname(path.join(dir, file.path)), { recursive: true });
    await writeFile(path.join(dir, file.path), file.contents);
  }
  api = await startRecordingServer({}, { fallback: () => ({ status: 201, body: { id: "n-1" } }) });
  playground = await startPlayground({
    root: workspace.root,
    port: 0,
    originOverrides: { "https://api.notes.test": api.origin },
  });
  // A second playground whose runs may take half a second: the first run of an integration
  // (loading its handlers through tsx) may take longer than that on a busy machine.
  hasty = await startPlayground({ root: workspace.root, port: 0, timeout: 0.5 });
}, 60_000);

afterAll(async () => {
  await hasty?.close();
  await playground?.close();
  await api?.close();
  await workspace?.remove();
});

/** A raw request, so that Origin, Host and the body are exactly what the test says. */
function send(
  method: string,
  pathname: string,
  options: { headers?: Record<string, string>; body?: string | Buffer; to?: string } = {},
): Promise<{ status: number | undefined; text: string }> {
  const { port } = new URL(options.to ?? playground.url);
  return new Promise((resolve, reject) => {
    const req = request({
      host: "127.0.0.1",
      port,
      method,
      path: pathname,
      headers: { "content-type": "application/json", ...options.headers },
    });
    req.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        text += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode, text }));
    });
    // The server may answer and close before a large body is sent whole.
    req.on("error", (error: NodeJS.ErrnoException) =>
      error.code === "EPIPE" || error.code === "ECONNRESET" ? undefined : reject(error),
    );
    req.end(options.body);
  });
}

const run = (body: unknown, headers: Record<string, string> = {}) =>
  send("POST", "/api/run", { body: JSON.stringify(body), headers });

describe("the playground's guards", () => {
  it("refuses a request whose Origin is another site", async () => {
    const body = { action: "notes.create_note", inputs: { title: "x", priority: "low" } };
    const credentials = { api_key: "k-12345" };
    const foreign = await run({ ...body, credentials }, { origin: "https://evil.test" });
    expect(foreign.status).toBe(403);
    expect(foreign.text).toBe("Forbidden origin");
    const { port } = new URL(playground.url);
    const other = await run(
      { ...body, credentials },
      { origin: `http://127.0.0.1:${Number(port) + 1}` },
    );
    expect(other.status).toBe(403);
    expect(api.requests).toHaveLength(0);
    const own = await run({ ...body, credentials }, { origin: `http://127.0.0.1:${port}` });
    expect(own.status).toBe(200);
    expect(api.requests).toHaveLength(1);
  });

  it("answers 413 to a body over the cap without reading it whole", async () => {
    const huge = Buffer.alloc(MAX_BODY_BYTES + 1, " ");
    const declared = await send("POST", "/api/run", { body: huge });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.text).error).toContain(`over ${MAX_BODY_BYTES} bytes`);
    // Chunked, with no Content-Length to go by.
    const chunked = await send("POST", "/api/run", {
      body: huge,
      headers: { "transfer-encoding": "chunked" },
    });
    expect(chunked.status).toBe(413);
  });

  it("gives a hanging run up after its timeout with 504", async () => {
    const response = await send("POST", "/api/run", {
      body: JSON.stringify({ action: "vault.hang", credentials: { api_key: VAULT_KEY } }),
      to: hasty.url,
    });
    expect(response.status).toBe(504);
    expect(JSON.parse(response.text).error).toBe('Action "hang" did not finish within 0.5 s');
  });

  it("reports a handler's exception with its credential redacted", async () => {
    const response = await run({ action: "vault.leak", credentials: { api_key: VAULT_KEY } });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text).error).toBe(
      'action "leak" threw TypeError: request with key [REDACTED] failed',
    );
    expect(response.text).not.toContain(VAULT_KEY);
  });
});

import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { envSecretSource } from "@plugboard/sdk";
import { type RecordingServer, startRecordingServer } from "@plugboard/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Playground, startPlayground } from "../src/server.ts";
import { createFixtureWorkspace } from "./fixtures/workspace.ts";

// An integration whose action and trigger declare an operator secret, as perplexity's
// PERPLEXITY_API_KEY: `plugboard dev` must hand it over as `plugboard serve` does.
const SECRET = "vault-SECRET-value-91c2d7";
const UNDECLARED = "undeclared-SECRET-4a0b";

const config = {
  name: "vault",
  version: "1.0.0",
  description: "Reads a vault with the operator's key",
  entry_point: "src/index.ts",
  secrets: [{ name: "vault", keys: ["VAULT_API_KEY"] }],
  actions: {
    read_entries: {
      description: "Lists entries",
      secrets: ["vault"],
      input_schema: { type: "object" },
      output_schema: { type: "object" },
    },
  },
  polling_triggers: {
    new_entries: {
      description: "New entries",
      polling_interval: "5m",
      secrets: ["vault"],
      input_schema: { type: "object" },
      output_schema: { type: "object" },
    },
  },
};

const source = `import { Integration } from "@plugboard/sdk";

const integration = Integration.load(new URL("../config.json", import.meta.url));
const headers = (context: any) => ({ Authorization: \`Bearer \${context.secrets.VAULT_API_KEY}\` });

integration
  .action("read_entries", async (_inputs, context: any) => {
    const response = await context.fetch("https://api.vault.test/v1/entries", { headers: headers(context) });
    return { data: { entries: response.data.entries, keys: Object.keys(context.secrets) } };
  })
  .pollingTrigger("new_entries", async (_inputs, _lastPollTs, context: any) => {
    const response = await context.fetch("https://api.vault.test/v1/entries", { headers: headers(context) });
    return response.data.entries.map((id: string) => ({ id, data: { keys: Object.keys(context.secrets) } }));
  });

export { integration };
`;

let workspace: Awaited<ReturnType<typeof createFixtureWorkspace>>;
let api: RecordingServer;
let fromEnv: Playground;
let empty: Playground;

beforeAll(async () => {
  workspace = await createFixtureWorkspace();
  const dir = path.join(workspace.root, "integrations", "vault");
  await mkdir(path.join(dir, "src"), { recursive: true });
  await writeFile(path.join(dir, "config.json"), JSON.stringify(config, null, 2));
  await writeFile(path.join(dir, "src", "index.ts"), source);
  api = await startRecordingServer({ "GET /v1/entries": { body: { entries: ["e1"] } } });
  const originOverrides = { "https://api.vault.test": api.origin };
  // The default source is the environment, as for `plugboard serve`.
  process.env.VAULT_API_KEY = SECRET;
  process.env.VAULT_UNDECLARED_KEY = UNDECLARED;
  fromEnv = await startPlayground({ root: workspace.root, port: 0, originOverrides });
  empty = await startPlayground({
    root: workspace.root,
    port: 0,
    originOverrides,
    secretSource: envSecretSource({}),
  });
}, 60_000);

afterAll(async () => {
  delete process.env.VAULT_API_KEY;
  delete process.env.VAULT_UNDECLARED_KEY;
  await fromEnv?.close();
  await empty?.close();
  await api?.close();
  await workspace?.remove();
});

async function post(playground: Playground, body: unknown) {
  const response = await fetch(new URL("/api/run", playground.url), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  // Whatever the outcome, the page never receives a secret value.
  expect(text).not.toContain(SECRET);
  expect(text).not.toContain(UNDECLARED);
  // biome-ignore lint/suspicious/noExplicitAny: API responses, whose shape the assertions check.
  return { status: response.status, body: JSON.parse(text) as Record<string, any> };
}

describe("plugboard dev: declared secrets", () => {
  it("gives an action its declared secret from the environment, and no other", async () => {
    const before = api.requests.length;
    const { status, body } = await post(fromEnv, { action: "vault.read_entries", inputs: {} });
    expect(status).toBe(200);
    expect(body.result).toMatchObject({ type: "action", result: { data: { entries: ["e1"] } } });
    expect(body.result.result.data.keys).toEqual(["VAULT_API_KEY"]);
    expect(api.requests).toHaveLength(before + 1);
    expect(api.requests.at(-1)?.headers.authorization).toBe(`Bearer ${SECRET}`);
  });

  it("gives a polling trigger its declared secret too", async () => {
    const { status, body } = await post(fromEnv, { action: "vault.new_entries", inputs: {} });
    expect(status).toBe(200);
    expect(body.records.map((r: { id: string }) => r.id)).toEqual(["e1"]);
    expect(body.records[0].data.keys).toEqual(["VAULT_API_KEY"]);
    expect(api.requests.at(-1)?.headers.authorization).toBe(`Bearer ${SECRET}`);
  });

  it("refuses the action when its secret is not set, naming the key, and calls nothing", async () => {
    const before = api.requests.length;
    const { status, body } = await post(empty, { action: "vault.read_entries", inputs: {} });
    expect(status).toBe(400);
    expect(body.error).toContain("VAULT_API_KEY");
    expect(api.requests).toHaveLength(before);
  });
});

import { type AuthKind, exampleOrigin } from "./templates.ts";

function authFor(auth: AuthKind): string {
  if (auth === "custom") return `{ api_key: "test-key" }`;
  if (auth === "platform") {
    return `{ auth_type: "PlatformOauth2", credentials: { access_token: "test-token" } }`;
  }
  return "undefined";
}

/**
 * The scaffolded vitest file: runs `get_item` against @plugboard/testing's recording server.
 * Written as biome formats it, so a new integration passes the workspace's lint as it is.
 */
export function exampleTest(auth: AuthKind): string {
  const authorization =
    auth === "none"
      ? ""
      : `\n    expect(request?.headers.authorization).toBe("Bearer ${auth === "custom" ? "test-key" : "test-token"}");`;
  return `import { ExecutionContext } from "@plugboard/sdk";
import { type RecordingServer, startRecordingServer } from "@plugboard/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { integration } from "../src/index.ts";

let api: RecordingServer;

beforeAll(async () => {
  api = await startRecordingServer({
    "GET /items/42": { body: { id: "42", name: "Example item" } },
  });
});

afterAll(async () => {
  await api.close();
});

function context() {
  return new ExecutionContext({
    auth: ${authFor(auth)},
    originOverrides: { "${exampleOrigin}": api.origin },
  });
}

describe("get_item", () => {
  it("fetches the item from the API", async () => {
    const ctx = context();
    const result = await integration.executeAction("get_item", { item_id: "42" }, ctx);
    await ctx.close();
    expect(result.type).toBe("action");
    expect(result.result).toMatchObject({ data: { item: { id: "42", name: "Example item" } } });
    const request = api.requestsTo("GET /items/42")[0];
    expect(request?.path).toBe("/items/42");${authorization}
  });

  it("rejects inputs without item_id", async () => {
    const ctx = context();
    // @ts-expect-error: item_id is required, by the generated types as by the validator.
    const result = await integration.executeAction("get_item", {}, ctx);
    await ctx.close();
    expect(result.type).toBe("validation_error");
  });
});
`;
}

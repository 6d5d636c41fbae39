import { type AuthKind, exampleOrigin } from "./templates.ts";

function authFor(auth: AuthKind): string {
  if (auth === "custom") return `{ api_key: "test-key" }`;
  if (auth === "platform") {
    return `{ auth_type: "PlatformOauth2", credentials: { access_token: "test-token" } }`;
  }
  return "undefined";
}

/** The scaffolded vitest file: runs \`get_item\` against a local \`node:http\` server. */
export function exampleTest(auth: AuthKind): string {
  const authorization =
    auth === "none"
      ? ""
      : `\n    expect(requests[0]?.authorization).toBe("Bearer ${auth === "custom" ? "test-key" : "test-token"}");`;
  return `import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { ExecutionContext } from "@plugboard/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { integration } from "../src/index.ts";

const requests: Array<{ url: string | undefined; authorization: string | undefined }> = [];
const server = createServer((req, res) => {
  requests.push({ url: req.url, authorization: req.headers.authorization });
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ id: req.url?.split("/").at(-1), name: "Example item" }));
});
let origin = "";

beforeAll(async () => {
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  origin = \`http://127.0.0.1:\${(server.address() as AddressInfo).port}\`;
});

afterAll(() => {
  server.close();
});

function context() {
  return new ExecutionContext({
    auth: ${authFor(auth)},
    originOverrides: { "${exampleOrigin}": origin },
  });
}

describe("get_item", () => {
  it("fetches the item from the API", async () => {
    const ctx = context();
    const result = await integration.executeAction("get_item", { item_id: "42" }, ctx);
    await ctx.close();
    expect(result.type).toBe("action");
    expect(result.result).toMatchObject({ data: { item: { id: "42", name: "Example item" } } });
    expect(requests[0]?.url).toBe("/items/42");${authorization}
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

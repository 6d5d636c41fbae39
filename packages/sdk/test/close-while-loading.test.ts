import { afterAll, beforeAll, expect, it } from "vitest";
import { ExecutionContext } from "../src/index.ts";
import { startServer, type TestServer } from "./server.ts";

// Alone in its file: the HTTP modules are loaded once per module graph, and this must be the
// first request of this one, so that close() lands while they are still loading.
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
  server.respond(() => {});
});
afterAll(() => server.close());

it("fails a request whose context closed while the HTTP modules loaded, sending nothing", async () => {
  const context = new ExecutionContext({ requestConfig: { timeout: 600 } });
  const pending = context.fetch(`${server.origin}/never`).catch((e: unknown) => e);
  await context.close();
  const outcome = await Promise.race([
    pending,
    new Promise((resolve) => setTimeout(() => resolve("still waiting"), 20_000).unref()),
  ]);
  expect(outcome).toMatchObject({ name: "NetworkError", code: "aborted" });
  expect(server.requests).toHaveLength(0);
}, 30_000);

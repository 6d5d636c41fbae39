import { type RecordingServer, startRecordingServer } from "@plugboard/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ExecutionContext } from "../src/index.ts";

// Alone in its file: the HTTP modules are loaded once per module graph, and this must be the
// first request of this one, so that close() lands while they are still loading.
let server: RecordingServer;
beforeAll(async () => {
  // Never answers, were the request to leave.
  server = await startRecordingServer({}, { fallback: () => ({ handle: () => {} }) });
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

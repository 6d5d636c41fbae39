import { randomUUID } from "node:crypto";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import {
  probeLoads,
  type RecordingServer,
  removeWorkspace,
  startRecordingServer,
  writeProbeIntegration,
} from "@plugboard/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resultsDir } from "../fixtures/workspace.ts";
import { type ServeProcess, startServe } from "../serve-process.ts";

// One worker, so a call can be made to wait for it.
let root: string;
let api: RecordingServer;
let server: ServeProcess;
// One worker running two calls at once.
let shared: ServeProcess;

beforeAll(async () => {
  root = path.join(resultsDir, `serve-workers-${randomUUID().slice(0, 8)}`);
  await writeProbeIntegration(root);
  api = await startRecordingServer({ "GET /v1/ping": { body: { pong: true } } });
  const origin = `https://api.probe.test=${api.origin}`;
  [server, shared] = await Promise.all([
    startServe(["--workers", "1", "--no-auth", "--origin", origin, "--cwd", root], {}, null),
    startServe(["--workers", "1", "--concurrency", "2", "--no-auth", "--cwd", root], {}, null),
  ]);
}, 120_000);

afterAll(async () => {
  const codes = await Promise.all([server?.stop(), shared?.stop()]);
  await api?.close();
  await removeWorkspace(root);
  expect(codes).toEqual([0, 0]);
});

const action = (name: string) => `/integrations/probe/actions/${name}`;
const pending = async () => (await server.call("/healthz")).body.pending as number;

describe("plugboard serve: the worker pool", () => {
  it("loads the integration in a replacement worker before any call reaches it", async () => {
    const before = await probeLoads(root);
    expect(before).toBeGreaterThanOrEqual(1);
    const { status, body } = await server.call(action("hang"), {
      body: { inputs: {}, timeout_ms: 1000 },
    });
    expect(status).toBe(504);
    expect(body.error.code).toBe("timeout");
    // No call is made until the replacement has loaded the integration by itself.
    await expect.poll(() => probeLoads(root), { timeout: 60_000 }).toBe(before + 1);
    expect((await server.call(action("noop"), { body: { inputs: {} } })).status).toBe(200);
    expect(await probeLoads(root)).toBe(before + 1);
  }, 90_000);

  it("drops a call whose client went away while it waited for a worker", async () => {
    const file = path.join(root, "release-busy");
    const busy = server.call(action("busy_until"), { body: { inputs: { file } } });
    await expect.poll(pending, { timeout: 30_000 }).toBe(1);

    const client = new AbortController();
    const abandoned = fetch(`${server.url}${action("call_api")}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ inputs: {} }),
      signal: client.signal,
    }).catch((error: Error) => error.name);
    await expect.poll(pending, { timeout: 30_000 }).toBe(2);
    client.abort();
    expect(await abandoned).toBe("AbortError");
    // The queued call is gone before the worker frees up…
    await expect.poll(pending, { timeout: 30_000 }).toBe(1);
    await writeFile(file, "");
    expect((await busy).status).toBe(200);
    // …so it never ran: the API saw nothing until the next call.
    expect(api.requests).toHaveLength(0);
    expect((await server.call(action("call_api"), { body: { inputs: {} } })).status).toBe(200);
    expect(api.requests).toHaveLength(1);
  }, 90_000);
});

describe("plugboard serve --concurrency 2", () => {
  it("runs two calls on one worker; one stopped for its timeout takes the other down, named", async () => {
    // The slow call would wait for a minute; it only ends early because it shares the worker
    // the hanging call's timeout stops.
    const slow = shared.call(action("slow"), { body: { inputs: { ms: 600_000 } } });
    await expect.poll(async () => (await shared.call("/healthz")).body.pending).toBe(1);
    const hang = await shared.call(action("hang"), { body: { inputs: {}, timeout_ms: 1000 } });
    expect(hang.status).toBe(504);
    expect(hang.body.error.code).toBe("timeout");
    const { status, body } = await slow;
    expect(status).toBe(500);
    expect(body.error.code).toBe("worker_failed");
    expect(body.error.message).toContain('action "probe.hang" on it overran its timeout');
    expect((await shared.call(action("noop"), { body: { inputs: {} } })).status).toBe(200);
  }, 90_000);
});

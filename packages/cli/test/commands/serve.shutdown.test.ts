import { randomUUID } from "node:crypto";
import path from "node:path";
import { removeWorkspace, writeProbeIntegration } from "@plugboard/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resultsDir } from "../fixtures/workspace.ts";
import { startServe } from "../serve-process.ts";

let root: string;

beforeAll(async () => {
  root = path.join(resultsDir, `serve-${randomUUID().slice(0, 8)}`);
  await writeProbeIntegration(root);
});

afterAll(() => removeWorkspace(root));

describe("plugboard serve --isolation process --no-auth", () => {
  it("isolates handlers in child processes and shuts down gracefully on SIGTERM", async () => {
    const server = await startServe(
      ["--no-auth", "--isolation", "process", "--workers", "2", "--cwd", root],
      { PROBE_CANARY: "canary-value-3c4d" },
      null,
    );
    const env = await server.call("/integrations/probe/actions/env", { body: { inputs: {} } });
    expect(env.body.result.data.canary).toBeNull();
    // A child process knows only the worker id Tinypool gives it.
    expect(env.body.result.data.keys).toEqual(["TINYPOOL_WORKER_ID"]);
    const spin = await server.call("/integrations/probe/actions/spin", {
      body: { inputs: {}, timeout_ms: 1500 },
    });
    expect(spin.status).toBe(504);

    const slow = server.call("/integrations/probe/actions/slow", {
      body: { inputs: { ms: 8000 } },
    });
    await expect.poll(async () => (await server.call("/healthz")).body.pending).toBe(1);
    const exited = server.stop();
    await expect.poll(() => server.output()).toContain("shutting down, 1 call(s) in flight");
    const refused = await server.call("/integrations/probe/actions/noop", { body: { inputs: {} } });
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe("shutting_down");
    expect((await slow).body).toMatchObject({ type: "action", result: { data: { waited: 8000 } } });
    expect(await exited).toBe(0);
  }, 120_000);

  it("refuses --no-auth on an address other than loopback", async () => {
    await expect(
      startServe(["--no-auth", "--host", "0.0.0.0", "--cwd", root], {}, null),
    ).rejects.toThrow(/refusing to serve 0\.0\.0\.0 without a token/);
  }, 60_000);
});

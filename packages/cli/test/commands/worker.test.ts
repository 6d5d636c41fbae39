import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  removeWorkspace,
  startRedisServer,
  type TestRedis,
  writeProbeIntegration,
} from "@plugboard/testing";
import { ActionQueue, enqueueAction } from "@plugboard/worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workerCommand } from "../../src/commands/worker.ts";
import { capture } from "../capture.ts";
import { resultsDir } from "../fixtures/workspace.ts";

const entry = fileURLToPath(new URL("../plugboard-entry.ts", import.meta.url));
let root: string;
let redis: TestRedis;

beforeAll(async () => {
  root = path.join(resultsDir, `worker-${randomUUID().slice(0, 8)}`);
  [redis] = await Promise.all([startRedisServer(), writeProbeIntegration(root)]);
}, 120_000);

afterAll(async () => {
  await redis?.stop();
  await removeWorkspace(root);
});

/** Starts `plugboard worker` from source and resolves once it says it is consuming. */
async function startWorkerCommand(args: string[]): Promise<ChildProcessWithoutNullStreams> {
  const child = spawn(process.execPath, ["--import", "tsx", entry, "worker", ...args], {
    env: { ...process.env, NO_COLOR: "1" },
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('plugboard worker: queue "')) resolve();
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.once("exit", (code) => reject(new Error(`plugboard worker exited ${code}: ${output}`)));
  });
  child.removeAllListeners("exit");
  return child;
}

describe("plugboard worker", () => {
  it("explains itself on --help and refuses to start without Redis", async () => {
    const help = await capture(workerCommand, ["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: plugboard worker");
    expect(help.stdout).toContain("What is retried");
    const saved = process.env.PLUGBOARD_REDIS_URL;
    delete process.env.PLUGBOARD_REDIS_URL;
    try {
      const missing = await capture(workerCommand, ["--cwd", root]);
      expect(missing).toMatchObject({ code: 2 });
      expect(missing.stderr).toBe(
        "plugboard worker: no Redis: pass --redis <url> or set PLUGBOARD_REDIS_URL\n",
      );
    } finally {
      if (saved !== undefined) process.env.PLUGBOARD_REDIS_URL = saved;
    }
  });

  it("runs queued actions in its pool and stops on SIGTERM", async () => {
    const child = await startWorkerCommand(["--cwd", root, "--redis", redis.url, "--queue", "cli"]);
    const queue = await new ActionQueue(redis.url, "cli").ready();
    try {
      const envelope = await enqueueAction(queue, "probe.noop", {});
      expect(envelope).toEqual({
        version: "2.0.0",
        type: "action",
        result: { data: {}, cost_usd: null },
      });
    } finally {
      await queue.close();
      child.kill("SIGTERM");
      const [code] = await once(child, "exit");
      expect(code).toBe(0);
    }
  });
});

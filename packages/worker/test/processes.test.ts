import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import {
  type RecordingServer,
  startRecordingServer,
  startRedisServer,
  type TestRedis,
} from "@plugboard/testing";
import { type Job, Worker } from "bullmq";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ActionQueue, connectRedis, enqueueAction } from "../src/index.ts";
import { createQueueIntegration } from "./fixtures/queue-integration.ts";

const script = fileURLToPath(new URL("./worker-process.ts", import.meta.url));
const auth = { api_key: "sk-process-secret" };

let redis: TestRedis;
let fixture: Awaited<ReturnType<typeof createQueueIntegration>>;
let api: RecordingServer;
let releaseHold: () => void = () => {};
let holdCalls = 0;
let items: Array<{ id: string }> = [];
const children: ChildProcess[] = [];

/** Starts a worker process on `queue` and resolves once it is consuming. */
async function startWorkerProcess(queue: string, schedule?: string): Promise<ChildProcess> {
  const args = ["--import", "tsx", script, fixture.dir, redis.url, queue, api.origin];
  const child = spawn(process.execPath, schedule ? [...args, schedule] : args, {
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  let output = "";
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`worker process exited ${code}: ${output}`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("ready")) resolve();
    });
  });
  child.removeAllListeners("exit");
  return child;
}

async function stop(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  await once(child, "exit");
}

beforeAll(async () => {
  [redis, fixture] = await Promise.all([startRedisServer(), createQueueIntegration()]);
  api = await startRecordingServer({
    "GET /seen": (request) => ({ body: { n: request.query.n } }),
    // The first call hangs until the test releases it; later ones answer at once.
    "GET /hold": () =>
      ++holdCalls === 1
        ? new Promise((resolve) => {
            releaseHold = () => resolve({ body: { held: true } });
          })
        : { body: { held: false } },
    "GET /items": () => ({ body: items }),
  });
}, 120_000);

afterEach(async () => {
  await Promise.all(children.splice(0).map((child) => stop(child)));
});

afterAll(async () => {
  releaseHold();
  await api?.close();
  await redis?.stop();
  await fixture?.remove();
});

describe("worker processes sharing one queue", () => {
  it("run 1,000 jobs between two processes, none lost and none run twice", async () => {
    await Promise.all([startWorkerProcess("shared"), startWorkerProcess("shared")]);
    const queue = await new ActionQueue(redis.url, "shared").ready();
    try {
      const envelopes = await Promise.all(
        Array.from({ length: 1000 }, (_, n) =>
          enqueueAction(queue, "queue.call", { path: `/seen?n=${n}` }, auth),
        ),
      );
      expect(envelopes.every((e) => e.type === "action")).toBe(true);
      const seen = api.requestsTo("GET /seen").map((r) => Number(r.query.n));
      expect(seen).toHaveLength(1000);
      expect(new Set(seen).size).toBe(1000);
    } finally {
      await queue.close();
    }
  }, 300_000);

  it("hands the job of a worker killed with SIGKILL to the other worker, which completes it", async () => {
    const first = await startWorkerProcess("stalled");
    const queue = await new ActionQueue(redis.url, "stalled").ready();
    try {
      const result = enqueueAction(queue, "queue.call", { path: "/hold" }, auth);
      await expect.poll(() => holdCalls, { timeout: 60_000 }).toBe(1);
      await startWorkerProcess("stalled");
      await stop(first, "SIGKILL");
      // The killed worker's lock runs out; the other finds the job stalled and runs it again.
      expect(await result).toMatchObject({
        type: "action",
        result: { data: { body: { held: false } } },
      });
      expect(holdCalls).toBe(2);
    } finally {
      releaseHold();
      await queue.close();
    }
  }, 180_000);

  it("finishes the job in flight on SIGTERM, then exits", async () => {
    holdCalls = 0;
    const worker = await startWorkerProcess("graceful");
    const queue = await new ActionQueue(redis.url, "graceful").ready();
    try {
      const result = enqueueAction(queue, "queue.call", { path: "/hold" }, auth);
      await expect.poll(() => holdCalls, { timeout: 60_000 }).toBe(1);
      const exited = once(worker, "exit");
      worker.kill("SIGTERM");
      releaseHold();
      expect(await result).toMatchObject({ result: { data: { body: { held: true } } } });
      expect((await exited)[0]).toBe(0);
      expect(holdCalls).toBe(1);
    } finally {
      await queue.close();
    }
  }, 180_000);

  it("delivers each new record of a trigger polled every second once, across two workers", async () => {
    items = [{ id: "before-enable" }];
    const delivered: string[] = [];
    const connection = connectRedis(redis.url);
    const consumer = new Worker(
      "polling-records",
      async (job: Job<{ id: string }>) => {
        delivered.push(job.data.id);
      },
      { connection },
    );
    try {
      await Promise.all([
        startWorkerProcess("polling", "queue.new_items"),
        startWorkerProcess("polling", "queue.new_items"),
      ]);
      // The first poll only records what exists (seed-on-enable): nothing is delivered.
      await expect
        .poll(() => api.requestsTo("GET /items").length, { timeout: 60_000 })
        .toBeGreaterThan(0);
      items = [...items, { id: "a" }, { id: "b" }];
      await expect.poll(() => [...delivered].sort(), { timeout: 60_000 }).toEqual(["a", "b"]);
      items = [...items, { id: "c" }];
      await expect.poll(() => delivered.includes("c"), { timeout: 60_000 }).toBe(true);
      // A few more polls see the same items and deliver nothing again.
      const polls = api.requestsTo("GET /items").length;
      await expect
        .poll(() => api.requestsTo("GET /items").length, { timeout: 60_000 })
        .toBeGreaterThanOrEqual(polls + 3);
      expect([...delivered].sort()).toEqual(["a", "b", "c"]);
    } finally {
      await consumer.close();
      await connection.quit();
    }
  }, 300_000);
});

import { createExecutor, type Executor } from "@plugboard/server";
import {
  type RecordingServer,
  startRecordingServer,
  startRedisServer,
  type TestRedis,
} from "@plugboard/testing";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ActionQueue,
  connectRedis,
  enqueueAction,
  FileCredentialSource,
  type RunningWorker,
  startWorker,
  WorkerError,
} from "../src/index.ts";
import { createQueueIntegration } from "./fixtures/queue-integration.ts";

let redis: TestRedis;
let fixture: Awaited<ReturnType<typeof createQueueIntegration>>;
let api: RecordingServer;
let executor: Executor;
let running: RunningWorker;
let queue: ActionQueue;
const log: string[] = [];
const auth = { api_key: "sk-queue-secret-4242" };

beforeAll(async () => {
  [redis, fixture] = await Promise.all([startRedisServer(), createQueueIntegration()]);
  let limited = 0;
  let flaky = 0;
  api = await startRecordingServer({
    "GET /ok": { body: { fine: true } },
    "GET /limited": () =>
      ++limited === 1
        ? { status: 429, headers: { "retry-after": "1" }, body: { error: "slow down" } }
        : { body: { after: limited } },
    "GET /flaky": () => {
      flaky++;
      // Four failed attempts (the SDK's own retries of a GET) fail the job's first attempt.
      if (flaky <= 4) return { reset: true };
      return { body: { attempt: flaky } };
    },
    "GET /forbidden": { status: 403, body: { message: "not allowed" } },
    "POST /orders": { status: 201, body: { id: 7 } },
  });
  executor = await createExecutor({
    integrations: [fixture.dir],
    workers: 2,
    prefer: "source",
    originOverrides: { [fixture.origin]: api.origin },
  });
  running = await startWorker({
    executor,
    redis: redis.url,
    queue: "jobs",
    concurrency: 4,
    log: (line) => log.push(line),
  });
  queue = await new ActionQueue(redis.url, "jobs").ready();
}, 120_000);

afterAll(async () => {
  await queue?.close();
  await running?.close();
  await executor?.close();
  await api?.close();
  await redis?.stop();
  await fixture?.remove();
});

describe("plugboard worker", () => {
  it("completes an action job with the IntegrationResult envelope", async () => {
    const envelope = await enqueueAction(queue, "queue.call", { path: "/ok" }, auth);
    expect(envelope).toEqual({
      version: "2.0.0",
      type: "action",
      result: { data: { body: { fine: true } }, cost_usd: null },
    });
    expect(api.requestsTo("GET /ok").at(-1)?.headers["x-api-key"]).toBe(auth.api_key);
  });

  it("completes an action_error job with its envelope, once", async () => {
    const envelope = await enqueueAction(queue, "queue.refuse", {}, auth);
    expect(envelope).toMatchObject({
      type: "action_error",
      result: { message: "the API refused: quota exceeded for this plan" },
    });
  });

  it("fails a validation_error for good (no retry) and still hands the envelope back", async () => {
    const envelope = await enqueueAction(queue, "queue.strict", { count: 0 }, auth, {
      job: { attempts: 5 },
    });
    expect(envelope).toMatchObject({ type: "validation_error", result: { property: "$.count" } });
    const failed = await queue.queue.getFailed();
    const job = failed.find((j) => j.name === "queue.strict");
    expect(job?.attemptsMade).toBe(1);
    // A job that failed for good keeps no credentials in Redis.
    expect(job?.data).not.toHaveProperty("auth");
  });

  it("puts a rate-limited job back for Retry-After seconds without using an attempt", async () => {
    const started = Date.now();
    const envelope = await enqueueAction(queue, "queue.call", { path: "/limited" }, auth, {
      job: { attempts: 1 },
    });
    expect(envelope).toMatchObject({ type: "action", result: { data: { body: { after: 2 } } } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(api.requestsTo("GET /limited")).toHaveLength(2);
  });

  it("retries a network failure with back-off up to the job's attempts", async () => {
    const envelope = await enqueueAction(queue, "queue.call", { path: "/flaky" }, auth, {
      job: { attempts: 3, backoff: { type: "exponential", delay: 100 } },
    });
    expect(envelope).toMatchObject({ type: "action", result: { data: { body: { attempt: 5 } } } });
  });

  it("fails anything else for good with a one-line reason and no secret", async () => {
    const attempt = enqueueAction(queue, "queue.boom", {}, auth, { job: { attempts: 4 } });
    await expect(attempt).rejects.toThrow(WorkerError);
    await expect(attempt).rejects.toThrow(/queue\.boom \(job [\w-]+\): .*TypeError/);
    const forbidden = enqueueAction(queue, "queue.call", { path: "/forbidden" }, auth, {
      job: { attempts: 4 },
    });
    await expect(forbidden).rejects.toThrow(/403/);
    expect(api.requestsTo("GET /forbidden")).toHaveLength(1);
    expect(log.join("\n")).not.toContain(auth.api_key);
  });

  it("resolves auth_ref through the credential source, keeping credentials out of Redis", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const file = join(mkdtempSync(join(tmpdir(), "plugboard-creds-")), "credentials.json");
    writeFileSync(file, JSON.stringify({ "acme-prod": { api_key: "sk-from-file-77" } }));
    const other = await startWorker({
      executor,
      redis: redis.url,
      queue: "by-ref",
      credentials: new FileCredentialSource(file),
    });
    const refs = await new ActionQueue(redis.url, "by-ref").ready();
    try {
      const envelope = await enqueueAction(refs, "queue.call", { path: "/ok" }, undefined, {
        authRef: "acme-prod",
      });
      expect(envelope.type).toBe("action");
      expect(api.requestsTo("GET /ok").at(-1)?.headers["x-api-key"]).toBe("sk-from-file-77");
      const missing = enqueueAction(refs, "queue.call", { path: "/ok" }, undefined, {
        authRef: "nobody",
      });
      await expect(missing).rejects.toThrow(/credentials "nobody" not found/);
    } finally {
      await refs.close();
      await other.close();
    }
  });

  it("does not replay a POST that reached the API", async () => {
    const envelope = await enqueueAction(queue, "queue.post", { path: "/orders" }, auth);
    expect(envelope).toMatchObject({ type: "action", result: { data: { body: { id: 7 } } } });
    expect(api.requestsTo("POST /orders")).toHaveLength(1);
  });

  it("rejects a Redis URL it cannot use, without echoing its password", () => {
    expect(() => connectRedis("http://user:hunter2@example.test")).toThrow(WorkerError);
    expect(() => connectRedis("http://user:hunter2@example.test")).not.toThrow(/hunter2/);
  });

  it("keeps no completed job, and no credentials, in Redis by default", async () => {
    await enqueueAction(queue, "queue.noop", {}, auth);
    const client = new Redis({ path: redis.url.slice("unix://".length) });
    try {
      const keys = await client.keys("*");
      const values = await Promise.all(
        keys.map(async (key) => {
          const type = await client.type(key);
          if (type === "hash") return JSON.stringify(await client.hgetall(key));
          if (type === "string") return (await client.get(key)) ?? "";
          return "";
        }),
      );
      expect(values.join("\n")).not.toContain(auth.api_key);
      const jobs = new Queue("jobs", { connection: client });
      expect(await jobs.getCompletedCount()).toBe(0);
      await jobs.close();
    } finally {
      await client.quit();
    }
  });
});

// `pnpm bench` for @plugboard/worker: jobs/s of a no-op action with one and two worker
// processes on one real redis-server (and the scaling ratio), and the end-to-end latency of
// one job (enqueue → envelope) against the same action called on the executor directly.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { appendFileSync } from "node:fs";
import { cpus } from "node:os";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { createExecutor } from "@plugboard/server";
import { startRecordingServer, startRedisServer } from "@plugboard/testing";
import { Queue, QueueEvents } from "bullmq";
import { ActionQueue, connectRedis, enqueueAction } from "../src/index.ts";
import { createQueueIntegration } from "../test/fixtures/queue-integration.ts";

const JOBS = 3000;
const LATENCY_ROUNDS = 300;
const script = fileURLToPath(new URL("../test/worker-process.ts", import.meta.url));

const redis = await startRedisServer();
const fixture = await createQueueIntegration();
const api = await startRecordingServer({});
const children: ChildProcess[] = [];

async function workerProcess(queue: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", script, fixture.dir, redis.url, queue, api.origin],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  children.push(child);
  let output = "";
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`worker exited ${code}`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("ready")) resolve();
    });
  });
  child.removeAllListeners("exit");
  return child;
}

/** Enqueues JOBS no-op jobs at once and times until every one has completed. */
async function throughput(processes: number): Promise<number> {
  const name = `throughput-${processes}`;
  await Promise.all(Array.from({ length: processes }, () => workerProcess(name)));
  const connection = connectRedis(redis.url);
  const queue = new Queue(name, { connection });
  const blocking = connection.duplicate();
  const events = new QueueEvents(name, { connection: blocking });
  await events.waitUntilReady();
  let completed = 0;
  const done = new Promise<void>((resolve) => {
    events.on("completed", () => {
      if (++completed === JOBS) resolve();
    });
  });
  const started = performance.now();
  for (let i = 0; i < JOBS; i += 500) {
    await queue.addBulk(
      Array.from({ length: Math.min(500, JOBS - i) }, () => ({
        name: "queue.noop",
        data: { inputs: {}, auth: { api_key: "bench" } },
      })),
    );
  }
  await done;
  const seconds = (performance.now() - started) / 1000;
  await events.close();
  await queue.close();
  await blocking.quit();
  await connection.quit();
  for (const child of children.splice(0)) {
    child.kill("SIGTERM");
    await once(child, "exit");
  }
  return JOBS / seconds;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** One job at a time through the queue, and one call at a time on the executor, alternating. */
async function latency(): Promise<{ queued: number[]; direct: number[] }> {
  await workerProcess("latency");
  const executor = await createExecutor({
    integrations: [fixture.dir],
    workers: 2,
    prefer: "source",
  });
  const queue = await new ActionQueue(redis.url, "latency").ready();
  const queued: number[] = [];
  const direct: number[] = [];
  const auth = { api_key: "bench" };
  for (let i = 0; i < 30; i++) {
    await enqueueAction(queue, "queue.noop", {}, auth);
    await executor.executeAction("queue.noop", { inputs: {}, auth });
  }
  for (let i = 0; i < LATENCY_ROUNDS; i++) {
    let started = performance.now();
    await enqueueAction(queue, "queue.noop", {}, auth);
    queued.push(performance.now() - started);
    started = performance.now();
    await executor.executeAction("queue.noop", { inputs: {}, auth });
    direct.push(performance.now() - started);
  }
  await queue.close();
  await executor.close();
  for (const child of children.splice(0)) {
    child.kill("SIGTERM");
    await once(child, "exit");
  }
  return { queued: queued.sort((a, b) => a - b), direct: direct.sort((a, b) => a - b) };
}

try {
  const one = await throughput(1);
  const two = await throughput(2);
  const { queued, direct } = await latency();
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  const lines = [
    "## @plugboard/worker",
    "",
    `BullMQ on one local redis-server (unix socket), a no-op action, each worker process with`,
    `concurrency 8 and an execution pool of 2 threads; ${JOBS} jobs enqueued at once per row.`,
    `The machine has ${cpus().length} cores, which every process shares (Redis and this`,
    "producer included): a second process adds contention before it adds capacity there; on",
    "machines of their own, workers scale with their number until Redis saturates.",
    "",
    "| Worker processes | Jobs/s | Scaling |",
    "| --- | --- | --- |",
    `| 1 | ${one.toFixed(0)} | 1.00× |`,
    `| 2 | ${two.toFixed(0)} | ${(two / one).toFixed(2)}× |`,
    "",
    `One job at a time, ${LATENCY_ROUNDS} rounds, the two paths alternating:`,
    "",
    "| Path | p50 | p99 |",
    "| --- | --- | --- |",
    `| enqueueAction → worker → envelope | ${ms(percentile(queued, 50))} | ${ms(percentile(queued, 99))} |`,
    `| executor.executeAction (same pool, no queue) | ${ms(percentile(direct, 50))} | ${ms(percentile(direct, 99))} |`,
    "",
    `The queue adds ${ms(percentile(queued, 50) - percentile(direct, 50))} at the median: two Redis round trips to enqueue, the worker's blocking fetch, and the completed event back.`,
    "",
  ];
  const text = lines.join("\n");
  process.stdout.write(text);
  if (process.env.PLUGBOARD_BENCH_OUT) appendFileSync(process.env.PLUGBOARD_BENCH_OUT, `${text}\n`);
} finally {
  for (const child of children) child.kill("SIGKILL");
  await api.close();
  await redis.stop();
  await fixture.remove();
}

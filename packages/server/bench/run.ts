import { appendFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadIntegration } from "@plugboard/registry";
import { removeWorkspace, writeProbeIntegration } from "@plugboard/testing";
import autocannon from "autocannon";
import Tinypool from "tinypool";
import { createExecutor } from "../src/index.ts";
import { createThreadPool } from "../src/pool.ts";
import { Slots } from "../src/slots.ts";
import type { Task } from "../src/task.ts";
import { percentile, startProcess } from "./processes.ts";

// Three figures of issue "Run integrations as a service": throughput of a no-op action through
// `plugboard serve` against a bare Hono app, the pool's overhead per call, and the latency of
// light calls while a CPU-bound handler runs.

const here = path.dirname(fileURLToPath(import.meta.url));
const cli = path.resolve(here, "../../cli/bin/plugboard.js");
const root = path.resolve(here, "../test-results/bench-workspace");
const SECONDS = Number(process.env.PLUGBOARD_BENCH_SECONDS ?? 8);
const CALLS = Number(process.env.PLUGBOARD_BENCH_CALLS ?? 3000);
const ROUNDS = Number(process.env.PLUGBOARD_BENCH_ROUNDS ?? 3);
const WARMUP = 2000;
const NOOP = "/integrations/probe/actions/noop";
const BODY = '{"inputs":{}}';
const fmt = (n: number, digits = 1) => n.toFixed(digits);
const verdict = (ok: boolean) => (ok ? "PASS" : "MISS");

async function load(url: string) {
  const result = await autocannon({
    url: `${url}${NOOP}`,
    method: "POST",
    body: BODY,
    headers: { "content-type": "application/json" },
    connections: 10,
    duration: SECONDS,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

async function sequential(url: string, until: () => boolean, max: number): Promise<number[]> {
  const times: number[] = [];
  while (times.length < max && !until()) {
    const started = performance.now();
    const response = await fetch(`${url}${NOOP}`, { method: "POST", body: BODY });
    await response.arrayBuffer();
    times.push(performance.now() - started);
  }
  return times;
}

await writeProbeIntegration(root);
const lines: string[] = ["## @plugboard/server", ""];
try {
  const integrations = path.join(root, "integrations");
  const serveArgs = [cli, "serve", integrations, "--port", "0", "--no-auth", "--workers", "2"];
  const listening = /Plugboard server: (http:\/\/[^\s]+)/;
  const served = await startProcess(serveArgs, listening);
  const shared = await startProcess([...serveArgs, "--concurrency", "4"], listening);
  const bare = await startProcess([path.join(here, "bare-app.mjs")], /Bare Hono: (http:\/\/\S+)/);
  type Load = Awaited<ReturnType<typeof load>>;
  let throughput: { serve: Load; bare: Load; shared: Load };
  let sharedRatios: number[] = [];
  let loadBefore = Number.NaN;
  let loadAfter = Number.NaN;
  let isolation: { idle: number[]; busy: number[] };
  let ratios: number[] = [];
  try {
    await load(served.url); // warm-up: validators compiled, JIT warm
    await load(shared.url);
    await load(bare.url);
    // Rounds alternate bare and serve, so both see the same machine load; the ratio is the
    // median of the rounds' ratios.
    const rounds: Array<{ serve: Load; bare: Load; shared: Load }> = [];
    loadBefore = loadavg()[0] ?? Number.NaN;
    for (let round = 0; round < ROUNDS; round++) {
      const bareRun = await load(bare.url);
      const serveRun = await load(served.url);
      const sharedRun = await load(shared.url);
      rounds.push({ serve: serveRun, bare: bareRun, shared: sharedRun });
    }
    ratios = rounds.map((r) => r.serve.rps / r.bare.rps);
    sharedRatios = rounds.map((r) => r.shared.rps / r.bare.rps);
    loadAfter = loadavg()[0] ?? Number.NaN;
    rounds.sort((a, b) => a.serve.rps / a.bare.rps - b.serve.rps / b.bare.rps);
    throughput = rounds[Math.floor(rounds.length / 2)] as (typeof rounds)[number];

    const idle = await sequential(served.url, () => false, 400);
    let done = false;
    const heavy = fetch(`${served.url}/integrations/probe/actions/busy`, {
      method: "POST",
      body: '{"inputs":{"ms":2000}}',
    }).then(async (r) => {
      await r.arrayBuffer();
      done = true;
    });
    // Let the heavy call reach its worker before measuring.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const busy = await sequential(served.url, () => done, 100_000);
    await heavy;
    isolation = { idle, busy };
  } finally {
    await served.stop();
    await shared.stop();
    await bare.stop();
  }

  // Pool overhead: the same no-op action through the executor, and called in this thread.
  // Beside them, Piscina's own way to stop a call, an abort signal per task, against a plain
  // run (what the executor does for threads: a timed-out call's worker is stopped by its id),
  // and a plain run on a Tinypool worker thread, the pool threads ran on before.
  const executor = await createExecutor({ integrations: [integrations], workers: 1 });
  const threadPool = (workers: number) =>
    createThreadPool({
      workers,
      concurrency: 1,
      memoryLimitMb: 256,
      setup: { warm: [path.join(integrations, "probe")], prefer: "build" },
    });
  // Configured as the executor configured it; the worker loads the integration on first call.
  const tinypool = (workers: number) =>
    new Tinypool({
      filename: new URL("../src/worker-dev.mjs", import.meta.url).href,
      minThreads: workers,
      maxThreads: workers,
      idleTimeout: 2 ** 31 - 1,
      env: {},
    });
  const pool = threadPool(1);
  const tiny = tinypool(1);
  const task = (): Task => ({
    kind: "action",
    dir: path.join(integrations, "probe"),
    prefer: "build",
    name: "noop",
    inputs: {},
    auth: undefined,
    secrets: {},
    lastPollTs: null,
    originOverrides: undefined,
    metadata: undefined,
    slot: -1,
    deadline: 0,
  });
  const loaded = await loadIntegration(path.join(integrations, "probe"));
  const paths = {
    pooled: () => executor.executeAction("probe.noop", { inputs: {} }),
    plain: () => pool.run(task()),
    tinypool: () => tiny.run(task()),
    abortable: async () => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 30_000);
      await pool.run(task(), { signal: controller.signal });
      clearTimeout(timer);
    },
    direct: async () => {
      const context = new loaded.ExecutionContext({});
      await loaded.integration.executeAction("noop", {}, context);
      await context.close();
    },
  };
  const times: Record<keyof typeof paths, number[]> = {
    pooled: [],
    plain: [],
    tinypool: [],
    abortable: [],
    direct: [],
  };
  // A long warm-up (V8 tiers code up over thousands of calls), then ten rounds in which the
  // paths take turns, so a change in the machine's load reaches all of them alike.
  for (const run of Object.values(paths)) for (let i = 0; i < WARMUP; i++) await run();
  for (let round = 0; round < 10; round++) {
    for (const [name, run] of Object.entries(paths)) {
      for (let i = 0; i < CALLS / 10; i++) {
        const started = performance.now();
        await run();
        times[name as keyof typeof paths].push((performance.now() - started) * 1000);
      }
    }
  }
  await executor.close();
  await pool.destroy();
  await tiny.destroy();
  const { pooled, plain, tinypool: tinyTimes, abortable, direct } = times;

  // The pools under load: 10 callers at once on 2 worker threads each, let through to the pool
  // as the executor does (slots.ts: no more calls than free workers), taking turns for 1 s per
  // round; CPU time of the whole process (every thread) per call.
  const loaded2 = { piscina: threadPool(2), tinypool: tinypool(2) };
  const underLoad = { piscina: { calls: 0, cpu: 0 }, tinypool: { calls: 0, cpu: 0 } };
  for (const p of Object.values(loaded2)) {
    await Promise.all(Array.from({ length: WARMUP }, () => p.run(task())));
  }
  for (let round = 0; round < 5; round++) {
    for (const [name, p] of Object.entries(loaded2)) {
      const slots = new Slots(2);
      const end = performance.now() + 1000;
      const cpu = process.cpuUsage();
      let calls = 0;
      await Promise.all(
        Array.from({ length: 10 }, async () => {
          while (performance.now() < end) {
            const slot = await slots.acquire();
            await p.run(task());
            slots.release(slot);
            calls++;
          }
        }),
      );
      const used = process.cpuUsage(cpu);
      const total = underLoad[name as keyof typeof underLoad];
      total.calls += calls;
      total.cpu += used.user + used.system;
    }
  }
  await Promise.all(Object.values(loaded2).map((p) => p.destroy()));

  const { serve, bare: base, shared: sharedRun } = throughput;
  const ratio = serve.rps / base.rps;
  const sharedRatio = sharedRun.rps / base.rps;
  lines.push(
    "### Throughput of a no-op action",
    "",
    `autocannon, 10 connections, no pipelining, ${SECONDS} s per run, after a warm-up run each; \`plugboard serve\` with 2 worker threads (one call each, the default; and \`--concurrency 4\` calls each) and a bare Hono app returning the same JSON on the same \`@hono/node-server\` defaults, each a process of its own; 1-minute load average ${fmt(loadBefore, 2)} before the rounds, ${fmt(loadAfter, 2)} after (2 cores shared with other work). ${ROUNDS} rounds run bare, serve, serve \`--concurrency 4\` in turn; the round with the median serve ratio is shown (ratios, default: ${ratios.map((r) => fmt(r, 2)).join(", ")}; \`--concurrency 4\`: ${sharedRatios.map((r) => fmt(r, 2)).join(", ")}).`,
    "",
    "| server | requests/s | p50 ms | p99 ms | errors |",
    "| --- | ---: | ---: | ---: | ---: |",
    `| bare Hono "return JSON" | ${Math.round(base.rps)} | ${base.p50} | ${base.p99} | ${base.errors} |`,
    `| \`plugboard serve\` (pool, validation, envelope) | ${Math.round(serve.rps)} | ${serve.p50} | ${serve.p99} | ${serve.errors} |`,
    `| \`plugboard serve --concurrency 4\` | ${Math.round(sharedRun.rps)} | ${sharedRun.p50} | ${sharedRun.p99} | ${sharedRun.errors} |`,
    "",
    `Ratio: ${fmt(ratio, 2)}× of bare with the default one call per worker (target ≥ 0.6×: ${verdict(ratio >= 0.6)}); ${fmt(sharedRatio, 2)}× with \`--concurrency 4\` (${verdict(sharedRatio >= 0.6)}).`,
    "",
  );
  const pooledMedian = percentile(pooled, 50);
  const directMedian = percentile(direct, 50);
  const overhead = pooledMedian - directMedian;
  lines.push(
    "### Pool overhead per call",
    "",
    `${CALLS} sequential calls of the no-op action per path after ${WARMUP} warm-up calls each, in 10 rounds where the paths take turns: through \`createExecutor\` (1 worker thread: secrets picked, task posted, envelope cloned back) and in this thread (same integration, same context per call).`,
    "",
    "| path | median µs | p99 µs |",
    "| --- | ---: | ---: |",
    `| \`executor.executeAction\` (worker thread) | ${fmt(pooledMedian)} | ${fmt(percentile(pooled, 99))} |`,
    `| \`integration.executeAction\` in-thread | ${fmt(directMedian)} | ${fmt(percentile(direct, 99))} |`,
    "",
    `Overhead: ${fmt(overhead)} µs median (target ≤ 100 µs: ${verdict(overhead <= 100)}).`,
    "",
    `Stopping a call: Piscina's abortable run (an AbortSignal and a timer per call) against a plain run on one worker thread (and a plain run on one Tinypool worker thread), in the same rounds. The executor runs threads plain and stops a timed-out call by terminating the worker whose thread id the call noted in shared memory.`,
    "",
    "| `pool.run` | median µs | p99 µs |",
    "| --- | ---: | ---: |",
    `| plain | ${fmt(percentile(plain, 50))} | ${fmt(percentile(plain, 99))} |`,
    `| with an abort signal | ${fmt(percentile(abortable, 50))} | ${fmt(percentile(abortable, 99))} |`,
    `| plain, on a Tinypool worker thread | ${fmt(percentile(tinyTimes, 50))} | ${fmt(percentile(tinyTimes, 99))} |`,
    "",
    "Worker threads run on Piscina rather than Tinypool, whose worker reads `process.memoryUsage()` (an open, read and close of /proc/self/stat) after every call. Under load, 10 callers at once on 2 worker threads, let through as the executor does (no more calls than free workers), 5 rounds of 1 s taking turns:",
    "",
    "| pool | calls/s | CPU µs per call (all threads) |",
    "| --- | ---: | ---: |",
    ...Object.entries(underLoad).map(
      ([name, t]) => `| ${name} | ${Math.round(t.calls / 5)} | ${fmt(t.cpu / t.calls)} |`,
    ),
    "",
  );
  const idleP99 = percentile(isolation.idle, 99);
  const busyP99 = percentile(isolation.busy, 99);
  lines.push(
    "### CPU isolation",
    "",
    `Sequential no-op calls to \`plugboard serve\` (2 worker threads): ${isolation.idle.length} on an idle server, then ${isolation.busy.length} while another call spins the CPU for 2 s in a handler.`,
    "",
    "| light calls | p50 ms | p99 ms |",
    "| --- | ---: | ---: |",
    `| idle server | ${fmt(percentile(isolation.idle, 50), 2)} | ${fmt(idleP99, 2)} |`,
    `| during a 2 s CPU-bound handler | ${fmt(percentile(isolation.busy, 50), 2)} | ${fmt(busyP99, 2)} |`,
    "",
    `p99 ratio: ${fmt(busyP99 / idleP99, 2)}× of idle (target within 2×: ${verdict(busyP99 / idleP99 <= 2)}).`,
    "",
  );
} finally {
  await removeWorkspace(root);
}

const markdown = `${lines.join("\n")}\n`;
process.stdout.write(markdown);
if (process.env.PLUGBOARD_BENCH_OUT) appendFileSync(process.env.PLUGBOARD_BENCH_OUT, markdown);

import { spawnSync } from "node:child_process";
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CORPUS, loadCases } from "./corpus-cases.ts";
import { buildRunners, timeHot, timeMixed, warmUp } from "./execute-bench.ts";
import { benchFetch } from "./fetch-bench.ts";
import { standaloneValidators } from "./standalone.ts";

const REPEATS = Number(process.env.PLUGBOARD_BENCH_REPEATS ?? 200);
const ROUNDS = Number(process.env.PLUGBOARD_BENCH_ROUNDS ?? 100);
const PY_REPEATS = Number(process.env.PLUGBOARD_BENCH_PY_REPEATS ?? 10);
const PY_ROUNDS = Number(process.env.PLUGBOARD_BENCH_PY_ROUNDS ?? 10);
const lines: string[] = ["## @plugboard/sdk", ""];
const fmt = (n: number, digits = 2) => n.toFixed(digits);
const verdict = (ok: boolean) => (ok ? "PASS" : "MISS");

type PythonTimes = { median_us: number; mean_us: number; mixed_us: number; mixed_cpu_us: number };

function runPython(cases: Awaited<ReturnType<typeof loadCases>>["cases"]) {
  const dir = mkdtempSync(join(tmpdir(), "plugboard-bench-"));
  try {
    const file = join(dir, "cases.json");
    const payload = cases.map((c) => ({
      name: `${c.integration}.${c.action}`,
      input_schema: c.config.actions[c.action]?.input_schema,
      input: c.input,
      credentials_schema: c.credentialsSchema,
      credentials: c.auth,
      output_schema: c.config.actions[c.action]?.output_schema,
      output: c.output,
    }));
    writeFileSync(file, JSON.stringify(payload));
    const script = join(import.meta.dirname, "python-path.py");
    const args = [script, file, String(PY_REPEATS), String(PY_ROUNDS)];
    const run = spawnSync("python3", args, { encoding: "utf8" });
    if (run.error || run.status !== 0) {
      return { skipped: (run.error?.message ?? run.stderr.trim()) || "python3 failed" };
    }
    return JSON.parse(run.stdout) as PythonTimes;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const { cases, skipped, configs } = await loadCases();
if (cases.length === 0) {
  lines.push(`_Corpus not found at \`${CORPUS}\`: executeAction benchmark skipped._`, "");
} else {
  const ajv = buildRunners(cases);
  const generated = buildRunners(cases, standaloneValidators(cases));
  await warmUp(ajv);
  await warmUp(generated);
  // The two paths take turns, block by block, so a slow stretch of a shared machine weighs on
  // both alike.
  const BLOCKS = 5;
  const ajvMixed = { wallUs: 0, cpuUs: 0 };
  const generatedMixed = { wallUs: 0, cpuUs: 0 };
  for (let block = 0; block < BLOCKS; block += 1) {
    for (const [runners, sum] of [
      [ajv, ajvMixed],
      [generated, generatedMixed],
    ] as const) {
      const { wallUs, cpuUs } = await timeMixed(runners, ROUNDS / BLOCKS);
      sum.wallUs += wallUs / BLOCKS;
      sum.cpuUs += cpuUs / BLOCKS;
    }
  }
  const ajvHot = await timeHot(ajv, REPEATS);
  const generatedHot = await timeHot(generated, REPEATS);
  const python = runPython(cases);
  const py = "skipped" in python ? undefined : python;
  const times = (us: number, base: number | undefined) =>
    base === undefined ? "—" : `${fmt(base / us, 1)}×`;
  lines.push(
    "### executeAction overhead on real corpus schemas",
    "",
    `${cases.length} actions from ${configs} corpus configs (${skipped} skipped: no generated sample validated). ` +
      "Each call validates inputs, credentials and output; the handler returns at once. " +
      "Generated validators are Ajv standalone code built with the SDK's Ajv options, as codegen ships them.",
    "",
    `**Mixed regime (the headline)**: every action called once per round in a fixed order, ${ROUNDS} rounds ` +
      `(Python: ${PY_ROUNDS}); mean µs per call over all calls — what a process serving many actions meets. ` +
      "CPU µs is the process's CPU time (user + system) per call: on a shared machine, wall time also counts the time other processes held the cores.",
    "",
    "| path | CPU µs/call | wall µs/call | Python / path (CPU) |",
    "| --- | ---: | ---: | ---: |",
    `| Plugboard, generated validators | ${fmt(generatedMixed.cpuUs)} | ${fmt(generatedMixed.wallUs)} | ${times(generatedMixed.cpuUs, py?.mixed_cpu_us)} |`,
    `| Plugboard, Ajv compiled at run time (cached per schema) | ${fmt(ajvMixed.cpuUs)} | ${fmt(ajvMixed.wallUs)} | ${times(ajvMixed.cpuUs, py?.mixed_cpu_us)} |`,
  );
  if (py) {
    lines.push(
      `| Python SDK path: fresh \`jsonschema.Draft7Validator\` per call | ${fmt(py.mixed_cpu_us)} | ${fmt(py.mixed_us)} | 1.0× |`,
    );
  } else {
    lines.push("", `_Python path skipped: ${"skipped" in python ? python.skipped : ""}_`);
  }
  lines.push(
    "",
    `**Hot regime**: each action ${REPEATS} times in a row (Python: ${PY_REPEATS}); median and mean over actions of µs per call.`,
    "",
    "| path | median µs/call | mean µs/call | Python / path (median) |",
    "| --- | ---: | ---: | ---: |",
    `| Plugboard, generated validators | ${fmt(generatedHot.medianUs)} | ${fmt(generatedHot.meanUs)} | ${times(generatedHot.medianUs, py?.median_us)} |`,
    `| Plugboard, Ajv compiled at run time (cached per schema) | ${fmt(ajvHot.medianUs)} | ${fmt(ajvHot.meanUs)} | ${times(ajvHot.medianUs, py?.median_us)} |`,
  );
  if (py) {
    lines.push(
      `| Python SDK path: fresh \`jsonschema.Draft7Validator\` per call | ${fmt(py.median_us)} | ${fmt(py.mean_us)} | 1.0× |`,
    );
  }
  lines.push("", "| target (mixed regime, generated validators, CPU time) | measured | result |");
  lines.push("| --- | --- | --- |");
  lines.push(
    `| ≤ 5 µs mean per call | ${fmt(generatedMixed.cpuUs)} µs | ${verdict(generatedMixed.cpuUs <= 5)} |`,
  );
  if (py) {
    const ratio = py.mixed_cpu_us / generatedMixed.cpuUs;
    lines.push(`| ≥ 20× the Python path | ${fmt(ratio, 1)}× | ${verdict(ratio >= 20)} |`);
  }
  lines.push("");
}

const REQUESTS = Number(process.env.PLUGBOARD_BENCH_REQUESTS ?? 3000);
const fetchResult = await benchFetch(REQUESTS);
const overhead = (fetchResult.sdkUs / fetchResult.bareUs - 1) * 100;
const overUndici = (fetchResult.sdkUs / fetchResult.undiciUs - 1) * 100;
lines.push(
  "### context.fetch vs bare fetch (loopback, small JSON body)",
  "",
  `${REQUESTS} sequential GETs per client, the clients taking turns request by request; median µs per request.`,
  "`context.fetch` runs ofetch over undici's fetch on the context's own connection pool " +
    "(auth injection, retry settings, timeouts, onHttpCall/logging hooks, body parsing).",
  "",
  "| client | median µs/request | vs bare fetch |",
  "| --- | ---: | ---: |",
  `| bare global \`fetch\` + \`response.json()\` | ${fmt(fetchResult.bareUs, 1)} | — |`,
  `| bare undici \`fetch\` + \`response.json()\` | ${fmt(fetchResult.undiciUs, 1)} | ${fmt((fetchResult.undiciUs / fetchResult.bareUs - 1) * 100, 1)} % |`,
  `| \`context.fetch\` | ${fmt(fetchResult.sdkUs, 1)} | ${fmt(overhead, 1)} % |`,
  "",
  "| target | measured | result |",
  "| --- | --- | --- |",
  `| overhead vs bare \`fetch\` ≤ 10 % | ${fmt(overhead, 1)} % | ${verdict(overhead <= 10)} |`,
  `| (reference, no target) overhead vs the undici \`fetch\` underneath | ${fmt(overUndici, 1)} % | — |`,
  "",
);

const markdown = `${lines.join("\n")}\n`;
process.stdout.write(markdown);
if (process.env.PLUGBOARD_BENCH_OUT) appendFileSync(process.env.PLUGBOARD_BENCH_OUT, markdown);

import { spawnSync } from "node:child_process";
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CORPUS, loadCases } from "./corpus-cases.ts";
import { buildRunners, timeHot, timeMixed, warmUp } from "./execute-bench.ts";
import { benchFetch } from "./fetch-bench.ts";
import { standaloneSources, standaloneValidators } from "./standalone.ts";

const REPEATS = Number(process.env.PLUGBOARD_BENCH_REPEATS ?? 200);
const ROUNDS = Number(process.env.PLUGBOARD_BENCH_ROUNDS ?? 100);
const PY_REPEATS = Number(process.env.PLUGBOARD_BENCH_PY_REPEATS ?? 10);
const PY_ROUNDS = Number(process.env.PLUGBOARD_BENCH_PY_ROUNDS ?? 10);
const lines: string[] = ["## @plugboard/sdk", ""];
const fmt = (n: number, digits = 2) => n.toFixed(digits);
const verdict = (ok: boolean) => (ok ? "PASS" : "MISS");

type PythonTimes = {
  interpreter: string;
  jsonschema: string;
  python: string;
  median_us: number;
  mean_us: number;
  mixed_us: number;
  mixed_cpu_us: number;
};

// The Python SDK pins jsonschema 4.17.3, whose Draft7Validator builds a RefResolver (a store of
// every meta-schema and vocabulary) per validator; jsonschema 4.18 replaced that design. Each
// interpreter found is run; the target is measured against the one closest to the SDK's pin.
const PYTHONS = (process.env.PLUGBOARD_BENCH_PYTHONS ?? "python3:/usr/bin/python3").split(":");
const PINNED = [4, 17, 3];

function runPython(cases: Awaited<ReturnType<typeof loadCases>>["cases"]): {
  runs: PythonTimes[];
  skipped: string[];
} {
  const dir = mkdtempSync(join(tmpdir(), "plugboard-bench-"));
  const runs: PythonTimes[] = [];
  const skipped: string[] = [];
  try {
    const file = join(dir, "cases.json");
    const payload = cases.map((c) => ({
      name: `${c.integration}.${c.action}`,
      input_schema: c.config.actions[c.action]?.input_schema,
      input: c.input,
      credentials_schema: c.credentialsSchema ?? null,
      credentials: c.auth,
      output_schema: c.config.actions[c.action]?.output_schema,
      output: c.output,
    }));
    writeFileSync(file, JSON.stringify(payload));
    const script = join(import.meta.dirname, "python-path.py");
    const args = [script, file, String(PY_REPEATS), String(PY_ROUNDS)];
    for (const interpreter of PYTHONS) {
      const run = spawnSync(interpreter, args, { encoding: "utf8" });
      if (run.error || run.status !== 0) {
        const reason = run.error?.message ?? run.stderr.trim().split("\n").pop();
        skipped.push(`${interpreter}: ${reason || "failed"}`);
        continue;
      }
      const times = {
        interpreter,
        ...(JSON.parse(run.stdout) as Omit<PythonTimes, "interpreter">),
      };
      if (!runs.some((r) => r.jsonschema === times.jsonschema && r.python === times.python)) {
        runs.push(times);
      }
    }
    return { runs, skipped };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** How far a jsonschema version is from the SDK's pin, for picking the baseline. */
function distanceFromPin(version: string): number {
  const parts = version.split(".").map(Number);
  return PINNED.reduce((sum, pinned, i) => sum * 100 + Math.abs((parts[i] ?? 0) - pinned), 0);
}

/**
 * The V8 flags `plugboard serve`, `worker` and `mcp` apply to their processes (@plugboard/server's
 * SERVER_V8_FLAGS): a function gets its feedback vector (its inline caches' memory) on its first
 * call rather than its eighth, which is what an action called now and then needs.
 */
const SERVER_V8_FLAGS = ["--no-lazy-feedback-allocation"];

type ProcessRun = {
  firstUs: number;
  headline: { wallUs: number; cpuUs: number };
  later: { wallUs: number; cpuUs: number };
};

/** The mixed regime of the generated validators in a fresh process started with `flags`. */
function mixedProcess(casesFile: string, flags: string[]): ProcessRun {
  const script = join(import.meta.dirname, "mixed-process.ts");
  const args = [...process.execArgv, ...flags, script, casesFile, String(ROUNDS)];
  const run = spawnSync(process.execPath, args, {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (run.status !== 0) throw new Error(`mixed-process.ts ${flags.join(" ")} exited ${run.status}`);
  return JSON.parse(run.stdout) as ProcessRun;
}

/** The median of several process runs, figure by figure (one busy stretch moves a mean). */
function medianRun(runs: ProcessRun[]): ProcessRun {
  const median = (pick: (run: ProcessRun) => number) => {
    const sorted = runs.map(pick).sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  };
  return {
    firstUs: median((r) => r.firstUs),
    headline: { wallUs: median((r) => r.headline.wallUs), cpuUs: median((r) => r.headline.cpuUs) },
    later: { wallUs: median((r) => r.later.wallUs), cpuUs: median((r) => r.later.cpuUs) },
  };
}

const { cases, skipped, configs } = await loadCases();
if (cases.length === 0) {
  lines.push(`_Corpus not found at \`${CORPUS}\`: executeAction benchmark skipped._`, "");
} else {
  const ajv = buildRunners(cases);
  const generated = buildRunners(cases, standaloneValidators(cases));
  const ajvFirst = await warmUp(ajv);
  const generatedFirst = await warmUp(generated);
  // The two paths take turns, block by block, so a slow stretch of a shared machine weighs on
  // both alike.
  const BLOCKS = 5;
  const mixed = async () => {
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
    return { ajvMixed, generatedMixed };
  };
  const { ajvMixed, generatedMixed } = await mixed();
  // The same rounds again: what the process meets once V8 has tiered the validators up.
  const later = await mixed();
  const ajvHot = await timeHot(ajv, REPEATS);
  const generatedHot = await timeHot(generated, REPEATS);
  // Fresh processes, default flags and the server's in turn, so machine load reaches both.
  const PROCESS_RUNS = Number(process.env.PLUGBOARD_BENCH_PROCESS_RUNS ?? 5);
  const plainRuns: ProcessRun[] = [];
  const serverRuns: ProcessRun[] = [];
  const scratch = mkdtempSync(join(tmpdir(), "plugboard-bench-"));
  try {
    const casesFile = join(scratch, "cases.json");
    // Each integration's config once, as a server holds it (not a copy per action).
    const configs = Object.fromEntries(cases.map((c) => [c.integration, c.config]));
    const actions = cases.map(({ config: _config, ...rest }) => rest);
    const sources = standaloneSources(cases);
    writeFileSync(casesFile, JSON.stringify({ configs, actions, sources }));
    for (let i = 0; i < PROCESS_RUNS; i += 1) {
      plainRuns.push(mixedProcess(casesFile, []));
      serverRuns.push(mixedProcess(casesFile, SERVER_V8_FLAGS));
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const plain = medianRun(plainRuns);
  const served = medianRun(serverRuns);
  const python = runPython(cases);
  // The baseline of the targets: the Python run closest to the SDK's pinned jsonschema.
  const py = [...python.runs].sort(
    (a, b) => distanceFromPin(a.jsonschema) - distanceFromPin(b.jsonschema),
  )[0];
  const times = (us: number, base: number | undefined) =>
    base === undefined ? "—" : `${fmt(base / us, 1)}×`;
  const pythonRow = (run: PythonTimes, cells: string) =>
    `| Python SDK path, jsonschema ${run.jsonschema} (Python ${run.python}${run === py ? ", the baseline" : ""}) | ${cells} | ${fmt((py?.mixed_cpu_us ?? Number.NaN) / run.mixed_cpu_us, 1)}× |`;
  lines.push(
    "### executeAction overhead on real corpus schemas",
    "",
    `${cases.length} actions from ${configs} corpus configs (${skipped} skipped: no generated sample validated). ` +
      "Each call validates inputs, credentials and output; the handler returns at once. " +
      "Generated validators are Ajv standalone code built with the SDK's Ajv options from the schemas as codegen normalises them, one function per distinct schema of an integration, as codegen ships them.",
    "",
    "The Python SDK path mirrors its `execute_action` (`python-path.py`): in one running asyncio loop, a fresh " +
      "`Draft7Validator` for the inputs, one for the credentials when the config declares auth fields, a handler " +
      "instance whose async `execute` returns an `ActionResult`, a fresh `Draft7Validator` for the output, an " +
      "`IntegrationResult`. The SDK pins jsonschema 4.17.3, whose validators each build a `RefResolver` over every " +
      "meta-schema; 4.18 replaced that design, so each interpreter found is run and the one whose jsonschema is " +
      "closest to the pin is the baseline of the targets.",
    "",
    `**Mixed regime (the headline)**: every action called once per round in a fixed order, ${ROUNDS} rounds ` +
      `(Python: ${PY_ROUNDS}) right after each action's first call; mean µs per call over all calls — what a process serving many actions meets. ` +
      "CPU µs is the process's CPU time (user + system) per call: on a shared machine, wall time also counts the time other processes held the cores.",
    "",
    `The first two rows each run in fresh processes holding only the generated validators and the cases, as a server holds its integrations (Ajv's compiler never loads there; the median of ${PROCESS_RUNS} processes each, started in turn): ` +
      `with the V8 flag \`plugboard serve\`, \`worker\` and \`mcp\` set for their processes (\`${SERVER_V8_FLAGS.join(" ")}\`: a function gets its inline caches' feedback vector on its first call instead of its eighth), and with V8's defaults, as an application embedding the SDK runs it. ` +
      "The next two run in this process, taking turns block by block, so the generated validators and the Ajv path share the process's caches.",
    "",
    "| path | CPU µs/call | wall µs/call | Python / path (CPU) |",
    "| --- | ---: | ---: | ---: |",
    `| Plugboard, generated validators, as \`plugboard serve\`/\`worker\` run | ${fmt(served.headline.cpuUs)} | ${fmt(served.headline.wallUs)} | ${times(served.headline.cpuUs, py?.mixed_cpu_us)} |`,
    `| Plugboard, generated validators, V8 defaults | ${fmt(plain.headline.cpuUs)} | ${fmt(plain.headline.wallUs)} | ${times(plain.headline.cpuUs, py?.mixed_cpu_us)} |`,
    `| Plugboard, generated validators, beside the Ajv path (V8 defaults) | ${fmt(generatedMixed.cpuUs)} | ${fmt(generatedMixed.wallUs)} | ${times(generatedMixed.cpuUs, py?.mixed_cpu_us)} |`,
    `| Plugboard, Ajv compiled at run time (cached per schema; V8 defaults) | ${fmt(ajvMixed.cpuUs)} | ${fmt(ajvMixed.wallUs)} | ${times(ajvMixed.cpuUs, py?.mixed_cpu_us)} |`,
  );
  for (const run of python.runs) {
    lines.push(pythonRow(run, `${fmt(run.mixed_cpu_us)} | ${fmt(run.mixed_us)}`));
  }
  for (const reason of python.skipped) lines.push("", `_Python skipped: ${reason}_`);
  lines.push(
    "",
    `Around the headline, the same paths at other ages of the process: each action's first call (its validators run for the first time; the Ajv path's schemas were compiled when the cases were checked), and ${ROUNDS} more rounds after the headline's (validators called ${ROUNDS + 1}–${2 * ROUNDS + 1} times each).`,
    "",
    "| path | first call, CPU µs | headline, CPU µs | next rounds, CPU µs |",
    "| --- | ---: | ---: | ---: |",
    `| generated validators, as \`plugboard serve\`/\`worker\` run | ${fmt(served.firstUs)} | ${fmt(served.headline.cpuUs)} | ${fmt(served.later.cpuUs)} |`,
    `| generated validators, V8 defaults | ${fmt(plain.firstUs)} | ${fmt(plain.headline.cpuUs)} | ${fmt(plain.later.cpuUs)} |`,
    `| generated validators, beside the Ajv path | ${fmt(generatedFirst.cpuUs)} | ${fmt(generatedMixed.cpuUs)} | ${fmt(later.generatedMixed.cpuUs)} |`,
    `| Ajv compiled at run time | ${fmt(ajvFirst.cpuUs)} | ${fmt(ajvMixed.cpuUs)} | ${fmt(later.ajvMixed.cpuUs)} |`,
    "",
    `**Hot regime**: each action ${REPEATS} times in a row (Python: ${PY_REPEATS}); median and mean over actions of µs per call.`,
    "",
    "| path | median µs/call | mean µs/call | Python / path (median) |",
    "| --- | ---: | ---: | ---: |",
    `| Plugboard, generated validators | ${fmt(generatedHot.medianUs)} | ${fmt(generatedHot.meanUs)} | ${times(generatedHot.medianUs, py?.median_us)} |`,
    `| Plugboard, Ajv compiled at run time (cached per schema) | ${fmt(ajvHot.medianUs)} | ${fmt(ajvHot.meanUs)} | ${times(ajvHot.medianUs, py?.median_us)} |`,
  );
  for (const run of python.runs) {
    lines.push(
      `| Python SDK path, jsonschema ${run.jsonschema} | ${fmt(run.median_us)} | ${fmt(run.mean_us)} | ${fmt((py?.median_us ?? Number.NaN) / run.median_us, 1)}× |`,
    );
  }
  lines.push("", "| target (mixed regime, generated validators, CPU time) | measured | result |");
  lines.push("| --- | --- | --- |");
  for (const [label, us] of [
    ["as `plugboard serve`/`worker` run", served.headline.cpuUs],
    ["V8 defaults", plain.headline.cpuUs],
  ] as const) {
    lines.push(`| ≤ 5 µs mean per call, ${label} | ${fmt(us)} µs | ${verdict(us <= 5)} |`);
    if (py) {
      const ratio = py.mixed_cpu_us / us;
      lines.push(
        `| ≥ 20× the Python path (jsonschema ${py.jsonschema}), ${label} | ${fmt(ratio, 1)}× | ${verdict(ratio >= 20)} |`,
      );
    }
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

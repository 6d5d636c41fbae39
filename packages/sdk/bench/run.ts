import { spawnSync } from "node:child_process";
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CORPUS, loadCases } from "./corpus-cases.ts";
import { buildRunners, timeRunners } from "./execute-bench.ts";
import { benchFetch } from "./fetch-bench.ts";
import { standaloneValidators } from "./standalone.ts";

const REPEATS = Number(process.env.PLUGBOARD_BENCH_REPEATS ?? 200);
const PY_REPEATS = Number(process.env.PLUGBOARD_BENCH_PY_REPEATS ?? 10);
const lines: string[] = ["## @plugboard/sdk", ""];
const fmt = (n: number, digits = 2) => n.toFixed(digits);
const verdict = (ok: boolean) => (ok ? "PASS" : "MISS");

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
    const run = spawnSync("python3", [script, file, String(PY_REPEATS)], { encoding: "utf8" });
    if (run.error || run.status !== 0) {
      return { skipped: (run.error?.message ?? run.stderr.trim()) || "python3 failed" };
    }
    return JSON.parse(run.stdout) as { median_us: number; mean_us: number };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const { cases, skipped, configs } = await loadCases();
if (cases.length === 0) {
  lines.push(`_Corpus not found at \`${CORPUS}\`: executeAction benchmark skipped._`, "");
} else {
  const cached = await timeRunners(buildRunners(cases), REPEATS);
  const standalone = await timeRunners(buildRunners(cases, standaloneValidators(cases)), REPEATS);
  const python = runPython(cases);
  lines.push(
    "### executeAction overhead on real corpus schemas",
    "",
    `${cases.length} actions from ${configs} corpus configs (${skipped} skipped: no generated sample validated). ` +
      "Each call validates inputs, credentials and output; the handler returns at once. " +
      `Per action: ${REPEATS} sequential calls (Python: ${PY_REPEATS}); median over actions.`,
    "",
    "| path | median µs/call | mean µs/call | calls/s |",
    "| --- | ---: | ---: | ---: |",
    `| Plugboard, Ajv compiled once per schema (cached) | ${fmt(cached.medianUs)} | ${fmt(cached.meanUs)} | ${Math.round(cached.callsPerSecond)} |`,
    `| Plugboard, Ajv standalone validators (as codegen ships) | ${fmt(standalone.medianUs)} | ${fmt(standalone.meanUs)} | ${Math.round(standalone.callsPerSecond)} |`,
  );
  if ("skipped" in python) {
    lines.push("", `_Python path skipped: ${python.skipped}_`);
  } else {
    lines.push(
      `| Python SDK path: fresh \`jsonschema.Draft7Validator\` per call | ${fmt(python.median_us)} | ${fmt(python.mean_us)} | ${Math.round(1e6 / python.mean_us)} |`,
    );
  }
  lines.push("", "| target | measured | result |", "| --- | --- | --- |");
  lines.push(
    `| ≤ 5 µs median per call (cached Ajv) | ${fmt(cached.medianUs)} µs | ${verdict(cached.medianUs <= 5)} |`,
  );
  if (!("skipped" in python)) {
    const ratio = python.median_us / cached.medianUs;
    lines.push(`| ≥ 20× the Python path (median) | ${fmt(ratio, 1)}× | ${verdict(ratio >= 20)} |`);
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

#!/usr/bin/env node
// Runs every package's benchmark in one go and writes the figures to docs/benchmarks.md.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
// [package, script]: a package may run several benchmarks, each its own section.
const packages = [
  ["@plugboard/sdk", "bench"],
  ["@plugboard/cli", "bench"],
  ["@plugboard/cli", "bench:import"],
  ["@plugboard/server", "bench"],
  ["@plugboard/server", "bench:mcp"],
  ["@plugboard/worker", "bench"],
];
const out = join(mkdtempSync(join(tmpdir(), "plugboard-bench-")), "sections.md");
writeFileSync(out, "");

const pnpm = ["-y", "pnpm@10.34.8"];
const build = spawnSync("npx", [...pnpm, "turbo", "run", "build", "--output-logs=errors-only"], {
  cwd: root,
  stdio: "inherit",
});
if (build.status !== 0) process.exit(build.status ?? 1);

let failed = false;
for (const [name, script] of packages) {
  process.stdout.write(`\n▶ ${script} ${name}\n`);
  const run = spawnSync("npx", [...pnpm, "--filter", name, "run", script], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, PLUGBOARD_BENCH_OUT: out },
  });
  if (run.status !== 0) {
    failed = true;
    writeFileSync(
      out,
      `${readFileSync(out, "utf8")}\n## ${name} (${script})\n\nThe benchmark failed (exit ${run.status}).\n`,
    );
  }
}

const cpu = cpus()[0]?.model ?? "unknown CPU";
const git = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root }).toString().trim();
const header = [
  "# Benchmarks",
  "",
  "Written by `pnpm bench` (scripts/bench.mjs); every figure below comes from one run, with the",
  "compared paths measured side by side in the same process or run.",
  "",
  `Machine: ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, commit ${git}.`,
  "",
].join("\n");
const target = join(root, "docs", "benchmarks.md");
writeFileSync(`${target}.tmp`, `${header}\n${readFileSync(out, "utf8").trim()}\n`);
renameSync(`${target}.tmp`, target);
process.stdout.write(`\nwrote ${target}\n`);
if (failed) process.exit(1);

// `pnpm bench` for @plugboard/cli: `plugboard codegen` on the whole corpus (cold, worker threads
// or one) and on one integration, the no-op through Turborepo, peak memory, the size and load
// time of `plugboard build`'s bundles, and the start-up of a process that runs one action of the
// largest integration against bare `node -e 0`.
import { spawnSync } from "node:child_process";
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  instructionCount,
  median,
  pairedRatio,
  prepareFloorProbe,
  prepareStartupProbe,
  spawnTimes,
} from "./startup.ts";

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const corpusDir =
  process.env.PLUGBOARD_CORPUS ?? resolve(packageDir, "../../../shared/corpus/autohive");
const lines: string[] = ["## @plugboard/cli: codegen, build and start-up", ""];
const say = (line = "") => lines.push(line);
const verdict = (ok: boolean) => (ok ? "PASS" : "MISS");

function finish(): void {
  const text = `${lines.join("\n")}\n`;
  process.stdout.write(text);
  if (process.env.PLUGBOARD_BENCH_OUT) appendFileSync(process.env.PLUGBOARD_BENCH_OUT, `${text}\n`);
}

if (!existsSync(corpusDir)) {
  say(`Skipped: the corpus (${corpusDir}) is absent.`);
  finish();
  process.exit(0);
}

// The CLI is measured as people run it: the built bin.
const build = spawnSync(
  JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")).scripts.build,
  { cwd: packageDir, encoding: "utf8", shell: true },
);
if (!existsSync(join(packageDir, "dist/cli.js")))
  throw new Error(`build failed: ${build.stdout}${build.stderr}`);

const work = mkdtempSync(join(tmpdir(), "plugboard-codegen-bench-"));
const ws = join(work, "integrations");
const names = readdirSync(corpusDir).filter((n) => existsSync(join(corpusDir, n, "config.json")));
for (const name of names)
  cpSync(join(corpusDir, name, "config.json"), join(ws, name, "config.json"));
mkdirSync(join(work, "node_modules/@plugboard"), { recursive: true });
symlinkSync(resolve(packageDir, "../sdk"), join(work, "node_modules/@plugboard/sdk"), "dir");
writeFileSync(join(work, "package.json"), '{ "type": "module", "private": true }\n');

function codegen(
  args: string[],
  env: Record<string, string> = {},
): { ms: number; maxRssKiB: number; exitCode: number } {
  const report = join(work, "probe.json");
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [join(packageDir, "bench/cli-probe.mjs"), "codegen", ...args],
    { cwd: work, encoding: "utf8", env: { ...process.env, ...env, PLUGBOARD_PROBE_OUT: report } },
  );
  const ms = performance.now() - started;
  const probe = JSON.parse(readFileSync(report, "utf8"));
  if (probe.exitCode !== 0) throw new Error(`codegen failed: ${run.stdout}${run.stderr}`);
  return { ms, ...probe };
}

const removeGenerated = () => {
  for (const name of names) rmSync(join(ws, name, "src"), { recursive: true, force: true });
};
// The worker pool earns its place only if one thread is markedly slower on the whole corpus.
const coldOneThread = codegen([ws], { PLUGBOARD_PROBE_WORKERS: "1" });
removeGenerated();
const cold = codegen([ws]);
const noop = codegen([ws]);
const edited = join(ws, "github/config.json");
writeFileSync(
  edited,
  readFileSync(edited, "utf8").replace('"description": "', '"description": "Edited. '),
);
const oneEdit = codegen([join(ws, "github")]);
const oneNoop = codegen([join(ws, "github")]);

// What people meet in a workspace: `pnpm codegen` is `turbo run codegen`, which replays the
// task from Turborepo's cache when config.json did not change. Measured on this repository's
// own integrations: one run to fill the cache, then the timed one.
const repoRoot = resolve(packageDir, "../..");
const turboArgs = ["run", "codegen", "--filter=./integrations/*", "--output-logs=errors-only"];
// The filling run may execute tasks, which turbo starts through pnpm: run it as people do.
spawnSync("npx", ["-y", "pnpm@10.34.8", "turbo", ...turboArgs], { cwd: repoRoot, stdio: "ignore" });
// The timed one replays every task from the cache: the turbo binary alone, no npx in front.
const turboNoop = (() => {
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [join(repoRoot, "node_modules/turbo/bin/turbo"), ...turboArgs],
    { cwd: repoRoot, encoding: "utf8" },
  );
  const ms = performance.now() - started;
  return { ms: run.status === 0 ? ms : Number.NaN, replayed: /FULL TURBO/.test(run.stdout) };
})();
const repoIntegrations = readdirSync(join(repoRoot, "integrations")).filter((name) =>
  existsSync(join(repoRoot, "integrations", name, "config.json")),
);

say(
  `Corpus: ${names.length} real configs from ../shared/corpus/autohive, generated by the built CLI (\`plugboard codegen\`, direct, no Turborepo) in a fresh process each time. ` +
    "The CLI keeps no cache of its own: in a workspace Turborepo caches the `codegen` task (its `inputs` are config.json).",
);
say();
say("| Run | Measured | Target | Ratio | |");
say("|---|---:|---:|---:|---|");
const row = (what: string, value: number, target: number | undefined, unit: string) =>
  say(
    target === undefined
      ? `| ${what} | ${value.toFixed(unit === "MiB" ? 0 : 2)} ${unit} | | | |`
      : `| ${what} | ${value.toFixed(unit === "MiB" ? 0 : 2)} ${unit} | ${target} ${unit} | ${(value / target).toFixed(2)} | ${verdict(value <= target)} |`,
  );
row("Whole corpus from cold (no generated files), worker threads", cold.ms / 1000, 10, "s");
row("The same on one thread (no worker pool)", coldOneThread.ms / 1000, undefined, "s");
row(
  "Whole corpus again, nothing changed (every config regenerated and compared; writes nothing)",
  noop.ms / 1000,
  undefined,
  "s",
);
row(
  "One edited config (github): `plugboard codegen` on that integration, what Turborepo runs for the one changed package",
  oneEdit.ms / 1000,
  1.5,
  "s",
);
row("The same integration again, nothing changed", oneNoop.ms / 1000, undefined, "s");
row(
  `No-op \`pnpm codegen\` in this repository: \`turbo run codegen\` over its ${repoIntegrations.length} integrations, every task replayed from Turborepo's cache${turboNoop.replayed ? "" : " (NOT all replayed)"}`,
  turboNoop.ms / 1000,
  1,
  "s",
);
row("Peak memory (RSS) of the cold run", cold.maxRssKiB / 1024, 1024, "MiB");
say();

// What ships: `plugboard build`'s output for each integration of this repository (built by
// `pnpm bench` beforehand) — its size and the time to import it in a fresh process.
const loadMs = (entry: string) => {
  const loads: number[] = [];
  for (let i = 0; i < 9; i++) {
    const run = spawnSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(entry).href)}); process.stdout.write(String(performance.now() - t));`,
      ],
      { encoding: "utf8" },
    );
    if (run.status !== 0) throw new Error(`loading ${entry} failed: ${run.stderr}`);
    loads.push(Number(run.stdout));
  }
  return median(loads);
};
const jsBytes = (dist: string) =>
  readdirSync(dist, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".js"))
    .reduce((sum, file) => sum + statSync(join(dist, file)).size, 0);
const kib = (n: number) => (n / 1024).toFixed(1);
say(
  "Built bundles (`plugboard build` → `dist/`: the integration bundled into `index.js`, validators chunks loaded on first use). " +
    "Size: every `.js` file in `dist/`, without source maps. Load: `import()` of `dist/index.js`, median of 9 fresh processes.",
);
say();
say("| Integration | Bundle KiB | Load ms |");
say("|---|---:|---:|");
for (const name of repoIntegrations) {
  const dist = join(repoRoot, "integrations", name, "dist");
  if (!existsSync(join(dist, "index.js"))) {
    say(`| ${name} | not built | |`);
    continue;
  }
  say(`| ${name} | ${kib(jsBytes(dist))} | ${loadMs(join(dist, "index.js")).toFixed(1)} |`);
}
// Start-up of a process that loads the largest integration (by config size) and runs one action.
const biggest =
  [...names].sort(
    (a, b) => statSync(join(ws, b, "config.json")).size - statSync(join(ws, a, "config.json")).size,
  )[0] ?? "";
const probeDir = join(work, "probe");
const { action } = await prepareStartupProbe(join(ws, biggest), probeDir);
symlinkSync(join(work, "node_modules"), join(probeDir, "node_modules"), "dir");
say(
  `| ${biggest} (largest corpus config, bundled as \`plugboard build\` does) | ${kib(jsBytes(join(probeDir, "dist")))} | ${loadMs(join(probeDir, "dist/index.js")).toFixed(1)} |`,
);
say();
writeFileSync(join(probeDir, "empty.mjs"), "export {};\n");
const floorDir = join(probeDir, "floor");
prepareFloorProbe(floorDir, resolve(packageDir, "../sdk/package.json"), probeDir);
const SPAWNS = 41;
const runs = spawnTimes(
  [
    ["-e", "0"],
    ["empty.mjs"],
    [join(floorDir, "run-one.js")],
    ["--input-type=module", "-e", 'await import("@plugboard/sdk")'],
    ["run-one.js"],
  ],
  probeDir,
  SPAWNS,
);
const [bareRuns = [], ...others] = runs;
const [bare, esmFloor, shapeFloor, sdkOnly, oneAction] = runs.map(median);
const [esmRatio, floorRatio, sdkRatio, oneRatio] = others.map((list) =>
  pairedRatio(list, bareRuns),
);
if (
  bare === undefined ||
  esmFloor === undefined ||
  shapeFloor === undefined ||
  sdkOnly === undefined ||
  oneAction === undefined ||
  esmRatio === undefined ||
  floorRatio === undefined ||
  sdkRatio === undefined ||
  oneRatio === undefined
)
  throw new Error("no timing");
say(
  `${SPAWNS} rounds, the five processes taking turns in each. Measured: the median time. Ratio: the median over rounds of the process's time over \`node -e 0\`'s in the same round.`,
);
say();
say("| Start-up | Measured | Target | Ratio | |");
say("|---|---:|---:|---:|---|");
say(`| \`node -e 0\` | ${bare.toFixed(1)} ms | | | |`);
say(
  `| \`node empty.mjs\` (an empty ES module: the ESM loader's own start-up, the floor for any ESM package) | ${esmFloor.toFixed(1)} ms | | ${esmRatio.toFixed(3)} | |`,
);
say(
  `| The same process with trivial modules: an ES-module entry, two resolutions of \`@plugboard/sdk\` through its exports map, three modules loaded one after another (Node's share; see \`prepareFloorProbe\`) | ${shapeFloor.toFixed(1)} ms | | ${floorRatio.toFixed(3)} | |`,
);
say(
  `| \`import("@plugboard/sdk")\` alone (the runtime's share) | ${sdkOnly.toFixed(1)} ms | | ${sdkRatio.toFixed(3)} | |`,
);
say(
  `| Load ${biggest} (largest config) and run \`${action}\` (handler returns at once) | ${oneAction.toFixed(1)} ms | ≤ 1.15 × bare | ${oneRatio.toFixed(3)} | ${verdict(oneRatio <= 1.15)} |`,
);
say();
const counts = [["-e", "0"], ["empty.mjs"], [join(floorDir, "run-one.js")], ["run-one.js"]].map(
  (args) => instructionCount(args, probeDir),
);
const [bareIr, esmIr, floorIr, oneIr] = counts;
if (bareIr === undefined || esmIr === undefined || floorIr === undefined || oneIr === undefined) {
  say("Instruction counts skipped: valgrind is not installed (`apt-get install valgrind`).");
} else {
  const millions = (n: number) => `${(n / 1e6).toFixed(1)} M`;
  say(
    "| Start-up, instructions (valgrind callgrind, median of 3 runs; repeatable where wall time is not) | Measured | Target | Ratio | |",
  );
  say("|---|---:|---:|---:|---|");
  say(`| \`node -e 0\` | ${millions(bareIr)} | | | |`);
  say(`| \`node empty.mjs\` | ${millions(esmIr)} | | ${(esmIr / bareIr).toFixed(3)} | |`);
  say(
    `| The same process with trivial modules | ${millions(floorIr)} | | ${(floorIr / bareIr).toFixed(3)} | |`,
  );
  say(
    `| Load ${biggest} and run \`${action}\` | ${millions(oneIr)} | ≤ 1.15 × bare | ${(oneIr / bareIr).toFixed(3)} | ${verdict(oneIr <= bareIr * 1.15)} |`,
  );
}
say();
// Shares in points of `node -e 0`'s time, from the paired ratios: medians of whole times drift
// with the machine's speed between rounds, which the ratios cancel.
const points = (ratio: number) => `${(ratio * 100).toFixed(1)} %`;
say(
  `The generated modules (config, validators, contract, ${readdirSync(join(probeDir, "src/actions")).length} handler modules, bundled into one module as \`plugboard build\` ships them) ` +
    `and the run add ${points(oneRatio - sdkRatio)} of \`node -e 0\`'s time on top of the SDK import. ` +
    `Plugboard's own code (the SDK, that bundle, the action's validators chunk, the context and the run) adds ` +
    `${points(oneRatio - floorRatio)} on top of the same process with trivial modules; the target leaves it ${points(1.15 - floorRatio)}.`,
);
say();
rmSync(work, { recursive: true, force: true });
finish();

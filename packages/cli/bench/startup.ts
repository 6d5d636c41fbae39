import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { readConfig } from "@plugboard/codegen";
import { normalizeSchema } from "@plugboard/sdk/internal";
import { sampleValue } from "@plugboard/testing";
import { transformSync } from "esbuild";
import { bundleEntry } from "../src/bundle.ts";

/**
 * Turns a generated integration into a runnable JavaScript copy (`out`): every `.ts` under
 * src/ transpiled with esbuild, `.ts` imports rewritten to `.js`, one action's stub replaced by
 * a handler that returns at once, the whole bundled into `dist/index.js` exactly as
 * `plugboard build` bundles a package, and `run-one.js`, which loads the bundle and runs that
 * action through the SDK (input validation, handler, output validation).
 */
export async function prepareStartupProbe(
  integrationDir: string,
  out: string,
): Promise<{ action: string }> {
  const config = readConfig(join(integrationDir, "config.json"));
  const [action, spec] = Object.entries(config.actions)[0] ?? [];
  if (!action || !spec) throw new Error("the integration has no action");
  const src = join(integrationDir, "src");
  for (const file of readdirSync(src, { recursive: true, encoding: "utf8" })) {
    const target = join(out, "src", file);
    mkdirSync(dirname(target), { recursive: true });
    if (file.endsWith(".gen.js")) writeFileSync(target, readFileSync(join(src, file)));
    if (!file.endsWith(".ts") || file.endsWith(".d.ts")) continue;
    const code = transformSync(readFileSync(join(src, file), "utf8"), {
      loader: "ts",
      format: "esm",
    }).code;
    writeFileSync(
      target.replace(/\.ts$/, ".js"),
      code.replace(/(from\s+"\.[^"]*)\.ts"/g, '$1.js"'),
    );
  }
  const output = JSON.stringify(sampleValue(normalizeSchema(spec.output_schema)));
  // The handler file is the one that defines this action, whatever codegen named it.
  const actions = join(out, "src", "actions");
  const stubFile = readdirSync(actions).find((file) =>
    readFileSync(join(actions, file), "utf8").includes(`defineAction(${JSON.stringify(action)}`),
  );
  const stub = join(actions, stubFile ?? `${action}.js`);
  writeFileSync(
    stub,
    readFileSync(stub, "utf8").replace(/throw new Error\([^;]*\);/, `return { data: ${output} };`),
  );
  writeFileSync(join(out, "package.json"), '{ "type": "module", "private": true }\n');
  await bundleEntry({
    entry: join(out, "src", "index.js"),
    outdir: join(out, "dist"),
    external: ["@plugboard/sdk"],
    sourcemap: false,
  });
  writeFileSync(
    join(out, "run-one.js"),
    [
      'import { ExecutionContext } from "@plugboard/sdk";',
      'import { integration } from "./dist/index.js";',
      "const context = new ExecutionContext({ auth: {} });",
      `const result = await integration.executeAction(${JSON.stringify(action)}, ${JSON.stringify(
        sampleValue(normalizeSchema(spec.input_schema)),
      )}, context);`,
      'if (result.type !== "action") { process.stderr.write(JSON.stringify(result)); process.exitCode = 1; }',
      "await context.close?.();",
    ].join("\n"),
  );
  return { action };
}

/**
 * The same process as `run-one.js` with Plugboard's code taken out: in `out`, an SDK package
 * with the real SDK's package.json (so the same exports map to resolve) whose module holds only
 * a trivial `ExecutionContext`, an integration module that imports it by name and whose
 * `executeAction` imports one chunk, and the same `run-one.js`. Its start-up is Node's share:
 * the ES-module entry, two resolutions of `@plugboard/sdk` and three modules loaded one after
 * another, which any integration of this shape pays before Plugboard runs any code.
 */
export function prepareFloorProbe(out: string, sdkPackageJson: string, probe: string): void {
  const sdk = join(out, "node_modules/@plugboard/sdk");
  mkdirSync(join(sdk, "dist"), { recursive: true });
  mkdirSync(join(out, "dist"), { recursive: true });
  writeFileSync(join(sdk, "package.json"), readFileSync(sdkPackageJson));
  writeFileSync(
    join(sdk, "dist/index.js"),
    "export class ExecutionContext { constructor(options) { this.options = options; } async close() {} }\n",
  );
  writeFileSync(join(out, "package.json"), '{ "type": "module", "private": true }\n');
  writeFileSync(
    join(out, "dist/index.js"),
    [
      'import { ExecutionContext } from "@plugboard/sdk";',
      "export const integration = {",
      "  async executeAction(name, inputs, context) {",
      '    const chunk = await import("./chunk.js");',
      '    return { type: context instanceof ExecutionContext && chunk.accepts(inputs) ? "action" : "validation_error" };',
      "  },",
      "};",
      "",
    ].join("\n"),
  );
  writeFileSync(
    join(out, "dist/chunk.js"),
    'export const accepts = (inputs) => typeof inputs === "object";\n',
  );
  writeFileSync(join(out, "run-one.js"), readFileSync(join(probe, "run-one.js")));
}

/** Wall times (ms) of `node <args>` for each command, `runs` rounds, the commands taking turns. */
export function spawnTimes(commands: string[][], cwd: string, runs: number): number[][] {
  const times: number[][] = commands.map(() => []);
  for (let i = 0; i < runs; i++) {
    commands.forEach((args, k) => {
      const started = performance.now();
      const run = spawnSync(process.execPath, args, { cwd, encoding: "utf8" });
      times[k]?.push(performance.now() - started);
      if (run.status !== 0) throw new Error(`node ${args.join(" ")} failed: ${run.stderr}`);
    });
  }
  return times;
}

/** The median of `list`. */
export function median(list: number[]): number {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/**
 * The median over rounds of `times[i] / base[i]`: each ratio compares two runs made one after
 * the other, so a stretch when the whole machine runs slow (a shared VM's usual noise) scales
 * both sides of a ratio instead of skewing one median.
 */
export function pairedRatio(times: number[], base: number[]): number {
  return median(times.map((t, i) => t / (base[i] ?? Number.NaN)));
}

/**
 * Instructions executed by `node <args>`, counted by valgrind's callgrind: the median of `runs`
 * runs. Unlike wall time on a shared machine, one run is the same as the next within ~1 %, and
 * the median of a few is steadier still (V8's background threads and hash seeds vary a little).
 * `undefined` when valgrind is absent.
 */
export function instructionCount(args: string[], cwd: string, runs = 3): number | undefined {
  const counts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const run = spawnSync(
      "valgrind",
      ["--tool=callgrind", "--callgrind-out-file=/dev/null", process.execPath, ...args],
      { cwd, encoding: "utf8" },
    );
    if (run.error) return undefined;
    const collected = /Collected\s*:\s*(\d+)/.exec(run.stderr);
    if (run.status !== 0 || !collected?.[1]) {
      throw new Error(`valgrind node ${args.join(" ")} failed: ${run.stderr.slice(-2000)}`);
    }
    counts.push(Number(collected[1]));
  }
  return median(counts);
}

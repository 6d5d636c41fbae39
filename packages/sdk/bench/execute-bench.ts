import { ExecutionContext, Integration, type PrecompiledValidators } from "../src/index.ts";
import type { ActionCase } from "./corpus-cases.ts";

/** One integration per corpus config, every benchmarked action registered to return at once. */
export function buildRunners(cases: ActionCase[], validators?: Map<string, PrecompiledValidators>) {
  const integrations = new Map<string, Integration>();
  const contexts = new Map<string, ExecutionContext>();
  return cases.map((c) => {
    let integration = integrations.get(c.integration);
    if (!integration) {
      integration = new Integration(c.config, { validators: validators?.get(c.integration) });
      integrations.set(c.integration, integration);
      contexts.set(c.integration, new ExecutionContext({ auth: c.auth }));
    }
    const result = { data: c.output };
    integration.action(c.action, async () => result);
    const context = contexts.get(c.integration) as ExecutionContext;
    const run = integration;
    return () => run.executeAction(c.action, c.input, context);
  });
}

type Runner = () => Promise<{ type: string }>;

/**
 * Runs every case once (its validators' first run, compiling them when not precompiled),
 * checks it succeeds, and gives the CPU µs per call of that first round.
 */
export async function warmUp(runners: Runner[]): Promise<{ cpuUs: number }> {
  const cpu = process.cpuUsage();
  for (const run of runners) {
    const first = await run();
    if (first.type !== "action") throw new Error(`benchmark case failed: ${JSON.stringify(first)}`);
  }
  const used = process.cpuUsage(cpu);
  return { cpuUs: (used.user + used.system) / runners.length };
}

/**
 * The hot regime: each case timed over `repeats` sequential calls of itself (caches and
 * inline caches stay warm for one schema); median and mean µs per call over cases.
 */
export async function timeHot(
  runners: Runner[],
  repeats: number,
): Promise<{ medianUs: number; meanUs: number }> {
  const perCall: number[] = [];
  for (const run of runners) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < repeats; i += 1) await run();
    perCall.push(Number(process.hrtime.bigint() - start) / repeats / 1000);
  }
  perCall.sort((a, b) => a - b);
  const medianUs = perCall[Math.floor(perCall.length / 2)] ?? Number.NaN;
  const meanUs = perCall.reduce((a, b) => a + b, 0) / perCall.length;
  return { medianUs, meanUs };
}

/**
 * The mixed regime, what a service running many actions meets: every case called once per
 * round in a fixed order, `rounds` rounds; mean µs per call over all calls, of wall time and of
 * the process's CPU time (which a shared machine's other work does not inflate).
 */
export async function timeMixed(
  runners: Runner[],
  rounds: number,
): Promise<{ wallUs: number; cpuUs: number }> {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (let round = 0; round < rounds; round += 1) {
    for (const run of runners) await run();
  }
  const wall = Number(process.hrtime.bigint() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const calls = rounds * runners.length;
  return { wallUs: wall / calls, cpuUs: (used.user + used.system) / calls };
}

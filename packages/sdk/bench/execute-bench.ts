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

/** Median and mean µs per call over every case, each timed over `repeats` sequential calls. */
export async function timeRunners(
  runners: Array<() => Promise<{ type: string }>>,
  repeats: number,
): Promise<{ medianUs: number; meanUs: number; callsPerSecond: number }> {
  for (const run of runners) {
    const first = await run();
    if (first.type !== "action") throw new Error(`benchmark case failed: ${JSON.stringify(first)}`);
  }
  const perCall: number[] = [];
  let totalNs = 0n;
  for (const run of runners) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < repeats; i += 1) await run();
    const elapsed = process.hrtime.bigint() - start;
    totalNs += elapsed;
    perCall.push(Number(elapsed) / repeats / 1000);
  }
  perCall.sort((a, b) => a - b);
  const medianUs = perCall[Math.floor(perCall.length / 2)] ?? Number.NaN;
  const meanUs = perCall.reduce((a, b) => a + b, 0) / perCall.length;
  const callsPerSecond = (runners.length * repeats) / (Number(totalNs) / 1e9);
  return { medianUs, meanUs, callsPerSecond };
}

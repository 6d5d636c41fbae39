import { performance } from "node:perf_hooks";
import { type IntegrationConfig, pickSecrets } from "@plugboard/sdk";
import type { HttpCall, LoadedIntegration, RunResult } from "./types.ts";

/** What one local run produced: the envelope, the HTTP calls made, and how long it took. */
export interface ActionRun {
  result: RunResult;
  calls: HttpCall[];
  durationMs: number;
}

/** Options of one local run. */
export interface RunActionOptions {
  action: string;
  inputs: unknown;
  auth?: Record<string, unknown> | undefined;
  originOverrides?: Record<string, string> | undefined;
  /** Where the action's declared secrets come from (e.g. the environment); only its keys are read. */
  secretLookup?: ((key: string) => string | undefined) | undefined;
}

/** Runs one action of a loaded integration in a fresh context: the path `run` and `dev` share. */
export async function runAction(
  loaded: LoadedIntegration,
  options: RunActionOptions,
): Promise<ActionRun> {
  const calls: HttpCall[] = [];
  const config = (loaded.integration as { config?: IntegrationConfig }).config;
  const secrets =
    config && options.secretLookup
      ? await pickSecrets(config, "actions", options.action, options.secretLookup)
      : undefined;
  const context = new loaded.ExecutionContext({
    ...(secrets === undefined ? {} : { secrets }),
    ...(options.auth === undefined ? {} : { auth: options.auth }),
    ...(options.originOverrides === undefined ? {} : { originOverrides: options.originOverrides }),
    onHttpCall: (call) => calls.push(call),
  });
  const started = performance.now();
  try {
    const result = await loaded.integration.executeAction(options.action, options.inputs, context);
    return { result, calls, durationMs: performance.now() - started };
  } finally {
    await context.close();
  }
}

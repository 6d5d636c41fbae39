import {
  type LoadedIntegration,
  loadIntegration,
  type RegistryIntegration,
  runAction,
} from "@plugboard/registry";
import type { ActionRunner } from "./action-runner.ts";

/** Options of the in-process runner. */
export interface LocalRunnerOptions {
  /** Origins to redirect, e.g. `{ "https://api.notion.com": "http://127.0.0.1:8080" }`. */
  originOverrides?: Record<string, string> | undefined;
}

/**
 * Runs actions in this process, as `plugboard run` does: each integration is loaded from its
 * source on first use and kept, each call gets a fresh `ExecutionContext`.
 */
export function localRunner(
  integrations: RegistryIntegration[],
  options: LocalRunnerOptions = {},
): ActionRunner {
  const byName = new Map(integrations.map((integration) => [integration.name, integration]));
  const loaded = new Map<string, Promise<LoadedIntegration>>();
  return async (qualifiedName, request) => {
    const dot = qualifiedName.indexOf(".");
    const name = qualifiedName.slice(0, dot);
    const integration = byName.get(name);
    if (!integration) throw new Error(`unknown integration "${name}"`);
    let module = loaded.get(name);
    if (!module) {
      module = loadIntegration(integration.dir);
      // A failed load is retried by the next call rather than cached.
      module.catch(() => loaded.delete(name));
      loaded.set(name, module);
    }
    const run = await runAction(await module, {
      action: qualifiedName.slice(dot + 1),
      inputs: request.inputs,
      auth: request.auth,
      originOverrides: options.originOverrides,
    });
    return run.result;
  };
}

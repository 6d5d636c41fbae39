import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";
import { RegistryError } from "./errors.ts";
import type { LoadedIntegration, RunnableIntegration } from "./types.ts";

let loads = 0;

function isRunnable(value: unknown): value is RunnableIntegration {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { executeAction?: unknown }).executeAction === "function"
  );
}

/** Options of `loadIntegration`. */
export interface LoadIntegrationOptions {
  /**
   * `"source"` (default): `src/index.ts` through tsx, so edits show at the next load.
   * `"build"`: `dist/index.js` when `plugboard build` made one, else the source — what a
   * server runs, without a TypeScript compiler in the hot process.
   */
  prefer?: "source" | "build";
}

async function loadBuilt(entry: string): Promise<LoadedIntegration> {
  const relative = path.relative(process.cwd(), entry) || entry;
  let module: Record<string, unknown>;
  let sdk: Record<string, unknown>;
  try {
    module = await import(pathToFileURL(entry).href);
    // The SDK the bundle was built against: resolved from the bundle, as its own import is.
    const sdkFile = createRequire(entry).resolve("@plugboard/sdk");
    sdk = await import(pathToFileURL(sdkFile).href);
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new RegistryError("load_failed", `${relative} failed to load: ${message}`, {
      cause: error,
    });
  }
  return checked(module, sdk, relative, entry);
}

function checked(
  module: Record<string, unknown>,
  sdk: Record<string, unknown>,
  relative: string,
  entry: string,
): LoadedIntegration {
  const integration = module.integration;
  if (!isRunnable(integration)) {
    throw new RegistryError(
      "load_failed",
      `${relative} has no \`integration\` export: export const integration = createIntegration({ … })`,
    );
  }
  const ExecutionContext = sdk.ExecutionContext as LoadedIntegration["ExecutionContext"];
  if (typeof ExecutionContext !== "function") {
    throw new RegistryError(
      "load_failed",
      "@plugboard/sdk has no ExecutionContext export: build it first",
    );
  }
  return { integration, ExecutionContext, entry };
}

/**
 * Imports `<dir>/src/index.ts` through tsx (or `dist/index.js`, see `prefer`) and returns its
 * `integration` export, together with the `ExecutionContext` class of the very SDK copy that
 * integration was built with.
 */
export async function loadIntegration(
  dir: string,
  options: LoadIntegrationOptions = {},
): Promise<LoadedIntegration> {
  const built = path.join(dir, "dist", "index.js");
  if (options.prefer === "build" && existsSync(built)) return loadBuilt(built);
  const entry = path.join(dir, "src", "index.ts");
  const relative = path.relative(process.cwd(), entry) || entry;
  if (!existsSync(entry)) {
    throw new RegistryError(
      "load_failed",
      `${relative} is missing: run \`plugboard codegen ${path.relative(process.cwd(), dir) || "."}\` to create it`,
    );
  }
  // A fresh namespace per load, so edited handlers are picked up by the next load.
  const scope = register({ namespace: `plugboard-${process.pid}-${++loads}` });
  const parent = pathToFileURL(entry).href;
  let module: Record<string, unknown>;
  let sdk: Record<string, unknown>;
  try {
    module = await scope.import(parent, import.meta.url);
    sdk = await scope.import("@plugboard/sdk", parent);
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new RegistryError("load_failed", `${relative} failed to load: ${message}`, {
      cause: error,
    });
  }
  return checked(module, sdk, relative, entry);
}

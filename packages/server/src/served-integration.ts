import { readFile } from "node:fs/promises";
import path from "node:path";
import { findIntegrations } from "@plugboard/registry";
import { type IntegrationConfig, parseConfig } from "@plugboard/sdk";
import { ServerError } from "./errors.ts";

/** One integration the server runs: its name (the folder's), folder and checked config. */
export interface ServedIntegration {
  name: string;
  dir: string;
  config: IntegrationConfig;
}

/**
 * Finds the integrations `paths` name (an integration folder, or a folder of them; the
 * workspace's `integrations/` when empty) and reads their config.json, checked.
 */
export async function readServedIntegrations(paths: string[]): Promise<ServedIntegration[]> {
  const { dirs, unmatched } = findIntegrations(paths);
  if (unmatched.length > 0) {
    throw new ServerError(
      "load_failed",
      `${unmatched.join(", ")}: no integration there (no config.json in it or its subfolders); pass an integration folder or a folder of them`,
    );
  }
  const served: ServedIntegration[] = [];
  for (const dir of dirs) {
    const file = path.join(dir, "config.json");
    let config: IntegrationConfig;
    try {
      config = parseConfig(await readFile(file, "utf8"), file);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new ServerError("load_failed", message, { cause: error });
    }
    const name = path.basename(path.resolve(dir));
    if (served.some((other) => other.name === name)) {
      throw new ServerError(
        "load_failed",
        `two integrations are named "${name}" (${dir}); serve only one of them`,
      );
    }
    served.push({ name, dir: path.resolve(dir), config });
  }
  return served;
}

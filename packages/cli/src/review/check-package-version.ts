import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Finding } from "./finding.ts";

/**
 * Checks config.json's `version` equals package.json's: `pnpm version-packages` bumps only
 * package.json, and the platform reads config.json's.
 */
export async function checkPackageVersion(
  dir: string,
  config: Record<string, unknown>,
): Promise<Finding[]> {
  let pkg: { version?: unknown };
  try {
    pkg = JSON.parse(await readFile(path.join(dir, "package.json"), "utf8"));
  } catch {
    return [];
  }
  if (typeof pkg.version !== "string" || pkg.version === config.version) return [];
  return [
    {
      level: "error",
      check: "version",
      message: `config.json#/version is ${JSON.stringify(config.version ?? null)} but package.json's is "${pkg.version}": set config.json's "version" to "${pkg.version}" (version-packages bumps package.json only)`,
    },
  ];
}

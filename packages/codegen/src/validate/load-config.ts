import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseConfig } from "@plugboard/sdk";
import type { Finding } from "./finding.ts";

/** Reads and structurally checks `<dir>/config.json`; a problem becomes a finding with its location. */
export async function loadConfig(
  dir: string,
): Promise<{ config: Record<string, unknown> } | { finding: Finding }> {
  const file = path.join(dir, "config.json");
  try {
    const config = parseConfig(await readFile(file, "utf8"), file);
    return { config: config as unknown as Record<string, unknown> };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { finding: { level: "error", check: "config", message } };
  }
}

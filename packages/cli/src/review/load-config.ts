import path from "node:path";
import { readConfig } from "@plugboard/codegen";
import type { Finding } from "./finding.ts";

/**
 * Reads and checks `<dir>/config.json` with codegen's own reader (structure, then every JSON
 * Schema); a problem becomes a finding with its location, a tolerated oddity a warning.
 */
export async function loadConfig(
  dir: string,
): Promise<{ config: Record<string, unknown>; findings: Finding[] } | { finding: Finding }> {
  const file = path.join(dir, "config.json");
  const findings: Finding[] = [];
  try {
    const config = readConfig(file, {
      onWarning: (warning) =>
        findings.push({
          level: "warning",
          check: "schemas",
          message: `config.json#${warning.pointer}: ${warning.message}`,
        }),
    });
    return { config: config as unknown as Record<string, unknown>, findings };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const check = error instanceof Error && error.name === "CodegenError" ? "schemas" : "config";
    return { finding: { level: "error", check, message } };
  }
}

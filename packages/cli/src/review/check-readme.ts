import { readFile } from "node:fs/promises";
import path from "node:path";
import { readmeTableState } from "../readme/action-table.ts";
import type { Finding } from "./finding.ts";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Checks README.md exists and mentions every action and trigger by its config name. */
export async function checkReadme(
  dir: string,
  names: string[],
  config: Record<string, unknown>,
): Promise<Finding[]> {
  let readme: string;
  try {
    readme = await readFile(path.join(dir, "README.md"), "utf8");
  } catch {
    return [
      {
        level: "error",
        check: "readme",
        message: "README.md is missing: describe the integration and list its actions",
      },
    ];
  }
  const missing = names.filter(
    (name) => !new RegExp(`(^|[^A-Za-z0-9_])${escapeRegExp(name)}($|[^A-Za-z0-9_])`).test(readme),
  );
  const findings: Finding[] = [];
  if (readmeTableState(readme, config) === "stale") {
    findings.push({
      level: "warning",
      check: "readme",
      message: "README.md's generated action tables are out of date: run `plugboard readme`",
    });
  }
  if (missing.length === 0) return findings;
  return [
    ...findings,
    {
      level: "error",
      check: "readme",
      message: `README.md does not list ${missing.map((n) => `"${n}"`).join(", ")}: add ${missing.length === 1 ? "it" : "them"} to the list of actions`,
    },
  ];
}

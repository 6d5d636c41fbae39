import { readdir } from "node:fs/promises";
import path from "node:path";
import type { Finding } from "./finding.ts";

const snakeCase = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

/** Checks names are snake_case and every action or trigger has exactly one handler file. */
export async function checkHandlers(
  dir: string,
  kind: "action" | "polling trigger",
  section: "actions" | "polling_triggers",
  names: string[],
): Promise<Finding[]> {
  const findings: Finding[] = [];
  const folder = section === "actions" ? "actions" : "triggers";
  for (const name of names) {
    if (!snakeCase.test(name)) {
      findings.push({
        level: "error",
        check: "naming",
        message: `config.json#/${section}/${name}: ${kind} names must be snake_case (e.g. "${toSnake(name)}")`,
      });
    }
  }
  let files: string[] = [];
  try {
    files = (await readdir(path.join(dir, "src", folder))).filter((f) => f.endsWith(".ts"));
  } catch {
    // No folder at all: every declared name is reported as missing below.
  }
  const handlers = new Set(files.map((file) => file.slice(0, -".ts".length)));
  for (const name of names) {
    if (!handlers.has(name)) {
      findings.push({
        level: "error",
        check: "handlers",
        message: `${kind} "${name}" has no handler src/${folder}/${name}.ts: run \`plugboard codegen ${dir}\` to create its stub`,
      });
    }
  }
  for (const handler of [...handlers].sort()) {
    if (!names.includes(handler) && !handler.endsWith(".test")) {
      findings.push({
        level: "error",
        check: "handlers",
        message: `src/${folder}/${handler}.ts has no ${kind} "${handler}" in config.json: declare it under ${section} or delete the file`,
      });
    }
  }
  return findings;
}

function toSnake(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .toLowerCase();
}

import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { compareCodeUnits } from "./plan.ts";

/**
 * The integration folders a `plugboard codegen` argument names: the folder itself when it has a
 * config.json, otherwise each of its subfolders that has one (so `integrations/` means all of
 * them). With no argument: `.` if it is an integration, else `./integrations/*`.
 */
export function findIntegrations(args: string[]): { dirs: string[]; unmatched: string[] } {
  const roots = args.length > 0 ? args : [existsSync("config.json") ? "." : "integrations"];
  const dirs: string[] = [];
  const unmatched: string[] = [];
  for (const root of roots) {
    if (existsSync(join(root, "config.json"))) {
      dirs.push(root);
      continue;
    }
    let children: string[] = [];
    try {
      children = readdirSync(root, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, "config.json")))
        .map((entry) => join(root, entry.name))
        .sort(compareCodeUnits);
    } catch {
      // Reported below as a folder with no integration.
    }
    if (children.length === 0) unmatched.push(root);
    dirs.push(...children);
  }
  return { dirs: [...new Set(dirs)], unmatched };
}

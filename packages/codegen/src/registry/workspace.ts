import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { CliError } from "../cli-error.ts";

/** Finds the workspace root: the nearest folder at or above `start` with `pnpm-workspace.yaml`. */
export function findWorkspaceRoot(start: string = process.cwd()): string {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, "pnpm-workspace.yaml"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new CliError(
        "not_a_workspace",
        `no pnpm-workspace.yaml in ${path.resolve(start)} or above: run this inside a Plugboard workspace or pass --cwd <dir>`,
      );
    }
    dir = parent;
  }
}

/** The integration folders of a workspace: every `integrations/<name>` with a `config.json`. */
export async function listIntegrationDirs(root: string): Promise<string[]> {
  const base = path.join(root, "integrations");
  let entries: string[];
  try {
    entries = await readdir(base);
  } catch {
    return [];
  }
  return entries
    .filter((name) => !name.startsWith(".") && existsSync(path.join(base, name, "config.json")))
    .sort()
    .map((name) => path.join(base, name));
}

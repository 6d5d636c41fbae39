import { existsSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { RegistryError } from "./errors.ts";

/** Orders strings by UTF-16 code units, as the registry sorts names (locale-independent). */
const compareCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

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
        .filter(
          (entry) =>
            entry.isDirectory() &&
            !entry.name.startsWith(".") &&
            existsSync(join(root, entry.name, "config.json")),
        )
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

/** Finds the workspace root: the nearest folder at or above `start` with `pnpm-workspace.yaml`. */
export function findWorkspaceRoot(start: string = process.cwd()): string {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new RegistryError(
        "not_a_workspace",
        `no pnpm-workspace.yaml in ${resolve(start)} or above: run this inside a Plugboard workspace or pass --cwd <dir>`,
      );
    }
    dir = parent;
  }
}

/** The integration folders of a workspace: every `integrations/<name>` with a `config.json`. */
export async function listIntegrationDirs(root: string): Promise<string[]> {
  return findIntegrations([join(root, "integrations")]).dirs;
}

import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

/** The workspace root (two levels above this package). */
export const root = resolve(import.meta.dirname, "../../..");

/** The pinned pnpm, invoked the way the README does. */
export const pnpm = ["npx", "-y", "pnpm@10.34.8"] as const;

/** A workspace package as seen by these tests. */
export interface WorkspacePackage {
  name: string;
  version: string;
  dir: string;
  private: boolean;
  manifest: Record<string, unknown>;
}

/** Every package under packages/ and integrations/, sorted by name. */
export function workspacePackages(): WorkspacePackage[] {
  const found: WorkspacePackage[] = [];
  for (const group of ["packages", "integrations"]) {
    for (const entry of readdirSync(join(root, group), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const dir = join(root, group, entry.name);
      let manifest: Record<string, unknown>;
      try {
        manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
      } catch {
        continue;
      }
      found.push({
        name: String(manifest.name),
        version: String(manifest.version),
        dir,
        private: manifest.private === true,
        manifest,
      });
    }
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

/** The packages that are published to npm. */
export function publishablePackages(): WorkspacePackage[] {
  return workspacePackages().filter((p) => !p.private);
}

/** Runs a command and resolves with its stdout (and stderr with `withStderr`); rejects with both on failure. */
export async function run(
  command: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; withStderr?: boolean },
): Promise<string> {
  const [file, ...args] = command;
  try {
    const { stdout, stderr } = await promisify(execFile)(file as string, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return options.withStderr ? `${stdout}${stderr}` : stdout;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `${command.join(" ")} failed in ${options.cwd}\n${e.stdout ?? ""}\n${e.stderr ?? e.message}`,
    );
  }
}

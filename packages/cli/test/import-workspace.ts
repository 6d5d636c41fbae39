import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, symlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const exec = promisify(execFile);
const require = createRequire(import.meta.url);
/** The CLI package folder. */
export const packageDir = fileURLToPath(new URL("../", import.meta.url));
const repoRoot = path.resolve(packageDir, "../..");

/**
 * A workspace skeleton outside the repository (so no test runner picks up the imported tests
 * by accident) whose node_modules are this package's and whose sdk and testing are ours.
 */
export async function tempWorkspace(prefix: string): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), prefix));
  await writeFile(path.join(root, "pnpm-workspace.yaml"), "packages:\n  - integrations/*\n");
  await copyFile(path.join(repoRoot, "tsconfig.base.json"), path.join(root, "tsconfig.base.json"));
  await symlink(path.join(packageDir, "node_modules"), path.join(root, "node_modules"));
  await mkdir(path.join(root, "packages"));
  for (const pkg of ["sdk", "testing"]) {
    await symlink(path.join(repoRoot, "packages", pkg), path.join(root, "packages", pkg));
  }
  return root;
}

/** Runs a Node bin in `cwd` without colours; returns its exit code and combined output. */
export async function tool(bin: string, args: string[], cwd: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: "1", NO_COLOR: "1" };
  delete env.FORCE_COLOR;
  try {
    const { stdout, stderr } = await exec(process.execPath, [bin, ...args], {
      cwd,
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, output: `${stdout}${stderr}` };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}

/** `tsc -p tsconfig.json` in an integration folder. */
export function typecheck(dir: string) {
  return tool(require.resolve("typescript/bin/tsc"), ["-p", "tsconfig.json"], dir);
}

/** `vitest run` in an integration folder. */
export function runTests(dir: string) {
  const bin = path.join(path.dirname(require.resolve("vitest/package.json")), "vitest.mjs");
  return tool(bin, ["run"], dir);
}

import { existsSync } from "node:fs";
import { mkdir, rename, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { CliError } from "../errors.ts";
import {
  type AuthKind,
  configJson,
  exampleAction,
  packageJson,
  readme,
  tsconfigs,
} from "./templates.ts";
import { exampleTest } from "./test-template.ts";

/** Writes the hand-owned files of a new integration into `dir` (which must not exist). */
export async function writeScaffold(dir: string, name: string, auth: AuthKind): Promise<void> {
  const input = { name, auth };
  const { main, build } = tsconfigs();
  const files: Record<string, string> = {
    "config.json": configJson(input),
    "package.json": packageJson(input),
    "tsconfig.json": main,
    "tsconfig.build.json": build,
    "README.md": readme(input),
    "src/actions/get_item.ts": exampleAction(input),
    "test/get_item.test.ts": exampleTest(auth),
  };
  for (const [file, contents] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), contents);
  }
}

/**
 * Scaffolds in a hidden sibling folder, lets `finish` (codegen) complete it, then moves it
 * into place: a failure never leaves a half-written integration behind.
 */
export async function scaffoldIntegration(
  root: string,
  name: string,
  auth: AuthKind,
  finish: (dir: string) => Promise<void>,
): Promise<string> {
  const target = path.join(root, "integrations", name);
  if (existsSync(target)) {
    throw new CliError(
      "integration_exists",
      `integrations/${name} already exists: pick another name`,
    );
  }
  const staging = path.join(root, "integrations", `.${name}.init-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  try {
    await writeScaffold(staging, name, auth);
    await finish(staging);
    await rename(staging, target);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return target;
}

/**
 * Links the workspace's `@plugboard/*` packages into the new integration's node_modules,
 * as `pnpm install` would, so it type-checks and tests before the next install.
 */
export async function linkWorkspacePackages(root: string, dir: string): Promise<string[]> {
  const linked: string[] = [];
  for (const pkg of ["sdk", "cli", "testing"]) {
    const source = path.join(root, "packages", pkg);
    const link = path.join(dir, "node_modules", "@plugboard", pkg);
    if (!existsSync(path.join(source, "package.json")) || existsSync(link)) continue;
    await mkdir(path.dirname(link), { recursive: true });
    await symlink(path.relative(path.dirname(link), source), link, "dir");
    linked.push(`@plugboard/${pkg}`);
  }
  return linked;
}

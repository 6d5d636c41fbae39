import { existsSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { CliError } from "../errors.ts";

/**
 * Writes an imported integration's files into a hidden sibling folder, lets `finish` (codegen)
 * complete it, then moves it to `integrations/<name>`: a failure leaves nothing behind.
 */
export async function writeImport(
  root: string,
  name: string,
  files: Record<string, string>,
  finish: (dir: string) => Promise<void>,
): Promise<string> {
  const target = path.join(root, "integrations", name);
  if (existsSync(target)) {
    throw new CliError(
      "integration_exists",
      `integrations/${name} already exists: pick another --name or remove it first`,
    );
  }
  const staging = path.join(root, "integrations", `.${name}.import-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  try {
    for (const [file, contents] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(staging, file)), { recursive: true });
      await writeFile(path.join(staging, file), contents);
    }
    await finish(staging);
    await rename(staging, target);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return target;
}

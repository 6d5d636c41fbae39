import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { CliError } from "./errors.ts";

/**
 * Writes an integration's files all or nothing: every file goes to a temporary sibling first and
 * only when all of them are written are they renamed into place, so a failure leaves the
 * previous files untouched and never a half-written one.
 */
export function writeIntegration(
  dir: string,
  files: Array<{ path: string; contents: string }>,
): void {
  const temps: Array<{ temp: string; target: string }> = [];
  try {
    for (const file of files) {
      const target = join(dir, file.path);
      mkdirSync(dirname(target), { recursive: true });
      const temp = `${target}.${process.pid}.tmp`;
      temps.push({ temp, target });
      writeFileSync(temp, file.contents);
    }
  } catch (error) {
    for (const { temp } of temps) rmSync(temp, { force: true });
    throw new CliError(
      "write_failed",
      `${dir}: could not write generated files: ${(error as Error).message}`,
      { cause: error },
    );
  }
  for (const { temp, target } of temps) renameSync(temp, target);
}

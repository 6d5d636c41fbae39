import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** A throwaway package folder and how to remove it. */
export interface ScratchPackage {
  dir: string;
  /** Removes the folder and everything in it; calling it again is harmless. */
  cleanup(): void;
}

/**
 * A fresh ES-module package (`"type": "module"`) in the temporary folder, with each of `links`
 * (package name → folder, e.g. `{ "@plugboard/sdk": sdkDir }`) symlinked into its
 * `node_modules`: a place to write, compile and run generated code against real packages.
 */
export function scratchPackage(
  links: Record<string, string>,
  prefix = "plugboard-scratch-",
): ScratchPackage {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  writeFileSync(join(dir, "package.json"), '{ "type": "module", "private": true }\n');
  for (const [name, target] of Object.entries(links)) {
    const link = join(dir, "node_modules", name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(target, link, "dir");
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

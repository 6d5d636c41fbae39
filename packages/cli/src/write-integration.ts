import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, sep } from "node:path";
import { CliError } from "./errors.ts";

/** A file to write, its path relative to the integration folder. */
export interface FileToWrite {
  path: string;
  contents: string;
}

const GENERATED = "src/generated/";
const GEN_FILE = /\.gen\.(js|d\.ts|ts)$/;
// Left by a run killed before it finished: staging folders, retired folders and temp files.
const STAGING = /^\.generated-.*\.tmp$/;

function filesUnder(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((name) => statSync(join(root, name)).isFile())
    .map((name) => name.split(sep).join("/"));
}

/**
 * Writes an integration's files all or nothing. `generated` is every file of `src/generated/`:
 * they are written to a staging folder beside it, which then replaces the folder by two
 * renames, so `src/generated` is at every instant the old set, the new set, or (after a kill
 * between the renames) absent until the next run rebuilds it; never a mix. New stubs are
 * written to temporary siblings first and renamed into place after the swap. A failed write
 * leaves everything as it was.
 */
export function writeIntegration(
  dir: string,
  generated: FileToWrite[],
  stubs: FileToWrite[] = [],
): void {
  const src = join(dir, "src");
  const live = join(src, "generated");
  const staging = join(src, `.generated-${process.pid}.tmp`);
  const retired = join(src, `.generated-old-${process.pid}.tmp`);
  const temps: Array<{ temp: string; target: string }> = [];
  try {
    mkdirSync(staging, { recursive: true });
    const produced = new Set<string>();
    for (const file of generated) {
      if (!file.path.startsWith(GENERATED)) {
        throw new Error(`${file.path} is outside ${GENERATED}`);
      }
      const rest = file.path.slice(GENERATED.length);
      produced.add(rest);
      const target = join(staging, rest);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.contents);
    }
    // Only `*.gen.*` files are codegen's: anything else a person put there moves along.
    for (const rest of filesUnder(live)) {
      if (GEN_FILE.test(rest) || produced.has(rest)) continue;
      mkdirSync(dirname(join(staging, rest)), { recursive: true });
      copyFileSync(join(live, rest), join(staging, rest));
    }
    for (const file of stubs) {
      const target = join(dir, file.path);
      mkdirSync(dirname(target), { recursive: true });
      const temp = `${target}.${process.pid}.tmp`;
      temps.push({ temp, target });
      writeFileSync(temp, file.contents);
    }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    for (const { temp } of temps) rmSync(temp, { force: true });
    throw new CliError(
      "write_failed",
      `${dir}: could not write generated files: ${(error as Error).message}`,
      { cause: error },
    );
  }
  if (existsSync(live)) renameSync(live, retired);
  renameSync(staging, live);
  for (const { temp, target } of temps) renameSync(temp, target);
  rmSync(retired, { recursive: true, force: true });
}

/**
 * Removes what a killed run left: staging and retired folders beside `src/generated`, `*.tmp`
 * files inside it and, with `deep`, every `*.tmp` file under `src` (temporary stubs).
 */
export function removeStaleTemps(dir: string, options: { deep?: boolean } = {}): void {
  const src = join(dir, "src");
  let entries: string[];
  try {
    entries = readdirSync(src);
  } catch {
    return;
  }
  for (const name of entries) {
    if (STAGING.test(name)) rmSync(join(src, name), { recursive: true, force: true });
  }
  const root = options.deep ? src : join(src, "generated");
  for (const rest of filesUnder(root)) {
    if (rest.endsWith(".tmp")) rmSync(join(root, rest), { force: true });
  }
}

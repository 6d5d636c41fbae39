import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import parseChangeset from "@changesets/parse";
import { type Bump, maxBump } from "./semver-impact.ts";

/** One pending changeset file and the bumps it declares per package. */
export interface PendingChangeset {
  file: string;
  releases: Array<{ name: string; type: Bump }>;
}

/** Reads every pending changeset in `<root>/.changeset/*.md` (README.md excluded). */
export async function readChangesets(root: string): Promise<PendingChangeset[]> {
  const dir = path.join(root, ".changeset");
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const changesets: PendingChangeset[] = [];
  for (const name of names.sort()) {
    if (!name.endsWith(".md") || name.toLowerCase() === "readme.md") continue;
    const file = path.join(dir, name);
    const { releases } = parseChangeset(await readFile(file, "utf8"));
    changesets.push({ file, releases: releases.map((r) => ({ name: r.name, type: r.type })) });
  }
  return changesets;
}

/** The largest bump the pending changesets declare for `packageName`, and the files that do. */
export function declaredBump(
  changesets: PendingChangeset[],
  packageName: string,
): { bump: Bump; files: string[] } {
  let bump: Bump = "none";
  const files: string[] = [];
  for (const changeset of changesets) {
    for (const release of changeset.releases) {
      if (release.name !== packageName) continue;
      bump = maxBump(bump, release.type);
      files.push(changeset.file);
    }
  }
  return { bump, files };
}

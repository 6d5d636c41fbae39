import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pnpm, publishablePackages, run, type WorkspacePackage } from "./workspace.ts";

/** A publishable package packed the way `pnpm publish` would pack it. */
export interface PackedPackage extends WorkspacePackage {
  tarball: string;
}

/** Packs every publishable package into a fresh folder outside the workspace. */
export async function packAll(): Promise<PackedPackage[]> {
  const destination = mkdtempSync(join(tmpdir(), "plugboard-packs-"));
  const packed: PackedPackage[] = [];
  for (const pkg of publishablePackages()) {
    const before = new Set(readdirSync(destination));
    await run([...pnpm, "pack", "--pack-destination", destination], { cwd: pkg.dir });
    const added = readdirSync(destination).filter((f) => !before.has(f) && f.endsWith(".tgz"));
    if (added.length !== 1)
      throw new Error(`pnpm pack of ${pkg.name} produced ${added.length} tarballs`);
    packed.push({ ...pkg, tarball: join(destination, added[0] as string) });
  }
  return packed;
}

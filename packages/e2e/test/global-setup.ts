import { rmSync } from "node:fs";
import { dirname } from "node:path";
import type { TestProject } from "vitest/node";
import { packAll } from "./pack.ts";

declare module "vitest" {
  export interface ProvidedContext {
    packed: Array<{ name: string; version: string; dir: string; tarball: string }>;
  }
}

/** Packs every publishable package once for all test files; removes the tarballs afterwards. */
export default async function setup(project: TestProject): Promise<() => void> {
  const packed = await packAll();
  project.provide(
    "packed",
    packed.map(({ name, version, dir, tarball }) => ({ name, version, dir, tarball })),
  );
  return () => {
    const folder = packed[0] && dirname(packed[0].tarball);
    if (folder) rmSync(folder, { recursive: true, force: true });
  };
}

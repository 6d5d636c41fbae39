import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { LoadedIntegration } from "@plugboard/registry";
import { loadIntegration } from "@plugboard/registry";

async function newestChange(dir: string): Promise<number> {
  let newest = 0;
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  for (const entry of entries) {
    if (!entry.isFile() || !/\.(ts|js|json)$/.test(entry.name)) continue;
    const info = await stat(path.join(entry.parentPath, entry.name));
    newest = Math.max(newest, info.mtimeMs);
  }
  return newest;
}

/** Loads integrations once and reloads one only when a file under its src/ changed. */
export class IntegrationCache {
  readonly #loaded = new Map<string, { stamp: number; loaded: LoadedIntegration }>();

  /** The loaded integration in `dir`, fresh with respect to its sources. */
  async get(dir: string): Promise<LoadedIntegration> {
    const stamp = Math.max(
      await newestChange(path.join(dir, "src")),
      (await stat(path.join(dir, "config.json"))).mtimeMs,
    );
    const cached = this.#loaded.get(dir);
    if (cached && cached.stamp === stamp) return cached.loaded;
    const loaded = await loadIntegration(dir);
    this.#loaded.set(dir, { stamp, loaded });
    return loaded;
  }
}

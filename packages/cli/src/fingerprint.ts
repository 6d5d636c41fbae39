import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

const LIBRARIES = ["ajv", "json-schema-to-typescript", "esbuild", "ts-morph"];
let cached: string | undefined;

/**
 * A hash of everything that shapes codegen's output besides the config: codegen's own modules
 * and the versions of the libraries it drives. A changed generator invalidates the freshness
 * cache, so a stale record can never hide a needed regeneration.
 */
export function generatorFingerprint(): string {
  if (cached) return cached;
  const hash = createHash("sha256");
  const here = dirname(fileURLToPath(import.meta.url));
  for (const name of readdirSync(here).sort()) {
    if (/\.(ts|js)$/.test(name) && !name.endsWith(".d.ts"))
      hash.update(name).update(readFileSync(`${here}/${name}`));
  }
  const require = createRequire(import.meta.url);
  for (const library of LIBRARIES) {
    try {
      hash.update(`${library}@${require(`${library}/package.json`).version}`);
    } catch {
      hash.update(`${library}@?`);
    }
  }
  cached = hash.digest("hex");
  return cached;
}

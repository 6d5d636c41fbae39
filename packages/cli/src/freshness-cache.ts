import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { generatorFingerprint } from "./fingerprint.ts";

/** What one run produced from one config: each generated file's hash, and the stubs' paths. */
export interface FreshnessRecord {
  generated: Record<string, string>;
  stubs: string[];
}

/** SHA-256 of some bytes, hex. */
export function sha256(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/**
 * Where freshness records live: `PLUGBOARD_CODEGEN_CACHE`, else `node_modules/.cache/plugboard-codegen`
 * in the nearest folder above the integration that has a `node_modules`, else the temp folder.
 * Records are keyed by content (generator + config bytes), never stored in generated files.
 */
export function cacheDir(integrationDir: string): string {
  const fromEnv = process.env.PLUGBOARD_CODEGEN_CACHE;
  if (fromEnv) return fromEnv;
  for (let dir = resolve(integrationDir); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "node_modules")))
      return join(dir, "node_modules", ".cache", "plugboard-codegen");
    if (dirname(dir) === dir) return join(tmpdir(), "plugboard-codegen");
  }
}

/** The cache key of a config: its bytes and the generator that would read them. */
export function recordKey(configBytes: Buffer): string {
  return sha256(`${generatorFingerprint()}\0${configBytes.toString("latin1")}`);
}

/** The record for `key`, or `undefined`. */
export function readRecord(dir: string, key: string): FreshnessRecord | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, `${key}.json`), "utf8")) as FreshnessRecord;
  } catch {
    return undefined;
  }
}

/** Stores a record (atomically: a torn write would only cost a regeneration, but avoid it). */
export function writeRecord(dir: string, key: string, record: FreshnessRecord): void {
  try {
    mkdirSync(dir, { recursive: true });
    const temp = join(dir, `${key}.${process.pid}.tmp`);
    writeFileSync(temp, JSON.stringify(record));
    renameSync(temp, join(dir, `${key}.json`));
  } catch {
    // The cache is an optimisation: a read-only disk just means the next run checks in full.
  }
}

/**
 * Whether an integration's files on disk are exactly what `record` says the generator produced:
 * every generated file present with the recorded hash, every stub present. Reads files, loads
 * no generator library.
 */
export function matchesRecord(integrationDir: string, record: FreshnessRecord): boolean {
  for (const [path, hash] of Object.entries(record.generated)) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(integrationDir, path));
    } catch {
      return false;
    }
    if (sha256(bytes) !== hash) return false;
  }
  return record.stubs.every((path) => existsSync(join(integrationDir, path)));
}

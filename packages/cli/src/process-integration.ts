import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { ConfigWarning } from "@plugboard/codegen";
import { generate, parseAndCheck, readConfigBytes } from "@plugboard/codegen";
import {
  cacheDir,
  type FreshnessRecord,
  matchesRecord,
  readRecord,
  recordKey,
  sha256,
  writeRecord,
} from "./freshness-cache.ts";
import { removeStaleTemps, writeIntegration } from "./write-integration.ts";

/** A thrown error, flattened so it can cross a worker boundary. */
export interface OutcomeError {
  name: string;
  message: string;
  code?: string;
}

/** What codegen did (or, with `check`, would do) to one integration folder. */
export interface IntegrationOutcome {
  dir: string;
  /** `stale`: only with `check`, some generated file is out of date or missing. */
  status: "unchanged" | "written" | "stale" | "failed";
  /** Paths relative to `dir`: written, or (with `check`) stale or missing. */
  files: string[];
  warnings: ConfigWarning[];
  error?: OutcomeError;
}

/**
 * Whether an integration is certainly fresh, from the freshness cache alone: no parsing, no
 * generator library loaded. `false` means "unknown", not "stale".
 */
export function knownFresh(dir: string): boolean {
  try {
    const record = readRecord(cacheDir(dir), recordKey(readFileSync(join(dir, "config.json"))));
    return record !== undefined && matchesRecord(dir, record);
  } catch {
    return false;
  }
}

/** Generates one integration folder (or with `check`, compares) and reports what happened. */
export function processIntegration(
  dir: string,
  options: { check?: boolean } = {},
): IntegrationOutcome {
  const outcome: IntegrationOutcome = { dir, status: "unchanged", files: [], warnings: [] };
  const configPath = join(dir, "config.json");
  const shownPath = relative(process.cwd(), configPath) || configPath;
  try {
    if (!options.check) removeStaleTemps(dir);
    if (knownFresh(dir)) return outcome;
    if (!options.check) removeStaleTemps(dir, { deep: true });
    const bytes = readConfigBytes(shownPath);
    const config = parseAndCheck(bytes.toString("utf8"), shownPath, {
      onWarning: (warning) => outcome.warnings.push(warning),
    });
    const files = generate(config, { file: shownPath });
    const changed = files.filter((file) => {
      const target = join(dir, file.path);
      if (file.kind === "stub") return !existsSync(target);
      return !existsSync(target) || readFileSync(target, "utf8") !== file.contents;
    });
    const orphans = orphanedFiles(dir, files);
    outcome.files = [...changed.map((file) => file.path), ...orphans];
    if (options.check) {
      // Stubs belong to people: a missing one is theirs to decide on, not a stale output.
      outcome.files = [
        ...changed.filter((file) => file.kind === "generated").map((file) => file.path),
        ...orphans,
      ];
      outcome.status = outcome.files.length > 0 ? "stale" : "unchanged";
    } else if (changed.length > 0 || orphans.length > 0) {
      // The whole generated set is rewritten (orphans simply left out): one swap, all or nothing.
      const generatedFiles = files.filter((file) => file.kind === "generated");
      const newStubs = changed.filter((file) => file.kind === "stub");
      writeIntegration(dir, generatedFiles, newStubs);
      outcome.status = "written";
    }
    if (outcome.status !== "stale") {
      const record: FreshnessRecord = { generated: {}, stubs: [] };
      for (const file of files) {
        if (file.kind === "stub") record.stubs.push(file.path);
        else record.generated[file.path] = sha256(file.contents);
      }
      writeRecord(cacheDir(dir), recordKey(bytes), record);
    }
  } catch (error) {
    outcome.status = "failed";
    outcome.files = [];
    const e = error as Error & { code?: unknown };
    outcome.error = {
      name: e.name ?? "Error",
      message: e.message ?? String(error),
      ...(typeof e.code === "string" ? { code: e.code } : {}),
    };
  }
  return outcome;
}

/**
 * Generated files left over from an earlier config (the validators chunk of a removed action):
 * `*.gen.*` files under `src/generated/` that this run does not produce.
 */
function orphanedFiles(dir: string, files: Array<{ path: string }>): string[] {
  const generated = join(dir, "src", "generated");
  if (!existsSync(generated)) return [];
  const produced = new Set(files.map((file) => file.path));
  return readdirSync(generated, { recursive: true, encoding: "utf8" })
    .map((name) => `src/generated/${name.split(sep).join("/")}`)
    .filter((path) => /\.gen\.(js|d\.ts|ts)$/.test(path) && !produced.has(path))
    .sort();
}

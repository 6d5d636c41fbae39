import { readFileSync } from "node:fs";
import { ConfigurationError, type IntegrationConfig, parseConfig } from "@plugboard/sdk";
import { checkSchemas } from "./check-schemas.ts";
import type { ConfigWarning } from "./errors.ts";
import { markChecked } from "./generate.ts";

/** Options of `readConfig`. */
export interface ReadConfigOptions {
  /** Called with each tolerated oddity (e.g. draft-03 `"required": false`); ignored if absent. */
  onWarning?: (warning: ConfigWarning) => void;
}

/**
 * Reads and checks an integration's config.json: JSON syntax (file, line:column), structure
 * (JSON pointer; both from the SDK's `parseConfig`), and every JSON Schema in it (pointer and
 * keyword). Throws `ConfigurationError` or `CodegenError`; returns the parsed config.
 */
export function readConfig(path: string, options: ReadConfigOptions = {}): IntegrationConfig {
  return parseAndCheck(readConfigBytes(path).toString("utf8"), path, options);
}

/** `readConfig` for text already in memory. */
export function parseAndCheck(
  text: string,
  path: string,
  options: ReadConfigOptions = {},
): IntegrationConfig {
  const config = parseConfig(text, path);
  for (const warning of checkSchemas(config, path)) options.onWarning?.(warning);
  markChecked(config);
  return config;
}

/** The bytes of a config file; throws `ConfigurationError` when it is missing or unreadable. */
export function readConfigBytes(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    throw new ConfigurationError(
      missing
        ? `${path}: no such file; run codegen on an integration folder that has a config.json`
        : `${path}: cannot be read: ${(error as Error).message}`,
      { code: missing ? "config_not_found" : "config_unreadable", file: path, cause: error },
    );
  }
}

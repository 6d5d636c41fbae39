import { findConfigProblem } from "./config-structure.ts";
import type { IntegrationConfig } from "./config-types.ts";
import { ConfigurationError } from "./errors.ts";
import { locatePointer, locateSyntaxError } from "./json-location.ts";

/**
 * Parses and structurally checks the text of a config.json.
 * Throws `ConfigurationError` naming `file` with line:column for bad JSON, or with the JSON
 * pointer (and its line:column) for a structural problem, and how to fix it.
 */
export function parseConfig(text: string, file: string): IntegrationConfig {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let root: unknown;
  try {
    root = JSON.parse(source);
  } catch (error) {
    const { line, column, found } = locateSyntaxError(source, error);
    const reason = describeSyntaxError(error);
    throw new ConfigurationError(
      `${file}:${line}:${column}: invalid JSON: ${reason}, found ${found}; fix the JSON syntax there`,
      { code: "config_invalid_json", file, line, column, cause: error },
    );
  }
  const problem = findConfigProblem(root);
  if (problem) {
    const position = problem.locate === false ? undefined : locatePointer(source, problem.pointer);
    throw new ConfigurationError(`${file}#${problem.pointer}: ${problem.message}`, {
      code: "config_invalid",
      file,
      pointer: problem.pointer,
      ...position,
    });
  }
  return root as IntegrationConfig;
}

function describeSyntaxError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // V8 quotes part of the text after the first comma ("…, "{"a":}" is not valid JSON"); drop it.
  const reason = message.replace(/ in JSON at position \d+.*$/s, "").replace(/, ".*$/s, "");
  return reason.charAt(0).toLowerCase() + reason.slice(1);
}

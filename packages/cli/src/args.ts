import { type ParseArgsConfig, parseArgs } from "node:util";
import { CliError } from "./errors.ts";

/** The option declarations of one command, as `parseArgs` takes them. */
export type CommandOptions = NonNullable<ParseArgsConfig["options"]>;

/** What `parseArgs` returns for a command's options. */
export type ParsedArgs<O extends CommandOptions> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>
>;

/** Parses a command's argv with `node:util` `parseArgs`, turning its errors into usage errors. */
export function parseCommandArgs<O extends CommandOptions>(
  argv: string[],
  options: O,
): ParsedArgs<O> {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs messages are already one clear line ("Unknown option '--x'…").
    const message = error instanceof Error ? error.message : String(error);
    throw new CliError("usage", `${message}. Pass --help for usage.`, { cause: error });
  }
}

/** The options every command accepts. */
export const commonOptions = {
  help: { type: "boolean", short: "h" },
  cwd: { type: "string" },
} as const;

/** Default of `--timeout`: seconds one action run may take. */
export const DEFAULT_RUN_TIMEOUT_SECONDS = 120;

/** The seconds of a `--timeout` value: a non-negative number, 0 meaning no limit. */
export function parseTimeout(value: string | undefined): number {
  if (value === undefined) return DEFAULT_RUN_TIMEOUT_SECONDS;
  const seconds = Number(value);
  if (value.trim() === "" || !Number.isFinite(seconds) || seconds < 0) {
    throw new CliError(
      "usage",
      `--timeout ${value}: expected a number of seconds (e.g. 30, 0.5), or 0 for no limit`,
    );
  }
  return seconds;
}

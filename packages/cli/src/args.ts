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

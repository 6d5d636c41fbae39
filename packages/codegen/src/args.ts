import { type ParseArgsConfig, parseArgs } from "node:util";
import { CliError } from "./cli-error.ts";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Parses a command's argv with `node:util` `parseArgs`, turning its errors into usage errors. */
export function parseCommandArgs<O extends Options>(argv: string[], options: O) {
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

import { PlaygroundError } from "@plugboard/playground";
import { RegistryError } from "@plugboard/registry";
import { ServerError } from "@plugboard/server";
import { CliError } from "./errors.ts";
import { fail } from "./terminal.ts";

/** Runs a command body, turning any thrown error into one stderr line and an exit code. */
export async function guard(command: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof CliError) {
      fail(command, error.message);
      return error.exitCode;
    }
    if (error instanceof ServerError) {
      fail(command, error.message);
      return error.code === "invalid_options" ? 2 : 1;
    }
    if (error instanceof RegistryError || error instanceof PlaygroundError) {
      if (error.code === "timed_out") {
        fail(command, `${error.message}; pass --timeout <seconds> to allow longer (0: no limit)`);
        return 5;
      }
      fail(command, error.message);
      // A malformed qualified name is a usage error, as a bad flag is.
      return error.code === "invalid_name" ? 2 : 1;
    }
    // Unexpected failures still get one line: the stack helps nobody who runs the CLI. Handler
    // exceptions arrive as RegistryError, their credentials already redacted.
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    fail(command, message);
    return 1;
  }
}

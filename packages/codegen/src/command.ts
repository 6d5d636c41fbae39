import { CliError } from "./cli-error.ts";
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
    // Unexpected failures still get one line: the stack helps nobody who runs the CLI.
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    fail(command, message);
    return 1;
  }
}

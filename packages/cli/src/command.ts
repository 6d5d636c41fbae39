import { CliError } from "./errors.ts";
import { fail } from "./terminal.ts";

/**
 * The errors of the packages the commands drive, known by name (each has a string `code`):
 * matching by name keeps `plugboard codegen` from loading the server, the worker and the
 * playground only to run `instanceof`.
 */
const PACKAGE_ERRORS = new Set(["RegistryError", "PlaygroundError", "ServerError", "WorkerError"]);

/** The `code` of a Plugboard package's error (whose message is written for the person running the command). */
function packageErrorCode(error: unknown): string | undefined {
  if (!(error instanceof Error) || !PACKAGE_ERRORS.has(error.name)) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/** Runs a command body, turning any thrown error into one stderr line and an exit code. */
export async function guard(command: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof CliError) {
      fail(command, error.message);
      return error.exitCode;
    }
    const code = packageErrorCode(error);
    if (code !== undefined && error instanceof Error) {
      if (code === "timed_out") {
        fail(command, `${error.message}; pass --timeout <seconds> to allow longer (0: no limit)`);
        return 5;
      }
      fail(command, error.message);
      // A malformed qualified name or option is a usage error, as a bad flag is.
      return code === "invalid_name" || code === "invalid_options" ? 2 : 1;
    }
    // Unexpected failures still get one line: the stack helps nobody who runs the CLI. Handler
    // exceptions arrive as RegistryError, their credentials already redacted.
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    fail(command, message);
    return 1;
  }
}

import { RegistryError } from "@plugboard/registry";
import { fail } from "../terminal.ts";

/** The exit code of a run whose handler threw something other than ActionError. */
export const HANDLER_ERROR_EXIT = 6;

/**
 * Reports a handler's uncaught exception as one stderr line (and, with `json`, a
 * `{"type": "handler_error", …}` object on stdout) and returns its exit code; `undefined` for
 * any other error, which the command's guard reports.
 */
export function reportHandlerFailure(
  command: string,
  error: unknown,
  json: boolean,
): number | undefined {
  if (!(error instanceof RegistryError) || error.code !== "handler_failed") return undefined;
  fail(command, error.message);
  if (json) {
    const body = {
      type: "handler_error",
      error: { name: error.thrown ?? "Error", message: error.message },
      calls: error.calls,
    };
    process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
  }
  return HANDLER_ERROR_EXIT;
}

import { CliError } from "../errors.ts";
import { processIntegration } from "../process-integration.ts";

/** Runs codegen on an integration folder in-process, exactly as `plugboard codegen` does. */
export async function writeGenerated(dir: string): Promise<void> {
  const outcome = processIntegration(dir);
  if (outcome.status === "failed") {
    throw new CliError(
      "write_failed",
      `codegen failed: ${outcome.error?.message ?? "unknown error"}`,
    );
  }
}

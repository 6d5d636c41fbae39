import path from "node:path";
import { processIntegration } from "../process-integration.ts";

/**
 * A one-line warning when an integration's generated code no longer matches its config.json
 * (edited since the last codegen), or `undefined` when it is fresh or cannot be checked.
 */
export function staleWarning(dir: string): string | undefined {
  const outcome = processIntegration(dir, { check: true });
  if (outcome.status !== "stale") return undefined;
  const shown = path.relative(process.cwd(), dir) || ".";
  const files = outcome.files.slice(0, 3).join(", ");
  const more = outcome.files.length > 3 ? ` and ${outcome.files.length - 3} more` : "";
  return `${shown}/config.json changed since codegen (stale: ${files}${more}); running the old code: run \`plugboard codegen ${shown}\``;
}

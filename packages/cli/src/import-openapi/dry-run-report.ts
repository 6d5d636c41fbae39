import type { ConvertedDescription } from "./convert-description.ts";

/** One line per action the import would create and per thing it skipped, with the reason. */
export function dryRunLines(result: ConvertedDescription): string[] {
  const lines = result.actions.map(
    (a) => `action  ${a.name}  ${a.request.method} ${a.request.path}`,
  );
  for (const s of result.skipped) lines.push(`skipped ${s.what}: ${s.reason}`);
  return lines;
}

import { join } from "node:path";
import type { IntegrationOutcome } from "./process-integration.ts";
import { stderrColors, stdoutColors } from "./terminal.ts";

/**
 * Prints what happened to one integration: its error or warnings on stderr, stale files (with
 * `--check`), and on a terminal a progress counter while many integrations run.
 */
export function reportOutcome(
  outcome: IntegrationOutcome,
  done: number,
  total: number,
  check: boolean,
): void {
  const err = stderrColors();
  if (process.stderr.isTTY && total > 1)
    process.stderr.write(`\r\x1b[K[${done}/${total}] ${outcome.dir}`);
  const clear = () => {
    if (process.stderr.isTTY && total > 1) process.stderr.write("\r\x1b[K");
  };
  for (const warning of outcome.warnings) {
    clear();
    process.stderr.write(
      `${err.yellow("warning:")} ${warning.file ?? ""}#${warning.pointer}: ${warning.message}\n`,
    );
  }
  if (outcome.error) {
    clear();
    process.stderr.write(
      `${err.red("error:")} ${outcome.error.message}\n  ${outcome.dir}: previous generated files left untouched\n`,
    );
  }
  if (check && outcome.status === "stale") {
    clear();
    for (const file of outcome.files)
      process.stderr.write(`${err.red("stale:")} ${join(outcome.dir, file)}\n`);
  }
  if (done === total) clear();
}

/** The closing summary line and the exit code of a run. */
export function summarise(
  outcomes: IntegrationOutcome[],
  check: boolean,
  elapsedMs: number,
): { exitCode: number; line: string } {
  const out = stdoutColors();
  const count = (status: IntegrationOutcome["status"]) =>
    outcomes.filter((o) => o.status === status).length;
  const failed = count("failed");
  const seconds = `${(elapsedMs / 1000).toFixed(1)}s`;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  if (check) {
    const staleFiles = outcomes.reduce(
      (n, o) => n + (o.status === "stale" ? o.files.length : 0),
      0,
    );
    if (staleFiles > 0 || failed > 0) {
      const parts = [];
      if (staleFiles > 0) parts.push(`${plural(staleFiles, "generated file")} stale or missing`);
      if (failed > 0) parts.push(`${plural(failed, "integration")} failed`);
      return {
        exitCode: 1,
        line: `${out.red("✗")} ${parts.join(", ")}: run \`plugboard codegen\` and commit the result`,
      };
    }
    return {
      exitCode: 0,
      line: `${out.green("✓")} ${plural(outcomes.length, "integration")} up to date (${seconds})`,
    };
  }
  const written = outcomes.filter((o) => o.status === "written");
  const files = written.reduce((n, o) => n + o.files.length, 0);
  const summary =
    `${plural(written.length, "integration")} generated (${plural(files, "file")} written), ` +
    `${count("unchanged")} unchanged` +
    (failed > 0 ? `, ${failed} failed` : "") +
    ` in ${seconds}`;
  return {
    exitCode: failed > 0 ? 1 : 0,
    line: `${failed > 0 ? out.red("✗") : out.green("✓")} ${summary}`,
  };
}

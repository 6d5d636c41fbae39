import { existsSync } from "node:fs";
import path from "node:path";
import { findWorkspaceRoot, listIntegrationDirs } from "@plugboard/registry";
import { commonOptions, parseCommandArgs } from "../args.ts";
import { guard } from "../command.ts";
import { CliError } from "../errors.ts";
import { readChangesets } from "../review/changesets.ts";
import { resolveBase, revisionExists } from "../review/git-base.ts";
import { type IntegrationReport, validateIntegration } from "../review/validate-integration.ts";
import { out, stdoutColors } from "../terminal.ts";

const help = `Usage: plugboard validate [dir…] [--base <rev>] [--json] [--cwd <dir>]

Checks integrations the way a reviewer would: config.json structure and JSON Schemas,
snake_case action names, one handler per action (and no handler without an action), a
README listing every action, and the version bump the config.json change needs (from a
diff against the git base) compared with the pending changesets in .changeset/.

With no dir, checks the integration in the current directory, or every integration of the
workspace when run elsewhere.

Options:
  --base <rev>  git revision to diff config.json against
                (default: the merge-base with main, else HEAD)
  --json        print the report as JSON (for CI and agents)
  --cwd <dir>   run as if started in <dir>
  -h, --help    show this help

Exit code: 0 when no errors were found, 1 otherwise, 2 on bad usage.
`;

async function targets(cwd: string, root: string, dirs: string[]): Promise<string[]> {
  if (dirs.length > 0) {
    return dirs.map((dir) => {
      const resolved = path.resolve(cwd, dir);
      if (!existsSync(path.join(resolved, "config.json"))) {
        throw new CliError("usage", `${dir}: no config.json in ${resolved}`);
      }
      return resolved;
    });
  }
  if (existsSync(path.join(cwd, "config.json"))) return [cwd];
  return listIntegrationDirs(root);
}

function printReport(reports: IntegrationReport[]): void {
  const c = stdoutColors();
  for (const report of reports) {
    const status = report.ok ? c.green("ok") : c.red("failed");
    out(`${c.bold(report.name)} ${c.dim(report.dir)} ${status}`);
    for (const finding of report.findings) {
      const mark =
        finding.level === "error"
          ? c.red("  ✗ error")
          : finding.level === "warning"
            ? c.yellow("  ! warning")
            : c.dim("  · note");
      out(`${mark} [${finding.check}] ${finding.message}`);
    }
    for (const change of report.version?.changes ?? []) {
      out(c.dim(`      ${change.bump.padEnd(5)} ${change.pointer}: ${change.message}`));
    }
  }
  const failed = reports.filter((report) => !report.ok).length;
  const summary = `${reports.length} integration(s) checked, ${failed} with errors`;
  out(failed > 0 ? c.red(summary) : c.green(summary));
}

/** \`plugboard validate\`: reviewer checks and the semver bump a config change needs. */
export function validateCommand(argv: string[]): Promise<number> {
  return guard("validate", async () => {
    const { values, positionals } = parseCommandArgs(argv, {
      ...commonOptions,
      json: { type: "boolean" },
      base: { type: "string" },
    });
    if (values.help) {
      process.stdout.write(help);
      return 0;
    }
    const cwd = path.resolve(values.cwd ?? process.cwd());
    const root = findWorkspaceRoot(cwd);
    if (values.base !== undefined && !(await revisionExists(root, values.base))) {
      throw new CliError("usage", `--base ${values.base}: no such git revision`);
    }
    const base = await resolveBase(root, values.base);
    const changesets = await readChangesets(root);
    const dirs = await targets(cwd, root, positionals);
    const reports: IntegrationReport[] = [];
    for (const dir of dirs)
      reports.push(await validateIntegration(dir, { root, base, changesets }));
    const ok = reports.every((report) => report.ok);
    if (values.json)
      out(JSON.stringify({ ok, base: base ?? null, integrations: reports }, null, 2));
    else printReport(reports);
    return ok ? 0 : 1;
  });
}

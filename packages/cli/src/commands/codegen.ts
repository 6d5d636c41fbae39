import { findIntegrations } from "@plugboard/registry";
import { commonOptions, parseCommandArgs } from "../args.ts";
import { guard } from "../command.ts";
import { CliError } from "../errors.ts";
import { reportOutcome, summarise } from "../report-outcome.ts";
import { runCodegen } from "../run-codegen.ts";
import { watchIntegrations } from "../watch.ts";

const help = `Usage: plugboard codegen [dir…] [--check] [--watch]

Generates src/generated/ (types, validators, config, contract) from each integration's
config.json, and creates handler stubs and src/index.ts where they are missing (existing
files are never touched).

A dir is an integration folder (with a config.json) or a folder of them. Default: the current
folder if it has a config.json, else integrations/*.

Options:
  --check    change nothing; exit 1 listing every stale or missing generated file
  --watch    regenerate an integration whenever its config.json is saved
  -h, --help show this help
`;

/** `plugboard codegen [dir…] [--check] [--watch]`. */
export function codegenCommand(argv: string[]): Promise<number> {
  return guard("codegen", async () => {
    const { values, positionals } = parseCommandArgs(argv, {
      ...commonOptions,
      check: { type: "boolean" },
      watch: { type: "boolean" },
    });
    if (values.help) {
      process.stdout.write(help);
      return 0;
    }
    if (values.cwd) process.chdir(values.cwd);
    if (values.check && values.watch)
      throw new CliError("usage", "--check and --watch cannot be combined");
    const { dirs, unmatched } = findIntegrations(positionals);
    if (unmatched.length > 0) {
      throw new CliError(
        "unknown_integration",
        `${unmatched.join(", ")}: no config.json there or in its subfolders; pass an integration folder`,
      );
    }
    const started = performance.now();
    const check = values.check === true;
    const outcomes = await runCodegen(dirs, {
      check,
      onOutcome: (outcome, done, total) => reportOutcome(outcome, done, total, check),
    });
    const { exitCode, line } = summarise(outcomes, check, performance.now() - started);
    process.stdout.write(`${line}\n`);
    if (!values.watch) return exitCode;
    return watchIntegrations(dirs);
  });
}

import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { findWorkspaceRoot, listIntegrationDirs, readIntegration } from "@plugboard/registry";
import { commonOptions, parseCommandArgs } from "../args.ts";
import { guard } from "../command.ts";
import { CliError } from "../errors.ts";
import { parseJson } from "../parse-json.ts";
import { updateReadme } from "../readme/action-table.ts";
import { out } from "../terminal.ts";

const help = `Usage: plugboard readme [dir…] [--check] [--cwd <dir>]

Writes each integration's action and trigger tables into its README.md, between the
<!-- plugboard:actions:start --> and <!-- plugboard:actions:end --> lines (appended under
"## Actions" when the README has none). Everything else in the README is left alone.

Options:
  --check       write nothing; exit 1 when a README's tables are out of date
  --cwd <dir>   run as if started in <dir>
  -h, --help    show this help
`;

/** \`plugboard readme\`: generates the README section that lists actions and triggers. */
export function readmeCommand(argv: string[]): Promise<number> {
  return guard("readme", async () => {
    const { values, positionals } = parseCommandArgs(argv, {
      ...commonOptions,
      check: { type: "boolean" },
    });
    if (values.help) {
      process.stdout.write(help);
      return 0;
    }
    const cwd = path.resolve(values.cwd ?? process.cwd());
    const dirs =
      positionals.length > 0
        ? positionals.map((dir) => path.resolve(cwd, dir))
        : existsSync(path.join(cwd, "config.json"))
          ? [cwd]
          : await listIntegrationDirs(findWorkspaceRoot(cwd));
    let stale = 0;
    for (const dir of dirs) {
      const configFile = path.join(dir, "config.json");
      if (!existsSync(configFile)) throw new CliError("usage", `${dir}: no config.json`);
      await readIntegration(dir); // reports a broken config.json with file:line:column
      const config = parseJson(readFileSync(configFile, "utf8"), configFile) as Record<
        string,
        unknown
      >;
      const file = path.join(dir, "README.md");
      const shown = path.relative(cwd, file) || file;
      const before = existsSync(file) ? readFileSync(file, "utf8") : "";
      const after = updateReadme(before, config);
      if (after === before) continue;
      stale += 1;
      if (values.check) {
        out(`${shown}: the action tables are out of date: run \`plugboard readme\``);
        continue;
      }
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, after);
      renameSync(temp, file);
      out(`wrote ${shown}`);
    }
    return values.check && stale > 0 ? 1 : 0;
  });
}

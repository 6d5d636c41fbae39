import { findWorkspaceRoot, loadRegistry } from "@plugboard/registry";
import { commonOptions, parseCommandArgs } from "../args.ts";
import { guard } from "../command.ts";
import { out, stdoutColors } from "../terminal.ts";

const help = `Usage: plugboard list [--json] [--cwd <dir>]

Lists every action and polling trigger of every integration in the workspace under its
qualified name <integration>.<action>, with its description.

Options:
  --json        print a JSON array instead of a table
  --cwd <dir>   look for the workspace from <dir> instead of the current directory
  -h, --help    show this help
`;

/** \`plugboard list\`: the registry of every action and trigger in the workspace. */
export function listCommand(argv: string[]): Promise<number> {
  return guard("list", async () => {
    const { values } = parseCommandArgs(argv, { ...commonOptions, json: { type: "boolean" } });
    if (values.help) {
      process.stdout.write(help);
      return 0;
    }
    const registry = await loadRegistry(findWorkspaceRoot(values.cwd));
    const entries = registry.integrations.flatMap((integration) => integration.entries);
    for (const problem of registry.problems) {
      process.stderr.write(`plugboard list: skipped ${problem.message}\n`);
    }
    if (values.json) {
      const rows = entries.map((entry) => ({
        name: entry.qualifiedName,
        integration: entry.integration,
        action: entry.name,
        kind: entry.kind,
        display_name: entry.displayName ?? null,
        description: entry.description,
      }));
      out(JSON.stringify(rows, null, 2));
      return registry.problems.length > 0 ? 1 : 0;
    }
    const c = stdoutColors();
    if (entries.length === 0) out("No integrations found under integrations/*/config.json.");
    const width = Math.max(0, ...entries.map((entry) => entry.qualifiedName.length));
    for (const entry of entries) {
      const tag = entry.kind === "polling_trigger" ? c.yellow(" [trigger]") : "";
      const description = entry.description.split("\n")[0] ?? "";
      out(`${c.bold(entry.qualifiedName.padEnd(width))}  ${c.dim(description)}${tag}`);
    }
    return registry.problems.length > 0 ? 1 : 0;
  });
}

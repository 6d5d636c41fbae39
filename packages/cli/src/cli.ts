import { closest } from "fastest-levenshtein";
import { buildCommand } from "./commands/build.ts";
import { codegenCommand } from "./commands/codegen.ts";
import { devCommand } from "./commands/dev.ts";
import { importCommand } from "./commands/import.ts";
import { initCommand } from "./commands/init.ts";
import { listCommand } from "./commands/list.ts";
import { mcpCommand } from "./commands/mcp.ts";
import { pollCommand } from "./commands/poll.ts";
import { readmeCommand } from "./commands/readme.ts";
import { runCommand } from "./commands/run.ts";
import { serveCommand } from "./commands/serve.ts";
import { validateCommand } from "./commands/validate.ts";
import { workerCommand } from "./commands/worker.ts";

/** A `plugboard` subcommand: takes its own argv, returns the process exit code. */
export type Command = (argv: string[]) => Promise<number>;

const commands: Record<string, Command> = {
  codegen: codegenCommand,
  init: initCommand,
  list: listCommand,
  validate: validateCommand,
  run: runCommand,
  poll: pollCommand,
  readme: readmeCommand,
  dev: devCommand,
  serve: serveCommand,
  worker: workerCommand,
  build: buildCommand,
  import: importCommand,
  mcp: mcpCommand,
};

const help = `Usage: plugboard <command> [options]

Commands:
  init <name>                 scaffold integrations/<name> and generate its code
  codegen [dir…]              generate src/generated/ (and stubs) from config.json
  list                        list every action and trigger as <integration>.<action>
  validate [dir…]             check integrations and the version bump a change needs
  run <integration>.<action>  execute an action, a trigger's poll or --connected-account
  poll <integration>.<trigger> simulate a polling schedule: new vs already-seen records
  readme [dir…]               write the action tables into each README.md
  dev                         start the local playground in the browser
  serve [dir…]                serve integrations over HTTP, handlers in a worker pool
  worker [dir…] --redis <url> run queued actions and scheduled polls from a BullMQ queue
  build [dir…]                bundle integrations into dist/ for publishing
  import openapi <spec>       create an integration from an OpenAPI description
  mcp [integration…]          serve every action as an MCP tool over stdio

Run \`plugboard <command> --help\` for a command's options.
`;

/** Runs the `plugboard` command line and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(help);
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (!command) {
    const names = Object.keys(commands);
    process.stderr.write(
      `plugboard: unknown command "${name}". Did you mean "${closest(name, names)}"? Commands: ${names.join(", ")}\n`,
    );
    return 2;
  }
  return command(rest);
}

import { closest } from "fastest-levenshtein";

/** A `plugboard` subcommand: takes its own argv, returns the process exit code. */
export type Command = (argv: string[]) => Promise<number>;

// Each command is loaded when it runs: `plugboard codegen` never loads the server, the queue
// worker, the MCP SDK or the playground (`bench/startup.ts` measures the start-up).
const commands: Record<string, () => Promise<Command>> = {
  codegen: async () => (await import("./commands/codegen.ts")).codegenCommand,
  init: async () => (await import("./commands/init.ts")).initCommand,
  list: async () => (await import("./commands/list.ts")).listCommand,
  validate: async () => (await import("./commands/validate.ts")).validateCommand,
  run: async () => (await import("./commands/run.ts")).runCommand,
  poll: async () => (await import("./commands/poll.ts")).pollCommand,
  readme: async () => (await import("./commands/readme.ts")).readmeCommand,
  dev: async () => (await import("./commands/dev.ts")).devCommand,
  serve: async () => (await import("./commands/serve.ts")).serveCommand,
  worker: async () => (await import("./commands/worker.ts")).workerCommand,
  build: async () => (await import("./commands/build.ts")).buildCommand,
  import: async () => (await import("./commands/import.ts")).importCommand,
  mcp: async () => (await import("./commands/mcp.ts")).mcpCommand,
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
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) {
    const names = Object.keys(commands);
    process.stderr.write(
      `plugboard: unknown command "${name}". Did you mean "${closest(name, names)}"? Commands: ${names.join(", ")}\n`,
    );
    return 2;
  }
  const command = await load();
  return command(rest);
}

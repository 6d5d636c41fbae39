import { codegenCommand } from "./commands/codegen.ts";

/** A `plugboard` subcommand: takes its own argv, returns the process exit code. */
export type Command = (argv: string[]) => Promise<number>;

const commands: Record<string, Command> = {
  codegen: codegenCommand,
};

/** Runs the `plugboard` command line and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name === undefined ? undefined : commands[name];
  if (!command) {
    process.stderr.write(
      `plugboard: unknown command "${name ?? ""}". Commands: ${Object.keys(commands).join(", ")}\n`,
    );
    return 2;
  }
  return command(rest);
}

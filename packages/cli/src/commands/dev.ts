import { mkdirSync } from "node:fs";
import path from "node:path";
import { startPlayground } from "@plugboard/playground";
import { findWorkspaceRoot, listIntegrationDirs } from "@plugboard/registry";
import { envSecretSource, fileSecretSource } from "@plugboard/server";
import {
  commonOptions,
  DEFAULT_RUN_TIMEOUT_SECONDS,
  parseCommandArgs,
  parseTimeout,
} from "../args.ts";
import { guard } from "../command.ts";
import { CliError } from "../errors.ts";
import { parseOrigins } from "../parse-json.ts";
import { startRecordSession } from "../record/record-option.ts";
import { staleWarning } from "../run/stale-warning.ts";
import { stderrColors, stdoutColors } from "../terminal.ts";

const help = `Usage: plugboard dev [--port <n>] [--origin <real>=<local>]… [--timeout <s>]
                     [--secrets-file <file>] [--record <dir>] [--cwd <dir>]

Starts the local playground on 127.0.0.1 and prints its URL. The page lists the workspace's
integrations and actions, renders a form for each action's input_schema and a credentials
form from auth.fields, runs actions here on your machine and shows the result envelope,
field errors and the HTTP calls the handler made. Credentials stay in the page's memory.
The secrets an action declares (config.json "secrets", e.g. PERPLEXITY_API_KEY) are read from
the environment (or --secrets-file), as plugboard serve reads them: only the declared keys.

Options:
  --port <n>        port to listen on (default 4321; 0 for any free port)
  --origin <a>=<b>  send requests for origin <a> to <b> instead (repeatable)
  --timeout <s>     give each run up after this many seconds (default ${DEFAULT_RUN_TIMEOUT_SECONDS}; 0: no limit)
  --secrets-file <file>  read declared secrets from a JSON object { "KEY": "value" }
  --record <dir>    record every HTTP exchange of each run into <dir>/<integration>.<action>.json
                    (the latest run of an action replaces its fixture), credentials redacted,
                    for replayFixture in tests, as plugboard run --record does
  --cwd <dir>       look for the workspace from <dir>
  -h, --help        show this help

Stop it with Ctrl-C.
`;

/** \`plugboard dev\`: serves the playground until interrupted. */
export function devCommand(argv: string[]): Promise<number> {
  return guard("dev", async () => {
    const { values } = parseCommandArgs(argv, {
      ...commonOptions,
      port: { type: "string", default: "4321" },
      origin: { type: "string", multiple: true },
      timeout: { type: "string" },
      "secrets-file": { type: "string" },
      record: { type: "string" },
    });
    if (values.help) {
      process.stdout.write(help);
      return 0;
    }
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new CliError("usage", `--port ${values.port}: expected a port number from 0 to 65535`);
    }
    const timeout = parseTimeout(values.timeout);
    const cwd = path.resolve(values.cwd ?? process.cwd());
    const root = findWorkspaceRoot(cwd);
    const secretsFile = values["secrets-file"];
    const originOverrides = parseOrigins(values.origin);
    const recordDir = values.record;
    if (recordDir !== undefined) {
      // A folder the fixtures cannot go to fails now, not after the first run from the page.
      try {
        mkdirSync(path.resolve(cwd, recordDir), { recursive: true });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new CliError(
          "write_failed",
          `--record ${recordDir}: cannot create the folder (${reason}); pass a folder you can write to`,
        );
      }
    }
    const record =
      recordDir === undefined
        ? undefined
        : ({ name, auth }: { name: string; auth: unknown }) => {
            const file = path.join(recordDir, `${name}.json`);
            const session = startRecordSession({ file, cwd, originOverrides, auth });
            return {
              interceptors: session.interceptors,
              onSecrets: session.onSecrets,
              onHttpCall: session.onHttpCall,
              finish: () => session.finish(`plugboard dev: ${name}`),
            };
          };
    const playground = await startPlayground({
      root,
      port,
      originOverrides,
      timeout,
      record,
      // The page shows it per integration, checked again on every reload of the list.
      staleWarning,
      secretSource:
        secretsFile === undefined
          ? envSecretSource()
          : fileSecretSource(path.resolve(cwd, secretsFile)),
    });
    for (const dir of await listIntegrationDirs(root)) {
      const stale = staleWarning(dir);
      if (stale)
        process.stderr.write(`${stderrColors().yellow("warning:")} ${stale}
`);
    }
    const c = stdoutColors();
    process.stdout.write(`Plugboard playground: ${c.cyan(playground.url)}\n`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        void playground.close().then(resolve);
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    });
    return 0;
  });
}

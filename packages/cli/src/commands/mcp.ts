import { existsSync } from "node:fs";
import path from "node:path";
import { format } from "node:util";
import { findWorkspaceRoot } from "@plugboard/registry";
import {
  applyServerV8Flags,
  buildCatalog,
  createExecutor,
  envSecretSource,
  fileSecretSource,
  lookupCredentials,
  serveMcpStdio,
} from "@plugboard/server";
import { commonOptions, parseCommandArgs } from "../args.ts";
import { guard } from "../command.ts";
import { CliError } from "../errors.ts";
import { parseOrigins } from "../parse-json.ts";
import { readAuthFile } from "../read-auth-file.ts";

const help = `Usage: plugboard mcp [integration…] [--auth-file <file>] [--secrets-file <file>]
                     [--workers <n>] [--timeout <ms>] [--origin <real>=<local>]… [--cwd <dir>]

Serves every action of the workspace's integrations (or of the named ones: a name under
integrations/ or a folder) as MCP tools over stdio, for an agent such as Claude Desktop to
start. Tool names are <integration>__<action>. Calls run as in \`plugboard serve\`: in a
worker pool, with a timeout, declared secrets from the environment or --secrets-file.

Every tool is listed; calling one whose integration lacks credentials fails with the fields
that are missing and where to put them.

Options:
  --auth-file <file>     credentials keyed by integration name, each flat or wrapped:
                         {"notion": {"access_token": "…"}, "freshdesk": {"api_key": "…", "domain": "…"}}
                         Without an entry, PLUGBOARD_AUTH_<INTEGRATION>_<FIELD> variables are
                         read, e.g. PLUGBOARD_AUTH_NOTION_ACCESS_TOKEN.
  --secrets-file <file>  declared secrets as a JSON object { "KEY": "value" } instead of the
                         environment
  --workers <n>          worker pool size (default: one per core, 2 to 8)
  --timeout <ms>         per-call timeout (default 30000)
  --origin <a>=<b>       send requests for origin <a> to <b> instead (repeatable)
  --cwd <dir>            look for the workspace from <dir>
  -h, --help             show this help

stdout carries the protocol; diagnostics go to stderr. Stops when the client closes stdin.
`;

function wholeNumber(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new CliError("usage", `${flag} ${value}: expected a whole number ≥ 1`);
  }
  return n;
}

/** Sends `console.log` and friends to stderr: on stdio, a stray print would corrupt the protocol. */
function keepStdoutForProtocol(): void {
  const toStderr = (...args: unknown[]) => {
    process.stderr.write(`${format(...args)}\n`);
  };
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
}

/** The integration folders to serve: each positional is a folder, or a workspace integration's name. */
function integrationPaths(positionals: string[], cwd: string): string[] {
  if (positionals.length === 0) return [path.join(findWorkspaceRoot(cwd), "integrations")];
  return positionals.map((given) => {
    const asPath = path.resolve(cwd, given);
    if (given.includes("/") || given.includes(path.sep) || existsSync(asPath)) return asPath;
    return path.join(findWorkspaceRoot(cwd), "integrations", given);
  });
}

/** \`plugboard mcp\`: serves the workspace's actions as MCP tools over stdio. */
export function mcpCommand(argv: string[]): Promise<number> {
  return guard("mcp", async () => {
    const { values, positionals } = parseCommandArgs(argv, {
      ...commonOptions,
      "auth-file": { type: "string" },
      "secrets-file": { type: "string" },
      workers: { type: "string" },
      timeout: { type: "string" },
      origin: { type: "string", multiple: true },
    });
    if (values.help) {
      process.stdout.write(help);
      return 0;
    }
    const cwd = path.resolve(values.cwd ?? process.cwd());
    const originOverrides = parseOrigins(values.origin);
    const authFileName = values["auth-file"];
    const authFile = authFileName === undefined ? undefined : await readAuthFile(authFileName, cwd);
    const secretsFile = values["secrets-file"];
    const workers = wholeNumber(values.workers, "--workers");
    const timeoutMs = wholeNumber(values.timeout, "--timeout");
    keepStdoutForProtocol();
    // Before any integration loads: the V8 flags of a process serving many actions.
    applyServerV8Flags();
    const executor = await createExecutor({
      integrations: integrationPaths(positionals, cwd),
      secretSource:
        secretsFile === undefined
          ? envSecretSource()
          : fileSecretSource(path.resolve(cwd, secretsFile)),
      ...(workers === undefined ? {} : { workers }),
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
      ...(originOverrides === undefined ? {} : { originOverrides }),
    });
    try {
      await serveMcpStdio({
        catalog: buildCatalog(executor.integrations),
        run: (name, call, options) => executor.executeAction(name, call, options),
        credentials: (integration) =>
          lookupCredentials(integration, {
            authFile,
            ...(authFileName === undefined ? {} : { authFileName }),
            env: process.env,
          }),
      });
    } finally {
      await executor.close();
    }
    return 0;
  });
}

import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { format } from "node:util";
import {
  findWorkspaceRoot,
  loadRegistry,
  type RegistryIntegration,
  resolveIntegration,
} from "@plugboard/registry";
import type { AuthByIntegration } from "@plugboard/server";
import { commonOptions, parseCommandArgs } from "../args.ts";
import { guard } from "../command.ts";
import { CliError } from "../errors.ts";
import { parseJson, parseOrigins } from "../parse-json.ts";

const help = `Usage: plugboard mcp [integration…] [--auth-file <file>] [--origin <real>=<local>]… [--cwd <dir>]

Serves every action of the workspace's integrations (or of the named ones) as MCP tools over
stdio, for an agent such as Claude Desktop to start. Tool names are <integration>__<action>.
Every tool is listed; calling one whose integration lacks credentials fails with the fields
that are missing and where to put them.

Options:
  --auth-file <file>   credentials keyed by integration name, each flat or wrapped:
                       {"notion": {"access_token": "…"}, "freshdesk": {"api_key": "…", "domain": "…"}}
                       Without an entry, PLUGBOARD_AUTH_<INTEGRATION>_<FIELD> variables are
                       read, e.g. PLUGBOARD_AUTH_NOTION_ACCESS_TOKEN.
  --origin <a>=<b>     send requests for origin <a> to <b> instead (repeatable)
  --cwd <dir>          look for the workspace from <dir>
  -h, --help           show this help

stdout carries the protocol; diagnostics go to stderr. Stops when the client closes stdin.
`;

const { version } = createRequire(import.meta.url)("../../package.json") as { version: string };

// Loaded on use: the MCP SDK would otherwise add to every other command's start-up.
type ServerModule = typeof import("@plugboard/server");

async function readAuthFile(
  server: ServerModule,
  file: string,
  cwd: string,
): Promise<AuthByIntegration> {
  let text: string;
  try {
    text = await readFile(path.resolve(cwd, file), "utf8");
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String(error);
    throw new CliError("usage", `--auth-file ${file}: ${reason}`);
  }
  try {
    return server.parseAuthFile(parseJson(text, file), file);
  } catch (error) {
    if (!(error instanceof server.ServerError)) throw error;
    throw new CliError("invalid_json", error.message, { cause: error });
  }
}

/** Sends `console.log` and friends to stderr: on stdio, a handler's stray print would corrupt the protocol. */
function keepStdoutForProtocol(): void {
  const toStderr = (...args: unknown[]) => {
    process.stderr.write(`${format(...args)}\n`);
  };
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
}

function catalogOf(server: ServerModule, integrations: RegistryIntegration[]) {
  try {
    return server.buildCatalog(integrations);
  } catch (error) {
    if (!(error instanceof server.ServerError)) throw error;
    throw new CliError("tool_name_collision", error.message, { cause: error });
  }
}

/** \`plugboard mcp\`: serves the workspace's actions as MCP tools over stdio. */
export function mcpCommand(argv: string[]): Promise<number> {
  return guard("mcp", async () => {
    const { values, positionals } = parseCommandArgs(argv, {
      ...commonOptions,
      "auth-file": { type: "string" },
      origin: { type: "string", multiple: true },
    });
    if (values.help) {
      process.stdout.write(help);
      return 0;
    }
    const server = await import("@plugboard/server");
    const cwd = path.resolve(values.cwd ?? process.cwd());
    const originOverrides = parseOrigins(values.origin);
    const registry = await loadRegistry(findWorkspaceRoot(cwd));
    const integrations: RegistryIntegration[] =
      positionals.length === 0
        ? registry.integrations
        : positionals.map((name) => resolveIntegration(registry, name));
    for (const problem of registry.problems) {
      process.stderr.write(`plugboard mcp: skipped ${problem.message}\n`);
    }
    const authFileName = values["auth-file"];
    const authFile =
      authFileName === undefined ? undefined : await readAuthFile(server, authFileName, cwd);
    const catalog = catalogOf(server, integrations);

    keepStdoutForProtocol();
    await server.serveMcpStdio({
      catalog,
      run: server.localRunner(integrations, { originOverrides }),
      credentials: (integration) =>
        server.lookupCredentials(integration, { authFile, authFileName, env: process.env }),
      version,
    });
    return 0;
  });
}

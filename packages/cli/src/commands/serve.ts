import { readFile } from "node:fs/promises";
import path from "node:path";
import { findWorkspaceRoot } from "@plugboard/registry";
import {
  applyServerV8Flags,
  envSecretSource,
  fileSecretSource,
  type Isolation,
  startServer,
} from "@plugboard/server";
import { commonOptions, parseCommandArgs } from "../args.ts";
import { guard } from "../command.ts";
import { CliError } from "../errors.ts";
import { parseOrigins } from "../parse-json.ts";
import { readAuthFile } from "../read-auth-file.ts";
import { stdoutColors } from "../terminal.ts";

const help = `Usage: plugboard serve [integration-dir…] [--port <n>] [--host <addr>] [--workers <n>]
                       [--concurrency <n>] [--timeout <ms>] [--memory <mb>] [--isolation thread|process]
                       [--token-file <file> | --no-auth] [--secrets-file <file>]
                       [--auth-file <file>] [--cwd <dir>]

Serves integrations over HTTP: GET /integrations, POST /integrations/<name>/actions/<action>
({ inputs, auth } → the IntegrationResult envelope), …/triggers/<trigger>,
…/connected-account, GET /healthz, GET /openapi.json, and every action as an MCP tool at
/mcp (Streamable HTTP; credentials from --auth-file or PLUGBOARD_AUTH_* variables).
Handlers run in a pool of workers that see no environment variable of this process;
declared secrets are read from the environment (or --secrets-file) and only the keys an
action declares reach it.

Every route but /healthz requires "Authorization: Bearer <token>", the token being
PLUGBOARD_SERVE_TOKEN or the contents of --token-file; --no-auth drops that, on a loopback
address only. SIGTERM stops gracefully: calls in flight finish, new ones get 503.

Options:
  --port <n>            port (default 8787; 0 for any free port)
  --host <addr>         address to bind (default 127.0.0.1)
  --workers <n>         worker pool size (default: one per core, 2 to 8)
  --concurrency <n>     calls each worker thread runs at once (default 1); more suits
                        handlers that wait on APIs, but a CPU-bound one then holds up the
                        others on its worker
  --timeout <ms>        per-call timeout (default 30000); a call over it is stopped and its
                        worker replaced (a call still waiting for a worker is dropped when
                        its client disconnects; a running one keeps its deadline)
  --memory <mb>         heap limit per worker (default 256)
  --isolation <kind>    thread (default) or process: a child process per worker
  --token-file <file>   read the bearer token from <file>
  --no-auth             serve without a token (loopback only)
  --secrets-file <file> read declared secrets from a JSON object { "KEY": "value" }
                        instead of the environment
  --auth-file <file>    credentials of the /mcp tools, keyed by integration name:
                        {"notion": {"access_token": "…"}} (see plugboard mcp --help)
  --body-limit <bytes>  largest request body (default 1048576)
  --origin <a>=<b>      send requests for origin <a> to <b> instead (repeatable)
  --log                 print one line per request (method, path, status, time)
  --cwd <dir>           look for the workspace from <dir>
  -h, --help            show this help
`;

function number(value: string | undefined, flag: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    throw new CliError("usage", `${flag} ${value}: expected a whole number ≥ ${min}`);
  }
  return n;
}

async function readToken(file: string): Promise<string> {
  try {
    return (await readFile(file, "utf8")).trim();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new CliError("usage", `--token-file ${file}: cannot read it (${code})`);
  }
}

/** \`plugboard serve\`: serves the workspace's integrations over HTTP until SIGTERM. */
export function serveCommand(argv: string[]): Promise<number> {
  return guard("serve", async () => {
    const { values, positionals } = parseCommandArgs(argv, {
      ...commonOptions,
      port: { type: "string", default: "8787" },
      host: { type: "string", default: "127.0.0.1" },
      workers: { type: "string" },
      concurrency: { type: "string" },
      timeout: { type: "string" },
      memory: { type: "string" },
      isolation: { type: "string", default: "thread" },
      "token-file": { type: "string" },
      "no-auth": { type: "boolean" },
      "secrets-file": { type: "string" },
      "auth-file": { type: "string" },
      "body-limit": { type: "string" },
      origin: { type: "string", multiple: true },
      log: { type: "boolean" },
    });
    if (values.help) {
      process.stdout.write(help);
      return 0;
    }
    const port = number(values.port, "--port", 0);
    if (port === undefined || port > 65535) {
      throw new CliError("usage", `--port ${values.port}: expected a port number from 0 to 65535`);
    }
    const isolation = values.isolation as Isolation;
    if (isolation !== "thread" && isolation !== "process") {
      throw new CliError("usage", `--isolation ${values.isolation}: expected thread or process`);
    }
    const cwd = path.resolve(values.cwd ?? process.cwd());
    let token: string | null;
    if (values["no-auth"]) {
      if (values["token-file"] !== undefined) {
        throw new CliError("usage", "pass either --token-file or --no-auth, not both");
      }
      token = null;
    } else if (values["token-file"] !== undefined) {
      token = await readToken(path.resolve(cwd, values["token-file"]));
    } else if (process.env.PLUGBOARD_SERVE_TOKEN) {
      token = process.env.PLUGBOARD_SERVE_TOKEN;
    } else {
      throw new CliError(
        "usage",
        "no token: set PLUGBOARD_SERVE_TOKEN or pass --token-file <file> (or --no-auth, on a loopback address only)",
      );
    }
    const integrations =
      positionals.length > 0
        ? positionals.map((p) => path.resolve(cwd, p))
        : [path.join(findWorkspaceRoot(cwd), "integrations")];
    const secretsFile = values["secrets-file"];
    const workers = number(values.workers, "--workers", 1);
    const concurrency = number(values.concurrency, "--concurrency", 1);
    const timeoutMs = number(values.timeout, "--timeout", 1);
    const memoryLimitMb = number(values.memory, "--memory", 16);
    const bodyLimitBytes = number(values["body-limit"], "--body-limit", 1);
    const originOverrides = parseOrigins(values.origin);
    const authFileName = values["auth-file"];
    const authFile = authFileName === undefined ? undefined : await readAuthFile(authFileName, cwd);
    // Before any integration loads: the V8 flags of a process serving many actions.
    applyServerV8Flags();
    const server = await startServer({
      integrations,
      port,
      host: values.host,
      token,
      isolation,
      secretSource:
        secretsFile === undefined
          ? envSecretSource()
          : fileSecretSource(path.resolve(cwd, secretsFile)),
      ...(workers === undefined ? {} : { workers }),
      ...(concurrency === undefined ? {} : { concurrency }),
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
      ...(memoryLimitMb === undefined ? {} : { memoryLimitMb }),
      ...(bodyLimitBytes === undefined ? {} : { bodyLimitBytes }),
      ...(originOverrides === undefined ? {} : { originOverrides }),
      ...(authFile === undefined ? {} : { mcp: { authFile, authFileName } }),
      ...(values.log ? { log: (line: string) => process.stdout.write(`${line}\n`) } : {}),
    });
    const c = stdoutColors();
    const names = server.executor.integrations.map((i) => i.name).join(", ");
    process.stdout.write(`Plugboard server: ${c.cyan(server.url)} (${names})\n`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        process.stdout.write(
          `plugboard serve: shutting down, ${server.lifecycle.inFlight} call(s) in flight\n`,
        );
        void server.close().then(resolve);
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    });
    return 0;
  });
}

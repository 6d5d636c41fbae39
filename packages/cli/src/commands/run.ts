import { readFile } from "node:fs/promises";
import path from "node:path";
import { inspect } from "node:util";
import type { HttpCall } from "@plugboard/registry";
import {
  assertCredentials,
  findWorkspaceRoot,
  loadIntegration,
  loadRegistry,
  platformAuth,
  resolveAction,
  runAction,
} from "@plugboard/registry";
import { isObject } from "@plugboard/sdk/internal";
import { commonOptions, parseCommandArgs } from "../args.ts";
import { guard } from "../command.ts";
import { CliError } from "../errors.ts";
import { parseJson, parseOrigins } from "../parse-json.ts";
import { colorEnabled, stdoutColors } from "../terminal.ts";

/** Exit codes of `plugboard run`, one per result type. */
export const runExitCodes = {
  action: 0,
  connected_account: 0,
  action_error: 3,
  validation_error: 4,
} as const;

const help = `Usage: plugboard run <integration>.<action> (--input '<json>' | --input-file <file>)
                     [--auth-file <file>] [--origin <real>=<local>]… [--json] [--cwd <dir>]

Executes one action of a workspace integration locally and prints its IntegrationResult:
pretty on a terminal, JSON otherwise (or with --json).

Options:
  --input <json>        the action's inputs as JSON (default {})
  --input-file <file>   read the inputs from a JSON file
  --auth-file <file>    credentials as JSON: the fields flat ({"api_key": "…"}) or
                        wrapped ({"auth_type": "Custom", "credentials": {…}})
  --origin <a>=<b>      send requests for origin <a> to <b> instead, e.g.
                        --origin https://api.example.com=http://127.0.0.1:8080 (repeatable)
  --json                print JSON even on a terminal
  --cwd <dir>           look for the workspace from <dir>
  -h, --help            show this help

Exit code: 0 action, 3 action_error, 4 validation_error, 1 bad input, 2 bad usage.
`;

async function readText(file: string, flag: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String(error);
    throw new CliError("usage", `${flag} ${file}: ${reason}`);
  }
}

function printPretty(result: { type: string; result: unknown }, calls: HttpCall[], ms: number) {
  const c = stdoutColors();
  const ok = result.type === "action" || result.type === "connected_account";
  const head = ok ? c.green(result.type) : c.red(result.type);
  process.stdout.write(`${head} ${c.dim(`in ${ms.toFixed(0)} ms`)}\n`);
  process.stdout.write(`${inspect(result.result, { depth: 8, colors: colorEnabled() })}\n`);
  for (const call of calls) {
    const status = call.status === undefined ? c.red(call.error ?? "no response") : call.status;
    process.stdout.write(
      c.dim(`  ${call.method} ${call.url} → ${status} (${call.durationMs.toFixed(0)} ms)\n`),
    );
  }
}

/** \`plugboard run\`: executes one action locally and prints its result envelope. */
export function runCommand(argv: string[]): Promise<number> {
  return guard("run", async () => {
    const { values, positionals } = parseCommandArgs(argv, {
      ...commonOptions,
      input: { type: "string" },
      "input-file": { type: "string" },
      "auth-file": { type: "string" },
      origin: { type: "string", multiple: true },
      json: { type: "boolean" },
    });
    if (values.help) {
      process.stdout.write(help);
      return 0;
    }
    const [target, ...extra] = positionals;
    if (target === undefined || extra.length > 0) {
      throw new CliError("usage", "expected one <integration>.<action>. Pass --help for usage.");
    }
    if (values.input !== undefined && values["input-file"] !== undefined) {
      throw new CliError("usage", "pass either --input or --input-file, not both");
    }
    const cwd = path.resolve(values.cwd ?? process.cwd());
    const originOverrides = parseOrigins(values.origin);
    const registry = await loadRegistry(findWorkspaceRoot(cwd));
    const { integration, entry } = resolveAction(registry, target);

    const inputFile = values["input-file"];
    const inputs =
      inputFile !== undefined
        ? parseJson(await readText(path.resolve(cwd, inputFile), "--input-file"), inputFile)
        : parseJson(values.input ?? "{}", "--input");
    const authFile = values["auth-file"];
    let auth: Record<string, unknown> | undefined;
    if (authFile !== undefined) {
      const parsed = parseJson(
        await readText(path.resolve(cwd, authFile), "--auth-file"),
        authFile,
      );
      if (!isObject(parsed)) throw new CliError("usage", `${authFile}: expected a JSON object`);
      auth = parsed;
    }
    assertCredentials(
      integration.name,
      integration.auth,
      auth,
      authFile === undefined ? " (pass --auth-file <file.json>)" : ` in ${authFile}`,
    );

    const loaded = await loadIntegration(integration.dir);
    const run = await runAction(loaded, {
      action: entry.name,
      inputs,
      auth: platformAuth(integration.auth, auth),
      originOverrides,
    });
    if (values.json || !process.stdout.isTTY) {
      process.stdout.write(`${JSON.stringify(run.result, null, 2)}\n`);
    } else {
      printPretty(run.result, run.calls, run.durationMs);
    }
    const code = runExitCodes[run.result.type as keyof typeof runExitCodes];
    return code ?? 1;
  });
}

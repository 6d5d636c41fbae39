import path from "node:path";
import { inspect } from "node:util";
import type { HttpCall, RegistryIntegration, RunResult } from "@plugboard/registry";
import {
  assertCredentials,
  findWorkspaceRoot,
  loadIntegration,
  loadRegistry,
  platformAuth,
  resolveAction,
  resolveIntegration,
  runAction,
  runConnectedAccount,
  runTrigger,
} from "@plugboard/registry";
import { envSecretSource, FileStateStore } from "@plugboard/sdk";
import {
  commonOptions,
  DEFAULT_RUN_TIMEOUT_SECONDS,
  parseCommandArgs,
  parseTimeout,
} from "../args.ts";
import { guard } from "../command.ts";
import { CliError } from "../errors.ts";
import { startRecordSession } from "../record/record-option.ts";
import { HANDLER_ERROR_EXIT, reportHandlerFailure } from "../run/handler-failure.ts";
import { readRunInputs, runInputHelp, runInputOptions } from "../run/run-inputs.ts";
import { staleWarning } from "../run/stale-warning.ts";
import { colorEnabled, stderrColors, stdoutColors } from "../terminal.ts";

/** Exit codes of `plugboard run`, one per result type. */
export const runExitCodes = {
  action: 0,
  connected_account: 0,
  polling_trigger: 0,
  action_error: 3,
  validation_error: 4,
  handler_error: HANDLER_ERROR_EXIT,
} as const;

const help = `Usage: plugboard run <integration>.<action> [options]
       plugboard run <integration>.<trigger> [--last-poll-ts <iso>] [--state <file>] [options]
       plugboard run <integration> --connected-account [options]

Runs one action, one poll of a polling trigger, or the connected-account handler of a
workspace integration locally and prints the result: pretty on a terminal, JSON otherwise
(or with --json).

Options:
${runInputHelp}
  --last-poll-ts <iso>  a trigger's last_poll_ts (default: from --state, else none)
  --state <file>        a trigger's state between runs (last_poll_ts, ids seen) in the
                        SDK's JSON file store; the records are split by the trigger's
                        "dedupe" into new, seen and (first poll) seeded
  --connected-account   run the connected-account handler of <integration>
  --record <file>       record every HTTP exchange of the run, whatever its origin, into a
                        fixture (credentials redacted; JSON and text readable, binary as
                        base64); replay it in tests with replayFixture from @plugboard/testing
  --timeout <seconds>   give an action up after this long (default ${DEFAULT_RUN_TIMEOUT_SECONDS}; 0: no limit)
  --cwd <dir>           look for the workspace from <dir>
  -h, --help            show this help

The secrets an action or trigger declares (config.json "secrets", e.g. PERPLEXITY_API_KEY) are
read from environment variables of the same name; no other variable reaches the handler.

Exit code: 0 action, polling_trigger or connected_account; 3 action_error;
4 validation_error; 5 timed out; 6 the handler threw (one line on stderr, credentials
redacted; {"type": "handler_error"} on stdout with --json); 1 bad input; 2 bad usage.
`;

function printPretty(result: RunResult, calls: HttpCall[], ms: number) {
  const c = stdoutColors();
  const ok = !["action_error", "validation_error"].includes(result.type);
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

function checkTimestamp(value: string | undefined): string | undefined {
  if (value === undefined || !Number.isNaN(Date.parse(value))) return value;
  throw new CliError(
    "usage",
    `--last-poll-ts ${value}: expected an ISO 8601 time, e.g. 2026-01-31T12:00:00Z`,
  );
}

/** \`plugboard run\`: executes an action, a poll or the account handler and prints its result. */
export function runCommand(argv: string[]): Promise<number> {
  return guard("run", async () => {
    const { values, positionals } = parseCommandArgs(argv, {
      ...commonOptions,
      ...runInputOptions,
      "last-poll-ts": { type: "string" },
      state: { type: "string" },
      "connected-account": { type: "boolean" },
      record: { type: "string" },
      timeout: { type: "string" },
    });
    if (values.help) {
      process.stdout.write(help);
      return 0;
    }
    const [target, ...extra] = positionals;
    if (target === undefined || extra.length > 0) {
      throw new CliError(
        "usage",
        "expected one <integration>.<action or trigger>, or <integration> --connected-account. Pass --help for usage.",
      );
    }
    const account = values["connected-account"] === true;
    if (account && target.includes(".")) {
      throw new CliError("usage", `--connected-account takes an integration name, got "${target}"`);
    }
    const lastPollTs = checkTimestamp(values["last-poll-ts"]);
    const timeout = parseTimeout(values.timeout);
    const cwd = path.resolve(values.cwd ?? process.cwd());
    const registry = await loadRegistry(findWorkspaceRoot(cwd));
    let integration: RegistryIntegration;
    let entry: ReturnType<typeof resolveAction>["entry"] | undefined;
    if (account) integration = resolveIntegration(registry, target);
    else ({ integration, entry } = resolveAction(registry, target));
    if (entry?.kind !== "polling_trigger" && (values.state ?? lastPollTs) !== undefined) {
      throw new CliError("usage", "--last-poll-ts and --state apply to polling triggers only");
    }
    const stale = staleWarning(integration.dir);
    if (stale) process.stderr.write(`${stderrColors().yellow("warning:")} ${stale}\n`);

    const { inputs, auth, authFile, originOverrides } = await readRunInputs(values, cwd);
    assertCredentials(
      integration.name,
      integration.auth,
      auth,
      authFile === undefined ? " (pass --auth-file <file.json>)" : ` in ${authFile}`,
    );
    const loaded = await loadIntegration(integration.dir);
    const recording = startRecordSession({ file: values.record, cwd, originOverrides, auth });
    const options = {
      auth: platformAuth(integration.auth, auth),
      originOverrides,
      interceptors: recording.interceptors,
      onSecrets: recording.onSecrets,
      onHttpCall: recording.onHttpCall,
    };
    const json = values.json === true || !process.stdout.isTTY;
    // Declared secrets (config.json "secrets") come from the environment, only their keys.
    const secretSource = envSecretSource();
    let run: { result: RunResult; calls: HttpCall[]; durationMs: number };
    try {
      if (account) run = await runConnectedAccount(loaded, options);
      else if (entry?.kind === "polling_trigger") {
        const stateFile = values.state === undefined ? undefined : path.resolve(cwd, values.state);
        const poll = await runTrigger(loaded, {
          ...options,
          secretSource,
          trigger: entry.name,
          inputs,
          lastPollTs: stateFile === undefined ? (lastPollTs ?? null) : lastPollTs,
          state:
            stateFile === undefined
              ? undefined
              : { store: new FileStateStore(stateFile), key: entry.qualifiedName },
        });
        const body: Record<string, unknown> = { records: poll.records };
        if (poll.split) {
          body.last_poll_ts = poll.split.lastPollTs;
          body.new = poll.split.delivered.map((record) => record.id);
          body.seen = poll.split.seen.map((record) => record.id);
          body.seeded = poll.split.seeded.map((record) => record.id);
        } else body.last_poll_ts = lastPollTs ?? null;
        run = {
          ...poll,
          result:
            poll.result.type === "polling_trigger" ? { ...poll.result, result: body } : poll.result,
        };
      } else {
        run = await runAction(loaded, {
          ...options,
          action: entry?.name ?? target,
          inputs,
          timeout,
          secretSource,
        });
      }
    } catch (error) {
      const code = reportHandlerFailure("run", error, values.json === true);
      if (code === undefined) throw error;
      return code;
    } finally {
      recording.finish(`plugboard run ${target}`);
    }
    if (json) process.stdout.write(`${JSON.stringify(run.result, null, 2)}\n`);
    else printPretty(run.result, run.calls, run.durationMs);
    const code = runExitCodes[run.result.type as keyof typeof runExitCodes];
    return code ?? 1;
  });
}

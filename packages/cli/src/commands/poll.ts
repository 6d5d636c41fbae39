import path from "node:path";
import type { TriggerRecord } from "@plugboard/registry";
import {
  assertCredentials,
  findWorkspaceRoot,
  loadIntegration,
  loadRegistry,
  platformAuth,
  resolveAction,
  runTrigger,
} from "@plugboard/registry";
import {
  envSecretSource,
  FileStateStore,
  MemoryStateStore,
  parsePollingInterval,
} from "@plugboard/sdk";
import { commonOptions, parseCommandArgs } from "../args.ts";
import { guard } from "../command.ts";
import { CliError } from "../errors.ts";
import { startRecordSession } from "../record/record-option.ts";
import { reportHandlerFailure } from "../run/handler-failure.ts";
import { readRunInputs, runInputHelp, runInputOptions } from "../run/run-inputs.ts";
import { staleWarning } from "../run/stale-warning.ts";
import { out, stderrColors, stdoutColors } from "../terminal.ts";

const help = `Usage: plugboard poll <integration>.<trigger> [--times <n>] [--every <interval>] [options]

Simulates a polling schedule without waiting: runs the trigger --times times, passing each
poll the simulated time of the previous one as last_poll_ts, keeps the trigger's state
between polls in the SDK's state store (the ids seen, by the trigger's "dedupe": unique,
greatest or last) and prints, per poll, which records a schedule would deliver and which were
already seen. As in production, a trigger with "dedupe" delivers nothing on its first poll:
it records the ids it found (seed-on-enable), unless --deliver-first-poll.

Options:
  --times <n>           how many polls (default 3)
  --every <interval>    simulated time between polls, e.g. 30s, 5m, 2h (default: the
                        trigger's polling_interval, else 5m)
  --start <iso>         simulated time of the first poll (default: now)
  --last-poll-ts <iso>  last_poll_ts of the first poll (default: from --state, else none)
  --state <file>        start from, and save, the trigger's state in <file> (a JSON file
                        state store; without it the state lives in memory)
  --deliver-first-poll  deliver the first poll's records instead of seeding
  --record <file>       record every HTTP exchange of the polls into one fixture
                        (credentials redacted), as plugboard run --record does
${runInputHelp}
  --cwd <dir>           look for the workspace from <dir>
  -h, --help            show this help

The secrets the trigger declares (config.json "secrets") are read from environment variables of
the same name; no other variable reaches the handler.

Exit code: 0 every poll ran; 4 a poll's inputs or records were invalid; 6 the handler threw;
1 bad input; 2 bad usage.
`;

/** One simulated poll, as \`--json\` prints it. */
interface PollReport {
  poll: number;
  poll_ts: string;
  last_poll_ts: string | null;
  delivered: TriggerRecord[];
  seen: Array<string | number>;
  seeded: Array<string | number>;
}

function parseTime(value: string, flag: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new CliError(
      "usage",
      `${flag} ${value}: expected an ISO 8601 time, e.g. 2026-01-31T12:00:00Z`,
    );
  }
  return ms;
}

function parseEvery(value: string): number {
  try {
    return parsePollingInterval(value);
  } catch {
    throw new CliError("usage", `--every ${value}: expected e.g. 30s, 5m, 2h or 1d`);
  }
}

function summary(record: TriggerRecord): string {
  const text = JSON.stringify(record.data) ?? "";
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** \`plugboard poll\`: runs a trigger on a simulated schedule and shows what it would deliver. */
export function pollCommand(argv: string[]): Promise<number> {
  return guard("poll", async () => {
    const { values, positionals } = parseCommandArgs(argv, {
      ...commonOptions,
      ...runInputOptions,
      times: { type: "string", default: "3" },
      every: { type: "string" },
      start: { type: "string" },
      "last-poll-ts": { type: "string" },
      state: { type: "string" },
      "deliver-first-poll": { type: "boolean" },
      record: { type: "string" },
    });
    if (values.help) {
      process.stdout.write(help);
      return 0;
    }
    const [target, ...extra] = positionals;
    if (target === undefined || extra.length > 0) {
      throw new CliError("usage", "expected one <integration>.<trigger>. Pass --help for usage.");
    }
    const times = Number(values.times);
    if (!Number.isInteger(times) || times < 1) {
      throw new CliError(
        "usage",
        `--times ${values.times}: expected a whole number of polls, 1 or more`,
      );
    }
    const start = values.start === undefined ? Date.now() : parseTime(values.start, "--start");
    if (values["last-poll-ts"] !== undefined) parseTime(values["last-poll-ts"], "--last-poll-ts");
    const cwd = path.resolve(values.cwd ?? process.cwd());
    const registry = await loadRegistry(findWorkspaceRoot(cwd));
    const { integration, entry } = resolveAction(registry, target, ["polling_trigger"]);
    const every = parseEvery(values.every ?? entry.pollingInterval ?? "5m");
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
    const stateFile = values.state === undefined ? undefined : path.resolve(cwd, values.state);
    const store = stateFile === undefined ? new MemoryStateStore() : new FileStateStore(stateFile);
    const json = values.json === true || !process.stdout.isTTY;
    const c = stdoutColors();
    const reports: PollReport[] = [];
    let dedupe: string | null = null;
    const ids = (records: TriggerRecord[]) => records.map((record) => record.id);
    const recording = startRecordSession({ file: values.record, cwd, originOverrides, auth });
    // The trigger's declared secrets come from the environment, only their keys.
    const secretSource = envSecretSource();
    try {
      for (let poll = 1; poll <= times; poll += 1) {
        const pollTs = new Date(start + (poll - 1) * every);
        let run: Awaited<ReturnType<typeof runTrigger>>;
        try {
          run = await runTrigger(loaded, {
            auth: platformAuth(integration.auth, auth),
            secretSource,
            originOverrides,
            interceptors: recording.interceptors,
            onSecrets: recording.onSecrets,
            onHttpCall: recording.onHttpCall,
            trigger: entry.name,
            inputs,
            lastPollTs: poll === 1 ? values["last-poll-ts"] : undefined,
            state: {
              store,
              key: entry.qualifiedName,
              now: () => pollTs,
              deliverFirstPoll: values["deliver-first-poll"] === true,
            },
          });
        } catch (error) {
          const code = reportHandlerFailure("poll", error, values.json === true);
          if (code === undefined) throw error;
          return code;
        }
        if (run.result.type !== "polling_trigger") {
          if (json) out(JSON.stringify({ polls: reports, error: run.result }, null, 2));
          else process.stderr.write(`poll ${poll}: ${JSON.stringify(run.result.result)}\n`);
          return 4;
        }
        // An SDK without stateful polls: every record counts as delivered.
        const split = run.split ?? {
          delivered: run.records,
          seen: [],
          seeded: [],
          dedupe: null,
          lastPollTs: null,
        };
        dedupe = split.dedupe;
        const report: PollReport = {
          poll,
          poll_ts: pollTs.toISOString(),
          last_poll_ts: split.lastPollTs,
          delivered: split.delivered,
          seen: ids(split.seen),
          seeded: ids(split.seeded),
        };
        reports.push(report);
        if (!json) {
          const counts = [
            c.green(`${split.delivered.length} new`),
            `${split.seen.length} already seen`,
            ...(split.seeded.length > 0
              ? [`${split.seeded.length} seeded (first poll: recorded, not delivered)`]
              : []),
          ].join(", ");
          out(
            `${c.bold(`poll ${poll}`)} at ${report.poll_ts} ${c.dim(`(last_poll_ts ${report.last_poll_ts ?? "none"})`)}: ${run.records.length} record${run.records.length === 1 ? "" : "s"}, ${counts}`,
          );
          for (const record of split.delivered)
            out(`  ${c.green("+")} ${record.id}  ${c.dim(summary(record))}`);
          for (const record of split.seeded) out(`  ${c.dim(`~ ${record.id}  (seeded)`)}`);
          for (const record of split.seen) out(`  ${c.dim(`= ${record.id}  (seen)`)}`);
        }
      }
      if (json) {
        out(JSON.stringify({ trigger: entry.qualifiedName, dedupe, polls: reports }, null, 2));
      }
      return 0;
    } finally {
      recording.finish(`plugboard poll ${target} --times ${times}`);
    }
  });
}

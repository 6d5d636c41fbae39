import path from "node:path";
import { findWorkspaceRoot } from "@plugboard/registry";
import {
  applyServerV8Flags,
  createExecutor,
  envSecretSource,
  fileSecretSource,
  type Isolation,
} from "@plugboard/server";
import type { CredentialSource } from "@plugboard/worker";
import { commonOptions, parseCommandArgs } from "../args.ts";
import { guard } from "../command.ts";
import { CliError } from "../errors.ts";
import { parseJson, parseOrigins } from "../parse-json.ts";

const help = `Usage: plugboard worker [integration-dir…] --redis <url> [--queue <name>] [--concurrency <n>]
                        [--workers <n>] [--timeout <ms>] [--memory <mb>]
                        [--isolation thread|process] [--secrets-file <file>]
                        [--credentials-file <file>] [--schedule <integration>.<trigger>]…
                        [--schedule-input <json>] [--schedule-auth-ref <ref>] [--cwd <dir>]

Consumes a BullMQ queue on Redis: a job named <integration>.<action> with data
{ inputs, auth } (or { inputs, auth_ref }) runs in the execution pool and completes with its
IntegrationResult envelope. Start as many workers, on as many machines, as the load needs:
they share the queue. SIGTERM stops taking jobs and lets the running ones finish.

What is retried: network errors and timeouts, with the job's back-off, up to its attempts;
a 429 waits for its Retry-After without using an attempt. Not retried: validation_error
(the job fails with the envelope as its reason), and any other error (one-line reason).

Options:
  --redis <url>              redis://host:port[/db], rediss://… or unix:///path/redis.sock
                             (default: PLUGBOARD_REDIS_URL)
  --queue <name>             the queue (default plugboard); trigger records go to <name>-records
  --concurrency <n>          jobs this process runs at once (default 8)
  --workers <n>              execution pool size (default: one per core, 2 to 8)
  --timeout <ms>             per-call timeout (default 30000)
  --memory <mb>              heap limit per pool worker (default 256)
  --isolation <kind>         thread (default) or process
  --secrets-file <file>      declared secrets from a JSON object instead of the environment
  --credentials-file <file>  resolves a job's auth_ref: a JSON object { "<ref>": { …auth… } }
                             (default: the environment, PLUGBOARD_AUTH_<REF>)
  --schedule <trigger>       poll <integration>.<trigger> at its polling_interval (repeatable)
  --schedule-input <json>    inputs of the scheduled polls (default {})
  --schedule-auth-ref <ref>  credentials of the scheduled polls, by reference
  --origin <a>=<b>           send requests for origin <a> to <b> instead (repeatable)
  --cwd <dir>                look for the workspace from <dir>
  -h, --help                 show this help
`;

function number(value: string | undefined, flag: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    throw new CliError("usage", `${flag} ${value}: expected a whole number ≥ ${min}`);
  }
  return n;
}

/** `plugboard worker`: runs queued actions and scheduled polls until SIGTERM. */
export function workerCommand(argv: string[]): Promise<number> {
  return guard("worker", async () => {
    const { values, positionals } = parseCommandArgs(argv, {
      ...commonOptions,
      redis: { type: "string" },
      queue: { type: "string", default: "plugboard" },
      concurrency: { type: "string" },
      workers: { type: "string" },
      timeout: { type: "string" },
      memory: { type: "string" },
      isolation: { type: "string", default: "thread" },
      "secrets-file": { type: "string" },
      "credentials-file": { type: "string" },
      schedule: { type: "string", multiple: true },
      "schedule-input": { type: "string" },
      "schedule-auth-ref": { type: "string" },
      origin: { type: "string", multiple: true },
      "lock-duration": { type: "string" },
      "stalled-interval": { type: "string" },
    });
    if (values.help) {
      process.stdout.write(help);
      return 0;
    }
    // BullMQ and ioredis load only for this command: every other one starts without them.
    const { EnvCredentialSource, FileCredentialSource, redactUrl, scheduleTrigger, startWorker } =
      await import("@plugboard/worker");
    const redis = values.redis ?? process.env.PLUGBOARD_REDIS_URL;
    if (!redis)
      throw new CliError("usage", "no Redis: pass --redis <url> or set PLUGBOARD_REDIS_URL");
    const isolation = values.isolation as Isolation;
    if (isolation !== "thread" && isolation !== "process") {
      throw new CliError("usage", `--isolation ${values.isolation}: expected thread or process`);
    }
    const cwd = path.resolve(values.cwd ?? process.cwd());
    const integrations =
      positionals.length > 0
        ? positionals.map((p) => path.resolve(cwd, p))
        : [path.join(findWorkspaceRoot(cwd), "integrations")];
    const secretsFile = values["secrets-file"];
    const credentialsFile = values["credentials-file"];
    const credentials: CredentialSource = credentialsFile
      ? new FileCredentialSource(path.resolve(cwd, credentialsFile))
      : new EnvCredentialSource();
    const scheduleInputs = values["schedule-input"]
      ? parseJson(values["schedule-input"], "--schedule-input")
      : {};
    const workers = number(values.workers, "--workers", 1);
    const timeoutMs = number(values.timeout, "--timeout", 1);
    const memoryLimitMb = number(values.memory, "--memory", 16);
    const concurrency = number(values.concurrency, "--concurrency", 1);
    const lockDuration = number(values["lock-duration"], "--lock-duration", 1000);
    const stalledInterval = number(values["stalled-interval"], "--stalled-interval", 500);
    // Before any integration loads: the V8 flags of a process serving many actions.
    applyServerV8Flags();
    const executor = await createExecutor({
      integrations,
      isolation,
      secretSource: secretsFile
        ? fileSecretSource(path.resolve(cwd, secretsFile))
        : envSecretSource(),
      originOverrides: parseOrigins(values.origin),
      ...(workers === undefined ? {} : { workers }),
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
      ...(memoryLimitMb === undefined ? {} : { memoryLimitMb }),
    });
    const running = await startWorker({
      executor,
      redis,
      queue: values.queue,
      credentials,
      log: (line) => process.stdout.write(`${line}\n`),
      ...(concurrency === undefined ? {} : { concurrency }),
      ...(lockDuration === undefined ? {} : { lockDuration }),
      ...(stalledInterval === undefined ? {} : { stalledInterval }),
    });
    for (const trigger of values.schedule ?? []) {
      await scheduleTrigger(running.queue, executor, trigger, {
        inputs: scheduleInputs,
        ...(values["schedule-auth-ref"] ? { authRef: values["schedule-auth-ref"] } : {}),
      });
    }
    const names = executor.integrations.map((i) => i.name).join(", ");
    process.stdout.write(
      `plugboard worker: queue "${values.queue}" on ${redactUrl(redis)}, integrations ${names}\n`,
    );
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once("SIGTERM", stop);
      process.once("SIGINT", stop);
    });
    process.stdout.write("plugboard worker: stopping, letting running jobs finish\n");
    await running.close();
    await executor.close();
    return 0;
  });
}

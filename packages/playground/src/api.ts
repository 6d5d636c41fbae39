import type { IncomingMessage, ServerResponse } from "node:http";
import {
  assertCredentials,
  loadRegistry,
  platformAuth,
  type RegistryEntry,
  RegistryError,
  resolveAction,
  resolveIntegration,
  runAction,
  runConnectedAccount,
  runTrigger,
} from "@plugboard/registry";
import {
  envSecretSource,
  type HttpInterceptor,
  MemoryStateStore,
  type SecretSource,
} from "@plugboard/sdk";
import { isObject } from "@plugboard/sdk/internal";
import { PlaygroundError } from "./errors.ts";
import { fieldErrors } from "./field-errors.ts";
import { credentialsSchema, toFormSchema } from "./form-schema.ts";
import { IntegrationCache } from "./integration-cache.ts";

type Json = Record<string, unknown>;

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

/** Largest request body the API reads: a run's inputs and credentials fit in far less. */
export const MAX_BODY_BYTES = 1024 * 1024;

async function readBody(req: IncomingMessage): Promise<unknown> {
  const tooLarge = () =>
    new PlaygroundError(
      "body_too_large",
      `request body over ${MAX_BODY_BYTES} bytes: send smaller inputs`,
    );
  if (Number(req.headers["content-length"] ?? 0) > MAX_BODY_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    // Stop reading at once: the rest of a huge body is never buffered.
    if (size > MAX_BODY_BYTES) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

/** Options of the playground's API. */
export interface ApiOptions {
  root: string;
  originOverrides?: Record<string, string> | undefined;
  /** Seconds one run may take; no limit when absent or 0. */
  timeout?: number | undefined;
  /** Says why an integration's generated code is stale (config.json changed since codegen). */
  staleWarning?: ((dir: string) => string | undefined) | undefined;
  /** Where declared secrets come from (default: this process's environment, as `plugboard serve`). */
  secretSource?: SecretSource | undefined;
  /**
   * Records the HTTP exchanges of each run (`plugboard dev --record`): called before a run with
   * its qualified name and the credentials it was given (to redact them).
   */
  record?: ((run: { name: string; auth: unknown }) => RunRecording) | undefined;
}

/** One run's recording: interceptors for its connections, and where it was saved. */
export interface RunRecording {
  interceptors: HttpInterceptor[] | undefined;
  /** Told the run's declared secret values before it starts, to redact them too. */
  onSecrets: ((secrets: Readonly<Record<string, string>>) => void) | undefined;
  /** Told each HTTP call the run makes. */
  onHttpCall: ((call: { status?: number | undefined }) => void) | undefined;
  /** Saves what was recorded; returns the file as shown to the user. */
  finish(): string | undefined;
}

function formEntry(entry: RegistryEntry) {
  return {
    name: entry.name,
    qualifiedName: entry.qualifiedName,
    kind: entry.kind,
    displayName: entry.displayName ?? entry.name,
    description: entry.description,
    schema: { type: "object", ...toFormSchema(entry.inputSchema) },
  };
}

/** The playground's JSON API: the registry as forms; running actions, polls and the account. */
export function handleApi(options: ApiOptions) {
  const cache = new IntegrationCache();
  // Trigger state for "poll again": the SDK's store, in memory, for this server's life.
  const triggerStates = new MemoryStateStore();
  // Only the keys a run's action or trigger declares are read (see pickSecrets).
  const secretSource = options.secretSource ?? envSecretSource();

  /**
   * Runs `execute` with the run's recorder (when recording) on its connections, and saves the
   * recording even when the run fails. Returns what `execute` gave and the fixture's path.
   */
  async function recorded<T>(
    name: string,
    credentials: unknown,
    execute: (hooks: Partial<Omit<RunRecording, "finish">>) => Promise<T>,
  ): Promise<T & { recorded?: string | undefined }> {
    const recording = options.record?.({ name, auth: credentials });
    let file: string | undefined;
    let outcome: T;
    try {
      outcome = await execute({
        interceptors: recording?.interceptors,
        onSecrets: recording?.onSecrets,
        onHttpCall: recording?.onHttpCall,
      });
    } finally {
      file = recording?.finish();
    }
    return { ...outcome, recorded: file };
  }

  async function integrations(res: ServerResponse) {
    const registry = await loadRegistry(options.root);
    json(res, 200, {
      problems: registry.problems.map((problem) => problem.message),
      integrations: registry.integrations.map((integration) => ({
        name: integration.name,
        displayName: integration.displayName ?? integration.name,
        description: integration.description,
        credentials: credentialsSchema(integration.auth),
        connectedAccount: integration.supportsConnectedAccount,
        stale: options.staleWarning?.(integration.dir) ?? null,
        actions: integration.entries.filter((e) => e.kind === "action").map(formEntry),
        triggers: integration.entries.filter((e) => e.kind === "polling_trigger").map(formEntry),
      })),
    });
  }

  async function run(req: IncomingMessage, res: ServerResponse) {
    const body = await readBody(req);
    if (isObject(body) && typeof body.connectedAccount === "string") {
      return account(res, body.connectedAccount, body);
    }
    if (!isObject(body) || typeof body.action !== "string") {
      return json(res, 400, {
        error: 'expected {"action": "<integration>.<action>", "inputs": {…}}',
      });
    }
    const registry = await loadRegistry(options.root);
    const { integration, entry } = resolveAction(registry, body.action);
    // Credentials live in the request only: never stored, never logged.
    const credentials = isObject(body.credentials) ? body.credentials : undefined;
    assertCredentials(
      integration.name,
      integration.auth,
      credentials,
      ": fill in the credentials form",
    );
    const loaded = await cache.get(integration.dir);
    if (entry.kind === "polling_trigger") {
      const poll = await recorded(entry.qualifiedName, credentials, (hooks) =>
        runTrigger(loaded, {
          ...hooks,
          trigger: entry.name,
          inputs: body.inputs ?? {},
          auth: platformAuth(integration.auth, credentials),
          originOverrides: options.originOverrides,
          state: { store: triggerStates, key: entry.qualifiedName },
          secretSource,
        }),
      );
      if (poll.result.type !== "polling_trigger") {
        return json(res, 200, { ...poll, fieldErrors: fieldErrors(poll.result.result) });
      }
      const ids = (records: Array<{ id: unknown }>) => records.map((record) => record.id);
      return json(res, 200, {
        ...poll,
        poll: {
          lastPollTs: poll.split?.lastPollTs ?? null,
          dedupe: poll.split?.dedupe ?? null,
          delivered: ids(poll.split?.delivered ?? poll.records),
          seen: ids(poll.split?.seen ?? []),
          seeded: ids(poll.split?.seeded ?? []),
        },
        fieldErrors: [],
      });
    }
    // A page closed mid-run gives the run up: its context closes and its requests stop.
    const gone = new AbortController();
    res.on("close", () => {
      if (!res.writableEnded) gone.abort();
    });
    const outcome = await recorded(entry.qualifiedName, credentials, (hooks) =>
      runAction(loaded, {
        ...hooks,
        action: entry.name,
        inputs: body.inputs ?? {},
        auth: platformAuth(integration.auth, credentials),
        originOverrides: options.originOverrides,
        timeout: options.timeout,
        signal: gone.signal,
        secretSource,
      }),
    );
    json(res, 200, {
      ...outcome,
      fieldErrors:
        outcome.result.type === "validation_error" ? fieldErrors(outcome.result.result) : [],
    });
  }

  async function account(res: ServerResponse, name: string, body: Json) {
    const registry = await loadRegistry(options.root);
    const integration = resolveIntegration(registry, name);
    const credentials = isObject(body.credentials) ? body.credentials : undefined;
    assertCredentials(name, integration.auth, credentials, ": fill in the credentials form");
    const loaded = await cache.get(integration.dir);
    const outcome = await recorded(`${name}.connected_account`, credentials, (hooks) =>
      runConnectedAccount(loaded, {
        ...hooks,
        auth: platformAuth(integration.auth, credentials),
        originOverrides: options.originOverrides,
      }),
    );
    json(res, 200, { ...outcome, fieldErrors: [] });
  }

  return async (req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> => {
    try {
      if (req.method === "GET" && pathname === "/api/integrations") return await integrations(res);
      if (req.method === "POST" && pathname === "/api/run") {
        // A JSON content type cannot be sent cross-site without a preflight we never answer.
        if (!req.headers["content-type"]?.startsWith("application/json")) {
          return json(res, 415, { error: "send application/json" });
        }
        return await run(req, res);
      }
      json(res, 404, { error: `no ${req.method} ${pathname}` });
    } catch (error) {
      if (error instanceof PlaygroundError && error.code === "body_too_large") {
        res.setHeader("connection", "close");
        return json(res, 413, { error: error.message });
      }
      if (error instanceof RegistryError && error.code === "timed_out") {
        return json(res, 504, { error: error.message });
      }
      // Handler exceptions arrive as RegistryError, their credentials already redacted.
      const message =
        error instanceof RegistryError ||
        error instanceof PlaygroundError ||
        error instanceof SyntaxError
          ? error.message
          : `${(error as Error).name}: ${(error as Error).message}`;
      json(res, 400, { error: message });
    }
  };
}

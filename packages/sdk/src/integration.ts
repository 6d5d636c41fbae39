import { type AnyContext, assertCredentials } from "./check-credentials.ts";
import { parseConfig } from "./config.ts";
import { findConfigProblem } from "./config-structure.ts";
import type { IntegrationConfig } from "./config-types.ts";
import type { ErrorMapper } from "./error-mapping.ts";
import { ConfigurationError, ValidationError } from "./errors.ts";
import {
  notRegistered,
  type ResolvedAction,
  type RunHooks,
  resolveAction,
  runAction,
} from "./execute-action.ts";
import { runPollingTrigger } from "./execute-trigger.ts";
import { type ExecuteOptions, withinDeadline } from "./execution-deadline.ts";
import { type PollOptions, type PollOutcome, pollWithState } from "./poll.ts";
import { authorizeRequests, type RequestsOptions } from "./request-auth.ts";
import {
  type ActionOutcome,
  type ConnectedAccountResult,
  connectedAccountResult,
} from "./result.ts";
import { withFetch } from "./scoped-context.ts";
import { assertSecrets, type SecretValues } from "./secrets.ts";
import type {
  ActionHandler,
  ActionMap,
  ActionSpec,
  ConnectedAccountHandler,
  PollingRecord,
  PollingTriggerHandler,
  PrecompiledValidators,
  TriggerMap,
  TriggerSpec,
} from "./types.ts";
import { isObject } from "./utils.ts";
import { ValidatorCache } from "./validator-cache.ts";

/** Options of an `Integration`. */
export interface IntegrationOptions {
  /** Validators compiled ahead of time by codegen; used instead of compiling at run time. */
  validators?: PrecompiledValidators;
  /** Where the config came from, for error messages; `"config.json"` by default. */
  file?: string;
  /**
   * The config was already checked (codegen checks it before writing `config.gen.ts`): skip the
   * structural walk, which costs milliseconds per process start on large configs.
   */
  configChecked?: boolean;
}

/**
 * `A` maps names to `ActionSpec`s. Written as a mapped type rather than `ActionMap` so that
 * interfaces (which have no index signature, like codegen's `Actions`) satisfy it.
 */
export type ActionsShape<A> = { [K in keyof A]: ActionSpec };

/** `T` maps names to `TriggerSpec`s; see `ActionsShape`. */
export type TriggersShape<T> = { [K in keyof T]: TriggerSpec };

/**
 * An integration of any action, trigger and credential types: what tools that pick actions
 * by name at run time (CLI, playground) hold. Data is still validated at run time.
 */
// biome-ignore lint/suspicious/noExplicitAny: `any` is what lets every typed integration fit here.
export type AnyIntegration = Integration<any, any, any>;

function kindOf(value: unknown): string {
  if (value === null) return "null";
  return Array.isArray(value) ? "an array" : typeof value;
}

/**
 * An integration: its config, its handlers, and the validated execution of actions,
 * polling triggers and the connected-account lookup. Typed by codegen's `Actions`,
 * `Triggers` and `Credentials`, so unknown names and wrong shapes fail to compile.
 */
export class Integration<
  A extends ActionsShape<A> = ActionMap,
  T extends TriggersShape<T> = TriggerMap,
  C = Record<string, unknown>,
> {
  /** The parsed config.json. */
  readonly config: IntegrationConfig;
  readonly #file: string;
  readonly #checks: ValidatorCache;
  readonly #actions = new Map<string, ActionHandler<never, unknown, never, never>>();
  /** Each called action's run record, resolved on its first call. */
  readonly #resolved = new Map<string, ResolvedAction>();
  readonly #triggers = new Map<string, PollingTriggerHandler<never, unknown, never, never>>();
  #connectedAccount: ConnectedAccountHandler<never> | undefined;
  readonly #hooks: RunHooks;
  #requests: RequestsOptions<C> | undefined;

  constructor(config: IntegrationConfig, options: IntegrationOptions = {}) {
    this.#file = options.file ?? "config.json";
    const problem = options.configChecked ? undefined : findConfigProblem(config);
    if (problem) {
      throw new ConfigurationError(`${this.#file}#${problem.pointer}: ${problem.message}`, {
        code: "config_invalid",
        file: this.#file,
        pointer: problem.pointer,
      });
    }
    this.config = config;
    this.#checks = new ValidatorCache(config, options.validators);
    this.#hooks = { applyDefaults: config.apply_defaults === true };
  }

  /** Reads and checks a config.json (synchronously); `ConfigurationError` says what and where. */
  static load<
    A extends ActionMap = ActionMap,
    T extends TriggerMap = TriggerMap,
    C = Record<string, unknown>,
  >(path: string | URL, options: IntegrationOptions = {}): Integration<A, T, C> {
    // Builtins fetched here rather than imported: in an ES module, `import "node:fs"` builds the
    // ESM face of the whole of fs, which loads Node's streams, a cost every process loading the
    // SDK would pay even when it never reads a config file.
    const file =
      path instanceof URL ? process.getBuiltinModule("node:url").fileURLToPath(path) : path;
    let text: string;
    try {
      text = process.getBuiltinModule("node:fs").readFileSync(file, "utf8");
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      const missing = code === "ENOENT" || code === "ENOTDIR";
      const message = missing
        ? `${file}: config file not found; create it or pass the path of an existing config.json`
        : `${file}: cannot read the config file (${code ?? String(cause)}); check it is a readable file`;
      throw new ConfigurationError(message, {
        code: missing ? "config_not_found" : "config_unreadable",
        file,
        cause,
      });
    }
    return new Integration<A, T, C>(parseConfig(text, file), { file, ...options });
  }

  /** Registers (or replaces) the handler of an action declared in the config. */
  action<N extends keyof A & string, S = SecretValues>(
    name: N,
    handler: ActionHandler<A[N]["input"], A[N]["output"], C, S>,
  ): this {
    if (!Object.hasOwn(this.config.actions, name)) throw this.#unknown("action", name);
    this.#actions.set(name, handler as ActionHandler<never, unknown, never, never>);
    this.#resolved.delete(name);
    return this;
  }

  /** Registers (or replaces) the handler of a polling trigger declared in the config. */
  pollingTrigger<N extends keyof T & string, S = SecretValues>(
    name: N,
    handler: PollingTriggerHandler<T[N]["input"], T[N]["record"], C, S>,
  ): this {
    if (!Object.hasOwn(this.config.polling_triggers ?? {}, name))
      throw this.#unknown("trigger", name);
    this.#triggers.set(name, handler as PollingTriggerHandler<never, unknown, never, never>);
    return this;
  }

  /** Registers (or replaces) the handler describing the connected account. */
  connectedAccount(handler: ConnectedAccountHandler<C>): this {
    this.#connectedAccount = handler as ConnectedAccountHandler<never>;
    return this;
  }

  /**
   * Declares the API once: its `baseUrl` (relative `context.fetch` URLs resolve against it) and
   * how requests to its origin are authorized from the credentials (query parameters, headers,
   * Basic), so handlers carry no auth code. Requests to other origins get none of it.
   */
  requests(options: RequestsOptions<C>): this {
    this.#requests = options;
    return this;
  }

  /**
   * Declares once how errors thrown by handlers are reported, e.g.
   * `clientErrorsAsActionErrors(...)`: a returned `ActionError` becomes an `action_error` result.
   */
  mapErrors(mapper: ErrorMapper): this {
    this.#hooks.mapError = mapper;
    return this;
  }

  /** The context handlers get: `context` itself, or a view applying `requests(...)`. */
  #scope(context: AnyContext): AnyContext {
    const requests = this.#requests;
    if (!requests) return context;
    const fetch = authorizeRequests(context.fetch, requests, context.credentials as C);
    return withFetch(context, fetch);
  }

  /** Names of the actions with a registered handler. */
  get registeredActions(): string[] {
    return [...this.#actions.keys()];
  }

  /**
   * Runs an action: validates inputs and credentials, calls the handler, validates its output.
   * Rejected data gives a `validation_error` envelope, a thrown `ActionError` an `action_error`
   * one; any other exception propagates. `options.signal`/`options.timeout` give it up with
   * `ExecutionAbortedError`. A required secret the action declares that `context.secrets`
   * lacks rejects with `ConfigurationError` (`missing_secret`), unrun.
   */
  executeAction<N extends keyof A & string>(
    name: N,
    inputs: A[N]["input"],
    context: AnyContext,
    options?: ExecuteOptions,
  ): Promise<ActionOutcome<A[N]["output"]>> {
    // Not `async`: returning runAction's promise saves a wrapper promise per call.
    const resolved = this.#resolved.get(name);
    if (resolved?.secrets ?? this.config.actions[name]?.secrets) {
      try {
        assertSecrets(this.config, "actions", name, context.secrets as SecretValues);
      } catch (error) {
        return Promise.reject(error);
      }
    }
    if (options) {
      const run = () => this.#runAction(name, resolved, inputs, context);
      return withinDeadline(`action "${name}"`, options, run);
    }
    return this.#runAction(name, resolved, inputs, context);
  }

  #runAction(
    name: string,
    resolved: ResolvedAction | undefined,
    inputs: unknown,
    context: AnyContext,
  ): Promise<ActionOutcome> {
    if (resolved) return runAction(resolved, inputs, this.#scope(context), this.#hooks);
    return this.#resolveAndRun(name, inputs, context);
  }

  /** The first call of an action: resolves its run record, keeps it, and runs. */
  async #resolveAndRun(name: string, inputs: unknown, context: AnyContext): Promise<ActionOutcome> {
    const handler = this.#actions.get(name);
    if (!handler) return notRegistered(name);
    const secrets = Boolean(this.config.actions[name]?.secrets);
    const resolved = await resolveAction(name, handler, this.#checks, secrets);
    // A handler replaced while the validators loaded is not overwritten by the old one.
    if (this.#actions.get(name) === handler) this.#resolved.set(name, resolved);
    return runAction(resolved, inputs, this.#scope(context), this.#hooks);
  }

  /**
   * Runs one poll of a polling trigger and returns its records, each `data` validated;
   * throws `ValidationError` for unregistered names, invalid inputs, credentials or records, and
   * `ExecutionAbortedError` when `options.signal` aborts or `options.timeout` passes first.
   */
  async executePollingTrigger<N extends keyof T & string>(
    name: N,
    inputs: T[N]["input"],
    lastPollTs: string | null,
    context: AnyContext,
    options?: ExecuteOptions,
  ): Promise<Array<PollingRecord<T[N]["record"]>>> {
    const handler = this.#triggers.get(name);
    assertSecrets(this.config, "polling_triggers", name, context.secrets as SecretValues);
    const records = await withinDeadline(`polling trigger "${name}"`, options, () =>
      runPollingTrigger(
        name,
        handler,
        this.#checks,
        inputs,
        lastPollTs,
        this.#scope(context),
        this.#hooks,
      ),
    );
    return records as Array<PollingRecord<T[N]["record"]>>;
  }

  /**
   * Runs one poll with state kept in `options.store`: the handler gets the previous poll's
   * `lastPollTs`, and its records come back split by the trigger's `dedupe` into `delivered`,
   * `seen` (already delivered) and, on the first poll, `seeded` (recorded, not delivered).
   */
  poll<N extends keyof T & string>(
    name: N,
    inputs: T[N]["input"],
    context: AnyContext,
    options: PollOptions,
  ): Promise<PollOutcome<T[N]["record"]>> {
    const key = options.key ?? `${this.config.name}.${name}`;
    const dedupe = this.config.polling_triggers?.[name]?.dedupe;
    return pollWithState(
      key,
      name,
      dedupe,
      (lastPollTs) => this.executePollingTrigger(name, inputs, lastPollTs, context, options),
      options,
    );
  }

  /**
   * Describes the account the credentials belong to, as a `connected_account` envelope;
   * `options.signal`/`options.timeout` give it up with `ExecutionAbortedError`.
   */
  getConnectedAccount(
    context: AnyContext,
    options?: ExecuteOptions,
  ): Promise<ConnectedAccountResult> {
    return withinDeadline("connected account lookup", options, () =>
      this.#describeAccount(context),
    );
  }

  async #describeAccount(context: AnyContext): Promise<ConnectedAccountResult> {
    const handler = this.#connectedAccount;
    if (!handler) {
      throw new ValidationError("No connected account handler registered", {
        code: "not_registered",
        source: "input",
      });
    }
    await assertCredentials(this.#checks, context);
    let info: unknown;
    try {
      info = await handler(this.#scope(context) as never);
    } catch (error) {
      throw this.#hooks.mapError ? this.#hooks.mapError(error) : error;
    }
    if (!isObject(info)) {
      throw new ValidationError(
        `Connected account handler must return a ConnectedAccountInfo object, got ${kindOf(info)}`,
        {
          code: "invalid_result",
          source: "output",
        },
      );
    }
    return connectedAccountResult(info);
  }

  #unknown(kind: "action" | "trigger", name: string): ConfigurationError {
    const section = kind === "action" ? "actions" : "polling_triggers";
    const known = Object.keys(this.config[section] ?? {});
    const list = known.length ? known.map((n) => `"${n}"`).join(", ") : "none";
    const label = kind === "action" ? "Action" : "Polling trigger";
    return new ConfigurationError(
      `${this.#file}#/${section}: ${label} "${name}" is not defined (defined: ${list}); add it to the config or fix the name`,
      {
        code: kind === "action" ? "unknown_action" : "unknown_trigger",
        file: this.#file,
        pointer: `/${section}`,
      },
    );
  }
}

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseConfig } from "./config.ts";
import { findConfigProblem } from "./config-structure.ts";
import type { IntegrationConfig } from "./config-types.ts";
import type { ExecutionContext } from "./context.ts";
import { ActionError, ConfigurationError, ValidationError } from "./errors.ts";
import {
  type ActionOutcome,
  type ConnectedAccountResult,
  connectedAccountResult,
  RESULT_VERSION,
  validationResult,
} from "./result.ts";
import { SchemaChecks, violationsOf } from "./schema-checks.ts";
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
import { describeViolations } from "./validate.ts";

/** Options of an `Integration`. */
export interface IntegrationOptions {
  /** Validators compiled ahead of time by codegen; used instead of compiling at run time. */
  validators?: PrecompiledValidators;
  /** Where the config came from, for error messages; `"config.json"` by default. */
  file?: string;
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

/** Why credentials were rejected. */
interface CredentialProblem {
  message: string;
  property: string | null;
}

/** Any execution context: credentials are checked at run time, whatever their static type. */
type AnyContext = ExecutionContext<unknown>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object without data" : typeof value;
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
  readonly #checks: SchemaChecks;
  readonly #actions = new Map<string, ActionHandler<never, unknown, never>>();
  readonly #triggers = new Map<string, PollingTriggerHandler<never, unknown, never>>();
  #connectedAccount: ConnectedAccountHandler<never> | undefined;

  constructor(config: IntegrationConfig, options: IntegrationOptions = {}) {
    this.#file = options.file ?? "config.json";
    const problem = findConfigProblem(config);
    if (problem) {
      throw new ConfigurationError(`${this.#file}#${problem.pointer}: ${problem.message}`, {
        code: "config_invalid",
        file: this.#file,
        pointer: problem.pointer,
      });
    }
    this.config = config;
    this.#checks = new SchemaChecks(config, options.validators);
  }

  /** Reads and checks a config.json (synchronously); `ConfigurationError` says what and where. */
  static load<
    A extends ActionMap = ActionMap,
    T extends TriggerMap = TriggerMap,
    C = Record<string, unknown>,
  >(path: string | URL, options: IntegrationOptions = {}): Integration<A, T, C> {
    const file = path instanceof URL ? fileURLToPath(path) : path;
    let text: string;
    try {
      text = readFileSync(file, "utf8");
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
  action<N extends keyof A & string>(
    name: N,
    handler: ActionHandler<A[N]["input"], A[N]["output"], C>,
  ): this {
    if (!Object.hasOwn(this.config.actions, name)) throw this.#unknown("action", name);
    this.#actions.set(name, handler as ActionHandler<never, unknown, never>);
    return this;
  }

  /** Registers (or replaces) the handler of a polling trigger declared in the config. */
  pollingTrigger<N extends keyof T & string>(
    name: N,
    handler: PollingTriggerHandler<T[N]["input"], T[N]["record"], C>,
  ): this {
    if (!Object.hasOwn(this.config.polling_triggers ?? {}, name))
      throw this.#unknown("trigger", name);
    this.#triggers.set(name, handler as PollingTriggerHandler<never, unknown, never>);
    return this;
  }

  /** Registers (or replaces) the handler describing the connected account. */
  connectedAccount(handler: ConnectedAccountHandler<C>): this {
    this.#connectedAccount = handler as ConnectedAccountHandler<never>;
    return this;
  }

  /** Names of the actions with a registered handler. */
  get registeredActions(): string[] {
    return [...this.#actions.keys()];
  }

  /**
   * Runs an action: validates inputs and credentials, calls the handler, validates its output.
   * Rejected data gives a `validation_error` envelope, a thrown `ActionError` an `action_error`
   * one; any other exception propagates.
   */
  async executeAction<N extends keyof A & string>(
    name: N,
    inputs: A[N]["input"],
    context: AnyContext,
  ): Promise<ActionOutcome<A[N]["output"]>> {
    const handler = this.#actions.get(name);
    if (!handler) {
      const message = `Action "${name}" is not registered`;
      return validationResult({ message, property: null, value: null, source: "input" });
    }
    // The hot path awaits only real promises (the handler's, and Ajv's first compile): each
    // needless await is a microtask hop, a measurable share of a ~2 µs call.
    const pending = this.#checks.handler("actions", name);
    const checks = pending instanceof Promise ? await pending : pending;
    const badInput = violationsOf(checks.input, inputs);
    if (badInput) {
      const found = await badInput;
      const message = `Invalid inputs for action "${name}": ${describeViolations(found)}`;
      const first = found[0];
      const value = context.redactValue(first?.value ?? null);
      return validationResult({ message, property: first?.path ?? null, value, source: "input" });
    }
    const credentialCheck = this.#credentialProblem(context);
    const credentialError = credentialCheck && (await credentialCheck);
    if (credentialError) {
      return validationResult({ ...credentialError, value: null, source: "input" });
    }
    let returned: unknown;
    try {
      returned = await handler(inputs as never, context as never);
    } catch (error) {
      if (error instanceof ActionError) return actionError(error);
      throw error;
    }
    if (returned instanceof ActionError) return actionError(returned);
    if (!isObject(returned) || !("data" in returned) || !isCost(returned.cost_usd)) {
      const message = `Action handler "${name}" must return an ActionResult ({ data, cost_usd? }), got ${kindOf(returned)}`;
      return validationResult({ message, property: null, value: null, source: "output" });
    }
    const badOutput = violationsOf(checks.output, returned.data);
    if (badOutput) {
      const found = await badOutput;
      const message = `Invalid output of action "${name}": ${describeViolations(found)}`;
      const first = found[0];
      const value = context.redactValue(first?.value ?? null);
      return validationResult({ message, property: first?.path ?? null, value, source: "output" });
    }
    const result = {
      data: returned.data,
      cost_usd: (returned.cost_usd as number | undefined) ?? null,
    };
    return { version: RESULT_VERSION, type: "action", result };
  }

  /**
   * Runs one poll of a polling trigger and returns its records, each `data` validated;
   * throws `ValidationError` for unregistered names, invalid inputs, credentials or records.
   */
  async executePollingTrigger<N extends keyof T & string>(
    name: N,
    inputs: T[N]["input"],
    lastPollTs: string | null,
    context: AnyContext,
  ): Promise<Array<PollingRecord<T[N]["record"]>>> {
    const handler = this.#triggers.get(name);
    if (!handler) {
      throw new ValidationError(`Polling trigger "${name}" is not registered`, {
        code: "not_registered",
        source: "input",
      });
    }
    const checks = await this.#checks.handler("triggers", name);
    const badInput = violationsOf(checks.input, inputs);
    if (badInput) {
      const found = await badInput;
      throw new ValidationError(
        `Invalid inputs for polling trigger "${name}": ${describeViolations(found)}`,
        {
          code: "invalid_input",
          source: "input",
          property: found[0]?.path ?? null,
          value: context.redactValue(found[0]?.value ?? null),
        },
      );
    }
    await this.#assertCredentials(context);
    const records: unknown = await handler(inputs as never, lastPollTs, context as never);
    if (!Array.isArray(records)) {
      throw new ValidationError(
        `Polling trigger "${name}" must return an array of records, got ${kindOf(records)}`,
        {
          code: "invalid_result",
          source: "output",
        },
      );
    }
    for (const [index, record] of records.entries()) {
      const where = `Record ${index} of polling trigger "${name}"`;
      for (const key of ["id", "data"] as const) {
        if (!isObject(record) || !(key in record)) {
          throw new ValidationError(`${where} has no "${key}" field; return { id, data } objects`, {
            code: "invalid_result",
            source: "output",
            property: `$[${index}].${key}`,
          });
        }
      }
      const bad = violationsOf(checks.output, (record as { data: unknown }).data);
      if (bad) {
        const found = await bad;
        throw new ValidationError(`${where}: invalid data: ${describeViolations(found)}`, {
          code: "invalid_output",
          source: "output",
          property: found[0]?.path ?? null,
          value: context.redactValue(found[0]?.value ?? null),
        });
      }
    }
    return records as Array<PollingRecord<T[N]["record"]>>;
  }

  /** Describes the account the credentials belong to, as a `connected_account` envelope. */
  async getConnectedAccount(context: AnyContext): Promise<ConnectedAccountResult> {
    const handler = this.#connectedAccount;
    if (!handler) {
      throw new ValidationError("No connected account handler registered", {
        code: "not_registered",
        source: "input",
      });
    }
    await this.#assertCredentials(context);
    const info: unknown = await handler(context as never);
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

  /** `undefined` when the credentials are valid (known synchronously once compiled), else the problem. */
  #credentialProblem(context: AnyContext): undefined | Promise<CredentialProblem | undefined> {
    const pending = this.#checks.credentials();
    if (pending instanceof Promise) return pending.then(() => this.#credentialProblem(context));
    if (!pending) return undefined;
    const bad = violationsOf(pending, context.credentials);
    if (!bad) return undefined;
    return bad.then((found) => ({
      // Paths and messages only: Ajv's messages never quote the offending value.
      message: context.redact(`Invalid credentials: ${describeViolations(found)}`),
      property: found[0]?.path ?? null,
    }));
  }

  async #assertCredentials(context: AnyContext): Promise<void> {
    const problem = await this.#credentialProblem(context);
    if (problem) {
      throw new ValidationError(problem.message, {
        code: "invalid_credentials",
        source: "input",
        property: problem.property,
      });
    }
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

function isCost(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === "number" && Number.isFinite(value))
  );
}

function actionError(error: ActionError): ActionOutcome<never> {
  const result = { message: error.message, cost_usd: error.cost_usd ?? null };
  return { version: RESULT_VERSION, type: "action_error", result };
}

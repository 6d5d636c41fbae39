import type { ExecutionContext } from "./context.ts";
import type { SecretValues } from "./secrets.ts";

/** What an action handler returns: its output and, for billed APIs, what the call cost. */
export interface ActionResult<O = unknown> {
  data: O;
  cost_usd?: number;
}

/**
 * The input and output types of one action, as codegen emits them in `Actions`, and the
 * `secrets` it declares (config.json `secrets`), which type its handler's `context.secrets`.
 */
export interface ActionSpec {
  input: unknown;
  output: unknown;
  secrets?: SecretValues;
}

/** Every action of an integration by name. */
export type ActionMap = Record<string, ActionSpec>;

/** The input and record-data types of one polling trigger, as codegen emits them in `Triggers`. */
export interface TriggerSpec {
  input: unknown;
  record: unknown;
  secrets?: SecretValues;
}

/** The `context.secrets` type of an action or trigger spec: its declared `secrets`, else any. */
export type SpecSecrets<X> = X extends { secrets: infer S } ? S : SecretValues;

/** Every polling trigger of an integration by name. */
export type TriggerMap = Record<string, TriggerSpec>;

/** One record a polling trigger yields; `id` is stable so the platform can deduplicate. */
export interface PollingRecord<R = unknown> {
  id: string;
  data: R;
}

/** A function that runs one action. */
export type ActionHandler<
  I = unknown,
  O = unknown,
  C = Record<string, unknown>,
  S = SecretValues,
> = (inputs: I, context: ExecutionContext<C, S>) => Promise<ActionResult<O>>;

/** A function that runs one poll of a polling trigger. */
export type PollingTriggerHandler<
  I = unknown,
  R = unknown,
  C = Record<string, unknown>,
  S = SecretValues,
> = (
  inputs: I,
  lastPollTs: string | null,
  context: ExecutionContext<C, S>,
) => Promise<Array<PollingRecord<R>>>;

/** Who the connected account is, in the platform's wire names. */
export interface ConnectedAccountInfo {
  email?: string;
  first_name?: string;
  last_name?: string;
  username?: string;
  user_id?: string;
  avatar_url?: string;
  organization?: string;
}

/** A function that describes the account the credentials belong to. */
export type ConnectedAccountHandler<C = Record<string, unknown>> = (
  context: ExecutionContext<C>,
) => Promise<ConnectedAccountInfo>;

/** One validation problem, as precompiled (Ajv standalone) validators report it. */
export interface ValidatorError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** A compiled validator: Ajv's `ValidateFunction` shape, narrowing `data` on success. */
export interface ValidateFunction<T = unknown> {
  (data: unknown): data is T;
  errors?: ValidatorError[] | null;
}

/** The precompiled validators of one action or trigger: its input and its output (or record). */
export interface OperationValidators {
  input?: ValidateFunction;
  output?: ValidateFunction;
}

/**
 * One action's or trigger's validators, or a function loading them on first use (codegen emits
 * `() => import("./actions/<name>.gen.js")`, so a process loads only the validators it runs).
 */
export type OperationValidatorsEntry = OperationValidators | (() => Promise<OperationValidators>);

/** Validators compiled ahead of time by codegen, used instead of compiling at run time. */
export interface PrecompiledValidators {
  credentials?: ValidateFunction;
  actions?: Record<string, OperationValidatorsEntry>;
  triggers?: Record<string, OperationValidatorsEntry>;
}

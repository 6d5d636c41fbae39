import type { HttpCall, HttpInterceptor, PollOptions, PollOutcome } from "@plugboard/sdk";

/** The result envelope an integration returns, as the SDK serialises it. */
export interface RunResult {
  version: string;
  type: "action" | "action_error" | "validation_error" | "connected_account" | string;
  result: unknown;
}

/** One record a polling trigger returned. */
export interface TriggerRecord {
  id: string | number;
  data: unknown;
}

/** One HTTP attempt a handler made, as the SDK's `onHttpCall` reports it (secrets redacted). */
export type { HttpCall };

/** The options the CLI passes to the SDK's `ExecutionContext`. */
export interface RunContextOptions {
  auth?: Record<string, unknown>;
  secrets?: Record<string, string>;
  originOverrides?: Record<string, string>;
  onHttpCall?: (call: HttpCall) => void;
  interceptors?: HttpInterceptor[];
}

/** What the CLI needs of an `ExecutionContext`. */
export interface RunContext {
  close(): unknown;
  /** `text` with every credential value replaced by `[REDACTED]`. */
  redact(text: string): string;
}

/** How long an execution may run, as the SDK's `executeAction` takes it. */
export interface RunDeadline {
  signal?: AbortSignal;
  /** Seconds. */
  timeout?: number;
}

/** What the CLI needs of an `Integration`: the loaded module is only known at run time. */
export interface RunnableIntegration {
  executeAction(
    name: string,
    inputs: unknown,
    context: RunContext,
    options?: RunDeadline,
  ): Promise<RunResult>;
  executePollingTrigger(
    name: string,
    inputs: unknown,
    lastPollTs: string | null,
    context: RunContext,
  ): Promise<TriggerRecord[]>;
  getConnectedAccount(context: RunContext): Promise<RunResult>;
  /** One poll with state (the SDK's dedupe and seed-on-enable); absent on older SDKs. */
  poll?(
    name: string,
    inputs: unknown,
    context: RunContext,
    options: PollOptions,
  ): Promise<PollOutcome<unknown>>;
}

/** An integration imported from its source, with the SDK copy it runs on. */
export interface LoadedIntegration {
  integration: RunnableIntegration;
  ExecutionContext: new (options: RunContextOptions) => RunContext;
  entry: string;
}

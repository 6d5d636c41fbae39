import type { HttpCall } from "@plugboard/sdk";

/** The result envelope an integration returns, as the SDK serialises it. */
export interface RunResult {
  version: string;
  type: "action" | "action_error" | "validation_error" | "connected_account" | string;
  result: unknown;
}

/** One HTTP attempt a handler made, as the SDK's `onHttpCall` reports it (secrets redacted). */
export type { HttpCall };

/** The options the CLI passes to the SDK's `ExecutionContext`. */
export interface RunContextOptions {
  auth?: Record<string, unknown>;
  secrets?: Record<string, string>;
  originOverrides?: Record<string, string>;
  onHttpCall?: (call: HttpCall) => void;
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
}

/** An integration imported from its source, with the SDK copy it runs on. */
export interface LoadedIntegration {
  integration: RunnableIntegration;
  ExecutionContext: new (options: RunContextOptions) => RunContext;
  entry: string;
}

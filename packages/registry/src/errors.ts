import type { HttpCall } from "@plugboard/sdk";

/** Why the registry could not find, load or resolve an integration. */
export type RegistryErrorCode =
  | "not_a_workspace"
  | "invalid_name"
  | "unknown_integration"
  | "unknown_action"
  | "unknown_trigger"
  | "invalid_config"
  | "missing_credentials"
  | "load_failed"
  | "timed_out"
  | "handler_failed";

/** A workspace, integration or qualified name the registry cannot serve; its message says how to fix it. */
export class RegistryError extends Error {
  override readonly name = "RegistryError";
  readonly code: RegistryErrorCode;
  /** With `handler_failed`: the HTTP calls the handler made before it threw. */
  readonly calls: HttpCall[];
  /** With `handler_failed`: the name of what the handler threw (`HTTPError`, `TypeError`…). */
  readonly thrown: string | undefined;

  constructor(
    code: RegistryErrorCode,
    message: string,
    options: { cause?: unknown; calls?: HttpCall[]; thrown?: string } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.calls = options.calls ?? [];
    this.thrown = options.thrown;
  }
}
